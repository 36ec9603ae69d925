"""The lexicon cache: a hit returns the same lexicon, any change to a file or
to the overrides is a miss, and errors are never cached."""

from __future__ import annotations

import os
import time

import pytest

from lexicon import load_lexicon
from lexicon.cache import load_lexicon_cached
from lexicon.errors import LexiconError

EXTRA = """
entries:
  - id: test-hooligan
    category: dehumanising
    severity: high
    forms:
      singular: [hooligan]
      plural: [hooligans]
    sense: test entry
    alternatives:
      - {singular: fan, plural: fans}
    rationale: A test.
    sources:
      - {title: Test, url: "https://example.org/"}
"""


def ids(lx):
    return [e.id for e in lx.entries]


def test_hit_equals_a_fresh_load_and_is_read_from_disk(tmp_path):
    cache = tmp_path / "cache"
    first = load_lexicon_cached(cache_dir=cache)
    assert list(cache.glob("lexicon-*.pickle"))
    second = load_lexicon_cached(cache_dir=cache)
    assert second is not first  # unpickled, not the loader's in-process memo
    fresh = load_lexicon()
    assert ids(second) == ids(fresh) and second.official_names == fresh.official_names
    assert second.entries == fresh.entries


def test_overrides_and_edited_files_are_misses(tmp_path):
    cache = tmp_path / "cache"
    extra = tmp_path / "extra.yaml"
    extra.write_text(EXTRA, encoding="utf-8")
    with_extra = load_lexicon_cached([extra], cache_dir=cache)
    assert "test-hooligan" in ids(with_extra)
    disabled = load_lexicon_cached([extra], disable=["test-hooligan"], cache_dir=cache)
    assert "test-hooligan" not in ids(disabled)
    raised = load_lexicon_cached([extra], severity={"test-hooligan": "low"}, cache_dir=cache)
    assert next(e for e in raised.entries if e.id == "test-hooligan").severity == "low"
    # an edit (new mtime and size) is seen at once
    extra.write_text(EXTRA.replace("[hooligans]", "[hooligans, hools]"), encoding="utf-8")
    later = time.time() + 5
    os.utime(extra, (later, later))
    edited = load_lexicon_cached([extra], cache_dir=cache)
    forms = {f.text for e in edited.entries if e.id == "test-hooligan" for f in e.forms}
    assert "hools" in forms


def test_broken_file_raises_and_is_not_cached(tmp_path):
    cache = tmp_path / "cache"
    bad = tmp_path / "bad.yaml"
    bad.write_text(EXTRA.replace("severity: high", "severity: hgih"), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(LexiconError):
            load_lexicon_cached([bad], cache_dir=cache)
    assert not list(cache.glob("lexicon-*.pickle"))


def test_corrupt_cache_file_is_rebuilt(tmp_path):
    cache = tmp_path / "cache"
    load_lexicon_cached(cache_dir=cache)
    (path,) = cache.glob("lexicon-*.pickle")
    path.write_bytes(b"not a pickle")
    assert ids(load_lexicon_cached(cache_dir=cache)) == ids(load_lexicon())
    assert path.read_bytes() != b"not a pickle"
