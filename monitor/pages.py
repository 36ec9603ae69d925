"""A feed's new items made ready to store: each article page fetched and its
text extracted (falling back to the feed's summary, with a note saying why),
then scored for relevance."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from monitor import relevance as relevance_mod
from monitor.extract import (
    Extraction,
    compress_html,
    decode_html,
    extract_text,
    from_summary,
    is_html,
    without_repeated_headline,
)
from monitor.parse import FeedItem
from monitor.sanitize import clean_line

# A feed that suddenly lists thousands of new items (a sitemap-sized dump, a
# CMS glitch) must not turn one pass into thousands of page requests to one
# host; the rest are stored from the feed's own text.
MAX_PAGES_PER_FEED = 100


@dataclass
class Prepared:
    item: FeedItem
    extraction: Extraction
    raw_html_gz: bytes | None
    rel: relevance_mod.Relevance
    flags: tuple[list[Any], list[Any]] | None = None  # (headline flags, body flags)
    profile: Any = None  # framing.profile.Profile, made with the flags (issue 13)


async def prepare_items(
    items: list[FeedItem], fetcher: Any, *, fetch_articles: bool
) -> list[Prepared]:
    async def one(n: int, item: FeedItem) -> Prepared:
        extraction, raw = (
            from_summary(item.summary, "article pages not fetched (fetch_articles off)"),
            None,
        )
        if fetch_articles and item.link:
            if n < MAX_PAGES_PER_FEED:
                extraction, raw = await _page(item, fetcher)
            else:
                extraction = from_summary(
                    item.summary,
                    f"page not fetched (over {MAX_PAGES_PER_FEED} new items in one feed fetch)",
                )
        extraction = without_repeated_headline(extraction, item.title)
        rel = relevance_mod.score(item.title, extraction.text or item.summary)
        return Prepared(item=item, extraction=extraction, raw_html_gz=raw, rel=rel)

    return list(await asyncio.gather(*(one(n, i) for n, i in enumerate(items))))


async def _page(item: FeedItem, fetcher: Any) -> tuple[Extraction, bytes | None]:
    try:
        r = await fetcher.fetch(item.link, kind="page")
    except Exception as exc:  # noqa: BLE001 - the fetcher promises not to raise; be safe anyway
        return from_summary(item.summary, f"page not fetched ({type(exc).__name__})"), None
    if r.error_kind:
        return from_summary(item.summary, f"page not fetched ({r.error_kind}: {r.error})"), None
    if not is_html(r.headers):
        ctype = r.headers.get("content-type", "").split(";")[0]
        return from_summary(item.summary, f"page is {clean_line(ctype)[:60]}, not HTML"), None

    def work():
        html = decode_html(r.body, r.headers)
        return extract_text(html, r.final_url or item.link, item.summary), compress_html(html)

    try:
        return await asyncio.to_thread(work)
    except Exception as exc:  # noqa: BLE001 - a page that breaks the extractors still leaves the summary
        return from_summary(item.summary, f"extraction failed ({type(exc).__name__})"), None
