"""Where the lexicon's data files are.  Kept apart from the YAML parser so the
engine's cached start-up (``lexicon.cache``) can compute its cache key
without importing PyYAML."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
ENTRIES_DIR = DATA_DIR / "entries"
OFFICIAL_NAMES_FILE = DATA_DIR / "official_names.yaml"


def shipped_files() -> tuple[Path, ...]:
    """The data files that ship with Framewatch, in a stable order."""
    files = sorted(ENTRIES_DIR.glob("*.yaml"))
    if OFFICIAL_NAMES_FILE.exists():
        files.append(OFFICIAL_NAMES_FILE)
    return tuple(files)


def lexicon_files(extra_files: Iterable[Path | str] = ()) -> list[Path]:
    """The shipped data files followed by an organisation's extra files.

    A path naming a shipped file is not read twice, so ``framewatch lexicon
    check lexicon/data/entries/drug-use.yaml`` checks that file in place.
    """
    files = list(shipped_files())
    seen = {f.resolve() for f in files}
    for f in extra_files:
        path = Path(f).expanduser()
        resolved = path.resolve()
        if resolved not in seen:
            seen.add(resolved)
            files.append(path)
    return files
