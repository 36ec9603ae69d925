"""Audit trail for every change, and exports parsed back."""

from __future__ import annotations

import csv
import io
import json

from awards import audit, errors, exports, judging, nominations, profiles, sift

from .conftest import ADMIN, add_article, hand


def run_a_cycle(db, cycle):
    """One of every change, each by a different person so 'who' is checkable."""
    judging.add_judge(db, cycle.id, "Ann", who="Lead")
    judging.add_judge(db, cycle.id, "Bob", who="Lead")
    aid = add_article(db, title="Prison | *voices*", author="A Smith")
    a = nominations.nominate_article(
        db,
        cycle.id,
        aid,
        "Outstanding Journalism",
        "Nominator N",
        "Citation, with a comma\nand a newline.",
        who="Nom",
    )
    b = hand(
        db,
        cycle,
        title="Old doc",
        category="Documentary",
        published_on="2020-01-01",
        url="https://doc.example/1",
        who="Nom2",
    )
    sift.override_eligibility(db, b.id, "broadcast again in window", who="Chair")
    sift.move(db, a.id, "shortlist", "strong", who="Sifter")
    sift.move(db, b.id, "shortlist", who="Sifter")
    judging.recuse(db, b.id, "Bob", "Worked on the film", who="Bob")
    judging.score(
        db, a.id, "Ann", dict.fromkeys(cycle.criterion_keys, 4), comment="Strong", who="Ann"
    )
    judging.score(db, a.id, "Bob", dict.fromkeys(cycle.criterion_keys, 3), who="Bob")
    judging.score(db, b.id, "Ann", {"relevant": 5}, who="Ann")
    sift.decide(db, a.id, "winner", "unanimous", who="Chair")
    c = hand(db, cycle, title="Declined one", journalists=["D"], who="Nom")
    sift.move(db, c.id, "declined", "not criminal justice", who="Sifter")
    profiles.recompute_profile(
        db, c.id, who="Lead", engine=None
    )  # no text: recorded as unavailable
    return a, b, c


def test_every_change_is_in_the_audit_log_with_who_and_details(db, cycle):
    a, b, c = run_a_cycle(db, cycle)
    log = audit.audit_log(db, cycle.id)
    got = [(e.action, e.who) for e in log]
    assert got == [
        ("cycle.create", ADMIN),
        ("judge.add", "Lead"),
        ("judge.add", "Lead"),
        ("nomination.create", "Nom"),
        ("nomination.create", "Nom2"),
        ("nomination.override", "Chair"),
        ("nomination.move", "Sifter"),
        ("nomination.move", "Sifter"),
        ("judge.recuse", "Bob"),
        ("score.set", "Ann"),
        ("score.set", "Bob"),
        ("score.set", "Ann"),
        ("nomination.decide", "Chair"),
        ("nomination.create", "Nom"),
        ("nomination.move", "Sifter"),
        ("nomination.profile", "Lead"),
    ]
    by_action = {e.action: e for e in log}
    assert by_action["judge.recuse"].details == {"judge": "Bob", "reason": "Worked on the film"}
    assert by_action["nomination.override"].details["reasons"] == ["outside_window"]
    moves = [e for e in log if e.action == "nomination.move"]
    assert moves[-1].details == {
        "from": "longlist",
        "to": "declined",
        "reason": "not criminal justice",
    }
    assert (
        log[3].details["eligibility"] == "eligible"
        and log[4].details["eligibility"] == "ineligible"
    )
    assert all(e.at.endswith("+00:00") for e in log)
    # Refused changes leave no entry.
    before = len(log)
    refused = (
        lambda: judging.score(db, b.id, "Bob", {"relevant": 1}, who="Bob"),
        lambda: sift.move(db, c.id, "declined", "", who="X"),
        lambda: judging.recuse(db, b.id, "Bob", "again", who="Bob"),
    )
    for attempt in refused:
        try:
            attempt()
        except errors.AwardsError:
            continue
        raise AssertionError("a refused change went through")
    assert len(audit.audit_log(db, cycle.id)) == before


def rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_exports_parse_back(db, cycle, tmp_path):
    a, b, c = run_a_cycle(db, cycle)
    out = tmp_path / "out"
    files = {
        kind: exports.export(db, cycle.id, kind, out / f"{kind}.txt", judge="ann")
        for kind in exports.KINDS
    }

    short = rows(files["shortlist-csv"][0].read_text(encoding="utf-8"))
    assert list(short[0]) == exports.SHORTLIST_COLUMNS
    assert [(r["nomination_id"], r["category"]) for r in short] == [
        (str(b.id), "Documentary"),
        (str(a.id), "Outstanding Journalism"),
    ]
    assert short[1]["citation_excerpt"] == "Citation, with a comma and a newline."
    assert short[1]["nominee"] == "A Smith" and short[0]["eligibility"] == "overridden"

    md = files["shortlist-md"][0].read_text(encoding="utf-8").splitlines()
    heads = [line for line in md if line.startswith("#")]
    assert heads == [
        f"# Shortlist: {cycle.name}",
        "## Outstanding Journalism",
        f"### #{a.id} Prison \\| \\*voices\\*",
        "## Digital Media Champion",
        "## Documentary",
        f"### #{b.id} Old doc",
    ]
    assert f"#{c.id}" not in "\n".join(md)  # declined: not on the shortlist

    pack = files["judge-pack"][0].read_text(encoding="utf-8")
    assert pack.startswith("# Judge's pack: Ann\n") and "- `relevant`: Relevant content" in pack
    assert "Citation, with a comma" in pack and "Framing profile" in pack

    scores = rows(files["scores"][0].read_text(encoding="utf-8"))
    assert list(scores[0])[:9] == [
        "nomination_id",
        "category",
        "title",
        "judge",
        *cycle.criterion_keys,
    ]
    by = {(r["nomination_id"], r["judge"]): r for r in scores}
    assert by[(str(a.id), "Ann")]["total"] == "20" and by[(str(a.id), "Ann")]["comment"] == "Strong"
    assert by[(str(b.id), "Ann")]["complete"] == "no" and by[(str(b.id), "Ann")]["total"] == ""
    assert by[(str(b.id), "Bob")]["recused"] == "yes"

    rec = rows(files["recusals"][0].read_text(encoding="utf-8"))
    assert [(r["nomination_id"], r["judge"], r["reason"], r["recorded_by"]) for r in rec] == [
        (str(b.id), "Bob", "Worked on the film", "Bob")
    ]

    aud = rows(files["audit"][0].read_text(encoding="utf-8"))
    assert len(aud) == len(audit.audit_log(db, cycle.id))
    assert json.loads(aud[-1]["details"])["unavailable"] == "no text to analyse"


def test_judge_packs_leave_out_recused_pieces_and_write_one_per_judge(db, cycle, tmp_path):
    a, b, _ = run_a_cycle(db, cycle)
    written = exports.export(db, cycle.id, "judge-pack", tmp_path / "packs")
    assert sorted(p.name for p in written) == ["judge-pack-ann.md", "judge-pack-bob.md"]
    bob = (tmp_path / "packs" / "judge-pack-bob.md").read_text(encoding="utf-8")
    assert f"### #{b.id} Old doc" in bob and "Recused: Worked on the film" in bob
    assert "broadcast again" not in bob  # the recused piece's details are not in the pack
    assert "Citation, with a comma" in bob


def test_export_errors_are_one_line(db, cycle, tmp_path):
    (tmp_path / "adir").mkdir()
    for kind, path, kw, msg in (
        ("scores", tmp_path / "adir", {}, "is a folder"),
        ("judge-pack", tmp_path / "p.md", {"judge": "Nobody"}, "not a judge"),
        ("judge-pack", tmp_path / "packs", {}, "no judges yet"),
        ("pdf", tmp_path / "x", {}, "unknown export"),
    ):
        try:
            exports.export(db, cycle.id, kind, path, **kw)
        except errors.AwardsError as exc:
            assert msg in str(exc) and "\n" not in str(exc)
        else:
            raise AssertionError(f"{kind} to {path} did not fail")


def test_control_characters_from_feeds_do_not_reach_export_files(db, cycle, tmp_path):
    aid = add_article(db, title="Title \x1b[2J\x1b]0;owned\x07 \u202eevil", author="A\x1bB")
    n = nominations.nominate_article(db, cycle.id, aid, "Documentary", "N", "Fine.", who=ADMIN)
    sift.move(db, n.id, "shortlist", who=ADMIN)
    for kind in ("shortlist-csv", "shortlist-md", "audit"):
        [path] = exports.export(db, cycle.id, kind, tmp_path / kind)
        data = path.read_text(encoding="utf-8")
        assert "\x1b" not in data and "\x07" not in data and "\u202e" not in data, kind
    short = rows((tmp_path / "shortlist-csv").read_text(encoding="utf-8"))
    assert short[0]["title"] == "Title \ufffd[2J\ufffd]0;owned\ufffd \ufffdevil"
