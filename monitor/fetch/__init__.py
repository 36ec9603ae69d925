"""Fetching for the media monitor: feeds and article pages over HTTP(S).

    async with Fetcher(settings.monitor) as f:
        r = await f.fetch(url, etag=None, last_modified=None, kind="feed")

See ``Fetcher`` for the behaviour and ``FetchResult`` for the fields.

For the caller:
- one Fetcher per pass, shared by all concurrent fetches (politeness and the
  robots.txt cache are per instance);
- the fetcher never forces a full fetch nor skips unchanged bodies: drop the
  validators every ``full_fetch_hours`` and compare ``body_hash(r.body)``;
- after a failure, schedule with ``next_interval(base, failures, r.retry_after,
  step, cap, rng)``; ``cache_lifetime(r.headers)`` gives the server's own
  freshness hint;
- error kinds: "refused" = our address policy (won't change by retrying),
  "robots" = robots.txt said no, or could not be read (then ``retry_after``
  says when it is worth asking again); TCP refused/reset is "other".
"""

from monitor.fetch.backoff import cache_lifetime, next_interval, parse_retry_after
from monitor.fetch.client import Fetcher
from monitor.fetch.errors import classify_error
from monitor.fetch.result import ERROR_KINDS, ErrorKind, FetchResult, body_hash

__all__ = [
    "ERROR_KINDS",
    "ErrorKind",
    "FetchResult",
    "Fetcher",
    "body_hash",
    "cache_lifetime",
    "classify_error",
    "next_interval",
    "parse_retry_after",
]
