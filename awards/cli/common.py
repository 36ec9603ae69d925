"""What the awards commands share: the cycle and the acting name from the
options, the database and the engine from the settings, tables and JSON out."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from awards import (
    common,
    cycles,
    errors,
    lifecycle,
    model,
    nominations,
)


class State:
    def __init__(self, ctx_obj, who: str | None, cycle: str | None):
        self.obj, self.who_flag, self.cycle_ref = ctx_obj, who, cycle
        self._db = None

    @property
    def settings(self):
        return self.obj.settings

    @property
    def db(self):
        if self._db is None:
            from storage.db import open_database

            self._db = open_database(self.settings.db_path)
        return self._db

    @property
    def who(self) -> str:
        return common.default_who(self.who_flag or self.settings.ui.reviewer)

    def cycle(self) -> model.Cycle:
        """The cycle named by --cycle, else the current one (never just the newest)."""
        return cycles.get_cycle(self.db, self.cycle_ref)

    def cycle_of(self, nomination_id: int) -> model.Cycle:
        """The cycle a nomination belongs to; a --cycle naming another is refused."""
        c = cycles.cycle_by_id(self.db, nominations.get_nomination(self.db, nomination_id).cycle_id)
        if self.cycle_ref and cycles.get_cycle(self.db, self.cycle_ref).id != c.id:
            named = cycles.get_cycle(self.db, self.cycle_ref)
            raise errors.AwardsError(f"#{nomination_id} is in {c.name}, not in {named.name}")
        return c

    def label(self, c: model.Cycle) -> str:
        """The cycle's name and whether it is the current one, for every output."""
        if c.archived:
            return f"{c.name} (archived)"
        if c.id == lifecycle.current_id(self.db):
            return f"{c.name} (current cycle)"
        return f"{c.name} (not the current cycle)"

    def engine(self):
        try:
            from framing import engine_from_settings
        except ImportError:
            return None
        return engine_from_settings(self.settings)


def common_options(f):
    f = click.option(
        "--cycle",
        "cycle_ref",
        metavar="CYCLE",
        help="Cycle name, year or id (default: the current cycle, see 'cycle use').",
    )(f)
    f = click.option(
        "--as",
        "who",
        metavar="NAME",
        help="Your name for the audit log (default: ui.reviewer, FRAMEWATCH_REVIEWER, OS user).",
    )(f)
    return f


def cli_state(who, cycle_ref) -> State:
    return State(click.get_current_context().find_root().obj, who, cycle_ref)


def echo_json(data) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


def clean(text: str) -> str:
    """Terminal escape sequences in stored text must not reach the terminal."""
    return "".join(ch if ch.isprintable() or ch == "\n" else "?" for ch in str(text))


def table(title: str, columns: list[str], rows: list[list]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    # The title on its own line (a table title wraps to the table's width);
    # Text() cells: stored titles and citations are data, never rich markup.
    click.echo(clean(title))
    t = Table()
    for c in columns:
        t.add_column(c, overflow="fold")  # a narrow terminal folds cells, never elides them
    for r in rows:
        t.add_row(*[Text(clean("" if v is None else v)) for v in r])
    Console(highlight=False).print(t)


def read_text(path: str | None, what: str) -> str:
    if not path:
        return ""
    try:
        data = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise errors.AwardsError(
            f"{path}: cannot read {what} ({getattr(exc, 'strerror', None) or exc})"
        ) from exc
    return data


def json_option(f):
    return click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")(f)


def nom_line(n: model.Nomination) -> str:
    return f"#{n.id} [{n.category}] {n.title} - {n.nominee} ({n.stage}, {n.eligibility})"
