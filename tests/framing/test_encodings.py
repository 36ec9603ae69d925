"""Files a newsroom actually has: Windows-1252 from Word and Notepad, UTF-16
with and without a byte-order mark, and bytes that are not text at all.

Each runs the real ``framewatch`` entry point in a subprocess, where the exit
status is what a script sees, against the real engine and lexicon.
"""

from __future__ import annotations

import codecs
import json
import subprocess
import sys

import pytest

from core.decoding import DecodeError, decode_text

SENTENCE = "The inmates paid a \u00a3500 fine \u2013 \u201cunfair\u201d, said one.\n"


def framewatch(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "core.cli", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("data", "encoding", "how"),
    [
        (SENTENCE.encode("cp1252"), "cp1252", "detected"),
        ("Inmates \u00a3500".encode("cp1252"), "cp1252", "detected"),  # short: a tie
        (codecs.BOM_UTF16_LE + SENTENCE.encode("utf-16-le"), "utf-16-le", "bom"),
        (codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be"), "utf-16-be", "bom"),
        (codecs.BOM_UTF8 + SENTENCE.encode("utf-8"), "utf-8", "bom"),
        (SENTENCE.encode("utf-8"), "utf-8", "utf-8"),
        ("The inmates were moved.".encode("utf-16-le"), "utf-16-le", "detected"),
    ],
)
def test_decode_text_reads_what_newsrooms_save(data, encoding, how):
    got = decode_text(data)
    assert (got.encoding, got.how) == (encoding, how)
    assert got.text.startswith("The inmates") or got.text.startswith("Inmates")
    assert "\u00a3500" in got.text or "moved" in got.text
    assert "\ufffd" not in got.text


def test_decode_text_refuses_binary_and_a_wrong_forced_encoding():
    with pytest.raises(DecodeError, match="binary"):
        decode_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    with pytest.raises(DecodeError, match=r"not valid utf-8 text \(byte 0xa3 at offset 8\)"):
        decode_text("Inmates \u00a3500".encode("cp1252"), "utf-8")
    with pytest.raises(DecodeError, match="unknown encoding 'klingon'"):
        decode_text(b"x", "klingon")
    assert decode_text("caf\u00e9".encode("latin-1"), "latin-1").how == "forced"


@pytest.mark.parametrize("codec", ["cp1252", "utf-16"])
def test_check_reads_windows_1252_and_utf16_files_and_says_which(tmp_path, codec):
    path = tmp_path / f"draft-{codec}.txt"
    path.write_bytes(SENTENCE.encode(codec))  # "utf-16" writes a byte-order mark
    done = framewatch("check", "--json", "--fail-on", "never", str(path))
    assert done.returncode == 0, done.stderr.decode()
    row = json.loads(done.stdout)
    assert row["encoding"] == {"cp1252": "cp1252", "utf-16": "utf-16-le"}[codec]
    assert [f["text"] for f in row["flags"]] == ["inmates"]
    # the offsets point into the decoded text, so the £ sign is one character
    assert row["flags"][0]["start"] == SENTENCE.index("inmates")


def test_check_stdin_in_windows_1252_and_forcing_an_encoding(tmp_path):
    data = SENTENCE.encode("cp1252")
    done = framewatch("check", "--fix", "-", stdin=data)
    assert done.stdout.decode() == SENTENCE.replace("inmates", "people in prison")
    forced = framewatch("check", "--json", "--encoding", "utf-8", "-", stdin=data)
    assert forced.returncode == 2
    assert forced.stderr.decode().strip() == (
        "framewatch: error: <stdin>: not valid utf-8 text (byte 0xa3 at offset 19)"
    )
    bogus = framewatch("check", "--encoding", "klingon", "-", stdin=data)
    assert bogus.returncode == 2 and "unknown encoding 'klingon'" in bogus.stderr.decode()
    assert b"Traceback" not in bogus.stderr


def test_human_output_notes_a_detected_encoding(tmp_path):
    path = tmp_path / "notepad.txt"
    path.write_bytes(SENTENCE.encode("cp1252"))
    done = framewatch("check", "--fail-on", "never", str(path))
    assert done.returncode == 0
    assert f"{path}: read as cp1252 (detected" in done.stderr.decode()
    assert "\u00a3500" in done.stdout.decode()
