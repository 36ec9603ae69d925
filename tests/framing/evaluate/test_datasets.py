"""Integrity of the annotated evaluation sets (tests/data/*.jsonl).

The sets are the measuring stick for the engine, so a broken offset or a
silently unlabelled term would corrupt every figure built on them.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from framing.evaluate.baseline import NaiveBaseline
from framing.evaluate.dataset import LABELS, load_dataset
from lexicon.model import CATEGORIES

DATA = Path(__file__).resolve().parents[2] / "data"
DEVSET = DATA / "devset.jsonl"
HELDOUT = DATA / "heldout.jsonl"
SETS = {"devset": (DEVSET, 400), "heldout": (HELDOUT, 150)}


@pytest.fixture(scope="module", params=sorted(SETS))
def dataset(request):
    path, minimum = SETS[request.param]
    return load_dataset(path), minimum


@pytest.fixture(scope="module")
def lexicon():
    from lexicon import load_lexicon

    return load_lexicon()


def test_every_line_is_valid_json_with_matching_offsets(dataset):
    data, _ = dataset
    raw = Path(data.path).read_text(encoding="utf-8").splitlines()
    assert len(raw) == len(data.items)
    for line in raw:
        obj = json.loads(line)
        assert set(obj) == {"id", "text", "source", "occurrences"}
        assert obj["source"], f"{obj['id']}: every item names its source"
        for o in obj["occurrences"]:
            assert set(o) == {"start", "end", "text", "label", "entry", "category"}
            assert obj["text"][o["start"] : o["end"]] == o["text"], obj["id"]
            assert o["label"] in LABELS
            assert o["category"] in CATEGORIES, f"{obj['id']}: unknown category {o['category']}"


def test_size_and_share_of_hard_negatives(dataset):
    data, minimum = dataset
    labels = Counter(o.label for o in data.occurrences)
    total = sum(labels.values())
    print(f"\n{Path(data.path).name}: {len(data.items)} texts, {total} occurrences, {dict(labels)}")
    assert total >= minimum
    assert labels["NO"] / total >= 0.40
    assert labels["FLAG"] and labels["QUOTED"]


def test_occurrences_do_not_overlap(dataset):
    data, _ = dataset
    for item in data.items:
        occ = item.occurrences
        for a, b in zip(occ, occ[1:], strict=False):
            assert a.end <= b.start, f"{item.id}: {a.text!r} overlaps {b.text!r}"


def test_every_policy_category_has_flags_and_traps(dataset):
    """Every row of the policy's category table: positives, and exempt uses."""
    data, _ = dataset
    seen = Counter((o.category, o.label) for o in data.occurrences)
    missing_pos = [c for c in CATEGORIES if not seen[(c, "FLAG")]]
    missing_neg = [c for c in CATEGORIES if not seen[(c, "NO")]]
    assert not missing_pos, f"categories without a FLAG: {missing_pos}"
    assert not missing_neg, f"categories without a NO example: {missing_neg}"


def test_real_text_is_cited(dataset):
    data, _ = dataset
    real = [it for it in data.items if it.source != "written"]
    assert len(real) >= 20
    for it in real:
        assert it.source.startswith(("http://", "https://", "corpora/")), it.source


def test_heldout_shares_no_text_with_devset():
    dev = {it.text for it in load_dataset(DEVSET).items}
    held = load_dataset(HELDOUT).items
    assert not [it.id for it in held if it.text in dev]
    dev_sources = {it.source for it in load_dataset(DEVSET).items if it.source != "written"}
    assert not [it.id for it in held if it.source != "written" and it.source in dev_sources]


def test_entries_exist_in_the_lexicon(dataset, lexicon):
    """Expected entry ids must be real lexicon ids.

    The lexicon is still growing; an id the lexicon lacks is listed so the
    lead can reconcile the two (rename in the data, or add the entry).
    """
    data, _ = dataset
    ids = {e.id for e in lexicon.entries}
    missing = Counter(o.entry for o in data.occurrences if o.entry and o.entry not in ids)
    assert not missing, (
        f"{Path(data.path).name}: entry ids not in the lexicon ({len(ids)} entries): "
        + ", ".join(f"{k} (x{v})" for k, v in sorted(missing.items()))
    )


def test_every_lexicon_form_in_the_text_is_labelled(dataset, lexicon):
    """A plain match of any lexicon form must sit on a labelled occurrence.

    Otherwise a correct engine that leaves it alone is fine, but an engine
    that flags it would be charged a false positive nobody decided on.
    Only entries the sets already annotate are held to this; forms of newer
    entries are reported (printed) so the data can catch up.
    """
    data, _ = dataset
    annotated = {o.entry for o in data.occurrences if o.entry}
    naive = NaiveBaseline(lexicon)
    strict, pending = [], []
    for item in data.items:
        for f in naive.check(item.text):
            if any(o.start < f.end and f.start < o.end for o in item.occurrences):
                continue
            where = f"{item.id}: {f.text!r} ({f.entry})"
            (strict if f.entry in annotated else pending).append(where)
    if pending:
        print("\nlexicon forms in unlabelled text (newer entries):\n  " + "\n  ".join(pending))
    assert not strict, "unlabelled occurrences of annotated entries:\n" + "\n".join(strict)


def test_real_excerpts_are_verbatim(dataset):
    """Texts that cite a real source must be found in it (trimmed ones end in '…')."""
    import feedparser

    from tests.conftest import corpora_or_skip

    truth = json.loads(
        corpora_or_skip("extraction", "zyte-aeb", "ground-truth.json").read_text(encoding="utf-8")
    )
    bodies = {v["url"]: v["articleBody"] for v in truth.values()}
    feeds: dict[str, dict[str, str]] = {}
    data, _ = dataset
    for item in data.items:
        if item.source == "written":
            continue
        text = item.text.removesuffix(" …")
        if item.source.startswith("corpora/"):
            rel, link = item.source.split(" ", 1)
            if rel not in feeds:
                parsed = feedparser.parse(str(corpora_or_skip(*rel.split("/")[1:])))
                feeds[rel] = {
                    e.get("link"): e.get("title", "") + "\n" + e.get("summary", "")
                    for e in parsed.entries
                }
            haystack = feeds[rel].get(link, "")
        else:
            haystack = bodies.get(item.source, "")
        assert haystack, f"{item.id}: source {item.source} not in the corpus"
        assert text in haystack, f"{item.id}: text not found verbatim in {item.source}"
