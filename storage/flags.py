"""The flags repository: the engine's flags on stored articles and reviewers' decisions on them.

An occurrence is (article, field, start, end, entry): storing an analysis
again keeps every decision already made on an occurrence found again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

import sqlalchemy as sa

from storage.db import Row, insert_or_ignore
from storage.schema import flags


class FoundFlag(Protocol):
    """What the storage needs of an engine flag (``framing.flag.Flag`` has it)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def entry(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def quoted(self) -> bool: ...
    @property
    def suggestions(self) -> Sequence[str]: ...
    @property
    def rewrite(self) -> str | None: ...


def store_flags(
    conn: sa.Connection,
    article_id: int,
    found: Iterable[FoundFlag],
    *,
    field: str = "text",
    keep_decided: bool = True,
) -> int:
    """Upsert one field's analysis result without losing review work.

    ``field`` says where the offsets point: the stored headline ('title') or
    body ('text'); only that field's flags are touched.  An occurrence is
    (article, field, start, end, entry).  One that is found again keeps its
    decision, reason and note; its engine-side fields (category, severity,
    suggestions, rewrite) are refreshed.  Pending flags the engine no longer
    reports are removed; decided ones stay as the record of a human judgement.
    Returns the number of flags now on the article (both fields).
    """
    rows = conn.execute(
        sa.select(flags.c.id, flags.c.start, flags.c.end, flags.c.entry, flags.c.decision).where(
            flags.c.article_id == article_id, flags.c.field == field
        )
    ).all()
    existing = {(r.start, r.end, r.entry): r.id for r in rows}
    decided = {r.id for r in rows if r.decision != "pending"}
    current: set[tuple[int, int, str]] = set()
    for f in found:
        key = (f.start, f.end, f.entry)
        if key in current:
            continue
        current.add(key)
        values = dict(
            text=f.text,
            category=f.category,
            severity=f.severity,
            quoted=bool(f.quoted),
            suggestions=json.dumps(list(f.suggestions)),
            rewrite=f.rewrite,
        )
        if key in existing:
            conn.execute(flags.update().where(flags.c.id == existing[key]).values(**values))
        else:
            # another writer analysing the same article may have stored it meanwhile
            insert_or_ignore(
                conn,
                flags,
                dict(
                    article_id=article_id,
                    field=field,
                    start=f.start,
                    end=f.end,
                    entry=f.entry,
                    **values,
                ),
                ["article_id", "field", "start", "end", "entry"],
            )
    stale = [
        fid
        for key, fid in existing.items()
        if key not in current and not (keep_decided and fid in decided)
    ]
    if stale:
        conn.execute(flags.delete().where(flags.c.id.in_(stale)))
    return int(
        conn.execute(
            sa.select(sa.func.count()).select_from(flags).where(flags.c.article_id == article_id)
        ).scalar_one()
    )


def store_article_flags(
    conn: sa.Connection,
    article_id: int,
    found: tuple[Sequence[FoundFlag], Sequence[FoundFlag]],
) -> int:
    """Store an article's (headline flags, body flags); returns flags on the article."""
    title_flags, text_flags = found
    store_flags(conn, article_id, text_flags, field="text")
    return store_flags(conn, article_id, title_flags, field="title")


def of_article(conn: sa.Connection, article_id: int) -> Sequence[Row]:
    """An article's flags in reading order: the headline's first, then the body's."""
    return conn.execute(
        sa.select(flags)
        .where(flags.c.article_id == article_id)
        .order_by(sa.case((flags.c.field == "title", 0), else_=1), flags.c.start, flags.c.end)
    ).all()


def get(conn: sa.Connection, flag_id: int) -> Row | None:
    return conn.execute(sa.select(flags).where(flags.c.id == flag_id)).first()


def article_of(conn: sa.Connection, flag_id: int) -> int | None:
    found = conn.execute(sa.select(flags.c.article_id).where(flags.c.id == flag_id)).scalar()
    return None if found is None else int(found)


def set_decision(
    conn: sa.Connection,
    flag_id: int,
    decision: str,
    *,
    reason: str,
    by: str,
    at: str | None,
    features: dict[str, Any] | None = None,
) -> None:
    """Record a decision; ``features`` (the flag's context when decided) is kept
    as JSON beside it.  Undoing a decision (pending) keeps the last features:
    the next decision replaces them."""
    values: dict[str, Any] = dict(decision=decision, reason=reason, decided_by=by, decided_at=at)
    if features is not None:
        values["features"] = json.dumps(features, sort_keys=True)
    conn.execute(flags.update().where(flags.c.id == flag_id).values(**values))


def set_note(conn: sa.Connection, flag_id: int, note: str) -> bool:
    """False when there is no such flag."""
    done = conn.execute(flags.update().where(flags.c.id == flag_id).values(note=note))
    return bool(done.rowcount)


def categories(conn: sa.Connection) -> list[str]:
    """Categories that have flags, alphabetically."""
    return [
        str(c)
        for c in conn.execute(
            sa.select(flags.c.category).distinct().order_by(flags.c.category)
        ).scalars()
    ]


def decisions_by_entry(conn: sa.Connection) -> dict[str, tuple[int, int, int, int]]:
    """entry id -> (fired, accepted, dismissed, pending)."""
    rows = conn.execute(
        sa.select(
            flags.c.entry,
            sa.func.count(),
            sa.func.sum(sa.case((flags.c.decision == "accepted", 1), else_=0)),
            sa.func.sum(sa.case((flags.c.decision == "dismissed", 1), else_=0)),
            sa.func.sum(sa.case((flags.c.decision == "pending", 1), else_=0)),
        ).group_by(flags.c.entry)
    )
    return {str(r[0]): (int(r[1]), int(r[2] or 0), int(r[3] or 0), int(r[4] or 0)) for r in rows}


def body_flags_with_decisions(conn: sa.Connection, article_id: int) -> Sequence[Row]:
    """(category, quoted, decision) of the flags in an article's body."""
    return conn.execute(
        sa.select(flags.c.category, flags.c.quoted, flags.c.decision).where(
            flags.c.article_id == article_id, flags.c.field == "text"
        )
    ).all()


def insert_many(conn: sa.Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Store many flags at once (benchmarks and bulk loads)."""
    if rows:
        conn.execute(flags.insert(), list(rows))
