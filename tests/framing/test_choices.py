"""Every suggestion the draft checker offers for a flag (framing.choices): the
ready rewrite first, each with the sentence as it would read, in the line's
case, never a wording the text's legal status does not allow, and nothing for
a quotation.  Real lexicon and model; sentences written for these tests."""

from __future__ import annotations

from framing.choices import choices


def _choices(engine, text, word):
    flag = next(f for f in engine.check(text) if word in text[f.start : f.end].lower())
    return flag, choices(text, flag)


def test_the_ready_rewrite_comes_first_and_every_choice_shows_its_sentence(engine):
    text = "The burglar was jailed for four years."
    flag, got = _choices(engine, text, "burglar")
    assert got[0].ready and got[0].replacement == flag.rewrite
    assert [c.ready for c in got].count(True) == 1
    for c in got:
        assert c.preview == (text[: c.start] + c.replacement + text[c.end :]).strip()
    assert "The intruder was jailed for four years." in [c.preview for c in got]


def test_no_choice_states_a_status_the_text_does_not_give(engine):
    # wanted: the conviction and charge wordings are shown by the flag panel only
    text = "Police are hunting a burglar who broke into a flat in Hove."
    _flag, got = _choices(engine, text, "burglar")
    assert got
    assert not any("convicted" in c.preview or "accused" in c.preview for c in got)
    assert not any(c.replacement.endswith(")") for c in got)


def test_a_title_case_headline_keeps_its_case_in_every_choice(engine):
    _flag, got = _choices(engine, "Two Robbers Arrested After Chase", "robbers")
    assert got
    for c in got:
        words = c.replacement.split()
        assert all(w[:1].isupper() for w in words if w.lower() not in ("of", "in", "a")), c


def test_an_all_caps_headline_gets_capitals(engine):
    _flag, got = _choices(engine, "BURGLAR CAGED FOR RAIDS", "burglar")
    assert got and all(c.replacement == c.replacement.upper() for c in got)


def test_a_joining_word_the_ready_rewrite_took_in_stays_for_the_others(engine):
    text = "A drug dealer who was stabbed has died."
    flag, got = _choices(engine, text, "dealer")
    assert got[0].preview == "A person who sells drugs and was stabbed has died."
    others = [c.preview for c in got if not c.ready]
    # the label replaced, its "who" kept: never "A person who sells drugs was stabbed"
    assert others and all(" who was stabbed" in p for p in others)


def test_a_quotation_offers_nothing(engine):
    text = 'Her neighbour said: "The thugs smashed every window."'
    flags = [f for f in engine.check(text) if "thug" in text[f.start : f.end].lower()]
    assert flags and all(f.quoted for f in flags)
    assert all(choices(text, f) == () for f in flags)
