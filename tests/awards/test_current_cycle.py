"""An explicit current cycle (issue 12): stored in the database, never "the
newest"; archiving (read-only, hidden), deleting (refused once scored) and
removing a judge (sheets kept in the audit log, scores no longer counted)."""

from __future__ import annotations

import pytest

from awards import audit, cycles, errors, exports, judging, lifecycle, nominations, sift

from .conftest import ADMIN, hand, shortlisted


def refused(fn, *args, **kw) -> str:
    with pytest.raises(errors.AwardsError) as exc:
        fn(*args, **kw)
    assert "\n" not in str(exc.value)
    return str(exc.value)


def test_creating_next_years_cycle_does_not_redirect_anything(db, cycle):
    assert lifecycle.current_cycle(db).id == cycle.id  # the first cycle is current
    nxt = cycles.create_cycle(db, year=2027, who=ADMIN)
    assert lifecycle.current_cycle(db).id == cycle.id
    assert cycles.get_cycle(db, None).id == cycle.id
    created = audit.audit_log(db, nxt.id)[0]
    assert (created.action, created.details["current"]) == ("cycle.create", False)
    # explicitly, for every front end, and audited
    used, before = lifecycle.use_cycle(db, "media awards 2027", who="Chair")
    assert (used.id, before.id) == (nxt.id, cycle.id)
    assert cycles.get_cycle(db, None).id == nxt.id
    entry = audit.audit_log(db, nxt.id)[-1]
    assert (entry.action, entry.who, entry.details["from"], entry.details["to"]) == (
        "cycle.use",
        "Chair",
        cycle.id,
        nxt.id,
    )
    # by year and by id too; using the current one again changes nothing
    assert lifecycle.use_cycle(db, "2026", who=ADMIN)[0].id == cycle.id
    assert lifecycle.use_cycle(db, str(nxt.id), who=ADMIN)[0].id == nxt.id
    n = len(audit.audit_log(db))
    lifecycle.use_cycle(db, str(nxt.id), who=ADMIN)
    assert len(audit.audit_log(db)) == n
    with_new = cycles.create_cycle(db, year=2028, who=ADMIN, make_current=True)
    assert lifecycle.current_cycle(db).id == with_new.id


def test_with_several_cycles_and_none_current_commands_ask_for_cycle_use(db):
    a = cycles.create_cycle(db, year=2026, who=ADMIN)
    b = cycles.create_cycle(db, year=2027, who=ADMIN)
    lifecycle.archive_cycle(db, str(a.id), who=ADMIN)  # was current: now none is set
    assert lifecycle.current_cycle(db).id == b.id  # the only open cycle
    # unarchiving does not take over, nor leave two to choose from: b stays in effect
    lifecycle.unarchive_cycle(db, str(a.id), who=ADMIN)
    assert lifecycle.current_cycle(db).id == b.id
    assert (
        audit.audit_log(db, b.id)[-1].details["why"]
        == "kept when 'Media Awards 2026' was unarchived"
    )
    # the current cycle archived with two others open: nobody guesses
    c = cycles.create_cycle(db, year=2028, who=ADMIN)
    lifecycle.archive_cycle(db, str(b.id), who=ADMIN)
    assert refused(lifecycle.current_cycle, db) == (
        "no current award cycle and 2 to choose from (Media Awards 2026, Media Awards 2028): "
        "choose one with 'framewatch awards cycle use NAME|ID'"
    )
    # a new cycle does not quietly become the answer either
    cycles.create_cycle(db, year=2029, who=ADMIN)
    assert "3 to choose from" in refused(lifecycle.current_cycle, db)
    assert lifecycle.use_cycle(db, "2028", who=ADMIN)[0].id == c.id


