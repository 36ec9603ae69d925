"""Wording that says each fact once (framing.said_once) through the real
engine and model, on sentences that are not in the rewrite set: an acronym
after its own expansion, a repeated act, a bare sentenced headline, modifiers
with nothing left to modify."""

from __future__ import annotations

import pytest

from framing import apply_rewrites

CASES = [
    # the acronym in brackets after its expansion goes: no second gloss
    (
        "The number of black, Asian and minority ethnic (BAME) judges has barely moved.",
        "The number of black, Asian and minority ethnic judges has barely moved.",
    ),
    (
        "Black and Minority Ethnic (BME) staff were twice as likely to be disciplined.",
        "Black and Minority Ethnic staff were twice as likely to be disciplined.",
    ),
    # the expansion in brackets after the acronym takes its place
    (
        "BAME (black, Asian and minority ethnic) staff are under-represented.",
        "Black, Asian and minority ethnic staff are under-represented.",
    ),
    # the wording's verb said again right after: the clause would repeat the act
    (
        "The drug dealers sold heroin from a caravan, neighbours said.",
        "Those involved sold heroin from a caravan, neighbours said.",
    ),
    (
        "Officers said they had watched dealers sell cannabis outside the school.",
        "Officers said they had watched people sell cannabis outside the school.",
    ),
    (
        "A drug dealer sold ketamine to three teenagers at the festival.",
        "Someone sold ketamine to three teenagers at the festival.",
    ),
    # a headline that is only the label and its sentence: the offence after it
    ("Rapist Jailed For 12 Years", "Jailed For 12 Years For Rape"),
    ("Burglar jailed for three years", "Jailed for three years for burglary"),
    ("FRAUDSTER JAILED FOR FIVE YEARS", "JAILED FOR FIVE YEARS FOR FRAUD"),
    # a noun naming the kind of offence, and a clause telling the act: neither kept
    (
        "Two car thieves who stole 80 vehicles were caught.",
        "Two people who stole 80 vehicles were caught.",
    ),
    (
        "The street robbers who mugged a teenager fled on bikes.",
        "The people who mugged a teenager fled on bikes.",
    ),
    # a noun that itself names people becomes the head
    (
        "Extremist prisoners are being held in separation centres.",
        "Extremists in prison are being held in separation centres.",
    ),
    ("A terrorist inmate was moved to Belmarsh.", "A terrorist in prison was moved to Belmarsh."),
    # the verb after the label is made from its stem: a plain noun, not advice
    (
        "The fraudster defrauded his employer of £40,000.",
        "The man defrauded his employer of £40,000.",
    ),
    ("A looter looted the corner shop.", "Someone looted the corner shop."),
    # every noun the lexicon has would repeat the act: the plain role, not advice
    ("Robbers raided the post office.", "People raided the post office."),
    ("Muggers attacked a student in the park.", "People attacked a student in the park."),
    # a verdict the line states is not said twice
    (
        "Killer Nurse Found Guilty Of Murdering Seven Babies",
        "Nurse Found Guilty Of Murdering Seven Babies",
    ),
]


@pytest.mark.parametrize("text, want", CASES)
def test_plainer_wording(engine, text, want):
    assert apply_rewrites(text, engine.check(text)) == want


@pytest.mark.parametrize(
    "text",
    [
        # the letters are not the expansion's initials: the acronym is swapped
        "Asian and black (BAME) officers met the commissioner.",
        # a bracket with no expansion before it
        "Staff (BAME) networks met on Monday.",
    ],
)
def test_an_acronym_that_does_not_follow_its_expansion_is_swapped(engine, text):
    out = apply_rewrites(text, engine.check(text))
    assert "BAME" not in out and "(" in out


def test_a_sentence_about_the_acronym_keeps_it(engine):
    text = "Black, Asian and minority ethnic (BAME) is an acronym many reject."
    assert "(BAME)" in apply_rewrites(text, engine.check(text))


def test_a_light_verb_is_no_repeated_act(engine):
    """ "took part in the looting" and "taken everything": "take" says no act."""
    text = "The looters had smashed the windows and taken everything from the shelves."
    assert "took part in the looting" in apply_rewrites(text, engine.check(text))


@pytest.mark.parametrize(
    "text",
    [
        # the line goes on after the sentence: not only the label and its sentence
        "Burglar jailed for three years after raiding 19 homes",
        # before a verdict nothing may say the offence was committed
        "Burglar charged over raids on 19 homes",
    ],
)
def test_only_a_bare_sentenced_headline_is_turned_round(engine, text):
    out = apply_rewrites(text, engine.check(text))
    assert not out.lower().startswith("jailed") and "convicted" not in out.split(" after")[-1]


def test_a_clause_with_no_act_keeps_the_offence_noun(engine):
    """ "who was never caught" tells no act: "the person who was never caught"
    would drop the killing."""
    text = "The cat killer who was never caught remains a mystery."
    assert "person who was never caught" not in apply_rewrites(text, engine.check(text))
