"""``framewatch lexicon ...`` through the real root command."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from core.cli import cli, main
from lexicon import CATEGORIES, load_lexicon, shipped_files

from .conftest import entry


@pytest.fixture
def runner():
    return CliRunner()


def test_check_shipped_data(runner):
    result = runner.invoke(cli, ["lexicon", "check"])
    assert result.exit_code == 0, result.output
    n = len(load_lexicon().entries)
    assert result.output.startswith(f"lexicon OK: {n} entries in {len(CATEGORIES)} categories (")
    assert "official names)" in result.output


def test_check_reports_every_problem_with_line_and_fails(runner, write_yaml):
    path = write_yaml(
        "org.yaml",
        "entries:\n"
        + entry()
        .replace("severity: medium", "severity: loud")
        .replace("category: person-label", "category: nope"),
    )
    result = runner.invoke(cli, ["lexicon", "check", str(path)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith(f"{path}:3: unknown category 'nope'")
    assert lines[1].startswith(f"{path}:4: unknown severity 'loud'")


def test_check_json(runner, write_yaml):
    ok = runner.invoke(cli, ["lexicon", "check", "--json"])
    data = json.loads(ok.output)
    assert data["ok"] is True and data["problems"] == [] and data["entries"] >= 80
    bad = write_yaml("bad.yaml", "entries: [\n")
    result = runner.invoke(cli, ["lexicon", "check", "--json", str(bad)])
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["ok"] is False
    first = data["problems"][0]
    assert (first["path"], first["line"]) == (str(bad), 2)
    assert first["message"].startswith("YAML syntax error")


def test_check_uses_configured_overrides(runner, write_yaml):
    write_yaml("org.yaml", "entries:\n" + entry("org-widgeteer", "widgeteer"))
    config = write_yaml(
        "config.toml",
        """\
        [lexicon]
        extra_files = ["org.yaml"]
        disable = ["prisoner", "no-such-entry"]
        """,
    )
    result = runner.invoke(cli, ["--config", str(config), "lexicon", "check"])
    assert result.exit_code == 1
    assert result.stdout.strip() == "config: cannot disable unknown lexicon entry 'no-such-entry'"
    assert result.stderr.strip() == f"1 problem in {len(shipped_files()) + 1} files"


def test_list_json(runner):
    result = runner.invoke(cli, ["lexicon", "list", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert len(data) == len(load_lexicon().entries)
    inmate = next(d for d in data if d["id"] == "inmate")
    assert inmate["category"] == "person-label" and inmate["severity"] == "high"
    assert "inmates'" in inmate["forms"]
    assert inmate["suggestions"][0] == "person in prison"


def test_list_by_category_and_text(runner):
    result = runner.invoke(cli, ["lexicon", "list", "--json", "--category", "vawg"])
    assert {d["category"] for d in json.loads(result.stdout)} == {"vawg"}
    text = runner.invoke(cli, ["lexicon", "list", "--category", "immigration"])
    assert "illegal-immigrant" in text.stdout and "undocumented migrant" in text.stdout
    assert "inmate" not in text.stdout
    bad = runner.invoke(cli, ["lexicon", "list", "--category", "nope"])
    assert bad.exit_code == 2


def test_list_applies_configured_overrides(runner, write_yaml):
    config = write_yaml(
        "config.toml", '[lexicon]\ndisable = ["prisoner"]\n[lexicon.severity]\ninmate = "low"\n'
    )
    result = runner.invoke(cli, ["--config", str(config), "lexicon", "list", "--json"])
    data = {d["id"]: d for d in json.loads(result.stdout)}
    assert "prisoner" not in data and data["inmate"]["severity"] == "low"


def test_show_json_and_text(runner):
    result = runner.invoke(cli, ["lexicon", "show", "illegal-immigrant", "--json"])
    data = json.loads(result.output)
    assert data["alternatives"][0] == {
        "singular": "undocumented migrant",
        "plural": "undocumented migrants",
    }
    assert data["disagreement"] and data["sources"][0]["url"].startswith("http")
    text = runner.invoke(cli, ["lexicon", "show", "criminal"])
    assert text.exit_code == 0
    assert "not before:" in text.output and "justice" in text.output
    assert "person-label.yaml:" in text.output


def test_show_unknown_id_is_one_line_with_close_matches(capsys):
    assert main(["lexicon", "show", "inmat"]) == 2  # a bad argument, like a usage error
    err = capsys.readouterr().err
    assert err == (
        "framewatch: error: unknown lexicon entry or form 'inmat' (close matches: inmate, ex-inmate)\n"
    )


def test_broken_extra_file_is_one_line_for_list(capsys, write_yaml):
    path = write_yaml("org.yaml", "entries:\n  - id: [\n")
    config = write_yaml("config.toml", '[lexicon]\nextra_files = ["org.yaml"]\n')
    assert main(["--config", str(config), "lexicon", "list"]) == 2  # a lexicon error
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith(f"framewatch: error: {path}:3: YAML syntax error")
    assert err.endswith("(1 problem; run framewatch lexicon check)\n")


def test_help(runner):
    for args in (
        ["lexicon", "--help"],
        ["lexicon", "check", "--help"],
        ["lexicon", "export", "--help"],
    ):
        result = runner.invoke(cli, args)
        assert result.exit_code == 0 and "Usage:" in result.output


def test_check_a_shipped_file_by_path_does_not_duplicate_it(runner):
    path = next(p for p in shipped_files() if p.name == "drug-use.yaml")
    result = runner.invoke(cli, ["lexicon", "check", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("lexicon OK:")


def test_check_exit_status_through_main(write_yaml, capsys):
    bad = write_yaml("bad.yaml", "entries: [\n")
    with pytest.raises(SystemExit) as info:
        main(["lexicon", "check", str(bad)])
    assert info.value.code == 1
    assert capsys.readouterr().out.startswith(f"{bad}:2: YAML syntax error")
    assert main(["lexicon", "check"]) == 0
