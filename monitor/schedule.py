"""When to fetch a feed next.

Success: Media Cloud's self-tuning rule on the share of items already seen
(an unchanged document counts as all seen): mostly seen (>= 2/3) -> poll
less often (x1.25, at least +10 min); mostly new (< 1/3) -> poll twice as
often; in between -> unchanged.  Always within [poll_min, poll_max], and
never more often than the feed's own ``<ttl>`` asks.

Failure: ``monitor.fetch.backoff.next_interval``: linear back-off (interval +
step x failures, capped), up to 10% jitter so feeds that failed together do
not retry together (CommaFeed #2181), a server's Retry-After honoured when
longer, up to the cap.  A
failing feed is slowed, never dropped: Media Cloud found that "a surprising
number of feeds come back from what looks like death".
"""

from __future__ import annotations

import random

SEEN_SLOWER = 2 / 3
SEEN_FASTER = 1 / 3


def adapt_interval(
    current: int, seen_ratio: float, *, poll_min: int, poll_max: int, ttl_minutes: int | None = None
) -> int:
    if seen_ratio >= SEEN_SLOWER:
        value = max(current * 1.25, current + 10)
    elif seen_ratio < SEEN_FASTER:
        value = current / 2
    else:
        value = current
    if ttl_minutes:
        value = max(value, min(ttl_minutes, poll_max))
    return int(min(max(value, poll_min), poll_max))


def failure_delay_minutes(
    interval: int,
    failures: int,
    *,
    step: int,
    cap: int,
    retry_after_seconds: float | None = None,
    rng: random.Random | None = None,
) -> float:
    # The fetcher owns the back-off formula so feeds and hosts slow down alike.
    from monitor.fetch.backoff import next_interval

    return next_interval(
        interval, max(failures, 1), retry_after_seconds, step=step, cap=cap, rng=rng
    )
