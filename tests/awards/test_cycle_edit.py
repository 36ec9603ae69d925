"""Editing a cycle after nominations arrived: eligibility is judged again, in
order, under the new rules; categories rename with their nominations."""

from __future__ import annotations

import json

import pytest

from awards import audit, cycles, errors, nominations, sift
from core.cli import main

from .conftest import ADMIN, hand


def status(db, n):
    return nominations.get_nomination(db, n.id).eligibility


def test_widening_the_window_makes_late_pieces_eligible_and_audits_it(db, cycle):
    late = hand(db, cycle, title="Late", published_on="2026-10-15", journalists=["L"])
    ok = hand(db, cycle, title="On time", published_on="2026-05-01", journalists=["O"])
    assert (late.eligibility, ok.eligibility) == ("ineligible", "eligible")
    edited, changes = cycles.edit_cycle(db, cycle.id, who=ADMIN, window_end="2026-10-31")
    assert edited.window_end == "2026-10-31"
    assert [(c.nomination_id, c.before, c.after, c.reasons) for c in changes] == [
        (late.id, "ineligible", "eligible", ())
    ]
    assert (status(db, late), status(db, ok)) == ("eligible", "eligible")
    assert nominations.get_nomination(db, late.id).reasons == ()
    actions = [e.action for e in audit.audit_log(db, cycle.id)]
    assert actions.count("cycle.edit") == 1 and actions.count("nomination.reassess") == 1
    # narrowing it back makes it ineligible again, with the reason
    _, changes = cycles.edit_cycle(db, cycle.id, who=ADMIN, window_end="2026-09-30")
    assert [(c.before, c.after, [r.code for r in c.reasons]) for c in changes] == [
        ("eligible", "ineligible", ["outside_window"])
    ]


def test_item_limit_is_recounted_in_nomination_order_and_overrides_stand(db, cycle):
    pieces = [hand(db, cycle, title=f"Piece {i}", journalists=["A Smith"]) for i in range(4)]
    assert [p.eligibility for p in pieces] == ["eligible"] * 3 + ["ineligible"]
    _, changes = cycles.edit_cycle(db, cycle.id, who=ADMIN, max_items=2)
    assert [(c.nomination_id, c.after) for c in changes] == [(pieces[2].id, "ineligible")]
    assert [status(db, p) for p in pieces] == ["eligible", "eligible", "ineligible", "ineligible"]
    sift.override_eligibility(db, pieces[3].id, "Judges asked for it", who=ADMIN)
    _, changes = cycles.edit_cycle(db, cycle.id, who=ADMIN, max_items=4)
    assert [(c.nomination_id, c.after) for c in changes] == [(pieces[2].id, "eligible")]
    assert status(db, pieces[3]) == "overridden"  # the admin's decision stands


def test_an_edit_that_changes_no_rule_reassesses_nothing(db, cycle):
    hand(db, cycle, title="A", journalists=["X"])
    hand(db, cycle, title="B", journalists=["X"], url="https://x.example/1")
    hand(db, cycle, title="C", journalists=["X"], url="https://x.example/1")  # duplicate URL
    hand(db, cycle, title="D", journalists=["X"])  # 4th item
    before = [(n.id, n.eligibility, n.reasons) for n in nominations.list_nominations(db, cycle.id)]
    edited, changes = cycles.edit_cycle(db, cycle.id, who=ADMIN, name="Media Awards 2026 (renamed)")
    assert edited.name == "Media Awards 2026 (renamed)" and changes == []
    assert [
        (n.id, n.eligibility, n.reasons) for n in nominations.list_nominations(db, cycle.id)
    ] == before
    assert [e.action for e in audit.audit_log(db, cycle.id)].count("nomination.reassess") == 0


def test_categories_rename_with_their_nominations_add_and_remove(db, cycle):
    doc = hand(db, cycle, title="Film", category="Documentary")
    # Issue 12 changes this: a nomination in a category the cycle lacks used to
    # be recorded as ineligible; it is refused, and is made once the category exists.
    with pytest.raises(errors.AwardsError, match="'Radio' is not a category"):
        hand(db, cycle, title="Radio", category="Radio")
    _, changes = cycles.edit_cycle(
        db,
        cycle.id,
        who=ADMIN,
        rename_categories={"documentary": "Documentary Film"},
        add_categories=["Radio"],
    )
    got = cycles.get_cycle(db, cycle.id)
    assert got.categories == (
        "Outstanding Journalism",
        "Digital Media Champion",
        "Documentary Film",
        "Radio",
    )
    assert nominations.get_nomination(db, doc.id).category == "Documentary Film"
    assert changes == []
    odd = hand(db, cycle, title="Radio", category="radio")
    assert (odd.category, odd.eligibility) == ("Radio", "eligible")
    with pytest.raises(errors.AwardsError, match="holds 1 nomination"):
        cycles.edit_cycle(db, cycle.id, who=ADMIN, remove_categories=["Radio"])
    cycles.edit_cycle(db, cycle.id, who=ADMIN, remove_categories=["digital media  champion"])
    assert "Digital Media Champion" not in cycles.get_cycle(db, cycle.id).categories
    for bad, match in (
        ({"rename_categories": {"Nope": "X"}}, "no category 'Nope'"),
        ({"rename_categories": {"Radio": "Documentary Film"}}, "already a category"),
        ({"window_start": "2027-01-01"}, "is after window end"),
        ({"max_items": 0}, "at least 1"),
    ):
        with pytest.raises(errors.AwardsError, match=match):
            cycles.edit_cycle(db, cycle.id, who=ADMIN, **bad)
    assert (
        cycles.get_cycle(db, cycle.id).window_start == "2025-10-01"
    )  # a refused edit changed nothing


def test_cycle_edit_from_the_command_line(db_arg, db, cycle, tmp_path, capsys):
    late = hand(db, cycle, title="Late piece", published_on="2026-10-15", journalists=["L"])
    args = ["--db", db_arg, "awards", "cycle", "edit", "--as", ADMIN]
    assert (
        main(
            [*args, "--window-end", "2026-10-31", "--rename-category", "Documentary=Documentaries"]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "window 2025-10-01 to 2026-10-31" in out and "Documentaries" in out
    assert f"#{late.id} Late piece: ineligible -> eligible (meets every rule now)" in out
    assert main([*args, "--max-items", "0", "--json"]) != 0
    assert capsys.readouterr().err.splitlines() == [
        "framewatch: error: cycle 'Media Awards 2026': max items must be at least 1"
    ]
    assert main([*args, "--rename-category", "oops", "--json"]) != 0
    assert "OLD=NEW" in capsys.readouterr().err
    assert main([*args, "--shortlist-target", "6", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["cycle"]["shortlist_target"] == 6 and data["reassessed"] == []
