"""``framewatch articles [show ID]``: what the monitor has stored.

The list and the article come from the review service (``monitor.review``),
the same queries the terminal UI's queue and review screen use.
"""

from __future__ import annotations

import click

from monitor.cli.common import echo_json, opened, shown


@click.group("articles", invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option(
    "--status",
    type=click.Choice(["new", "reviewed", "all"]),
    default="new",
    show_default=True,
    help="'new' includes articles whose review has started.",
)
@click.option("--feed", "feed_ref", default=None, help="Only this feed (id or URL).")
@click.option(
    "--all-relevance", is_flag=True, help="Include articles scored as not criminal justice."
)
@click.option("--search", default=None, help="Only articles whose headline or text contains this.")
@click.option("--limit", type=int, default=50, show_default=True)
@click.pass_context
def articles(
    cctx,
    as_json: bool,
    status: str,
    feed_ref: str | None,
    all_relevance: bool,
    search: str | None,
    limit: int,
) -> None:
    """List stored articles, newest first, with their flag counts.

    Counted as the review queue counts them: flags in the writer's own voice by
    severity (high, med, low), flags inside quotations apart (quoted), flags
    dismissed in review left out.
    """
    if cctx.invoked_subcommand is not None:
        return
    from monitor.feeds import find_feed
    from monitor.review.listing import article_list

    with opened(cctx.obj) as db:
        feed_id = find_feed(db, feed_ref).id if feed_ref else None
        listed = article_list(
            db,
            status=status,
            feed_id=feed_id,
            include_irrelevant=all_relevance,
            search=search,
            limit=limit,
        )
    items = [a.to_json() for a in listed]
    if as_json:
        echo_json(items)
        return
    if not items:
        click.echo("no articles match (try --status all or --all-relevance)")
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table()
    for col in ("id", "outlet", "headline", "story", "high", "med", "low", "quoted", "url"):
        table.add_column(col, overflow="fold")
    for a in items:
        table.add_row(
            str(a["id"]),
            escape(shown(a["outlet"])),
            escape(shown(a["title"])),
            str(a["story_id"] or "-"),
            str(a["flags"]["high"]),
            str(a["flags"]["medium"]),
            str(a["flags"]["low"]),
            str(a["flags"]["quoted"]),
            escape(shown(a["url"])),
        )
    Console().print(table)


def _show_data(art) -> dict:
    from monitor.relevance import score

    flag_items = [
        {
            "id": f.id,
            "field": f.field,
            "start": f.start,
            "end": f.end,
            "text": f.text,
            "entry": f.entry,
            "category": f.category,
            "severity": f.severity,
            "quoted": f.quoted,
            "suggestions": list(f.suggestions),
            "rewrite": f.rewrite,
            # as in `framewatch check --json`: the legal status read for the person
            "status": f.status,
            "status_cue": f.status_cue,
            "decision": f.decision,
            "reason": f.reason,
            "note": f.note,
            "lexicon_state": f.lexicon_state,
            "previous": dict(f.previous) or None,
        }
        for f in art.flags
    ]
    return {
        "id": art.id,
        "outlet": art.outlet,
        "title": art.title,
        "url": art.url,
        "author": art.author,
        "published_at": art.published_at,
        "published_claimed": art.published_claimed,
        "fetched_at": art.fetched_at,
        "story_id": art.story_id,
        "same_story": [dict(id=c.article_id, outlet=c.outlet, title=c.title) for c in art.copies],
        "relevance": art.relevance,
        "relevant": art.relevant,
        "relevance_terms": score(art.title, art.text).explain(),
        "status": art.status,
        "text_source": art.text_source,
        "extract_note": art.extract_note,
        "model": art.model,
        "analysed_at": art.analysed_at,
        "text": art.text,
        "flags": flag_items,
    }


@articles.command("show")
@click.argument("article_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_obj
def show_cmd(ctx, article_id: int, as_json: bool) -> None:
    """Show one article's text and its flags."""
    from monitor.review.article import get_article

    with opened(ctx) as db:
        art = get_article(db, article_id)
    data = _show_data(art)
    if as_json:
        echo_json(data)
        return
    from rich.console import Console
    from rich.markup import escape

    console = Console()
    console.print(f"[bold]{escape(shown(art.title))}[/bold]")
    when = shown(art.published_at or art.fetched_at)
    if art.published_claimed:
        when += f" (the feed said {shown(art.published_claimed)})"
    console.print(f"{escape(shown(art.outlet))} - {escape(when)} - {escape(shown(art.url))}")
    note = f" ({escape(shown(art.extract_note))})" if art.extract_note else ""
    console.print(
        f"story {art.story_id} ({len(art.copies)} other copies) - relevance "
        f"{escape(shown(data['relevance_terms']))} - text: {art.text_source}{note}"
    )
    console.print()
    console.print(escape(shown(art.text)), soft_wrap=True)
    console.print()
    if not data["flags"]:
        console.print("no flags" + ("" if art.analysed_at else " (not analysed yet)"))
    for f in data["flags"]:
        line = f"[{f['severity']}] {shown(f['text'])} ({f['entry']}, {f['category']})"
        if f["field"] == "title":
            line += " in the headline"
        if f["quoted"]:
            line += " in a quotation"
        if f["suggestions"]:
            line += " -> " + ", ".join(shown(s) for s in f["suggestions"])
        if f["decision"] != "pending":
            line += f" [{f['decision']}]"
        flag = next(x for x in art.flags if x.id == f["id"])
        if flag.lexicon_note:
            line += f" [{flag.lexicon_state}: {flag.lexicon_note}]"
        console.print(line, highlight=False, markup=False)
