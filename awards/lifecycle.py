"""A cycle's life: which cycle is current, finding one by name, id or year,
archiving, unarchiving and deleting.

The current cycle is stored in the database (``award_settings``), so the CLI,
the awards screen (F6) and the nominate dialog always agree on it.  When a
command names no cycle it uses the current one; if none is set, the only
cycle that is not archived; otherwise it stops with one line asking for
``awards cycle use``.  Creating a cycle never moves the current one
(``awards.cycles.create_cycle``).  Every change is audited in its own
transaction.
"""

from __future__ import annotations

from awards.common import did_you_mean, load_cycle, log_change, need_who, writable_cycle
from awards.errors import AwardsError
from awards.model import Cycle, DeletedCycle, cycle_from_row
from storage.awards import cycles as cycle_store
from storage.awards import judges as judge_store
from storage.awards import nominations as nomination_store
from storage.awards import scores as score_store
from storage.awards import settings as settings_store
from storage.db import Connection, Database, utcnow

NO_CYCLE = "no award cycle yet: create one with 'framewatch awards cycle new YEAR'"


def all_cycles(conn: Connection) -> list[Cycle]:
    """Every cycle, archived ones included, oldest year first."""
    return [cycle_from_row(r) for r in cycle_store.all_cycles(conn)]


def stored_current(conn: Connection) -> Cycle | None:
    """The cycle set with ``cycle use`` (None if unset, gone or archived)."""
    cid = settings_store.current_cycle_id(conn)
    row = cycle_store.get(conn, cid) if cid is not None else None
    cycle = cycle_from_row(row) if row is not None else None
    return cycle if cycle is not None and not cycle.archived else None


def in_effect(conn: Connection) -> Cycle | None:
    """The cycle a command naming none uses: the current one, else the only
    open (not archived) cycle; None when that is not one cycle."""
    current = stored_current(conn)
    if current is not None:
        return current
    open_ = [c for c in all_cycles(conn) if not c.archived]
    return open_[0] if len(open_) == 1 else None


def resolve_current(conn: Connection) -> Cycle:
    """:func:`in_effect`, or AwardsError saying what to do."""
    cycle = in_effect(conn)
    if cycle is not None:
        return cycle
    found = all_cycles(conn)
    open_ = [c for c in found if not c.archived]
    if not found:
        raise AwardsError(NO_CYCLE)
    if not open_:
        raise AwardsError(
            "every award cycle is archived: create one with 'framewatch awards cycle new YEAR' "
            "or unarchive one with 'framewatch awards cycle unarchive NAME|ID'"
        )
    raise AwardsError(
        f"no current award cycle and {len(open_)} to choose from "
        f"({', '.join(c.name for c in open_)}): choose one with "
        "'framewatch awards cycle use NAME|ID'"
    )


def find(conn: Connection, ref: int | str) -> Cycle:
    """A cycle by name (any case), year or id; archived ones too (read-only)."""
    found = all_cycles(conn)
    if not found:
        raise AwardsError(NO_CYCLE)
    text = str(ref).strip()
    by_name = [c for c in found if c.name.lower() == " ".join(text.split()).lower()]
    if by_name:
        return by_name[0]
    if text.isdigit():
        n = int(text)
        by_year = [c for c in found if c.year == n]
        if len(by_year) > 1:
            raise AwardsError(
                f"{len(by_year)} award cycles are for {n} "
                f"({', '.join(f'#{c.id} {c.name}' for c in by_year)}): name one, or give its id"
            )
        if by_year:
            return by_year[0]
        by_id = [c for c in found if c.id == n]
        if by_id:
            return by_id[0]
    raise AwardsError(
        f"no award cycle '{text}'{did_you_mean(text, [c.name for c in found])} "
        f"(known: {', '.join(c.name for c in found)})"
    )


def set_current(
    conn: Connection, cycle: Cycle | None, who: str, *, why: str = "", audit: bool = True
) -> None:
    """Store the current cycle (None: unset), with an audit entry unless the
    caller's own entry says so (``audit=False``: a new cycle's ``cycle.create``)."""
    before = settings_store.current_cycle_id(conn)
    after = cycle.id if cycle is not None else None
    if before == after:
        return
    settings_store.put(
        conn,
        settings_store.CURRENT_CYCLE,
        None if after is None else str(after),
        at=utcnow(),
        by=who,
    )
    if not audit:
        return
    log_change(
        conn,
        after if after is not None else before,
        who,
        "cycle.use",
        "cycle",
        after,
        **{"from": before, "to": after, "why": why},
    )


# --- services -----------------------------------------------------------------


