"""``framewatch monitor ...`` (feeds, passes, the long-running loop) and
``framewatch articles ...`` (what the monitor has stored)."""

from __future__ import annotations

import json
import signal
import threading
import time
from contextlib import contextmanager
from datetime import UTC, datetime

import click
import sqlalchemy as sa

from core.errors import FramewatchError
from storage.db import open_database
from storage.errors import DatabaseError, describe_db_error


def _db(ctx):
    return open_database(ctx.settings.db_path)


@contextmanager
def _database(ctx, write: bool = True):
    """Open the database, and turn any SQL failure into one line naming it."""
    db = _db(ctx)
    try:
        with db.transaction() if write else db.read() as conn:
            yield conn
    finally:
        db.close()


def _echo_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


# ---------------------------------------------------------------------------- monitor
@click.group("monitor")
def monitor() -> None:
    """Collect criminal justice news from RSS/Atom feeds.

    Feeds are polled politely (per-host delays, conditional GET, back-off on
    errors); new articles are extracted, scored for relevance, grouped into
    stories and checked by the language engine.
    """


@monitor.command("add")
@click.argument("url")
@click.option(
    "--name", default="", help="Outlet name shown in lists (default: the feed's own title)."
)
@click.pass_obj
def add_cmd(ctx, url: str, name: str) -> None:
    """Start monitoring the feed at URL."""
    from monitor.feeds import add_feed

    with _database(ctx) as conn:
        feed_id = add_feed(conn, url, name=name)
    click.echo(f"added feed {feed_id}: {url}")


@monitor.command("remove")
@click.argument("feed")
@click.pass_obj
def remove_cmd(ctx, feed: str) -> None:
    """Stop monitoring FEED (its id or exact URL). Stored articles are kept."""
    from monitor.feeds import remove_feed

    with _database(ctx) as conn:
        url = remove_feed(conn, feed)
    click.echo(f"removed feed: {url} (its articles stay in the database)")


def _now() -> datetime:
    return datetime.now(UTC)


