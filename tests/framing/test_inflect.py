"""Inflection helpers (framing.inflect): the case of the line, a plural head,
a verb in agreement with it."""

from __future__ import annotations

import pytest

from framing import apply_rewrites
from framing.inflect import match_case, plural_head, plural_verb


@pytest.mark.parametrize(
    "word, tag, want",
    [
        ("is", "VBZ", "are"),
        ("has", "VBZ", "have"),
        ("Was", "VBD", "Were"),
        ("grows", "VBZ", "grow"),
        ("EMERGES", "VBZ", "EMERGE"),
        ("grew", "VBD", None),  # a past tense agrees with both
        ("are", "VBP", None),
    ],
)
def test_plural_verb(word, tag, want):
    assert plural_verb(word, tag) == want


@pytest.mark.parametrize(
    "rewrite, want",
    [
        ("people living in poverty", True),
        ("feckless people living in poverty", True),
        ("the number of people in prison", False),
        ("violence between people in prison", False),
        ("person in prison", False),
    ],
)
def test_plural_head(rewrite, want):
    assert plural_head(rewrite) is want


def test_title_case_after_a_small_word():
    """ "a Homeless Addict" in a Title Case line: the replacement is Title Case,
    its first small word kept small."""
    assert match_case("a Homeless Addict", "a person in recovery", "title", True) == (
        "a Person in Recovery"
    )


def test_the_verb_agrees_with_a_plural_wording(engine):
    text = "The underclass is growing in Britain's seaside towns."
    out = apply_rewrites(text, engine.check(text))
    assert "living in poverty are growing" in out and "underclass" not in out


@pytest.mark.parametrize(
    "text, want",
    [
        # a collective label with a singular verb: the verb follows the new head
        (
            "The feral youth is out of control, residents say.",
            "The young people are out of control, residents say.",
        ),
        # "a" before a form listed for both numbers: the singular wording
        ("A feral youth was seen throwing stones.", "A young person was seen throwing stones."),
        # the label is not the verb's subject: the verb stays
        (
            "A report on the underclass is due next week.",
            "A report on the people living in poverty is due next week.",
        ),
    ],
)
def test_agreement_where_the_rewrite_lands(engine, text, want):
    assert apply_rewrites(text, engine.check(text)) == want
