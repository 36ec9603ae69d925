"""Feed bytes -> plain feed items, with feedparser doing the hard parts.

feedparser gets the raw bytes *and* the response headers, because the
charset in ``Content-Type`` decides how the bytes decode (RFC 3023) and
``Content-Location`` is the base for relative links.  The bytes go in as a
stream: given a ``bytes`` object feedparser first tries to open it as a
*file name*, which a hostile server could aim at a local file.
"""

from __future__ import annotations

import calendar
import io
import re
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import feedparser

from monitor.html_text import HtmlBudgetError, html_to_text
from monitor.sanitize import clean_line
from monitor.urls import content_key, normalize_title, normalize_url

# A date this far past the fetch time is the feed's clock being wrong or a
# placeholder (2999, 9999), not news from the future; it would pin the item to
# the top of every newest-first list.  The tolerance covers clock skew.
FUTURE_TOLERANCE = timedelta(minutes=15)

# Exceptions feedparser raises as bozo although the feed parsed fine.
_WARNINGS = ("CharacterEncodingOverride", "NonXMLContentType")
_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html|<head|<body)", re.I | re.S
)


class FeedParseError(Exception):
    """Nothing usable in the document; ``str()`` is one line without the feed name."""


@dataclass
class FeedItem:
    key: str  # url_norm: normalised link, or a urn for items without one
    guid: str
    link: str  # absolute http(s) URL, or "" when the item has none
    title: str
    title_norm: str
    summary: str  # plain text from the feed (summary or full content, the longer)
    author: str
    published: str | None  # ISO-8601 UTC; the fetch time when the feed's date was in the future
    published_claimed: str | None = None  # the feed's own date text, when it was not used


@dataclass(frozen=True)
class ItemProblem:
    """An item left out of a feed that was otherwise read, and why.

    ``kind`` is "budget" (its markup is over the work budget: too deep, too
    many elements) or "unreadable" (the entry broke the conversion)."""

    kind: str
    item: str  # the item's headline, GUID or link, or its position in the feed
    cause: str

    def line(self) -> str:
        return f"{self.item}: {self.kind}: {self.cause}"


@dataclass
class ParsedFeed:
    title: str = ""
    site_url: str = ""
    items: list[FeedItem] = field(default_factory=list)
    problem: str | None = None  # ill-formed but usable: what was wrong
    rejected: list[ItemProblem] = field(default_factory=list)
    ttl_minutes: int | None = None
    version: str = ""

    def problems(self) -> str | None:
        """What was wrong, in one line for the feed's record: the feed's own
        problem, then the items left out (the first few named)."""
        parts = [self.problem] if self.problem else []
        if self.rejected:
            named = "; ".join(p.line() for p in self.rejected[:3])
            more = f"; and {len(self.rejected) - 3} more" if len(self.rejected) > 3 else ""
            parts.append(f"{len(self.rejected)} item(s) left out: {named}{more}")
        return " | ".join(parts)[:1000] if parts else None


def _iso(parsed: time.struct_time | None) -> str | None:
    if not parsed:
        return None
    try:
        return (
            datetime.fromtimestamp(calendar.timegm(parsed), UTC).replace(microsecond=0).isoformat()
        )
    except (OverflowError, ValueError, OSError):
        return None


def _http(url: str) -> bool:
    return url.lower().startswith(("http://", "https://"))


def _one_line(exc: object) -> str:
    text = str(exc).strip().splitlines()
    return clean_line(text[0] if text else type(exc).__name__)[:300]


def _published(iso: str | None, entry, now: datetime) -> tuple[str | None, str | None]:
    """(the date stored, the feed's own date text when it was not used)."""
    if iso is None or datetime.fromisoformat(iso) <= now + FUTURE_TOLERANCE:
        return iso, None
    said = clean_line(entry.get("published") or entry.get("updated") or iso)[:100]
    return now.replace(microsecond=0).isoformat(), said


