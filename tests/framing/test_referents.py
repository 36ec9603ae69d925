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
