"""The retention policy: keep what people need, let the rest go.

A feed that mints new GUIDs on every fetch used to grow the database by the
same amount on every pass, for ever.  ``[retention]`` in the config says what
may go (``core.settings.RetentionSettings``): the raw HTML of articles older
than ``raw_html_days`` (the extracted text stays), and articles older than
``irrelevant_days`` that were scored as not criminal justice and never
reviewed.  Reviewed, in-review, noted, decided-on and nominated articles are
kept for ever.  ``monitor run`` applies it every ``every_hours``;
``framewatch maintain`` applies it on demand (``--dry-run`` to see first).

SQLite reuses the pages freed by a deletion for new articles, so under the
policy the file stops growing; it does not shrink until ``VACUUM``
(``framewatch maintain --vacuum``), which rewrites the whole file and wants
the monitor stopped.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta

from core import logging as fwlogging
from core.settings import RetentionSettings
from storage import retention as store
from storage.db import Database

log = logging.getLogger(__name__)
BATCH = 500  # rows per transaction: a monitor or the UI waits at most one batch


@dataclass
class RetentionReport:
    raw_html_days: float
    irrelevant_days: float
    dry_run: bool
    raw_html_articles: int = 0  # articles whose raw HTML was (or would be) dropped
    raw_html_bytes: int = 0
    articles_deleted: int = 0
    article_bytes: int = 0
    stories_deleted: int = 0
    kept_forever: int = 0
    articles_left: int = 0
    file_bytes: int | None = None
    free_bytes: int | None = None
    vacuumed: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.raw_html_articles or self.articles_deleted or self.stories_deleted)

    def to_json(self) -> dict:
        return asdict(self)

    def log(self) -> None:
        fwlogging.event(
            log,
            logging.INFO,
            "monitor.retention",
            dry_run=self.dry_run,
            raw_html=self.raw_html_articles,
            articles=self.articles_deleted,
            stories=self.stories_deleted,
            kept=self.kept_forever,
            file_bytes=self.file_bytes,
            free_bytes=self.free_bytes,
        )


def _cutoff(now: datetime, days: float) -> str:
    return (now - timedelta(days=days)).replace(microsecond=0).isoformat()


def apply_retention(
    db: Database,
    policy: RetentionSettings,
    *,
    now: datetime | None = None,
    dry_run: bool = False,
) -> RetentionReport:
    """Apply ``policy`` (or, with ``dry_run``, count what it would do)."""
    now = now or datetime.now(UTC)
    report = RetentionReport(policy.raw_html_days, policy.irrelevant_days, dry_run)
    if policy.raw_html_days > 0:
        cutoff = _cutoff(now, policy.raw_html_days)
        with db.read("counting raw HTML to drop") as conn:
            report.raw_html_articles, report.raw_html_bytes = store.count_raw_html(conn, cutoff)
        if not dry_run:
            report.raw_html_articles = _batches(
                db, store.drop_raw_html, cutoff, "dropping raw HTML"
            )
    if policy.irrelevant_days > 0:
        cutoff = _cutoff(now, policy.irrelevant_days)
        with db.read("counting old irrelevant articles") as conn:
            report.articles_deleted, report.article_bytes = store.count_irrelevant(conn, cutoff)
        if not dry_run:
            report.articles_deleted = _batches(
                db, store.delete_irrelevant, cutoff, "deleting old irrelevant articles"
            )
    with db.read() as conn:
        report.stories_deleted = store.count_empty_stories(conn)
    if not dry_run and report.stories_deleted:
        with db.transaction("deleting empty stories") as conn:
            report.stories_deleted = store.delete_empty_stories(conn)
    with db.read() as conn:
        report.kept_forever = store.count_kept(conn)
        report.articles_left = store.row_counts(conn)["articles"]
        size = store.size(conn)
    report.file_bytes, report.free_bytes = size.bytes, size.free_bytes
    report.log()
    return report


def _batches(db: Database, step, cutoff: str, what: str) -> int:
    total = 0
    while True:
        with db.transaction(what) as conn:
            done = step(conn, cutoff, BATCH)
        total += done
        if done < BATCH:
            return total


def vacuum(db: Database) -> tuple[int | None, int | None]:
    """VACUUM the database; (bytes before, bytes after)."""
    with db.read() as conn:
        before = store.size(conn).bytes
    with db.autocommit("VACUUM") as conn:
        store.vacuum(conn)
    with db.read() as conn:
        after = store.size(conn).bytes
    return before, after


class RetentionClock:
    """For ``monitor run``: is the policy due again (every ``every_hours``)?"""

    def __init__(self, policy: RetentionSettings) -> None:
        self.policy = policy
        self.last: datetime | None = None

    def due(self, now: datetime | None = None) -> bool:
        now = now or datetime.now(UTC)
        if not (self.policy.raw_html_days > 0 or self.policy.irrelevant_days > 0):
            return False
        if self.last is None or now - self.last >= timedelta(hours=self.policy.every_hours):
            self.last = now
            return True
        return False
