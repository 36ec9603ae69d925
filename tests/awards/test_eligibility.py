"""Eligibility rules: recorded with reasons, never silently refused."""

from __future__ import annotations

import pytest

from awards import cycles, errors, nominations, sift

from .conftest import ADMIN, add_article, hand


def codes(n):
    return [r.code for r in n.reasons]


def test_window_is_inclusive_and_dates_outside_are_ineligible_with_reason(db, cycle):
    assert hand(db, cycle, published_on="2025-10-01", journalists=["W1"]).eligibility == "eligible"
    assert hand(db, cycle, published_on="2026-09-30", journalists=["W2"]).eligibility == "eligible"
    before = hand(db, cycle, published_on="2025-09-30", journalists=["W3"])
    after = hand(db, cycle, published_on="2026-10-01", journalists=["W4"])
    for n, day in ((before, "2025-09-30"), (after, "2026-10-01")):
        assert n.eligibility == "ineligible"
        assert codes(n) == ["outside_window"]
        assert day in n.reasons[0].message and "2025-10-01 to 2026-09-30" in n.reasons[0].message
    undated = hand(db, cycle, published_on=None, journalists=["W5"])
    assert codes(undated) == ["no_date"]


def test_fourth_item_for_the_same_nominee_is_ineligible(db, cycle):
    for i in range(3):
        assert (
            hand(db, cycle, title=f"Piece {i}", journalists=["A Smith"]).eligibility == "eligible"
        )
    # Same person, different spacing and case: still the same nominee.
    fourth = hand(db, cycle, title="Piece 4", journalists=["a  smith", "C Co-author"])
    assert codes(fourth) == ["item_limit"]
    assert "item 4" in fourth.reasons[0].message and "'a smith'" in fourth.reasons[0].message
    # The co-author on the ineligible piece has nothing counted against them.
    assert hand(db, cycle, title="Solo", journalists=["C Co-author"]).eligibility == "eligible"
    # An ineligible item does not count towards the limit: the 5th is also "item 4".
    fifth = hand(db, cycle, title="Piece 5", journalists=["A Smith"])
    assert "item 4" in fifth.reasons[0].message


def test_overridden_items_count_against_the_limit(db, cycle):
    other = cycles.create_cycle(db, year=2027, who=ADMIN, max_items=1)
    first = hand(db, other, title="One", journalists=["Q"], published_on="2027-02-01")
    second = hand(db, other, title="Two", journalists=["Q"], published_on="2027-02-01")
    assert first.eligibility == "eligible" and codes(second) == ["item_limit"]
    sift.override_eligibility(db, second.id, "two related parts of one series", who=ADMIN)
    third = hand(db, other, title="Three", journalists=["Q"], published_on="2027-02-01")
    assert "already has 2 items" in third.reasons[0].message
    # Cycles are independent: the 2026 cycle has nothing for Q.
    assert hand(db, cycle, journalists=["Q"]).eligibility == "eligible"


def test_citation_word_limit_and_empty_citation(db, cycle):
    ok = hand(db, cycle, journalists=["X1"], citation=" ".join(["word"] * 500))
    long = hand(db, cycle, journalists=["X2"], citation=" ".join(["word"] * 501))
    empty = hand(db, cycle, journalists=["X3"], citation="   ")
    assert ok.eligibility == "eligible" and ok.citation_words == 500
    assert codes(long) == ["citation_length"] and "501 words" in long.reasons[0].message
    assert codes(empty) == ["no_citation"]


def test_unknown_category_is_refused_and_several_reasons_at_once(db, cycle):
    # Issue 12 changes this: an unknown category used to be recorded as an
    # ineligible nomination (a phantom list); it is refused, naming the categories.
    first = hand(db, cycle, journalists=["D1"], url="https://x.example/a")
    with pytest.raises(errors.AwardsError, match="'Best Podcast' is not a category") as exc:
        hand(db, cycle, journalists=["D2"], category="Best Podcast")
    assert "Outstanding Journalism, Digital Media Champion, Documentary" in str(exc.value)
    bad = hand(
        db,
        cycle,
        journalists=["D2"],
        url="https://x.example/a",
        category="documentary",
        published_on="2020-01-01",
    )
    assert first.eligibility == "eligible" and bad.category == "Documentary"
    assert codes(bad) == ["outside_window", "duplicate_url"]
    assert f"#{first.id}" in bad.reasons[-1].message
    assert sorted(n.id for n in nominations.list_nominations(db, cycle.id)) == [first.id, bad.id]


