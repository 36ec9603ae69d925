"""``framewatch monitor once|run``: monitoring passes, one or until stopped.

Each pass is also logged (``--log-level info``): one ``monitor.pass`` line
per pass and one ``monitor.feed_failed`` line per failed feed.

Both take the database's monitor lease first (``monitor.lease``): when
another monitor holds it they say who, and exit 0 (or wait for it with
``--wait``).
"""

from __future__ import annotations

import signal
import sys
import threading
import time
from datetime import datetime

import click

from monitor.cli.common import ago, echo_json, now, open_db, shown


class _Stopper:
    """First SIGINT/SIGTERM: cancel the fetches in flight, finish the article
    being written, then stop.  Second: stop at once (the per-article
    transactions keep the database whole)."""

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
            "framewatch: stopping: fetches in flight are cancelled, the article being written "
            "is finished (Ctrl-C again to stop now)",
            err=True,
        )

    def __exit__(self, *exc) -> None:
        for sig, handler in self._old.items():
            signal.signal(sig, handler)

    def __call__(self) -> bool:
        return self.event.is_set()


def _held_line(held) -> str:
    return (
        f"the monitor is already running on this database: {held.describe()}; "
        "not starting (--wait waits for it to stop)"
    )


def _take_lease(ctx, db, stop, *, wait: bool, name: str | None, quiet: bool = False):
    """The lease, held and kept renewed; or None (after saying who holds it)
    when another monitor has it and we do not wait (or are stopped waiting)."""
    from monitor.lease import MonitorLease, default_name

    lease = MonitorLease(
        db,
        default_name(ctx.settings) if name is None else name,
        ttl=ctx.settings.monitor.lease_seconds,
    )
    held = lease.acquire()
    if held is not None and wait:
        click.echo(f"framewatch: waiting for the monitor held by {held.describe()}", err=True)
        while held is not None and not stop.event.wait(min(5.0, lease.ttl / 4)):
            held = lease.acquire()
    if held is not None:
        if not quiet and not stop():
            click.echo(_held_line(held))
        return None, held

    def lost() -> None:
        who = lease.lost.describe() if lease.lost else "another process"
        click.echo(f"framewatch: the monitor lease was taken by {who}; stopping", err=True)
        stop.event.set()

    lease.keep_renewed(lost)
    return lease, None


_WAIT = click.option(
    "--wait", is_flag=True, help="If another monitor is running on this database, wait for it."
)
_NAME = click.option(
    "--name",
    default=None,
    help="Who runs this monitor, shown to a second one ('held by ...'). "
    "Default: [ui] reviewer, else the login name.",
)


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


@click.command("once")
@click.option(
    "--all", "all_feeds", is_flag=True, help="Fetch every feed now, ignoring the schedule."
)
@click.option(
    "--no-analyse", is_flag=True, help="Store articles without running the language engine."
)
@click.option("--json", "as_json", is_flag=True, help="Print the pass summary as JSON.")
@_WAIT
@_NAME
@click.pass_obj
def once_cmd(
    ctx, all_feeds: bool, no_analyse: bool, as_json: bool, wait: bool, name: str | None
) -> None:
    """Run one pass over the feeds that are due (or all of them).

    Exit status: 0 when the pass ran (including when nothing was due, which
    the summary says, with the next feed due); 1 when every feed fetched
    failed."""
    db = open_db(ctx)
    idle = ""
    try:
        with _Stopper() as stop:
            lease, held = _take_lease(ctx, db, stop, wait=wait, name=name, quiet=as_json)
            if lease is None:
                if as_json and held is not None:
                    echo_json({"held_by": held.to_json()})
                return
            try:
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
                lease.release()
        if not result.feeds:
            idle = _nothing_due(db)
    finally:
        db.close()
    _report_once(result, as_json, idle)
    # SystemExit, not ctx.exit(): core.cli.main runs click with standalone_mode=False
    if result.feeds and result.failed == result.feeds and not result.stopped:
        sys.exit(1)  # every feed failed: a cron job must hear about it


def _next_due_text(db) -> str:
    """ "Feed name in 25 min", or "" when no feed is enabled."""
    from monitor.feeds import next_due_feed

    feed = next_due_feed(db)
    if feed is None:
        return ""
    when = ago(feed.next_fetch_at, now()) if feed.next_fetch_at else "due"
    return f"{shown(feed.name or feed.url)} {when}"


def _nothing_due(db) -> str:
    """Why a pass fetched nothing, and what to do about it."""
    nxt = _next_due_text(db)
    if not nxt:
        return (
            "no feeds to fetch: add one with 'framewatch monitor add URL' (or 'monitor defaults')"
        )
    return f"no feed is due (next: {nxt}); 'framewatch monitor once --all' fetches every feed now"


