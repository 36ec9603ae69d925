"""One rule for what the panel judges (issue 12, the hole the journeys found):
an entry is scored, ranked, counted in progress and decided only when it is
shortlisted AND eligible (or overridden).

The route that broke it: an entry shortlisted while eligible, then made
ineligible by ``awards cycle edit`` (a narrowed window), stayed on the
shortlist, was scored, ranked first and made winner.  Now re-assessing
eligibility takes it off the shortlist (audited, and said in the output), and
score, results, progress and decide refuse or leave out any shortlisted entry
that is ineligible without an override (rows an older version left behind).
"""

from __future__ import annotations

import pytest

from awards import audit, judging, nominations, rules, sift
from awards.errors import AwardsError
from storage.awards import nominations as nomination_store

from .conftest import ADMIN, shortlisted
from .test_cli_cycle_and_stages import Awards, nominate

WINDOW = "published 2028-03-15, outside the eligibility window 2028-06-01 to 2028-12-31"


@pytest.fixture
def aw(tmp_path, monkeypatch):
    return Awards(tmp_path, monkeypatch)


def test_the_rule_is_shortlisted_and_eligible_or_overridden():
    got = {(s, e): rules.judged(s, e) for s in rules.STAGES for e in rules.ELIGIBILITY}
    assert {k for k, v in got.items() if v} == {
        ("shortlist", "eligible"),
        ("shortlist", "overridden"),
    }


def test_a_cycle_edit_takes_a_newly_ineligible_entry_off_the_shortlist(aw, capsys):
    """The journey of section 6, through the real CLI on a SQLite file."""
    aw("cycle", "new", "2028", "--category", "Outstanding Journalism", "--use")
    aw("judge", "add", "Priya Shah")
    autumn = nominate(aw, "Autumn piece", "Ian Moss", date="15/09/2028")
    early = nominate(aw, "Early-year piece", "Jane Roe", date="15/03/2028")
    for n in (autumn, early):
        aw("shortlist", "move", str(n), "--to", "shortlist")
    aw("score", str(autumn), "--judge", "Priya Shah", "--all", "3,3,3,3,3")
    aw("score", str(early), "--judge", "Priya Shah", "--all", "5,5,5,5,5")
    aw("decide", str(early), "winner")

    out = aw("cycle", "edit", "--window-start", "01/06/2028").stdout.splitlines()
    assert out[1] == (
        f"  #{early} Early-year piece: eligible -> ineligible ({WINDOW}); taken off the "
        "shortlist, back to the longlist, and its decision (winner) cleared "
        f"('framewatch awards override {early} --reason REASON', then "
        f"'framewatch awards shortlist move {early} --to shortlist' puts it back)"
    )
    got = {n["id"]: n for n in aw.json("nominations")}
    assert (got[early]["stage"], got[early]["eligibility"], got[early]["decision"]) == (
        "longlist",
        "ineligible",
        "",
    )
    assert got[autumn]["stage"] == "shortlist"
    moves = [
        (e["action"], e["who"], e["details"].get("to"))
        for e in aw.json("audit")
        if e["entity_id"] == early and e["action"] in ("nomination.move", "nomination.decide")
    ]
    assert moves[-2:] == [
        ("nomination.move", "Coord", "longlist"),
        ("nomination.decide", "Coord", ""),
    ]

    results = aw.json("results")
    assert [r["nomination_id"] for r in results["results"]] == [autumn]
    assert [n["nomination_id"] for n in results["not_shortlisted"]] == [early]
    assert [e["nomination_id"] for e in aw.json("progress")["entries"]] == [autumn]
    assert aw.fails(
        capsys, "score", str(early), "--judge", "Priya Shah", "--all", "5,5,5,5,5"
    ).startswith(
        f"#{early} is ineligible (on the longlist): only shortlisted entries are judged "
        f"(override it with a reason ('framewatch awards override {early} --reason REASON')"
    )
    assert aw.fails(capsys, "decide", str(early), "winner") == (
        f"#{early} is ineligible ({WINDOW}) and on the longlist, not shortlisted: only "
        "shortlisted entries receive a decision, and only while eligible or overridden "
        f"('framewatch awards override {early} --reason REASON' accepts it anyway)"
    )

    # The way back the output names: override, then shortlist; the kept sheet counts again.
    aw("override", str(early), "--reason", "Panel accepts the spring piece")
    aw("shortlist", "move", str(early), "--to", "shortlist")
    ranked = aw.json("results")["results"]
    assert [(r["nomination_id"], r["mean"]) for r in ranked] == [
        (early, 25.0),
        (autumn, 15.0),
    ]
    # A later edit leaves an overridden entry where it is.
    out = aw("cycle", "edit", "--window-start", "01/07/2028").stdout
    assert "taken off the shortlist" not in out


def test_cycle_edit_json_says_what_left_the_shortlist(aw):
    aw("cycle", "new", "2028", "--category", "Outstanding Journalism", "--use")
    early = nominate(aw, "Early-year piece", "Jane Roe", date="15/03/2028")
    aw("shortlist", "move", str(early), "--to", "shortlist")
    edited = aw.json("cycle", "edit", "--window-start", "01/06/2028")
    assert edited["reassessed"] == [
        {
            "nomination": early,
            "before": "eligible",
            "after": "ineligible",
            "reasons": [{"code": "outside_window", "message": WINDOW}],
            "taken_off_shortlist": True,
            "decision_cleared": "",
        }
    ]


