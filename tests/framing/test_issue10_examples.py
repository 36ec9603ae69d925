"""Issue 10's quoted sentences: what main wrote (the issue quotes it) and what
the engine writes now, through the real engine and model."""

from __future__ import annotations

import pytest

from framing import apply_rewrites

# (text, main's output as the issue quotes it, the output now)
EXAMPLES = [
    (
        "Police are hunting the killer of a 23-year-old woman",
        "Police are hunting the person convicted of the killing of a 23-year-old woman",
        "Police are hunting the person who killed a 23-year-old woman",
    ),
    (
        "The jury was told the fraudster had used the money…",
        "The jury was told the person convicted of fraud had used the money…",
        "The jury was told the defendant had used the money…",
    ),
    (
        "The alleged murderer, 34, appeared at the Old Bailey",
        "The alleged person convicted of murder, 34, appeared at the Old Bailey",
        "The person accused of murder, 34, appeared at the Old Bailey",
    ),
    (
        "The arsonist accused of setting fire to a mosque has pleaded not guilty.",
        "The person convicted of arson accused of setting fire to a mosque has pleaded not guilty.",
        "The person accused of setting fire to a mosque has pleaded not guilty.",
    ),
    (
        "Inmate numbers have risen",
        "Person in prison numbers have risen",
        "The number of people in prison has risen",
    ),
    ("BAME staff", "ETHNIC MINORITY staff", "Ethnic minority staff"),
    (
        "Inmates Stage Rooftop Protest",
        "People in prison Stage Rooftop Protest",
        "People in Prison Stage Rooftop Protest",
    ),
    (
        "He became an addict at 15",
        "He became a person who uses drugs at 15",
        "He became dependent on drugs at 15",
    ),
    (
        "a former heroin addict",
        "a former person who uses drugs",
        "a person in recovery from heroin addiction",
    ),
    (
        "The one-time drug dealer turned youth worker",
        "The one-time person who sells drugs turned youth worker",
        "The person who used to sell drugs and became a youth worker",
    ),
    (
        "One inmate's mother said",
        "One the mother of a person in prison said",
        "The mother of one person in prison said",
    ),
    (
        "Burglars, robbers and car thieves",
        "People convicted of burglary, people convicted of robbery and car people convicted of theft",
        "People who commit burglary, robbery and car theft",
    ),
    (
        "He said the inmates were being treated like animals",
        "He said the people in prison were being treated like people",
        "He said the people in prison were being treated like animals",
    ),
    (
        "BME: what the acronym hides",
        "ETHNIC MINORITY: what the acronym hides",
        "BME: what the acronym hides",
    ),
]


@pytest.mark.parametrize("text, before, after", EXAMPLES, ids=[e[0][:30] for e in EXAMPLES])
def test_issue_sentence_before_and_after(engine, text, before, after):
    out = apply_rewrites(text, engine.check(text))
    assert out == after
    assert out != before


def test_no_tautology_and_no_nonsense_where_no_rewrite_fits(engine):
    # "Attackers attack bus driver": the agent noun may not repeat the verb
    text = "Thugs attack bus driver"
    out = apply_rewrites(text, engine.check(text))
    assert not out.lower().startswith("attackers") and "Thugs" not in out
    # not "the haul of the person who took part in looting of trainers": what a
    # looter owns they took, so the whole possessed phrase comes first
    text = "the looter's haul of trainers"
    flags = engine.check(text)
    assert flags and flags[0].suggestions
    out = apply_rewrites(text, flags)
    assert out == "the haul of trainers taken by the person who took part in the looting"
    # where the owner took nothing, a second "of" stays advice only
    text = "the fraudster's choice of targets"
    flags = engine.check(text)
    assert flags and apply_rewrites(text, flags) == text
