"""Build tests/data/rewrites.jsonl from the marked-up sources beside this file.

Offsets are computed here from ``[[...]]`` marks, never counted by hand.  A
source file holds blocks separated by blank lines; each line starts with a key:

    G: group                      (file default; a block may override it)
    S: written | zyte:<url> | corpus:<id> | feeds:<path> <item link>
    T: the sentence, with every target span marked [[like this]]
    K: entry/status[/advice] ...  one per marked span, in order
    A: an acceptable whole output (repeat for variants; none = text unchanged)
    N: a note

Run:  python tests/data/rewrites_src/build.py           (writes ../rewrites.jsonl)
      python tests/data/rewrites_src/build.py --stats   (and prints the count tables)
      python tests/data/rewrites_src/build.py --remap-corpus TEXTS.jsonl
          (re-points every corpus:<id> source at the article of TEXTS.jsonl,
          the output of ``scripts/corpus.py build``, that holds its sentence:
          for when the real-news manifest is renumbered)
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "rewrites.jsonl"
MARK = re.compile(r"\[\[(.+?)\]\]")


def parse_block(lines: list[str], group: str, where: str) -> dict:
    rec: dict = {"group": group, "accept": [], "note": ""}
    keys: list[str] = []
    for line in lines:
        key, _, val = line.partition(": ")
        if key == "G":
            rec["group"] = val.strip()
        elif key == "S":
            rec["source"] = val.strip()
        elif key == "T":
            rec["marked"] = val.rstrip("\n")
        elif key == "K":
            keys = val.split()
        elif key == "A":
            rec["accept"].append(val.rstrip("\n"))
        elif key == "N":
            rec["note"] = (rec["note"] + " " + val.strip()).strip()
        else:
            raise SystemExit(f"{where}: unknown line {line!r}")
    marked = rec.pop("marked")
    text, targets, pos = "", [], 0
    for m in MARK.finditer(marked):
        text += marked[pos : m.start()]
        start = len(text)
        text += m.group(1)
        targets.append({"start": start, "end": len(text), "text": m.group(1)})
        pos = m.end()
    text += marked[pos:]
    if len(keys) != len(targets):
        raise SystemExit(f"{where}: {len(targets)} marks but {len(keys)} K items")
    advice = []
    for i, (t, k) in enumerate(zip(targets, keys, strict=True)):
        parts = k.split("/")
        t["entry"], t["status"] = parts[0], parts[1]
        if len(parts) > 2 and parts[2] == "advice":
            advice.append(i)
    if not rec["accept"]:
        rec["accept"] = [text]
    out = {
        "group": rec["group"],
        "text": text,
        "source": rec.get("source", "written"),
        "targets": targets,
        "accept": rec["accept"],
        "advice_only": advice,
    }
    out["note"] = rec["note"]
    return out


def remap_corpus(texts_path: Path) -> int:
    """Rewrite the ``S: corpus:<id>`` lines so each names the article whose
    rebuilt text contains the record's sentence; report sentences found in no
    article or in several."""
    texts = {}
    for line in texts_path.read_text(encoding="utf-8").splitlines():
        obj = json.loads(line)
        texts[obj["id"]] = " ".join(obj["text"].split())
    changed = problems = 0
    for path in sorted(HERE.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        for i, line in enumerate(lines):
            if not line.startswith("S: corpus:"):
                continue
            marked = next((x[3:] for x in lines[i + 1 : i + 4] if x.startswith("T: ")), "")
            sentence = " ".join(MARK.sub(r"\1", marked).split())
            hits = [k for k, v in texts.items() if sentence in v]
            old = line[len("S: corpus:") :]
            if old in hits:
                continue  # still right (a sentence may recur in republished copies)
            if not hits:
                problems += 1
                print(f"{path.name}:{i + 1}: corpus:{old}: sentence in no article")
            else:  # republished copies: the first article that holds it
                lines[i] = f"S: corpus:{min(hits)}"
                changed += 1
        path.write_text("\n".join(lines), encoding="utf-8")
    print(f"{changed} corpus sources re-pointed, {problems} found in no article")
    return 1 if problems else 0


def main() -> int:
    if "--remap-corpus" in sys.argv:
        return remap_corpus(Path(sys.argv[sys.argv.index("--remap-corpus") + 1]))
    records = []
    for path in sorted(HERE.glob("*.txt")):
        group = ""
        blocks = path.read_text(encoding="utf-8").split("\n\n")
        for n, block in enumerate(blocks):
            lines = [ln for ln in block.splitlines() if ln.strip() and not ln.startswith("#")]
            if not lines:
                continue
            if len(lines) == 1 and lines[0].startswith("G: "):
                group = lines[0][3:].strip()
                continue
            records.append(parse_block(lines, group, f"{path.name} block {n + 1}"))
    with OUT.open("w", encoding="utf-8") as fh:
        for i, rec in enumerate(records, 1):
            rec = {"id": f"rw-{i:04d}", **rec}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{OUT.name}: {len(records)} records")
    if "--stats" in sys.argv:
        print_stats(records)
    return 0


def print_stats(records: list[dict]) -> None:
    """Markdown tables for rewrites.md: sentences per group (real, written,
    targets, advice-only) and targets per status."""
    groups = list(dict.fromkeys(r["group"] for r in records))
    print("\n| group | sentences | real | written | targets | advice-only |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for g in groups + ["**all**"]:
        rs = records if g == "**all**" else [r for r in records if r["group"] == g]
        real = sum(r["source"] != "written" for r in rs)
        targets = sum(len(r["targets"]) for r in rs)
        advice = sum(len(r["advice_only"]) for r in rs)
        print(f"| {g} | {len(rs)} | {real} | {len(rs) - real} | {targets} | {advice} |")
    statuses = Counter(t["status"] for r in records for t in r["targets"])
    print("\n| status | targets |")
    print("| --- | ---: |")
    for st, n in statuses.most_common():
        print(f"| {st} | {n} |")
    kinds = Counter(r["source"].split(":")[0] for r in records)
    print("\nsources:", dict(kinds))


if __name__ == "__main__":
    sys.exit(main())
