"""Stages enforced (issue 12): only shortlisted entries are judged and ranked;
decisions go to shortlisted entries, one winner per category and a
configurable number of highly commended; each refusal is one line naming the rule."""

from __future__ import annotations

import pytest

from awards import audit, cycles, errors, judging, nominations, sift
from storage.awards import nominations as nomination_store

from .conftest import ADMIN, hand, shortlisted


def refused(fn, *args, **kw) -> str:
    with pytest.raises(errors.AwardsError) as exc:
        fn(*args, **kw)
    message = str(exc.value)
    assert "\n" not in message
    return message


@pytest.fixture
def panel(db, cycle):
    for name in ("Ann", "Bob"):
        judging.add_judge(db, cycle.id, name, who=ADMIN)
    return cycle


def fives(cycle, n):
    return dict.fromkeys(cycle.criterion_keys, n)


def test_only_shortlisted_entries_are_scored(db, panel):
    longlisted = hand(db, panel, title="Long", journalists=["L"])
    ineligible = hand(db, panel, title="Old", journalists=["O"], published_on="2020-01-01")
    declined = hand(db, panel, title="No", journalists=["D"])
    sift.move(db, declined.id, "declined", "not criminal justice", who=ADMIN)
    for n, rule in (
        (longlisted, f"#{longlisted.id} is on the longlist: only shortlisted entries are judged"),
        (ineligible, f"#{ineligible.id} is ineligible (on the longlist): only shortlisted"),
        (declined, f"#{declined.id} is declined: only shortlisted entries are judged"),
    ):
        assert rule in refused(judging.score, db, n.id, "Ann", fives(panel, 4), who=ADMIN)
        # a comment is judging too
        assert "only shortlisted" in refused(judging.score, db, n.id, "Ann", {}, "Hm", who=ADMIN)
    assert judging.list_sheets(db, panel.id) == []
    assert [e.action for e in audit.audit_log(db, panel.id)].count("score.set") == 0


def test_results_rank_only_shortlisted_entries_with_their_stage(db, panel):
    """The issue's case: an entry scored 20 that is not on the shortlist must
    not rank above the shortlisted entry scored 14."""
    top = shortlisted(db, panel, title="Scored then moved back", journalists=["T"])
    kept = shortlisted(db, panel, title="On the shortlist", journalists=["K"])
    other = shortlisted(
        db, panel, title="Another category", journalists=["C"], category="Documentary"
    )
    judging.score(db, top.id, "Ann", fives(panel, 4), who=ADMIN)  # 20
    judging.score(
        db, kept.id, "Ann", dict(zip(panel.criterion_keys, [3, 3, 3, 3, 2], strict=True)), who=ADMIN
    )  # 14
    judging.score(
        db, kept.id, "Bob", dict(zip(panel.criterion_keys, [3, 3, 3, 3, 2], strict=True)), who=ADMIN
    )  # 14
    sift.move(db, top.id, "longlist", who=ADMIN)
    rows = judging.results(db, panel.id)
    assert [(r.nomination.id, r.nomination.stage, r.rank, r.result.mean) for r in rows] == [
        (other.id, "shortlist", None, None),  # Documentary sorts first; nobody scored it
        (kept.id, "shortlist", 1, 14.0),
    ]
    # its sheet is kept, uncounted, and counts again once it is back on the shortlist
    assert [s.nomination_id for s in judging.list_sheets(db, panel.id)].count(top.id) == 1
    sift.move(db, top.id, "shortlist", who=ADMIN)
    oj = [r for r in judging.results(db, panel.id) if r.nomination.category != "Documentary"]
    assert [(r.nomination.id, r.rank, r.result.mean) for r in oj] == [
        (top.id, 1, 20.0),
        (kept.id, 2, 14.0),
    ]


def test_ties_share_a_rank_and_the_next_rank_skips(db, panel):
    a, b, c = (shortlisted(db, panel, title=t, journalists=[t]) for t in ("A", "B", "C"))
    for n, score in ((a, 4), (b, 4), (c, 3)):
        judging.score(db, n.id, "Ann", fives(panel, score), who=ADMIN)
    got = [(r.nomination.id, r.rank, r.tied, r.rank_label) for r in judging.results(db, panel.id)]
    assert got == [(a.id, 1, True, "=1"), (b.id, 1, True, "=1"), (c.id, 3, False, "3")]


def test_a_decision_needs_a_shortlisted_entry(db, panel):
    n = hand(db, panel, title="Longlisted", journalists=["L"])
    assert refused(sift.decide, db, n.id, "winner", who=ADMIN) == (
        f"#{n.id} is on the longlist, not shortlisted: only shortlisted entries receive a decision"
    )
    bad = hand(db, panel, title="Ineligible", journalists=["I"], published_on="2020-01-01")
    assert "only shortlisted entries receive a decision" in refused(
        sift.decide, db, bad.id, "winner", who=ADMIN
    )
    assert nominations.get_nomination(db, n.id).decision == ""


