"""Precision / recall / F1 of the engine on the annotated dev set (the only set
the engine may be tuned on; never point this at heldout.jsonl).

    python benchmarks/engine_devset.py [--show-errors]

A gold occurrence labelled FLAG or QUOTED is a positive; a flag is correct when
it overlaps a positive.  Quoted status is scored separately on matched pairs.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def main() -> None:
    from framing import Engine

    show = "--show-errors" in sys.argv
    path = REPO / "tests" / "data" / "devset.jsonl"
    records = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    engine = Engine()
    t = time.perf_counter()
    results = list(engine.check_many([r["text"] for r in records]))
    dt = time.perf_counter() - t
    tp = fp = fn = 0
    quoted_ok = quoted_n = 0
    per_cat = Counter()
    for rec, flags in zip(records, results, strict=True):
        pos = [o for o in rec["occurrences"] if o["label"] in ("FLAG", "QUOTED")]
        matched = set()
        for f in flags:
            hit = [i for i, o in enumerate(pos) if f.start < o["end"] and o["start"] < f.end]
            if hit:
                tp += 1
                matched.update(hit)
                o = pos[hit[0]]
                quoted_n += 1
                quoted_ok += (o["label"] == "QUOTED") == f.quoted
                per_cat[(o["category"], "tp")] += 1
                if show and (o["label"] == "QUOTED") != f.quoted:
                    print(f"QUOTE? {rec['id']}: {f.text!r} gold={o['label']} quoted={f.quoted}\n   {rec['text']}")
            else:
                fp += 1
                per_cat[(f.category, "fp")] += 1
                if show:
                    print(f"FP {rec['id']}: {f.text!r} ({f.entry})\n   {rec['text']}")
        for i, o in enumerate(pos):
            if i not in matched:
                fn += 1
                per_cat[(o["category"], "fn")] += 1
                if show:
                    print(f"FN {rec['id']}: {o['text']!r} ({o['entry']})\n   {rec['text']}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"dev set: {len(records)} texts, {tp + fn} positives, {dt:.2f} s")
    print(f"precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}  (tp {tp}, fp {fp}, fn {fn})")
    print(f"quoted agreement {quoted_ok}/{quoted_n} = {quoted_ok / max(quoted_n, 1):.3f}")
    cats = sorted({c for c, _ in per_cat})
    for c in cats:
        a, b, d = per_cat[(c, "tp")], per_cat[(c, "fp")], per_cat[(c, "fn")]
        print(f"  {c:20s} tp {a:3d} fp {b:3d} fn {d:3d}")


if __name__ == "__main__":
    main()
