"""Pure back-off helpers for the caller's scheduling."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from monitor.fetch.backoff import cache_lifetime, next_interval, parse_retry_after


def test_linear_growth_without_jitter():
    got = [next_interval(60, n, None, step=30, cap=1440, jitter=0) for n in range(4)]
    assert got == [60, 90, 120, 150]


def test_cap_is_a_hard_ceiling_and_jitter_still_spreads_there():
    assert next_interval(60, 50, None, 30, 1440, jitter=0) == 1440
    at_cap = [next_interval(60, 1000, None, 30, 1440, random.Random(s)) for s in range(20)]
    assert all(1440 * 0.9 <= v <= 1440 for v in at_cap)
    assert len(set(at_cap)) > 15


def test_jitter_stays_within_ten_percent_and_is_reproducible():
    values = [next_interval(100, 0, None, 30, 1440, random.Random(s)) for s in range(50)]
    assert all(100 <= v <= 110 for v in values)
    assert len(set(values)) > 40  # actually spread
    assert next_interval(100, 2, None, 30, 1440, random.Random(7)) == next_interval(
        100, 2, None, 30, 1440, random.Random(7)
    )


def test_retry_after_wins_when_longer():
    assert next_interval(60, 0, 7200, 30, 1440, jitter=0) == 120
    assert next_interval(60, 0, 60, 30, 1440, jitter=0) == 60  # shorter: ignored
    assert next_interval(60, 0, 10 * 86400, 30, 1440, jitter=0) == 1440  # capped


def test_negative_failures_count_as_none():
    assert next_interval(60, -3, None, 30, 1440, jitter=0) == 60


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("120", 120.0),
        ("0", 0.0),
        (" 5 ", 5.0),
        ("", None),
        (None, None),
        ("soon", None),
        ("-5", None),
    ],
)
def test_parse_retry_after_seconds(value, expected):
    assert parse_retry_after(value) == expected


def test_parse_retry_after_http_date():
    now = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
    later = format_datetime(now + timedelta(minutes=90), usegmt=True)
    earlier = format_datetime(now - timedelta(minutes=5), usegmt=True)
    assert parse_retry_after(later, now=now) == 5400.0
    assert parse_retry_after(earlier, now=now) == 0.0


def test_cache_lifetime():
    now = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
    in_an_hour = format_datetime(now + timedelta(hours=1), usegmt=True)
    assert cache_lifetime({"cache-control": "public, max-age=900"}, now) == 900.0
    assert cache_lifetime({"cache-control": "max-age=60", "expires": in_an_hour}, now) == 60.0
    assert cache_lifetime({"expires": in_an_hour}, now) == 3600.0
    assert cache_lifetime({"expires": "0"}, now) == 0.0
    assert cache_lifetime({"cache-control": "no-cache"}, now) == 0.0
    assert cache_lifetime({"cache-control": "private"}, now) is None
    assert cache_lifetime({}, now) is None
