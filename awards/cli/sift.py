"""``framewatch awards shortlist [show|move]`` and ``decide``: the sift and the panel's decisions."""

from __future__ import annotations

import click

from awards import (
    cycles,
    judging,
    nominations,
    rules,
    sift,
)
from awards.cli.common import (
    clean,
    cli_state,
    common_options,
    echo_json,
    json_option,
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
                "cycle_id": c.id,
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
    click.echo(clean(f"{st.label(c)}: the sift"))
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
@json_option
@common_options
def shortlist_move(nomination, to, reason, as_json, who, cycle_ref):
    """Move NOMINATION to the longlist, shortlist or declined.

    Only shortlisted entries are judged and ranked; an entry moved off the
    shortlist keeps its score sheets, uncounted."""
    st = cli_state(who, cycle_ref)
    c = st.cycle_of(nomination)
    n = sift.move(st.db, nomination, to, reason, who=st.who)
    kept = sum(1 for s in judging.list_sheets(st.db, c.id) if s.nomination_id == n.id and s.scores)
    if as_json:
        echo_json({**n.to_json(), "sheets_kept_uncounted": kept if to != "shortlist" else 0})
        return
    click.echo(
        clean(
            f"#{n.id} {rules.moved_to(n.stage)} in {st.label(c)}"
            + (f": {reason}" if reason else "")
        )
    )
    if kept and to != "shortlist":
        click.echo(
            f"  its {kept} score sheet(s) are kept but not counted while it is off the shortlist"
        )


@click.command()
@click.argument("nomination", type=int)
@click.argument("decision", type=click.Choice([*(d for d in rules.DECISIONS if d), "none"]))
@click.option("--note", default="")
@json_option
@common_options
def decide(nomination, decision, note, as_json, who, cycle_ref):
    """Record the final decision for NOMINATION (the decision log); 'none' clears it.

    \b
    Only a shortlisted entry in one of the cycle's categories can receive a
    decision; each category has one winner and at most the cycle's number of
    highly commended (cycle edit --highly-commended N)."""
    st = cli_state(who, cycle_ref)
    c = st.cycle_of(nomination)
    n = sift.decide(st.db, nomination, decision, note, who=st.who)
    stage = rules.DECISION_LABELS.get(n.decision, "no decision")
    ranked = [r for r in judging.results(st.db, c.id) if r.nomination.category == n.category]
    mine = next((r for r in ranked if r.nomination.id == n.id), None)
    if as_json:
        echo_json(
            {
                **n.to_json(),
                "cycle": c.name,
                "stage": stage,
                "rank": mine.rank if mine else None,
            }
        )
        return
    what = {
        "winner": f"the winner of {n.category}",
        "highly-commended": f"highly commended in {n.category}",
    }.get(n.decision, f"{stage} in {n.category}")
    click.echo(clean(f"#{n.id} {n.title}: {what}, {st.label(c)}"))
    top = ranked[0] if ranked else None
    if (
        n.decision == "winner"
        and top is not None
        and top.rank is not None
        and top.nomination.id != n.id
    ):
        place = mine.rank_label if mine and mine.rank is not None else "unranked"
        click.echo(
            clean(
                f"  note: on the judges' means #{n.id} ranks {place}; "
                f"#{top.nomination.id} ranks {top.rank_label}"
            )
        )
