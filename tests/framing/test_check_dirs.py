"""``framewatch check DIR`` walks the folder as Vale and alex do, with a
Vale-style ``--glob``; real files on disk, the real engine and lexicon."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from core.cli import cli


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "copy"
    files = {
        "a.md": "The inmates were moved.",
        "sub/b.txt": "The offenders left.",
        "sub/deep/c.html": "<p>The thugs ran.</p>",
        "notes.rst": "The yobs shouted.",
        ".drafts/hidden.md": "The inmates again.",
        "node_modules/pkg/readme.md": "The inmates again.",
        "sub/.secret.txt": "The inmates again.",
    }
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    return root


def _paths(output: str, root: Path) -> list[str]:
    return [
        Path(json.loads(line)["path"]).relative_to(root).as_posix() for line in output.splitlines()
    ]


def test_check_dir_recurses_over_text_files_only(tree: Path):
    done = subprocess.run(
        [sys.executable, "-m", "core.cli", "check", "--json", str(tree)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr  # flags found, nothing unreadable
    assert _paths(done.stdout, tree) == ["a.md", "sub/b.txt", "sub/deep/c.html"]
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["format"] for r in rows] == ["markdown", "text", "html"]
    assert [[f["text"] for f in r["flags"]] for r in rows] == [
        ["inmates"],
        ["offenders"],
        ["thugs"],
    ]


@pytest.mark.parametrize(
    ("glob", "expected"),
    [
        ("*.{md,rst}", ["a.md", "notes.rst"]),
        ("!*.html", ["a.md", "notes.rst", "sub/b.txt"]),
        ("sub/**", ["sub/b.txt", "sub/deep/c.html"]),
        ("*.TXT", ["sub/b.txt"]),
    ],
)
def test_glob_chooses_files_as_in_vale(tree: Path, glob: str, expected: list[str]):
    done = CliRunner().invoke(
        cli, ["check", "--json", "--fail-on", "never", "--glob", glob, str(tree)]
    )
    assert done.exit_code == 0, done.output
    assert _paths(done.stdout, tree) == expected


def test_a_dir_with_nothing_to_check_is_an_error_not_a_clean_result(tree: Path, tmp_path: Path):
    empty = tmp_path / "empty"
    empty.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "core.cli", "check", str(empty), "--glob", "*.docx"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.strip() == (
        f"framewatch: error: {empty}: no files to check (none match --glob '*.docx')"
    )
    named = CliRunner().invoke(
        cli, ["check", "--json", "--fail-on", "never", str(tree / "notes.rst")]
    )
    assert named.exit_code == 0 and json.loads(named.stdout)["flags"][0]["text"] == "yobs"
