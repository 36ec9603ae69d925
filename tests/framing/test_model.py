"""The engine loads the model without the parts it does not need (see
``framing/model.py``).  Leaving out the serialised tokenizer and the stored
strings must not change a single token or tag: compare with spaCy's own
default load on real text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from framing.model import EXCLUDE, load_model, resolve_model_name
from tests.conftest import corpora_or_skip

DATA = Path(__file__).resolve().parents[1] / "data"


def _texts() -> list[str]:
    texts = []
    for name in ("devset.jsonl",):
        with open(DATA / name, encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh if line.strip()]
    return texts


def _analysis(nlp, texts):
    return [
        [(t.idx, t.text, t.tag_, t.pos_, t.norm_, str(t.morph)) for t in doc]
        for doc in nlp.pipe(texts)
    ]


@pytest.fixture(scope="module")
def full_model():
    # spaCy's default load of the same package, minus only the components whose
    # output the comparison does not read
    return spacy.load(resolve_model_name(), exclude=["parser", "ner", "lemmatizer"])


def test_trimmed_load_excludes_what_it_says():
    nlp = load_model()
    assert nlp.pipe_names == ["tok2vec", "tagger", "attribute_ruler"]
    assert "tokenizer" in EXCLUDE and "strings" in EXCLUDE
    # the stored strings really were skipped (so this test guards a real saving)
    assert len(nlp.vocab.strings) < 10_000
    # the lookups the tagger's NORM feature needs were not
    assert "lexeme_norm" in nlp.vocab.lookups.tables


def test_trimmed_load_tags_the_devset_identically(full_model):
    texts = _texts()
    assert len(texts) > 1000
    assert _analysis(load_model(), texts) == _analysis(full_model, texts)


def test_trimmed_load_tags_real_articles_identically(full_model):
    path = corpora_or_skip("extraction", "zyte-aeb", "ground-truth.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    texts = [v["articleBody"] for v in data.values() if v.get("articleBody", "").strip()][:40]
    # British spellings are where the NORM lookups matter ("colour" -> "color")
    texts.append("The colour of the organisation's offences: the defence's licence was cancelled.")
    assert _analysis(load_model(), texts) == _analysis(full_model, texts)
