"""The lexicon's caches, all in one place.

Three layers, each keyed so that a change is a miss and never a stale hit:

- parsed files, in this process, by (path, modification time, size):
  ``framewatch lexicon check`` and repeated loads re-read nothing unchanged;
- assembled lexicons, in this process, by the parsed files' identities and
  the overrides (``disable``, ``severity``);
- the assembled lexicon on disk, in the user cache directory, for the next
  process: parsing and validating the YAML takes about a third of the
  engine's own start-up, which a one-sentence ``framewatch check`` would pay
  every time.  The key is every lexicon file's path, modification time and
  size plus the overrides, so an edited, added or removed file is simply a
  miss, parsed and checked in full (errors are raised exactly as
  ``load_lexicon`` raises them; nothing invalid is ever cached).  An
  unreadable or stale cache file is ignored.

PyYAML is imported only on a miss (``lexicon.parse``), so a cached start-up
never pays for it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from core.paths import default_cache_dir
from lexicon.files import lexicon_files
from lexicon.model import Lexicon

if TYPE_CHECKING:
    from lexicon.parse import FileResult

FORMAT = 2  # bump when the pickled classes change shape
KEEP = 8  # cached variants kept on disk (one per set of overrides in use)
ASSEMBLED_KEPT = 32  # overrides rarely change; don't grow without bound

_files: dict[tuple[str, str, int, int], FileResult] = {}


def read_file(path: Path | str) -> FileResult:
    """One file's entries, names and problems; memoised by (path, mtime, size)."""
    from lexicon.parse import parse_file, unreadable

    display = str(path)
    p = Path(path)
    try:
        st = p.stat()
    except OSError as exc:
        return unreadable(display, exc)
    # The display path is part of the key because problems quote it.
    key = (display, str(p.resolve()), st.st_mtime_ns, st.st_size)
    cached = _files.get(key)
    if cached is not None:
        return cached
    result = parse_file(p, display)
    _files[key] = result
    return result


class _Assembled:
    """Assembled lexicons of this process, by parsed files and overrides."""

    def __init__(self) -> None:
        self._data: dict[tuple[object, ...], Lexicon] = {}

    def get(self, key: tuple[object, ...]) -> Lexicon | None:
        return self._data.get(key)

    def put(self, key: tuple[object, ...], lexicon: Lexicon) -> None:
        if len(self._data) > ASSEMBLED_KEPT:
            self._data.clear()
        self._data[key] = lexicon


assembled = _Assembled()


def _key(files: list[Path], disable: tuple[str, ...], severity: dict[str, str]) -> str | None:
    stamps = []
    for f in files:
        try:
            st = f.stat()
        except OSError:
            return None  # let the loader report the missing file
        stamps.append((str(f.resolve()), st.st_mtime_ns, st.st_size))
    raw = repr((FORMAT, sys.version_info[:2], stamps, disable, sorted(severity.items())))
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def load_lexicon_cached(
    extra_files: Iterable[Path | str] = (),
    disable: Iterable[str] = (),
    severity: Mapping[str, str] | None = None,
    cache_dir: Path | None = None,
) -> Lexicon:
    """``lexicon.load_lexicon`` with a copy kept in the user cache directory."""
    extra = tuple(extra_files)
    off = tuple(disable)
    levels = dict(severity or {})
    key = _key(lexicon_files(extra), off, levels)
    if key is None:
        return _load(extra, off, levels)
    folder = default_cache_dir() if cache_dir is None else cache_dir
    path = folder / f"lexicon-{key}.pickle"
    try:
        with open(path, "rb") as fh:
            cached = pickle.load(fh)
        if isinstance(cached, Lexicon):
            return cached
    except Exception:  # noqa: BLE001 - a damaged pickle can raise almost any error: rebuild
        pass  # missing, truncated or from another version
    lexicon = _load(extra, off, levels)
    _store(folder, path, lexicon)
    return lexicon


def _load(extra: tuple[Path | str, ...], off: tuple[str, ...], levels: dict[str, str]) -> Lexicon:
    from lexicon.load import load_lexicon  # a miss: parse and validate (imports PyYAML)

    return load_lexicon(extra, off, levels or None)


def _store(cache_dir: Path, path: Path, lexicon: Lexicon) -> None:
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=".lexicon-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(lexicon, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # readers see the old file or the whole new one
        old = sorted(
            cache_dir.glob("lexicon-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for stale in old[KEEP:]:
            stale.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only or full cache directory only costs speed
