"""The dismissal model: which of two estimators, fitted and measured how.

Two candidates, measured on every training rather than chosen once:

- ``logistic``: a logistic regression over the named binary features
  (``learning.vectorize``), the strong baseline for sparse one-hot data;
- ``boosting``: gradient-boosted trees (scikit-learn's
  ``GradientBoostingClassifier``, which takes sparse input), which can find
  conjunctions the named ones miss.

Both are calibrated (Platt scaling: a sigmoid fitted to the out-of-fold
scores), because the review folds a flag only above a probability (0.95 by
default) and that number has to mean what it says.  That is what
``CalibratedClassifierCV(method="sigmoid", ensemble=False)`` does, but on the
out-of-fold scores the model selection computes anyway, instead of fitting
every model three more times for it (a quarter of the fits: training is a few
seconds, not tens, on a busy machine).  Each candidate is scored by
cross-validation grouped by article (a flag's neighbours in the same article
would leak its label); the one with the lower Brier score (mean squared error
of the calibrated probabilities, which rewards calibration and sharpness
together) is refitted on everything and kept.  The precision of the dismiss
prediction, the figure a reviewer cares about ("when it says noise, is it
noise?"), is reported beside it.

The estimator's probability is then capped by the evidence of repetition
(:class:`Repeats`): a flag is only as likely to be dismissed as the pattern
of it that reviewers dismissed most consistently (the entry with the next or
previous word, in the outlet, in the outlet's section, or the entry at all),
estimated as a Beta posterior.  A model can only learn what repeats: on
separable decisions the sigmoid says 1.0 after three dismissals, where three
in three is nowhere near 95%; and every accepted flag of the same pattern (a
counter-example) lowers the posterior, so a true flag like those the team
keeps accepting stays shown.
"""

from __future__ import annotations

import io
import pickle
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from learning.errors import LearningError
from learning.vectorize import vector

KINDS = ("logistic", "boosting")
MIN_PER_CLASS = 5
FOLDS = 5


@dataclass(frozen=True)
class Example:
    """One decided flag: its stored features, whether it was dismissed, and
    its article (the cross-validation groups)."""

    features: dict[str, Any]
    dismissed: bool
    group: str


PRIOR = 1.0  # weight, in decisions, of a pattern's prior (its entry's dismissal rate)


def _word(words: Any) -> str:
    """The first word of ``words`` (punctuation is no pattern: "heels," is "heels")."""
    for w in words or ():
        if any(c.isalnum() for c in str(w)):
            return str(w).lower()
    return ""


def _after(ctx: dict[str, Any]) -> str:
    return _word(ctx.get("lemmas_after")) or _word(ctx.get("after"))


def _before(ctx: dict[str, Any]) -> str:
    return _word(reversed(ctx.get("lemmas_before") or [])) or _word(
        reversed(ctx.get("before") or [])
    )


def pattern_keys(features: dict[str, Any]) -> list[tuple[str, ...]]:
    """The patterns a reviewer recognises a repeat by, of one flag's features."""
    ctx = features.get("context") or {}
    entry = str(features.get("entry", ""))
    outlet = str(features.get("outlet") or "").lower()
    section = str(features.get("section") or "")
    after, before = _after(ctx), _before(ctx)
    keys: list[tuple[str, ...]] = [("after", entry, after), ("before", entry, before)]
    if outlet:
        keys += [("outlet", entry, outlet), ("after@outlet", entry, after, outlet)]
        if section:
            keys.append(("section", entry, outlet, section))
    return keys


