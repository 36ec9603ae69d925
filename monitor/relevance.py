"""Is this a criminal justice story?  A score in [0, 1] a person can audit.

Deliberately not a trained model: a campaigner asking "why did this sport
story get in?" can be shown the terms that matched and their weights.

    points  = sum(weight of each CJ term found in the body)      (each distinct term counted
              at most 3 times, so one repeated word cannot carry a story)
            + 2 x sum(weight of each CJ term found in the headline)
    density = points per 100 words of body (at least 150 words assumed, so a
              one-line summary is not "dense")
    score   = 1 - exp(-(density / 4 + headline_points / 6))

Weights: 3 = unambiguous justice-system vocabulary (prison, sentenced,
Crown Court), 2 = strongly associated (police, arrested, offender), 1 =
common in CJ stories but also elsewhere (charged, ban, drugs, victim).
The default threshold (settings.monitor.relevance_threshold = 0.35) needs
roughly one strong headline term or a few body terms per 100 words; the
sample's sport, weather and business pieces score under 0.15 and every CJ
story over 0.6 (see tests/monitor/test_relevance.py).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

TERMS: dict[str, int] = {
    # courts and sentencing
    "crown court": 3,
    "magistrates": 3,
    "magistrates' court": 3,
    "old bailey": 3,
    "court of appeal": 2,
    "sentenced": 3,
    "sentencing": 3,
    "jailed": 3,
    "convicted": 3,
    "acquitted": 3,
    "pleaded guilty": 3,
    "pleaded not guilty": 3,
    "jury": 2,
    "judge": 2,
    "trial": 2,
    "prosecution": 2,
    "prosecutor": 2,
    "cps": 2,
    "crown prosecution service": 3,
    "defendant": 3,
    "verdict": 2,
    "custodial": 3,
    "suspended sentence": 3,
    "community order": 3,
    "remand": 3,
    "remanded": 3,
    "bail": 2,
    "court": 1,
    "guilty": 2,
    "charged with": 2,
    "charged": 1,
    "sentence": 2,
    # prisons and probation
    "prison": 3,
    "prisons": 3,
    "prisoner": 3,
    "prisoners": 3,
    "hmp": 3,
    "inmate": 3,
    "inmates": 3,
    "jail": 3,
    "probation": 3,
    "parole": 3,
    "hmpps": 3,
    "young offender institution": 3,
    "yoi": 3,
    "custody": 2,
    "released on licence": 3,
    "licence": 1,
    "recall": 1,
    "inspectorate of prisons": 3,
    "chief inspector of prisons": 3,
    "cell": 1,
    "cells": 1,
    "segregation": 2,
    "overcrowding": 2,
    "early release": 3,
    "imprisonment": 3,
    "imprisonment for public protection": 3,
    "ipp": 3,
    # police and offences
    "police": 2,
    "officers": 1,
    "arrested": 2,
    "arrest": 2,
    "detective": 2,
    "constabulary": 2,
    "metropolitan police": 2,
    "stop and search": 3,
    "offender": 2,
    "offenders": 2,
    "offending": 2,
    "reoffending": 3,
    "crime": 2,
    "crimes": 2,
    "criminal": 2,
    "criminals": 2,
    "murder": 2,
    "manslaughter": 3,
    "assault": 2,
    "robbery": 2,
    "burglary": 2,
    "theft": 2,
    "fraud": 1,
    "stabbing": 2,
    "knife crime": 3,
    "county lines": 3,
    "drug dealing": 2,
    "drugs": 1,
    "domestic abuse": 2,
    "domestic violence": 2,
    "coercive control": 3,
    "victim": 1,
    "victims": 1,
    "riot": 2,
    "rioting": 2,
    "violent disorder": 3,
    "gang": 1,
    "youth justice": 3,
    "youth offending": 3,
    "justice secretary": 3,
    "ministry of justice": 3,
    "criminal justice": 3,
    "home office": 1,
    "immigration detention": 3,
    "removal centre": 3,
    "detention centre": 3,
    "detainees": 2,
    "deportation": 2,
    "asylum": 1,
    "legal aid": 3,
    "barrister": 2,
    "solicitor": 1,
    "sentencing council": 3,
    "restorative justice": 3,
    "rehabilitation": 2,
    "addiction": 1,
}
_PATTERN = re.compile(
    r"(?<![\w'])("
    + "|".join(re.escape(t) for t in sorted(TERMS, key=len, reverse=True))
    + r")(?![\w'])",
    re.I,
)
_WORD = re.compile(r"\w+")
MAX_COUNT_PER_TERM = 3
MIN_WORDS = 150


@dataclass(frozen=True)
class Relevance:
    score: float
    headline_points: int
    body_points: int
    words: int
    terms: tuple[tuple[str, int], ...]  # (term, times counted), strongest first

    def explain(self) -> str:
        shown = ", ".join(f"{t} ×{n}" if n > 1 else t for t, n in self.terms[:8]) or "no CJ terms"
        return f"{self.score:.2f} ({shown})"


def _hits(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for match in _PATTERN.finditer(text):
        term = match.group(1).lower()
        counts[term] = counts.get(term, 0) + 1
    return counts


def score(title: str, text: str) -> Relevance:
    head = _hits(title or "")
    body = _hits(text or "")
    head_points = sum(TERMS[t] for t in head)
    body_points = sum(TERMS[t] * min(n, MAX_COUNT_PER_TERM) for t, n in body.items())
    words = len(_WORD.findall(text or ""))
    density = 100.0 * body_points / max(words, MIN_WORDS)
    value = 1.0 - math.exp(-(density / 4.0 + head_points / 6.0))
    merged: dict[str, int] = {}
    for t, n in list(body.items()) + list(head.items()):
        merged[t] = merged.get(t, 0) + min(n, MAX_COUNT_PER_TERM)
    terms = tuple(sorted(merged.items(), key=lambda kv: (-TERMS[kv[0]] * kv[1], kv[0])))
    return Relevance(
        score=round(value, 4),
        headline_points=head_points,
        body_points=body_points,
        words=words,
        terms=terms,
    )
