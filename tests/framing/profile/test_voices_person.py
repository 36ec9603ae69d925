"""A "he" or "she" stands for a person: the entity recogniser keeps
organisations and places out of pronoun resolution (issue 13, attribution)."""

from __future__ import annotations

import pytest

from framing.profile import Profiler
from framing.profile.people import People


@pytest.fixture(scope="module")
def profiler() -> Profiler:
    return Profiler()


def test_a_place_is_not_the_person_he_means(profiler: Profiler) -> None:
    text = (
        "Mr Warren saw his military career destroyed by his injuries.\n\n"
        "He was medically discharged from the Army last month, and the 31-year-old "
        "father-of-three, from Killingworth, North Tyneside is now working as a joiner.\n\n"
        "He said: 'I have had to try to build a new life for myself.'\n"
    )
    (voice,) = [v for v in profiler.voices(text) if v.kind == "direct"]
    assert voice.speaker == "Mr Warren"


def test_only_whole_non_person_entities_are_refused() -> None:
    text = (
        "Customer Iain Ross bought a car last year. Crown Motor Direct, which trades "
        "as EMC Car Sales, refused a refund. Meanwhile, body language expert Cliff Lansley studied the tape. "
        "Mr Ross was angry."
    )
    people = People(text, [])

    def at(s: str) -> tuple[int, int]:
        i = text.index(s)
        return i, i + len(s)

    assert people.not_person(*at("Crown Motor Direct"))
    assert not people.not_person(*at("Cliff Lansley"))  # after a description
    assert not people.not_person(*at("Mr Ross"))  # a title gives a sex


def test_a_body_is_not_the_person_she_means(profiler: Profiler) -> None:
    text = (
        "'We will act,' said Ms Ellis, the justice secretary.\n\n"
        "The White Paper says: 'Sentences for the most serious crimes must be longer.'\n\n"
        "She said: 'We are making our streets safer for everyone.'\n"
    )
    voice = [v for v in profiler.voices(text) if v.kind == "direct"][-1]
    assert voice.speaker == "Ms Ellis"
