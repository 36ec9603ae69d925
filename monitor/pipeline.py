"""One monitoring pass: due feeds -> fetch -> parse -> dedup -> article pages
-> extract -> relevance -> stories -> analyse -> store.

Concurrency: feeds are fetched concurrently (the Fetcher enforces per-host
politeness and global limits); parsing and extraction run in worker threads;
all database work runs on ONE dedicated thread, one short transaction per
article (article + story + flags together): writes stay ordered (story
assignment sees every earlier article), the event loop never blocks on
SQLite (a blocked loop turns other feeds' reads into timeouts), a crash loses
at most the article being written, and the UI can read at any time (WAL).  The engine is
loaded once per pass and used by one caller at a time.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import sqlalchemy as sa

from core.errors import FramewatchError
from monitor import relevance as relevance_mod
from monitor.analyse import analyse_articles, analyse_backlog, load_engine
from monitor.extract import (
    Extraction,
    compress_html,
    decode_html,
    extract_text,
    from_summary,
    is_html,
)
from monitor.parse import FeedItem, FeedParseError, parse_feed
from monitor.sanitize import clean_line
from monitor.schedule import adapt_interval, failure_delay_minutes
from monitor.stories import StoryIndex, story_text, vectorize
from storage.db import iso_minus, iso_plus, utcnow
from storage.errors import DatabaseError, describe_db_error
from storage.repo import (
    add_event,
    insert_article,
    is_duplicate,
    new_story,
    store_article_flags,
    update_feed,
)
from storage.schema import articles, feeds

Progress = Callable[[int, int, str], None]
# A feed that suddenly lists thousands of new items (a sitemap-sized dump, a
# CMS glitch) must not turn one pass into thousands of page requests to one
# host; the rest are stored from the feed's own text.
MAX_PAGES_PER_FEED = 100
BACKLOG_PER_PASS = 500  # bounded so a long backlog never delays the next fetches much


@dataclass
class FeedOutcome:
    feed_id: int
    name: str
    url: str
    status: int | None = None
    error_kind: str | None = None
    error: str | None = None
    new: int = 0
    seen: int = 0
    not_modified: bool = False
    unchanged: bool = False

    def line(self) -> str:
        who = self.name or self.url
        error = self.error or ""
        if error.startswith(who + ": "):
            error = error[len(who) + 2 :]
        return f"{who}: {self.error_kind}: {error}"


@dataclass
class PassResult:
    feeds: int = 0
    ok: int = 0
    failed: int = 0
    not_modified: int = 0
    articles: int = 0
    relevant: int = 0
    analysed: int = 0
    flags: int = 0
    stories: int = 0
    elapsed: float = 0.0
    stopped: bool = False
    analysis_note: str | None = None
    outcomes: list[FeedOutcome] = field(default_factory=list)

    @property
    def errors(self) -> list[str]:
        return [o.line() for o in self.outcomes if o.error_kind]

    def summary(self) -> str:
        text = (
            f"{self.feeds} feeds ({self.ok} ok, {self.not_modified} unchanged, {self.failed} failed); "
            f"{self.articles} new articles, {self.relevant} relevant, {self.analysed} analysed, "
            f"{self.flags} flags, {self.stories} new stories in {self.elapsed:.1f}s"
        )
        if self.stopped:
            text += " (stopped early)"
        if self.analysis_note:
            text += f"; analysis skipped: {self.analysis_note}"
        return text


@dataclass
class _Prepared:
    item: FeedItem
    extraction: Extraction
    raw_html_gz: bytes | None
    rel: relevance_mod.Relevance
    flags: tuple[list, list] | None = None  # (headline flags, body flags)


def _host(url: str) -> str:
    try:
        return urlsplit(url).hostname or url
    except ValueError:
        return url


def _permanent_target(r) -> str | None:
    hops = getattr(r, "redirects", ()) or ()
    if hops and all(status in (301, 308) for status, _ in hops) and r.final_url:
        return r.final_url
    return None


class Pipeline:
    def __init__(
        self,
        db,
        settings,
        *,
        engine=None,
        analyse: bool = True,
        progress: Progress | None = None,
        stop: Callable[[], bool] | None = None,
        fetch_articles: bool | None = None,
        fetcher_factory=None,
    ) -> None:
        self.db = db
        self.settings = settings
        self.mon = settings.monitor
        self.engine = engine
        self.analyse = analyse
        self.progress = progress
        self.stop = stop or (lambda: False)
        self.fetch_articles = self.mon.fetch_articles if fetch_articles is None else fetch_articles
        self.fetcher_factory = fetcher_factory
        self.result = PassResult()
        # one analysis at a time: the engine locks itself, and threads waiting on it
        # would hold the worker threads that parsing and extraction need
        self._engine_lock = asyncio.Lock()
        self._engine_failed = False
        self.stories: StoryIndex | None = None
        self._writer: ThreadPoolExecutor | None = None
        self._engine_task: asyncio.Task | None = None

    async def _db(self, fn, *args):
        return await asyncio.get_running_loop().run_in_executor(self._writer, fn, *args)

    # ---- scheduling -------------------------------------------------------
    def due_feeds(self, *, all_feeds: bool, feed_ids=None) -> list:
        now = utcnow()
        query = sa.select(feeds).where(feeds.c.enabled.is_(True))
        if feed_ids is not None:
            query = query.where(feeds.c.id.in_(list(feed_ids)))
        elif not all_feeds:
            query = query.where(
                sa.or_(feeds.c.next_fetch_at.is_(None), feeds.c.next_fetch_at <= now)
            )
        with self.db.read() as conn:
            return conn.execute(
                query.order_by(
                    feeds.c.next_fetch_at.is_not(None), feeds.c.next_fetch_at, feeds.c.id
                )
            ).all()

    async def run(self, *, all_feeds: bool = False, feed_ids=None) -> PassResult:
        started = time.monotonic()
        try:
            due = self.due_feeds(all_feeds=all_feeds, feed_ids=feed_ids)
            self.result.feeds = len(due)
            if not due:
                return self.result
            self._writer = ThreadPoolExecutor(1, thread_name_prefix="framewatch-db")
            # scikit-learn takes seconds to import; do it on the writer thread while
            # the first feeds download, not after them
            self._writer.submit(vectorize, [""])
            factory = self.fetcher_factory
            if factory is None:
                from monitor.fetch import Fetcher as factory
            done = 0
            limit = asyncio.Semaphore(max(1, self.mon.global_concurrency))

            async with factory(self.mon) as fetcher:

                async def one(feed):
                    nonlocal done
                    async with limit:
                        if self.stop():
                            self.result.stopped = True
                            return
                        outcome = await self._feed(fetcher, feed)
                    self.result.outcomes.append(outcome)
                    done += 1
                    if self.progress:
                        self.progress(done, len(due), feed.name or feed.url)

                tasks = [asyncio.create_task(one(feed)) for feed in due]
                try:
                    await asyncio.gather(*tasks)
                except BaseException:
                    for t in tasks:
                        t.cancel()
                    await asyncio.gather(*tasks, return_exceptions=True)
                    raise
            if self.stop():
                self.result.stopped = True
            elif self.analyse and not self._engine_failed:
                await self._backlog()
            return self.result
        except (sa.exc.OperationalError, sa.exc.DatabaseError) as exc:
            raise DatabaseError(describe_db_error(exc, self.db.location)) from exc
        finally:
            if self._writer is not None:
                self._writer.shutdown(wait=True)
            self.result.elapsed = time.monotonic() - started

    # ---- one feed ---------------------------------------------------------
    async def _feed(self, fetcher, feed) -> FeedOutcome:
        out = FeedOutcome(feed_id=feed.id, name=feed.name, url=feed.url)
        now = utcnow()
        forced = not feed.last_full_fetch_at or feed.last_full_fetch_at <= iso_minus(
            now, hours=self.mon.full_fetch_hours
        )
        etag = None if forced else feed.etag
        modified = None if (forced or feed.etag) else feed.last_modified
        try:
            r = await fetcher.fetch(feed.url, etag=etag, last_modified=modified, kind="feed")
        except Exception as exc:  # noqa: BLE001 - the fetcher promises not to raise; be safe anyway
            return await self._db(
                self._failed,
                feed,
                out,
                now,
                "other",
                f"fetch failed ({type(exc).__name__}: {exc})"[:300],
            )
        out.status = r.status
        if r.error_kind:
            return await self._db(
                self._failed,
                feed,
                out,
                now,
                r.error_kind,
                r.error or r.error_kind,
                r.status,
                r.retry_after,
            )
        if r.not_modified:
            out.not_modified = True
            return await self._db(self._succeeded, feed, out, now, r, False, None)
        from monitor.fetch.result import body_hash

        digest = body_hash(r.body)
        if digest == feed.body_hash and not forced:
            out.unchanged = True
            return await self._db(self._succeeded, feed, out, now, r, False, None, digest)
        try:
            parsed = await asyncio.to_thread(parse_feed, r.body, r.headers, r.final_url or feed.url)
        except FeedParseError as exc:
            return await self._db(
                self._failed, feed, out, now, "parse", f"{feed.name or feed.url}: {exc}", r.status
            )

        outlet = clean_line(feed.name or parsed.title or _host(feed.url))
        fresh = await self._db(self._new_items, feed.id, parsed.items, now)
        out.seen = len(parsed.items) - len(fresh)
        prepared = await self._prepare(fresh, fetcher)
        await self._analyse(prepared)
        for prep in prepared:
            if self.stop():
                self.result.stopped = True
                # validators stay old: the next pass re-reads the feed and dedup skips what is stored
                return out
            if await self._db(self._store, feed.id, outlet, prep):
                out.new += 1
            else:
                out.seen += 1
        return await self._db(self._succeeded, feed, out, now, r, forced, parsed, digest)

    def _new_items(self, feed_id: int, items: list[FeedItem], now: str) -> list[FeedItem]:
        fresh, guids, keys, titles = [], set(), set(), set()
        with self.db.read() as conn:
            for item in items:
                if (
                    (item.guid and item.guid in guids)
                    or item.key in keys
                    or (item.title_norm and item.title_norm in titles)
                ):
                    continue
                guids.add(item.guid)
                keys.add(item.key)
                if item.title_norm:
                    titles.add(item.title_norm)
                if not is_duplicate(
                    conn,
                    feed_id,
                    guid=item.guid,
                    url_norm=item.key,
                    title_norm=item.title_norm,
                    now=now,
                ):
                    fresh.append(item)
        return fresh

    async def _prepare(self, items: list[FeedItem], fetcher) -> list[_Prepared]:
        async def one(n: int, item: FeedItem) -> _Prepared:
            extraction, raw = (
                from_summary(item.summary, "article pages not fetched (fetch_articles off)"),
                None,
            )
            if self.fetch_articles and item.link:
                if n < MAX_PAGES_PER_FEED:
                    extraction, raw = await self._page(item, fetcher)
                else:
                    extraction = from_summary(
                        item.summary,
                        f"page not fetched (over {MAX_PAGES_PER_FEED} new items in one feed fetch)",
                    )
            rel = relevance_mod.score(item.title, extraction.text or item.summary)
            return _Prepared(item=item, extraction=extraction, raw_html_gz=raw, rel=rel)

        return list(await asyncio.gather(*(one(n, i) for n, i in enumerate(items))))

    async def _page(self, item: FeedItem, fetcher) -> tuple[Extraction, bytes | None]:
        try:
            r = await fetcher.fetch(item.link, kind="page")
        except Exception as exc:  # noqa: BLE001
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

    async def _analyse(self, prepared: list[_Prepared]) -> None:
        todo = [p for p in prepared if p.rel.score >= self.mon.relevance_threshold]
        if not todo or not self.analyse or not await self._ensure_engine():
            return
        async with self._engine_lock:
            results = await asyncio.to_thread(
                analyse_articles,
                self.engine,
                [p.item.title for p in todo],
                [p.extraction.text for p in todo],
            )
        failed = 0
        for prep, found in zip(todo, results, strict=True):
            prep.flags = found
            failed += found is None
        if failed:
            self.result.analysis_note = (
                f"the engine failed on {failed} article(s); they will be retried"
            )

    async def _backlog(self) -> None:
        """Relevant articles stored unanalysed (the engine was unavailable, or
        analysis was switched off) are analysed once the engine is here."""

        def pending() -> int:
            with self.db.read() as conn:
                return conn.execute(
                    sa.select(sa.func.count())
                    .select_from(articles)
                    .where(articles.c.relevant.is_(True), articles.c.analysed_at.is_(None))
                ).scalar_one()

        if not await self._db(pending) or not await self._ensure_engine():
            return
        done = await self._db(
            lambda: analyse_backlog(self.db, self.engine, limit=BACKLOG_PER_PASS, stop=self.stop)
        )
        self.result.analysed += done

    async def _ensure_engine(self) -> bool:
        """Load the engine on first need; concurrent feeds share the one load."""
        if self.engine is None and not self._engine_failed:
            if self._engine_task is None:
                self._engine_task = asyncio.create_task(self._load_engine())
            await self._engine_task
        return self.engine is not None

    async def _load_engine(self) -> None:
        try:
            self.engine = await asyncio.to_thread(load_engine, self.settings)
        except Exception as exc:  # noqa: BLE001 - articles are still stored, unanalysed, for later
            self._engine_failed = True
            text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            self.result.analysis_note = (
                text if isinstance(exc, FramewatchError) else f"{type(exc).__name__}: {text}"
            )

    def _store(self, feed_id: int, outlet: str, prep: _Prepared) -> bool:
        item, ex = prep.item, prep.extraction
        now = utcnow()
        relevant = prep.rel.score >= self.mon.relevance_threshold
        text = ex.text or ""
        vec = vectorize([story_text(item.title, text)])
        words = len(text.split())
        with self.db.transaction() as conn:
            # checked again inside the transaction: another writer (paste import, a second
            # monitor) may have stored the same article since the batch was read
            if is_duplicate(
                conn,
                feed_id,
                guid=item.guid,
                url_norm=item.key,
                title_norm=item.title_norm,
                now=now,
            ):
                return False
            if self.stories is None:
                # loaded on first need: a pass of 304s should not vectorise days of articles
                self.stories = StoryIndex.load(conn, now)
            story_id, _sim = self.stories.nearest(vec, words)
            created = story_id is None
            if created:
                story_id = new_story(conn, item.title, now)
            article_id = insert_article(
                conn,
                dict(
                    feed_id=feed_id,
                    outlet=outlet,
                    guid=item.guid or None,
                    url=item.link or item.key,
                    url_norm=item.key,
                    title=item.title,
                    title_norm=item.title_norm,
                    author=item.author,
                    published_at=item.published,
                    fetched_at=now,
                    summary=item.summary,
                    text=text,
                    text_source=ex.source,
                    extract_note=ex.note,
                    raw_html_gz=prep.raw_html_gz,
                    word_count=words,
                    relevance=prep.rel.score,
                    relevant=relevant,
                    story_id=story_id,
                    status="new",
                    analysed_at=now if prep.flags is not None else None,
                    model=self.engine.model_name if prep.flags is not None else None,
                ),
            )
            n_flags = (
                store_article_flags(conn, article_id, prep.flags) if prep.flags is not None else 0
            )
        self.stories.add(story_id, vec, words)
        self.result.articles += 1
        self.result.relevant += int(relevant)
        self.result.analysed += int(prep.flags is not None)
        self.result.flags += n_flags
        self.result.stories += int(created)
        return True

    # ---- bookkeeping -------------------------------------------------------
    def _failed(
        self, feed, out: FeedOutcome, now: str, kind: str, error: str, status=None, retry_after=None
    ) -> FeedOutcome:
        out.error_kind, out.error, out.status = kind, clean_line(error)[:500], status
        failures = (feed.failures or 0) + 1
        delay = failure_delay_minutes(
            feed.interval_minutes or self.mon.poll_default_minutes,
            failures,
            step=self.mon.backoff_step_minutes,
            cap=self.mon.backoff_cap_minutes,
            retry_after_seconds=retry_after,
        )
        with self.db.transaction() as conn:
            update_feed(
                conn,
                feed.id,
                failures=failures,
                last_status=status,
                last_error_kind=kind,
                last_error=out.error,
                last_fetch_at=now,
                next_fetch_at=iso_plus(now, minutes=delay),
            )
            add_event(conn, feed.id, at=now, status=status, error_kind=kind, error=out.error)
        self.result.failed += 1
        return out

    def _succeeded(
        self,
        feed,
        out: FeedOutcome,
        now: str,
        r,
        forced: bool,
        parsed_meta,
        digest: str | None = None,
    ) -> FeedOutcome:
        total = out.new + out.seen
        seen_ratio = 1.0 if total == 0 else out.seen / total
        interval = adapt_interval(
            feed.interval_minutes or self.mon.poll_default_minutes,
            seen_ratio,
            poll_min=self.mon.poll_min_minutes,
            poll_max=self.mon.poll_max_minutes,
            ttl_minutes=parsed_meta.ttl_minutes if parsed_meta is not None else None,
        )
        values = dict(
            failures=0,
            last_status=r.status,
            last_error_kind=None,
            last_error=None,
            last_fetch_at=now,
            last_success_at=now,
            interval_minutes=interval,
            next_fetch_at=iso_plus(now, minutes=interval),
        )
        if not out.not_modified:
            values.update(etag=r.headers.get("etag"), last_modified=r.headers.get("last-modified"))
            if digest:
                values["body_hash"] = digest
        if forced:
            values["last_full_fetch_at"] = now
        moved = _permanent_target(r)
        if moved and moved != feed.url:
            with self.db.read() as conn:
                taken = conn.execute(sa.select(feeds.c.id).where(feeds.c.url == moved)).first()
            if taken is None:
                # every hop was permanent (301/308): follow the publisher, as feed readers do
                values["url"] = moved
        if parsed_meta is not None:
            values["parse_problem"] = parsed_meta.problem
            if not feed.name and parsed_meta.title:
                values["name"] = parsed_meta.title[:200]
            if not feed.site_url and parsed_meta.site_url:
                values["site_url"] = parsed_meta.site_url
        with self.db.transaction() as conn:
            update_feed(conn, feed.id, **values)
            add_event(
                conn,
                feed.id,
                at=now,
                status=r.status,
                error_kind=None,
                error=None,
                new_items=out.new,
                seen_items=out.seen,
                not_modified=out.not_modified or out.unchanged,
            )
        if out.not_modified or out.unchanged:
            self.result.not_modified += 1
        else:
            self.result.ok += 1
        return out


async def run_pass_async(db, settings, **kwargs) -> PassResult:
    all_feeds = kwargs.pop("all_feeds", False)
    feed_ids = kwargs.pop("feed_ids", None)
    return await Pipeline(db, settings, **kwargs).run(all_feeds=all_feeds, feed_ids=feed_ids)


def run_pass(db, settings, **kwargs) -> PassResult:
    """Synchronous entry point for the CLI, the demo and tests."""
    return asyncio.run(run_pass_async(db, settings, **kwargs))
