"""Fetching for the media monitor: feeds and article pages over HTTP(S).

    async with Fetcher(settings.monitor) as f:
        r = await f.fetch(url, etag=None, last_modified=None, kind="feed")

See ``Fetcher`` for the behaviour and ``FetchResult`` for the fields.
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
