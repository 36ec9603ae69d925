"""``framewatch awards export`` and ``audit``: the files and the audit trail."""

from __future__ import annotations

import json

import click

from awards import (
    audit,
    exports,
)
from awards.cli.common import (
    clean,
    cli_state,
    common_options,
    echo_json,
)


@click.command("export")
@click.argument("kind", type=click.Choice(exports.KINDS))
@click.argument("path", type=click.Path())
@click.option(
    "--judge", "judge_name", help="judge-pack: this judge only (else one file per judge in PATH)."
)
@click.option("--json", "as_json", is_flag=True, help="Print the files written as JSON.")
@common_options
def export_cmd(kind, path, judge_name, as_json, who, cycle_ref):
    """Export KIND to PATH: shortlist-csv, shortlist-md, judge-pack, scores, recusals, audit."""
    st = cli_state(who, cycle_ref)
    c = st.cycle()
    written = exports.export(st.db, c.id, kind, path, judge=judge_name)
    if as_json:
        echo_json({"cycle": c.name, "kind": kind, "written": [str(f) for f in written]})
        return
    for f in written:
        click.echo(clean(f"wrote {f} ({st.label(c)})"))


@click.command("audit")
@click.option(
    "--all", "every", is_flag=True, help="Every cycle's entries, deleted cycles' included."
)
@click.option("--json", "as_json", is_flag=True)
@common_options
def audit_cmd(every, as_json, who, cycle_ref):
    """Show the audit log: who changed what, when."""
    st = cli_state(who, cycle_ref)
    c = None if every else st.cycle()
    entries = audit.audit_log(st.db, c.id if c is not None else None)
    if as_json:
        echo_json([e.to_json() for e in entries])
        return
    click.echo(
        clean(f"{st.label(c) if c is not None else 'every cycle'}: {len(entries)} audit entries")
    )
    for e in entries:
        click.echo(
            clean(
                f"{e.at} {e.who} {e.action} {e.entity}#{e.entity_id} "
                f"{json.dumps(e.details, ensure_ascii=False)}"
            )
        )
