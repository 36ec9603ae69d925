"""``framewatch check``: the engine from the command line."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from framing.flag import Flag

if TYPE_CHECKING:
    from rich.progress import Progress

    from framing.engine import Engine

RANK = {"high": 3, "medium": 2, "low": 1}
FAIL_LEVELS = {**RANK, "never": 99}
MAX_BYTES = 20_000_000


class InputError(Exception):
    pass


def read_input(path: str) -> str:
    """The text of a file (or stdin for ``-``), or InputError with the cause."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            p = Path(path)
            if p.is_dir():
                raise InputError("is a directory")
            with p.open("rb") as fh:
                data = fh.read(MAX_BYTES + 1)
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError("no such file") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(exc.strerror or type(exc).__name__) from None
    if len(data) > MAX_BYTES:
        raise InputError(f"larger than {MAX_BYTES // 1_000_000} MB")
    if b"\0" in data[:8192]:
        raise InputError("looks like a binary file (NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None


@click.command("check")
@click.argument("paths", nargs=-1, metavar="[PATH ...|-]")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["auto", "text", "markdown", "html"]),
    default="auto",
    show_default=True,
    help="Input format; auto picks by file extension (.md, .html), else text.",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="One JSON object per input (JSON Lines when several): path, model, flags.",
)
@click.option(
    "--fix",
    is_flag=True,
    help="Print the text with every rewrite applied (quotations are never changed).",
)
@click.option(
    "--fail-on",
    type=click.Choice(list(FAIL_LEVELS)),
    default="high",
    show_default=True,
    help="Exit 1 when a flag at or above this severity is found ('never': always 0). "
    "Unreadable inputs exit 2.",
)
@click.pass_obj
def check(
    obj: Any, paths: tuple[str, ...], fmt: str, as_json: bool, fix: bool, fail_on: str
) -> None:
    """Check text, Markdown or HTML for stigmatising or sensationalist language.

    Reads the files given, or standard input ('-', the default when input is
    piped).  Shows each flag with where it is, why, person-first alternatives
    and a rewrite that fits the sentence.

    Exit status: 0 clean, 1 a flag at or above --fail-on, 2 an input could not
    be read (the others are still checked).
    """
    from framing.render import make_console, render_flags, summary

    if not paths:
        if sys.stdin is None or sys.stdin.isatty():
            raise click.UsageError("give a PATH, or pipe text in ('-' reads standard input)")
        paths = ("-",)
    inputs, errors = _read_inputs(paths, fmt)
    engine = _engine(obj)
    results = _check_all(engine, inputs)

    worst = 0
    counts = {"high": 0, "medium": 0, "low": 0}
    console = None if (as_json or fix) else make_console()
    model = engine.model_name if as_json else ""
    for i, (path, text, f) in enumerate(inputs):
        flags = results[i]
        for fl in flags:
            counts[fl.severity] = counts.get(fl.severity, 0) + 1
            worst = max(worst, RANK.get(fl.severity, 0))
        if as_json:
            click.echo(
                json.dumps(
                    {
                        "path": path,
                        "model": model,
                        "format": f,
                        "flags": [fl.to_json() for fl in flags],
                    },
                    ensure_ascii=False,
                )
            )
        elif fix:
            from framing.flag import apply_rewrites

            if len(inputs) > 1:
                click.echo(f"==> {path} <==")
            click.echo(apply_rewrites(text, flags), nl=False)
            if len(inputs) > 1 and not text.endswith("\n"):
                click.echo()
        elif console is not None:
            render_flags(console, path, text, flags, f)
    if console is not None:
        console.print(summary(len(inputs), counts, errors))
    # SystemExit rather than click's Exit: core.cli.main runs click with
    # standalone_mode=False and would turn an Exit into status 0
    if errors:
        sys.exit(2)
    if worst >= FAIL_LEVELS[fail_on]:
        sys.exit(1)


def _read_inputs(paths: tuple[str, ...], fmt: str) -> tuple[list[tuple[str, str, str]], int]:
    """(path shown, text, format) of each readable input, and how many could not be read
    (each named on standard error)."""
    from framing.formats import format_for_path

    inputs: list[tuple[str, str, str]] = []
    errors = 0
    for p in paths:
        try:
            text = read_input(p)
        except InputError as exc:
            click.echo(f"framewatch: error: {'<stdin>' if p == '-' else p}: {exc}", err=True)
            errors += 1
            continue
        f = fmt if fmt != "auto" else format_for_path(p)
        inputs.append(("<stdin>" if p == "-" else p, text, f))
    return inputs, errors


def _check_all(engine: Engine, inputs: list[tuple[str, str, str]]) -> dict[int, list[Flag]]:
    """Each input's flags, checked in batches of one format each."""
    results: dict[int, list[Flag]] = {}
    by_fmt: dict[str, list[int]] = {}
    for i, (_p, _t, f) in enumerate(inputs):
        by_fmt.setdefault(f, []).append(i)
    with _progress(len(inputs)) as advance:
        for f, idxs in by_fmt.items():
            for i, flags in zip(
                idxs, engine.check_many((inputs[i][1] for i in idxs), f), strict=True
            ):
                results[i] = flags
                advance()
    return results


class _progress:
    """A transient rich progress bar on stderr for long runs at a terminal."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.bar: Progress | None = None

    def __enter__(self) -> Callable[[], None]:
        if self.total >= 20 and sys.stderr is not None and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress

            bar = self.bar = Progress(console=Console(stderr=True), transient=True)
            bar.start()
            task = bar.add_task("checking", total=self.total)
            return lambda: bar.advance(task)
        return lambda: None

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def _engine(obj: Any) -> Engine:
    """The organisation's engine (one per lexicon configuration per process)."""
    from framing.factory import engine_from_settings

    settings = getattr(obj, "settings", None)
    if settings is None:
        from core.settings import load_settings

        settings = load_settings()
    return engine_from_settings(settings)
