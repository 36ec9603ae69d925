"""scripts/agreement.py: Cohen's kappa between two annotators of the real-news
set, and the blind packet it writes for the second one.  The expected figures
are worked by hand in the docstrings, not taken from the code under test."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = ROOT / "scripts" / "agreement.py"


def _load():
    spec = importlib.util.spec_from_file_location("realnews_agreement", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["realnews_agreement"] = mod
    spec.loader.exec_module(mod)
    return mod


agreement = _load()

FIRST = "FFFQQNNNNN"
SECOND = "FFQQNNNNNF"


def _write(path: Path, labels: str, extra: list[dict] = ()) -> Path:
    code = {"F": "FLAG", "Q": "QUOTED", "N": "NO"}
    rows = [
        {"id": "rn-0001", "start": 10 * i, "end": 10 * i + 5, "text": "thugs", "label": code[c],
         "entry": "thug", "category": "dehumanising" if i < 5 else "person-label"}
        for i, c in enumerate(labels)
    ]  # fmt: skip
    path.write_text("".join(json.dumps(r) + "\n" for r in [*rows, *extra]), encoding="utf-8")
    return path


def test_kappa_matches_the_hand_worked_figures(tmp_path):
    """FIRST vs SECOND: 7 of 10 agree (po 0.7); both have marginals F3 Q2 N5,
    so pe = (9 + 4 + 25) / 100 = 0.38 and kappa = 0.32 / 0.62 = 0.5161.
    Flag-or-not: 8 of 10 agree, marginals 5/5, pe 0.5, kappa 0.6."""
    drop = {"id": "rn-0001", "start": 500, "end": 505, "text": "x", "label": "DROP"}
    a = agreement.read_labels(_write(tmp_path / "a.jsonl", FIRST, [drop]))
    b = agreement.read_labels(_write(tmp_path / "b.jsonl", SECOND))
    res = agreement.agreement(a, b)
    assert res["n"] == 10 and res["only_first"] == 0, "DROP lines are not occurrences"
    assert res["agreement"] == pytest.approx(0.7)
    assert res["kappa"] == pytest.approx(0.32 / 0.62)
    assert res["flag_agreement"] == pytest.approx(0.8)
    assert res["flag_kappa"] == pytest.approx(0.6)
    assert res["confusion"]["FLAG/QUOTED"] == 1 and res["confusion"]["NO/FLAG"] == 1
    # first five are dehumanising: F F F Q Q vs F F Q Q N -> 3 of 5 agree
    assert res["per_category"]["dehumanising"]["agreement"] == pytest.approx(0.6)


def test_identical_files_give_kappa_one_and_the_cli_prints_it(tmp_path, capsys):
    a = _write(tmp_path / "a.jsonl", FIRST)
    assert agreement.main(["kappa", str(a), str(a), "--json"]) == 0
    res = json.loads(capsys.readouterr().out)
    assert res["kappa"] == pytest.approx(1.0) and res["agreement"] == 1.0
    assert agreement.main(["kappa", str(a), str(a)]) == 0
    assert "Cohen's kappa 1.000" in capsys.readouterr().out


def test_a_bad_label_is_one_line_naming_the_file_and_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "rn-0001", "start": 0, "end": 5, "label": "YES"}) + "\n")
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "kappa", str(bad), str(bad)], capture_output=True, text=True
    )
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    assert "bad.jsonl line 1" in proc.stderr


def test_sample_covers_whole_articles_and_hides_the_first_labels(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    texts = [
        {"id": f"rn-000{i}", "title": "T", "text": "T\n\nThe thugs and the thugs ran."}
        for i in range(1, 5)
    ]
    (out / "realnews-texts.jsonl").write_text("".join(json.dumps(t) + "\n" for t in texts))
    labels = tmp_path / "labels.jsonl"
    labels.write_text(
        "".join(
            json.dumps({"id": t["id"], "start": s, "end": s + 5, "text": "thugs", "label": "FLAG",
                        "entry": "thug", "category": "dehumanising"}) + "\n"
            for t in texts
            for s in (7, 21)
        )
    )  # fmt: skip
    dest = tmp_path / "packet"
    rc = agreement.main(["sample", "--n", "3", "--dir", str(dest), "--labels", str(labels), "--out", str(out)])  # fmt: skip
    assert rc == 0
    rows = [json.loads(x) for x in (dest / "agreement.candidates.jsonl").read_text().splitlines()]
    per = {}
    for r in rows:
        per.setdefault(r["id"], []).append(r)
        assert r["label"] is None, "the second annotator labels blind"
        assert r["text"] == "thugs"
    assert len(rows) >= 3 and all(len(v) == 2 for v in per.values()), "whole articles only"
    assert "[[1:thugs]]" in (dest / "agreement.md").read_text()
