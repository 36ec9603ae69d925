"""Pure helpers for the caller's poll scheduling after failures.

Linear, not exponential: Media Cloud found exponential back-off "extreme"
with long intervals, and feeds often come back after weeks of errors.
Jitter spreads retries so many feeds failing together (one host down) do not
return in one synchronised burst.
"""

from __future__ import annotations

import random
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

_DEFAULT_RNG = random.Random()
# A server's "come back later" is honoured up to a week: past that a feed is
# better retried on our own back-off (which has its own, lower, cap) than
# parked for a number of seconds with hundreds of digits.
MAX_RETRY_AFTER = 7 * 24 * 3600.0
# delta-seconds is ASCII digits (RFC 9110); str.isdigit() also accepts "²" and
# other scripts' digits, which int() then refuses.
_SECONDS = re.compile(r"[0-9]+")


def next_interval(
    base_minutes: float,
    failures: int = 0,
    retry_after: float | None = None,
    step: float = 30,
    cap: float = 1440,
    rng: random.Random | None = None,
    jitter: float = 0.1,
) -> float:
    """Minutes until the next poll of a feed or host.

    ``base_minutes + failures * step``, capped at ``cap``, plus up to
    ``jitter`` (a fraction) of that as random spread (subtracted instead when
    adding it would pass ``cap``).  A server's
    ``retry_after`` (seconds) wins when it is longer.  The result never
    exceeds ``cap``.
    ``rng`` is anything with ``uniform(a, b)``; pass a seeded
    ``random.Random`` for reproducible schedules.
    """
    failures = max(0, int(failures))
    interval = min(float(base_minutes) + failures * float(step), float(cap))
    spread = (rng or _DEFAULT_RNG).uniform(0.0, max(0.0, jitter) * interval)
    # At the ceiling the spread goes downwards, else every long-dead feed
    # would come back at exactly ``cap`` together.
    interval = interval + spread if interval + spread <= cap else interval - spread
    if retry_after is not None and retry_after > 0:
        interval = max(interval, retry_after / 60.0)
    return max(0.0, min(interval, float(cap)))


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or HTTP-date), or None.

    A date in the past means "now" (0); anything longer than
    ``MAX_RETRY_AFTER`` is that.  Garbage gives None, so the caller falls back
    to its own back-off.  Never raises: the value comes from the server.
    """
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    if _SECONDS.fullmatch(value):
        # more digits than a week has seconds is past the cap; int() of a few is cheap
        return MAX_RETRY_AFTER if len(value) > 9 else min(float(int(value)), MAX_RETRY_AFTER)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    now = now or datetime.now(UTC)
    try:
        seconds = (when - now).total_seconds()
    except OverflowError:
        return MAX_RETRY_AFTER
    return min(max(0.0, seconds), MAX_RETRY_AFTER)


def cache_lifetime(headers: dict[str, str], now: datetime | None = None) -> float | None:
    """Seconds the server says a response stays fresh, or None if it does not say.

    ``Cache-Control: max-age`` wins over ``Expires`` (RFC 9111); ``no-cache``
    / ``no-store`` give 0.  Miniflux uses this as a lower bound on the next
    poll of a feed; a caller can pass ``cache_lifetime(r.headers) / 60`` as a
    floor for ``next_interval``'s ``base_minutes``.  Keys are lower-case, as in
    ``FetchResult.headers``.
    """
    control = headers.get("cache-control", "")
    for part in control.split(","):
        name, _, value = part.strip().partition("=")
        name = name.strip().lower()
        if name in ("no-cache", "no-store"):
            return 0.0
        if name == "max-age":
            value = value.strip().strip('"')
            if _SECONDS.fullmatch(value):
                return MAX_RETRY_AFTER if len(value) > 9 else float(int(value))
    expires = headers.get("expires")
    if expires:
        lifetime = parse_retry_after(expires, now)
        if lifetime is not None:
            return lifetime
        return 0.0  # RFC 9111: an invalid Expires (e.g. "0") means already expired
    return None