class Repeats:
    """Dismissal rates of the patterns seen in training, as Beta-binomial
    posteriors: what the reviewers did with flags of the same pattern, and
    nothing else.

    An entry's rate is shrunk towards the database's: (dismissed + PRIOR *
    database rate) / (decided + PRIOR).  A pattern's is shrunk towards its
    entry's rate on the entry's *other* decisions (so the same decisions do not
    count twice), and ``estimate`` is the highest of a flag's.  Three in three
    on a desk that dismisses one flag in five is 0.80, twenty in twenty 0.96,
    twenty with two accepted 0.88: the default 0.95 folds a pattern after some
    twenty consistent dismissals, sooner when the entry is dismissed in other
    contexts too (a player's name), and never while the team accepts it."""

    def __init__(self, examples: Sequence[Example]) -> None:
        self.counts: dict[tuple[str, ...], tuple[int, int]] = {}
        self.entries: dict[str, tuple[int, int]] = {}
        for e in examples:
            dismissed = int(e.dismissed)
            for key in pattern_keys(e.features):
                d, n = self.counts.get(key, (0, 0))
                self.counts[key] = (d + dismissed, n + 1)
            entry = str(e.features.get("entry", ""))
            d, n = self.entries.get(entry, (0, 0))
            self.entries[entry] = (d + dismissed, n + 1)
        dismissed = sum(int(e.dismissed) for e in examples)
        self.rate = (dismissed + 1) / (len(examples) + 2)  # the database's, Laplace-smoothed

    def estimate(self, features: dict[str, Any]) -> float:
        """Posterior probability that a flag like this one is dismissed."""
        de, ne = self.entries.get(str(features.get("entry", "")), (0, 0))
        best = (de + PRIOR * self.rate) / (ne + PRIOR)
        for key in pattern_keys(features):
            d, n = self.counts.get(key, (0, 0))
            if n:
                prior = (de - d + PRIOR * self.rate) / (ne - n + PRIOR)
                best = max(best, (d + PRIOR * prior) / (n + PRIOR))
        return best


@dataclass(frozen=True)
class Trained:
    kind: str
    estimator: Any  # Calibrated: a fitted DictVectorizer -> classifier pipeline and its sigmoid
    decisions: int
    metrics: dict[str, Any]
    seconds: float
    compared: dict[str, dict[str, Any]] = field(default_factory=dict)

    def probabilities(self, features: Sequence[dict[str, Any]]) -> list[float]:
        """Predicted probability that each flag would be dismissed."""
        if not features:
            return []
        proba = self.estimator.predict_proba([vector(f) for f in features])
        repeats = getattr(self.estimator, "repeats", None)  # None: stored before the cap
        if repeats is None:
            return [float(p) for p in proba[:, 1]]
        return [
            min(float(p), repeats.estimate(f)) for p, f in zip(proba[:, 1], features, strict=True)
        ]

    def dumps(self) -> bytes:
        buf = io.BytesIO()
        pickle.dump(self.estimator, buf, protocol=pickle.HIGHEST_PROTOCOL)
        return buf.getvalue()


def loads(
    blob: bytes, *, kind: str, decisions: int, metrics: dict[str, Any], seconds: float
) -> Trained:
    """A model read back from the database it was trained on (never from elsewhere)."""
    try:
        estimator = pickle.loads(blob)  # written by train() into this very database, never imported
    except (pickle.UnpicklingError, AttributeError, ImportError, EOFError, ValueError) as exc:
        raise LearningError(
            f"the stored model cannot be read ({exc}); run 'framewatch learn train'"
        ) from exc
    return Trained(
        kind=kind, estimator=estimator, decisions=decisions, metrics=metrics, seconds=seconds
    )


def _estimator(kind: str, seed: int = 0) -> Any:
    from sklearn.ensemble import GradientBoostingClassifier
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    if kind == "logistic":
        base: Any = LogisticRegression(C=1.0, max_iter=2000)
    elif kind == "boosting":
        base = GradientBoostingClassifier(
            n_estimators=100, max_depth=3, learning_rate=0.1, subsample=0.9, random_state=seed
        )
    else:  # pragma: no cover - KINDS is the list
        raise LearningError(f"unknown model kind {kind!r}")
    return make_pipeline(DictVectorizer(), base)


class Calibrated:
    """A fitted pipeline, the sigmoid that turns its scores into probabilities,
    and the repeat evidence that caps them (``Trained.probabilities``)."""

    def __init__(self, pipeline: Any, a: float, b: float, repeats: Repeats | None = None) -> None:
        self.pipeline = pipeline
        self.a = a
        self.b = b
        self.repeats = repeats

    def predict_proba(self, X: Sequence[dict[str, float]]) -> Any:
        import numpy as np

        p = 1.0 / (1.0 + np.exp(-(self.a * _scores(self.pipeline, X) + self.b)))
        return np.column_stack([1.0 - p, p])


def _scores(pipeline: Any, X: Sequence[dict[str, float]]) -> Any:
    return pipeline.decision_function(list(X))


