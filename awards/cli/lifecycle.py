"""``framewatch awards cycle use|archive|unarchive|delete``: which cycle is
current (stored in the database, so the UI and the CLI agree), and the end
of a cycle's life."""

from __future__ import annotations

import click

from awards import cycles, errors, lifecycle
from awards.cli.common import clean, cli_state, echo_json

_AS = click.option("--as", "who", metavar="NAME", help="Your name for the audit log.")
_JSON = click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")


@click.command("use")
@click.argument("ref", metavar="NAME|ID")
@_JSON
@_AS
def cycle_use(ref, as_json, who):
    """Make NAME|ID (a name, year or id) the current cycle.

    Every awards command without --cycle, the awards screen (F6) and the
    nominate dialog then use it."""
    st = cli_state(who, None)
    c, before = lifecycle.use_cycle(st.db, ref, who=st.who)
    if as_json:
        echo_json(
            {
                "current": c.to_json(),
                "before": before.to_json() if before is not None else None,
            }
        )
        return
    if before is not None and before.id == c.id:
        click.echo(clean(f"'{c.name}' is already the current cycle"))
    else:
        was = f" (was '{before.name}')" if before is not None else ""
        click.echo(clean(f"current cycle: '{c.name}'{was}"))


@click.command("archive")
@click.argument("ref", metavar="NAME|ID")
@_JSON
@_AS
def cycle_archive(ref, as_json, who):
    """Archive NAME|ID: read-only afterwards, hidden from 'cycle list' and
    the defaults (still readable with --cycle NAME|ID)."""
    st = cli_state(who, None)
    c, was_current = lifecycle.archive_cycle(st.db, ref, who=st.who)
    if as_json:
        echo_json({"cycle": c.to_json(), "was_current": was_current})
        return
    click.echo(
        clean(
            f"archived cycle #{c.id} '{c.name}': read-only from now on; "
            f"'cycle list --all' and --cycle {c.id} still show it"
        )
    )
    if was_current:
        now = lifecycle.current_id(st.db)
        click.echo(
            clean(
                f"it was the current cycle; commands now use '{cycles.cycle_by_id(st.db, now).name}' "
                "(the only open cycle)"
                if now is not None
                else "it was the current cycle; choose another with 'framewatch awards cycle use NAME|ID'"
            )
        )


@click.command("unarchive")
@click.argument("ref", metavar="NAME|ID")
@_JSON
@_AS
def cycle_unarchive(ref, as_json, who):
    """Open an archived cycle for changes again (it does not become current)."""
    st = cli_state(who, None)
    c = lifecycle.unarchive_cycle(st.db, ref, who=st.who)
    if as_json:
        echo_json({"cycle": c.to_json()})
        return
    click.echo(clean(f"unarchived cycle #{c.id} '{c.name}': it can be changed again"))


@click.command("delete")
@click.argument("ref", metavar="NAME|ID")
@click.option("--yes", is_flag=True, help="Delete without asking.")
@_JSON
@_AS
def cycle_delete(ref, yes, as_json, who):
    """Delete NAME|ID with its nominations, judges and recusals.

    Refused once anything is scored or decided (archive it instead): that is
    the record of the judging.  Asks first unless --yes; the audit log keeps
    every entry."""
    st = cli_state(who, None)
    c, noms, panel = lifecycle.contents(st.db, ref)
    if not yes:
        question = (
            f"Delete cycle '{clean(c.name)}' with {noms} nomination(s) and {panel} judge(s)? "
            "This cannot be undone"
        )
        try:
            ok = click.confirm(question, default=False, err=True)
        except click.exceptions.Abort:
            ok = False
        if not ok:
            raise errors.AwardsError(f"cycle '{c.name}' not deleted (answer y, or pass --yes)")
    gone = lifecycle.delete_cycle(st.db, c.name, who=st.who)
    if as_json:
        echo_json(gone.__dict__)
        return
    click.echo(
        clean(
            f"deleted cycle #{gone.id} '{gone.name}' ({gone.nominations} nomination(s), "
            f"{gone.judges} judge(s)); 'framewatch awards audit --all' keeps its history"
        )
    )


# added to the 'cycle' group by awards/cli/group.py
COMMANDS = (cycle_use, cycle_archive, cycle_unarchive, cycle_delete)
