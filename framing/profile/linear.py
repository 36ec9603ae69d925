"""The shipped linear models (frame, solutions, evidence), applied without scikit-learn.

``scripts/train_profile.py`` fits a standardised logistic regression with
scikit-learn on the DEV labels and writes its means, scales, weights and
intercept as JSON (``framing/profile/data/models.json``); applying it is a dot
product, so profiling needs no scikit-learn import in the monitor's pass and
every decision lists each feature's part in it.  The JSON is handed in by the
caller (``framing.profile.load_models`` reads the shipped file): the engine
itself does no I/O.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from framing.errors import ModelError
from framing.profile.model import Contribution, Decision


@dataclass(frozen=True)
class LinearModel:
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    intercept: float
    positive: str
    negative: str
    threshold: float = 0.5
    # the text part's vocabulary with its idf ("term:WORD" features): empty for
    # a model over the named features only
    idf: dict[str, float] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LinearModel:
        try:
            m = cls(
                features=tuple(data["features"]),
                mean=tuple(float(x) for x in data["mean"]),
                scale=tuple(float(x) for x in data["scale"]),
                weights=tuple(float(x) for x in data["weights"]),
                intercept=float(data["intercept"]),
                positive=str(data["positive"]),
                negative=str(data["negative"]),
                threshold=float(data.get("threshold", 0.5)),
                idf={str(k): float(v) for k, v in data.get("idf", {}).items()},
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelError(f"profile model: malformed ({exc})") from exc
        n = len(m.features)
        if not (len(m.mean) == len(m.scale) == len(m.weights) == n):
            raise ModelError("profile model: features, mean, scale and weights differ in length")
        return m

    def __post_init__(self) -> None:
        # the words' parameters by name: a text names a few hundred of the
        # vocabulary's thousands, so a decision walks those, not the vocabulary
        words = {
            n: (mu, sd, w)
            for n, mu, sd, w in zip(
                self.features, self.mean, self.scale, self.weights, strict=False
            )
            if n.startswith("term:")
        }
        named = tuple(
            (n, mu, sd, w)
            for n, mu, sd, w in zip(
                self.features, self.mean, self.scale, self.weights, strict=False
            )
            if not n.startswith("term:")
        )
        object.__setattr__(self, "_words", words)
        object.__setattr__(self, "_named", named)

    def decide(self, values: dict[str, float]) -> Decision:
        """``values``: the named features, and the text's "term:WORD" TF-IDF
        values where the model has a text part (``features.term_values``)."""
        z = self.intercept
        words: dict[str, tuple[float, float, float]] = self._words  # type: ignore[attr-defined]
        present = [(n, *words[n]) for n in values if n in words]
        rows: list[tuple[float, str, float, float]] = []
        for name, mu, sd, w in (*self._named, *present):  # type: ignore[attr-defined]
            v = values.get(name, 0.0)
            sd = sd or 1.0
            z += w * (v - mu) / sd
            wr = round(w / sd, 4)
            # what drove it: each feature's effect relative to an average article
            rows.append((-abs((v - mu) * wr), name, v, wr))
        p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
        rows.sort(key=lambda r: r[0])
        parts = [Contribution(name, round(v, 3), wr) for _e, name, v, wr in rows[:5]]
        label = self.positive if p >= self.threshold else self.negative
        return Decision(label=label, probability=round(p, 3), drivers=tuple(parts[:5]))
