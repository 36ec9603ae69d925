"""The desk stream (issue 14's reviewing desk): its manifest, its labels and,
when the texts have been rebuilt here (``python scripts/corpus.py --set desk
build``), that every label points at its form in the verified text.

The stream is every Mail Online post the aggregator took in one week, in
the order received (``scripts/corpus_desk.py``); the texts are copyrighted and
never in the repository.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = ROOT / "scripts" / "corpus.py"


def _load_corpus():
    spec = importlib.util.spec_from_file_location("desk_corpus", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["desk_corpus"] = mod
    spec.loader.exec_module(mod)
    return mod


corpus = _load_corpus()
DESK = corpus.SETS["desk"]
LABEL_KEYS = {"id", "start", "end", "text", "label", "entry", "category"}


@pytest.fixture(scope="module")
def rows():
    return corpus.read_manifest(DESK.manifest)


@pytest.fixture(scope="module")
def lines():
    return [json.loads(x) for x in DESK.labels.read_text(encoding="utf-8").splitlines()]


def test_manifest_is_one_stream_in_the_order_received(rows):
    """Ids follow the order received, which never goes back in time: the
    benchmark replays the set in this order."""
    assert len(rows) >= 300
    for n, r in enumerate(rows, 1):
        missing = [k for k in corpus.REQUIRED if k not in r]
        assert not missing, f"{r.get('id')}: missing {missing}"
        assert r["id"] == f"dk-{n:04d}", "ids are the stream positions"
        assert "text" not in r, "a manifest line must not carry the text"
        assert re.fullmatch(r"[0-9a-f]{64}", r["sha256"]), r["id"]
        src = r["source"]
        assert src["name"] in corpus.SOURCES, r["id"]
        assert src["repo"] == corpus.SOURCES[src["name"]].repo, r["id"]
        assert re.fullmatch(r"[0-9a-f]{40}", src["commit"]) and src["path"], r["id"]
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", r["received"]), r["id"]
        assert r["received"].startswith(r["published"]), r["id"]
    received = [r["received"] for r in rows]
    assert received == sorted(received), "the stream is in the order received"
    titles = [r["title"] for r in rows if r["title"] is not None]
    assert len(titles) == len(set(titles)), "a repeated headline is stored once"


def test_every_article_of_the_stream_is_labelled(rows, lines):
    """Every manifest article appears in the labels (``"occurrences": []`` when
    it has no lexicon form), so the evaluation file is the whole stream; every
    label line carries only offsets, the form and its label."""
    from lexicon import load_lexicon
    from lexicon.model import CATEGORIES

    ids = [r["id"] for r in rows]
    entries = {e.id: e.category for e in load_lexicon().entries}
    seen: list[str] = []
    keys = set()
    for x in lines:
        if "occurrences" in x:
            assert set(x) == {"id", "occurrences"} and x["occurrences"] == [], x["id"]
        else:
            where = f"{x['id']} {x['start']}-{x['end']}"
            assert set(x) == LABEL_KEYS, where
            assert x["label"] in (*corpus.LABEL_VALUES, "DROP"), where
            assert x["category"] in CATEGORIES, where
            assert entries.get(x["entry"]) == x["category"], f"{where}: entry/category mismatch"
            assert len(x["text"]) == x["end"] - x["start"] <= 40, "only the form, not prose"
            assert (x["id"], x["start"]) not in keys, f"{where}: labelled twice"
            keys.add((x["id"], x["start"]))
        if not seen or seen[-1] != x["id"]:
            seen.append(x["id"])
    assert seen == ids, "labels list every article once, in stream order"


def test_labels_point_at_every_form_in_the_verified_texts(rows, lines):
    path = corpus.default_out_dir() / DESK.texts_name
    if not path.is_file():
        pytest.skip(
            f"rebuilt texts absent ({path}): run `python scripts/corpus.py --set desk build`"
        )
    from framing.index import Index
    from lexicon import load_lexicon

    texts = {t["id"]: t["text"] for t in map(json.loads, path.open(encoding="utf-8"))}
    for r in rows:
        assert corpus.sha256(texts[r["id"]]) == r["sha256"], f"{r['id']}: not the verified text"
    spans: dict[str, set[tuple[int, int]]] = {r["id"]: set() for r in rows}
    for x in lines:
        if "occurrences" not in x:
            text = texts[x["id"]]
            assert text[x["start"] : x["end"]] == x["text"], f"{x['id']} {x['start']}: drift"
            spans[x["id"]].add((x["start"], x["end"]))
    index = Index(load_lexicon())
    for aid, labelled in spans.items():
        found = {(m.start, m.end) for m in index.prefilter.find(texts[aid])}
        assert found == labelled, f"{aid}: unlabelled {sorted(found - labelled)[:3]}"


def test_merge_of_the_desk_set_writes_one_unsplit_file(tmp_path):
    """``--set desk`` merges into ``desk.jsonl`` (the benchmark replays the
    stream whole, so it has no dev/test split) and leaves the realnews files
    alone; the result loads as an evaluation set."""
    from framing.evaluate.dataset import load_dataset

    texts = [
        {"id": "dk-0001", "title": "Inmates riot", "text": "Inmates riot\n\nThe inmates rioted."},
        {"id": "dk-0002", "title": "Calm day", "text": "Calm day\n\nNothing happened."},
    ]
    (tmp_path / DESK.texts_name).write_text(
        "".join(json.dumps(t) + "\n" for t in texts), encoding="utf-8"
    )
    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text(
        "".join(json.dumps({"id": t["id"], "url": None, "source": {}}) + "\n" for t in texts),
        encoding="utf-8",
    )
    labels = tmp_path / "labels.jsonl"
    rows = [
        {"id": "dk-0001", "start": 0, "end": 7, "text": "Inmates", "label": "FLAG",
         "entry": "inmate", "category": "person-label"},
        {"id": "dk-0001", "start": 18, "end": 25, "text": "inmates", "label": "FLAG",
         "entry": "inmate", "category": "person-label"},
        {"id": "dk-0002", "occurrences": []},
    ]  # fmt: skip
    labels.write_text("".join(json.dumps(x) + "\n" for x in rows), encoding="utf-8")
    out = corpus.merge_labels(labels, tmp_path, manifest, "desk")
    assert out.name == DESK.eval_name
    assert sorted(p.name for p in tmp_path.glob("*.jsonl")) == sorted(
        [DESK.eval_name, DESK.texts_name, "labels.jsonl", "manifest.jsonl"]
    )
    data = load_dataset(out)
    assert [i.id for i in data.items] == ["dk-0001", "dk-0002"]
    assert [o.start for o in data.items[0].occurrences] == [0, 18]
    assert data.items[1].occurrences == ()
