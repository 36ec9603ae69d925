"""Fit the profile's frame, solutions and evidence models on the DEV labels.

    python scripts/train_profile.py [tests/data/realnews/profiles.jsonl] [--texts PATH]
    python scripts/train_profile.py --select [--seeds 5]

``--select`` chooses each model's regularisation by cross-validation on DEV
(the grid below: C, and the weight of the named features beside the words):
the pair with the best mean macro F1 over five seeds of 5-fold CV, which is
what ``MODEL_TEXT`` in ``framing.evaluate.profile`` should then hold.  It also
reports the nested estimate (the choice made again inside each outer training
fold, scored on the outer fold it never saw), so the figure a reader quotes
is not flattered by the choice.

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
from typing import Any

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
GRID_C = (0.3, 1.0, 3.0)
GRID_ALPHA = (0.05, 0.1, 0.3)
SEEDS = (13, 0, 1, 2, 3)


class _Folds:
    """Cross-validation of the shipped text-and-features model family with each
    training set's TF-IDF fitted once, however many (C, alpha) are tried on it."""

    def __init__(self, texts: list[str], rows: list[list[float]]) -> None:
        import numpy as np

        self.texts = texts
        self.rows = np.asarray(rows, dtype=float)
        self._tfidf: dict[tuple[int, ...], tuple[Any, Any, Any]] = {}

    def predict(self, train: Any, test: Any, y: Any, c: float, alpha: float) -> Any:
        import scipy.sparse as sp
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.preprocessing import StandardScaler

        from framing.profile.features import terms

        key = (*train, -1, *test)
        if key not in self._tfidf:
            vec = TfidfVectorizer(analyzer=terms, sublinear_tf=True, min_df=3, max_df=0.9)
            t = vec.fit_transform([self.texts[i] for i in train])
            self._tfidf[key] = (t, vec.transform([self.texts[i] for i in test]), None)
        t, tt, _ = self._tfidf[key]
        scaler = StandardScaler().fit(self.rows[train])
        x = sp.hstack([t, sp.csr_matrix(scaler.transform(self.rows[train]) * alpha)]).tocsr()
        xt = sp.hstack([tt, sp.csr_matrix(scaler.transform(self.rows[test]) * alpha)]).tocsr()
        lr = LogisticRegression(C=c, class_weight="balanced", max_iter=3000)
        return lr.fit(x, y[train]).predict(xt)

    def cv(self, idx: Any, y: Any, c: float, alpha: float, seed: int) -> float:
        """Macro F1 of 5-fold CV within the articles ``idx``."""
        import numpy as np
        from sklearn.model_selection import StratifiedKFold

        pred = np.zeros(len(idx), dtype=bool)
        folds = StratifiedKFold(5, shuffle=True, random_state=seed)
        for tr, te in folds.split(idx, y[idx]):
            pred[te] = self.predict(idx[tr], idx[te], y, c, alpha)
        return macro_f1(list(y[idx]), list(pred))

    def best(self, idx: Any, y: Any, seeds: tuple[int, ...]) -> tuple[tuple[float, float], float]:
        scores = {
            (c, a): sum(self.cv(idx, y, c, a, s) for s in seeds) / len(seeds)
            for c in GRID_C
            for a in GRID_ALPHA
        }
        pick = max(scores, key=lambda k: scores[k])
        return pick, scores[pick]

    def nested(self, y: Any, seed: int) -> float:
        """Macro F1 where each outer fold's (C, alpha) is chosen on its training
        part only (inner CV, one seed)."""
        import numpy as np
        from sklearn.model_selection import StratifiedKFold

        pred = np.zeros(len(y), dtype=bool)
        for tr, te in StratifiedKFold(5, shuffle=True, random_state=seed).split(y, y):
            (c, a), _ = self.best(tr, y, (seed + 100,))
            pred[te] = self.predict(tr, te, y, c, a)
        return macro_f1(list(y), list(pred))


def select(
    texts: list[str], rows: list[list[float]], ys: dict[str, list[bool]], seeds: int
) -> None:
    import numpy as np

    folds = _Folds(texts, rows)
    every = np.arange(len(texts))
    for name, y in ys.items():
        yy = np.asarray(y, dtype=bool)
        (c, a), score = folds.best(every, yy, SEEDS[:seeds])
        shipped = sum(folds.cv(every, yy, *MODEL_TEXT[name], s) for s in SEEDS[:seeds]) / seeds
        nest = [folds.nested(yy, s) for s in SEEDS[:seeds]]
        print(
            json.dumps(
                {
                    "model": name,
                    "chosen": {"C": c, "alpha": a},
                    "cv_mean_macro_f1": round(100 * score, 2),
                    "current": {"C": MODEL_TEXT[name][0], "alpha": MODEL_TEXT[name][1]},
                    "current_cv_mean_macro_f1": round(100 * shipped, 2),
                    "nested_mean_macro_f1": round(100 * sum(nest) / len(nest), 2),
                    "nested_per_seed": [round(100 * x, 1) for x in nest],
                }
            ),
            flush=True,
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("labels", nargs="?", default=str(ROOT / "tests/data/realnews/profiles.jsonl"))
    ap.add_argument("--texts", default=None)
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--select", action="store_true", help="choose C and alpha by CV on DEV")
    ap.add_argument("--seeds", type=int, default=5, choices=range(1, len(SEEDS) + 1))
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
    if args.select:
        ys = {
            "frame": [a.thematic for a in arts],
            "solutions": [a.solutions for a in arts],
            "evidence": [a.evidence for a in arts],
        }
        select([a.text for a in arts], rows, ys, args.seeds)
        return 0
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
