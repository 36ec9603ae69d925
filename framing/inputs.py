"""Which files ``framewatch check PATH ...`` reads: a directory is walked, as
Vale and alex walk one, so a newsroom can check a whole folder of copy.

Inside a directory, hidden files and folders (``.git``, ``.cache``) and
``node_modules`` are skipped and only the formats the checker reads are taken
(``.txt``, ``.md``, ``.html`` and their variants), unless ``--glob`` says
which (a binary file a pattern takes in, such as a photo, is then skipped): a Vale-style pattern matched against the path below the directory,
with braces and negation (``'*.{md,txt}'``, ``'!*.html'``, ``'drafts/**'``),
by wcmatch, so the syntax is the one Vale users already type rather than a
hand-rolled subset.  A file named on the command line is always read.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from framing.formats import EXTENSIONS

TEXT_EXTENSIONS: tuple[str, ...] = (".txt", ".text", *EXTENSIONS)
SKIPPED_DIRS = frozenset({"node_modules", "__pycache__"})


@dataclass(frozen=True)
class Found:
    """One input to check (``walked``: found in a directory, not named), or a
    directory in which none matched (``empty``)."""

    path: str
    empty: bool = False
    walked: bool = False


def expand(paths: tuple[str, ...], glob: str | None) -> Iterator[Found]:
    """``paths`` with each directory replaced by its matching files, in
    sorted order (so output and exit status do not depend on the disk)."""
    for p in paths:
        if p == "-" or not Path(p).is_dir():
            yield Found(p)
            continue
        found = False
        for path in _walk(Path(p), glob):
            found = True
            yield Found(str(path), walked=True)
        if not found:
            yield Found(p, empty=True)


def _walk(root: Path, glob: str | None) -> Iterator[Path]:
    match = _matcher(glob)
    for here, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS)
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(here) / name
            if match(path.relative_to(root).as_posix()):
                yield path


def _matcher(glob: str | None) -> Callable[[str], bool]:
    if not glob:
        return lambda rel: rel.lower().endswith(TEXT_EXTENSIONS)
    from wcmatch import glob as wc

    flags = wc.BRACE | wc.GLOBSTAR | wc.NEGATE | wc.NEGATEALL | wc.MATCHBASE | wc.IGNORECASE
    return lambda rel: bool(wc.globmatch(rel, glob, flags=flags))


def describe_filter(glob: str | None) -> str:
    """For "DIR: no files to check (...)"."""
    if glob:
        return f"none match --glob '{glob}'"
    return "no " + " ".join(TEXT_EXTENSIONS) + " files; --glob chooses others"
