"""``framewatch monitor once|run``: monitoring passes, one or until stopped.

Each pass is also logged (``--log-level info``): one ``monitor.pass`` line
per pass and one ``monitor.feed_failed`` line per failed feed.
"""

from __future__ import annotations

import signal
import threading
import time
from datetime import datetime

import click

from monitor.cli.common import ago, echo_json, now, open_db, shown


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


@click.command("once")
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
    db = open_db(ctx)
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
                "stories": result.stories,
                "elapsed": round(result.elapsed, 2),
                "stopped": result.stopped,
                "analysis_note": result.analysis_note,
                "errors": result.errors,
                "rejected": result.rejected,
            }
        )
        return
    for line in result.errors:
        click.echo(f"feed failed: {shown(line)}", err=True)
    for line in result.rejected:
        click.echo(f"item left out: {shown(line)}", err=True)
    click.echo(result.summary())


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
@click.pass_obj
def run_cmd(ctx, no_analyse: bool, max_passes: int, idle_seconds: float) -> None:
    """Keep monitoring until interrupted (Ctrl-C or SIGTERM finish the current article first)."""
    from monitor.feeds import next_due

    db = open_db(ctx)
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
                        click.echo(f"feed failed: {shown(line)}", err=True)
                    for line in result.rejected:
                        click.echo(f"item left out: {shown(line)}", err=True)
                    click.echo(f"[{time.strftime('%H:%M:%S')}] {result.summary()}")
                if max_passes and passes >= max_passes:
                    break
                nxt = next_due(db)
                wait = idle_seconds
                if nxt:
                    wait = min(
                        idle_seconds,
                        max(1.0, (datetime.fromisoformat(nxt) - now()).total_seconds()),
                    )
                if result.feeds:
                    click.echo(
                        f"[{time.strftime('%H:%M:%S')}] waiting; next feed due {ago(nxt, now())}",
                        err=True,
                    )
                stop.event.wait(wait)
    finally:
        db.close()
    click.echo(f"monitor stopped after {passes} pass(es)")