def current_cycle(db: Database) -> Cycle:
    """The cycle commands use when they name none (see the module docstring)."""
    with db.read() as conn:
        return resolve_current(conn)


def current_id(db: Database) -> int | None:
    """The id of the cycle in effect, or None (never an error: for labels)."""
    with db.read() as conn:
        cycle = in_effect(conn)
    return cycle.id if cycle is not None else None


def use_cycle(db: Database, ref: int | str, *, who: str) -> tuple[Cycle, Cycle | None]:
    """Make ``ref`` the current cycle for every front end; returns (it, the one before)."""
    who = need_who(who)
    with db.transaction() as conn:
        cycle = find(conn, ref)
        if cycle.archived:
            raise AwardsError(
                f"cycle '{cycle.name}' is archived: unarchive it first "
                f"('framewatch awards cycle unarchive {cycle.id}')"
            )
        before = in_effect(conn)
        set_current(conn, cycle, who, why="cycle use")
        return cycle, before


def archive_cycle(db: Database, ref: int | str, *, who: str) -> tuple[Cycle, bool]:
    """Archive a cycle: read-only from now on and hidden from the defaults.
    Returns the cycle and whether it was the current one (then no longer)."""
    who = need_who(who)
    with db.transaction() as conn:
        cycle = writable_cycle(conn, find(conn, ref).id)
        was_current = settings_store.current_cycle_id(conn) == cycle.id
        cycle_store.update(conn, cycle.id, archived_at=utcnow(), archived_by=who)
        log_change(conn, cycle.id, who, "cycle.archive", "cycle", cycle.id, name=cycle.name)
        if was_current:
            set_current(conn, None, who, why=f"'{cycle.name}' archived")
        return load_cycle(conn, cycle.id), was_current


def unarchive_cycle(db: Database, ref: int | str, *, who: str) -> Cycle:
    """Open an archived cycle for changes again.  It does not become current;
    a cycle in effect only as the one open cycle is set as current, so it stays."""
    who = need_who(who)
    with db.transaction() as conn:
        cycle = find(conn, ref)
        if not cycle.archived:
            raise AwardsError(f"cycle '{cycle.name}' is not archived")
        before = in_effect(conn)
        cycle_store.update(conn, cycle.id, archived_at=None, archived_by="")
        log_change(conn, cycle.id, who, "cycle.unarchive", "cycle", cycle.id, name=cycle.name)
        if before is not None and stored_current(conn) is None:
            set_current(conn, before, who, why=f"kept when '{cycle.name}' was unarchived")
        return load_cycle(conn, cycle.id)


def contents(db: Database, ref: int | str) -> tuple[Cycle, int, int]:
    """A cycle with its number of nominations and judges (for a confirmation)."""
    with db.read() as conn:
        cycle = find(conn, ref)
        noms = sum(nomination_store.counts_by_category(conn, cycle.id).values())
        return cycle, noms, len(judge_store.of_cycle(conn, cycle.id))


def delete_cycle(db: Database, ref: int | str, *, who: str) -> DeletedCycle:
    """Delete a cycle that nobody has scored and nothing was decided in (its
    nominations, judges and recusals go with it; the audit log keeps every
    entry, without the cycle).  A scored cycle is a record: archive it."""
    who = need_who(who)
    with db.transaction() as conn:
        cycle = find(conn, ref)
        sheets = score_store.count_of_cycle(conn, cycle.id)
        decided = nomination_store.count_decided(conn, cycle.id)
        if sheets or decided:
            what = " and ".join(
                part
                for part in (
                    f"{sheets} score sheet{'s' if sheets != 1 else ''}" if sheets else "",
                    f"{decided} decision{'s' if decided != 1 else ''}" if decided else "",
                )
                if part
            )
            raise AwardsError(
                f"cycle '{cycle.name}' cannot be deleted: it holds {what}, the record of "
                f"its judging; archive it instead ('framewatch awards cycle archive {cycle.id}')"
            )
        noms = sum(nomination_store.counts_by_category(conn, cycle.id).values())
        panel = len(judge_store.of_cycle(conn, cycle.id))
        if settings_store.current_cycle_id(conn) == cycle.id:
            set_current(conn, None, who, why=f"'{cycle.name}' deleted")
        cycle_store.delete(conn, cycle.id)
        # written after the delete: the entry outlives the cycle (cycle_id stays empty)
        log_change(
            conn,
            None,
            who,
            "cycle.delete",
            "cycle",
            cycle.id,
            name=cycle.name,
            year=cycle.year,
            nominations=noms,
            judges=panel,
        )
        return DeletedCycle(cycle.id, cycle.name, noms, panel)
