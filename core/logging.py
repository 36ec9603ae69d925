"""One logging configuration for every command: stdlib ``logging``.

Loggers are named after the module (``logging.getLogger(__name__)``) under the
packages' own names; :func:`configure` sets one handler on the root logger,
from the root command's ``--log-level`` and ``--log-file``.  Without
``--log-file`` records go to standard error, and only from ``warning`` up by
default, so a command's own output is unchanged unless logging is asked for.
The terminal UI never logs to the screen: :func:`to_file_only` moves the
handler to a file before the app starts (Textual owns the terminal).

Events are one line each, ``name key=value ...``, so a long-running
``framewatch monitor run --log-level info --log-file monitor.log`` can be read
by eye and parsed by a script alike (see :func:`event`).
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Any

from core.errors import ConfigError

LEVELS = ("debug", "info", "warning", "error")
FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"
DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
# the packages whose loggers this configuration owns
PACKAGES = ("core", "lexicon", "framing", "storage", "monitor", "awards", "tui")

_handler: logging.Handler | None = None


class _Stderr(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever ``sys.stderr`` is at the time (tests and the CLI replace it)."""

    @property
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, _value: Any) -> None:
        pass


def _value(value: object) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    if text == "" or any(c in text for c in ' ="\n\t'):
        return json.dumps(text, ensure_ascii=False)
    return text


def fields(**values: object) -> str:
    """``key=value`` pairs, values quoted when they hold spaces, quotes or '='."""
    return " ".join(f"{k}={_value(v)}" for k, v in values.items() if v is not None)


def event(logger: logging.Logger, level: int, name: str, **values: object) -> None:
    """Log one structured line: ``name key=value ...``."""
    if logger.isEnabledFor(level):
        logger.log(level, "%s %s", name, fields(**values))


def _install(handler: logging.Handler, level: int) -> None:
    global _handler
    handler.setFormatter(logging.Formatter(FORMAT, DATE_FORMAT))
    root = logging.getLogger()
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
    _handler = handler
    root.addHandler(handler)
    for name in PACKAGES:
        logging.getLogger(name).setLevel(level)


def _file_handler(path: Path) -> logging.Handler:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return logging.FileHandler(path, encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write the log file ({exc.strerror or exc})") from exc


def configure(level: str = "warning", file: str | Path | None = None) -> None:
    """Send the packages' records at ``level`` and above to ``file`` (else stderr)."""
    name = level.lower()
    if name not in LEVELS:
        raise ConfigError(f"log level '{level}': use one of {', '.join(LEVELS)}")
    handler = _file_handler(Path(file).expanduser()) if file else _Stderr()
    _install(handler, getattr(logging, name.upper()))


def to_file_only(default: Path) -> Path:
    """Keep logging off the screen: records go to the configured file, else ``default``."""
    current = _handler
    if isinstance(current, logging.FileHandler):
        return Path(current.baseFilename)
    level = logging.getLogger(PACKAGES[0]).level or logging.WARNING
    _install(_file_handler(default), level)
    return default
