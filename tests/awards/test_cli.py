"""The awards CLI through the real root command."""

from __future__ import annotations

import csv
import json

from click.testing import CliRunner

from core.cli import cli, main


def run(db_path, *args, ok=True):
    result = CliRunner().invoke(
        cli, ["--db", str(db_path), "awards", *args], catch_exceptions=False
    )
    if ok:
        assert result.exit_code == 0, result.output
    return result


def test_a_cycle_end_to_end_from_the_command_line(tmp_path, monkeypatch):
    db = tmp_path / "fw.sqlite3"
    monkeypatch.setenv("FRAMEWATCH_REVIEWER", "Env Reviewer")
    run(db, "cycle", "new", "2026", "--window-start", "2025-10-01", "--window-end", "2026-09-30")
    cycles = json.loads(run(db, "cycle", "list", "--json").output)
    assert [c["name"] for c in cycles] == ["Media Awards 2026"]
    out = run(
        db,
        "nominate",
        "--title",
        "Inside",
        "--outlet",
        "BBC",
        "--journalist",
        "A Smith",
        "--date",
        "2026-01-05",
        "--category",
        "outstanding journalism",
        "--nominator",
        "Jo",
        "--citation",
        "Careful and humane.",
        "--json",
        "--as",
        "Jo Admin",
    ).output
    first = json.loads(out)
    assert first["category"] == "Outstanding Journalism" and first["eligibility"] == "eligible"
    out = run(
        db,
        "nominate",
        "--title",
        "Late",
        "--journalist",
        "B",
        "--date",
        "2027-01-01",
        "--category",
        "Documentary",
        "--nominator",
        "Jo",
        "--citation",
        "x",
    ).output
    assert "ineligible: published 2027-01-01, outside the eligibility window" in out
    run(db, "shortlist", "move", str(first["id"]), "--to", "shortlist", "--reason", "strong")
    for name in ("Ann", "Bob"):
        run(db, "judge", "add", name)
    run(
        db, "score", str(first["id"]), "--judge", "Ann", "--all", "5,5,5,5,5", "--comment", "Superb"
    )
    run(db, "score", str(first["id"]), "--judge", "Bob", "--all", "2,2,2,2,2")
    res = json.loads(run(db, "results", "--json").output)
    top = next(r for r in res["results"] if r["nomination_id"] == first["id"])
    assert (top["mean"], top["n_judges"], top["spread"], top["disagreement"]) == (17.5, 2, 15, True)
    assert res["disagreement_threshold"] == 8
    shown = json.loads(run(db, "shortlist", "--json").output)
    oj = next(c for c in shown["categories"] if c["category"] == "Outstanding Journalism")
    assert (oj["shortlist"], oj["target"]) == (1, 5)
    run(db, "recuse", str(first["id"]), "--judge", "Bob", "--reason", "Colleague")
    res = json.loads(run(db, "results", "--json").output)
    top = next(r for r in res["results"] if r["nomination_id"] == first["id"])
    assert (top["mean"], top["n_judges"], top["recused"]) == (25, 1, ["Bob"])
    path = tmp_path / "scores.csv"
    assert "wrote" in run(db, "export", "scores", str(path)).output
    with path.open(newline="", encoding="utf-8") as fh:
        sheet = list(csv.DictReader(fh))
    assert {(r["judge"], r["recused"]) for r in sheet} == {("Ann", "no"), ("Bob", "yes")}
    audit = json.loads(run(db, "audit", "--json").output)
    assert {e["who"] for e in audit} == {"Env Reviewer", "Jo Admin"}
    assert [e["action"] for e in audit].count("score.set") == 2


