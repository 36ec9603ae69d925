"""Train the learned check (framing.learned) on an annotated dataset and
measure it by 5-fold cross-validation grouped by article.

    python scripts/train_model.py DEV.jsonl [--out framing/data/model.json] [--folds 5]

Every hit the rules keep on an uncertain word (``framing.learned.uncertain``)
is an example: positive when it overlaps an occurrence labelled FLAG or
QUOTED, negative otherwise.  A logistic regression (scikit-learn) over the
sentence features is fitted; the regularisation and the threshold are chosen
by cross-validation on the dataset's overall F1 (the certain hits count as
they are), and the printed figures are the cross-validated ones: every
article is scored by a model that never saw it.  The final model, fitted on
all of the data, is written as plain weights.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def examples(dataset, engine):
    """(features, label, group, certain) per hit the rules keep, and the
    positives no hit finds (misses the model cannot change)."""
    from framing.analysis import tagged_sentence, text_phase
    from framing.learned import features, uncertain
    from framing.rules import TAG_RULES, first_exemption

    rows = []
    for item in dataset.items:
        text = item.text
        positives = [o for o in item.occurrences if o.positive]
        found = set()
        flags = {(f.start, f.end) for f in engine.check(text)}
        matches = engine.index.prefilter.find(text)
        sentences, _ = engine._sentences(text, matches)
        for (a, _b), st in sentences.items():
            s = tagged_sentence(engine.nlp, st)
            for c in text_phase(s, engine.index):
                if first_exemption(TAG_RULES, c, s, engine.index) is not None:
                    continue
                start, end = a + c.start, a + c.end
                if not any(fs < end and start < fe for fs, fe in flags):
                    continue  # the document-level checks dropped it
                hit = [i for i, o in enumerate(positives) if o.start < end and start < o.end]
                found.update(hit)
                rows.append(
                    {
                        "features": features(c, s),
                        "label": bool(hit),
                        "group": item.id,
                        "uncertain": uncertain(c.entry, c),
                        "occ": [(item.id, i) for i in hit],
                    }
                )
        rows.append({"misses": len(positives) - len(found), "group": item.id})
    return rows


def score(rows, keep) -> tuple[float, float, float]:
    """Overall precision, recall, F1 when the uncertain hits in ``keep`` (a set
    of row indices) are flagged and the other uncertain hits dropped."""
    tp = fp = 0
    found = set()
    positives = 0
    for i, r in enumerate(rows):
        if "misses" in r:
            positives += r["misses"]
            continue
        flagged = (not r["uncertain"]) or i in keep
        if not flagged:
            continue
        if r["label"]:
            tp += 1
            found.update(r["occ"])
        else:
            fp += 1
    occs = {o for r in rows if "occ" in r for o in r["occ"]}
    positives += len(occs)
    p = tp / (tp + fp) if tp + fp else 0.0
    rec = len(found) / positives if positives else 0.0
    f1 = 2 * p * rec / (p + rec) if p + rec else 0.0
    return p, rec, f1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dataset")
    ap.add_argument("--out", type=Path, default=REPO / "framing" / "data" / "model.json")
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args()

    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    from framing import Engine
    from framing.evaluate import load_dataset

    data = load_dataset(args.dataset)
    engine = Engine(learned=False, cache_size=0)
    rows = examples(data, engine)
    idx = [i for i, r in enumerate(rows) if r.get("uncertain")]
    X_dicts = [rows[i]["features"] for i in idx]
    y = np.array([rows[i]["label"] for i in idx])
    groups = [rows[i]["group"] for i in idx]
    print(
        f"{len(data.items)} articles, {sum('misses' not in r for r in rows)} hits, "
        f"{len(idx)} uncertain ({int(y.sum())} positive)"
    )
    base = score(rows, set(idx))
    print(f"rules alone:            P={base[0]:.3f} R={base[1]:.3f} F1={base[2]:.3f}")
    if len(set(groups)) < args.folds or len(set(y)) < 2:
        sys.exit("too few articles or one class only: no model")
    vec = DictVectorizer()
    X = vec.fit_transform(X_dicts)
    folds = list(GroupKFold(n_splits=args.folds).split(X, y, groups))
    best = None
    for C in (0.03, 0.1, 0.3, 1.0, 3.0):
        proba = np.zeros(len(idx))
        for train, test in folds:
            clf = LogisticRegression(C=C, max_iter=2000)
            clf.fit(X[train], y[train])
            proba[test] = clf.predict_proba(X[test])[:, 1]
        for threshold in (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6):
            keep = {idx[j] for j in range(len(idx)) if proba[j] >= threshold}
            p, r, f = score(rows, keep)
            if best is None or f > best[0]:
                best = (f, p, r, C, threshold)
    f, p, r, C, threshold = best
    print(
        f"with the learned check ({args.folds}-fold, grouped by article): P={p:.3f} R={r:.3f} "
        f"F1={f:.3f} (C={C}, threshold={threshold})"
    )
    clf = LogisticRegression(C=C, max_iter=2000).fit(X, y)
    names = vec.get_feature_names_out()
    weights = {
        n: round(float(w), 4) for n, w in zip(names, clf.coef_[0], strict=True) if abs(w) > 1e-4
    }
    weights["bias"] = round(float(clf.intercept_[0]) + weights.get("bias", 0.0), 4)
    out = {
        "threshold": threshold,
        "weights": dict(sorted(weights.items())),
        "meta": {
            "trained_on": str(Path(args.dataset).name),
            "articles": len(data.items),
            "examples": len(idx),
            "C": C,
            "cv": {
                "folds": args.folds,
                "precision": round(p, 4),
                "recall": round(r, 4),
                "f1": round(f, 4),
            },
            "rules_alone": {
                "precision": round(base[0], 4),
                "recall": round(base[1], 4),
                "f1": round(base[2], 4),
            },
        },
    }
    args.out.write_text(json.dumps(out, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    print(f"{len(weights)} weights -> {args.out}")


if __name__ == "__main__":
    main()
