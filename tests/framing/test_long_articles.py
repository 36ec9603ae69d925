"""Whole real articles: an occurrence late in a long text is judged as it is
alone and as the first one is.  Policy, "Decisions on hard cases": every
occurrence counts, and what the writer did earlier never exempts a later use.
"""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import corpora_or_skip

# USA Today, 2019-11-19, "Prison guards arrested ..." (Zyte benchmark body)
GUARDS = "c58aa5071"
# a sentence end: a lower-case word, then . ! or ? (and a closing mark), then a capital
_SENT = re.compile(r"(?<=[a-z][.!?])\s+(?=[A-Z“\"])|(?<=[a-z][.!?][”\"])\s+(?=[A-Z“\"])")


def _article(prefix: str) -> str:
    path = corpora_or_skip("extraction", "zyte-aeb", "ground-truth.json")
    data = json.loads(path.read_text())
    (body,) = [v["articleBody"] for k, v in data.items() if k.startswith(prefix[:8])]
    return body


_ENDS = re.compile(r"[a-z][.!?][”\"]?$")


def _outside_quotes(para_so_far: str) -> bool:
    """Balanced marks so far in the paragraph (an independent, simple count)."""
    return para_so_far.count("“") == para_so_far.count("”") and para_so_far.count('"') % 2 == 0


def _interleave(body: str, probe: str) -> tuple[str, list[int]]:
    """``probe`` after every sentence of every paragraph that ends outside a
    quotation: mid-paragraph, after an ordinary full stop, where a caption or a
    new subject would stand.  Returns the text and where each probe starts."""
    paras, starts, pos = [], [], 0
    for para in body.split("\n\n"):
        out = ""
        for sent in _SENT.split(para):
            out += (" " if out else "") + sent
            if _ENDS.search(out) and _outside_quotes(out):
                starts.append(pos + len(out) + 1)
                out += " " + probe
        paras.append(out)
        pos += len(out) + 2
    return "\n\n".join(paras), starts


@pytest.mark.parametrize(
    ("probe", "word"),
    [
        ("Inmate John Smith was also handcuffed.", "Inmate"),
        ("Drug addict John Smith was speeding.", "Drug addict"),
        ("Heroin addict Lovell, 38, was jailed.", "Heroin addict"),
        ("Thug Alfred Stanley was jailed.", "Thug"),
        ("Police said the robber fled.", "robber"),
    ],
)
def test_every_occurrence_in_a_long_article_is_judged_like_the_first(engine, probe, word):
    body = _article(GUARDS)
    alone = [(f.text, f.entry, f.quoted) for f in engine.check(probe)]
    assert alone and alone[0][0] == word, alone
    text, starts = _interleave(body, probe)
    assert len(starts) >= 20
    flags = engine.check(text)
    judged = []
    for s in starts:
        assert text[s : s + len(probe)] == probe
        here = [
            (f.text, f.entry, f.quoted) for f in flags if s <= f.start and f.end <= s + len(probe)
        ]
        judged.append(here)
    assert judged[0] == alone
    different = [i for i, j in enumerate(judged) if j != alone]
    assert not different, f"occurrences {different} of {len(judged)} judged otherwise"
    assert judged[19] == judged[0]


def test_a_label_opening_a_sentence_mid_paragraph_is_not_a_proper_name(engine):
    # the sentence boundary before a candidate that opens its sentence was not
    # seen, so "Drug addict" read as capitalised in mid-sentence
    text = "Gaming used to be so simple. Drug addict John Smith was speeding."
    (f,) = engine.check(text)
    assert f.text == "Drug addict"


def test_sentence_bounds_see_the_boundary_right_before_a_candidate():
    from framing.sentences import sentence_bounds

    text = "It was simple. Inmate John Smith was handcuffed. He left."
    start = text.index("Inmate")
    assert sentence_bounds(text, start, start + 6) == (start, text.index(" He left"))


def test_an_early_frame_or_name_does_not_switch_off_the_rest_of_an_article(engine):
    # a film paragraph, a surname and a nickname before a real report: the
    # report's labels are judged as they are without them
    body = _article(GUARDS)
    alone = [(f.text, f.quoted) for f in engine.check(body)]
    assert len(alone) >= 10
    preface = (
        "In the film, an inmate escapes through the sewers with a killer.\n\n"
        "Jenny Inmate-Jones, 41, reviewed it for us. Mr Savage called it 'the Killer'.\n\n"
    )
    flags = engine.check(preface + body)
    later = [(f.text, f.quoted) for f in flags if f.start >= len(preface)]
    assert later == alone
