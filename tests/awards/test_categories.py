"""A mistyped category is refused everywhere with did-you-mean (issue 12),
never starting a phantom list."""

from __future__ import annotations

import csv

from awards import cycles, nominations
from core.cli import main

from .conftest import ADMIN, add_article

HINT = (
    "category 'Outstanding Jornalism' is not a category of Media Awards 2026 "
    "(did you mean 'Outstanding Journalism'?); its categories are: Outstanding Journalism, "
    "Digital Media Champion, Documentary"
)


def err_lines(capsys):
    return capsys.readouterr().err.splitlines()


def test_every_front_door_refuses_a_mistyped_category(db_arg, db, cycle, tmp_path, capsys):
    base = ["--db", db_arg, "awards"]
    aid = add_article(db)
    by_hand = [
        "nominate",
        "--title",
        "T",
        "--nominator",
        "N",
        "--citation",
        "c",
        "--date",
        "2026-02-02",
    ]
    for args in (
        [*by_hand, "--category", "Outstanding Jornalism"],
        [
            "nominate",
            "--article",
            str(aid),
            "--nominator",
            "N",
            "--citation",
            "c",
            "--category",
            "Outstanding Jornalism",
        ],
        ["nominations", "--category", "Outstanding Jornalism"],
        ["results", "--category", "Outstanding Jornalism"],
    ):
        assert main([*base, *args, "--as", ADMIN]) == 1, args
        assert err_lines(capsys) == [f"framewatch: error: {HINT}"], args
    assert nominations.list_nominations(db, cycle.id) == []
    assert [p.category for p in cycles.progress(db, cycle.id)] == list(cycle.categories)
    # any case and spacing of a real one is fine
    assert main([*base, *by_hand, "--category", "  outstanding   JOURNALISM ", "--as", ADMIN]) == 0
    assert nominations.list_nominations(db, cycle.id)[0].category == "Outstanding Journalism"


def test_an_import_names_every_row_with_a_mistyped_category_and_imports_nothing(
    db_arg, db, cycle, tmp_path, capsys
):
    f = tmp_path / "form.csv"
    with open(f, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Category", "Title", "Nominator", "Citation"])
        w.writerows(
            [
                ["Outstanding Journalism", "Fine", "N", "C"],
                ["Outstanding Jornalism", "Typo", "N", "C"],
                ["Documentry", "Typo two", "N", "C"],
                ["Best Podcast", "No such", "N", "C"],
            ]
        )
    base = ["--db", db_arg, "awards", "import", str(f), "--as", ADMIN]
    assert main([*base, "--dry-run"]) == 1
    assert main(base) == 1
    lines = err_lines(capsys)
    cats = "its categories are: Outstanding Journalism, Digital Media Champion, Documentary"
    expected = [
        f"{f}:3: {HINT}",
        f"{f}:4: category 'Documentry' is not a category of Media Awards 2026 (did you mean "
        f"'Documentary'?); {cats}",
        f"{f}:5: category 'Best Podcast' is not a category of Media Awards 2026; {cats}",
        f"framewatch: error: {f}: 3 problems, nothing imported",
    ]
    assert lines == expected * 2  # the dry run says the same
    assert nominations.list_nominations(db, cycle.id) == []


def test_cycle_edit_suggests_the_category_meant(db_arg, db, cycle, tmp_path, capsys):
    base = ["--db", db_arg, "awards", "cycle", "edit", "--as", ADMIN]
    assert main([*base, "--rename-category", "Documentry=Documentaries"]) == 1
    assert err_lines(capsys) == [
        "framewatch: error: cycle 'Media Awards 2026': no category 'Documentry' to rename "
        "(did you mean 'Documentary'?) (categories: Outstanding Journalism, Digital Media "
        "Champion, Documentary)"
    ]
    assert main([*base, "--remove-category", "Digital Media Champoin"]) == 1
    assert "(did you mean 'Digital Media Champion'?)" in err_lines(capsys)[0]
