"""Labels whose sentence gives no legal status (unknown or a generic group),
and uses that must never be rewritten (issue 10): sentences written for these
tests, not taken from the rewrite set, on the real lexicon and model."""

import pytest

from framing import apply_rewrites


def fixed(engine, text):
    return apply_rewrites(text, engine.check(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        # an adjective label the small tagger reads as a verb after a preposition
        (
            "Shopkeepers have complained about yobbish behaviour outside the station.",
            "Shopkeepers have complained about antisocial behaviour outside the station.",
        ),
        # the label is the only statement of the offence and no status is given:
        # "the person responsible" would drop what it says (advice only); the
        # label's own "killer" is no act for the role to refer to
        (
            "The author spent six years writing a biography of the serial killer.",
            "The author spent six years writing a biography of the serial killer.",
        ),
        # with an act elsewhere in the sentence the role refers to it
        (
            "The serial killer left no fingerprints at the scene.",
            "The person responsible left no fingerprints at the scene.",
        ),
    ],
)
def test_unstated_status_wording(engine, text, expected):
    assert fixed(engine, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a company name, in a Title Case headline where capitals say nothing
        "Feral Interactive Brings Another Racing Game to Linux",
    ],
)
def test_never_rewritten(engine, text):
    assert fixed(engine, text) == text
