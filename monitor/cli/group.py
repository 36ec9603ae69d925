"""The ``framewatch monitor`` group: the feed list and the monitoring passes."""

from __future__ import annotations

import click

from monitor.cli import feeds, passes


@click.group("monitor")
def monitor() -> None:
    """Collect criminal justice news from RSS/Atom feeds.

    Feeds are polled politely (per-host delays, conditional GET, back-off on
    errors); new articles are extracted, scored for relevance, grouped into
    stories and checked by the language engine.
    """


for _command in (
    feeds.add_cmd,
    feeds.remove_cmd,
    feeds.list_cmd,
    feeds.import_cmd,
    feeds.export_cmd,
    feeds.defaults_cmd,
    passes.once_cmd,
    passes.run_cmd,
):
    monitor.add_command(_command)
