"""``framewatch check``: the engine from the command line."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from core.decoding import BinaryData, Decoded, DecodeError, decode_text
from framing.flag import Flag

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress

    from framing.engine import Engine

Advance = Callable[[int], None]

RANK = {"high": 3, "medium": 2, "low": 1}
FAIL_LEVELS = {**RANK, "never": 99}
MAX_BYTES = 20_000_000


class InputError(Exception):
    """An input that cannot be read; ``binary`` when it is not text at all."""

    def __init__(self, message: str, binary: bool = False) -> None:
        super().__init__(message)
        self.binary = binary


def read_input(path: str, encoding: str | None = None) -> Decoded:
    """The text of a file (or stdin for ``-``) and the encoding it was read in
    (``core.decoding``: BOM, UTF-8, then detected, unless ``encoding`` forces
    one), or InputError with the cause."""
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
    try:
        return decode_text(data, encoding)
    except DecodeError as exc:
        raise InputError(str(exc), binary=isinstance(exc, BinaryData)) from None


@click.command("check")
@click.argument("paths", nargs=-1, metavar="[PATH|DIR ...|-]")
@click.option(
    "--glob",
    metavar="PATTERN",
    help="Which files to check inside a DIR, as in Vale: e.g. '*.{md,txt}', '!*.html', "
    "'drafts/**' (default: .txt, .md and .html files; hidden ones skipped).",
)
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
    help="One JSON object per input (JSON Lines when several): path, model, format, "
    "encoding (the one it was read in), flags.",
)
@click.option(
    "--encoding",
    metavar="NAME",
    callback=lambda _ctx, _param, value: _known_encoding(value),
    help="Read every input in this encoding (e.g. cp1252, utf-16) instead of detecting it: "
    "a byte-order mark, then UTF-8, then the best-fitting code page (Windows-1252 on a tie).",
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
    help="Exit 1 when a flag in the writer's voice at or above this severity is found "
    "('never': always 0). Unreadable inputs, config and lexicon errors exit 2.",
)
@click.option(
    "--fail-on-quoted",
    is_flag=True,
    help="Let flags inside quotations fail --fail-on too (by default they do not: "
    "a journalist cannot change a quote).",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="A progress bar on standard error for long checks (default: only when "
    "standard error is a terminal).",
)
@click.option(
    "--learned",
    is_flag=True,
    help="Leave out flags the database's learned review model predicts a reviewer would "
    "dismiss ([learning] fold_threshold). Off by default: a writer sees every flag.",
)
@click.pass_obj
def check(
    obj: Any,
    paths: tuple[str, ...],
    glob: str | None,
    fmt: str,
    as_json: bool,
    encoding: str | None,
    fix: bool,
    fail_on: str,
    fail_on_quoted: bool,
    progress: bool | None,
    learned: bool,
) -> None:
    """Check text, Markdown or HTML for stigmatising or sensationalist language.

    Reads the files given, every matching file under a DIR (recursively;
    --glob chooses which), or standard input ('-', the default when input is
    piped).  Shows each flag with where it is, why, person-first alternatives
    and a rewrite that fits the sentence.  A long input is checked and, with
    --json, written out piece by piece, in flat memory.

    Exit status: 0 clean, 1 a flag at or above --fail-on (quoted flags only
    with --fail-on-quoted), 2 an input could not be read (the others are still
    checked) or the config, lexicon or model cannot be used.
    """
    from framing.engine import CHUNK_CHARS
    from framing.formats import format_for_path
    from framing.render import make_console, summary

    if not paths:
        if sys.stdin is None or sys.stdin.isatty():
            raise click.UsageError("give a PATH, or pipe text in ('-' reads standard input)")
        paths = ("-",)
    paths, walked, errors = _expand(paths, glob)
    engine = _engine(obj)
    out = _Output(engine, as_json, fix, None if (as_json or fix) else make_console(), len(paths))
    if learned:
        _learned(obj, out)
    total = sum(_size(p) for p in paths)
    long_input = any(_size(p) > CHUNK_CHARS for p in paths)
    show = progress if progress is not None else (len(paths) >= 20 or long_input)
    # small inputs checked as one batch: (name, text, format, encoding)
    pending: list[tuple[str, str, str, str]] = []

    with _progress(total, show, forced=bool(progress)) as advance:

        def flush() -> None:
            by_fmt: dict[str, list[tuple[str, str, str, str]]] = {}
            for item in pending:
                by_fmt.setdefault(item[2], []).append(item)
            done: dict[int, list[Flag]] = {}
            for f, items in by_fmt.items():
                for item, flags in zip(
                    items, engine.check_many((it[1] for it in items), f), strict=True
                ):
                    done[id(item)] = flags
                    advance(len(item[1]))
            for item in pending:
                out.write(*item, done[id(item)])
            pending.clear()

        for p in paths:
            name = "<stdin>" if p == "-" else p
            decoded = _read(p, name, encoding, note=out.console is not None, walked=p in walked)
            if decoded is None:
                errors += p not in walked
                continue
            text = decoded.text
            f = fmt if fmt != "auto" else format_for_path(p)
            if len(text) <= CHUNK_CHARS:
                pending.append((name, text, f, decoded.encoding))
                if len(pending) >= 64:
                    flush()
                continue
            flush()
            out.stream(name, text, f, advance, decoded.encoding)
        flush()
    out.finish(summary, errors)
    # SystemExit rather than click's Exit: core.cli.main runs click with
    # standalone_mode=False and would turn an Exit into status 0
    if errors:
        sys.exit(2)
    worst = max(out.worst, out.worst_quoted) if fail_on_quoted else out.worst
    if worst >= FAIL_LEVELS[fail_on]:
        sys.exit(1)


def _expand(paths: tuple[str, ...], glob: str | None) -> tuple[tuple[str, ...], set[str], int]:
    """The files to check (directories walked), those found by walking, and
    how many directories had none, each reported in one line: an empty
    folder is not a clean one."""
    from framing.inputs import describe_filter, expand

    errors = 0
    files: list[str] = []
    walked: set[str] = set()
    for found in expand(paths, glob):
        if found.empty:
            click.echo(
                f"framewatch: error: {found.path}: no files to check ({describe_filter(glob)})",
                err=True,
            )
            errors += 1
        else:
            files.append(found.path)
            if found.walked:
                walked.add(found.path)
    return tuple(files), walked, errors


def _known_encoding(value: str | None) -> str | None:
    """--encoding names a codec Python has (a usage error, exit 2, if not)."""
    if value:
        import codecs

        try:
            codecs.lookup(value)
        except LookupError:
            raise click.BadParameter(f"unknown encoding '{value}'") from None
    return value


def _read(
    path: str, name: str, encoding: str | None, note: bool, walked: bool = False
) -> Decoded | None:
    """One input decoded, or None after its one-line error (a binary file
    found by walking a directory is skipped without one: --glob took it in,
    nobody named it); a detected encoding is noted on stderr in the human
    report (--json carries it)."""
    try:
        decoded = read_input(path, encoding)
    except InputError as exc:
        if walked and exc.binary:
            return None
        click.echo(f"framewatch: error: {name}: {exc}", err=True)
        return None
    if decoded.guessed and note:
        click.echo(
            f"framewatch: note: {name}: read as {decoded.encoding} (detected; "
            "--encoding forces one)",
            err=True,
        )
    return decoded


def _learned(obj: Any, out: _Output) -> None:
    """Install the learned review model's filter (``check --learned``)."""
    out.keep, out.hidden = obj.learned_filter()


