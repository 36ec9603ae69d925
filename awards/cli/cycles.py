"""``framewatch awards cycle new|edit|list``: award cycles (``use``,
``archive``, ``unarchive`` and ``delete`` are in ``awards/cli/lifecycle.py``)."""

from __future__ import annotations

import click

from awards import (
    cycles,
    errors,
    lifecycle,
    model,
    rules,
)
from awards.cli.common import (
    clean,
    cli_state,
    common_options,
    echo_json,
)


@click.group()
def cycle() -> None:
    """Create, list, choose, archive and delete award cycles.

    Commands that name no cycle (--cycle) use the current one: set it with
    'cycle use'.  Creating a cycle never changes which one is current."""


@cycle.command("new")
@click.argument("year", type=click.IntRange(1900, 2200))
@click.option("--name", help="Default: 'Media Awards YEAR'.")
@click.option(
    "--window-start", metavar="DATE", help="First eligible publication date (default: 1 Jan)."
)
@click.option(
    "--window-end", metavar="DATE", help="Last eligible publication date (default: 31 Dec)."
)
@click.option(
    "--category",
    "categories",
    multiple=True,
    help="Repeat for each category (default: the CJA three).",
)
@click.option(
    "--criterion",
    "criteria",
    multiple=True,
    help="Repeat for each criterion (default: the CJA five).",
)
@click.option("--scale", default="1-5", show_default=True, metavar="LOW-HIGH")
@click.option(
    "--max-items",
    type=int,
    default=rules.DEFAULT_MAX_ITEMS,
    show_default=True,
    help="Items per nominee per cycle.",
)
@click.option(
    "--max-words",
    type=int,
    default=rules.DEFAULT_MAX_CITATION_WORDS,
    show_default=True,
    help="Citation word limit.",
)
@click.option(
    "--shortlist-target", type=int, default=rules.DEFAULT_SHORTLIST_TARGET, show_default=True
)
@click.option(
    "--highly-commended",
    "highly_commended",
    type=click.IntRange(0),
    default=rules.DEFAULT_HIGHLY_COMMENDED_MAX,
    show_default=True,
    help="Highly commended allowed per category (one winner per category).",
)
@click.option(
    "--use",
    "make_current",
    is_flag=True,
    help="Make it the current cycle (otherwise the current one stays).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the cycle as JSON.")
@click.option("--as", "who", metavar="NAME", help="Your name for the audit log.")
def cycle_new(
    year,
    name,
    window_start,
    window_end,
    categories,
    criteria,
    scale,
    max_items,
    max_words,
    shortlist_target,
    highly_commended,
    make_current,
    as_json,
    who,
):
    """Create the award cycle for YEAR.

    It becomes the current cycle if it is the only open one, or with --use;
    otherwise the current cycle stays as it is."""
    st = cli_state(who, None)
    try:
        lo, hi = (int(x) for x in scale.split("-", 1))
    except ValueError as exc:
        raise errors.AwardsError(f"--scale '{scale}': use LOW-HIGH, e.g. 1-5") from exc
    c = cycles.create_cycle(
        st.db,
        year=year,
        who=st.who,
        name=name,
        window_start=window_start,
        window_end=window_end,
        categories=categories or None,
        criteria=criteria or None,
        scale=(lo, hi),
        max_items=max_items,
        max_citation_words=max_words,
        shortlist_target=shortlist_target,
        highly_commended_max=highly_commended,
        make_current=make_current,
    )
    current = lifecycle.current_id(st.db)
    if as_json:
        echo_json({**c.to_json(), "current": current == c.id})
        return
    click.echo(
        clean(
            f"created cycle #{c.id} '{c.name}': window {c.window_start} to {c.window_end}, "
            f"{len(c.categories)} categories, {len(c.criteria)} criteria ({lo}-{hi})"
        )
    )
    if current == c.id:
        click.echo(clean(f"'{c.name}' is now the current cycle"))
    elif current is not None:
        now = cycles.cycle_by_id(st.db, current)
        click.echo(
            clean(
                f"the current cycle is still '{now.name}' "
                f"(switch with 'framewatch awards cycle use {c.id}')"
            )
        )
    else:
        click.echo("no cycle is current: choose one with 'framewatch awards cycle use NAME|ID'")


