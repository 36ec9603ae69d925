"""Property tests: any text is safe to check, spans are exact, and --fix output
re-checks clean for every entry it fixed."""

import re

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from framing import apply_rewrites
from lexicon import load_lexicon

FORMS = sorted({f.text for e in load_lexicon().entries for f in e.forms})
FILLER = [
    "the",
    "a",
    "an",
    "said",
    "were",
    "was",
    "moved",
    "police",
    "court",
    "prison",
    "and",
    "young",
    "convicted",
    "family",
    "of",
    "in",
    "jailed",
    "yesterday",
    "The",
    "He",
    "They",
]
PUNCT = ["", "", "", ",", ".", "!", "?", ";", ":", " -"]
QUOTES = ["", "", "", '"', "“", "”", "'", "‘", "’"]

word = st.one_of(st.sampled_from(FORMS), st.sampled_from(FILLER))
token = st.builds(
    lambda q1, w, p, q2: q1 + w + p + q2,
    st.sampled_from(QUOTES),
    word,
    st.sampled_from(PUNCT),
    st.sampled_from(QUOTES),
)
sentence_text = st.lists(token, min_size=1, max_size=14).map(" ".join)
document = st.lists(sentence_text, min_size=1, max_size=4).flatmap(
    lambda ss: st.sampled_from([" ", "\n", "\n\n"]).map(lambda sep: sep.join(ss))
)
SETTINGS = settings(
    max_examples=int(__import__("os").environ.get("FW_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
DOUBLED = re.compile(r"\b(\w+)\s+\1\b", re.I)


def _spans_exact(text, flags):
    for f in flags:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text


@SETTINGS
@given(st.text(max_size=300), st.sampled_from(["text", "markdown", "html"]))
def test_arbitrary_unicode_never_crashes(engine, text, fmt):
    _spans_exact(text, engine.check(text, fmt=fmt))


@SETTINGS
@given(document, st.sampled_from(["text", "markdown", "html"]))
def test_spans_lie_inside_the_input_and_match(engine, text, fmt):
    _spans_exact(text, engine.check(text, fmt=fmt))


@SETTINGS
@given(document)
def test_fix_output_rechecks_clean(engine, text):
    # one occurrence per entry: a second, exempt occurrence whose tags change
    # because its neighbour was rewritten is a different question
    found = engine.index.prefilter.find(text)
    ids = [e.id for m in found for e, _f in m.senses]
    assume(len(ids) == len(set(ids)))
    flags = engine.check(text)
    fixed_entries = {f.entry for f in flags if f.rewrite is not None and not f.quoted}
    out = apply_rewrites(text, flags)
    again = engine.check(out)
    assert not [f for f in again if f.entry in fixed_entries and not f.quoted], (text, out)
    assert len(DOUBLED.findall(out)) <= len(DOUBLED.findall(text)), (text, out)
