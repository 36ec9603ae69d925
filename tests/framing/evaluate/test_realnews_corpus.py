"""The real-news development corpus: its manifest, its rebuild script, and
(when the texts have been rebuilt on this machine) that every text is the one
the annotators labelled.

The article texts are copyrighted and never in the repository; the manifest
says where each comes from and carries its sha256.  ``scripts/corpus.py``
brings the texts back from git mirrors of the public sources.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
MANIFEST = ROOT / "tests" / "data" / "realnews" / "manifest.jsonl"
SCRIPT = ROOT / "scripts" / "corpus.py"


def _load_corpus():
    spec = importlib.util.spec_from_file_location("realnews_corpus", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["realnews_corpus"] = mod
    spec.loader.exec_module(mod)
    return mod


corpus = _load_corpus()


@pytest.fixture(scope="module")
def rows():
    return corpus.read_manifest(MANIFEST)


def test_manifest_lines_have_every_field_and_a_known_source(rows):
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "ids are unique"
    for r in rows:
        missing = [k for k in corpus.REQUIRED if k not in r]
        assert not missing, f"{r.get('id')}: missing {missing}"
        assert re.fullmatch(r"rn-\d{4}", r["id"])
        assert r["outlet"] and r["outlet_type"] in corpus.OUTLET_TYPES, r["id"]
        assert r["title"] and r["licence"] and r["topic"], r["id"]
        assert re.fullmatch(r"[0-9a-f]{64}", r["sha256"]), r["id"]
        assert isinstance(r["chars"], int) and r["chars"] > len(r["title"]), r["id"]
        src = r["source"]
        assert src["name"] in corpus.SOURCES, f"{r['id']}: unknown source {src['name']}"
        known = corpus.SOURCES[src["name"]]
        assert src["repo"] == known.repo and re.fullmatch(r"[0-9a-f]{40}", src["commit"])
        assert src["path"], r["id"]
        assert all(isinstance(i, int) and i >= 0 for i in src.get("drop", [])), r["id"]
        if r["published"] is not None:
            assert re.fullmatch(r"\d{4}-\d\d-\d\d", r["published"]), r["id"]


def test_manifest_composition_meets_the_brief(rows):
    """At least 300 UK criminal-justice articles from real outlets, traps from
    other sections, several outlets and outlet types."""
    groups = Counter(r["group"] for r in rows)
    uk_cj = [r for r in rows if r["group"] == "cj-uk" and r["region"] == "UK"]
    assert len(uk_cj) >= 300, groups
    assert 40 <= groups["trap"] <= 65, groups
    assert 350 <= len(rows) <= 510, len(rows)
    assert len({r["outlet"] for r in rows}) >= 8
    assert {"tabloid", "broadsheet", "broadcaster"} <= {r["outlet_type"] for r in rows}


LABELS = MANIFEST.parent / "labels.jsonl"
LABEL_KEYS = {"id", "start", "end", "text", "label", "entry", "category"}


def test_the_repository_holds_no_article_text():
    """Only the manifest, the labels and their guides live here: no texts."""
    folder = MANIFEST.parent
    names = sorted(p.name for p in folder.iterdir())
    assert names == [
        "GUIDE.md",
        "PROFILES-GUIDE.md",
        "README.md",
        "labels-second.jsonl",
        "labels.jsonl",
        "manifest.jsonl",
        "profiles-second.jsonl",
        "profiles.jsonl",
        "ranking.jsonl",
    ]
    for line in MANIFEST.read_text(encoding="utf-8").splitlines():
        assert "text" not in json.loads(line), "a manifest line must not carry the text"
    second = folder / "labels-second.jsonl"
    lines = LABELS.read_text(encoding="utf-8").splitlines()
    lines += second.read_text(encoding="utf-8").splitlines()
    for line in lines:
        row = json.loads(line)
        assert set(row) == LABEL_KEYS, f"a label line carries only {sorted(LABEL_KEYS)}"
        assert len(row["text"]) == row["end"] - row["start"] <= 40, "only the form, not prose"


@pytest.fixture(scope="module")
def labels():
    return [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines()]


def test_labels_name_known_articles_entries_and_values(rows, labels):
    from lexicon import load_lexicon
    from lexicon.model import CATEGORIES

    ids = {r["id"] for r in rows}
    entries = {e.id: e.category for e in load_lexicon().entries}
    for x in labels:
        where = f"{x['id']} {x['start']}-{x['end']}"
        assert x["id"] in ids, f"{where}: not in the manifest"
        assert x["label"] in (*corpus.LABEL_VALUES, "DROP"), where
        assert x["category"] in CATEGORIES, where
        assert entries.get(x["entry"]) == x["category"], f"{where}: entry/category mismatch"
        assert 0 <= x["start"] < x["end"], where
    keys = [(x["id"], x["start"], x["end"]) for x in labels]
    assert len(keys) == len(set(keys)), "each occurrence is labelled once"


def test_labels_point_at_their_form_in_the_verified_text(rows, labels):
    """Every offset lands on its form in the sha256-verified text, and every
    prefilter occurrence of a labelled article is labelled (nothing skipped)."""
    path = _texts_dir() / corpus.TEXTS_NAME
    if not path.is_file():
        pytest.skip(f"rebuilt texts absent ({path}): run `python scripts/corpus.py build`")
    from framing.index import Index
    from lexicon import load_lexicon

    sha = {r["id"]: r["sha256"] for r in rows}
    texts = {
        t["id"]: t["text"] for t in map(json.loads, path.read_text(encoding="utf-8").splitlines())
    }
    per: dict[str, set[tuple[int, int]]] = {}
    for x in labels:
        text = texts[x["id"]]
        assert corpus.sha256(text) == sha[x["id"]], f"{x['id']}: text is not the verified one"
        assert text[x["start"] : x["end"]] == x["text"], f"{x['id']} {x['start']}: offset drift"
        per.setdefault(x["id"], set()).add((x["start"], x["end"]))
    index = Index(load_lexicon())
    for aid, spans in per.items():
        found = {(m.start, m.end) for m in index.prefilter.find(texts[aid])}
        assert found <= spans, f"{aid}: unlabelled occurrences {sorted(found - spans)[:3]}"


def test_split_is_by_id_hash_and_merge_writes_both_parts(tmp_path):
    assert corpus.split_of("rn-0004") == "test" and corpus.split_of("rn-0001") == "dev"
    out, manifest = _fake_corpus(tmp_path)
    labels = tmp_path / "labels.jsonl"
    labels.write_text(json.dumps({"id": "rn-0001", "occurrences": []}) + "\n", encoding="utf-8")
    corpus.merge_labels(labels, out, manifest)
    dev = (out / corpus.SPLIT_NAMES["dev"]).read_text().splitlines()
    test = (out / corpus.SPLIT_NAMES["test"]).read_text().splitlines()
    assert [json.loads(x)["id"] for x in dev] == ["rn-0001"] and test == []


def test_normalisation_is_the_documented_one():
    title, text = corpus.compose(
        "  A  headline\u00a0here ",
        ["A  headline here", "First\tparagraph\nwrapped", "", "   ", "Scroll down", "Last."],
        drop=[2],  # index into the non-empty body paragraphs: "Scroll down"
    )
    assert title == "A headline here"
    assert text == "A headline here\n\nFirst paragraph wrapped\n\nLast."
    nfc_title, _ = corpus.compose("Cafe\u0301", [])
    assert nfc_title == "Caf\u00e9", "text is NFC-normalised"


def _texts_dir() -> Path:
    return corpus.default_out_dir()


def test_rebuilt_texts_match_the_manifest(rows):
    path = _texts_dir() / corpus.TEXTS_NAME
    if not path.is_file():
        pytest.skip(f"rebuilt texts absent ({path}): run `python scripts/corpus.py build`")
    texts = {t["id"]: t for t in map(json.loads, path.read_text(encoding="utf-8").splitlines())}
    assert set(texts) == {r["id"] for r in rows}, "every manifest article was rebuilt"
    for r in rows:
        t = texts[r["id"]]
        assert corpus.sha256(t["text"]) == r["sha256"], r["id"]
        assert len(t["text"]) == r["chars"], r["id"]
        assert t["text"].split("\n\n", 1)[0] == t["title"] == r["title"], r["id"]


def test_status_names_each_missing_source_in_one_line(tmp_path):
    proc = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "status",
            "--mirror-root",
            str(tmp_path / "no-mirrors"),
            "--shared-root",
            str(tmp_path / "no-shared"),
            "--out",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr
    missing = [ln for ln in proc.stdout.splitlines() if ln.startswith("MISSING")]
    names = {ln.split()[1] for ln in missing}
    assert names == {r["source"]["name"] for r in corpus.read_manifest(MANIFEST)}
    assert all("fetch github:" in ln or "shared" in ln for ln in missing)


def test_build_without_sources_fails_cleanly(tmp_path):
    proc = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "build",
            "--mirror-root",
            str(tmp_path),
            "--shared-root",
            str(tmp_path),
            "--out",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "0 of" in proc.stdout and "skipped (source missing)" in proc.stdout


def _fake_corpus(tmp_path: Path) -> tuple[Path, Path]:
    """A two-article manifest and rebuilt-texts file written by this test."""
    out = tmp_path / "out"
    out.mkdir()
    texts = [
        {"id": "rn-0001", "title": "Inmates riot", "text": "Inmates riot\n\nThe inmates rioted."},
        {"id": "rn-0002", "title": "Calm day", "text": "Calm day\n\nNothing happened."},
    ]
    (out / corpus.TEXTS_NAME).write_text(
        "".join(json.dumps(t) + "\n" for t in texts), encoding="utf-8"
    )
    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text(
        "".join(
            json.dumps({"id": t["id"], "url": f"https://example.org/{t['id']}", "source": {}})
            + "\n"
            for t in texts
        ),
        encoding="utf-8",
    )
    return out, manifest


def test_merge_joins_packet_labels_into_the_eval_format(tmp_path):
    from framing.evaluate.dataset import load_dataset

    out, manifest = _fake_corpus(tmp_path)
    labels = tmp_path / "labels.jsonl"
    lines = [
        {"id": "rn-0001", "occ": 1, "start": 0, "end": 7, "text": "Inmates", "label": "FLAG",
         "entry": "inmate", "category": "person-label"},
        {"id": "rn-0001", "occ": 2, "start": 18, "end": 25, "text": "inmates", "label": "QUOTED",
         "entry": "inmate", "category": "person-label"},
        {"id": "rn-0002", "occurrences": []},
    ]  # fmt: skip
    labels.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    path = corpus.merge_labels(labels, out, manifest)
    data = load_dataset(path)
    assert [i.id for i in data.items] == ["rn-0001", "rn-0002"]
    first = data.items[0]
    assert [(o.text, o.label) for o in first.occurrences] == [
        ("Inmates", "FLAG"),
        ("inmates", "QUOTED"),
    ]
    assert json.loads(path.read_text().splitlines()[0])["source"] == "https://example.org/rn-0001"


@pytest.mark.parametrize(
    "bad, message",
    [
        ({"start": 0, "end": 7, "text": "inmates", "label": "FLAG"}, "not 'inmates'"),
        ({"start": 0, "end": 7, "text": "Inmates", "label": None}, "has label None"),
    ],
)
def test_merge_refuses_wrong_offsets_and_unlabelled_candidates(tmp_path, bad, message):
    out, manifest = _fake_corpus(tmp_path)
    labels = tmp_path / "labels.jsonl"
    row = {"id": "rn-0001", "entry": "inmate", "category": "person-label", **bad}
    labels.write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(corpus.CorpusError, match=re.escape(message)):
        corpus.merge_labels(labels, out, manifest)