def _ago(iso: str | None, now: datetime) -> str:
    if not iso:
        return "-"
    try:
        delta = (datetime.fromisoformat(iso) - now).total_seconds()
    except ValueError:
        return iso
    minutes = int(abs(delta) // 60)
    text = f"{minutes} min" if minutes < 120 else f"{minutes // 60} h"
    return f"in {text}" if delta > 0 else ("due" if minutes < 1 else f"{text} ago")


@monitor.command("list")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_obj
def list_cmd(ctx, as_json: bool) -> None:
    """List feeds with their last status, error and next fetch."""
    from rich.console import Console
    from rich.table import Table

    from monitor.feeds import list_feeds

    with _database(ctx, write=False) as conn:
        rows = list_feeds(conn)
    if as_json:
        _echo_json([r.to_json() for r in rows])
        return
    if not rows:
        click.echo(
            "no feeds yet: add one with 'framewatch monitor add URL' or 'framewatch monitor defaults'"
        )
        return
    now = _now()
    table = Table(show_lines=False)
    for col in ("id", "name", "articles", "last status", "next fetch", "url"):
        table.add_column(col, overflow="fold")
    from rich.markup import escape

    for r in rows:
        if r.last_error_kind:
            status = f"[red]{escape(r.last_error_kind)}[/red] x{r.failures}: {escape(r.last_error or '')}"
        elif r.last_status is not None:
            status = f"ok ({r.last_status})"
            if r.parse_problem:
                status += f" [yellow]ill-formed: {escape(r.parse_problem)}[/yellow]"
        else:
            status = "not fetched yet"
        name = escape(r.name or "-") + ("" if r.verified else " [dim](unverified)[/dim]")
        table.add_row(
            str(r.id), name, str(r.articles), status, _ago(r.next_fetch_at, now), escape(r.url)
        )
    Console().print(table)


@monitor.command("import-opml")
@click.argument("file", type=click.Path(dir_okay=False))
@click.pass_obj
def import_cmd(ctx, file: str) -> None:
    """Add every feed listed in an OPML FILE (as exported by feed readers)."""
    from monitor.feeds import import_opml

    with _database(ctx) as conn:
        added, skipped = import_opml(conn, file)
    for line in skipped:
        click.echo(f"skipped: {line}", err=True)
    click.echo(
        f"imported {added} feeds from {file}" + (f", skipped {len(skipped)}" if skipped else "")
    )


@monitor.command("export-opml")
@click.argument("file", type=click.Path(dir_okay=False))
@click.pass_obj
def export_cmd(ctx, file: str) -> None:
    """Write all feeds to an OPML 2.0 FILE."""
    from monitor.feeds import export_opml

    with _database(ctx, write=False) as conn:
        n = export_opml(conn, file)
    click.echo(f"exported {n} feeds to {file}")


@monitor.command("defaults")
@click.pass_obj
def defaults_cmd(ctx) -> None:
    """Add the shipped list of UK criminal justice feeds (marked unverified)."""
    from monitor.feeds import add_defaults

    with _database(ctx) as conn:
        added, present = add_defaults(conn)
    click.echo(
        f"added {added} default feeds ({present} already present); "
        "addresses are unverified until fetched - see 'framewatch monitor list'"
    )


class _Stopper:
    """First SIGINT/SIGTERM: finish the article being written, then stop.
    Second: stop at once (the per-article transactions keep the database whole)."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self._old = {}

    def __enter__(self):
        for sig in (signal.SIGINT, signal.SIGTERM):
            self._old[sig] = signal.signal(sig, self._handle)
        return self

    def _handle(self, signum, frame) -> None:
        if self.event.is_set():
            raise KeyboardInterrupt
        self.event.set()
        click.echo(
            "framewatch: stopping after the current article (Ctrl-C again to stop now)", err=True
        )

    def __exit__(self, *exc) -> None:
        for sig, handler in self._old.items():
            signal.signal(sig, handler)

    def __call__(self) -> bool:
        return self.event.is_set()


def _one_pass(
    ctx, db, *, all_feeds: bool, analyse: bool, stop, engine_box: dict, quiet: bool = False
):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from monitor.pipeline import Pipeline

    console = Console(stderr=True)
    pipeline = Pipeline(
        db, ctx.settings, analyse=analyse, stop=stop, engine=engine_box.get("engine")
    )
    import asyncio

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=quiet,
    ) as bar:
        task = bar.add_task("feeds", total=None)

        def progress(done: int, total: int, label: str) -> None:
            bar.update(task, completed=done, total=total, description=label[:40])

        pipeline.progress = progress
        result = asyncio.run(pipeline.run(all_feeds=all_feeds))
    engine_box["engine"] = pipeline.engine  # keep the model loaded across passes of `run`
    return result


@monitor.command("once")
@click.option(
    "--all", "all_feeds", is_flag=True, help="Fetch every feed now, ignoring the schedule."
)
@click.option(
    "--no-analyse", is_flag=True, help="Store articles without running the language engine."
)
@click.option("--json", "as_json", is_flag=True, help="Print the pass summary as JSON.")
@click.pass_obj
def once_cmd(ctx, all_feeds: bool, no_analyse: bool, as_json: bool) -> None:
    """Run one pass over the feeds that are due (or all of them)."""
    db = _db(ctx)
    try:
        with _Stopper() as stop:
            result = _one_pass(
                ctx,
                db,
                all_feeds=all_feeds,
                analyse=not no_analyse,
                stop=stop,
                engine_box={},
                quiet=as_json,
            )
    finally:
        db.close()
    if as_json:
        _echo_json(
            {
                "feeds": result.feeds,
                "ok": result.ok,
                "not_modified": result.not_modified,
                "failed": result.failed,
                "articles": result.articles,
                "relevant": result.relevant,
                "analysed": result.analysed,
                "flags": result.flags,
                "stories": result.stories,
                "elapsed": round(result.elapsed, 2),
                "stopped": result.stopped,
                "analysis_note": result.analysis_note,
                "errors": result.errors,
            }
        )
        return
    for line in result.errors:
        click.echo(f"feed failed: {line}", err=True)
    click.echo(result.summary())


@monitor.command("run")
@click.option(
    "--no-analyse", is_flag=True, help="Store articles without running the language engine."
)
@click.option("--max-passes", type=int, default=0, hidden=True, help="Stop after N passes (tests).")
@click.option(
    "--idle-seconds",
    type=float,
    default=60.0,
    show_default=True,
    help="Longest sleep between checks for due feeds.",
)
@click.pass_obj
def run_cmd(ctx, no_analyse: bool, max_passes: int, idle_seconds: float) -> None:
    """Keep monitoring until interrupted (Ctrl-C or SIGTERM finish the current article first)."""
    from storage.schema import feeds

    db = _db(ctx)
    engine_box: dict = {}
    passes = 0
    try:
        with _Stopper() as stop:
            while not stop():
                result = _one_pass(
                    ctx,
                    db,
                    all_feeds=False,
                    analyse=not no_analyse,
                    stop=stop,
                    engine_box=engine_box,
                )
                passes += 1
                if result.feeds:
                    for line in result.errors:
                        click.echo(f"feed failed: {line}", err=True)
                    click.echo(f"[{time.strftime('%H:%M:%S')}] {result.summary()}")
                if max_passes and passes >= max_passes:
                    break
                with db.read() as conn:
                    nxt = conn.execute(
                        sa.select(sa.func.min(feeds.c.next_fetch_at)).where(
                            feeds.c.enabled.is_(True)
                        )
                    ).scalar()
                wait = idle_seconds
                if nxt:
                    wait = min(
                        idle_seconds,
                        max(1.0, (datetime.fromisoformat(nxt) - _now()).total_seconds()),
                    )
                if result.feeds:
                    click.echo(
                        f"[{time.strftime('%H:%M:%S')}] waiting; next feed due {_ago(nxt, _now())}",
                        err=True,
                    )
                stop.event.wait(wait)
    except (sa.exc.OperationalError, sa.exc.DatabaseError) as exc:
        raise DatabaseError(describe_db_error(exc, db.location)) from exc
    finally:
        db.close()
    click.echo(f"monitor stopped after {passes} pass(es)")


# --------------------------------------------------------------------------- articles
def _flag_counts(conn, ids: list[int]) -> dict[int, dict[str, int]]:
    from storage.schema import flags

    out: dict[int, dict[str, int]] = {}
    if not ids:
        return out
    rows = conn.execute(
        sa.select(flags.c.article_id, flags.c.severity, sa.func.count())
        .where(flags.c.article_id.in_(ids), flags.c.decision != "dismissed")
        .group_by(flags.c.article_id, flags.c.severity)
    ).all()
    for article_id, severity, n in rows:
        out.setdefault(article_id, {})[severity] = n
    return out


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
    """List stored articles, newest first, with flag counts by severity."""
    if cctx.invoked_subcommand is not None:
        return
    from storage.repo import ARTICLE_DATE
    from storage.schema import articles as t

    ctx = cctx.obj
    with _database(ctx, write=False) as conn:
        query = sa.select(
            t.c.id,
            t.c.outlet,
            t.c.title,
            t.c.url,
            t.c.story_id,
            t.c.relevance,
            t.c.relevant,
            t.c.status,
            t.c.published_at,
            t.c.fetched_at,
            t.c.text_source,
        )
        if not all_relevance:
            query = query.where(t.c.relevant.is_(True))
        if status == "new":
            query = query.where(t.c.status != "reviewed")
        elif status == "reviewed":
            query = query.where(t.c.status == "reviewed")
        if feed_ref:
            from monitor.feeds import find_feed

            query = query.where(t.c.feed_id == find_feed(conn, feed_ref).id)
        if search:
            from storage.repo import headline_or_text_contains

            query = query.where(headline_or_text_contains(search))
        when = ARTICLE_DATE
        rows = conn.execute(query.order_by(when.desc(), t.c.id.desc()).limit(limit)).all()
        counts = _flag_counts(conn, [r.id for r in rows])
    items = [
        {
            "id": r.id,
            "outlet": r.outlet,
            "title": r.title,
            "url": r.url,
            "story_id": r.story_id,
            "relevance": r.relevance,
            "relevant": bool(r.relevant),
            "status": r.status,
            "published_at": r.published_at,
            "text_source": r.text_source,
            "flags": {s: counts.get(r.id, {}).get(s, 0) for s in ("high", "medium", "low")},
        }
        for r in rows
    ]
    if as_json:
        _echo_json(items)
        return
    if not items:
        click.echo("no articles match (try --status all or --all-relevance)")
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table()
    for col in ("id", "outlet", "headline", "story", "high", "med", "low", "url"):
        table.add_column(col, overflow="fold")
    for a in items:
        table.add_row(
            str(a["id"]),
            escape(a["outlet"]),
            escape(a["title"]),
            str(a["story_id"] or "-"),
            str(a["flags"]["high"]),
            str(a["flags"]["medium"]),
            str(a["flags"]["low"]),
            escape(a["url"]),
        )
    Console().print(table)


@articles.command("show")
@click.argument("article_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_obj
def show_cmd(ctx, article_id: int, as_json: bool) -> None:
    """Show one article's text and its flags."""
    from monitor.relevance import score
    from storage.schema import articles as t
    from storage.schema import flags

    with _database(ctx, write=False) as conn:
        art = conn.execute(sa.select(t).where(t.c.id == article_id)).first()
        if art is None:
            raise FramewatchError(f"article {article_id}: not found")
        rows = conn.execute(
            sa.select(flags)
            .where(flags.c.article_id == article_id)
            .order_by(sa.case((flags.c.field == "title", 0), else_=1), flags.c.start, flags.c.id)
        ).all()
        copies = []
        if art.story_id is not None:
            copies = [
                dict(id=c.id, outlet=c.outlet, title=c.title)
                for c in conn.execute(
                    sa.select(t.c.id, t.c.outlet, t.c.title).where(
                        t.c.story_id == art.story_id, t.c.id != art.id
                    )
                )
            ]
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
            "quoted": bool(f.quoted),
            "suggestions": json.loads(f.suggestions or "[]"),
            "rewrite": f.rewrite,
            "decision": f.decision,
            "reason": f.reason,
            "note": f.note,
        }
        for f in rows
    ]
    data = {
        "id": art.id,
        "outlet": art.outlet,
        "title": art.title,
        "url": art.url,
        "author": art.author,
        "published_at": art.published_at,
        "fetched_at": art.fetched_at,
        "story_id": art.story_id,
        "same_story": copies,
        "relevance": art.relevance,
        "relevant": bool(art.relevant),
        "relevance_terms": score(art.title, art.text).explain(),
        "status": art.status,
        "text_source": art.text_source,
        "extract_note": art.extract_note,
        "model": art.model,
        "analysed_at": art.analysed_at,
        "text": art.text,
        "flags": flag_items,
    }
    if as_json:
        _echo_json(data)
        return
    from rich.console import Console
    from rich.markup import escape

    console = Console()
    console.print(f"[bold]{escape(art.title)}[/bold]")
    console.print(
        f"{escape(art.outlet)} - {escape(art.published_at or art.fetched_at)} - {escape(art.url)}"
    )
    console.print(
        f"story {art.story_id} ({len(copies)} other copies) - relevance {data['relevance_terms']} - "
        f"text: {art.text_source}" + (f" ({escape(art.extract_note)})" if art.extract_note else "")
    )
    console.print()
    console.print(escape(art.text), soft_wrap=True)
    console.print()
    if not flag_items:
        console.print("no flags" + ("" if art.analysed_at else " (not analysed yet)"))
    for f in flag_items:
        line = f"[{f['severity']}] {f['text']} ({f['entry']}, {f['category']})"
        if f["field"] == "title":
            line += " in the headline"
        if f["quoted"]:
            line += " in a quotation"
        if f["suggestions"]:
            line += " -> " + ", ".join(f["suggestions"])
        if f["decision"] != "pending":
            line += f" [{f['decision']}]"
        console.print(line, highlight=False, markup=False)