@cycle.command("edit")
@click.option("--name", help="A new name for the cycle.")
@click.option("--window-start", metavar="DATE", help="First eligible publication date.")
@click.option("--window-end", metavar="DATE", help="Last eligible publication date.")
@click.option(
    "--add-category", "add", multiple=True, metavar="NAME", help="Repeat for each new category."
)
@click.option(
    "--rename-category",
    "rename",
    multiple=True,
    metavar="OLD=NEW",
    help="Rename a category; its nominations move with it.",
)
@click.option(
    "--remove-category",
    "remove",
    multiple=True,
    metavar="NAME",
    help="Remove a category that holds no nominations.",
)
@click.option("--max-items", type=int, help="Items per nominee per cycle.")
@click.option("--max-words", type=int, help="Citation word limit.")
@click.option("--shortlist-target", type=int)
@click.option(
    "--highly-commended",
    "highly_commended",
    type=int,
    help="Highly commended allowed per category (not below what a category has).",
)
@click.option("--json", "as_json", is_flag=True)
@common_options
def cycle_edit(
    name,
    window_start,
    window_end,
    add,
    rename,
    remove,
    max_items,
    max_words,
    shortlist_target,
    highly_commended,
    as_json,
    who,
    cycle_ref,
):
    """Change a cycle's name, window, categories or limits (the current
    cycle, or --cycle).

    Every nomination's eligibility is then judged again under the new rules
    (overridden ones stay overridden), and each change is listed and audited.
    Criteria and the scoring scale cannot change: scores are entered in them.
    """
    renames = {}
    for pair in rename:
        before, sep, after = pair.partition("=")
        if not sep or not before.strip() or not after.strip():
            raise click.BadParameter(f"'{pair}': use OLD=NEW", param_hint="--rename-category")
        renames[before] = after
    st = cli_state(who, cycle_ref)
    c, changes = cycles.edit_cycle(
        st.db,
        st.cycle().id,
        who=st.who,
        name=name,
        window_start=window_start,
        window_end=window_end,
        add_categories=add,
        rename_categories=renames,
        remove_categories=remove,
        max_items=max_items,
        max_citation_words=max_words,
        shortlist_target=shortlist_target,
        highly_commended_max=highly_commended,
    )
    if as_json:
        echo_json(
            {
                "cycle": c.to_json(),
                "reassessed": [
                    {
                        "nomination": r.nomination_id,
                        "before": r.before,
                        "after": r.after,
                        "reasons": [x.to_json() for x in r.reasons],
                        "taken_off_shortlist": r.unshortlisted,
                        "decision_cleared": r.decision_cleared,
                    }
                    for r in changes
                ],
            }
        )
        return
    click.echo(
        f"updated cycle #{c.id} '{clean(c.name)}': window {c.window_start} to {c.window_end}; "
        f"categories: {clean(', '.join(c.categories))}; "
        f"up to {c.highly_commended_max} highly commended per category"
    )
    for r in changes:
        click.echo(f"  {reassessed_line(r)}")
    if not changes:
        click.echo("  no nomination's eligibility changed")


def reassessed_line(r: model.Reassessed) -> str:
    """One nomination whose eligibility was judged again, and what that did
    to its place on the shortlist (see ``awards.cycles.reassess``)."""
    why = "; ".join(x.message for x in r.reasons) or "meets every rule now"
    change = r.before if r.before == r.after else f"{r.before} -> {r.after}"
    line = f"#{r.nomination_id} {r.title}: {change} ({why})"
    if r.unshortlisted:
        line += "; taken off the shortlist, back to the longlist"
        if r.decision_cleared:
            label = rules.DECISION_LABELS.get(r.decision_cleared, r.decision_cleared)
            line += f", and its decision ({label}) cleared"
        line += (
            f" ('framewatch awards override {r.nomination_id} --reason REASON', then "
            f"'framewatch awards shortlist move {r.nomination_id} --to shortlist' puts it back)"
        )
    return clean(line)


@cycle.command("list")
@click.option("--all", "show_all", is_flag=True, help="Archived cycles too.")
@click.option("--json", "as_json", is_flag=True)
def cycle_list(show_all, as_json):
    """List award cycles; * marks the current one (archived ones with --all)."""
    st = cli_state(None, None)
    found = cycles.list_cycles(st.db, archived=show_all)
    current = lifecycle.current_id(st.db)
    if as_json:
        echo_json([{**c.to_json(), "current": c.id == current} for c in found])
        return
    if not found:
        click.echo(
            "no award cycles yet"
            if show_all
            else "no open award cycles (--all lists archived ones)"
        )
    for c in found:
        mark = "*" if c.id == current else " "
        state = " (current)" if c.id == current else " (archived)" if c.archived else ""
        click.echo(
            clean(
                f"{mark} #{c.id} {c.name}{state}: window {c.window_start} to {c.window_end}; "
                f"categories: {', '.join(c.categories)}"
            )
        )
    if current is None and found:
        click.echo("no cycle is current: choose one with 'framewatch awards cycle use NAME|ID'")
