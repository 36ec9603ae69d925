"""The value every fetch returns, success or failure."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal, get_args

ErrorKind = Literal[
    "dns", "timeout", "tls", "http", "refused", "size", "scheme", "redirect", "robots", "other"
]
ERROR_KINDS: tuple[str, ...] = get_args(ErrorKind)


@dataclass(frozen=True)
class FetchResult:
    """Outcome of one ``Fetcher.fetch``.

    ``error_kind`` is None on success (2xx, or 304 with ``not_modified``).
    For HTTP errors (>= 400) ``status`` and ``headers`` are kept and ``body``
    is empty.  ``error`` is a single line naming the host and the cause, safe
    to print to a terminal.  ``redirects`` lists the hops followed as
    (status, url) so a caller can notice a feed that moved permanently.
    """

    url: str
    final_url: str
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    not_modified: bool = False
    error_kind: ErrorKind | None = None
    error: str | None = None
    retry_after: float | None = None
    elapsed: float = 0.0
    redirects: tuple[tuple[int, str], ...] = ()

    @property
    def ok(self) -> bool:
        return self.error_kind is None

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")


def body_hash(body: bytes) -> str:
    """Stable digest of a response body.

    Some servers send a fresh ETag/Last-Modified with identical content, so the
    caller compares this with the previous fetch's hash and skips re-parsing
    when it is unchanged (TT-RSS does the same with sha1).
    """
    return hashlib.sha256(body).hexdigest()
