"""The assembled lexicon, kept between runs in the user cache directory.

Parsing and validating the YAML lexicon takes about a third of the engine's
own start-up; a one-sentence ``framewatch check`` pays it every time.  The
cached copy is keyed by every lexicon file's path, modification time and size
plus the organisation's overrides, so an edited, added or removed file is
simply a miss, parsed and checked in full (errors are raised exactly as
``load_lexicon`` raises them; nothing invalid is ever cached).  An unreadable
or stale cache file is ignored.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

FORMAT = 1  # bump when the pickled classes change shape
KEEP = 8  # cached variants kept (one per set of overrides in use)


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
):
    """``lexicon.load_lexicon`` with a cache in the user cache directory."""
    from lexicon.files import lexicon_files
    from lexicon.model import Lexicon

    extra_files, disable, severity = tuple(extra_files), tuple(disable), dict(severity or {})
    key = _key(lexicon_files(extra_files), disable, severity)
    if key is None:
        from lexicon.loader import load_lexicon

        return load_lexicon(extra_files, disable, severity or None)
    if cache_dir is None:
        from core.paths import default_cache_dir

        cache_dir = default_cache_dir()
    path = cache_dir / f"lexicon-{key}.pickle"
    try:
        with open(path, "rb") as fh:
            cached = pickle.load(fh)
        if isinstance(cached, Lexicon):
            return cached
    except Exception:  # noqa: BLE001 - missing, truncated or from another version: rebuild
        pass
    from lexicon.loader import load_lexicon

    lexicon = load_lexicon(extra_files, disable, severity or None)
    _store(cache_dir, path, lexicon)
    return lexicon


def _store(cache_dir: Path, path: Path, lexicon) -> None:
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
