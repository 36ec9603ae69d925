"""Where Framewatch keeps its files: the user config, data and cache folders.

One place, so the settings, the lexicon cache, the demo and the log file agree
(``platformdirs`` picks the platform's conventional folders).
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "framewatch"


def default_config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"


def default_db_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME)) / "framewatch.sqlite3"


def demo_db_path() -> Path:
    """The demo keeps its own database, so trying it never mixes sample
    articles into an organisation's real review queue."""
    return Path(platformdirs.user_data_dir(APP_NAME)) / "demo.sqlite3"


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME))


def default_log_path() -> Path:
    """Where the terminal UI logs when no ``--log-file`` is given (never the screen)."""
    return Path(platformdirs.user_log_dir(APP_NAME)) / "framewatch.log"