def test_bad_input_is_one_line_without_traceback(tmp_path, capsys):
    db = str(tmp_path / "fw.sqlite3")
    assert main(["--db", db, "awards", "nominations"]) == 1
    err = capsys.readouterr().err
    assert err.strip() == (
        "framewatch: error: no award cycle yet: create one with 'framewatch awards cycle new YEAR'"
    )
    assert main(["--db", db, "awards", "cycle", "new", "2026", "--scale", "five"]) == 1
    assert "--scale 'five'" in capsys.readouterr().err
    assert main(["--db", db, "awards", "cycle", "new", "2026"]) == 0
    main(["--db", db, "awards", "judge", "add", "Ann"])
    main(
        [
            "--db",
            db,
            "awards",
            "nominate",
            "--title",
            "T",
            "--category",
            "Documentary",
            "--nominator",
            "N",
            "--citation",
            "c",
            "--date",
            "2026-02-02",
        ]
    )
    capsys.readouterr()
    cases = [
        (["shortlist", "move", "99", "--to", "shortlist"], "no nomination #99"),
        (["score", "1", "--judge", "Ann", "--all", "1,2"], "--all needs 5 scores"),
        (
            ["nominate", "--category", "Documentary", "--nominator", "N"],
            "give --article ID, or --title",
        ),
        (
            [
                "nominate",
                "--article",
                "7",
                "--category",
                "Documentary",
                "--nominator",
                "N",
                "--citation",
                "c",
            ],
            "article 7: not in the monitor database",
        ),
        (
            ["export", "judge-pack", str(tmp_path / "p.md"), "--judge", "Zed"],
            "'Zed' is not a judge",
        ),
    ]
    for args, msg in cases:
        assert main(["--db", db, "awards", *args]) == 1, args
        err = capsys.readouterr().err
        assert msg in err and err.count("\n") == 1 and "Traceback" not in err, err


def test_help_on_every_command():
    runner = CliRunner()
    for args in (
        ["awards"],
        ["awards", "cycle", "new"],
        ["awards", "nominate"],
        ["awards", "shortlist", "move"],
        ["awards", "score"],
        ["awards", "results"],
        ["awards", "export"],
        ["awards", "recuse"],
    ):
        result = runner.invoke(cli, [*args, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output, args


def test_hand_nomination_with_text_gets_an_engine_profile_and_recompute(tmp_path):
    """Hand-worked from the text: 20 words; own voice "thug", "Prisoners" and
    "ex-offenders" (3 -> 150.0 per 1,000 words); quoted "lags" (1 -> 50.0)."""
    db = tmp_path / "fw.sqlite3"
    text = (
        "The thug was jailed for life. Prisoners and ex-offenders told the inquiry "
        '"the lags run the wing", one officer said.'
    )
    body = tmp_path / "piece.txt"
    body.write_text(text, encoding="utf-8")
    run(db, "cycle", "new", "2026")
    out = run(
        db,
        "nominate",
        "--title",
        "T",
        "--journalist",
        "J",
        "--date",
        "2026-02-02",
        "--category",
        "Documentary",
        "--nominator",
        "N",
        "--citation",
        "c",
        "--text-file",
        str(body),
        "--json",
    ).output
    prof = json.loads(out)["profile"]
    assert prof["source"] == "engine" and prof["model"].startswith("en_core_web_sm")
    assert (prof["words"], prof["voice"], prof["quoted"]) == (20, 3, 1)
    assert (prof["voice_per_1000"], prof["quoted_per_1000"]) == (150.0, 50.0)
    cats = {c["category"]: (c["voice"], c["quoted"]) for c in prof["categories"]}
    assert cats == {
        "dehumanising": (1, 0),  # thug
        "soft-person-label": (1, 0),  # Prisoners
        "person-label": (1, 1),  # ex-offenders; "lags" in the quotation
    }
    lines = run(db, "profile", "--all").stdout.splitlines()
    assert lines == ["#1: 150.0/1k own voice, 50.0/1k quoted (20 words)"]
    audit = json.loads(run(db, "audit", "--json").output)
    assert audit[-1]["action"] == "nomination.profile" and audit[-1]["details"]["voice"] == 3
    # the organisation's lexicon applies: with "prisoner" disabled, 2 own-voice flags
    config = tmp_path / "config.toml"
    config.write_text('[lexicon]\ndisable = ["prisoner"]\n', encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        ["--config", str(config), "--db", str(db), "awards", "profile", "1"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["#1: 100.0/1k own voice, 50.0/1k quoted (20 words)"]
