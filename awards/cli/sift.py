"""``framewatch awards shortlist [show|move]`` and ``decide``: the sift and the panel's decisions."""

from __future__ import annotations

import click

from awards import (
    cycles,
    nominations,
    rules,
    sift,
)
from awards.cli.common import (
    clean,
    cli_state,
    common_options,
    echo_json,
    nom_line,
)


@click.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True)
@common_options
@click.pass_context
def shortlist(ctx, as_json, who, cycle_ref):
    """Show the lists per category against the shortlist target (or 'move')."""
    if ctx.invoked_subcommand is not None:
        return
    ctx.invoke(shortlist_show, as_json=as_json, who=who, cycle_ref=cycle_ref)


@shortlist.command("show")
@click.option("--json", "as_json", is_flag=True)
@common_options
def shortlist_show(as_json, who, cycle_ref):
    """Per category: shortlisted pieces and the count against the target."""
    st = cli_state(who, cycle_ref)
    c = st.cycle()
    noms = nominations.list_nominations(st.db, c.id)
    prog = cycles.progress_from(c, noms)
    if as_json:
        echo_json(
            {
                "cycle": c.name,
                "categories": [
                    {
                        **p.__dict__,
                        "nominations": [n.to_json() for n in noms if n.category == p.category],
                    }
                    for p in prog
                ],
            }
        )
        return
    for p in prog:
        click.echo(
            clean(
                f"{p.category}: {p.shortlist}/{p.target} shortlisted, "
                f"{p.longlist} on the longlist, {p.declined} declined"
            )
        )
        for n in noms:
            if n.category == p.category and n.stage != "declined":
                click.echo(clean(f"  {nom_line(n)}"))


@shortlist.command("move")
@click.argument("nomination", type=int)
@click.option("--to", "to", required=True, type=click.Choice(rules.STAGES))
@click.option("--reason", default="", help="Required when declining.")
@common_options
def shortlist_move(nomination, to, reason, who, cycle_ref):
    """Move NOMINATION to the longlist, shortlist or declined."""
    st = cli_state(who, cycle_ref)
    n = sift.move(st.db, nomination, to, reason, who=st.who)
    click.echo(clean(f"#{n.id} moved to the {n.stage}" + (f": {reason}" if reason else "")))


@click.command()
@click.argument("nomination", type=int)
@click.argument("decision", type=click.Choice([d for d in rules.DECISIONS if d]))
@click.option("--note", default="")
@common_options
def decide(nomination, decision, note, who, cycle_ref):
    """Record the final decision for NOMINATION (the decision log)."""
    st = cli_state(who, cycle_ref)
    n = sift.decide(st.db, nomination, decision, note, who=st.who)
    click.echo(f"#{n.id}: {n.decision}")
