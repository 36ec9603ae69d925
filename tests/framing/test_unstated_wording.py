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
        # a quoted taunt tells no act either
        (
            "For months the killer had been mocked by classmates who called him a 'victim'.",
            "For months the killer had been mocked by classmates who called him a 'victim'.",
        ),
        # with an act elsewhere in the sentence the role refers to it
        (
            "The serial killer left no fingerprints at the scene.",
            "The person responsible left no fingerprints at the scene.",
        ),
        # an alarm raised is the scene the role refers to; without it, advice
        (
            "The alarm sounded at midnight, but the thieves had vanished by the time staff arrived.",
            "The alarm sounded at midnight, but those responsible had vanished by the time staff arrived.",
        ),
        (
            "The thieves had vanished by the time staff arrived.",
            "The thieves had vanished by the time staff arrived.",
        ),
        # what a place suffers, told by a generic agent: the act, naming nobody
        (
            "Village churches have been targeted by metal thieves in recent months.",
            "Village churches have been targeted by metal theft in recent months.",
        ),
        # an adjective that grades the crime goes with the act, not the people
        (
            "Officers were told to stop chasing cyclists and catch real criminals.",
            "Officers were told to stop chasing cyclists and catch people committing real crimes.",
        ),
        (
            "The phones were used by major criminals across Europe.",
            "The phones were used by people committing major crimes across Europe.",
        ),
        # the label's own clause gives the gender: "his victim" is the doer's
        (
            "A murderer was filmed arguing with his victim hours before the attack.",
            "A man was filmed arguing with his victim hours before the attack.",
        ),
        # someone else named between: the pronoun may be theirs
        (
            "A murderer was filmed meeting a student with his victim before the attack.",
            "A person was filmed meeting a student with his victim before the attack.",
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


def test_a_group_placed_in_prison_is_people_in_prison_for_the_offence(engine):
    # the lexicon's own wording says "convicted", which the sentence does not;
    # that the group is in prison it does say
    assert fixed(engine, "Sex offenders now make up a fifth of the prison population.") == (
        "People in prison for sexual offences now make up a fifth of the prison population."
    )
    # a plan to imprison them places no one in prison
    out = fixed(engine, "Drug offenders should be sent to prison, the MP said.")
    assert "in prison for" not in out


def _entries(engine, text):
    return [f.entry for f in engine.check(text)]


def test_bare_dealer_in_crime_copy_is_the_drug_sense(engine):
    assert "drug-dealer" in _entries(
        engine, "Police said the dealer was arrested at a flat in Leeds."
    )
    assert "drug-dealer" in _entries(
        engine, "Junkies and dealers gather by the station, staff say."
    )
    # selling with no goods named
    assert "drug-dealer" in _entries(engine, "The dealers who sell outside the school are known.")
    # a trade named before it, or no crime at all: another sense
    assert "drug-dealer" not in _entries(engine, "Car dealers who sell to fleets cut prices.")
    assert "drug-dealer" not in _entries(engine, "A gun dealer was arrested in Kent on Friday.")
    assert "drug-dealer" not in _entries(engine, "Dealers cut prices on new cars in September.")


def test_attacker_only_where_the_sentence_tells_an_attack(engine):
    # decision 4: "attacker" presupposes an attack
    out = fixed(engine, "Villagers said hired thugs had moved into the valley last spring.")
    assert "attacker" not in out and "assailant" not in out
    assert "violence" not in out
    # with an attack in the sentence, it is the closest neutral noun
    assert "attacker" in fixed(engine, "A thug punched a pensioner outside the Co-op, police said.")
    # a label that itself tells an attack anchors it
    out = fixed(engine, "Anyone who saw the mugger is asked to call police.")
    assert "attacker" in out


def test_an_agent_that_acts_on_a_person_keeps_a_person(engine):
    # "attacked by robbery" is no English: only what a place or group suffers
    assert "by robbery" not in fixed(engine, "He was attacked by robbers on his way home.")
