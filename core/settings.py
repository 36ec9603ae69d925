"""Settings: TOML in the user config directory, overridable by flags and env.

Every front end (CLI, monitor, UI) reads the same file.  Lookup order for the
file: ``--config`` flag, ``FRAMEWATCH_CONFIG``, then
``platformdirs.user_config_dir("framewatch")/config.toml``.  A missing file
means defaults.  Environment variables override single keys so tests and
benchmarks can tune behaviour without writing a file.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from core.errors import ConfigError
from core.paths import default_config_path, default_db_path


@dataclass(frozen=True)
class LexiconSettings:
    """Organisation overrides applied on top of the shipped lexicon."""

    extra_files: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)

    def load_args(self) -> dict:
        """Keyword arguments for ``lexicon.load_lexicon`` / ``lexicon.cache.load_lexicon_cached``."""
        return {
            "extra_files": tuple(self.extra_files),
            "disable": tuple(self.disable),
            "severity": dict(self.severity) or None,
        }


@dataclass(frozen=True)
class MonitorSettings:
    user_agent: str = "Framewatch/0.1 (+https://github.com/framewatch/framewatch; media monitor)"
    contact_url: str = "https://github.com/framewatch/framewatch"
    min_host_interval: float = 5.0  # seconds between request starts to one host
    per_host_concurrency: int = 2
    global_concurrency: int = 8
    connect_timeout: float = 10.0
    total_timeout: float = 30.0
    max_body_bytes: int = 5_000_000
    max_redirects: int = 5
    allow_private_addresses: bool = False
    relevance_threshold: float = 0.35
    poll_default_minutes: int = 60
    poll_min_minutes: int = 15
    poll_max_minutes: int = 1440
    full_fetch_hours: float = 12.0
    backoff_step_minutes: int = 30
    backoff_cap_minutes: int = 1440
    fetch_articles: bool = True
    # seconds the monitor lease lasts without renewal (renewed every quarter of it):
    # how long a monitor killed without a word keeps another host's monitor waiting
    lease_seconds: float = 90.0


@dataclass(frozen=True)
class RetentionSettings:
    """What ``monitor run`` (every ``every_hours``) and ``framewatch maintain``
    delete, so a feed that mints new items on every fetch cannot grow the
    database without bound.  Articles that are reviewed, in review, noted,
    carry a decided flag or are nominated for an award are kept for ever;
    0 days means "keep for ever" for that rule."""

    raw_html_days: float = 90.0  # the raw page kept for re-extraction; the text stays
    # articles scored not criminal justice and never reviewed: off unless asked for, since
    # the relevance score can be wrong and a deleted article cannot come back
    irrelevant_days: float = 0.0
    every_hours: float = 6.0


@dataclass(frozen=True)
class UiSettings:
    theme: str = "textual-dark"
    reviewer: str = ""  # name recorded with review decisions and awards audit entries
    # binding id -> keys ("accept" = "y", "next-flag" = "l, ctrl+n"); the ids are
    # listed in the F1 help and checked when the app starts
    keymap: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class LearningSettings:
    """The learned review model (``learning``): when a flag is folded as probable noise."""

    # a flag whose predicted dismissal probability is at least this goes into the
    # review's folded "probably noise" group (never deleted, counted separately)
    fold_threshold: float = 0.95
    # the UI retrains in a worker after this many new decisions (0: only `learn train`)
    retrain_every: int = 25
    # fewer decided flags than this (or fewer than 5 of either kind): no model
    min_decisions: int = 30


@dataclass(frozen=True)
class TeamSettings:
    """Who does what, lightly (``[team]``): names as people sign their work
    (``--as``, ``[ui] reviewer``), compared without regard to case.  Empty
    lists check nothing, so a one-person set-up needs no ``[team]``."""

    reviewers: tuple[str, ...] = ()  # may decide on flags
    judges: tuple[str, ...] = ()  # may be put on an awards panel and score
    coordinator: str = ""  # runs the awards; may enter scores on a judge's behalf

    @property
    def configured(self) -> bool:
        return bool(self.reviewers or self.judges or self.coordinator)

    @staticmethod
    def _has(names: tuple[str, ...], who: str) -> bool:
        return who.strip().casefold() in {n.strip().casefold() for n in names}

    def is_coordinator(self, who: str) -> bool:
        return bool(self.coordinator) and self._has((self.coordinator,), who)

    def is_judge(self, who: str) -> bool:
        return self._has(self.judges, who)

    def is_reviewer(self, who: str) -> bool:
        return self._has(self.reviewers, who) or self.is_coordinator(who)


@dataclass(frozen=True)
class Settings:
    config_path: Path | None = None
    # The database: a SQLite file (a Path) or a server URL such as
    # "postgresql://reviewer@db.example/framewatch" (a str, password and all;
    # show it only through storage.db.display_url, which masks the password).
    db_path: Path | str = field(default_factory=default_db_path)
    lexicon: LexiconSettings = field(default_factory=LexiconSettings)
    monitor: MonitorSettings = field(default_factory=MonitorSettings)
    retention: RetentionSettings = field(default_factory=RetentionSettings)
    ui: UiSettings = field(default_factory=UiSettings)
    learning: LearningSettings = field(default_factory=LearningSettings)
    team: TeamSettings = field(default_factory=TeamSettings)


# Environment variable -> (section, key, parser)
_ENV_OVERRIDES = {
    "FRAMEWATCH_MIN_HOST_INTERVAL": ("monitor", "min_host_interval", float),
    "FRAMEWATCH_PER_HOST_CONCURRENCY": ("monitor", "per_host_concurrency", int),
    "FRAMEWATCH_GLOBAL_CONCURRENCY": ("monitor", "global_concurrency", int),
    "FRAMEWATCH_CONNECT_TIMEOUT": ("monitor", "connect_timeout", float),
    "FRAMEWATCH_TOTAL_TIMEOUT": ("monitor", "total_timeout", float),
    "FRAMEWATCH_MAX_BODY_BYTES": ("monitor", "max_body_bytes", int),
    "FRAMEWATCH_ALLOW_PRIVATE": (
        "monitor",
        "allow_private_addresses",
        lambda v: v.strip() not in ("", "0", "false", "no"),
    ),
    "FRAMEWATCH_RELEVANCE_THRESHOLD": ("monitor", "relevance_threshold", float),
    "FRAMEWATCH_REVIEWER": ("ui", "reviewer", str),
}


def _section(cls, raw: dict, path: Path, name: str):
    known = {f.name: f for f in fields(cls)}
    values = {}
    for key, value in raw.items():
        if key not in known:
            raise ConfigError(f"{path}: unknown setting [{name}] {key}")
        default = known[key].default
        if isinstance(default, tuple):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{path}: [{name}] {key} must be a list of strings")
            value = tuple(value)
        elif isinstance(default, bool):
            if not isinstance(value, bool):
                raise ConfigError(f"{path}: [{name}] {key} must be true or false")
        elif isinstance(default, (int, float)) and not isinstance(default, bool):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ConfigError(f"{path}: [{name}] {key} must be a number")
            value = type(default)(value)
        values[key] = value
    return cls(**values)


def _team(raw: dict, path: Path) -> TeamSettings:
    team = _section(TeamSettings, raw.get("team", {}), path, "team")
    if not isinstance(team.coordinator, str):
        raise ConfigError(f"{path}: [team] coordinator must be a name")
    return team


def _database_setting(raw: dict, path: Path) -> str | None:
    """``[database] url`` (a server URL or a file), or the older ``path`` key."""
    section = raw.get("database", {})
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: [database] must be a table (url = ...)")
    unknown = set(section) - {"url", "path"}
    if unknown:
        raise ConfigError(f"{path}: unknown setting [database] {sorted(unknown)[0]}")
    if "url" in section and "path" in section:
        raise ConfigError(f"{path}: [database] has both url and path; keep url")
    value = section.get("url", section.get("path"))
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise ConfigError(f"{path}: [database] url must be a URL or a file path")
    return value


def _database_target(choice: str | Path) -> Path | str:
    """A URL stays a string (pathlib would fold its '//'); a bare path is a file."""
    text = str(choice)
    return text if "://" in text else Path(text).expanduser()


def load_settings(config: str | Path | None = None, db: str | Path | None = None) -> Settings:
    """Read settings; flags beat environment variables beat the file beat defaults."""
    explicit = config or os.environ.get("FRAMEWATCH_CONFIG")
    path = Path(explicit).expanduser() if explicit else default_config_path()
    raw: dict = {}
    if path.exists():
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read config ({exc})") from exc
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: invalid TOML ({exc})") from exc
    elif explicit:
        raise ConfigError(f"{path}: config file not found")

    unknown = set(raw) - {"database", "lexicon", "monitor", "retention", "team", "ui", "learning"}
    if unknown:
        raise ConfigError(f"{path}: unknown section(s) {', '.join(sorted(unknown))}")
    lex_raw = dict(raw.get("lexicon", {}))
    severity = lex_raw.pop("severity", {})
    if not isinstance(severity, dict):
        raise ConfigError(f"{path}: [lexicon.severity] must be a table of id = severity")
    lexicon = replace(_section(LexiconSettings, lex_raw, path, "lexicon"), severity=dict(severity))
    # Relative lexicon files are relative to the config file, as a trainer would expect.
    lexicon = replace(
        lexicon,
        extra_files=tuple(str((path.parent / p).expanduser()) for p in lexicon.extra_files),
    )
    monitor = _section(MonitorSettings, raw.get("monitor", {}), path, "monitor")
    retention = _section(RetentionSettings, raw.get("retention", {}), path, "retention")
    for key in ("raw_html_days", "irrelevant_days", "every_hours"):
        if getattr(retention, key) < 0:
            raise ConfigError(f"{path}: [retention] {key} must be 0 or more")
    ui_raw = dict(raw.get("ui", {}))
    keymap = ui_raw.pop("keymap", {})
    if not isinstance(keymap, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in keymap.items()
    ):
        raise ConfigError(f'{path}: [ui.keymap] must be a table of binding id = "keys"')
    ui = replace(_section(UiSettings, ui_raw, path, "ui"), keymap=dict(keymap))
    team = _team(raw, path)
    learning = _section(LearningSettings, raw.get("learning", {}), path, "learning")
    if not 0.5 <= learning.fold_threshold <= 1.0:
        raise ConfigError(f"{path}: [learning] fold_threshold must be between 0.5 and 1")
    if learning.retrain_every < 0 or learning.min_decisions < 10:
        raise ConfigError(
            f"{path}: [learning] retrain_every must be 0 or more and min_decisions 10 or more"
        )

    overrides: dict[str, dict] = {"monitor": {}, "ui": {}}
    for var, (section, key, parse) in _ENV_OVERRIDES.items():
        if var in os.environ:
            try:
                overrides[section][key] = parse(os.environ[var])
            except ValueError as exc:
                raise ConfigError(f"{var}: invalid value {os.environ[var]!r}") from exc
    monitor = replace(monitor, **overrides["monitor"])
    ui = replace(ui, **overrides["ui"])

    db_choice = db or os.environ.get("FRAMEWATCH_DB") or _database_setting(raw, path)
    db_path = _database_target(db_choice) if db_choice else default_db_path()
    return Settings(
        config_path=path if path.exists() else None,
        db_path=db_path,
        lexicon=lexicon,
        monitor=monitor,
        retention=retention,
        ui=ui,
        learning=learning,
        team=team,
    )
