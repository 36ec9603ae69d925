"""A trainer looks an entry up by the word they saw in copy: any form, any
case; and every entry shows its forms in ``lexicon list``.  Real lexicon,
real click group."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from core.cli import cli
from lexicon import load_lexicon


@pytest.mark.parametrize(
    ("term", "entry"),
    [
        ("inmates", "inmate"),
        ("Inmate", "inmate"),
        ("INMATES'", "inmate"),
        ("old lag\u2019s", "old-lag"),
        ("Old  Lags", "old-lag"),
        ("lags", "lags"),
        ("ex-inmate", "ex-inmate"),  # an id still wins
    ],
)
def test_show_resolves_a_form_in_any_case_to_its_entry(term, entry):
    result = CliRunner().invoke(cli, ["lexicon", "show", term, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["id"] == entry
    note = f"showing entry '{entry}' for '{term}'"
    assert (result.stderr.strip() == note) is (term != entry)


def test_list_shows_forms_for_an_entry_with_only_plural_forms():
    result = CliRunner().invoke(cli, ["lexicon", "list"])
    rows = {line.split()[0]: line for line in result.stdout.splitlines()}
    assert " medium lags -> person in prison" in rows["lags"]
    assert " high   inmate -> " in rows["inmate"]  # singular forms still stand for the rest
    # no entry's forms column is empty
    for e in load_lexicon().entries:
        forms_column = rows[e.id].split(None, 3)[3].split(" -> ")[0]
        assert forms_column.strip(), e.id
