"""Conditional-GET validators: only valid header values are kept or sent.

An ETag or Last-Modified is the server's text and comes back on every later
request for the feed.  One that is not a valid header value (``"café"``, a
date with an ``é``) used to be stored, then re-sent on every pass, and every
pass failed before a byte left (httpx refuses to encode it): the feed was
stopped for good.  So a validator is checked twice: when a response's value
is stored, and when a stored value is about to be sent (rows stored before
this check existed).  A value that fails is dropped; the feed is then
fetched in full, and ``body_hash`` still skips re-parsing an unchanged body.

What passes (RFC 9110): an entity-tag ``[W/]"..."`` of visible ASCII without
``"`` inside, or a bare token of visible ASCII (lenient servers send those;
clients echo them unchanged); a Last-Modified of visible ASCII and spaces,
echoed unchanged as the RFC asks, else, if it still reads as an HTTP-date,
that date re-written in the one standard form.  Obsolete non-ASCII octets
(obs-text) are allowed by the grammar but cannot be echoed reliably once
decoded, so they are not kept.
"""

from __future__ import annotations

import re
from datetime import UTC
from email.utils import format_datetime, parsedate_to_datetime

MAX_LENGTH = 512  # real ETags are hashes or version numbers: tens of characters

_ENTITY_TAG = re.compile(r'(?:W/)?"[\x21\x23-\x7e]*"')
_TOKEN = re.compile(r"[\x21\x23-\x7e]+")
_VISIBLE_WITH_SPACES = re.compile(r"[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?")


def clean_etag(value: object) -> str | None:
    """The ETag as it may be stored and sent back, or None when it is not one."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > MAX_LENGTH:
        return None
    if _ENTITY_TAG.fullmatch(text) or _TOKEN.fullmatch(text):
        return text
    return None


def clean_last_modified(value: object) -> str | None:
    """The Last-Modified value as it may be stored and sent back, or None."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > MAX_LENGTH:
        return None
    if _VISIBLE_WITH_SPACES.fullmatch(text):
        return text
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    try:
        return format_datetime(when.astimezone(UTC), usegmt=True)
    except (ValueError, OverflowError):
        return None
