"""``framewatch monitor add|remove|list|import-opml|export-opml|defaults``: the feed list."""

from __future__ import annotations

import click

from monitor.cli.common import ago, echo_json, now, opened, shown


@click.command("add")
@click.argument("url")
@click.option(
    "--name", default="", help="Outlet name shown in lists (default: the feed's own title)."
)
@click.option(
    "--folder", default="", help="Folder to file it in, as in a feed reader ('Crime/Courts')."
)
@click.pass_obj
def add_cmd(ctx, url: str, name: str, folder: str) -> None:
    """Start monitoring the feed at URL.

    The address is checked first (a typo such as a space is refused with the
    reason), and a warning says when it is a loopback or private address the
    monitor will not fetch unless allow_private_addresses is set."""
    from monitor.feeds import add_feed, check_url, private_address_warning

    url = check_url(url)
    with opened(ctx) as db:
        feed_id = add_feed(db, url, name=name, folder=folder)
    click.echo(f"added feed {feed_id}: {url}")
    warning = private_address_warning(url, ctx.settings.monitor.allow_private_addresses)
    if warning:
        click.echo(f"framewatch: warning: {shown(warning)}", err=True)


@click.command("remove")
@click.argument("feed")
@click.pass_obj
def remove_cmd(ctx, feed: str) -> None:
    """Stop monitoring FEED (its id or exact URL). Stored articles are kept."""
    from monitor.feeds import remove_feed

    with opened(ctx) as db:
        url = remove_feed(db, feed)
    click.echo(f"removed feed: {url} (its articles stay in the database)")


@click.command("list")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_obj
def list_cmd(ctx, as_json: bool) -> None:
    """List feeds with their last status, error and next fetch."""
    from rich.console import Console
    from rich.table import Table

    from monitor.feeds import list_feeds

    with opened(ctx) as db:
        rows = list_feeds(db)
    if as_json:
        echo_json([r.to_json() for r in rows])
        return
    if not rows:
        click.echo(
            "no feeds yet: add one with 'framewatch monitor add URL' or 'framewatch monitor defaults'"
        )
        return
    at = now()
    table = Table(show_lines=False)
    for col in ("id", "name", "articles", "last status", "next fetch", "url"):
        table.add_column(col, overflow="fold")
    from rich.markup import escape

    for r in rows:
        if r.last_error_kind:
            status = (
                f"[red]{escape(r.last_error_kind)}[/red] x{r.failures}: "
                f"{escape(shown(r.last_error or ''))}"
            )
        elif r.last_status is not None:
            status = f"ok ({r.last_status})"
            if r.parse_problem:
                status += f" [yellow]ill-formed: {escape(shown(r.parse_problem))}[/yellow]"
        else:
            status = "not fetched yet"
        name = escape(shown(r.name or "-")) + ("" if r.verified else " [dim](unverified)[/dim]")
        if r.folder:
            name += f" [dim]in {escape(shown(r.folder))}[/dim]"
        table.add_row(
            str(r.id), name, str(r.articles), status, ago(r.next_fetch_at, at), escape(shown(r.url))
        )
    Console().print(table)


@click.command("import-opml")
@click.argument("file", type=click.Path(dir_okay=False))
@click.pass_obj
def import_cmd(ctx, file: str) -> None:
    """Add every feed listed in an OPML FILE (as exported by feed readers)."""
    from monitor.feeds import import_opml

    with opened(ctx) as db:
        added, skipped = import_opml(db, file)
    for line in skipped:
        click.echo(f"skipped: {line}", err=True)
    click.echo(
        f"imported {added} feeds from {file}" + (f", skipped {len(skipped)}" if skipped else "")
    )


@click.command("export-opml")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.pass_obj
def export_cmd(ctx, file: str) -> None:
    """Write all feeds, in their folders, to an OPML 2.0 FILE ('-': standard output)."""
    from monitor.feeds import export_opml, opml_document

    with opened(ctx) as db:
        if file == "-":
            data, n = opml_document(db)
            click.get_binary_stream("stdout").write(data)
            click.echo(f"exported {n} feeds", err=True)
            return
        n = export_opml(db, file)
    click.echo(f"exported {n} feeds to {file}")


@click.command("defaults")
@click.pass_obj
def defaults_cmd(ctx) -> None:
    """Add the shipped list of UK criminal justice feeds (marked unverified)."""
    from monitor.feeds import add_defaults

    with opened(ctx) as db:
        added, present = add_defaults(db)
    click.echo(
        f"added {added} default feeds ({present} already present); "
        "addresses are unverified until fetched - see 'framewatch monitor list'"
    )
