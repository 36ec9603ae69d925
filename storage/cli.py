"""``framewatch db``: which database, at which schema, and moving one to another.

Beside the code it drives (as ``monitor/cli`` and ``awards/cli`` are): the
status, the migrations and the copy are the storage layer's own business.
Databases are named as the user gave them, a server's password masked.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from core.errors import FramewatchError
from storage import transfer
from storage.db import Database, display_url, migrate_schema, open_database


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@click.group("db")
def db() -> None:
    """The database: its status, its migrations, copying it to another.

    A database is a SQLite file (the default) or a PostgreSQL server's URL
    (postgresql://user:password@host/dbname), set by --db, FRAMEWATCH_DB or
    [database] url in the config.
    """


@db.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def status_cmd(ctx: Any, as_json: bool) -> None:
    """The engine, the schema version and the rows in each table (changes nothing)."""
    database = open_database(ctx.settings.db_path, migrate=False)
    try:
        st = transfer.status(database)
    finally:
        database.close()
    if as_json:
        _echo_json(
            {
                "database": st.location,
                "engine": st.dialect,
                "schema": list(st.revisions),
                "expected": list(st.expected),
                "state": st.state,
                "counts": st.counts,
            }
        )
        return
    click.echo(f"database: {st.location}")
    click.echo(f"engine:   {st.dialect}")
    click.echo(f"schema:   {', '.join(st.revisions) or '-'} ({st.state})")
    for name, n in st.counts.items():
        click.echo(f"  {name:<20} {n:>9}")


@db.command("migrate")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def migrate_cmd(ctx: Any, as_json: bool) -> None:
    """Bring the schema up to this Framewatch's (the same migrations on SQLite and PostgreSQL).

    Every command migrates on opening; this does it on its own, e.g. once
    for a team server before anyone connects.
    """
    database = open_database(ctx.settings.db_path, migrate=False)
    try:
        before = transfer.status(database).revisions
        migrate_schema(database)
        after = transfer.status(database)
    finally:
        database.close()
    changed = tuple(before) != after.revisions
    if as_json:
        _echo_json(
            {
                "database": after.location,
                "from": list(before),
                "to": list(after.revisions),
                "changed": changed,
            }
        )
    elif changed:
        click.echo(
            f"{after.location}: migrated from {', '.join(before) or 'nothing'} "
            f"to {', '.join(after.revisions)}"
        )
    else:
        click.echo(f"{after.location}: already up to date ({', '.join(after.revisions)})")


def _open(target: str) -> Database:
    return open_database(target)


@db.command("copy")
@click.argument("src")
@click.argument("dst")
@click.option(
    "--append",
    is_flag=True,
    help="Add to a destination that holds data, skipping rows it has already "
    "(matched as the monitor de-duplicates: feed URL, article address, flag occurrence ...).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def copy_cmd(src: str, dst: str, append: bool, as_json: bool) -> None:
    """Copy every row of SRC into DST (files or postgresql:// URLs), then
    compare rows and a checksum per table.

    DST is created and migrated if need be; one that holds anything is
    refused unless --append.  Leases (who runs the monitor, who has an
    article open) are not copied.  Exits 1 when any table does not match.
    """
    if display_url(src) == display_url(dst):
        raise FramewatchError(f"{display_url(dst)}: the source and destination are the same")
    if "://" not in src and not Path(src).expanduser().is_file():
        # opening it would create an empty database and copy nothing, "successfully"
        raise FramewatchError(f"{src}: no such database file (the source must exist)")
    source = _open(src)
    try:
        target = _open(dst)
    except BaseException:
        source.close()
        raise
    try:
        from rich.console import Console
        from rich.progress import Progress

        console = Console(stderr=True)
        # progress only on a terminal: a script's stderr gets the one-line errors alone
        with Progress(console=console, transient=True, disable=not console.is_terminal) as bar:
            task = bar.add_task("Copying", total=None)

            def progress(table: str, done: int, total: int) -> None:
                bar.update(task, description=f"Copying {table}", completed=done, total=total)

            try:
                tables = transfer.copy(source, target, append=append, progress=progress)
            except transfer.NotEmptyError as exc:
                raise FramewatchError(
                    f"{target.location}: not empty ({exc}); copy into an empty database, "
                    "or add --append to add only what it lacks"
                ) from exc
    finally:
        source.close()
        target.close()
    ok = all(t.ok for t in tables)
    if as_json:
        _echo_json(
            {
                "source": display_url(src),
                "destination": display_url(dst),
                "append": append,
                "ok": ok,
                "tables": [
                    {
                        "table": t.table,
                        "source_rows": t.source_rows,
                        "copied": t.copied,
                        "skipped": t.skipped,
                        "destination_rows": t.destination_rows,
                        "source_checksum": t.source_checksum,
                        "destination_checksum": t.destination_checksum,
                        "ok": t.ok,
                    }
                    for t in tables
                ],
            }
        )
    else:
        click.echo(f"{display_url(src)} -> {display_url(dst)}")
        click.echo(
            f"  {'table':<18} {'source':>8} {'copied':>8} {'skipped':>8} {'dest':>8}  "
            f"{'checksum (source)':<17} {'checksum (dest)':<17}"
        )
        for t in tables:
            mark = "ok" if t.ok else "MISMATCH"
            click.echo(
                f"  {t.table:<18} {t.source_rows:>8} {t.copied:>8} {t.skipped:>8} "
                f"{t.destination_rows:>8}  {t.source_checksum:<17} {t.destination_checksum:<17} "
                f"{mark}"
            )
        click.echo("every table matches" if ok else "some tables do not match: see MISMATCH")
    if not ok:
        raise click.exceptions.Exit(1)
