"""``framewatch eval``: report output, JSON, and one-line errors for bad datasets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from core.cli import cli, main

TEXT = "Three inmates met a killer whale near the Criminal Justice Alliance."


def occ(word, label, category, entry):
    start = TEXT.index(word)
    return {
        "start": start,
        "end": start + len(word),
        "text": word,
        "label": label,
        "entry": entry,
        "category": category,
    }


@pytest.fixture
def small(tmp_path):
    items = [
        {
            "id": "t1",
            "text": TEXT,
            "source": "written",
            "occurrences": [
                occ("inmates", "FLAG", "person-label", "inmate"),
                occ("killer", "NO", "offence-identity", "killer"),
                occ("Criminal", "NO", "person-label", "criminal"),
            ],
        },
        {
            "id": "t2",
            "text": "The addicts were moved on.",
            "source": "written",
            "occurrences": [
                {
                    "start": 4,
                    "end": 11,
                    "text": "addicts",
                    "label": "QUOTED",
                    "entry": "addict",
                    "category": "drug-use",
                }
            ],
        },
    ]
    path = tmp_path / "small.jsonl"
    path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    return path


def test_text_report_with_errors(small):
    result = CliRunner().invoke(
        cli, ["eval", str(small), "--baseline", "naive", "--show-errors", "5"]
    )
    assert result.exit_code == 0, result.output
    out = result.output
    # naive: flags inmates, killer, Criminal, addicts -> TP 2, FP 2; both positives found
    overall = next(ln for ln in out.splitlines() if ln.startswith("overall"))
    assert overall.split()[1:] == ["50.0", "100.0", "66.7", "2", "2", "0"]
    assert "quote agreement: 50.0% (1/2 true positives)" in out
    assert "false flags: 2" in out
    assert "t1 [offence-identity] killer (labelled NO):" in out
    assert "[[killer]] whale" in out
    assert "quote disagreements: 1" in out
    assert "misses: 0" in out


def test_show_errors_zero_hides_lists(small):
    result = CliRunner().invoke(
        cli, ["eval", str(small), "--baseline", "naive", "--show-errors", "0"]
    )
    assert result.exit_code == 0
    assert "false flags" not in result.output and "overall" in result.output


def test_json_report(small):
    result = CliRunner().invoke(cli, ["eval", str(small), "--baseline", "naive", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["overall"]["tp"] == 2 and data["overall"]["fp"] == 2
    assert data["overall"]["recall"] == 1.0
    assert data["per_category"]["offence-identity"]["fp"] == 1
    assert data["quote_agreement"] == 0.5
    assert data["model"] == "naive whole-word matching"
    assert {f["text"] for f in data["false_flags"]} == {"killer", "Criminal"}


def test_help():
    result = CliRunner().invoke(cli, ["eval", "--help"])
    assert (
        result.exit_code == 0 and "--baseline" in result.output and "--show-errors" in result.output
    )


def _one_line_error(capsys, args):
    code = main(args)
    err = capsys.readouterr().err.strip()
    assert code != 0
    assert len(err.splitlines()) == 1, err
    assert "Traceback" not in err
    return err


def test_missing_file_is_one_line(tmp_path, capsys):
    path = tmp_path / "nope.jsonl"
    err = _one_line_error(capsys, ["eval", str(path), "--baseline", "naive"])
    assert str(path) in err and "no such file" in err


def test_invalid_json_names_the_line(small, capsys):
    lines = small.read_text(encoding="utf-8").splitlines()
    small.write_text(lines[0] + "\n{not json\n", encoding="utf-8")
    err = _one_line_error(capsys, ["eval", str(small), "--baseline", "naive"])
    assert f"{small}:2:" in err and "invalid JSON" in err


def test_offsets_not_matching_text_names_the_line(small, capsys):
    lines = small.read_text(encoding="utf-8").splitlines()
    bad = json.loads(lines[1])
    bad["occurrences"][0]["start"] += 1
    small.write_text(lines[0] + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    err = _one_line_error(capsys, ["eval", str(small), "--baseline", "naive"])
    assert f"{small}:2:" in err and "does not match" in err


def test_bad_label_and_binary_garbage(tmp_path, capsys):
    path = tmp_path / "bad.jsonl"
    path.write_text(
        json.dumps(
            {
                "id": "x",
                "text": "an inmate",
                "occurrences": [
                    {
                        "start": 3,
                        "end": 9,
                        "text": "inmate",
                        "label": "MAYBE",
                        "entry": None,
                        "category": "person-label",
                    }
                ],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    err = _one_line_error(capsys, ["eval", str(path)])
    assert f"{path}:1:" in err and "MAYBE" in err
    path.write_bytes(b"\xff\xfe\x00garbage\n")
    err = _one_line_error(capsys, ["eval", str(path)])
    assert str(path) in err and "UTF-8" in err


def test_naive_baseline_on_the_devset_is_noisy():
    """The devset's hard negatives are what a word list trips over."""
    devset = Path(__file__).resolve().parents[2] / "data" / "devset.jsonl"
    result = CliRunner().invoke(cli, ["eval", str(devset), "--baseline", "naive", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["occurrences"] >= 400
    assert data["overall"]["recall"] >= 0.95  # every labelled form is a lexicon form
    assert data["overall"]["precision"] < 0.75  # ...but most NO occurrences get flagged
    assert data["overall"]["fp"] >= 150


def test_engine_report_on_a_small_set(small):
    result = CliRunner().invoke(cli, ["eval", str(small), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["engine"].startswith("Engine") and data["model"]
    # a real engine must leave the killer whale and the Alliance alone
    assert data["false_flags"] == []
    assert data["overall"]["found"] >= 1


def test_compare_scores_the_naive_baseline_in_the_same_run(small):
    runner = CliRunner()
    r = runner.invoke(cli, ["eval", str(small), "--compare", "naive", "--show-errors", "0"])
    assert r.exit_code == 0, r.output
    engine_part, baseline_part = r.output.split("baseline, same dataset, same run:")
    assert "Engine" in engine_part and "naive whole-word matching" in baseline_part
    # the naive matcher flags the killer whale and the Alliance: 2 false flags
    naive_overall = next(ln for ln in baseline_part.splitlines() if ln.startswith("overall"))
    assert naive_overall.split()[-2] == "2"
    j = json.loads(runner.invoke(cli, ["eval", str(small), "--compare", "naive", "--json"]).output)
    assert j["baseline"]["overall"]["fp"] == 2 and j["overall"]["fp"] == 0
