"""Fit the profile's frame, solutions and evidence models on the DEV labels.

    python scripts/train_profile.py [tests/data/realnews/profiles.jsonl] [--texts PATH]

Reads the labelled articles (texts from the corpus cache, never the
repository), keeps the DEV part only (TEST = sha256(id) % 5 == 0 is for
reporting), fits a standardised, class-balanced logistic regression per
decision with scikit-learn over ``framing.profile.features`` and writes
``framing/data/profile_models.json``: means, scales, weights and intercept,
which ``framing.profile.linear`` applies as a dot product.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framing.evaluate.profile import (  # noqa: E402
    MODEL_FEATURES,
    cross_validate,
    fit_model,
    load_articles,
    macro_f1,
)
from framing.evaluate.profile_cli import default_texts, split_of  # noqa: E402
from framing.profile.features import FEATURE_NAMES  # noqa: E402
from framing.profile.profiler import Profiler  # noqa: E402

OUT = ROOT / "framing" / "data" / "profile_models.json"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("labels", nargs="?", default=str(ROOT / "tests/data/realnews/profiles.jsonl"))
    ap.add_argument("--texts", default=None)
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args(argv)
    arts = [
        a
        for a in load_articles(
            Path(args.labels), Path(args.texts) if args.texts else default_texts()
        )
        if split_of(a.id) == "dev"
    ]
    profiler = Profiler()
    rows = []
    for a in arts:
        values = profiler.features(a.text)
        rows.append([values[n] for n in FEATURE_NAMES])
    models = {}
    meta: dict[str, object] = {"trained_on": f"{args.labels} DEV part", "articles": len(arts)}
    # which features each model reads: framing.evaluate.profile.MODEL_FEATURES
    for name, pos, neg, y in (
        ("frame", "thematic", "episodic", [a.thematic for a in arts]),
        ("solutions", "yes", "no", [a.solutions for a in arts]),
        ("evidence", "yes", "no", [a.evidence for a in arts]),
    ):
        use = MODEL_FEATURES[name]
        models[name] = fit_model(rows, y, pos, neg, use)
        cols = [i for i, n in enumerate(FEATURE_NAMES) if use is None or n in use]
        sub = [[r[i] for i in cols] for r in rows]
        meta[f"{name}_cv_macro_f1"] = round(macro_f1(y, cross_validate(sub, y)), 4)
        meta[f"{name}_positives"] = sum(y)
    Path(args.out).write_text(json.dumps({"meta": meta, "models": models}, indent=1) + "\n")
    print(json.dumps(meta))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
