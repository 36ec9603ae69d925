"""The wording chosen for a person label given its legal status (issue 10):
sentences written for these tests, not taken from the rewrite set, on the
real lexicon and model."""

import pytest

from framing import apply_rewrites


def fixed(engine, text):
    return apply_rewrites(text, engine.check(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        # an owned killing label: the act as a verb, in the status's terms
        (
            "Her alleged killer will appear at Exeter Crown Court next month.",
            "The person accused of causing her death will appear at Exeter Crown Court next month.",
        ),
        (
            "Police are still hunting Amy Ward's killer.",
            "Police are still hunting the person who killed Amy Ward.",
        ),
        (
            "The judge jailed PC Dale Moss's two killers for life.",
            "The judge jailed the two people convicted of killing PC Dale Moss for life.",
        ),
        # a name after the label says who: the label goes
        (
            "His alleged killer Mark Tull, 44, denies murder.",
            "Mark Tull, 44, denies murder.",
        ),
        (
            "Relatives of Sam Price's alleged killer Ian Cole were in court.",
            "Relatives of Ian Cole, who is accused of causing Sam Price's death, were in court.",
        ),
    ],
)
def test_person_wording(engine, text, expected):
    assert fixed(engine, text) == expected
