"""Accuracy of the framing engine against the naive word-list baseline.

    python benchmarks/accuracy.py [--json] [--sets devset,heldout]

Runs the real engine and ``NaiveBaseline`` (whole-word matching of every
lexicon form) over the annotated sets in ``tests/data/`` and prints
precision, recall and F1 per set and per category, plus quote agreement.
devset is what the engine is tuned on; heldout measures generalisation, so
this script prints figures only, never heldout texts.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from framing.evaluate.baseline import NaiveBaseline  # noqa: E402
from framing.evaluate.dataset import load_dataset  # noqa: E402
from framing.evaluate.scoring import evaluate  # noqa: E402
from lexicon.model import CATEGORIES  # noqa: E402

DATA = REPO / "tests" / "data"


def pct(x: float | None) -> str:
    return "   -" if x is None else f"{100 * x:5.1f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--sets", default="devset,heldout")
    args = ap.parse_args(argv)

    from framing import Engine

    engine = Engine()
    baseline = NaiveBaseline()
    results: dict[str, dict] = {}
    for name in args.sets.split(","):
        data = load_dataset(DATA / f"{name}.jsonl")
        results[name] = {"engine": evaluate(engine, data), "naive": evaluate(baseline, data)}

    if args.json:
        out = {
            name: {
                who: {
                    "overall": r.overall.to_json(),
                    "per_category": {k: v.to_json() for k, v in r.per_category.items()},
                    "quote_agreement": r.quote_agreement,
                    "seconds": r.seconds,
                    "engine": r.engine,
                }
                for who, r in pair.items()
            }
            for name, pair in results.items()
        }
        print(json.dumps(out, indent=2))
        return 0

    print(f"engine: {getattr(engine, 'model_name', type(engine).__name__)}")
    for name, pair in results.items():
        e, b = pair["engine"], pair["naive"]
        print(
            f"\n== {name}: {e.items} texts, {e.occurrences} occurrences "
            f"({e.labels['FLAG']} FLAG, {e.labels['QUOTED']} QUOTED, {e.labels['NO']} NO)"
        )
        print(f"{'':20} {'engine':^20}   {'naive baseline':^20}")
        print(f"{'category':20} {'P':>6}{'R':>7}{'F1':>7}   {'P':>6}{'R':>7}{'F1':>7}")
        cats = ["overall", *[c for c in CATEGORIES if c in e.per_category or c in b.per_category]]
        for cat in cats:
            es = e.overall if cat == "overall" else e.per_category.get(cat)
            bs = b.overall if cat == "overall" else b.per_category.get(cat)
            row = f"{cat:20}"
            for s in (es, bs):
                row += (
                    f" {pct(s.precision)} {pct(s.recall)} {pct(s.f1)}  "
                    if s
                    else f" {'-':>5} {'-':>5} {'-':>5}  "
                )
            print(row)
        print(
            f"{'quote agreement':20} {pct(e.quote_agreement):>6}{'':16}{pct(b.quote_agreement):>6}"
        )
        print(f"{'seconds':20} {e.seconds:6.2f}{'':16}{b.seconds:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
