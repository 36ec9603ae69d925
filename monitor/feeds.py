"""Managing the list of feeds: add, remove, list, OPML in and out, defaults.

OPML 2.0 is what every feed reader exports (``<outline type="rss"
xmlUrl=... htmlUrl=... title=...>``), so a campaign can bring its reading list
from Feedly/Inoreader/NetNewsWire unchanged.  Parsing uses lxml with network
access, DTDs and entity expansion off: an OPML file is untrusted input.
"""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from lxml import etree

from core.errors import FramewatchError
from monitor.sanitize import clean_line
from storage import feeds as feed_store
from storage.db import Connection, Database, Row, utcnow


class FeedError(FramewatchError):
    """A feed cannot be added, found or imported."""


@dataclass
class FeedInfo:
    id: int
    url: str
    name: str
    site_url: str
    verified: bool
    enabled: bool
    articles: int
    interval_minutes: int
    last_fetch_at: str | None
    last_success_at: str | None
    next_fetch_at: str | None
    last_status: int | None
    last_error_kind: str | None
    last_error: str | None
    failures: int
    parse_problem: str | None

    def to_json(self) -> dict:
        return asdict(self)


def check_url(url: str) -> str:
    url = clean_line(url)
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise FeedError(f"{url or '(empty)'}: not an http(s) feed address")
    return url


def _add(
    conn: Connection,
    url: str,
    *,
    name: str = "",
    site_url: str = "",
    verified: bool = True,
    interval_minutes: int = 60,
) -> int:
    url = check_url(url)
    existing = feed_store.id_by_url(conn, url)
    if existing is not None:
        raise FeedError(f"{url}: already monitored (feed {existing})")
    added = feed_store.insert_feed(
        conn,
        url=url,
        name=clean_line(name)[:200],
        site_url=clean_line(site_url),
        verified=verified,
        added_at=utcnow(),
        interval_minutes=interval_minutes,
    )
    if added is None:  # added by another process since the check: the same answer
        raise FeedError(f"{url}: already monitored (feed {feed_store.id_by_url(conn, url)})")
    return added


def add_feed(
    db: Database,
    url: str,
    *,
    name: str = "",
    site_url: str = "",
    verified: bool = True,
    interval_minutes: int = 60,
) -> int:
    """Start monitoring ``url``; the new feed's id."""
    with db.transaction() as conn:
        return _add(
            conn,
            url,
            name=name,
            site_url=site_url,
            verified=verified,
            interval_minutes=interval_minutes,
        )


def _find(conn: Connection, ref: str) -> Row:
    ref = ref.strip()
    row = feed_store.find(conn, ref)
    if row is None:
        raise FeedError(
            f"{ref}: no such feed (use the id or the exact URL from 'framewatch monitor list')"
        )
    return row


def find_feed(db: Database, ref: str) -> Row:
    """A feed by its id or exact URL, or a FeedError saying how to find it."""
    with db.read() as conn:
        return _find(conn, ref)


def remove_feed(db: Database, ref: str) -> str:
    """Remove a feed; its articles (and their review work) stay, detached."""
    with db.transaction() as conn:
        row = _find(conn, ref)
        feed_store.delete(conn, row.id)
        return str(row.url)


def next_due(db: Database) -> str | None:
    """When the next enabled feed falls due (ISO time), if any is scheduled."""
    with db.read() as conn:
        return feed_store.next_due(conn)


def next_due_feed(db: Database) -> FeedInfo | None:
    """The enabled feed that falls due first (one never fetched is due now),
    for "nothing due: next is X in 25 min" and the idle status line."""
    enabled = [f for f in list_feeds(db) if f.enabled]
    if not enabled:
        return None
    return min(enabled, key=lambda f: (f.next_fetch_at is not None, f.next_fetch_at or "", f.id))