def test_the_only_cycle_in_effect_is_pinned_when_another_is_created(db):
    a = cycles.create_cycle(db, year=2026, who=ADMIN)
    b = cycles.create_cycle(db, year=2027, who=ADMIN, make_current=True)
    lifecycle.archive_cycle(db, str(b.id), who=ADMIN)
    assert lifecycle.current_cycle(db).id == a.id  # only open one, nothing stored
    c = cycles.create_cycle(db, year=2028, who=ADMIN)
    assert lifecycle.current_cycle(db).id == a.id
    assert audit.audit_log(db, c.id)[0].details["kept_current"] == "Media Awards 2026"


def test_unknown_or_ambiguous_cycle_names_are_refused_with_a_hint(db, cycle):
    cycles.create_cycle(db, year=2026, who=ADMIN, name="Media Awards 2026 (re-run)")
    assert refused(cycles.get_cycle, db, "Media Award 2026").startswith(
        "no award cycle 'Media Award 2026' (did you mean 'Media Awards 2026'?)"
    )
    assert refused(cycles.get_cycle, db, "2026").startswith("2 award cycles are for 2026")


def test_an_archived_cycle_is_read_only_and_hidden_from_defaults(db, cycle):
    judging.add_judge(db, cycle.id, "Ann", who=ADMIN)
    n = shortlisted(db, cycle)
    judging.score(db, n.id, "Ann", dict.fromkeys(cycle.criterion_keys, 4), who=ADMIN)
    nxt = cycles.create_cycle(db, year=2027, who=ADMIN)
    archived, was_current = lifecycle.archive_cycle(db, "2026", who="Chair")
    assert was_current and archived.archived and archived.archived_by == "Chair"
    assert [c.id for c in cycles.list_cycles(db)] == [nxt.id]
    assert [c.id for c in cycles.list_cycles(db, archived=True)] == [cycle.id, nxt.id]
    assert lifecycle.current_cycle(db).id == nxt.id  # the only open one
    # still readable when named
    assert cycles.get_cycle(db, "2026").id == cycle.id
    assert [r.result.mean for r in judging.results(db, cycle.id)] == [20.0]
    ro = "cycle 'Media Awards 2026' is archived (read-only since"
    for attempt in (
        lambda: hand(db, cycle, title="Late entry"),
        lambda: judging.score(db, n.id, "Ann", {"impact": 1}, who=ADMIN),
        lambda: judging.add_judge(db, cycle.id, "Bob", who=ADMIN),
        lambda: judging.remove_judge(db, cycle.id, "Ann", who=ADMIN),
        lambda: judging.recuse(db, n.id, "Ann", "conflict", who=ADMIN),
        lambda: sift.move(db, n.id, "longlist", who=ADMIN),
        lambda: sift.decide(db, n.id, "winner", who=ADMIN),
        lambda: cycles.edit_cycle(db, cycle.id, who=ADMIN, max_items=4),
        lambda: lifecycle.use_cycle(db, "2026", who=ADMIN),
        lambda: lifecycle.archive_cycle(db, "2026", who=ADMIN),
    ):
        message = refused(attempt)
        assert ro in message or "is archived: unarchive it first" in message, message
    assert nominations.get_nomination(db, n.id).stage == "shortlist"
    lifecycle.unarchive_cycle(db, "2026", who=ADMIN)
    assert sift.decide(db, n.id, "winner", who=ADMIN).decision == "winner"
    actions = [e.action for e in audit.audit_log(db, cycle.id)]
    # the refused attempts left no entry
    assert actions[-4:] == ["cycle.archive", "cycle.use", "cycle.unarchive", "nomination.decide"]


def test_delete_is_refused_once_anything_is_scored(db, cycle):
    judging.add_judge(db, cycle.id, "Ann", who=ADMIN)
    n = shortlisted(db, cycle)
    judging.score(db, n.id, "Ann", {"relevant": 3}, who=ADMIN)
    assert refused(lifecycle.delete_cycle, db, "2026", who=ADMIN) == (
        "cycle 'Media Awards 2026' cannot be deleted: it holds 1 score sheet, the record of its "
        "judging; archive it instead ('framewatch awards cycle archive 1')"
    )
    assert cycles.get_cycle(db, "2026").id == cycle.id