def item_from_entry(entry, feed_url: str, now: datetime | None = None) -> FeedItem:
    guid = clean_line(entry.get("id") or "")
    link = clean_line(entry.get("link") or "")
    if not _http(link):
        link = guid if _http(guid) and entry.get("guidislink") else ""
    title = clean_line(html_to_text(entry.get("title") or ""))
    summary = html_to_text(entry.get("summary") or "")
    for content in entry.get("content") or ():
        value = html_to_text(content.get("value") or "")
        if len(value) > len(summary):
            summary = value
    author = clean_line(entry.get("author") or "")
    given = _iso(entry.get("published_parsed") or entry.get("updated_parsed"))
    published, claimed = _published(given, entry, now or datetime.now(UTC))
    if link:
        key = normalize_url(link)
    elif guid:
        key = "urn:framewatch:" + content_key(feed_url, "guid", guid)
    else:
        key = "urn:framewatch:" + content_key(feed_url, "item", title, summary, given or "")
    return FeedItem(
        key=key,
        guid=guid,
        link=link,
        title=title,
        title_norm=normalize_title(title),
        summary=summary,
        author=author,
        published=published,
        published_claimed=claimed,
    )


def looks_like_html(body: bytes, headers: dict) -> bool:
    ctype = headers.get("content-type", "").lower()
    return "html" in ctype and "xml" not in ctype or bool(_HTML_START.match(body[:2048]))


def parse_feed(
    body: bytes, headers: dict, feed_url: str, *, now: datetime | None = None
) -> ParsedFeed:
    """Parse a fetched document; raise FeedParseError when it yields nothing.

    ``now`` is the fetch time (default: the clock): an item dated more than
    ``FUTURE_TOLERANCE`` after it gets that time, and keeps its own date in
    ``published_claimed``."""
    now = now or datetime.now(UTC)
    response_headers = {k.lower(): v for k, v in (headers or {}).items()}
    response_headers.setdefault("content-location", feed_url)
    try:
        result = feedparser.parse(io.BytesIO(body), response_headers=response_headers)
    except Exception as exc:  # feedparser crashes on some garbage (#277): one line instead
        raise FeedParseError(f"the parser failed ({type(exc).__name__}: {_one_line(exc)})") from exc
    entries = result.get("entries") or []
    bozo = result.get("bozo")
    exc = result.get("bozo_exception")
    problem = None
    if bozo and exc is not None:
        problem = f"{type(exc).__name__}: {_one_line(exc)}"
    harmless = bozo and type(exc).__name__ in _WARNINGS
    if not entries:
        if looks_like_html(body, response_headers) and not result.get("version"):
            raise FeedParseError("the address returned an HTML page, not a feed")
        if not body.strip():
            raise FeedParseError("the server sent an empty document")
        if bozo and not (harmless and result.get("version")):
            raise FeedParseError(f"not a readable feed ({problem or 'unknown format'})")
        if not result.get("version"):
            raise FeedParseError("not a feed (no RSS, Atom or JSON Feed found)")
    meta = result.get("feed") or {}
    ttl = None
    try:
        raw_ttl = meta.get("ttl")
        ttl = int(raw_ttl) if raw_ttl else None
    except (TypeError, ValueError):
        ttl = None
    items, rejected = [], []
    for n, entry in enumerate(entries, 1):
        try:
            items.append(item_from_entry(entry, feed_url, now))
        except HtmlBudgetError as exc:
            rejected.append(
                ItemProblem("budget", _item_name(entry, n), f"over the work budget ({exc})")
            )
        except Exception as exc:  # noqa: BLE001 - one odd entry must not lose the rest
            rejected.append(
                ItemProblem(
                    "unreadable", _item_name(entry, n), f"{type(exc).__name__}: {_one_line(exc)}"
                )
            )
    site = clean_line(meta.get("link") or "")
    try:
        title = clean_line(html_to_text(meta.get("title") or ""))
    except HtmlBudgetError as exc:
        title, problem = "", problem or f"feed title left out: over the work budget ({exc})"
    return ParsedFeed(
        title=title,
        site_url=site if _http(site) else "",
        items=items,
        problem=problem,
        rejected=rejected,
        ttl_minutes=ttl,
        version=result.get("version") or "",
    )


def _item_name(entry, n: int) -> str:
    """How a rejected item is named in a one-line error: its headline (as
    plain characters, never parsed), else its GUID or link, else its position."""
    for key in ("title", "id", "link"):
        try:
            value = clean_line(re.sub(r"<[^>]{0,200}>", "", str(entry.get(key) or "")))
        except Exception:  # noqa: BLE001 - naming the item must not fail the feed
            value = ""
        if value:
            return repr(value[:80] + ("…" if len(value) > 80 else ""))
    return f"item {n}"
