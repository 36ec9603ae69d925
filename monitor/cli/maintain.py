"""``framewatch maintain``: apply the retention policy now, and reclaim disk space."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import replace

import click

from core.errors import FramewatchError
from monitor.cli.common import echo_json, opened, shown


def _mib(n: int | None) -> str:
    return "?" if n is None else f"{n / 1048576:.1f} MiB"


def _days(days: float) -> str:
    return "never" if days <= 0 else f"after {days:g} days"


def _summary(report) -> list[str]:
    would = "would " if report.dry_run else ""
    lines = [
        f"retention: raw HTML dropped {_days(report.raw_html_days)}; unreviewed articles scored "
        f"not criminal justice deleted {_days(report.irrelevant_days)}; "
        f"{report.kept_forever} reviewed, noted or nominated articles kept for ever",
        f"  {would}drop the raw HTML of {report.raw_html_articles} articles "
        f"({_mib(report.raw_html_bytes)}; their text stays)",
        f"  {would}delete {report.articles_deleted} old irrelevant articles "
        f"({_mib(report.article_bytes)}) and {report.stories_deleted} stories left empty",
        f"  {report.articles_left} articles stored",
    ]
    if report.file_bytes is not None:
        line = f"database: {_mib(report.file_bytes)}"
        if report.free_bytes is not None:
            line += f", {_mib(report.free_bytes)} of it free (reused for new articles)"
            if not report.vacuumed:
                line += "; 'framewatch maintain --vacuum' returns free space to the disk"
        lines.append(line)
    return lines


@click.command("maintain")
@click.option("--dry-run", is_flag=True, help="Say what the policy would delete; change nothing.")
@click.option(
    "--vacuum",
    is_flag=True,
    help="Afterwards rewrite the database to return free space to the disk "
    "(SQLite VACUUM: needs the monitor stopped and free disk space about the database's size).",
)
@click.option(
    "--raw-html-days",
    type=click.FloatRange(min=0),
    default=None,
    help="Override [retention] raw_html_days for this run (0: keep for ever).",
)
@click.option(
    "--irrelevant-days",
    type=click.FloatRange(min=0),
    default=None,
    help="Override [retention] irrelevant_days for this run (0: keep for ever).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_obj
def maintain(
    ctx,
    dry_run: bool,
    vacuum: bool,
    raw_html_days: float | None,
    irrelevant_days: float | None,
    as_json: bool,
) -> None:
    """Apply the retention policy ([retention] in the config) now.

    Drops the raw HTML of old articles (the text stays) and deletes old
    articles scored as not criminal justice that nobody reviewed.  Reviewed,
    in-review, noted, decided-on and nominated articles are always kept.
    'monitor run' applies the same policy by itself every [retention]
    every_hours.
    """
    from monitor.retention import apply_retention
    from monitor.retention import vacuum as run_vacuum

    policy = ctx.settings.retention
    if raw_html_days is not None:
        policy = replace(policy, raw_html_days=raw_html_days)
    if irrelevant_days is not None:
        policy = replace(policy, irrelevant_days=irrelevant_days)
    with opened(ctx) as db:
        report = apply_retention(db, policy, dry_run=dry_run)
        if vacuum and not dry_run:
            with _no_monitor(db):
                _before, after = run_vacuum(db)
            report.vacuumed = True
            report.file_bytes, report.free_bytes = after, 0 if after is not None else None
    if as_json:
        echo_json(report.to_json())
        return
    for line in _summary(report):
        click.echo(shown(line))


@contextmanager
def _no_monitor(db):
    """Hold the monitor lease while vacuuming, so no monitor runs meanwhile."""
    from monitor.lease import MonitorLease

    with MonitorLease(db, "framewatch maintain --vacuum") as lease:
        held = lease.acquire()
        if held is not None:
            raise FramewatchError(
                f"{db.location}: not vacuumed: the monitor is running ({held.describe()}); "
                "stop it first (the retention policy was applied)"
            )
        yield
