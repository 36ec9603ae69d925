"""The editable list of organisations the constructive profile knows, by role.

Kept apart from the lexicon's entries (``lexicon/data/entries``): these are
not words to flag but who a speaker speaks for, so a trainer can add a local
charity or force without touching the lexicon's schema.  Read once per file
per process; the engine receives the result and does no I/O itself.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lexicon.errors import LexiconError
from lexicon.files import DATA_DIR

ORGANISATIONS_FILE = DATA_DIR / "organisations.yaml"
ROLES = (
    "police_prosecution",
    "courts",
    "government",
    "prison_probation",
    "lived_experience",
    "victims",
    "charities",
    "research",
)


@dataclass(frozen=True)
class Organisation:
    name: str
    role: str


@dataclass(frozen=True)
class Organisations:
    """Every known organisation, longest name first (so "Howard League for Penal
    Reform" is found before "Howard League")."""

    items: tuple[Organisation, ...]


def _parse(path: Path) -> list[Organisation]:
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except yaml.YAMLError as exc:
        raise LexiconError(f"{path}: not valid YAML ({str(exc).splitlines()[0]})") from exc
    body = data.get("organisations") if isinstance(data, dict) else None
    if not isinstance(body, dict):
        raise LexiconError(f"{path}: needs a top-level 'organisations:' mapping of role to names")
    out: list[Organisation] = []
    for role, names in body.items():
        if role not in ROLES:
            raise LexiconError(f"{path}: unknown role '{role}' (roles: {', '.join(ROLES)})")
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise LexiconError(f"{path}: role '{role}' needs a list of names")
        out.extend(Organisation(n.strip(), str(role)) for n in names if n.strip())
    return out


@functools.lru_cache(maxsize=8)
def _load(paths: tuple[Path, ...]) -> Organisations:
    items: dict[str, Organisation] = {}
    for p in paths:
        orgs = _parse(p)
        # a later file overrides an earlier one whatever the case it writes a
        # name in; within a file every spelling is kept ("Hope Not Hate" and
        # "Hope not Hate" both match)
        again = {o.name.lower() for o in orgs}
        items = {k: o for k, o in items.items() if o.name.lower() not in again}
        for org in orgs:
            items[org.name] = org
    ordered = sorted(items.values(), key=lambda o: (-len(o.name), o.name))
    return Organisations(tuple(ordered))


def load_organisations(extra_files: Iterable[Path | str] = ()) -> Organisations:
    """The shipped list, then an organisation's own files (same format) on top."""
    paths = (ORGANISATIONS_FILE, *(Path(f).expanduser() for f in extra_files))
    return _load(tuple(paths))
