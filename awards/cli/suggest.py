"""``framewatch awards suggest``: coverage worth inviting nominations for."""

from __future__ import annotations

import click

from awards import suggest as suggest_service
from awards.cli.common import clean, cli_state, common_options, echo_json, json_option, table


@click.command("suggest")
@click.option("--category", metavar="C", help="Leave out articles already nominated in C only.")
@click.option("--limit", type=click.IntRange(1, 500), default=20, show_default=True)
@json_option
@common_options
def suggest(category, limit, as_json, who, cycle_ref):
    """Rank the cycle's eligible, not yet nominated articles by their constructive
    profile (monitor articles published in the window), each with its reasons."""
    st = cli_state(who, cycle_ref)
    c = st.cycle()
    found = suggest_service.suggest(st.db, c, category=category, limit=limit)
    if as_json:
        echo_json(
            {"cycle": c.name, "category": category, "suggestions": [s.to_json() for s in found]}
        )
        return
    scope = f" not yet nominated in {category}" if category else " not yet nominated"
    if not found:
        click.echo(
            clean(
                f"{st.label(c)}: no profiled articles published {c.window_start} to "
                f"{c.window_end}{scope}"
            )
        )
        return
    table(
        f"{st.label(c)}: {len(found)} suggestion(s){scope}, best first",
        ["article", "score", "published", "outlet", "headline", "why"],
        [
            [
                f"{s.article_id}",
                f"{s.score}",
                s.published_on,
                s.outlet,
                s.title,
                "\n".join(s.reasons[:4]),
            ]
            for s in found
        ],
    )
    click.echo("nominate one with: framewatch awards nominate --article ID --category C ...")