class _Output:
    """Writes each input's result as it is ready, in input order."""

    def __init__(
        self, engine: Engine, as_json: bool, fix: bool, console: Console | None, n_paths: int = 1
    ) -> None:
        self.engine = engine
        self.several = n_paths > 1
        self.as_json, self.fix, self.console = as_json, fix, console
        self.model = engine.model_name if as_json else ""
        self.counts: dict[str, int] = {"high": 0, "medium": 0, "low": 0}
        self.worst = 0  # the most severe flag in the writer's voice
        self.worst_quoted = 0  # ... and inside quotations (--fail-on-quoted)
        self.inputs = 0
        # check --learned: drops the flags the learned review model folds
        self.keep: Callable[[str, list[Flag]], list[Flag]] | None = None
        self.hidden: Callable[[], int] | None = None  # how many it left out

    def finish(self, summary: Callable[[int, dict[str, int], int], Any], errors: int) -> None:
        """The closing summary, and what --learned left out (on standard error)."""
        if self.console is not None:
            self.console.print(summary(self.inputs, self.counts, errors))
        if self.hidden is not None:
            click.echo(
                f"framewatch: {self.hidden()} flag(s) left out as probable noise (--learned)",
                err=True,
            )

    def _count(self, fl: Flag) -> None:
        self.counts[fl.severity] = self.counts.get(fl.severity, 0) + 1
        rank = RANK.get(fl.severity, 0)
        if fl.quoted:
            self.worst_quoted = max(self.worst_quoted, rank)
        else:
            self.worst = max(self.worst, rank)

    def _head(self, path: str, fmt: str, encoding: str) -> str:
        head = json.dumps(
            {"path": path, "model": self.model, "format": fmt, "encoding": encoding},
            ensure_ascii=False,
        )
        return head[:-1] + ', "flags": ['

    def write(self, path: str, text: str, fmt: str, encoding: str, flags: list[Flag]) -> None:
        from framing.render import render_flags

        self.inputs += 1
        if self.keep is not None:
            flags = self.keep(text, flags)
        for fl in flags:
            self._count(fl)
        if self.as_json:
            body = ", ".join(json.dumps(fl.to_json(), ensure_ascii=False) for fl in flags)
            click.echo(self._head(path, fmt, encoding) + body + "]}")
        elif self.fix:
            from framing.flag import apply_rewrites

            if self.several:
                click.echo(f"==> {path} <==")
            click.echo(apply_rewrites(text, flags), nl=False)
            if self.several and not text.endswith("\n"):
                click.echo()
        elif self.console is not None:
            render_flags(self.console, path, text, flags, fmt)

    def stream(self, path: str, text: str, fmt: str, advance: Advance, encoding: str) -> None:
        """A long input: flags written as the engine produces them (JSON), or
        gathered for the grouped report and --fix."""
        done = [0]

        def progress(chars: int, _total: int) -> None:
            advance(chars - done[0])
            done[0] = chars

        flags = self.engine.iter_flags(text, fmt, progress=progress)
        keep = self.keep
        if keep is not None and self.as_json:
            flags = (f for fl in flags for f in keep(text, [fl]))
        if not self.as_json:
            self.write(path, text, fmt, encoding, list(flags))
            return
        self.inputs += 1
        click.echo(self._head(path, fmt, encoding), nl=False)
        for i, fl in enumerate(flags):
            self._count(fl)
            click.echo((", " if i else "") + json.dumps(fl.to_json(), ensure_ascii=False), nl=False)
        click.echo("]}")


def _size(path: str) -> int:
    """Characters to expect from ``path`` (its size in bytes; 0 for stdin or
    an unreadable path, which the read reports)."""
    if path == "-":
        return 0
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0


class _progress:
    """A transient rich progress bar on stderr: shown at a terminal for long
    runs, or whenever asked (--progress), else a no-op.  Advanced by the
    characters checked."""

    def __init__(self, total: int, show: bool, forced: bool = False) -> None:
        self.total = total or None
        self.show = show and sys.stderr is not None and (forced or sys.stderr.isatty())
        self.forced = forced
        self.bar: Progress | None = None

    def __enter__(self) -> Advance:
        if not self.show:
            return lambda n: None
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        console = Console(stderr=True, force_terminal=self.forced or None)
        bar = self.bar = Progress(
            TextColumn("checking"),
            BarColumn(),
            TaskProgressColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
        )
        bar.start()
        task = bar.add_task("checking", total=self.total)
        return lambda n: bar.advance(task, n)

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