def ineligible_on_the_shortlist(db, cycle):
    """The state an older version left behind: shortlisted, then made
    ineligible without being moved (stored as that version stored it)."""
    n = shortlisted(db, cycle, title="Spring piece", journalists=["J Roe"])
    with db.transaction() as conn:
        nomination_store.update(conn, n.id, eligibility="ineligible")
    return nominations.get_nomination(db, n.id)


def test_every_reader_refuses_or_leaves_out_an_ineligible_shortlisted_entry(db, cycle):
    """The second guard: score, results, progress and decide ask the rule,
    not the stage alone."""
    judging.add_judge(db, cycle.id, "Ann", who=ADMIN)
    ok = shortlisted(db, cycle, title="Autumn piece", journalists=["I Moss"])
    judging.score(db, ok.id, "Ann", dict.fromkeys(cycle.criterion_keys, 3), who=ADMIN)
    bad = ineligible_on_the_shortlist(db, cycle)
    assert (bad.stage, bad.eligibility) == ("shortlist", "ineligible")
    with pytest.raises(AwardsError) as refused:
        judging.score(db, bad.id, "Ann", dict.fromkeys(cycle.criterion_keys, 5), who=ADMIN)
    assert str(refused.value).startswith(
        f"#{bad.id} is ineligible though on the shortlist: only shortlisted entries are "
        "judged, and only while eligible or overridden"
    )
    assert [s.nomination_id for s in judging.list_sheets(db, cycle.id)] == [ok.id]
    assert [r.nomination.id for r in judging.results(db, cycle.id)] == [ok.id]
    assert [n.id for n in judging.judging_progress(db, cycle.id).entries] == [ok.id]
    with pytest.raises(AwardsError, match="only shortlisted entries receive a decision, and"):
        sift.decide(db, bad.id, "winner", who=ADMIN)
    assert nominations.get_nomination(db, bad.id).decision == ""
    # an override makes it judged again
    sift.override_eligibility(db, bad.id, "accepted by the panel", who=ADMIN)
    judging.score(db, bad.id, "Ann", dict.fromkeys(cycle.criterion_keys, 5), who=ADMIN)
    assert [r.nomination.id for r in judging.results(db, cycle.id)] == [bad.id, ok.id]
    assert sift.decide(db, bad.id, "winner", who=ADMIN).decision == "winner"


def test_any_reassessment_clears_such_an_entry_off_the_shortlist(db, cycle):
    """Recategorising (which judges every nomination again) repairs an old row too."""
    bad = ineligible_on_the_shortlist(db, cycle)
    other = shortlisted(db, cycle, title="Other", journalists=["O"])
    sift.recategorise(db, other.id, "Documentary", who=ADMIN)
    # the stored row said ineligible with no reasons; judged again it is eligible
    # (its date is in the window), so it stays; make it truly ineligible first.
    assert nominations.get_nomination(db, bad.id).stage == "shortlist"
    with db.transaction() as conn:
        nomination_store.update(conn, bad.id, published_on="2020-01-01")
    sift.recategorise(db, other.id, "Outstanding Journalism", who=ADMIN)
    now = nominations.get_nomination(db, bad.id)
    assert (now.stage, now.eligibility) == ("longlist", "ineligible")
    assert now.stage_reason.startswith("no longer eligible: published 2020-01-01")
    last = [e for e in audit.audit_log(db, cycle.id) if e.entity_id == bad.id][-1]
    assert (last.action, last.details["from"], last.details["to"]) == (
        "nomination.move",
        "shortlist",
        "longlist",
    )


def test_small_wording_fixes(aw, capsys):
    aw("cycle", "new", "2028", "--category", "Outstanding Journalism", "--use")
    aw("judge", "add", "Priya Shah")
    assert aw("results").stdout.splitlines()[0] == (
        "Media Awards 2028 (current cycle): nothing to rank: no entry is shortlisted and "
        "eligible (or overridden) ('framewatch awards shortlist move N --to shortlist' "
        "shortlists one)"
    )
    assert aw("progress").stdout == (
        "Media Awards 2028 (current cycle): nothing to judge yet: no entry is shortlisted "
        "and eligible (or overridden); 1 judge(s) on the panel\n"
    )
    n = nominate(aw, "Off topic", "A Writer", date="15/09/2028")
    out = aw("shortlist", "move", str(n), "--to", "declined", "--reason", "not CJ").stdout
    assert out == f"#{n} declined in Media Awards 2028 (current cycle): not CJ\n"
    old = nominate(aw, "Old piece", "B Writer", date="15/09/2027")
    assert aw.fails(capsys, "decide", str(old), "winner").startswith(
        f"#{old} is ineligible (published 2027-09-15, outside the eligibility window "
        "2028-01-01 to 2028-12-31) and on the longlist, not shortlisted: only shortlisted "
        "entries receive a decision"
    )
