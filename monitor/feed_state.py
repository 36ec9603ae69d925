"""What a fetch does to a feed's record: its schedule, validators and failure count.

A failure backs the feed off (longer each time, capped, honouring
Retry-After) and is kept on the feed, never a reason to drop it; a success
adapts the polling interval to how much was new, keeps the validators for
the next conditional GET and follows a permanent redirect.  Each outcome is
written with its fetch event in one transaction.
"""

from __future__ import annotations

from typing import Any

from core.settings import MonitorSettings
from monitor.fetch.validators import clean_etag, clean_last_modified
from monitor.outcome import FeedOutcome
from monitor.sanitize import clean_line
from monitor.schedule import adapt_interval, failure_delay_minutes
from storage import feeds as feed_store
from storage.db import Database, Row, iso_plus


def _permanent_target(r: Any) -> str | None:
    hops = getattr(r, "redirects", ()) or ()
    if hops and all(status in (301, 308) for status, _ in hops) and r.final_url:
        return str(r.final_url)
    return None


def record_failure(
    db: Database,
    mon: MonitorSettings,
    feed: Row,
    out: FeedOutcome,
    now: str,
    kind: str,
    error: str,
    status: int | None = None,
    retry_after: float | None = None,
) -> None:
    out.error_kind, out.error, out.status = kind, clean_line(error)[:500], status
    failures = (feed.failures or 0) + 1
    delay = failure_delay_minutes(
        feed.interval_minutes or mon.poll_default_minutes,
        failures,
        step=mon.backoff_step_minutes,
        cap=mon.backoff_cap_minutes,
        retry_after_seconds=retry_after,
    )
    with db.transaction() as conn:
        feed_store.update_feed(
            conn,
            feed.id,
            failures=failures,
            last_status=status,
            last_error_kind=kind,
            last_error=out.error,
            last_fetch_at=now,
            next_fetch_at=iso_plus(now, minutes=delay),
        )
        feed_store.add_event(conn, feed.id, at=now, status=status, error_kind=kind, error=out.error)


def _success_values(
    mon: MonitorSettings,
    feed: Row,
    out: FeedOutcome,
    now: str,
    r: Any,
    forced: bool,
    parsed_meta: Any,
    digest: str | None,
) -> dict[str, Any]:
    total = out.new + out.seen
    seen_ratio = 1.0 if total == 0 else out.seen / total
    interval = adapt_interval(
        feed.interval_minutes or mon.poll_default_minutes,
        seen_ratio,
        poll_min=mon.poll_min_minutes,
        poll_max=mon.poll_max_minutes,
        ttl_minutes=parsed_meta.ttl_minutes if parsed_meta is not None else None,
    )
    values: dict[str, Any] = dict(
        failures=0,
        last_status=r.status,
        last_error_kind=None,
        last_error=None,
        last_fetch_at=now,
        last_success_at=now,
        interval_minutes=interval,
        next_fetch_at=iso_plus(now, minutes=interval),
    )
    if not out.not_modified:
        # only values that are valid header values: each is sent back on every later pass
        values.update(
            etag=clean_etag(r.headers.get("etag")),
            last_modified=clean_last_modified(r.headers.get("last-modified")),
        )
        if digest:
            values["body_hash"] = digest
    if forced:
        values["last_full_fetch_at"] = now
    if parsed_meta is not None:
        values["parse_problem"] = parsed_meta.problems()
        if not feed.name and parsed_meta.title:
            values["name"] = parsed_meta.title[:200]
        if not feed.site_url and parsed_meta.site_url:
            values["site_url"] = parsed_meta.site_url
    return values


def record_success(
    db: Database,
    mon: MonitorSettings,
    feed: Row,
    out: FeedOutcome,
    now: str,
    r: Any,
    forced: bool,
    parsed_meta: Any,
    digest: str | None = None,
) -> None:
    values = _success_values(mon, feed, out, now, r, forced, parsed_meta, digest)
    moved = _permanent_target(r)
    if moved and moved != feed.url:
        with db.read() as conn:
            taken = feed_store.id_by_url(conn, moved)
        if taken is None:
            # every hop was permanent (301/308): follow the publisher, as feed readers do
            values["url"] = moved
    with db.transaction() as conn:
        feed_store.update_feed(conn, feed.id, **values)
        feed_store.add_event(
            conn,
            feed.id,
            at=now,
            status=r.status,
            error_kind=None,
            error=None,
            new_items=out.new,
            seen_items=out.seen,
            not_modified=out.not_modified or out.unchanged,
        )
