"""What every awards service shares: who is acting, dates and names as typed,
the audit entry written with each change, and loading a cycle or nomination."""

from __future__ import annotations

import getpass
import json
import os
from collections.abc import Iterable
from difflib import get_close_matches

from awards import dates
from awards.errors import AwardsError
from awards.model import Cycle, Nomination, cycle_from_row, nomination_from_row
from storage.awards import audit as audit_store
from storage.awards import cycles as cycle_store
from storage.awards import nominations as nomination_store
from storage.db import Connection, utcnow


def default_who(configured: str = "") -> str:
    """The name written into the audit log: explicit, then settings/env, then the OS user."""
    for candidate in (configured, os.environ.get("FRAMEWATCH_REVIEWER", "")):
        if candidate and candidate.strip():
            return candidate.strip()
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def need_who(who: str) -> str:
    if not who or not who.strip():
        raise AwardsError("no name for the audit log: pass --as NAME or set ui.reviewer")
    return who.strip()


def need_reason(reason: str | None, what: str) -> str:
    if not reason or not reason.strip():
        raise AwardsError(f"{what} needs a reason (--reason)")
    return reason.strip()


def parse_date(value: str | None, what: str) -> str | None:
    """'2026-03-02', an ISO timestamp, '15/09/2026' or '15 Sept 2026' ->
    '2026-09-15'; empty -> None; anything else (or ambiguous) is refused with
    the reason (see :mod:`awards.dates`)."""
    if value is None or not str(value).strip():
        return None
    try:
        return dates.parse_day(str(value)).isoformat()
    except dates.DateProblem as exc:
        raise AwardsError(f"{what}: '{str(value).strip()}' {exc}") from exc


def safe_date(value: str | None) -> str | None:
    try:
        return parse_date(value, "date")
    except AwardsError:
        return None


def log_change(
    conn: Connection,
    cycle_id: int | None,
    who: str,
    action: str,
    entity: str,
    entity_id: int | None,
    **details: object,
) -> None:
    """Write one audit entry, in the caller's transaction (with the change itself)."""
    audit_store.insert(
        conn,
        cycle_id=cycle_id,
        at=utcnow(),
        who=who,
        action=action,
        entity=entity,
        entity_id=entity_id,
        details=json.dumps(details, ensure_ascii=False, sort_keys=True),
    )


def did_you_mean(wanted: str, known: Iterable[str]) -> str:
    """' (did you mean 'X'?)' for the closest of ``known`` (any case), else ''."""
    by_lower = {k.lower(): k for k in known}
    close = get_close_matches(wanted.lower(), list(by_lower), n=1, cutoff=0.6)
    return f" (did you mean '{by_lower[close[0]]}'?)" if close else ""


def match_category(cycle: Cycle, text: str) -> str:
    """Case-insensitive match to a cycle category; anything else is kept as
    written (for messages about it; :func:`resolve_category` refuses it)."""
    wanted = " ".join(text.split())
    for c in cycle.categories:
        if c.lower() == wanted.lower():
            return c
    return wanted


def resolve_category(cycle: Cycle, text: str) -> str:
    """The cycle's category ``text`` names (any case or spacing), else
    AwardsError with the closest one: a mistyped category never starts a list."""
    found = match_category(cycle, text)
    if found in cycle.categories:
        return found
    raise AwardsError(
        f"category '{found}' is not a category of {cycle.name}"
        f"{did_you_mean(found, cycle.categories)}; its categories are: "
        f"{', '.join(cycle.categories)}"
    )


def writable_cycle(conn: Connection, cycle_id: int) -> Cycle:
    """The cycle, or AwardsError if it is archived (archived cycles are read-only)."""
    cycle = load_cycle(conn, cycle_id)
    if cycle.archived:
        raise AwardsError(
            f"cycle '{cycle.name}' is archived (read-only since {(cycle.archived_at or '')[:10]}"
            f"{', by ' + cycle.archived_by if cycle.archived_by else ''}); unarchive it with "
            f"'framewatch awards cycle unarchive {cycle.id}' to change it"
        )
    return cycle


def split_names(text: str) -> tuple[str, ...]:
    """'A Smith and B Jones, C Brown' -> ('A Smith', 'B Jones', 'C Brown')."""
    parts: list[str] = []
    for chunk in text.replace(";", ",").split(","):
        for name in chunk.split(" and "):
            name = " ".join(name.split())
            if name.lower().startswith("by "):
                name = name[3:]
            if name:
                parts.append(name)
    return tuple(dict.fromkeys(parts))


def load_cycle(conn: Connection, cycle_id: int) -> Cycle:
    row = cycle_store.get(conn, cycle_id)
    if row is None:
        raise AwardsError(f"no award cycle #{cycle_id}")
    return cycle_from_row(row)


def load_nomination(conn: Connection, nomination_id: int) -> Nomination:
    row = nomination_store.get(conn, nomination_id)
    if row is None:
        raise AwardsError(f"no nomination #{nomination_id}")
    return nomination_from_row(row)
