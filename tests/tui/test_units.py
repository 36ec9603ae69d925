"""Pure pieces of the UI: sanitising, span carrying, bindings table, clipboard, CLI errors."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.bindings import bindings_for, display_keys
from tui.command_table import COMMANDS
from tui.sanitize import one_line, sanitize
from tui.widgets.draft_editor import Span, carry_spans, edit_window, line_starts, to_location

HERE = Path(__file__).parent


def test_sanitize_neutralises_escapes_controls_and_bidi_keeping_length():
    hostile = "a\x1b[2Jb\x07c\u202ed\u2066e\x9bf\r\ng\th"
    clean = sanitize(hostile)
    assert len(clean) == len(hostile)
    assert "\x1b" not in clean and "\x07" not in clean and "\u202e" not in clean
    assert "\u2066" not in clean and "\x9b" not in clean
    assert clean == "a␛[2Jb␇c\ufffdd\ufffde\ufffdf \ng\th"
    assert one_line("  two\nlines \x1b ", 8) == "two lin…"


@given(st.text())
def test_sanitize_output_is_terminal_safe_and_same_length(text):
    clean = sanitize(text)
    assert len(clean) == len(text)
    assert not any(0x00 <= ord(c) < 0x20 and c not in "\n\t" for c in clean)
    assert not any(0x7F <= ord(c) <= 0x9F for c in clean)


class _F:
    def __init__(self, text):
        self.text = text


@given(
    st.text(alphabet="ab ’\n", max_size=30),
    st.text(alphabet="ab ’\n", max_size=30),
    st.text(alphabet="xy", min_size=1, max_size=4),
    st.text(alphabet="ab ’\n", max_size=8),
    st.text(alphabet="ab ’\n", max_size=8),
)
def test_carried_spans_still_cover_their_words(before, after, word, removed, inserted):
    old = f"{before}{removed}{word}{after}"
    start = len(before) + len(removed)
    spans = [Span(start, start + len(word), _F(word))]
    # Edit before the span: it moves with the text.
    new = f"{before}{inserted}{word}{after}"
    carried = carry_spans(old, new, spans)
    for s in carried:
        assert new[s.start : s.end] == word
    # Edit inside the span: it is dropped, never left on the wrong words.
    broken = f"{before}{removed}{word[:1]}Q{word[1:]}{after}"
    for s in carry_spans(old, broken, spans):
        assert broken[s.start : s.end] == word


def test_edit_window_and_locations():
    assert edit_window("abcXdef", "abcYYdef") == (3, 3)
    assert edit_window("same", "same") == (4, 0)
    starts = line_starts("ab\ncd\n")
    assert starts == [0, 3, 6]
    assert to_location(starts, 4) == (1, 1)


def test_every_command_has_a_unique_key_per_scope_and_help():
    seen = set()
    for c in COMMANDS:
        assert c.help and c.label and c.id
        for key in c.keys.split(","):
            ident = (c.scope, key)
            assert ident not in seen, f"{key} bound twice in {c.scope}"
            seen.add(ident)
    assert len({c.id for c in COMMANDS}) == len(COMMANDS)
    # Draft keys must work while typing: never a bare printable key.
    for c in COMMANDS:
        if c.scope in ("draft", "app"):
            assert all(len(k) > 1 for k in c.keys.split(",")), c
    assert [b.key for b in bindings_for("review")][:2] == ["n,j", "p,k"]
    assert display_keys("ctrl+r") == "Ctrl+R" and display_keys("slash") == "/"


def _fake_tool(folder: Path, name: str, script: str) -> None:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{script}\n")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)


def test_read_clipboard_uses_the_installed_tool(tmp_path, monkeypatch):
    from core.errors import FramewatchError
    from tui.commands import read_clipboard

    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(FramewatchError, match="no clipboard tool found"):
        read_clipboard()
    _fake_tool(tmp_path, "xclip", "printf 'The inmates were calm.'")
    assert read_clipboard() == "The inmates were calm."
    _fake_tool(tmp_path, "wl-paste", "echo 'Error: no display' >&2; exit 1")
    with pytest.raises(FramewatchError, match="wl-paste could not read the clipboard"):
        read_clipboard()


def test_cli_paste_without_clipboard_is_one_line_error(tmp_path):
    env = {**os.environ, "PATH": str(Path(sys.executable).parent)}
    done = subprocess.run(
        [sys.executable, "-m", "core.cli", "--db", str(tmp_path / "x.sqlite3"), "tui", "--paste"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        cwd=HERE.parents[1],
    )
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0
    assert "framewatch: error: clipboard: no clipboard tool found" in done.stderr


def test_cli_rejects_unknown_argument_and_empty_stdin(tmp_path):
    base = [sys.executable, "-m", "core.cli", "--db", str(tmp_path / "x.sqlite3"), "tui"]
    bad = subprocess.run(
        [*base, "file.txt"], capture_output=True, text=True, timeout=60, cwd=HERE.parents[1]
    )
    assert bad.returncode == 2 and "only argument accepted is '-'" in bad.stderr
    empty = subprocess.run(
        [*base, "-"], input="  \n", capture_output=True, text=True, timeout=60, cwd=HERE.parents[1]
    )
    assert empty.returncode == 1 and "stdin: no text received" in empty.stderr


def test_cli_corrupt_database_is_one_line_error(tmp_path):
    bad = tmp_path / "corrupt.sqlite3"
    bad.write_bytes(b"not a database at all" * 100)
    done = subprocess.run(
        [sys.executable, "-m", "core.cli", "--db", str(bad), "tui"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=HERE.parents[1],
    )
    assert done.returncode == 1
    assert done.stderr.strip() == (
        f"framewatch: error: {bad}: the file is not a valid Framewatch database or is corrupt"
    )
    assert bad.read_bytes() == b"not a database at all" * 100  # nothing rewritten


@pytest.mark.tmux
@pytest.mark.skipif(
    shutil.which("tmux") is None,
    reason="tmux is not installed (no 'tmux' on PATH), so the app cannot be driven in a "
    "real terminal; .ci/run installs it with apt-get, elsewhere install tmux to run this",
)
def test_tmux_smoke():
    done = subprocess.run(
        [sys.executable, str(HERE / "tmux_smoke.py")], capture_output=True, text=True, timeout=240
    )
    assert done.returncode == 0, done.stderr
    assert "underlined" in done.stdout and "stdin" in done.stdout
    assert "80x24: counts, status and copies columns on screen" in done.stdout


def test_article_rendering_styles_exactly_the_flagged_words_even_in_hostile_text(engine):
    from tui.widgets.article_text import render_paragraph

    text = "\x1b[31mPolice said the inmates\u202e were moved; “the inmates are calm”, a guard said."
    found = sorted(engine.check(text), key=lambda f: f.start)
    assert [f.text for f in found] == ["inmates", "inmates"]
    clean = sanitize(text)
    content = render_paragraph(clean, 0, len(clean), found, 0, list(range(len(found))))
    plain = content.plain
    assert "\x1b" not in plain and "\u202e" not in plain
    styled = [
        (plain[s.start : s.end], str(s.style)) for s in content.spans if "underline" in str(s.style)
    ]
    assert [w for w, _ in styled] == ["inmates", "inmates"]
    assert "reverse" in styled[0][1]  # the current flag
    assert found[1].quoted and "italic" in styled[1][1]  # quoted: styled differently
    assert not found[0].quoted and "italic" not in styled[0][1]
    assert "▲" in plain


async def test_draft_highlights_use_utf8_byte_columns(db, engine):
    from tui.app import create_app

    from .conftest import settle

    text = "Café “quoted” — the offenders left."
    app = create_app(db, engine=engine, paste_text=text)
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot, app, lambda: getattr(app.screen, "checks", 0))
        highlights = app.screen.editor._highlights[0]
    line = text.encode("utf-8")
    assert [line[s:e].decode("utf-8") for s, e, _ in highlights] == ["offenders"]
