"""Moving a whole database between SQLite and PostgreSQL, and saying what is in one.

``framewatch db copy`` takes a reviewer's local file to the team server (or
the server back to a file).  Every table but the leases (who is running a
monitor or has an article open *now* means nothing in another database) is
copied in foreign-key order, in batches; afterwards both sides are counted
and checksummed table by table and the two compared, so a copy that lost or
changed a row says so instead of looking done.

The checksum of a table is SHA-256 over its rows in primary-key order, each
value written the same way whatever the database returned (text as UTF-8,
bytes as hex, numbers by ``repr``, booleans as true/false, NULL as null), so
the same rows give the same checksum on SQLite and on PostgreSQL.

A copy into a database that holds anything is refused unless ``append``:
then each row is matched on its natural key, the one the monitor
de-duplicates on (a feed by URL, an article by normalised address, a flag by
its occurrence, a cycle by name ...), rows already there are skipped, new
ones get new ids and their references follow.  Checksums cannot match then
(the destination holds more); the report counts copied and skipped rows per
table instead, and copied + skipped must equal the source's rows.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from alembic.runtime.migration import MigrationContext

import storage.awards.tables  # noqa: F401 - the awards tables join the same metadata
from storage.db import Database, heads
from storage.schema import metadata

BATCH = 1000
# Not copied: who holds a lease is about processes running against *this* database.
SKIPPED = frozenset({"monitor_leases", "article_leases"})
# Natural keys, for --append: a row whose key is in the destination is skipped.
NATURAL_KEYS: dict[str, tuple[str, ...]] = {
    "feeds": ("url",),
    "fetch_events": ("feed_id", "at"),
    "stories": ("title", "created_at"),
    "articles": ("url_norm",),
    "flags": ("article_id", "field", "start", "end", "entry"),
    "award_cycles": ("name",),
    "award_settings": ("key",),
    "award_nominations": ("cycle_id", "category", "title", "url", "created_at"),
    "award_judges": ("cycle_id", "name"),
    "award_recusals": ("nomination_id", "judge_id"),
    "award_sheets": ("nomination_id", "judge_id"),
    "award_audit": ("cycle_id", "at", "who", "action", "entity", "entity_id"),
    "flag_decisions": ("flag_id", "at", "by"),
    "learned_models": ("trained_at", "kind"),
    "article_profiles": ("article_id",),  # one profile per article (its id already mapped)
}
# References not declared as foreign keys that still follow a row's new id.
_SOFT_REFERENCES = {("award_nominations", "article_id"): "articles"}


def copied_tables() -> list[sa.Table]:
    """The tables a copy moves, parents before children."""
    return [t for t in metadata.sorted_tables if t.name not in SKIPPED]


@dataclass(frozen=True)
class TableSum:
    """One table's row count and checksum."""

    table: str
    rows: int
    checksum: str


@dataclass(frozen=True)
class Status:
    """What ``framewatch db status`` shows."""

    location: str
    dialect: str
    revisions: tuple[str, ...]  # the schema versions the database is at
    expected: tuple[str, ...]  # the ones this Framewatch has
    counts: dict[str, int]

    @property
    def state(self) -> str:
        """'up to date', 'needs migrating', 'newer than this Framewatch' or 'empty'."""
        have, want = set(self.revisions), set(self.expected)
        if not have:
            return "empty (not created yet)"
        if have == want:
            return "up to date"
        if have - {r for r in _all_revisions()}:
            return "newer than this Framewatch"
        return "needs migrating (framewatch db migrate)"


def _all_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    from storage.db import MIGRATIONS

    return {r.revision for r in ScriptDirectory(str(MIGRATIONS)).walk_revisions()}


def revisions(conn: sa.Connection) -> tuple[str, ...]:
    return tuple(sorted(MigrationContext.configure(conn).get_current_heads()))


def status(db: Database) -> Status:
    """The database's engine, schema versions and rows per table (only tables that exist)."""
    with db.read("reading its status") as conn:
        present = set(sa.inspect(conn).get_table_names())
        counts = {t.name: _count(conn, t) for t in metadata.sorted_tables if t.name in present}
        revs = revisions(conn) if "alembic_version" in present else ()
    return Status(db.location, db.dialect, revs, tuple(sorted(heads())), counts)


def _count(conn: sa.Connection, table: sa.Table) -> int:
    return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())


