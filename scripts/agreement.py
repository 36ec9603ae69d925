#!/usr/bin/env python3
"""Inter-annotator agreement for the real-news labels (issue 11).

One annotator's labels are only as good as the policy is clear.  This script
measures how far a second, independent annotator agrees, so the set's noise
is known before anyone tunes an engine against it:

    python scripts/agreement.py sample [--n 300] [--seed 11] [--dir /work/annot/agreement]
    python scripts/agreement.py kappa FIRST.jsonl SECOND.jsonl [--json]

``sample`` picks whole articles at random (by a seeded shuffle, never by
label or engine output) until at least ``--n`` occurrences are covered and
writes a blind packet for the second annotator: ``agreement.md`` (the whole
texts with every occurrence marked) and ``agreement.candidates.jsonl`` (the
packets' candidate format with ``label`` empty).  The first labels are not in
either file.  The packet holds article text: it goes to the work directory,
never into the repository.

``kappa`` joins two label files on ``(id, start, end)`` (either the packets'
candidate lines or ``tests/data/realnews/labels.jsonl`` lines; ``DROP``
lines are ignored) and prints Cohen's kappa over the three labels
(FLAG/QUOTED/NO), over flag-or-not (FLAG and QUOTED are both positives, as
``framewatch eval`` counts them), raw agreement, the confusion matrix and
kappa per category.  Cohen's kappa is scikit-learn's, not hand-written.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELS = ("FLAG", "QUOTED", "NO")


def _corpus():
    spec = importlib.util.spec_from_file_location("realnews_corpus", HERE / "corpus.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("realnews_corpus", mod)
    spec.loader.exec_module(mod)
    return mod


def read_labels(path: Path) -> dict[tuple[str, int, int], dict]:
    """``(id, start, end) -> line`` for every labelled, non-DROP occurrence."""
    out: dict[tuple[str, int, int], dict] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("label") == "DROP":
            continue
        if row.get("label") not in LABELS:
            raise SystemExit(
                f"error: {path.name} line {n}: label {row.get('label')!r} is not one of {'/'.join(LABELS)}"
            )
        out[(row["id"], row["start"], row["end"])] = row
    return out


def agreement(first: dict, second: dict) -> dict:
    """Kappa figures over the occurrences both files label."""
    from sklearn.metrics import cohen_kappa_score  # only kappa needs it; keeps errors fast

    keys = sorted(set(first) & set(second))
    if not keys:
        raise SystemExit("error: the two files share no occurrence (id, start, end)")
    a = [first[k]["label"] for k in keys]
    b = [second[k]["label"] for k in keys]
    pos_a = [x != "NO" for x in a]
    pos_b = [x != "NO" for x in b]
    confusion = Counter(zip(a, b, strict=True))
    per_cat: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for k, x, y in zip(keys, a, b, strict=True):
        per_cat[first[k].get("category") or "?"].append((x, y))
    cats = {}
    for cat, pairs in sorted(per_cat.items()):
        xs, ys = zip(*pairs, strict=True)
        same = len(set(xs) | set(ys)) == 1  # one label only: kappa undefined
        cats[cat] = {
            "n": len(pairs),
            "agreement": sum(x == y for x, y in pairs) / len(pairs),
            "kappa": None if same else cohen_kappa_score(xs, ys, labels=list(LABELS)),
        }
    return {
        "n": len(keys),
        "only_first": len(set(first) - set(second)),
        "only_second": len(set(second) - set(first)),
        "agreement": sum(x == y for x, y in zip(a, b, strict=True)) / len(keys),
        "kappa": cohen_kappa_score(a, b, labels=list(LABELS)),
        "flag_agreement": sum(x == y for x, y in zip(pos_a, pos_b, strict=True)) / len(keys),
        "flag_kappa": cohen_kappa_score(pos_a, pos_b),
        "confusion": {f"{x}/{y}": n for (x, y), n in sorted(confusion.items())},
        "per_category": cats,
    }


def cmd_kappa(args) -> int:
    res = agreement(read_labels(args.first), read_labels(args.second))
    if args.json:
        print(json.dumps(res, indent=2))
        return 0
    print(
        f"{res['n']} occurrences labelled by both ({res['only_first']} only in the first, {res['only_second']} only in the second)"
    )
    print(f"FLAG/QUOTED/NO: agreement {res['agreement']:.3f}, Cohen's kappa {res['kappa']:.3f}")
    print(
        f"flag or not:    agreement {res['flag_agreement']:.3f}, Cohen's kappa {res['flag_kappa']:.3f}"
    )
    print("confusion (first/second): " + ", ".join(f"{k} {v}" for k, v in res["confusion"].items()))
    for cat, c in res["per_category"].items():
        kappa = "n/a" if c["kappa"] is None else f"{c['kappa']:.3f}"
        print(f"  {cat:18} n={c['n']:4}  agreement {c['agreement']:.3f}  kappa {kappa}")
    return 0


def cmd_sample(args) -> int:
    corpus = _corpus()
    texts = corpus.load_texts(args.out)
    labels = read_labels(args.labels)
    per: dict[str, list[tuple[int, int, dict]]] = defaultdict(list)
    for (aid, s, e), row in labels.items():
        per[aid].append((s, e, row))
    ids = sorted(per)
    random.Random(args.seed).shuffle(ids)
    chosen, total = [], 0
    for aid in ids:
        if total >= args.n:
            break
        chosen.append(aid)
        total += len(per[aid])
    args.dir.mkdir(parents=True, exist_ok=True)
    md = [f"# Agreement sample: {len(chosen)} articles, {total} occurrences (seed {args.seed})", "",
          "Label every marked occurrence FLAG / QUOTED / NO by ../shared/flagging-policy.md",
          "(and tests/data/realnews/GUIDE.md), in agreement.candidates.jsonl.  Do not look at",
          "tests/data/realnews/labels.jsonl or any engine output first.", ""]  # fmt: skip
    lines = []
    for aid in sorted(chosen):
        text = texts[aid]["text"]
        occ = sorted(per[aid])
        marked, last = [], 0
        for k, (s, e, _row) in enumerate(occ, 1):
            marked += [text[last:s], f"[[{k}:{text[s:e]}]]"]
            last = e
        marked.append(text[last:])
        md += [f"## {aid}", "", "".join(marked), ""]
        for k, (s, e, row) in enumerate(occ, 1):
            lines.append({"id": aid, "occ": k, "start": s, "end": e, "text": text[s:e],
                          "entry": row["entry"], "category": row["category"], "label": None, "note": ""})  # fmt: skip
    (args.dir / "agreement.md").write_text("\n".join(md), encoding="utf-8")
    with (args.dir / "agreement.candidates.jsonl").open("w", encoding="utf-8") as fh:
        for row in lines:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(chosen)} articles, {total} occurrences written to {args.dir}")
    return 0


def main(argv: list[str] | None = None) -> int:
    corpus = _corpus()
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    k = sub.add_parser("kappa", help="Cohen's kappa between two label files")
    k.add_argument("first", type=Path)
    k.add_argument("second", type=Path)
    k.add_argument("--json", action="store_true")
    s = sub.add_parser(
        "sample", help="write a blind packet of whole articles for a second annotator"
    )
    s.add_argument("--n", type=int, default=300, help="at least this many occurrences")
    s.add_argument("--seed", type=int, default=11)
    s.add_argument("--dir", type=Path, default=Path("/work/annot/agreement"))
    s.add_argument("--labels", type=Path, default=corpus.LABELS)
    s.add_argument(
        "--out", type=Path, default=None, help="rebuilt texts; default: $FRAMEWATCH_CORPORA"
    )
    args = ap.parse_args(argv)
    if args.cmd == "sample":
        args.out = (args.out or corpus.default_out_dir()).expanduser()
        try:
            return cmd_sample(args)
        except corpus.CorpusError as e:
            print(f"error: {e}", file=sys.stderr)
            return 2
    return cmd_kappa(args)


if __name__ == "__main__":
    sys.exit(main())
