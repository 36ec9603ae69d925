"""Managing the list of feeds: add, remove, list, OPML in and out, defaults.

OPML 2.0 is what every feed reader exports (``<outline type="rss"
xmlUrl=... htmlUrl=... title=...>``), so a campaign can bring its reading list
from Feedly/Inoreader/NetNewsWire unchanged.  Parsing uses lxml with network
access, DTDs and entity expansion off: an OPML file is untrusted input.
"""

from __future__ import annotations

import ipaddress
import re
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
    folder: str
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


# a host name's labels once IDNA-encoded (underscores occur in real hosts)
_LABEL = re.compile(r"(?!-)[a-z0-9_-]{1,63}(?<!-)", re.IGNORECASE)


def check_url(url: str) -> str:
    """``url`` if it can be a feed address, else FeedError naming what is wrong.

    Browsers and httpx quietly "fix" an address ("exa mple.org" becomes
    "exa%20mple.org"), so a typo would be stored and fail at every fetch;
    refusing it at ``monitor add`` with the reason is kinder."""
    raw = url.strip()
    url = clean_line(url)
    shown = url or "(empty)"
    space = next((i for i, ch in enumerate(raw) if ch.isspace()), None)
    if space is not None:
        raise FeedError(f"{shown}: not a valid feed address (a space at character {space + 1})")
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise FeedError(f"{shown}: not an http(s) feed address")
    if not parts.hostname:
        raise FeedError(f"{shown}: not a valid feed address (no host name)")
    try:
        parts.port  # noqa: B018 - urlsplit checks the port only when asked
    except ValueError:
        raise FeedError(f"{shown}: not a valid feed address (bad port)") from None
    problem = _host_problem(parts.hostname)
    if problem:
        raise FeedError(f"{shown}: not a valid feed address ({problem})")
    return url


def _host_problem(host: str) -> str:
    if _is_ip(host):
        return ""
    try:
        ascii_host = host.rstrip(".").encode("idna").decode("ascii")
    except UnicodeError:
        return f"host name '{host}' is not a valid international domain name"
    bad = next((label for label in ascii_host.split(".") if not _LABEL.fullmatch(label)), None)
    if bad is not None:
        return f"host name '{host}' has an invalid part '{bad}'"
    return ""


def private_address_warning(url: str, allowed: bool, timeout: float = 3.0) -> str:
    """Why the monitor would refuse to fetch ``url`` (it names or resolves to
    a loopback, private or link-local address), or "" when it would not or
    when ``allowed`` (allow_private_addresses).  Said at ``monitor add``
    time, so the feed is not silently failing from its first fetch.  A host
    that does not resolve now is left to the fetch to report."""
    if allowed:
        return ""
    import asyncio

    from monitor.fetch.addresses import forbidden_reason, parse_address, resolve

    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        ips = (
            [host]
            if _is_ip(host)
            else asyncio.run(asyncio.wait_for(resolve(host, parts.port or 443), timeout))
        )
    except (OSError, TimeoutError, UnicodeError):
        return ""
    for ip in ips:
        reason = forbidden_reason(parse_address(ip))
        if reason:
            what = f"is a {reason} address" if ip == host else f"resolves to {reason} address {ip}"
            return (
                f"{host} {what}: the monitor will not fetch it unless allow_private_addresses "
                "is set (FRAMEWATCH_ALLOW_PRIVATE=1)"
            )
    return ""


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _add(
    conn: Connection,
    url: str,
    *,
    name: str = "",
    site_url: str = "",
    verified: bool = True,
    interval_minutes: int = 60,
    folder: str = "",
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
        folder=clean_folder(folder),
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
    folder: str = "",
) -> int:
    """Start monitoring ``url`` (filed in ``folder``, "A/B" for nested); the new feed's id."""
    with db.transaction() as conn:
        return _add(
            conn,
            url,
            name=name,
            site_url=site_url,
            verified=verified,
            interval_minutes=interval_minutes,
            folder=folder,
        )


def clean_folder(folder: str) -> str:
    """A folder path as stored: parts one line each, joined by "/", no empty parts."""
    return "/".join(p for p in (clean_line(part)[:100] for part in folder.split("/")) if p)


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
            folder=r.folder,
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
    folder: str = ""  # "Crime/Courts": the enclosing folder outlines, else its category


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
                folder=_opml_folder(node),
            )
        )
    return found


def _opml_folder(node: etree._Element) -> str:
    """The folder outlines around ``node`` ("Crime/Courts"); with none, the
    first of its OPML 2.0 ``category`` values ("/Crime/Courts,/Local")."""
    parts = [
        a.get("text") or a.get("title") or ""
        for a in reversed(list(node.iterancestors("outline")))
        if not (a.get("xmlUrl") or a.get("xmlurl"))
    ]
    if not any(parts):
        parts = (node.get("category") or "").split(",")[0].split("/")
    return clean_folder("/".join(parts))


def import_opml(db: Database, path: str | Path) -> tuple[int, list[str]]:
    """(feeds added, one line per outline skipped and why), in one transaction."""
    added, skipped = 0, []
    listed = read_opml(path)
    with db.transaction() as conn:
        for feed in listed:
            try:
                _add(conn, feed.url, name=feed.name, site_url=feed.site_url, folder=feed.folder)
                added += 1
            except FeedError as exc:
                skipped.append(str(exc))
    return added, skipped


def opml_document(db: Database) -> tuple[bytes, int]:
    """(OPML 2.0 for every feed, how many): feeds filed in folder outlines,
    nested as their paths say, as feed readers write them, and each with its
    ``category`` too, for readers that only read that."""
    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = "Framewatch feeds"
    etree.SubElement(head, "dateCreated").text = utcnow()
    body = etree.SubElement(root, "body")
    with db.read() as conn:
        rows = feed_store.all_feeds(conn)
    folders: dict[str, etree._Element] = {"": body}

    def folder(path: str) -> etree._Element:
        if path not in folders:
            parent, _, name = path.rpartition("/")
            folders[path] = etree.SubElement(folder(parent), "outline", text=name, title=name)
        return folders[path]

    for r in rows:
        attrs = {"type": "rss", "text": r.name or r.url, "title": r.name or r.url, "xmlUrl": r.url}
        if r.site_url:
            attrs["htmlUrl"] = r.site_url
        if r.folder:
            attrs["category"] = "/" + r.folder
        etree.SubElement(folder(r.folder), "outline", attrs)
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data, len(rows)


def export_opml(db: Database, path: str | Path) -> int:
    data, n = opml_document(db)
    try:
        Path(path).write_bytes(data)
    except OSError as exc:
        raise FeedError(f"{path}: cannot write ({exc.strerror})") from exc
    return n


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
