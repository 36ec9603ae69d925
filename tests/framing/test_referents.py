"""Referent analysis: what a label is said of (policy exemptions 1 and 4 and
the hard cases on labels before nouns, non-human referents, coordination and
sport).  Each case that must not be flagged stands beside one that must."""

from __future__ import annotations

import pytest


def words(engine, text):
    return [f.text for f in engine.check(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a label before another noun still labels people
        ("He ran a paedophile ring from his flat.", ["paedophile"]),
        ("The junkie mum left her baby alone in the car.", ["junkie"]),
        ("Inmate numbers have risen again this year.", ["Inmate"]),
        ("Thug culture is blamed for the attacks.", ["Thug"]),
        # ... unless the word names a cause, an animal, or a word that can
        # describe things describes a thing
        ("She is an anti-paedophile campaigner.", []),
        ("A robber fly was found in a Norfolk garden.", []),
        ("She wore killer heels to the premiere.", []),
        ("It was an evil act, the judge said.", []),
        ("The striker's maniac celebration earned him a booking.", []),
        ("She had caramel-coloured hair.", []),
    ],
)
def test_labels_before_another_noun(engine, text, expected):
    assert words(engine, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Drink-driving remains a major killer on our roads.", []),
        ("Supermarkets are the worst offenders for plastic waste.", []),
        ("The dog was crazed with hunger.", []),
        ("The man was crazed with jealousy, the court heard.", ["crazed"]),
        ("The men are inmates at HMP Leeds.", ["inmates"]),
        ("Police said the DNA match proved the killer was at the scene.", ["killer"]),
    ],
)
def test_what_a_label_is_said_of(engine, text, expected):
    assert words(engine, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He faces criminal and civil charges.", []),
        ("The case could lead to criminal or civil proceedings.", []),
        ("The criminal and his accomplice fled.", ["criminal"]),
    ],
)
def test_coordinated_adjectives_are_not_nouns(engine, text, expected):
    assert words(engine, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The killer shot him twice in the head.", ["killer"]),
        ("The killer beat her with a hammer.", ["killer"]),
        ("A killer shot from 30 yards won it.", []),
        ("The killer may not be handed the death penalty.", ["killer"]),
        ("Detectives believe the killer is still in the area, the squad said.", ["killer"]),
        ("The coach said his striker was a killer in front of goal.", []),
    ],
)
def test_compounds_and_sport_need_real_evidence(engine, text, expected):
    assert words(engine, text) == expected


def test_noun_senses_table():
    from framing.senses import kind, names_people

    assert kind("supermarkets") == "thing" and kind("firms") == "body"
    assert kind("dogs") == "animal" and kind("drink-driving") == "abstraction"
    assert names_people("hostages") and names_people("gang") and names_people("mum")
    assert names_people("tackle") is None  # a footballer only in a rare sense
    assert names_people("qwxzt") is None  # unknown to WordNet


def test_an_animal_the_tagger_misreads_as_a_name_is_still_an_animal(engine):
    # real-news shape (issue 11, a Christmas Island story): the small tagger
    # reads "robber crabs" as a proper name, at a sentence start and after "of";
    # and WordNet's "crabs" (an infestation) must not hide "crab" (the animal)
    story = (
        "Family surrounded by robber crabs at a barbecue\n\n"
        "Robber crabs are the largest land crustacean in the world.\n\n"
        "Christmas Island has the largest population of robber crabs in the world."
    )
    assert words(engine, story) == []
    # the same word before a person is a label, and a robber is still flagged
    assert words(engine, "The robber gang fled in a stolen car.") == ["robber"]
    assert words(engine, "Police said the robber fled on foot.") == ["robber"]


def test_a_label_before_a_person_noun_the_tokenizer_splits_is_flagged(engine):
    text = "“What type of evil individual(s) would desecrate graves?” the imam asked."
    assert words(engine, text) == ["evil"]


def test_evil_as_an_abstraction_is_not_a_label(engine):
    # real-news shapes (issue 11): a history feature, a festival, a TV review
    for text in (
        "This month marks the anniversary of that act of evil, one of the war's worst atrocities.",
        "Yet amid such calculated cruelty and sheer evil, researchers found uplifting stories.",
        "Diwali signifies the victory of good over evil and hope over despair.",
    ):
        assert words(engine, text) == [], text
    # said of a person, before a noun, or a caption's label, it is flagged
    assert words(engine, "He added: 'He's just pure evil, a nasty man.'") == ["pure evil"]
    assert words(engine, "The evil stepfather was jailed for life.") == ["evil"]
    assert words(engine, 'She described her former partner as "pure evil".') == ["pure evil"]
    assert words(engine, "Evil: Zahid Younis, 36, was jailed for life.") == ["Evil"]


def test_a_us_spelled_colour_compound_is_a_colour(engine):
    assert words(engine, "She slipped into a mint-colored cotton bralette.") == []
    assert words(engine, "Coloured people were barred from the club.") == ["Coloured"]


def test_a_noun_before_coloured_names_the_colour(engine):
    # real-news shape (issue 11): a fashion story
    assert words(engine, "She sported camel colored Timberland boots with a white shirt.") == []
    assert words(engine, "Young coloured men were stopped more often, the report said.") == [
        "coloured"
    ]
