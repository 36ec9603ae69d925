"""The draft checker reads the files and pipes a newsroom has (Windows-1252,
UTF-16) as the words they hold, and never says "No flags." when it could not
check at all.  Real app (Pilot), real engine, real files and pipes."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace

from textual.widgets import Input, Static

from core.settings import LexiconSettings, Settings
from tui.app import create_app
from tui.screens.draft import DraftScreen
from tui.screens.prompt import PromptDialog

from .conftest import settle

SIZE = (120, 36)
COPY = "The inmates paid a \u00a3500 fine.\n"


def _status(screen) -> str:
    return str(screen.query_one("#draft-status", Static).render())


async def _open(pilot, app, path) -> None:
    await pilot.press("ctrl+o")
    await settle(pilot, app, lambda: isinstance(app.screen, PromptDialog))
    app.screen.query_one(Input).value = str(path)
    await pilot.press("enter")


async def test_ctrl_o_reads_windows_1252_and_utf16_as_their_words(db, engine, tmp_path):
    cp1252, utf16 = tmp_path / "notepad.txt", tmp_path / "word.txt"
    cp1252.write_bytes(COPY.encode("cp1252"))
    utf16.write_bytes(("Second " + COPY).encode("utf-16"))
    app = create_app(db, engine=engine, start="draft")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app, lambda: isinstance(app.screen, DraftScreen))
        draft = app.screen
        await _open(pilot, app, cp1252)
        await settle(pilot, app, lambda: draft.editor.text == COPY)  # "£500", not "�500"
        await settle(pilot, app, lambda: draft.editor.checked_text == COPY)
        assert [s.flag.text for s in draft.editor.live_spans()] == ["inmates"]
        await _open(pilot, app, utf16)
        await settle(pilot, app, lambda: draft.editor.text == "Second " + COPY)


async def test_an_unreadable_file_is_an_error_and_the_draft_stays(db, engine, tmp_path):
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01")
    app = create_app(db, engine=engine, paste_text="The offenders left.")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot, app, lambda: isinstance(app.screen, DraftScreen) and app.screen.checks)
        draft = app.screen
        await _open(pilot, app, binary)
        await settle(pilot, app, lambda: any("photo.jpg" in n.message for n in app._notifications))
        [note] = [n.message for n in app._notifications if "photo.jpg" in n.message]
        assert note == f"{binary}: cannot open (looks like a binary file (NUL bytes))"
        assert draft.editor.text == "The offenders left."
        assert _status(draft).startswith("1 flag")


async def test_a_failed_check_never_reads_no_flags(db, tmp_path):
    broken = tmp_path / "extra.yaml"
    broken.write_text("entries: [this is: not: valid\n", encoding="utf-8")
    settings = replace(Settings(), lexicon=LexiconSettings(extra_files=(str(broken),)))
    app = create_app(db, settings, start="draft")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot, app, lambda: isinstance(app.screen, DraftScreen))
        draft = app.screen
        await pilot.press(*"The inmates were moved.")
        await settle(pilot, app, lambda: draft.check_error is not None)
        status = _status(draft)
        assert status.startswith("Not checked: ") and "extra.yaml" in status
        assert "No flags" not in status


def test_tui_dash_reads_piped_bytes_and_refuses_binary_in_one_line(tmp_path):
    from tui.commands import read_piped_text

    read_fd, write_fd = os.pipe()
    os.write(write_fd, COPY.encode("cp1252"))
    os.close(write_fd)
    with os.fdopen(read_fd, "rb") as pipe:
        assert read_piped_text(pipe, None) == COPY  # not "\udca3500"
    done = subprocess.run(
        [sys.executable, "-m", "core.cli", "--db", str(tmp_path / "x.db"), "tui", "-"],
        input=b"\x00\x01\x02\x03binary",
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.decode().strip() == (
        "framewatch: error: stdin: looks like a binary file (NUL bytes)"
    )


async def test_a_lone_surrogate_is_shown_as_a_stand_in_and_the_rest_is_checked(db, engine):
    # what "sys.stdin.read()" made of a Windows-1252 pound sign before
    app = create_app(db, engine=engine, paste_text="The inmates paid \udca3500.")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app, lambda: isinstance(app.screen, DraftScreen) and app.screen.checks)
        draft = app.screen
        assert draft.editor.text == "The inmates paid \ufffd500."
        assert [s.flag.text for s in draft.editor.live_spans()] == ["inmates"]
        assert draft.check_error is None
