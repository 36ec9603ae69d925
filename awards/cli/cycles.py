"""``framewatch awards cycle new|edit|list``: award cycles."""

from __future__ import annotations

import click

from awards import (
    cycles,
    errors,
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
    """Create and list award cycles."""


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
    as_json,
    who,
):
    """Create the award cycle for YEAR."""
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
    )
    if as_json:
        echo_json(c.to_json())
    else:
        click.echo(
            f"created cycle #{c.id} '{c.name}': window {c.window_start} to {c.window_end}, "
            f"{len(c.categories)} categories, {len(c.criteria)} criteria ({lo}-{hi})"
        )


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
    as_json,
    who,
    cycle_ref,
):
    """Change a cycle's name, window, categories or limits.

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
                    }
                    for r in changes
                ],
            }
        )
        return
    click.echo(
        f"updated cycle #{c.id} '{clean(c.name)}': window {c.window_start} to {c.window_end}; "
        f"categories: {clean(', '.join(c.categories))}"
    )
    for r in changes:
        why = "; ".join(x.message for x in r.reasons) or "meets every rule now"
        click.echo(f"  #{r.nomination_id} {clean(r.title)}: {r.before} -> {r.after} ({clean(why)})")
    if not changes:
        click.echo("  no nomination's eligibility changed")


@cycle.command("list")
@click.option("--json", "as_json", is_flag=True)
def cycle_list(as_json):
    """List award cycles."""
    st = cli_state(None, None)
    found = cycles.list_cycles(st.db)
    if as_json:
        echo_json([c.to_json() for c in found])
        return
    if not found:
        click.echo("no award cycles yet")
    for c in found:
        click.echo(
            f"#{c.id} {c.name}: window {c.window_start} to {c.window_end}; "
            f"categories: {', '.join(c.categories)}"
        )