def test_check_eligibility_previews_without_saving(db, cycle):
    reasons = nominations.check_eligibility(
        db,
        cycle.id,
        category="Documentary",
        published_on="2024-01-01",
        journalists=["P"],
        citation="fine",
    )
    assert [r.code for r in reasons] == ["outside_window"]
    assert nominations.list_nominations(db, cycle.id) == []


def test_override_needs_a_reason_and_only_applies_to_ineligible(db, cycle):
    bad = hand(db, cycle, published_on="2020-01-01")
    with pytest.raises(errors.AwardsError, match="needs a reason"):
        sift.override_eligibility(db, bad.id, "  ", who=ADMIN)
    with pytest.raises(errors.AwardsError, match="ineligible"):
        sift.move(db, bad.id, "shortlist", who=ADMIN)
    done = sift.override_eligibility(db, bad.id, "published in print within the window", who=ADMIN)
    assert done.eligibility == "overridden" and codes(done) == ["outside_window"]
    assert sift.move(db, bad.id, "shortlist", who=ADMIN).stage == "shortlist"
    good = hand(db, cycle, journalists=["Z"])
    with pytest.raises(errors.AwardsError, match="nothing to override"):
        sift.override_eligibility(db, good.id, "why not", who=ADMIN)


def test_moves_between_lists_and_declining_needs_a_reason(db, cycle):
    n = hand(db, cycle)
    assert n.stage == "longlist"
    with pytest.raises(errors.AwardsError, match="needs a reason"):
        sift.move(db, n.id, "declined", "", who=ADMIN)
    with pytest.raises(errors.AwardsError, match="unknown list"):
        sift.move(db, n.id, "winners", who=ADMIN)
    assert sift.move(db, n.id, "shortlist", who=ADMIN).stage == "shortlist"
    back = sift.move(db, n.id, "declined", "outside the remit", who=ADMIN)
    assert (back.stage, back.stage_reason) == ("declined", "outside the remit")
    prog = {p.category: p for p in cycles.progress(db, cycle.id)}
    assert prog["Outstanding Journalism"].declined == 1 and prog["Documentary"].target == 5


def test_nominate_article_copies_the_piece_and_splits_the_byline(db, cycle):
    aid = add_article(db, author="By A Smith and B Jones", published_at="2026-02-03T10:00:00Z")
    n = nominations.nominate_article(
        db, cycle.id, aid, "Outstanding Journalism", "Nominator N", "A strong citation.", who=ADMIN
    )
    assert n.journalists == ("A Smith", "B Jones")
    assert (n.article_id, n.title, n.outlet, n.published_on) == (
        aid,
        "Inside the prison",
        "The Guardian",
        "2026-02-03",
    )
    assert n.eligibility == "eligible"
    named = nominations.nominate_article(
        db, cycle.id, aid, "Documentary", "N", "Again.", journalists=["Team X"], who=ADMIN
    )
    assert named.journalists == ("Team X",) and "duplicate_url" in codes(named)
    with pytest.raises(errors.AwardsError, match="article 999"):
        nominations.nominate_article(db, cycle.id, 999, "Documentary", "N", "x", who=ADMIN)


def test_cycle_creation_validates_and_resolves(db, cycle):
    with pytest.raises(errors.AwardsError, match="already exists"):
        cycles.create_cycle(db, year=2026, who=ADMIN)
    with pytest.raises(errors.AwardsError, match="after window end"):
        cycles.create_cycle(
            db, year=2030, who=ADMIN, window_start="2030-05-01", window_end="2030-01-01"
        )
    with pytest.raises(errors.AwardsError, match="not a date"):
        cycles.create_cycle(db, year=2031, who=ADMIN, window_start="soon")
    custom = cycles.create_cycle(
        db, year=2028, who=ADMIN, categories=["Radio"], criteria=["Overall"], scale=(0, 10)
    )
    assert custom.criteria == (("overall", "Overall"),) and custom.window_start == "2028-01-01"
    assert cycles.get_cycle(db, "2026").id == cycle.id
    # Issue 12 changes this: with no cycle named, the current cycle (the first
    # one created) is used, not the newest; creating 2028 did not redirect it.
    assert cycles.get_cycle(db, None).id == cycle.id
    assert cycles.get_cycle(db, "media awards 2026").id == cycle.id
    with pytest.raises(errors.AwardsError, match="no award cycle '1999'"):
        cycles.get_cycle(db, "1999")
