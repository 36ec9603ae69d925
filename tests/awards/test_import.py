"""Nominations from a CSV file, through the real entry point and a real SQLite file."""

from __future__ import annotations

import csv
import json

import pytest

from awards import errors, nominations
from awards.audit import audit_log
from awards.imports import ImportProblems, import_nominations, read_rows
from core.cli import main

from .conftest import ADMIN, add_article

HEADER = [
    "Category",
    "Title",
    "Outlet",
    "Journalists",
    "URL",
    "Date",
    "Nominator",
    "Citation",
    "Text",
]


def write_csv(path, rows, header=HEADER, encoding="utf-8-sig"):
    with open(path, "w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


def run(db_path, *args):
    return main(["--db", str(db_path), "awards", "import", *args, "--as", ADMIN])


@pytest.fixture
def db_path(db_arg, db):
    return db_arg  # the database behind the conftest's db


def test_import_nominates_each_row_then_skips_them_on_a_second_import(
    db, cycle, db_path, tmp_path, capsys
):
    aid = add_article(db, title="Inside HMP Example", url="https://news.example/hmp")
    f = write_csv(
        tmp_path / "form.csv",
        [
            [
                "outstanding journalism",
                "Life after release",
                "Indie Pod",
                "B Jones; C Brown",
                "https://pod.example/1",
                "2026-05-01",
                "N One",
                "Humane and careful.",
                "The inmates were moved to another wing.",
                "",
            ],
            [
                "Outstanding Journalism",
                "Old story",
                "Daily Example",
                "D Green",
                "",
                "2024-01-01",
                "N Two",
                "Strong.",
                "",
                "",
            ],
            [
                "Outstanding Journalism",
                "Life after release",
                "Indie Pod",
                "B Jones",
                "https://pod.example/1",
                "2026-05-01",
                "N Three",
                "Listed twice in the form.",
                "",
                "",
            ],
            ["Outstanding Journalism", "", "", "", "", "", "N Four", "Fair.", "", str(aid)],
        ],
        header=[*HEADER, "Article"],
    )
    assert run(db_path, str(f)) == 0
    out = capsys.readouterr().out
    noms = nominations.list_nominations(db, cycle.id)
    assert sorted((n.title, n.eligibility) for n in noms) == [
        ("Inside HMP Example", "eligible"),
        ("Life after release", "eligible"),
        ("Old story", "ineligible"),
    ]
    pod = next(n for n in noms if n.title == "Life after release")
    assert pod.category == "Outstanding Journalism"  # matched case-insensitively
    assert pod.journalists == ("B Jones", "C Brown")
    assert pod.profile is not None and pod.profile.words == 7  # the text column was analysed
    old = next(n for n in noms if n.title == "Old story")
    assert [r.code for r in old.reasons] == ["outside_window"]
    assert f"{f}:4: skipped, the same piece as line 2" in out
    assert "4 rows: nominated 3, skipped 1" in out
    audit = [e for e in audit_log(db, cycle.id) if e.action == "nomination.create"]
    assert len(audit) == 3 and {e.who for e in audit} == {ADMIN}

    assert run(db_path, str(f), "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert report["created"] == [] and len(report["skipped"]) == 4
    assert {s["reason"] for s in report["skipped"]} >= {f"already nominated as #{pod.id}"}
    assert len(nominations.list_nominations(db, cycle.id)) == 3


def test_any_problem_anywhere_imports_nothing_and_names_each_line(
    db, cycle, db_path, tmp_path, capsys
):
    f = write_csv(
        tmp_path / "bad.csv",
        [
            [
                "Outstanding Journalism",
                "Fine row",
                "Outlet",
                "A B",
                "",
                "2026-05-01",
                "N",
                "Good.",
                "",
            ],
            ["Outstanding Journalism", "", "Outlet", "A B", "", "2026-05-01", "N", "No title.", ""],
            [
                "Outstanding Journalism",
                "Bad date",
                "Outlet",
                "A B",
                "",
                "first of May",
                "N",
                "Hm.",
                "",
            ],
            [
                "Outstanding Journalism",
                "Too, many",
                "Outlet",
                "A B",
                "",
                "2026-05-01",
                "N",
                "x",
                "",
                "extra",
            ],
        ],
    )
    assert run(db_path, str(f)) != 0
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"{f}:3: title is empty (and no monitor article is named)",
        f"{f}:4: date: 'first of May' is not a date "
        "(write it like 15/09/2026, 15 Sept 2026 or 2026-09-15)",
        f"{f}:5: 10 cells for 9 columns (an unquoted comma?)",
        f"framewatch: error: {f}: 3 problems, nothing imported",
    ]
    assert nominations.list_nominations(db, cycle.id) == []


def test_missing_column_unknown_article_and_wrong_encoding_are_one_line(
    db, cycle, db_path, tmp_path, capsys
):
    f = write_csv(
        tmp_path / "cols.csv",
        [["Outstanding Journalism", "T", "N"]],
        header=["Category", "Title", "Nominator"],
    )
    assert run(db_path, str(f)) != 0
    assert capsys.readouterr().err.splitlines() == [
        f"framewatch: error: {f}:1: missing column(s): citation"
    ]

    f = write_csv(
        tmp_path / "art.csv",
        [["Outstanding Journalism", "999", "N", "Fine."]],
        header=["Category", "Article", "Nominator", "Citation"],
    )
    assert run(db_path, str(f)) != 0
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"{f}:2: article 999: not in the monitor database" and len(err) == 2

    f = write_csv(
        tmp_path / "latin.csv",
        [["Outstanding Journalism", "Café culture", "N", "Très bien."]],
        header=["Category", "Title", "Nominator", "Citation"],
        encoding="latin-1",
    )
    assert run(db_path, str(f)) != 0
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "not UTF-8 text" in err[0] and "CSV UTF-8" in err[0]
    assert nominations.list_nominations(db, cycle.id) == []


def test_dry_run_reports_and_writes_nothing(db, cycle, tmp_path):
    f = write_csv(
        tmp_path / "form.csv",
        [
            [
                "Outstanding Journalism",
                "A piece",
                "Outlet",
                "A B",
                "https://x.example/a",
                "2026-05-01",
                "N",
                "Good.",
                "",
            ],
            [
                "Outstanding Journalism",
                "A piece again",
                "Outlet",
                "A B",
                "https://x.example/a",
                "2026-05-01",
                "N",
                "Same URL.",
                "",
            ],
        ],
    )
    rows, ignored = read_rows(f)
    assert ignored == ()
    report = import_nominations(db, cycle, rows, who=ADMIN, source=str(f), dry_run=True)
    assert report.planned == [2] and report.skipped == [(3, "the same piece as line 2")]
    assert (
        nominations.list_nominations(db, cycle.id) == []
        and audit_log(db, cycle.id)[-1].action == "cycle.create"
    )


def test_problems_carry_every_line(tmp_path):
    f = write_csv(
        tmp_path / "two.csv",
        [["", "T", "O", "", "", "", "N", "C", ""], ["Cat", "T", "O", "", "", "", "", "C", ""]],
    )
    with pytest.raises(ImportProblems) as exc:
        read_rows(f)
    assert exc.value.problems == [f"{f}:2: category is empty", f"{f}:3: nominator is empty"]


def test_a_forms_extra_columns_are_left_out_and_named(db, cycle, db_path, tmp_path, capsys):
    f = write_csv(
        tmp_path / "form.csv",
        [["26/11/2026 10:00", "n@example.org", "Outstanding Journalism", "T", "N", "C"]],
        header=["Timestamp", "Email address", "Category", "Title", "Nominator", "Citation"],
    )
    assert run(db_path, str(f)) == 0
    out = capsys.readouterr().out
    assert f"{f}: columns left out: Timestamp, Email address" in out
    [n] = nominations.list_nominations(db, cycle.id)
    assert (n.title, n.nominator, n.citation) == ("T", "N", "C")


def test_one_engine_serves_the_whole_file(db, cycle, tmp_path):
    from framing import Engine

    made = []

    def factory():
        made.append(Engine())
        return made[-1]

    aid = add_article(
        db,
        title="Unanalysed piece",
        url="https://news.example/u",
        text="The thugs were jailed. " * 10,
    )
    f = write_csv(
        tmp_path / "form.csv",
        [
            [
                "Outstanding Journalism",
                "One",
                "O",
                "A",
                "",
                "2026-05-01",
                "N",
                "C",
                "The inmates were moved.",
                "",
            ],
            [
                "Outstanding Journalism",
                "Two",
                "O",
                "B",
                "",
                "2026-05-02",
                "N",
                "C",
                "The yobs ran off.",
                "",
            ],
            ["Outstanding Journalism", "", "", "", "", "", "N", "C", "", str(aid)],
        ],
        header=[*HEADER, "Article"],
    )
    rows, _ = read_rows(f)
    report = import_nominations(db, cycle, rows, who=ADMIN, source=str(f), engine_factory=factory)
    assert len(made) == 1
    assert [n.profile is not None and n.profile.words > 0 for n in report.created] == [
        True,
        True,
        True,
    ]


def test_line_numbers_count_multi_line_citations_and_twin_columns_are_refused(tmp_path):
    f = write_csv(
        tmp_path / "multi.csv",
        [
            [
                "Outstanding Journalism",
                "One",
                "O",
                "A",
                "",
                "2026-05-01",
                "N",
                "First paragraph.\n\nSecond.",
                "",
            ],
            ["Outstanding Journalism", "Two", "O", "B", "", "not a date", "N", "Short.", ""],
        ],
    )
    with pytest.raises(ImportProblems) as exc:
        read_rows(f)
    assert exc.value.problems == [
        f"{f}:5: date: 'not a date' is not a date "
        "(write it like 15/09/2026, 15 Sept 2026 or 2026-09-15)"
    ]
    f = write_csv(
        tmp_path / "twins.csv",
        [["Cat", "T", "N", "C", "A", "B"]],
        header=["Category", "Title", "Nominator", "Citation", "Journalist", "Journalists"],
    )
    with pytest.raises(
        errors.AwardsError, match="columns Journalist and Journalists both mean 'journalists'"
    ):
        read_rows(f)
