"""Reframings that fit the sentence, checked on the real lexicon and model."""

import re

import pytest

from framing import apply_rewrites


def fixed(engine, text):
    flags = engine.check(text)
    return apply_rewrites(text, flags), flags


@pytest.mark.parametrize(
    "text, expected",
    [
        # number agreement
        ("Inmates were moved to another wing.", "People in prison were moved to another wing."),
        ("The inmate was moved.", "The person in prison was moved."),
        # the article changes with the reframing
        ("He is an inmate at Wandsworth.", "He is a person in prison at Wandsworth."),
        ("She met an addict, police said.", "She met a person who uses drugs, police said."),
        # a state keeps its verb: "is an addict" -> "is dependent on drugs"
        ("He is an addict, police said.", "He is dependent on drugs, police said."),
        # possessives restructured around the possessed noun
        # (a conviction only where the sentence establishes one)
        (
            "Jailed last year, the offender's family said they were shocked.",
            "Jailed last year, the family of the person convicted of an offence said they "
            "were shocked.",
        ),
        ("the inmates' families protested.", "the families of the people in prison protested."),
        # capitalisation at sentence start and in an all-caps headline
        ("Criminals are people too.", "People who commit crime are people too."),
        # surrounding punctuation kept
        (
            "Police said (the junkie) was arrested.",
            "Police said (the person who uses drugs) was arrested.",
        ),
    ],
)
def test_rewrites_fit(engine, text, expected):
    out, flags = fixed(engine, text)
    assert flags, text
    assert out == expected


def test_all_caps_headline_stays_all_caps(engine):
    out, _ = fixed(engine, "THUGS JAILED")
    assert out.split()[0].isupper() and "THUGS" not in out and out.endswith("JAILED")


def test_no_doubled_words(engine):
    out, flags = fixed(engine, "A convicted offender was freed.")
    assert "convicted person convicted" not in out
    assert not re.search(r"\b(\w+)\s+\1\b", out, re.I)
    out, _ = fixed(engine, "A young offender was sentenced.")
    assert "young young" not in out and "offender" not in out


def test_flag_span_includes_article_only_when_it_changes(engine):
    text = "He is an inmate."
    (f,) = engine.check(text)
    assert (f.text, f.rewrite) == ("an inmate", "a person in prison")
    assert text[f.start : f.end] == f.text
    (g,) = engine.check("He is a junkie.")
    assert g.text == "junkie"


def test_quoted_flags_keep_suggestions_but_no_rewrite(engine):
    text = 'He said "the inmates are scum" and left.'
    flags = engine.check(text)
    assert flags and all(f.quoted and f.rewrite is None for f in flags)
    assert [f for f in flags if f.entry == "inmate"][0].suggestions
    assert apply_rewrites(text, flags) == text


def test_compound_use_gets_no_blind_rewrite(engine):
    (f,) = [f for f in engine.check("An offender-led charity opened.") if f.entry == "offender"]
    assert f.rewrite is None and f.suggestions