def _platt(scores: Sequence[float], y: Sequence[int]) -> tuple[float, float]:
    """Sigmoid parameters fitted to (score, label) pairs (Platt scaling)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    fit = LogisticRegression(C=1e4, max_iter=1000).fit(np.asarray(scores).reshape(-1, 1), y)
    return float(fit.coef_[0][0]), float(fit.intercept_[0])


def check_trainable(examples: Sequence[Example], min_decisions: int) -> None:
    dismissed = sum(e.dismissed for e in examples)
    accepted = len(examples) - dismissed
    if len(examples) < min_decisions or min(dismissed, accepted) < MIN_PER_CLASS:
        raise LearningError(
            f"not enough decisions to learn from: {accepted} accepted and {dismissed} dismissed "
            f"(need {min_decisions} in all and {MIN_PER_CLASS} of each)"
        )


def measure(
    kind: str, examples: Sequence[Example], threshold: float
) -> tuple[dict[str, Any], tuple[float, float]]:
    """Grouped cross-validated figures of one candidate (its out-of-fold scores
    calibrated by the sigmoid fitted to them), and that sigmoid."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    X = [vector(e.features) for e in examples]
    y = np.array([int(e.dismissed) for e in examples])
    groups = [e.group for e in examples]
    folds = min(FOLDS, len(set(groups)))
    oof = np.zeros(len(y))
    cap = np.ones(len(y))
    scored = np.zeros(len(y), dtype=bool)
    for train_idx, test_idx in GroupKFold(n_splits=max(2, folds)).split(X, y, groups):
        ytr = y[train_idx]
        if ytr.min() == ytr.max():
            continue  # one kind only in this fold's training part: nothing to fit
        est = _estimator(kind).fit([X[i] for i in train_idx], ytr)
        oof[test_idx] = _scores(est, [X[i] for i in test_idx])
        repeats = Repeats([examples[i] for i in train_idx])
        cap[test_idx] = [repeats.estimate(examples[i].features) for i in test_idx]
        scored[test_idx] = True
    if y[scored].min(initial=1) == y[scored].max(initial=0):
        a, b = 1.0, 0.0
    else:
        a, b = _platt(oof[scored], y[scored])
    probs = np.minimum(1.0 / (1.0 + np.exp(-(a * oof + b))), cap)
    probs[~scored] = y.mean()
    return figures(y.tolist(), [float(p) for p in probs], threshold), (a, b)


def figures(y: Sequence[int], probs: Sequence[float], threshold: float) -> dict[str, Any]:
    """Brier score, and precision/recall of the dismiss prediction at 0.5 and at the fold threshold."""
    n = len(y)
    brier = sum((p - t) ** 2 for p, t in zip(probs, y, strict=True)) / n if n else None
    out: dict[str, Any] = {"brier": None if brier is None else round(brier, 4), "n": n}
    for name, cut in (("at_half", 0.5), ("at_threshold", threshold)):
        predicted = [t for p, t in zip(probs, y, strict=True) if p >= cut]
        hits = sum(predicted)
        positives = sum(y)
        out[f"precision_{name}"] = round(hits / len(predicted), 4) if predicted else None
        out[f"recall_{name}"] = round(hits / positives, 4) if positives else None
        out[f"predicted_{name}"] = len(predicted)
    out["threshold"] = threshold
    return out


def train(
    examples: Sequence[Example],
    *,
    threshold: float = 0.95,
    min_decisions: int = 30,
    kinds: Sequence[str] = KINDS,
) -> Trained:
    """Measure each candidate, refit the better on every example, and return it."""
    check_trainable(examples, min_decisions)
    t0 = time.perf_counter()
    measured = {kind: measure(kind, examples, threshold) for kind in kinds}
    compared = {kind: m[0] for kind, m in measured.items()}
    best = min(kinds, key=lambda k: (compared[k]["brier"], KINDS.index(k)))
    pipeline = _estimator(best).fit(
        [vector(e.features) for e in examples], [int(e.dismissed) for e in examples]
    )
    estimator = Calibrated(pipeline, *measured[best][1], repeats=Repeats(examples))
    return Trained(
        kind=best,
        estimator=estimator,
        decisions=len(examples),
        metrics=compared[best],
        seconds=round(time.perf_counter() - t0, 3),
        compared=compared,
    )