def test_delete_takes_the_cycle_and_keeps_its_audit_history(db, cycle):
    nxt = cycles.create_cycle(db, year=2027, who=ADMIN)
    judging.add_judge(db, nxt.id, "Ann", who=ADMIN)
    hand(db, nxt, title="Early", published_on="2027-01-05")
    lifecycle.use_cycle(db, "2027", who=ADMIN)
    gone = lifecycle.delete_cycle(db, "2027", who="Chair")
    assert (gone.name, gone.nominations, gone.judges) == ("Media Awards 2027", 1, 1)
    assert [c.id for c in cycles.list_cycles(db, archived=True)] == [cycle.id]
    assert lifecycle.current_cycle(db).id == cycle.id  # was current; the only one left
    every = audit.audit_log(db)
    last = every[-1]
    assert (last.action, last.who, last.cycle_id, last.entity_id) == (
        "cycle.delete",
        "Chair",
        None,
        nxt.id,
    )
    # the deleted cycle's earlier entries are still there, without a cycle
    assert [e.action for e in every if e.cycle_id is None][:3] == [
        "cycle.create",
        "judge.add",
        "nomination.create",
    ]


def test_remove_a_judge_keeps_their_sheets_and_stops_counting_them(db, cycle, tmp_path):
    for name in ("Ann", "Bob"):
        judging.add_judge(db, cycle.id, name, who=ADMIN)
    n = shortlisted(db, cycle)
    other = shortlisted(db, cycle, journalists=["Other"])
    judging.score(db, n.id, "Ann", dict.fromkeys(cycle.criterion_keys, 4), who=ADMIN)  # 20
    judging.score(db, n.id, "Bob", dict.fromkeys(cycle.criterion_keys, 2), "Weak", who=ADMIN)  # 10
    judging.score(db, other.id, "Bob", {"relevant": 5}, who=ADMIN)
    assert judging.results(db, cycle.id)[0].result.mean == 15.0
    judge, sheets = judging.remove_judge(db, cycle.id, "bob", "left the charity", who="Chair")
    assert (judge.name, judge.removed, judge.removed_by, sheets) == ("Bob", True, "Chair", 2)
    row = next(r for r in judging.results(db, cycle.id) if r.nomination.id == n.id)
    assert (row.result.mean, row.result.n_judges, row.removed) == (20.0, 1, ("Bob",))
    marked = {(s.nomination_id, s.judge): s.removed for s in judging.list_sheets(db, cycle.id)}
    assert marked == {(n.id, "Ann"): False, (n.id, "Bob"): True, (other.id, "Bob"): True}
    entry = audit.audit_log(db, cycle.id)[-1]
    assert (entry.action, entry.details["name"], entry.details["reason"]) == (
        "judge.remove",
        "Bob",
        "left the charity",
    )
    assert [(s["nomination_id"], s["scores"], s["comment"]) for s in entry.details["sheets"]] == [
        (n.id, dict.fromkeys(cycle.criterion_keys, 2), "Weak"),
        (other.id, {"relevant": 5}, ""),
    ]
    assert refused(judging.score, db, n.id, "Bob", {"impact": 3}, who=ADMIN).startswith(
        "'Bob' was removed from the Media Awards 2026 panel on"
    )
    assert "was removed" in refused(judging.remove_judge, db, cycle.id, "Bob", who=ADMIN)
    assert "(did you mean 'Ann'?)" in refused(judging.remove_judge, db, cycle.id, "Anne", who=ADMIN)
    assert [j.name for j in judging.list_judges(db, cycle.id, removed=False)] == ["Ann"]
    written = exports.export(db, cycle.id, "judge-pack", tmp_path / "packs")
    assert [p.name for p in written] == ["judge-pack-ann.md"]
    # reinstating brings the kept sheets back into the results
    judging.add_judge(db, cycle.id, "Bob", who=ADMIN)
    assert judging.results(db, cycle.id)[0].result.mean == 15.0
    assert audit.audit_log(db, cycle.id)[-1].action == "judge.reinstate"
