"""``framewatch eval-rewrites``: the per-group table, the failures listed, --json,
one-line errors, and the scorer's counting rules (tests/data/rewrites.md)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from core.cli import cli, main
from framing.evaluate.rewrites import Record, Target, normalise, score
from framing.flag import Flag


def _flag(start: int, end: int, text: str, rewrite: str | None, quoted: bool = False) -> Flag:
    return Flag(start, end, text, "inmate", "person-label", "high", quoted, (), rewrite, "", ())


REC = Record(
    id="x1",
    group="g",
    text="Two inmates escaped.",
    source="written",
    targets=(Target(4, 11, "inmates", "inmate", "group_generic"),),
    accept=("Two people in prison escaped.",),
    advice_only=(),
)


def test_an_output_equal_to_an_accepted_one_is_acceptable():
    assert score(REC, [_flag(4, 11, "inmates", "people in prison")]).ok


def test_a_target_left_as_written_is_not_acceptable():
    assert not score(REC, [_flag(4, 11, "inmates", None)]).ok
    assert not score(REC, []).ok


def test_only_whitespace_and_curly_quotes_are_folded():
    assert normalise("It’s  “here”\n") == 'It\'s "here"'
    assert not score(REC, [_flag(4, 11, "inmates", "People in prison")]).ok


def test_a_conviction_stated_for_a_status_that_is_not_one_is_counted():
    out = score(REC, [_flag(4, 11, "inmates", "people convicted of crime")])
    assert out.false_conviction and not out.ok


@pytest.fixture
def small(tmp_path):
    rows = [
        {
            "id": "a",
            "group": "noun-modifier",
            "text": "Three inmates escaped.",
            "source": "written",
            "targets": [
                {"start": 6, "end": 13, "text": "inmates", "entry": "inmate", "status": "unknown"}
            ],
            "accept": ["Three people in prison escaped."],
            "advice_only": [],
        },
        {
            "id": "b",
            "group": "never-rewrite",
            "text": "The killer whale swam past.",
            "source": "written",
            "targets": [],
            "accept": ["The killer whale swam past."],
            "advice_only": [],
        },
        {
            "id": "c",
            "group": "never-rewrite",
            "text": "The inmates rioted.",
            "source": "written",
            "targets": [],
            "accept": ["The inmates rioted."],
            "advice_only": [],
        },
    ]
    p = tmp_path / "rw.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return p


def test_the_table_has_every_group_and_lists_what_failed(small):
    r = CliRunner().invoke(cli, ["eval-rewrites", str(small)])
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    nm = next(ln for ln in lines if ln.startswith("noun-modifier"))
    nr = next(ln for ln in lines if ln.startswith("never-rewrite"))
    assert nm.split()[1:4] == ["1", "1", "100.0"]
    # the engine rewrites "inmates" in record c, whose set says nothing may change
    assert nr.split()[1:4] == ["2", "1", "50.0"]
    assert "not acceptable: 1" in r.output and "c [never-rewrite]" in r.output


def test_json_report(small):
    r = CliRunner().invoke(cli, ["eval-rewrites", str(small), "--json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    assert out["overall"]["sentences"] == 3 and out["overall"]["acceptable"] == 2
    assert [f["id"] for f in out["failures"]] == ["c"]
    assert out["groups"]["never-rewrite"]["share"] == 0.5


def test_a_bad_line_is_one_line_naming_it(tmp_path, capsys):
    p = tmp_path / "bad.jsonl"
    p.write_text('{"id": "a"}\nnot json\n', encoding="utf-8")
    assert main(["eval-rewrites", str(p)]) != 0
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and f"{p}:1:" in err and "Traceback" not in err
    assert main(["eval-rewrites", str(tmp_path / "none.jsonl")]) != 0
    assert "none.jsonl" in capsys.readouterr().err
