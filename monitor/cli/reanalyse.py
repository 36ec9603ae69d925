"""``framewatch reanalyse``: stored articles through the engine again after a lexicon change."""

from __future__ import annotations

import sys

import click

from monitor.cli.common import echo_json, opened


class _Bar:
    """A rich progress bar on stderr (articles done of all), shown at a
    terminal or when asked (--progress); else nothing."""

    def __init__(self, show: bool, forced: bool) -> None:
        self.show = show and sys.stderr is not None and (forced or sys.stderr.isatty())
        self.forced = forced
        self.bar = None
        self.task = None

    def __enter__(self):
        if not self.show:
            return lambda done, total: None
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.bar = Progress(
            TextColumn("reanalysing"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True, force_terminal=self.forced or None),
        )
        self.bar.start()
        self.task = self.bar.add_task("reanalysing", total=None)

        def update(done: int, total: int) -> None:
            self.bar.update(self.task, completed=done, total=total)

        return update

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


@click.command("reanalyse")
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    metavar="DATE",
    help="Every analysed article dated on or after DATE (YYYY-MM-DD), whatever lexicon it used.",
)
@click.option(
    "--all", "every", is_flag=True, help="Every analysed article, whatever lexicon it used."
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="A progress bar on stderr (default: when stderr is a terminal).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_obj
def reanalyse(ctx, since, every: bool, progress: bool | None, as_json: bool) -> None:
    """Run stored articles through the engine again after the lexicon changed.

    By default, the articles analysed with another lexicon than today's (an
    override, an extra file or a disabled entry changed since; the lexicon's
    fingerprint is stored with each article).  A reviewer's decision is kept
    wherever the same span is flagged again (the same entry at the same
    offsets, or the same words a few characters away); a decided flag found
    with another severity, category or rewrite is marked 'changed' (what it
    was is kept), one no longer found 'vanished' (kept, counted nowhere).
    'framewatch articles show ID' shows both.  Undecided flags simply follow
    the lexicon.  Safe to stop and run again.
    """
    if every and since is not None:
        raise click.UsageError("use --all or --since, not both")
    from monitor.analyse import load_engine
    from monitor.reanalyse import reanalyse as run

    engine = load_engine(ctx.settings)
    with opened(ctx) as db, _Bar(progress is not False, bool(progress)) as bar:
        result = run(
            db, engine, since=since.date().isoformat() if since else "", every=every, progress=bar
        )
    if as_json:
        echo_json(result.to_json())
    else:
        click.echo(result.summary())
