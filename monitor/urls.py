"""Identity keys for articles: normalised URLs and titles.

Publishers hand out the same article under many URLs: BBC appends
``?at_medium=RSS&at_campaign=rss`` and a ``#0``/``#1`` fragment to GUIDs,
newsletters add ``utm_*``, social shares add ``fbclid``.  Two URLs that differ
only in those ways are one article (``articles.url_norm`` is UNIQUE).  Like
Media Cloud's metadata-lib we also drop ``www.``/``m.``, because outlets serve
the same story on both hosts.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

# Exact names and prefixes of query parameters that track the reader, not the page.
_TRACKING_NAMES = {
    "fbclid",
    "gclid",
    "dclid",
    "gbraid",
    "wbraid",
    "msclkid",
    "yclid",
    "twclid",
    "igshid",
    "mc_cid",
    "mc_eid",
    "mkt_tok",
    "cmpid",
    "cmp",
    "ito",
    "int_source",
    "int_medium",
    "int_campaign",
    "ocid",
    "ref",
    "ref_src",
    "ref_url",
    "referrer",
    "share",
    "s_cid",
    "_hsenc",
    "_hsmi",
    "spm",
}
_TRACKING_PREFIXES = ("utm_", "at_", "ns_", "ga_", "pk_", "mtm_", "icid", "trk", "__twitter")
_HOST_PREFIXES = ("www.", "m.", "amp.", "mobile.")
_DEFAULT_PORTS = {"http": "80", "https": "443"}


def _is_tracking(name: str) -> bool:
    low = name.lower()
    return low in _TRACKING_NAMES or name in _TRACKING_NAMES or low.startswith(_TRACKING_PREFIXES)


def normalize_url(url: str) -> str:
    """Canonical form used for de-duplication (never for fetching).

    Lower-case scheme and host, ``https`` for ``http``, no ``www.``/``m.``,
    no default port, no fragment, no tracking parameters, remaining query
    parameters sorted, trailing slash removed from non-root paths.
    Non-HTTP strings (``urn:``, ``tag:``) are returned stripped and unchanged.
    """
    raw = (url or "").strip()
    try:
        parts = urlsplit(raw)
    except ValueError:
        return raw
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return raw
    host = parts.hostname.lower().rstrip(".")
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix) :]
            break
    try:
        port = parts.port
    except ValueError:
        port = None
    if port is not None and str(port) not in _DEFAULT_PORTS.values():
        host = f"{host}:{port}"
    path = quote(unquote(parts.path or "/"), safe="/:@!$&'()*+,;=-._~%")
    path = re.sub(r"/{2,}", "/", path)
    if len(path) > 1:
        path = path.rstrip("/")
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)
    ]
    query.sort()
    return urlunsplit(("https", host, path, urlencode(query), ""))


def normalize_title(title: str) -> str:
    """Title key for "same headline from the same source": case, accents,
    punctuation and spacing removed; an outlet suffix like " - BBC News" kept
    (it is the same for every item of a feed, so it never hides a difference)."""
    text = unicodedata.normalize("NFKD", title or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.split())


def content_key(*parts: str) -> str:
    """Stable hash for items with neither link nor GUID."""
    h = hashlib.sha1()
    for part in parts:
        h.update((part or "").encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()