def test_one_winner_per_category_and_the_highly_commended_limit(db, panel):
    a, b, c, d = (shortlisted(db, panel, title=t, journalists=[t]) for t in "ABCD")
    doc = shortlisted(db, panel, title="Film", journalists=["F"], category="Documentary")
    assert sift.decide(db, a.id, "winner", "unanimous", who=ADMIN).decision == "winner"
    assert refused(sift.decide, db, b.id, "winner", who=ADMIN) == (
        f"Outstanding Journalism already has a winner (#{a.id} A): one winner per category; "
        f"clear that decision first ('framewatch awards decide {a.id} none')"
    )
    assert sift.decide(db, doc.id, "winner", who=ADMIN).decision == "winner"  # another category
    # deciding the winner again (a new note) is not a second winner
    assert sift.decide(db, a.id, "winner", "unanimous, on reflection", who=ADMIN).decision_note
    sift.decide(db, b.id, "highly-commended", who=ADMIN)
    sift.decide(db, c.id, "highly-commended", who=ADMIN)
    assert refused(sift.decide, db, d.id, "highly-commended", who=ADMIN) == (
        f"Outstanding Journalism already has 2 highly commended (#{b.id}, #{c.id}): the limit in "
        "Media Awards 2026 is 2 per category "
        "('framewatch awards cycle edit --highly-commended N' changes it)"
    )
    assert refused(cycles.edit_cycle, db, panel.id, who=ADMIN, highly_commended_max=1) == (
        "cycle 'Media Awards 2026': Outstanding Journalism already has 2 highly commended; "
        "change some of those decisions before lowering the limit to 1"
    )
    assert cycles.get_cycle(db, None).highly_commended_max == 2
    cycles.edit_cycle(db, panel.id, who=ADMIN, highly_commended_max=3)
    assert sift.decide(db, d.id, "highly-commended", who=ADMIN).decision == "highly-commended"
    # the winner's place can be given once the old winner's decision is cleared
    assert sift.decide(db, a.id, "none", who=ADMIN).decision == ""
    assert refused(sift.decide, db, a.id, "none", who=ADMIN) == f"#{a.id} has no decision to clear"
    sift.decide(db, d.id, "winner", who=ADMIN)
    decided = {n.id: n.decision for n in nominations.list_nominations(db, panel.id)}
    assert decided == {
        a.id: "",
        b.id: "highly-commended",
        c.id: "highly-commended",
        d.id: "winner",
        doc.id: "winner",
    }


def test_a_cycle_can_allow_no_highly_commended(db):
    c = cycles.create_cycle(db, year=2030, who=ADMIN, highly_commended_max=0)
    n = shortlisted(db, c, published_on="2030-02-01")
    assert "can have none highly commended: the limit in Media Awards 2030 is 0" in refused(
        sift.decide, db, n.id, "highly-commended", who=ADMIN
    )


def test_a_decision_names_its_stage_and_keeps_the_entry_on_the_shortlist(db, panel):
    n = shortlisted(db, panel)
    sift.decide(db, n.id, "highly-commended", "close second", who=ADMIN)
    entry = audit.audit_log(db, panel.id)[-1]
    assert (entry.action, entry.details) == (
        "nomination.decide",
        {
            "from": "",
            "to": "highly-commended",
            "note": "close second",
            "category": "Outstanding Journalism",
            "stage": "highly commended",
        },
    )
    assert refused(sift.move, db, n.id, "longlist", who=ADMIN) == (
        f"#{n.id} has the decision 'highly-commended', so it stays on the shortlist: clear the "
        f"decision first ('framewatch awards decide {n.id} none')"
    )
    assert refused(sift.decide, db, n.id, "best", who=ADMIN).startswith(
        f"nomination #{n.id}: unknown decision 'best' (use winner, highly-commended"
    )


def test_an_entry_in_a_category_the_cycle_lacks_gets_no_decision_until_moved(db, panel):
    """Rows made before categories were checked can still hold a mistyped
    category; they cannot be shortlisted or decided until recategorised."""
    n = shortlisted(db, panel, title="Typo'd")
    with db.transaction() as conn:  # as an older version stored it
        nomination_store.update(conn, n.id, category="Outstanding Jornalism")
    message = refused(sift.decide, db, n.id, "winner", who=ADMIN)
    assert message == (
        f"#{n.id} is in 'Outstanding Jornalism', not a category of Media Awards 2026 "
        "(did you mean 'Outstanding Journalism'?): move it first "
        f"('framewatch awards recategorise {n.id} CATEGORY') before a decision"
    )
    sift.move(db, n.id, "longlist", who=ADMIN)
    assert "before shortlisting it" in refused(sift.move, db, n.id, "shortlist", who=ADMIN)
    assert "not a category" in refused(sift.recategorise, db, n.id, "Jornalism", who=ADMIN)
    moved = sift.recategorise(db, n.id, "outstanding journalism", who=ADMIN)
    assert moved.category == "Outstanding Journalism"
    sift.move(db, n.id, "shortlist", who=ADMIN)
    assert sift.decide(db, n.id, "winner", who=ADMIN).decision == "winner"
    assert refused(sift.recategorise, db, n.id, "Documentary", who=ADMIN).startswith(
        f"#{n.id} has the decision 'winner' in Outstanding Journalism: clear it first"
    )
    log = [e for e in audit.audit_log(db, panel.id) if e.action == "nomination.recategorise"]
    assert [e.details for e in log] == [
        {"from": "Outstanding Jornalism", "to": "Outstanding Journalism"}
    ]
