"""The prefilter's small per-text pattern (only the forms whose longest word is
in the text) must find exactly what the whole pattern finds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import framing.prefilter as prefilter_mod
from framing.prefilter import Prefilter
from lexicon import load_lexicon
from tests.conftest import corpora_or_skip

DATA = Path(__file__).resolve().parents[1] / "data"
LEXICON = load_lexicon()
FULL = Prefilter(LEXICON)
FULL.full_regex(False), FULL.full_regex(True)  # compiled: every text takes the whole pattern
KEYS = sorted(FULL.table)


def _found(pf: Prefilter, text: str):
    return [
        (m.start, m.end, m.text, m.key, m.possessive, tuple(e.id for e, _ in m.senses))
        for m in pf.find(text)
    ]


@pytest.fixture
def subset_only(monkeypatch):
    """A prefilter that never falls back to the whole pattern."""
    monkeypatch.setattr(prefilter_mod, "SUBSET_BUDGET", 10**9)
    monkeypatch.setattr(prefilter_mod, "SUBSET_MAX_CHARS", 10**9)
    pf = Prefilter(LEXICON)
    assert not pf._full
    return pf


def _variant(key: str, case: str, sep: str, suffix: str) -> str:
    text = key.replace(" ", sep).replace("'", "’" if sep == "-" else "'")
    text = {"upper": text.upper(), "title": text.title(), "lower": text}[case]
    return text + suffix


pieces = st.one_of(
    st.builds(
        _variant,
        st.sampled_from(KEYS),
        st.sampled_from(["lower", "upper", "title"]),
        st.sampled_from([" ", "-", " - ", "  "]),
        st.sampled_from(["", "'s", "’s", "s", "'", "es", "ish"]),
    ),
    st.sampled_from(
        ["the", "a", "said", "prison", "court", "İstanbul", "ﬁne", "x", "2024", "_", "'", "‘", '"']
    ),
    st.text(alphabet=" \n,.;:!?()-—'’\"“”", min_size=1, max_size=3),
)


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(pieces, min_size=1, max_size=12).map(" ".join))
def test_subset_pattern_finds_what_the_whole_pattern_finds(subset_only, text):
    subset_only._subsets.clear()
    assert _found(subset_only, text) == _found(FULL, text)
    assert not subset_only._full


def test_same_on_the_annotated_sets(subset_only):
    n = 0
    for name in ("devset.jsonl", "heldout.jsonl"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            text = json.loads(line)["text"]
            found = _found(subset_only, text)
            assert found == _found(FULL, text), text
            n += len(found)
            subset_only._subsets.clear()
    assert n > 1000 and not subset_only._full


def test_same_on_real_articles(subset_only):
    data = json.loads(
        corpora_or_skip("extraction", "zyte-aeb", "ground-truth.json").read_text(encoding="utf-8")
    )
    n = 0
    for v in data.values():
        text = v.get("articleBody", "")
        found = _found(subset_only, text)
        assert found == _found(FULL, text)
        n += len(found)
        subset_only._subsets.clear()
    assert n > 20 and not subset_only._full


def test_a_process_switches_to_the_whole_pattern_after_its_budget():
    pf = Prefilter(LEXICON)
    assert (
        pf.find("A quiet sentence about parking.") == [] and not pf._subsets
    )  # no form: nothing compiled
    words = iter(
        ["inmates", "thugs", "yobs", "offenders", "lags", "junkies", "feral", "paedos", "convicts"]
    )
    while len(pf._subsets) < prefilter_mod.SUBSET_BUDGET:
        assert pf.find(f"The {next(words)} were moved.")
    assert not pf._full
    assert pf.find(f"The {next(words)} were moved.")
    assert False in pf._full  # budget spent: the whole pattern, once, from now on
    long_text = "The inmate. " * 1000
    fresh = Prefilter(LEXICON)
    assert len(fresh.find(long_text)) == 1000 and False in fresh._full and not fresh._subsets
