"""Decisions exported and imported as JSON Lines, so two teams or two machines
can pool what their reviewers decided.

A decision is identified by its occurrence: the article's normalised address,
the field (headline or body), the offsets and the entry.  Importing applies a
decision to the same occurrence here when the line is newer than what is
stored (or nothing is), so importing the same file twice changes nothing, and
a later decision made here is never overwritten by an older one from
elsewhere.  Lines for articles this database does not hold are counted and
skipped.  Every line is checked before anything is written: a bad file is
refused whole, naming the line, and nothing stored changes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from learning.errors import LearningError
from storage import flags as flag_store
from storage import learned as store
from storage.db import Database

FORMAT = "framewatch-decisions/1"
FIELDS = ("url_norm", "field", "start", "end", "entry", "decision", "decided_at")


@dataclass(frozen=True)
class ImportResult:
    lines: int
    applied: int  # decisions written
    unchanged: int  # already stored as given (or a newer one is)
    missing: int  # no such flag here (an article this database does not hold)

    def to_json(self) -> dict[str, int]:
        return {
            "lines": self.lines,
            "applied": self.applied,
            "unchanged": self.unchanged,
            "missing": self.missing,
        }


def export_lines(db: Database) -> Iterator[str]:
    """One JSON object per decided flag, oldest decision first."""
    with db.read("exporting decisions") as conn:
        rows = store.export_rows(conn)
    for r in rows:
        features = json.loads(r.features) if r.features else None
        yield json.dumps(
            {
                "format": FORMAT,
                "url_norm": r.url_norm,
                "url": r.url,
                "outlet": r.outlet,
                "field": r.field or "text",
                "start": r.start,
                "end": r.end,
                "text": r.text,
                "entry": r.entry,
                "category": r.category,
                "severity": r.severity,
                "quoted": bool(r.quoted),
                "decision": r.decision,
                "reason": r.reason or "",
                "decided_by": r.decided_by or "",
                "decided_at": r.decided_at,
                "features": features,
            },
            ensure_ascii=False,
            sort_keys=True,
        )


def _parse(lines: Iterable[str], name: str) -> list[dict[str, Any]]:
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{name}:{n}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise LearningError(
                f"{where}: invalid JSON ({exc.msg} at column {exc.colno})"
            ) from None
        if not isinstance(data, dict):
            raise LearningError(f"{where}: expected a JSON object")
        if data.get("format") != FORMAT:
            raise LearningError(f"{where}: not a Framewatch decision (format {FORMAT!r} expected)")
        missing = [k for k in FIELDS if k not in data]
        if missing:
            raise LearningError(f"{where}: missing {', '.join(missing)}")
        if data["decision"] not in ("accepted", "dismissed"):
            raise LearningError(f"{where}: decision must be accepted or dismissed")
        if not all(
            isinstance(data[k], int) and not isinstance(data[k], bool) for k in ("start", "end")
        ):
            raise LearningError(f"{where}: start and end must be integers")
        if data.get("features") is not None and not isinstance(data["features"], dict):
            raise LearningError(f"{where}: features must be an object")
        out.append(data)
    return out


def import_lines(db: Database, lines: Iterable[str], name: str = "<input>") -> ImportResult:
    """Apply the decisions in ``lines`` (see the module docstring), in one transaction."""
    items = _parse(lines, name)
    applied = unchanged = missing = 0
    with db.transaction(f"importing decisions from {name}") as conn:
        for d in items:
            here = store.decision_by_key(
                conn, d["url_norm"], d["field"], d["start"], d["end"], d["entry"]
            )
            if here is None:
                missing += 1
                continue
            if here.decision != "pending" and (here.decided_at or "") >= (d["decided_at"] or ""):
                unchanged += 1
                continue
            flag_store.set_decision(
                conn,
                here.id,
                d["decision"],
                reason=str(d.get("reason") or ""),
                by=str(d.get("decided_by") or ""),
                at=d["decided_at"],
                features=d.get("features"),
            )
            applied += 1
    return ImportResult(lines=len(items), applied=applied, unchanged=unchanged, missing=missing)
