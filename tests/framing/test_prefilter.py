from framing.prefilter import Prefilter, normalise
from lexicon.model import Alternative, Entry, Form, Lexicon


def _entry(id_, *forms):
    return Entry(
        id=id_,
        category="person-label",
        severity="medium",
        forms=tuple(Form(f, n) for f, n in forms),
        sense="",
        rationale="r",
        alternatives=(Alternative("person", "people"),),
        sources=(),
    )


LEX = Lexicon(
    entries=(
        _entry("offender", ("offender", "singular"), ("offenders", "plural")),
        _entry("ex-offender", ("ex-offender", "singular")),
        _entry("a-domestic", ("a domestic", None)),
        _entry("domestic-dispute", ("domestic dispute", None)),
    )
)


def test_normalise_unifies_case_apostrophes_and_separators():
    assert normalise("Ex–Offender’s") == "ex offender's"
    assert normalise("ex  offender") == normalise("ex-offender")


def test_finds_forms_with_word_boundaries_and_case():
    p = Prefilter(LEX)
    found = [
        (m.text, m.key) for m in p.find("Offenders and reoffenders; offender-led; the OFFENDER.")
    ]
    assert ("Offenders", "offenders") in found
    assert ("OFFENDER", "offender") in found
    assert all(t != "reoffenders" for t, _ in found)
    assert ("offender", "offender") in found  # "offender-led": the word itself is found


def test_hyphen_space_and_possessive_variants():
    p = Prefilter(LEX)
    ms = p.find("An ex offender’s story and the offenders' families")
    assert [(m.text, m.possessive) for m in ms] == [("ex offender’s", True), ("offenders'", True)]
    assert ms[0].senses[0][0].id == "ex-offender"


def test_closing_quote_is_not_a_possessive():
    p = Prefilter(LEX)
    assert [m.text for m in p.find("the word 'offenders' is")] == ["offenders"]


def test_overlapping_forms_are_all_found_but_contained_ones_dropped():
    p = Prefilter(LEX)
    assert [m.text for m in p.find("as a domestic dispute")] == ["a domestic", "domestic dispute"]
    assert [m.text for m in p.find("an ex-offender")] == ["ex-offender"]


def test_empty_lexicon_finds_nothing():
    assert Prefilter(Lexicon(entries=())).find("offender") == []


def test_listed_possessives_found_through_the_generic_suffix(engine):
    """Possessive forms are left out of the compiled pattern (it compiles twice
    as fast) but are still found, with their own table entries."""
    pf = engine.index.prefilter
    from framing.prefilter import _trie_regex

    assert "inmate's" in pf.table
    assert len(pf.full_regex().pattern) < 0.9 * len(_trie_regex(sorted(pf.table)))
    found = {
        (m.text, m.key, m.possessive)
        for m in pf.find("The inmate's cell and the inmates' families.")
    }
    assert ("inmate's", "inmate", True) in found or ("inmate's", "inmate's", True) in found
    assert any(m.text == "inmates'" and m.possessive for m in pf.find("the inmates' families"))
    # a closing single quote after a plural is not a possessive
    (m,) = pf.find("The officer said they were 'absolute animals' and left.")
    assert m.text == "animals" and not m.possessive