def list_feeds(db: Database) -> list[FeedInfo]:
    with db.read() as conn:
        counts = feed_store.article_counts(conn)
        rows = feed_store.all_feeds(conn)
    return [
        FeedInfo(
            id=r.id,
            url=r.url,
            name=r.name,
            site_url=r.site_url,
            verified=bool(r.verified),
            enabled=bool(r.enabled),
            articles=counts.get(r.id, 0),
            interval_minutes=r.interval_minutes,
            last_fetch_at=r.last_fetch_at,
            last_success_at=r.last_success_at,
            next_fetch_at=r.next_fetch_at,
            last_status=r.last_status,
            last_error_kind=r.last_error_kind,
            last_error=r.last_error,
            failures=r.failures,
            parse_problem=r.parse_problem,
        )
        for r in rows
    ]


# ---- OPML -------------------------------------------------------------------
_SAFE_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=False
)


@dataclass
class OpmlFeed:
    url: str
    name: str
    site_url: str


def read_opml(path: str | Path) -> list[OpmlFeed]:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FeedError(f"{path}: cannot read ({exc.strerror})") from exc
    try:
        root = etree.fromstring(data, _SAFE_PARSER)
    except etree.XMLSyntaxError as exc:
        raise FeedError(f"{path}: not valid OPML ({str(exc).splitlines()[0]})") from exc
    if root.tag != "opml":
        raise FeedError(f"{path}: not an OPML file (root element <{root.tag}>)")
    found = []
    for node in root.iter("outline"):
        url = node.get("xmlUrl") or node.get("xmlurl")
        if not url:
            continue  # a folder
        found.append(
            OpmlFeed(
                url=url.strip(),
                name=node.get("title") or node.get("text") or "",
                site_url=node.get("htmlUrl") or "",
            )
        )
    return found


def import_opml(db: Database, path: str | Path) -> tuple[int, list[str]]:
    """(feeds added, one line per outline skipped and why), in one transaction."""
    added, skipped = 0, []
    listed = read_opml(path)
    with db.transaction() as conn:
        for feed in listed:
            try:
                _add(conn, feed.url, name=feed.name, site_url=feed.site_url)
                added += 1
            except FeedError as exc:
                skipped.append(str(exc))
    return added, skipped


def export_opml(db: Database, path: str | Path) -> int:
    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = "Framewatch feeds"
    etree.SubElement(head, "dateCreated").text = utcnow()
    body = etree.SubElement(root, "body")
    with db.read() as conn:
        rows = feed_store.all_feeds(conn)
    for r in rows:
        attrs = {"type": "rss", "text": r.name or r.url, "title": r.name or r.url, "xmlUrl": r.url}
        if r.site_url:
            attrs["htmlUrl"] = r.site_url
        etree.SubElement(body, "outline", attrs)
    try:
        Path(path).write_bytes(
            etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
        )
    except OSError as exc:
        raise FeedError(f"{path}: cannot write ({exc.strerror})") from exc
    return len(rows)


# ---- shipped defaults -----------------------------------------------------------
@dataclass
class DefaultFeed:
    url: str
    name: str
    site_url: str
    verified: bool
    topic: str


def default_feeds() -> list[DefaultFeed]:
    text = (
        resources.files("monitor.data").joinpath("default_feeds.toml").read_text(encoding="utf-8")
    )
    data = tomllib.loads(text)
    return [
        DefaultFeed(
            url=f["url"],
            name=f["name"],
            site_url=f.get("site_url", ""),
            verified=bool(f.get("verified", False)),
            topic=f.get("topic", ""),
        )
        for f in data["feed"]
    ]


def add_defaults(db: Database) -> tuple[int, int]:
    """(added, already present), in one transaction."""
    added = present = 0
    with db.transaction() as conn:
        for f in default_feeds():
            try:
                _add(conn, f.url, name=f.name, site_url=f.site_url, verified=f.verified)
                added += 1
            except FeedError:
                present += 1
    return added, present


def register_sample_feed(db_conn: Connection, url: str, name: str) -> int:
    """Add one of the demo's sample feeds inside the demo's own transaction."""
    return _add(db_conn, url, name=name, verified=True)
