"""UK dates as an awards team types them (issue 12): accepted in form imports
and on the command line; two-digit years and US-looking dates refused, each
with a line saying why."""

from __future__ import annotations

import csv

import pytest

from awards import errors, nominations
from awards.common import parse_date
from awards.imports import ImportProblems, read_rows
from core.cli import main

from .conftest import ADMIN


@pytest.mark.parametrize(
    "text, iso",
    [
        ("15/09/2026", "2026-09-15"),
        ("5/9/2026", "2026-09-05"),
        ("15.09.2026", "2026-09-15"),
        ("15-09-2026", "2026-09-15"),
        ("03/04/2026", "2026-04-03"),  # day first: 3 April
        ("15 Sept 2026", "2026-09-15"),
        ("15 Sep 2026", "2026-09-15"),
        ("15 september 2026", "2026-09-15"),
        ("15th September 2026", "2026-09-15"),
        ("1st of March 2026", "2026-03-01"),
        ("Tue 15 Sept 2026", "2026-09-15"),
        ("Tuesday, 15 September 2026", "2026-09-15"),
        ("Sept 15, 2026", "2026-09-15"),
        ("15-Sep-2026", "2026-09-15"),
        ("2026/09/15", "2026-09-15"),
        ("2026-09-15", "2026-09-15"),
        ("2026-09-15T10:00:00+00:00", "2026-09-15"),
        ("15/09/2026 10:00", "2026-09-15"),  # a form's timestamp
        ("  15  Sept  2026 ", "2026-09-15"),
    ],
)
def test_accepted_forms(text, iso):
    assert parse_date(text, "date") == iso


@pytest.mark.parametrize(
    "text, why",
    [
        (
            "09/15/2026",
            "reads month first (a US date?); UK dates are day first: write 15/09/2026 or 2026-09-15",
        ),
        ("15/09/26", "has a 2-digit year: write the year in full (e.g. 15/09/2026)"),
        ("15 Sept 26", "has a 2-digit year: write the year in full (e.g. 15 Sept 2026)"),
        ("15 Sept", "has no year (e.g. 15 Sept 2026)"),
        ("31/02/2026", "is not a date (no day 31 in month 2)"),
        (
            "15 Setp 2026",
            "is not a date ('setp' is not a month; write it like 15/09/2026, 15 Sept 2026 or 2026-09-15)",
        ),
        ("next Tuesday", "is not a date (write it like 15/09/2026, 15 Sept 2026 or 2026-09-15)"),
        ("2026-02-30", "is not a date (write it like 15/09/2026, 15 Sept 2026 or 2026-09-15)"),
    ],
)
def test_refused_forms_say_why_in_one_line(text, why):
    with pytest.raises(errors.AwardsError) as exc:
        parse_date(text, "date")
    assert str(exc.value) == f"date: '{text.strip()}' {why}"


def write(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Category", "Title", "Journalists", "Date", "Nominator", "Citation"])
        w.writerows(rows)
    return path


def test_a_form_export_with_uk_dates_is_imported(db_arg, db, cycle, tmp_path, capsys):
    f = write(
        tmp_path / "form.csv",
        [
            ["Documentary", "One", "A", "15/09/2026", "N", "C"],
            ["Documentary", "Two", "B", "1 Oct 2025", "N", "C"],
            ["Documentary", "Three", "C", "03/04/2026", "N", "C"],
        ],
    )
    assert main(["--db", db_arg, "awards", "import", str(f), "--as", ADMIN]) == 0
    got = {
        n.title: (n.published_on, n.eligibility) for n in nominations.list_nominations(db, cycle.id)
    }
    assert got == {
        "One": ("2026-09-15", "eligible"),
        "Two": ("2025-10-01", "eligible"),  # the window's first day
        "Three": ("2026-04-03", "eligible"),
    }


def test_a_file_with_a_us_date_refuses_its_two_way_dates_too(tmp_path):
    f = write(
        tmp_path / "us.csv",
        [
            ["Documentary", "One", "A", "03/04/2026", "N", "C"],
            ["Documentary", "Two", "B", "09/15/2026", "N", "C"],
            ["Documentary", "Three", "C", "15/09/2026", "N", "C"],
            ["Documentary", "Four", "D", "05/05/2026", "N", "C"],  # the same both ways
        ],
    )
    with pytest.raises(ImportProblems) as exc:
        read_rows(f)
    assert exc.value.problems == [
        f"{f}:2: date '03/04/2026' reads two ways (day first or month first) and line 3 has a "
        "month-first date ('09/15/2026'): write it as YYYY-MM-DD",
        f"{f}:3: date: '09/15/2026' reads month first (a US date?); UK dates are day first: "
        "write 15/09/2026 or 2026-09-15",
    ]
    assert str(exc.value) == f"{f}: 2 problems, nothing imported"


def test_uk_dates_on_the_command_line(tmp_path, capsys):
    db = str(tmp_path / "fw.sqlite3")
    base = ["--db", db, "awards"]
    assert (
        main(
            [
                *base,
                "cycle",
                "new",
                "2026",
                "--window-start",
                "1 Oct 2025",
                "--window-end",
                "30/09/2026",
                "--json",
            ]
        )
        == 0
    )
    assert '"window_start": "2025-10-01"' in capsys.readouterr().out
    args = [
        "nominate",
        "--title",
        "T",
        "--category",
        "Documentary",
        "--nominator",
        "N",
        "--citation",
        "c",
    ]
    assert main([*base, *args, "--date", "15 Sept 2026", "--json"]) == 0
    assert '"published_on": "2026-09-15"' in capsys.readouterr().out
    assert main([*base, *args, "--date", "09/15/2026"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "framewatch: error: nomination date: '09/15/2026' reads month first (a US date?); "
        "UK dates are day first: write 15/09/2026 or 2026-09-15"
    ]
