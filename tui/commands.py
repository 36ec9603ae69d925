"""``framewatch tui`` and ``framewatch demo``.

Textual is imported inside the command functions, so ``framewatch check`` and
the other commands never pay for it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import BinaryIO

import click

from core import logging as fwlogging
from core.decoding import DecodeError, decode_text
from core.errors import FramewatchError
from core.paths import default_log_path, demo_db_path

# Clipboard readers tried in order; the first one present is used.
CLIPBOARD_READERS: tuple[tuple[str, ...], ...] = (
    ("wl-paste", "--no-newline"),
    ("xclip", "-selection", "clipboard", "-o"),
    ("xsel", "--clipboard", "--output"),
    ("pbpaste",),
    ("powershell.exe", "-NoProfile", "-Command", "Get-Clipboard"),
)


def read_clipboard() -> str:
    """Text on the system clipboard, via whichever standard tool is installed."""
    for argv in CLIPBOARD_READERS:
        if shutil.which(argv[0]) is None:
            continue
        try:
            done = subprocess.run(argv, capture_output=True, timeout=5, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise FramewatchError(f"clipboard: {argv[0]} failed ({exc})") from exc
        if done.returncode != 0:
            first = (done.stderr.decode("utf-8", "replace").strip().splitlines() or ["no output"])[
                0
            ]
            raise FramewatchError(f"clipboard: {argv[0]} could not read the clipboard ({first})")
        try:
            return decode_text(done.stdout).text
        except DecodeError as exc:
            raise DecodeError(f"clipboard: {exc}") from None
    raise FramewatchError(
        "clipboard: no clipboard tool found (install wl-clipboard, xclip or xsel), "
        "or pipe the text in: framewatch tui -"
    )


def read_piped_text(stream: BinaryIO, encoding: str | None) -> str:
    """Piped text for ``tui -``, decoded as ``check`` decodes files.

    Bytes, not ``sys.stdin.read()``: that turns a Windows-1252 "£" into a
    lone surrogate ("\\udca3") which the engine cannot analyse."""
    try:
        return decode_text(stream.read(), encoding).text
    except DecodeError as exc:
        raise DecodeError(f"stdin: {exc}") from None


def _reattach_terminal() -> None:
    """After reading stdin, point stdin at the terminal so the UI can read keys."""
    try:
        fd = os.open("/dev/tty", os.O_RDONLY)
    except OSError as exc:
        raise FramewatchError(f"/dev/tty: no terminal to open the UI on ({exc.strerror})") from exc
    os.dup2(fd, 0)
    os.close(fd)
    sys.stdin = open(0, encoding="utf-8", errors="replace", closefd=False)


def _run_app(app) -> None:
    # Textual owns the terminal: log records go to a file, never the screen.
    fwlogging.to_file_only(default_log_path())
    app.run()
    if app.return_code not in (None, 0):
        raise FramewatchError(f"the UI stopped with code {app.return_code}")


@click.command("tui")
@click.option(
    "--paste", "paste", is_flag=True, help="Open the draft checker with the text on the clipboard."
)
@click.option("--draft", "draft", is_flag=True, help="Open the draft checker (empty).")
@click.option(
    "--encoding",
    metavar="NAME",
    help="Read the piped text in this encoding instead of detecting it (as in 'check').",
)
@click.argument("source", required=False, metavar="[-]")
@click.pass_obj
def tui(ctx, paste: bool, draft: bool, encoding: str | None, source: str | None) -> None:
    """Open the review UI on the configured database.

    \b
    framewatch tui            review queue
    framewatch tui --draft    draft checker
    framewatch tui --paste    draft checker with the clipboard's text
    some-cmd | framewatch tui -   draft checker with text from stdin
    """
    if source not in (None, "-"):
        raise click.UsageError("the only argument accepted is '-' (read the text from stdin)")
    text: str | None = None
    if paste:
        text = read_clipboard()
        if not text.strip():
            raise FramewatchError("clipboard: it holds no text")
    elif source == "-":
        text = read_piped_text(sys.stdin.buffer, encoding)
        if not text.strip():
            raise FramewatchError("stdin: no text received")
        _reattach_terminal()
    from tui.app import create_app

    settings = ctx.settings
    app = create_app(
        settings.db_path, settings, paste_text=text, start="draft" if draft else "queue"
    )
    _run_app(app)


def _demo_port_option(default_help: str):
    from monitor.demo import DEMO_PORT

    return click.option(
        "--port",
        type=click.IntRange(0, 65535),
        default=DEMO_PORT,
        show_default=True,
        help=default_help,
    )


def _monitor_hint(base: str, path: Path) -> str:
    return (
        f"Sample feeds are served at {base} while this runs; try the monitor on them "
        "from another terminal:\n  FRAMEWATCH_ALLOW_PRIVATE=1 FRAMEWATCH_MIN_HOST_INTERVAL=0 "
        f"framewatch --db {path} monitor once --all"
    )


@click.group("demo", invoke_without_command=True)
@click.option("--no-ui", is_flag=True, help="Prepare the demo database and print a summary only.")
@_demo_port_option(
    "Port on 127.0.0.1 that serves the sample feeds while the demo runs (taken: any free one)."
)
@click.pass_context
def demo(cctx: click.Context, no_ui: bool, port: int) -> None:
    """Run the offline sample end to end (local feeds, fetch, analyse), then open the UI.

    The sample feeds stay served on 127.0.0.1 while the UI is open, so the
    monitor can be tried on them from another terminal ('demo serve' serves
    them on their own).  The demo uses its own database (demo.sqlite3 in the
    user data directory) unless --db or FRAMEWATCH_DB names one, so sample
    articles never mix with a real review queue.
    """
    if cctx.invoked_subcommand is not None:
        return
    ctx = cctx.obj
    try:
        from monitor.demo import prepare_demo, sample_server
    except ImportError as exc:
        raise FramewatchError(f"demo: the sample pipeline is not available ({exc})") from exc
    from rich.console import Console
    from rich.progress import Progress

    settings = ctx.settings
    path = _demo_path(ctx)
    console = Console(stderr=True)
    # one server for the pass and the UI: the stored feeds point at a live port
    with sample_server(port) as server:
        with Progress(console=console, transient=True) as bar:
            task = bar.add_task("Preparing the demo", total=None)

            def progress(done: int, total: int, label: str) -> None:
                # The pipeline reports each feed as it finishes: (done, total, feed name or URL).
                bar.update(
                    task, completed=done, total=total, **({"description": label} if label else {})
                )

            from framing import engine_from_settings

            bar.update(task, description="Loading the language model")
            # One engine for the pipeline and the UI: the model loads once.
            engine = engine_from_settings(settings)
            summary = prepare_demo(path, settings, progress=progress, engine=engine, server=server)
        click.echo(f"Demo database: {path}")
        if summary is not None:
            click.echo(str(summary))
        if no_ui:
            return
        click.echo(_monitor_hint(server.base, path))
        from tui.app import create_app

        notice = f"Sample feeds served at {server.base} while the demo is open."
        _run_app(create_app(path, settings, engine=engine, notice=notice))


def _demo_path(ctx) -> Path | str:
    # a server URL stays a string (pathlib would fold its "//")
    return ctx.settings.db_path if ctx.db else demo_db_path()


@demo.command("serve")
@_demo_port_option("Port on 127.0.0.1 to serve the sample feeds on.")
@click.pass_obj
def demo_serve(ctx, port: int) -> None:
    """Serve the sample feeds on 127.0.0.1 until Ctrl-C, for the monitor to fetch.

    The demo database's sample feeds are pointed at this server (added if it
    has none yet), so 'monitor once' on it fetches from here.
    """
    import signal
    import threading

    from monitor.demo import register_sample_feeds, sample_feed_urls, sample_server
    from storage.db import open_database

    path = _demo_path(ctx)
    stop = threading.Event()
    with sample_server(port, fallback=False) as server:
        db = open_database(path)
        try:
            register_sample_feeds(db, server.base)
        finally:
            db.close()
        click.echo(f"Serving the sample at {server.base} (Ctrl-C stops); its feeds:")
        for name, url in sample_feed_urls(server.base):
            click.echo(f"  {url}  {name}")
        click.echo(_monitor_hint(server.base, path))
        old = {
            sig: signal.signal(sig, lambda *_: stop.set())
            for sig in (signal.SIGINT, signal.SIGTERM)
        }
        try:
            while not stop.wait(0.5):
                pass
        finally:
            for sig, handler in old.items():
                signal.signal(sig, handler)
    click.echo("stopped serving the sample")
