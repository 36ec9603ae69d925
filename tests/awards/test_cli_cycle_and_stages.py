"""The awards commands issue 12 adds or changes, through the real root command
on a real SQLite file: text and --json, --help, one-line refusals."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from core.cli import cli, main

NEW_COMMANDS = (
    ["cycle", "use"],
    ["cycle", "archive"],
    ["cycle", "unarchive"],
    ["cycle", "delete"],
    ["judge", "remove"],
    ["recategorise"],
    ["progress"],
)


class Awards:
    """``framewatch --db DB awards ...`` as a coordinator types it."""

    def __init__(self, tmp_path, monkeypatch):
        self.db = str(tmp_path / "fw.sqlite3")
        monkeypatch.setenv("FRAMEWATCH_REVIEWER", "Coord")
        monkeypatch.setenv("COLUMNS", "200")  # rich tables: one line per row

    def __call__(self, *args, ok=True, stdin=None):
        result = CliRunner().invoke(cli, ["--db", self.db, "awards", *args], input=stdin)
        if ok:
            assert result.exit_code == 0, result.output
        return result

    def json(self, *args):
        return json.loads(self(*args, "--json").stdout)

    def fails(self, capsys, *args) -> str:
        """The one error line of a refused command (through main, as a user sees it)."""
        assert main(["--db", self.db, "awards", *args]) == 1, args
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "Traceback" not in err, err
        return err.strip().removeprefix("framewatch: error: ")


@pytest.fixture
def aw(tmp_path, monkeypatch):
    return Awards(tmp_path, monkeypatch)


def nominate(aw, title, journalist, category="Outstanding Journalism", date="2026-03-01"):
    return aw.json(
        "nominate", "--title", title, "--journalist", journalist, "--date", date,
        "--category", category, "--nominator", "N", "--citation", "Careful.",
    )["id"]  # fmt: skip


def test_help_and_json_on_every_awards_command():
    import click

    from awards.cli.group import awards

    def leaves(group, path):
        for name, command in group.commands.items():
            if isinstance(command, click.Group):
                yield from leaves(command, [*path, name])
                if not command.invoke_without_command:
                    continue  # 'cycle', 'judge': only their sub-commands act
            yield [*path, name]

    paths = list(leaves(awards, []))
    assert len(paths) == 28 and ["cycle", "use"] in paths and ["progress"] in paths
    assert ["suggest"] in paths  # issue 13
    for args in paths:
        result = CliRunner().invoke(cli, ["awards", *args, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output, args
        assert "--json" in result.output, args


def test_help_on_every_new_command():
    for args in NEW_COMMANDS:
        result = CliRunner().invoke(cli, ["awards", *args, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output, args
        assert "--json" in result.output, args


def test_next_years_cycle_does_not_redirect_the_commands(aw, capsys):
    out = aw("cycle", "new", "2026").stdout
    assert "'Media Awards 2026' is now the current cycle" in out
    first = nominate(aw, "Inside", "A")
    out = aw("cycle", "new", "2027").stdout
    assert (
        "the current cycle is still 'Media Awards 2026' (switch with 'framewatch awards cycle use 2')"
        in out
    )
    # every command without --cycle still acts on 2026, and says so
    assert "added to Media Awards 2026 (current cycle)" in aw("judge", "add", "Ann").stdout
    assert [n["id"] for n in aw.json("nominations")] == [first]
    listed = aw("cycle", "list").stdout.splitlines()
    assert listed[0].startswith("* #1 Media Awards 2026 (current): window")
    assert listed[1].startswith("  #2 Media Awards 2027: window")
    assert [(c["name"], c["current"]) for c in aw.json("cycle", "list")] == [
        ("Media Awards 2026", True),
        ("Media Awards 2027", False),
    ]
    # --cycle names another explicitly; by-id commands refuse a mismatch
    assert (
        "Media Awards 2027 (not the current cycle): 0 judge(s)"
        in aw("judge", "list", "--cycle", "2027").stdout
    )
    assert aw.fails(
        capsys, "score", str(first), "--judge", "Ann", "--all", "1,1,1,1,1", "--cycle", "2027"
    ) == (f"#{first} is in Media Awards 2026, not in Media Awards 2027")
    used = aw.json("cycle", "use", "2027")
    assert (used["current"]["name"], used["before"]["name"]) == (
        "Media Awards 2027",
        "Media Awards 2026",
    )
    assert (
        aw("cycle", "use", "Media Awards 2027").stdout
        == "'Media Awards 2027' is already the current cycle\n"
    )
    assert (
        aw("cycle", "use", "1").stdout
        == "current cycle: 'Media Awards 2026' (was 'Media Awards 2027')\n"
    )
    assert aw.fails(capsys, "cycle", "use", "Media Award 2027").startswith(
        "no award cycle 'Media Award 2027' (did you mean 'Media Awards 2027'?)"
    )


def test_several_cycles_and_none_current_is_one_line_asking_for_cycle_use(aw, capsys):
    for year in ("2026", "2027", "2028"):
        aw("cycle", "new", year)
    out = aw("cycle", "archive", "2026").stdout.splitlines()
    assert out[1] == (
        "it was the current cycle; choose another with 'framewatch awards cycle use NAME|ID'"
    )
    assert aw.fails(capsys, "results") == (
        "no current award cycle and 2 to choose from (Media Awards 2027, Media Awards 2028): "
        "choose one with 'framewatch awards cycle use NAME|ID'"
    )
    assert "no cycle is current" in aw("cycle", "list").stdout
    aw("cycle", "use", "2028")
    assert aw.json("results")["cycle"] == "Media Awards 2028"


def test_archive_unarchive_and_delete(aw, capsys):
    aw("cycle", "new", "2026")
    aw("judge", "add", "Ann")
    n = nominate(aw, "Inside", "A")
    aw("shortlist", "move", str(n), "--to", "shortlist")
    aw("score", str(n), "--judge", "Ann", "--all", "4,4,4,4,4")
    aw("cycle", "new", "2027")
    assert aw.fails(capsys, "cycle", "delete", "2026", "--yes") == (
        "cycle 'Media Awards 2026' cannot be deleted: it holds 1 score sheet, the record of its "
        "judging; archive it instead ('framewatch awards cycle archive 1')"
    )
    out = aw("cycle", "archive", "2026").stdout.splitlines()
    assert out == [
        "archived cycle #1 'Media Awards 2026': read-only from now on; 'cycle list --all' and --cycle 1 still show it",
        "it was the current cycle; commands now use 'Media Awards 2027' (the only open cycle)",
    ]
    assert [c["name"] for c in aw.json("cycle", "list")] == ["Media Awards 2027"]
    assert [(c["name"], c["archived_by"]) for c in aw.json("cycle", "list", "--all")] == [
        ("Media Awards 2026", "Coord"),
        ("Media Awards 2027", ""),
    ]
    assert aw.json("results", "--cycle", "2026")["results"][0]["mean"] == 20.0  # still readable
    assert aw.fails(capsys, "judge", "add", "Bob", "--cycle", "2026").startswith(
        "cycle 'Media Awards 2026' is archived (read-only since"
    )
    assert aw.json("cycle", "unarchive", "2026")["cycle"]["archived_at"] is None
    # delete an unscored cycle: asks first
    nominate(aw, "Early", "E", date="2027-01-05")
    asked = aw("cycle", "delete", "2027", stdin="n\n", ok=False)
    assert (
        asked.exit_code == 1
        and "Delete cycle 'Media Awards 2027' with 1 nomination(s) and 0 judge(s)?" in asked.output
    )
    assert "not deleted (answer y, or pass --yes)" in str(asked.exception)
    out = aw("cycle", "delete", "2027", stdin="y\n").stdout
    assert (
        out
        == "deleted cycle #2 'Media Awards 2027' (1 nomination(s), 0 judge(s)); 'framewatch awards audit --all' keeps its history\n"
    )
    assert [c["name"] for c in aw.json("cycle", "list", "--all")] == ["Media Awards 2026"]
    made = aw.json("cycle", "new", "2028")["id"]
    assert aw.json("cycle", "delete", "2028", "--yes") == {
        "id": made,
        "name": "Media Awards 2028",
        "nominations": 0,
        "judges": 0,
    }
    history = [e["action"] for e in aw.json("audit", "--all")]
    assert history.count("cycle.delete") == 2 and history.count("cycle.archive") == 1


def test_stages_on_the_command_line(aw, capsys):
    aw("cycle", "new", "2026", "--highly-commended", "1")
    for name in ("Ann", "Bob"):
        aw("judge", "add", name)
    short = nominate(aw, "Shortlisted", "S")
    old = nominate(aw, "Old", "O", date="2020-01-01")
    other = nominate(aw, "Other", "X")
    assert aw.fails(capsys, "score", str(old), "--judge", "Ann", "--all", "4,4,4,4,4").startswith(
        f"#{old} is ineligible (on the longlist): only shortlisted entries are judged"
    )
    assert aw.fails(capsys, "decide", str(old), "winner") == (
        f"#{old} is ineligible (published 2020-01-01, outside the eligibility window 2026-01-01 "
        "to 2026-12-31) and on the longlist, not shortlisted: only shortlisted entries receive "
        "a decision, and only while eligible or overridden ('framewatch awards override "
        f"{old} --reason REASON' accepts it anyway)"
    )
    moved = aw.json("shortlist", "move", str(short), "--to", "shortlist")
    assert (moved["stage"], moved["sheets_kept_uncounted"]) == ("shortlist", 0)
    aw("shortlist", "move", str(other), "--to", "shortlist")
    assert aw.json("score", str(short), "--judge", "Ann", "--all", "3,3,3,3,2")["complete"] is True
    out = aw("score", str(short), "--judge", "Bob", "--set", "relevant=3").stdout
    assert out == f"#{short} Bob: 1/5 criteria scored, in Media Awards 2026 (current cycle)\n"
    aw("score", str(other), "--judge", "Ann", "--all", "4,4,4,4,4")
    res = aw.json("results")
    assert [(r["rank"], r["nomination_id"], r["stage"], r["mean"]) for r in res["results"]] == [
        (1, other, "shortlist", 20.0),
        (2, short, "shortlist", 14.0),
    ]
    assert res["not_shortlisted"] == [
        {"nomination_id": old, "category": "Outstanding Journalism", "title": "Old",
         "stage": "longlist", "eligibility": "ineligible", "sheets_kept": 0},
    ]  # fmt: skip
    text = aw("results").stdout
    assert (
        "Media Awards 2026 (current cycle): shortlisted entries ranked (totals out of 25)" in text
    )
    assert "┃ rank ┃ # ┃ category" in text and "┃ stage" in text
    assert "1 entry not on the shortlist is not ranked (--all lists them)" in text
    assert "Old" not in text and "Old" in aw("results", "--all").stdout
    out = aw("decide", str(short), "winner", "--note", "Braver piece").stdout.splitlines()
    assert out == [
        f"#{short} Shortlisted: the winner of Outstanding Journalism, Media Awards 2026 (current cycle)",
        f"  note: on the judges' means #{short} ranks 2; #{other} ranks 1",
    ]
    assert aw.fails(capsys, "decide", str(other), "winner") == (
        f"Outstanding Journalism already has a winner (#{short} Shortlisted): one winner per "
        f"category; clear that decision first ('framewatch awards decide {short} none')"
    )
    hc = aw.json("decide", str(other), "highly-commended")
    assert (hc["decision"], hc["stage"], hc["rank"]) == ("highly-commended", "highly commended", 1)
    third = nominate(aw, "Third", "T")
    aw("shortlist", "move", str(third), "--to", "shortlist")
    assert "the limit in Media Awards 2026 is 1 per category" in aw.fails(
        capsys, "decide", str(third), "highly-commended"
    )
    assert (
        "up to 2 highly commended per category"
        in aw("cycle", "edit", "--highly-commended", "2").stdout
    )
    aw("decide", str(third), "highly-commended")
    assert aw.fails(capsys, "shortlist", "move", str(third), "--to", "longlist").startswith(
        f"#{third} has the decision 'highly-commended', so it stays on the shortlist"
    )
    aw("decide", str(third), "none")
    assert "has the decision 'winner'" in aw.fails(
        capsys, "shortlist", "move", str(short), "--to", "longlist"
    )
    aw("decide", str(short), "none")
    out = aw("shortlist", "move", str(short), "--to", "longlist").stdout.splitlines()
    assert out[1] == "  its 2 score sheet(s) are kept but not counted while it is off the shortlist"
    # recategorise (with --json)
    moved = aw.json("recategorise", str(third), "documentary")
    assert moved["category"] == "Documentary"
    assert aw.fails(capsys, "recategorise", str(third), "Documentry").startswith(
        "category 'Documentry' is not a category of Media Awards 2026 (did you mean 'Documentary'?)"
    )


def test_judge_remove_and_progress(aw, capsys):
    aw("cycle", "new", "2026")
    for name in ("Ann", "Bob", "Cat"):
        aw("judge", "add", name)
    a, b, c = (nominate(aw, t, t) for t in ("A", "B", "C"))
    for n in (a, b, c):
        aw("shortlist", "move", str(n), "--to", "shortlist")
    aw("score", str(a), "--judge", "Ann", "--all", "5,5,5,5,5")
    aw("score", str(b), "--judge", "Ann", "--set", "relevant=4", "--set", "crafted=3")
    aw("recuse", str(c), "--judge", "Ann", "--reason", "Former colleague")
    aw("score", str(a), "--judge", "Bob", "--all", "1,1,1,1,1")
    prog = aw.json("progress")
    ann, bob, cat = prog["judges"]
    assert ann == {
        "judge": "Ann",
        "removed": False,
        "scored": [a],
        "partly": [{"nomination_id": b, "scored": 2}],
        "missing": [],
        "recused": [c],
    }
    assert (bob["scored"], bob["missing"], cat["missing"]) == ([a], [b, c], [a, b, c])
    assert [(e["nomination_id"], e["complete_sheets"]) for e in prog["entries"]] == [
        (a, 2),
        (b, 0),
        (c, 0),
    ]
    text = aw("progress").stdout
    assert (
        "Media Awards 2026 (current cycle): judging progress on 3 shortlisted entries (5 criteria)"
        in text
    )
    assert f"│ Ann   │ 1: #{a}  │ 1: #{b} (2/5)   │ 0: -          │ 1: #{c}   │" in text
    assert f"│ {a} │ Outstanding Journalism │ A     │ 2 of 3          │" in text
    assert f"│ {c} │ Outstanding Journalism │ C     │ 0 of 2          │" in text  # Ann recused
    assert aw.json("results")["results"][0]["mean"] == 15.0
    removed = aw.json("judge", "remove", "Bob", "--reason", "Stepped down")
    assert (removed["name"], removed["removed"], removed["sheets_kept"]) == ("Bob", True, 1)
    assert aw("judge", "remove", "Cat").stdout == (
        "judge 'Cat' removed from Media Awards 2026 (current cycle): 0 score sheet(s) kept in the "
        "audit log and no longer counted\n"
    )
    res = aw.json("results")["results"][0]
    assert (res["mean"], res["n_judges"], res["removed_judges"]) == (25.0, 1, ["Bob"])
    assert "not counted: sheets of removed judge(s) Bob" in aw("results").stdout
    assert "Bob (removed, not counted)" in aw("progress").stdout
    assert (
        aw("judge", "list").stdout.splitlines()[0]
        == "Media Awards 2026 (current cycle): 1 judge(s)"
    )
    assert aw.json("progress", "--judge", "bob")["judges"][0]["removed"] is True
    assert aw.fails(capsys, "progress", "--judge", "Bobb") == (
        "'Bobb' is not a judge in Media Awards 2026 (did you mean 'Bob'?)"
    )
    entry = aw.json("audit")[-2]
    assert (
        entry["action"] == "judge.remove"
        and entry["details"]["sheets"][0]["scores"]["relevant"] == 1
    )
    assert aw.json("judge", "add", "Bob")["reinstated"] is True
    assert aw.json("results")["results"][0]["mean"] == 15.0
