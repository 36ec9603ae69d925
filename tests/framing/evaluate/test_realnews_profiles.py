"""The article-profile labels and the human ranking (issue 13).

``scripts/profiles_check.py`` is the only thing that can show the offsets in
``profiles.jsonl`` land on real quotations and speaker mentions, because the
texts are not in the repository.  These tests run it: its shape check always,
its text check whenever the rebuilt texts are on this machine (skipping with
the build command otherwise), and they prove the checker refuses bad lines,
so a green run means something.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = ROOT / "scripts" / "profiles_check.py"


def _load_checker():
    spec = importlib.util.spec_from_file_location("profiles_check", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["profiles_check"] = mod
    spec.loader.exec_module(mod)
    return mod


check = _load_checker()
corpus = check._corpus()


@pytest.fixture(scope="module")
def manifest():
    return corpus.read_manifest(corpus.MANIFEST)


@pytest.fixture(scope="module")
def ids(manifest):
    return {r["id"] for r in manifest}


@pytest.fixture(scope="module")
def profiles():
    return [
        json.loads(x) for x in check.PROFILES.read_text(encoding="utf-8").splitlines() if x.strip()
    ]


@pytest.fixture(scope="module")
def ranking():
    return [
        json.loads(x) for x in check.RANKING.read_text(encoding="utf-8").splitlines() if x.strip()
    ]


@pytest.fixture(scope="module")
def texts(manifest):
    path = corpus.default_out_dir() / corpus.TEXTS_NAME
    if not path.is_file():
        pytest.skip(f"rebuilt texts absent ({path}): run `python scripts/corpus.py build`")
    problems: list[str] = []
    out = check.load_verified_texts(path, manifest, problems)
    assert not problems, problems[:5]
    return out


def test_profiles_have_the_documented_shape(profiles, ids):
    assert check.check_shape(profiles, ids) == []


def test_profiles_cover_the_test_split_and_at_least_300_articles(profiles, manifest):
    labelled = {r["id"] for r in profiles}
    test_ids = {r["id"] for r in manifest if corpus.split_of(r["id"]) == "test"}
    assert len(labelled) >= 300
    assert test_ids <= labelled, sorted(test_ids - labelled)[:5]
    assert any(r["voices_complete"] and r["voices"] for r in profiles)


def test_profile_lines_hold_offsets_and_labels_only(profiles):
    """No prose: every value is an id, an enum, a boolean or an integer offset."""
    for r in profiles:
        assert set(r) == check.KEYS
        for v in r["voices"]:
            assert all(v[k] is None or check._is_int(v[k]) for k in v if k != "role")
            assert v["role"] in check.ROLES


def test_the_shape_check_refuses_bad_lines(profiles, ids):
    good = next(r for r in profiles if r["voices"])
    cases = {
        "frame": lambda r: r.update(frame="mixed"),
        "flag": lambda r: r.update(solutions="yes"),
        "role": lambda r: r["voices"][0].update(role="spokesman"),
        "half speaker": lambda r: r["voices"][0].update(speaker_end=None),
        "empty quote": lambda r: r["voices"][0].update(quote_end=r["voices"][0]["quote_start"]),
        "incomplete": lambda r: r.update(voices_complete=False),
        "unknown": lambda r: r.update(id="rn-9999"),
        "prose": lambda r: r.update(text="an article"),
    }
    for name, spoil in cases.items():
        bad = copy.deepcopy(good)
        spoil(bad)
        assert check.check_shape([bad], ids), f"{name}: a spoilt line passed"
    assert check.check_shape([good, copy.deepcopy(good)], ids), "a duplicate passed"


def test_offsets_land_on_quotations_and_speakers_in_the_verified_texts(profiles, texts):
    assert check.check_texts(profiles, texts) == []
    good = next(r for r in profiles if any(v["speaker_start"] is not None for v in r["voices"]))
    bad = copy.deepcopy(good)
    v = next(v for v in bad["voices"] if v["speaker_start"] is not None)
    v["quote_start"] -= 1  # now starts on the opening mark and stops short of the closing one
    v["quote_end"] -= 1
    v["speaker_start"], v["speaker_end"] = v["quote_start"] + 1, v["quote_end"]
    assert len(check.check_texts([bad], texts)) == 2


def test_ranking_is_thirty_dev_articles_ranked_once(ranking, ids, texts):
    assert check.check_ranking(ranking, ids, texts) == []
    assert all(corpus.split_of(r["id"]) == "dev" for r in ranking), "rank DEV articles only"
    copied = copy.deepcopy(ranking)
    words = texts[copied[0]["id"]].split()[20:30]
    copied[0]["why"] = " ".join(words)
    copied[1]["rank"] = copied[2]["rank"]
    problems = check.check_ranking(copied, ids, texts)
    assert any("repeats" in p for p in problems) and any("ranks" in p for p in problems)


def test_the_script_exits_zero_and_prints_a_summary(capsys):
    assert check.main(["--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["articles"] >= 300 and set(info["frame"]) <= set(check.FRAMES)


def test_second_pass_names_first_pass_articles_and_agreement_is_measured(profiles):
    second = [json.loads(x) for x in check.SECOND.read_text(encoding="utf-8").splitlines() if x]
    assert check.check_second(second, {r["id"] for r in profiles}) == []
    assert check.check_second([{**second[0], "frame": "mixed"}], {r["id"] for r in profiles})
    info = check.agreement(profiles, second)
    assert info["articles"] == len(second) >= 30
    assert 0.0 <= info["frame"]["agreement"] <= 1.0
    flipped = [
        {**r, "frame": "episodic" if r["frame"] == "thematic" else "thematic"} for r in second
    ]
    assert check.agreement(profiles, flipped)["frame"]["agreement"] < info["frame"]["agreement"]
