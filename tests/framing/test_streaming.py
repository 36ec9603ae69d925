"""A long input is checked piece by piece (Engine.iter_flags) with the same
result as its parts, and `framewatch check` streams it with a progress bar
when asked.  Memory and speed are measured in benchmarks/engine_speed.py (e)."""

from __future__ import annotations

import json
import subprocess
import sys

from framing.engine import CHUNK_CHARS
from tests.conftest import corpora_or_skip


def _real_articles(n: int) -> list[str]:
    path = corpora_or_skip("extraction", "zyte-aeb", "ground-truth.json")
    data = json.loads(path.read_text())
    bodies = [v["articleBody"] for v in data.values()]
    # the crime and court stories first: they hold the flags
    bodies.sort(key=lambda b: -sum(w in b.lower() for w in ("inmate", "prison", "court", "police")))
    return bodies[:n]


def test_a_long_text_streams_to_the_flags_of_its_parts(engine):
    article = _real_articles(1)[0]
    copies = (CHUNK_CHARS * 3) // len(article) + 2
    text = "\n\n".join([article] * copies)
    assert len(text) > 3 * CHUNK_CHARS  # several pieces, cut between paragraphs
    one = [(f.start, f.end, f.entry, f.quoted) for f in engine.check(article)]
    assert one
    expected, base = [], 0
    for _ in range(copies):
        expected += [(a + base, b + base, e, q) for a, b, e, q in one]
        base += len(article) + 2
    got = [(f.start, f.end, f.entry, f.quoted) for f in engine.iter_flags(text)]
    assert got == expected
    assert [(f.start, f.end) for f in engine.check(text)] == [(a, b) for a, b, _e, _q in got]


def test_progress_is_reported_piece_by_piece(engine):
    text = "\n\n".join(_real_articles(6)) * 4
    seen = []
    list(engine.iter_flags(text, progress=lambda done, total: seen.append((done, total))))
    assert len(seen) >= 2
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)
    assert seen[-1] == (len(text), len(text))


def _framewatch(args, text=None):
    return subprocess.run(
        [sys.executable, "-m", "core.cli", *args],
        input=text,
        capture_output=True,
        text=True,
    )


def test_check_streams_a_long_file_and_shows_progress_only_when_asked(tmp_path, engine):
    article = _real_articles(1)[0]
    text = "\n\n".join([article] * ((CHUNK_CHARS * 2) // len(article) + 2))
    path = tmp_path / "long.txt"
    path.write_text(text)
    quiet = _framewatch(["check", "--json", "--fail-on", "never", str(path)])
    assert quiet.returncode == 0, quiet.stderr
    assert quiet.stderr == ""  # stderr is not a terminal: no bar unless asked
    (line,) = quiet.stdout.splitlines()
    result = json.loads(line)
    assert [(f["start"], f["end"]) for f in result["flags"]] == [
        (f.start, f.end) for f in engine.check(text)
    ]
    shown = _framewatch(["check", "--json", "--progress", "--fail-on", "never", str(path)])
    assert shown.returncode == 0
    assert "checking" in shown.stderr
    assert shown.stdout == quiet.stdout
