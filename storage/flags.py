"""The flags repository: the engine's flags on stored articles and reviewers' decisions on them.

An occurrence is (article, field, start, end, entry): storing an analysis
again keeps every decision already made on an occurrence found again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import astuple, dataclass
from typing import Any, Protocol

import sqlalchemy as sa

from storage.db import Row, insert_or_ignore
from storage.schema import flag_decisions, flags


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


# How far (in characters) a flag with the same entry and text may have moved
# and still be the same occurrence: the engine's span of one word can change
# by a few characters (a new multi-word form, an article taken in) when the
# lexicon changes; further away it is another use of the word.
NEARBY = 40
# The fields re-analysis compares; a decided flag found again with any of them
# different is 'changed', and ``previous`` keeps what they were.
COMPARED = ("start", "end", "text", "category", "severity", "quoted", "suggestions", "rewrite")


@dataclass(frozen=True)
class Tally:
    """What storing one analysis did to the flags already there."""

    kept: int = 0  # decided flags found again as they were
    changed: int = 0  # decided flags found again, but not as they were
    vanished: int = 0  # decided flags no longer found (kept, counted nowhere)
    new: int = 0  # flags not there before
    removed: int = 0  # undecided flags no longer found (nothing was said about them)

    def __add__(self, other: Tally) -> Tally:
        return Tally(*(a + b for a, b in zip(astuple(self), astuple(other), strict=True)))


def _match(old: Sequence[Row], found: Sequence[FoundFlag]) -> dict[int, Row]:
    """index in ``found`` -> the stored flag it is: the same entry at the same
    offsets, else the same entry and text (any case) nearest within ``NEARBY``."""
    out: dict[int, Row] = {}
    by_key = {(r.start, r.end, r.entry): r for r in old}
    used: set[int] = set()
    for i, f in enumerate(found):
        r = by_key.get((f.start, f.end, f.entry))
        if r is not None:
            out[i] = r
            used.add(r.id)
    for i, f in enumerate(found):
        if i in out:
            continue
        near = [
            r
            for r in old
            if r.id not in used
            and r.entry == f.entry
            and r.text.casefold() == f.text.casefold()
            and abs(r.start - f.start) <= NEARBY
        ]
        if near:
            r = min(near, key=lambda r: abs(r.start - f.start))
            out[i] = r
            used.add(r.id)
    return out


def _engine_values(f: FoundFlag) -> dict[str, Any]:
    return dict(
        start=f.start,
        end=f.end,
        text=f.text,
        category=f.category,
        severity=f.severity,
        quoted=bool(f.quoted),
        suggestions=json.dumps(list(f.suggestions)),
        rewrite=f.rewrite,
        # the engine's Flag has them; a flag from elsewhere may not
        legal_status=str(getattr(f, "status", "") or "")[:16],
        status_cue=str(getattr(f, "status_cue", "") or ""),
    )


# stored with the flag but not compared: a status read anew is the engine's
# explanation of its wording (the wording itself, ``rewrite``, is compared)
_EXPLAINED = ("legal_status", "status_cue")


def reconcile_flags(
    conn: sa.Connection,
    article_id: int,
    found: Iterable[FoundFlag],
    *,
    field: str = "text",
) -> Tally:
    """Store one field's analysis over what is stored, never losing review work.

    ``field`` says where the offsets point: the stored headline ('title') or
    body ('text'); only that field's flags are touched.  A flag found again
    (``_match``: same entry at the same offsets, or the same text a few
    characters away) keeps its decision, reason and note, and takes the
    engine's new values; a decided one whose values differ becomes 'changed'
    with ``previous`` saying what they were when decided (a reviewer's next
    decision makes it current again).  A decided flag no longer found stays,
    as 'vanished'; an undecided one goes.  Flags not there before are new and
    pending.  The same analysis stored twice changes nothing.
    """
    old = conn.execute(
        sa.select(flags).where(flags.c.article_id == article_id, flags.c.field == field)
    ).all()
    unique: dict[tuple[int, int, str], FoundFlag] = {}
    for f in found:
        unique.setdefault((f.start, f.end, f.entry), f)
    fresh = list(unique.values())
    matched = _match(old, fresh)
    again = {r.id for r in matched.values()}
    kept = changed = vanished = removed = 0
    gone = [r for r in old if r.id not in again]
    undecided = [r.id for r in gone if r.decision == "pending"]
    if undecided:
        conn.execute(flags.delete().where(flags.c.id.in_(undecided)))
        removed = len(undecided)
    for r in gone:
        if r.decision != "pending" and r.lexicon_state != "vanished":
            conn.execute(flags.update().where(flags.c.id == r.id).values(lexicon_state="vanished"))
        vanished += r.decision != "pending"
    for i, f in enumerate(fresh):
        values = _engine_values(f)
        if i not in matched:
            # another writer analysing the same article may have stored it meanwhile
            insert_or_ignore(
                conn,
                flags,
                dict(article_id=article_id, field=field, entry=f.entry, **values),
                ["article_id", "field", "start", "end", "entry"],
            )
            continue
        r = matched[i]
        differs = {k: getattr(r, k) for k in COMPARED if getattr(r, k) != values[k]}
        if r.decision == "pending":
            values.update(lexicon_state="current", previous=None)
        elif differs or r.lexicon_state == "changed":
            before = json.loads(r.previous) if r.previous else {}
            values.update(lexicon_state="changed", previous=json.dumps({**differs, **before}))
            changed += 1
        else:
            values.update(lexicon_state="current", previous=None)
            kept += 1
        restated = any(getattr(r, k) != values[k] for k in _EXPLAINED)
        if differs or restated or r.lexicon_state != values["lexicon_state"]:
            conn.execute(flags.update().where(flags.c.id == r.id).values(**values))
    return Tally(kept, changed, vanished, len(fresh) - len(matched), removed)


def store_flags(
    conn: sa.Connection,
    article_id: int,
    found: Iterable[FoundFlag],
    *,
    field: str = "text",
) -> int:
    """Store one field's analysis (``reconcile_flags``); returns the number of
    flags now on the article (both fields)."""
    reconcile_flags(conn, article_id, found, field=field)
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


def reconcile_article_flags(
    conn: sa.Connection,
    article_id: int,
    found: tuple[Sequence[FoundFlag], Sequence[FoundFlag]],
) -> Tally:
    """Store an article's (headline flags, body flags) again; what it did to each."""
    title_flags, text_flags = found
    return reconcile_flags(conn, article_id, text_flags, field="text") + reconcile_flags(
        conn, article_id, title_flags, field="title"
    )


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
    expected_version: int | None = None,
) -> int | None:
    """Record a decision and log it (``flag_decisions``); the flag's new version,
    or None when ``expected_version`` is given and the flag is no longer at it
    (someone else decided in between: nothing is written).

    The version test is in the UPDATE's WHERE, so it holds on any database
    without relying on the transaction's isolation.  ``features`` (the
    flag's context when decided) is kept as JSON beside it.  Undoing a
    decision (pending) keeps the last features: the next decision replaces
    them.  On a flag that changed since it was last decided (re-analysis),
    this is the decision on the flag as it is now: it is current again and
    ``previous`` is cleared."""
    changed = flags.c.lexicon_state == "changed"
    values: dict[str, Any] = dict(
        decision=decision,
        reason=reason,
        decided_by=by,
        decided_at=at,
        lexicon_state=sa.case((changed, "current"), else_=flags.c.lexicon_state),
        previous=sa.case((changed, None), else_=flags.c.previous),
        version=flags.c.version + 1,
    )
    if features is not None:
        values["features"] = json.dumps(features, sort_keys=True)
    where = [flags.c.id == flag_id]
    if expected_version is not None:
        where.append(flags.c.version == expected_version)
    done = conn.execute(
        flags.update().where(*where).values(**values).returning(flags.c.version, flags.c.article_id)
    ).first()
    if done is None:
        return None
    conn.execute(
        flag_decisions.insert().values(
            flag_id=flag_id,
            article_id=done.article_id,
            decision=decision,
            reason=reason,
            by=by,
            at=at or "",
            version=done.version,
        )
    )
    return int(done.version)


