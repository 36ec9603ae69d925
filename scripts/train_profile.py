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
    MODEL_TEXT,
    cross_validate,
    cross_validate_text,
    fit_model,
    fit_text_model,
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
    meta: dict[str, object] = {
        "trained_on": f"{Path(args.labels).name} DEV part",
        "articles": len(arts),
    }
    # which features each model reads: framing.evaluate.profile.MODEL_FEATURES
    for name, pos, neg, y in (
        ("frame", "thematic", "episodic", [a.thematic for a in arts]),
        ("solutions", "yes", "no", [a.solutions for a in arts]),
        ("evidence", "yes", "no", [a.evidence for a in arts]),
    ):
        use = MODEL_FEATURES[name]
        cols = [i for i, n in enumerate(FEATURE_NAMES) if use is None or n in use]
        sub = [[r[i] for i in cols] for r in rows]
        if name in MODEL_TEXT:
            texts = [a.text for a in arts]
            models[name] = fit_text_model(texts, rows, y, pos, neg, *MODEL_TEXT[name])
            pred = cross_validate_text(texts, sub, y, *MODEL_TEXT[name])
        else:
            models[name] = fit_model(rows, y, pos, neg, use)
            pred = cross_validate(sub, y)
        meta[f"{name}_cv_macro_f1"] = round(macro_f1(y, pred), 4)
        meta[f"{name}_positives"] = sum(y)
    # one line per model: the text models hold thousands of words each
    lines = [f' "meta": {json.dumps(meta)}']
    body = ",\n  ".join(f"{json.dumps(k)}: {json.dumps(v)}" for k, v in models.items())
    Path(args.out).write_text("{\n" + lines[0] + ',\n "models": {\n  ' + body + "\n }\n}\n")
    print(json.dumps(meta))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
