"""Gaps seen in real headlines and copy, through the real engine and model:
labels the small tagger misreads in Title Case and ALL CAPS, compound
adjectives that look like words for words, and the wording a sentence-case
headline takes."""

from __future__ import annotations

import pytest

from framing import apply_rewrites


def flagged(engine, text):
    return [f.text for f in engine.check(text)]


def fixed(engine, text):
    return apply_rewrites(text, engine.check(text))


@pytest.mark.parametrize(
    "text, word",
    [
        # the tagger reads the Title Case word as a verb; "Who" after it makes it a person
        ("Thug Who Attacked Nurse Is Jailed", "Thug"),
        # ALL CAPS: the small tagger reads the label as a verb
        ("FRAUDSTER JAILED", "FRAUDSTER"),
        # "long-term" is no "term" for a word
        ("He is a long-term heroin addict.", "heroin addict"),
        # "one-time" says when, not what of ("a time junkie" is no domain)
        ("He was a one-time junkie.", "junkie"),
    ],
)
def test_label_is_flagged(engine, text, word):
    assert word in flagged(engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "The term heroin addict is outdated.",  # a mention of the word itself
        "She drank a matching colored smoothie.",  # a colour
        "The courier firm named its new van the Fraudster Hunter.",
    ],
)
def test_not_a_label_of_a_person(engine, text):
    assert [w for w in flagged(engine, text) if w.lower() in ("heroin addict", "colored")] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # a singular label opening a sentence-case headline with no article
        ("Thug who attacked nurse is jailed", "Person who attacked nurse is jailed"),
        ("Burglar who raided 19 homes jailed", "Person who raided 19 homes jailed"),
        ("He was a one-time heroin addict.", "He was a person in recovery from heroin addiction."),
        ("FRAUDSTER JAILED", "JAILED FOR FRAUD"),
    ],
)
def test_wording(engine, text, expected):
    assert fixed(engine, text) == expected


def test_due_for_release_is_still_serving(engine):
    """A person due for release from jail is serving a sentence: not 'accused'."""
    (flag,) = [f for f in engine.check("A serial killer due for release from jail was moved.")]
    assert flag.status == "sentenced", flag.status
    assert "accused" not in (flag.rewrite or "")