def _report_once(result, as_json: bool, idle: str) -> None:
    if as_json:
        echo_json(
            {
                "feeds": result.feeds,
                "ok": result.ok,
                "not_modified": result.not_modified,
                "failed": result.failed,
                "articles": result.articles,
                "relevant": result.relevant,
                "analysed": result.analysed,
                "flags": result.flags,
                "quoted": result.quoted,
                "stories": result.stories,
                "elapsed": round(result.elapsed, 2),
                "stopped": result.stopped,
                "analysis_note": result.analysis_note,
                "errors": result.errors,
                "rejected": result.rejected,
                "nothing_due": idle or None,
            }
        )
        return
    for line in result.errors:
        click.echo(f"feed failed: {shown(line)}", err=True)
    for line in result.rejected:
        click.echo(f"item left out: {shown(line)}", err=True)
    click.echo(idle or result.summary())
    if result.feeds and result.failed == result.feeds and not result.stopped:
        click.echo(f"framewatch: error: all {result.feeds} feed(s) failed", err=True)


@click.command("run")
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
@_WAIT
@_NAME
@click.pass_obj
def run_cmd(
    ctx, no_analyse: bool, max_passes: int, idle_seconds: float, wait: bool, name: str | None
) -> None:
    """Keep monitoring until interrupted (Ctrl-C or SIGTERM finish the current article first).

    One monitor runs per database: if another holds it, this says who and
    exits (or waits, with --wait)."""
    db = open_db(ctx)
    engine_box: dict = {}
    passes = 0
    try:
        with _Stopper() as stop:
            lease, _held = _take_lease(ctx, db, stop, wait=wait, name=name)
            if lease is None:
                return
            try:
                passes = _run_passes(
                    ctx, db, stop, no_analyse, max_passes, idle_seconds, engine_box
                )
            finally:
                lease.release()
    finally:
        db.close()
    click.echo(f"monitor stopped after {passes} pass(es)")


def _run_passes(ctx, db, stop, no_analyse, max_passes, idle_seconds, engine_box) -> int:
    """Passes until stopped (or ``max_passes``), sleeping until the next feed is due."""
    from monitor.feeds import next_due
    from monitor.retention import RetentionClock, apply_retention

    retention = RetentionClock(ctx.settings.retention)
    passes = 0
    shown_idle = ""
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
                click.echo(f"feed failed: {shown(line)}", err=True)
            for line in result.rejected:
                click.echo(f"item left out: {shown(line)}", err=True)
            click.echo(f"[{time.strftime('%H:%M:%S')}] {result.summary()}")
        if retention.due() and not stop():
            report = apply_retention(db, ctx.settings.retention)
            if report.changed:
                click.echo(
                    f"[{time.strftime('%H:%M:%S')}] retention: raw HTML dropped from "
                    f"{report.raw_html_articles} articles, {report.articles_deleted} old "
                    f"irrelevant articles and {report.stories_deleted} empty stories deleted",
                    err=True,
                )
        if max_passes and passes >= max_passes:
            break
        nxt = next_due(db)
        wait = idle_seconds
        if nxt:
            wait = min(
                idle_seconds,
                max(1.0, (datetime.fromisoformat(nxt) - now()).total_seconds()),
            )
        shown_idle = _idle(db, stop, wait, shown_idle, passed=bool(result.feeds))
    return passes


def _idle(db, stop, wait: float, last: str, *, passed: bool) -> str:
    """Sleep ``wait`` seconds (or until stopped) saying what the monitor waits
    for: at a terminal a live status line ("idle; next feed due: Herald in
    25 min"), kept current; in a log one line each time the next feed due
    changes or a pass fetched something.  Returns which feed it named."""
    from monitor.feeds import next_due_feed

    feed = next_due_feed(db)
    # the feed and its due time, not the countdown, decide whether to say it again
    key = "" if feed is None else f"{feed.id} {feed.next_fetch_at}"
    text = _next_due_text(db)
    line = f"idle; next feed due: {text}" if text else "idle; no feeds to fetch"
    line += " (Ctrl-C stops)"
    if not sys.stderr.isatty():
        if passed or key != last:
            click.echo(f"[{time.strftime('%H:%M:%S')}] {line}", err=True)
        stop.event.wait(wait)
        return key
    from rich.console import Console

    deadline = time.monotonic() + wait
    with Console(stderr=True).status(line) as status:
        while not stop.event.wait(min(15.0, max(0.0, deadline - time.monotonic()))):
            if time.monotonic() >= deadline:
                break
            text = _next_due_text(db)
            status.update(f"idle; next feed due: {text} (Ctrl-C stops)")
    return key
