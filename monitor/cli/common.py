"""What the monitor's commands share: the database from the settings, JSON out, times."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import click

from storage.db import Database, open_database


def open_db(ctx: Any) -> Database:
    return open_database(ctx.settings.db_path)


@contextmanager
def opened(ctx: Any) -> Iterator[Database]:
    """The configured database, closed afterwards (its errors are one line each)."""
    db = open_db(ctx)
    try:
        yield db
    finally:
        db.close()


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def now() -> datetime:
    return datetime.now(UTC)


def ago(iso: str | None, now: datetime) -> str:
    if not iso:
        return "-"
    try:
        delta = (datetime.fromisoformat(iso) - now).total_seconds()
    except ValueError:
        return iso
    minutes = int(abs(delta) // 60)
    text = f"{minutes} min" if minutes < 120 else f"{minutes // 60} h"
    return f"in {text}" if delta > 0 else ("due" if minutes < 1 else f"{text} ago")