def _canonical(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()
    return str(value)


def _ordered(table: sa.Table) -> sa.Select[Any]:
    return sa.select(table).order_by(*table.primary_key.columns)


def _rows(conn: sa.Connection, table: sa.Table) -> Iterator[sa.Row[Any]]:
    # Batches by primary key, not one cursor: SQLite and psycopg both hold a
    # plain cursor's whole result in memory.
    pk = list(table.primary_key.columns)
    last: Any = None
    while True:
        q = _ordered(table).limit(BATCH)
        if last is not None:
            q = q.where(pk[0] > last)
        batch = conn.execute(q).all()
        yield from batch
        if len(batch) < BATCH:
            return
        last = batch[-1]._mapping[pk[0].name]


def checksum(conn: sa.Connection, table: sa.Table) -> TableSum:
    digest = hashlib.sha256()
    n = 0
    for row in _rows(conn, table):
        line = json.dumps([_canonical(v) for v in row], ensure_ascii=False, separators=(",", ":"))
        digest.update(line.encode("utf-8"))
        digest.update(b"\n")
        n += 1
    return TableSum(table.name, n, digest.hexdigest()[:16])


def checksums(db: Database) -> dict[str, TableSum]:
    """Rows and checksum of every copied table."""
    with db.read("checksumming its tables") as conn:
        return {t.name: checksum(conn, t) for t in copied_tables()}


@dataclass(frozen=True)
class TableCopy:
    """One table of a copy: what the source had, what went over, what matched."""

    table: str
    source_rows: int
    copied: int
    skipped: int  # already in the destination (--append only)
    source_checksum: str
    destination_rows: int
    destination_checksum: str

    @property
    def ok(self) -> bool:
        if self.copied + self.skipped != self.source_rows:
            return False
        if self.skipped == 0 and self.destination_rows == self.source_rows:
            return self.source_checksum == self.destination_checksum
        return self.destination_rows >= self.source_rows


class NotEmptyError(Exception):
    """The destination holds rows and ``append`` was not asked for."""

    def __init__(self, counts: dict[str, int]) -> None:
        self.counts = counts
        shown = ", ".join(f"{k} {v}" for k, v in counts.items() if v)
        super().__init__(shown)


def copy(
    src: Database,
    dst: Database,
    *,
    append: bool = False,
    progress: Callable[[str, int, int], None] | None = None,
) -> list[TableCopy]:
    """Copy every table from ``src`` into ``dst`` (both migrated to the same
    schema) and compare them; raises :class:`NotEmptyError` when ``dst``
    holds rows and ``append`` is false.  ``progress(table, done, total)``."""
    tables = copied_tables()
    with dst.read("checking it is empty") as conn:
        held = {t.name: _count(conn, t) for t in tables}
    if any(held.values()) and not append:
        raise NotEmptyError(held)
    before = checksums(src)
    copied: dict[str, tuple[int, int]] = {}
    id_maps: dict[str, dict[Any, Any]] = {}
    with src.read("reading it for the copy") as read, dst.transaction("copying into it") as write:
        for table in tables:
            total = before[table.name].rows
            if append:
                copied[table.name] = _append_table(read, write, table, id_maps, total, progress)
            else:
                copied[table.name] = (_copy_table(read, write, table, total, progress), 0)
        if write.dialect.name == "postgresql":
            _restart_sequences(write, tables)
    after = checksums(dst)
    return [
        TableCopy(
            table=t.name,
            source_rows=before[t.name].rows,
            copied=copied[t.name][0],
            skipped=copied[t.name][1],
            source_checksum=before[t.name].checksum,
            destination_rows=after[t.name].rows,
            destination_checksum=after[t.name].checksum,
        )
        for t in tables
    ]


def _copy_table(
    read: sa.Connection,
    write: sa.Connection,
    table: sa.Table,
    total: int,
    progress: Callable[[str, int, int], None] | None,
) -> int:
    done = 0
    batch: list[dict[str, Any]] = []
    for row in _rows(read, table):
        batch.append(dict(row._mapping))
        if len(batch) == BATCH:
            write.execute(table.insert(), batch)
            done += len(batch)
            batch = []
            if progress:
                progress(table.name, done, total)
    if batch:
        write.execute(table.insert(), batch)
        done += len(batch)
    if progress:
        progress(table.name, done, total)
    return done


def _references(table: sa.Table) -> dict[str, str]:
    """column -> the table whose id it holds."""
    refs = {
        fk.parent.name: fk.column.table.name for fk in table.foreign_keys if fk.column.name == "id"
    }
    for (name, column), target in _SOFT_REFERENCES.items():
        if name == table.name:
            refs[column] = target
    return refs


def _append_table(
    read: sa.Connection,
    write: sa.Connection,
    table: sa.Table,
    id_maps: dict[str, dict[Any, Any]],
    total: int,
    progress: Callable[[str, int, int], None] | None,
) -> tuple[int, int]:
    """Copy the rows whose natural key is not in the destination; (copied, skipped)."""
    refs = _references(table)
    key = NATURAL_KEYS.get(table.name, ())
    pk = next(iter(table.primary_key.columns))
    surrogate = pk.name == "id" and isinstance(pk.type, sa.Integer)
    mapping = id_maps.setdefault(table.name, {})
    copied = skipped = 0
    for n, row in enumerate(_rows(read, table), 1):
        values = dict(row._mapping)
        for column, target in refs.items():
            if values.get(column) is not None:
                values[column] = id_maps.get(target, {}).get(values[column], values[column])
        found = None
        if key:
            found = write.execute(
                sa.select(pk).where(*(table.c[k] == values[k] for k in key)).limit(1)
            ).scalar()
        if found is not None:
            mapping[row._mapping[pk.name]] = found
            skipped += 1
        else:
            old = values.pop(pk.name) if surrogate else None
            result = write.execute(table.insert().values(**values))
            if surrogate:
                key_row = result.inserted_primary_key
                mapping[old] = key_row[0] if key_row is not None else None
            copied += 1
        if progress and n % BATCH == 0:
            progress(table.name, n, total)
    if progress:
        progress(table.name, total, total)
    return copied, skipped


def _restart_sequences(conn: sa.Connection, tables: Sequence[sa.Table]) -> None:
    """Ids were copied as they were: each id sequence continues after the highest."""
    for table in tables:
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not isinstance(pk[0].type, sa.Integer):
            continue
        conn.execute(
            sa.text(
                "SELECT setval(pg_get_serial_sequence(:t, :c), "
                "COALESCE((SELECT MAX(" + f'"{pk[0].name}"' + ") FROM " + f'"{table.name}"'
                "), 0) + 1, false)"
            ),
            {"t": table.name, "c": pk[0].name},
        )
