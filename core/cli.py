"""The ``framewatch`` command: a small dispatcher over each package's commands.

Sub-commands live beside the code they drive (``framing/cli.py``,
``lexicon/cli.py``, ``monitor/cli/``, ``awards/cli/``, ``tui/commands.py``)
and are named here by "module:attr" strings, imported only when used (click's
documented lazy-loading pattern), so ``framewatch check`` never pays for
Textual or the monitor, and ``core`` imports no domain package.
"""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass, field
from typing import Any

import click

from core import logging as fwlogging
from core.errors import FramewatchError
from core.settings import Settings, load_settings

# name -> "module:attribute"; order is the order shown in --help
COMMANDS: dict[str, str] = {
    "check": "framing.cli:check",
    "eval": "framing.evaluate.cli:eval_command",
    "eval-rewrites": "framing.evaluate.cli:eval_rewrites_command",
    "eval-profile": "framing.evaluate.profile_cli:eval_profile_command",
    "lexicon": "lexicon.cli:lexicon",
    "monitor": "monitor.cli.group:monitor",
    "articles": "monitor.cli.articles:articles",
    "profile": "monitor.cli.profile:profile",
    "maintain": "monitor.cli.maintain:maintain",
    "reanalyse": "monitor.cli.reanalyse:reanalyse",
    "learn": "learning.cli:learn",
    "decisions": "learning.cli:decisions",
    "awards": "awards.cli.group:awards",
    "db": "storage.cli:db",
    "demo": "tui.commands:demo",
    "tui": "tui.commands:tui",
}


# ``check --learned``: the learned review model's filter, named like the
# commands so core (and the engine's check command) import no service
LEARNED_FILTER = "learning.suppress:flag_filter"


@dataclass
class Context:
    """What every command gets via ``click.pass_obj``: flags, settings on demand."""

    config: str | None = None
    db: str | None = None
    debug: bool = False
    _settings: Settings | None = field(default=None, repr=False)

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = load_settings(self.config, self.db)
        return self._settings

    def learned_filter(self) -> Any:
        """``(keep(text, flags), hidden())`` from the database's learned model
        (``LEARNED_FILTER``); raises its one-line error when there is none."""
        module, attr = LEARNED_FILTER.split(":")
        return getattr(importlib.import_module(module), attr)(self.settings)


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return list(COMMANDS)

    def get_command(self, ctx, name):
        target = COMMANDS.get(name)
        if target is None:
            return super().get_command(ctx, name)
        module, attr = target.split(":")
        try:
            return getattr(importlib.import_module(module), attr)
        except (ImportError, AttributeError) as exc:
            # A command whose module is missing is a packaging bug; say so plainly.
            raise FramewatchError(f"command '{name}' is unavailable ({exc})") from exc

    def format_commands(self, ctx, formatter):
        rows = []
        for name in self.list_commands(ctx):
            try:
                cmd = self.get_command(ctx, name)
            except FramewatchError:
                rows.append((name, "(unavailable in this installation)"))
                continue
            if cmd is not None and not cmd.hidden:
                rows.append((name, cmd.get_short_help_str(limit=formatter.width - 20)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--config",
    type=click.Path(dir_okay=False),
    envvar="FRAMEWATCH_CONFIG",
    help="Config file (TOML). Default: the user config directory.",
)
@click.option(
    "--db",
    metavar="PATH|URL",
    envvar="FRAMEWATCH_DB",
    help="Database: a SQLite file, or a team server's URL "
    "(postgresql://user:password@host/dbname). Default: a file in the user data directory.",
)
@click.option("--debug", is_flag=True, help="Show full tracebacks on errors.")
@click.option(
    "--log-level",
    type=click.Choice(fwlogging.LEVELS, case_sensitive=False),
    default="warning",
    show_default=True,
    envvar="FRAMEWATCH_LOG_LEVEL",
    help="Least severe log records written (monitor passes and feed failures are 'info').",
)
@click.option(
    "--log-file",
    type=click.Path(dir_okay=False),
    envvar="FRAMEWATCH_LOG_FILE",
    help="Write log records to this file instead of standard error (the UI always logs to a file).",
)
@click.version_option(package_name="framewatch")
@click.pass_context
def cli(
    ctx: click.Context,
    config: str | None,
    db: str | None,
    debug: bool,
    log_level: str,
    log_file: str | None,
) -> None:
    """Framewatch: monitor criminal justice news and check its language.

    Flags stigmatising or sensationalist terms against a curated, sourced
    lexicon, explains why, and suggests person-first reframings.
    """
    fwlogging.configure(log_level, log_file)
    ctx.obj = Context(config=config, db=db, debug=debug)


def main(argv: list[str] | None = None) -> int:
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    try:
        # Without standalone mode click returns ctx.exit()'s code instead of exiting.
        rv = cli.main(args=argv, prog_name="framewatch", standalone_mode=False)
        return rv if isinstance(rv, int) else 0
    except click.exceptions.Abort:
        click.echo("framewatch: interrupted", err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except FramewatchError as exc:
        if debug:
            raise
        click.echo(f"framewatch: error: {exc}", err=True)
        return exc.exit_code
    except KeyboardInterrupt:
        click.echo("framewatch: interrupted", err=True)
        return 130
    except BrokenPipeError:
        # `framewatch check --json ... | head` closed the pipe: not an error.
        sys.stderr.close()
        return 0
    except Exception as exc:  # the last line of defence: one line, not a traceback
        if debug:
            raise
        first = str(exc).splitlines()[0] if str(exc) else ""
        click.echo(
            f"framewatch: internal error: {type(exc).__name__}: {first} "
            "(run with --debug for details)",
            err=True,
        )
        return 70


if __name__ == "__main__":
    sys.exit(main())