def decisions_by_reviewer(conn: sa.Connection) -> dict[str, tuple[int, int, int, int]]:
    """reviewer -> (decisions, accepted, dismissed, flags they decided last and still stand),
    from the decision log: a team's per-reviewer progress."""
    d = flag_decisions.c
    rows = conn.execute(
        sa.select(
            d.by,
            sa.func.count(),
            sa.func.sum(sa.case((d.decision == "accepted", 1), else_=0)),
            sa.func.sum(sa.case((d.decision == "dismissed", 1), else_=0)),
        ).group_by(d.by)
    ).all()
    standing: dict[str, int] = {
        str(who): int(n)
        for who, n in conn.execute(
            sa.select(flags.c.decided_by, sa.func.count())
            .where(flags.c.decision != "pending")
            .group_by(flags.c.decided_by)
        ).all()
    }
    return {
        str(r[0]): (int(r[1]), int(r[2] or 0), int(r[3] or 0), int(standing.get(r[0], 0)))
        for r in rows
    }


def decision_log(conn: sa.Connection, flag_id: int | None = None) -> Sequence[Row]:
    """The decision log, oldest first (of one flag when ``flag_id`` is given)."""
    q = sa.select(flag_decisions).order_by(flag_decisions.c.id)
    if flag_id is not None:
        q = q.where(flag_decisions.c.flag_id == flag_id)
    return conn.execute(q).all()


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
    """(category, quoted, decision) of the flags in an article's body (vanished
    ones left out: the lexicon no longer flags them)."""
    return conn.execute(
        sa.select(flags.c.category, flags.c.quoted, flags.c.decision).where(
            flags.c.article_id == article_id,
            flags.c.field == "text",
            flags.c.lexicon_state != "vanished",
        )
    ).all()


def insert_many(conn: sa.Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Store many flags at once (benchmarks and bulk loads)."""
    if rows:
        conn.execute(flags.insert(), list(rows))
