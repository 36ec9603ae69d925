"""A small learned check for the cases the rules cannot decide.

Some words are ambiguous in ways no rule settles reliably: "animals",
"monster", "evil", "killer", "savage" can name people or things; "offenders"
can be firms; a bare "dealers" can sell cars.  For a hit on such a word
(``UNCERTAIN``), a logistic regression over features of its sentence
(``features``) estimates the probability that the occurrence is one the
policy flags.  Below the threshold the hit is dropped; above it the flag
carries the model's reason in ``Flag.note`` (the features that weighed most).

The model is trained on the real-news development set by
``scripts/train_model.py`` (scikit-learn, 5-fold cross-validation grouped
by article) and stored as plain weights in ``framing/data/model.json``, so
checking needs no scikit-learn and no pickle: a dot product over the
features present.  No file, no model: every hit stands.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from importlib import resources

from framing.candidate import Candidate, Sentence
from framing.senses import has_nonperson_sense, kind
from lexicon.model import Entry

JUSTICE = frozenset(
    """
court courts jail jailed prison prisons sentence sentenced sentencing convicted conviction
guilty police officers arrested charged trial judge jury prosecutor prosecutors crown
magistrates custody offence offences crime crimes murder assault robbery burglary theft
""".split()
)
ANIMAL = frozenset(
    """
animal animals dog dogs cat cats horse horses pet pets farm rspca cruelty welfare vet
wildlife species zoo bird birds sheep cattle pony ponies puppy puppies
""".split()
)
BUSINESS = frozenset(
    """
firm firms company companies brand brands retailer retailers supermarket supermarkets
business businesses bank banks industry manufacturer manufacturers product products
""".split()
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def uncertain(entry: Entry, c: Candidate) -> bool:
    """Is this hit one the rules cannot settle alone?"""
    if len(c.lower_words) != 1:
        return False  # a phrase ("drug addict", "illegal immigrants") says what it is
    return bool(entry.requires_nearby) or has_nonperson_sense(c.key) or not entry.pos


def features(c: Candidate, s: Sentence) -> dict[str, float]:
    """Features of one candidate in its tagged sentence (binary, by name)."""
    f: dict[str, float] = {"bias": 1.0}
    f[f"entry={c.entry.id}"] = 1.0
    f[f"category={c.entry.category}"] = 1.0
    if c.form.number:
        f[f"number={c.form.number}"] = 1.0
    if c.possessive:
        f["possessive"] = 1.0
    if c.text[:1].isupper():
        f["capitalised"] = 1.0
    if s.headline:
        f["headline"] = 1.0
    head = s.head_token(c)
    if head is not None:
        f[f"pos={head.pos}"] = 1.0
        prev = s.token_before(head.start)
        nxt = s.token_after(head.end)
        if prev is not None:
            f[f"prev_pos={prev.pos}"] = 1.0
            f[f"prev={prev.text.lower()}"] = 1.0
        else:
            f["sentence_start"] = 1.0
        if nxt is not None:
            f[f"next_pos={nxt.pos}"] = 1.0
            f[f"next={nxt.text.lower()}"] = 1.0
            if nxt.pos == "NOUN":
                f[f"next_noun_kind={kind(nxt.text) or 'unknown'}"] = 1.0
    words = {w.lower() for w in _WORD.findall(s.text)}
    for name, vocab in (("justice", JUSTICE), ("animal", ANIMAL), ("business", BUSINESS)):
        if words & vocab:
            f[f"sentence_has_{name}"] = 1.0
    n = len(s.words)
    f["long_sentence" if n > 30 else "short_sentence" if n < 10 else "mid_sentence"] = 1.0
    return f


class Model:
    def __init__(
        self, weights: dict[str, float], threshold: float, meta: dict[str, object]
    ) -> None:
        self.weights = weights
        self.threshold = threshold
        self.meta = meta

    def probability(self, feats: dict[str, float]) -> float:
        z = sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-z))

    def decide(self, feats: dict[str, float]) -> tuple[bool, float, str]:
        """(keep, probability, a one-line reason naming the strongest features)."""
        p = self.probability(feats)
        contrib = sorted(
            ((self.weights.get(k, 0.0) * v, k) for k, v in feats.items() if k != "bias"),
            key=lambda x: -abs(x[0]),
        )[:3]
        why = ", ".join(f"{k} {w:+.1f}" for w, k in contrib if w)
        keep = p >= self.threshold
        verdict = "flag" if keep else "no flag"
        return keep, p, f"learned check: {verdict} (p={p:.2f}; {why})"


@lru_cache(maxsize=1)
def load() -> Model | None:
    try:
        raw = resources.files("framing").joinpath("data", "model.json").read_text("utf-8")
    except (FileNotFoundError, OSError):
        return None
    data = json.loads(raw)
    return Model(data["weights"], data["threshold"], data.get("meta", {}))
