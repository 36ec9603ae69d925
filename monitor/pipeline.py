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
from datetime import datetime
from functools import partial
from urllib.parse import urlsplit

from core.errors import FramewatchError
from monitor.analyse import (
    analyse_articles,
    analyse_backlog,
    lexicon_hash,
    load_engine,
    profile_articles,
)
from monitor.feed_state import record_failure, record_success
from monitor.outcome import FeedOutcome, PassResult
from monitor.pages import Prepared, prepare_items
from monitor.parse import FeedItem, FeedParseError, parse_feed
from monitor.review.model import FlagCounts
from monitor.sanitize import clean_line
from monitor.stories import StoryIndex, story_text, vectorize
from storage import articles as article_store
from storage import feeds as feed_store
from storage import queue as article_queue
from storage.db import Row, iso_minus, utcnow
from storage.flags import store_article_flags
from storage.profiles import store_profile
from storage.stories import new_story

Progress = Callable[[int, int, str], None]


class _AlreadyStored(Exception):
    """Internal: the article is in the database already; its transaction rolls back."""


BACKLOG_PER_PASS = 500  # bounded so a long backlog never delays the next fetches much
STOP_POLL_SECONDS = 0.1  # how often a pass looks at stop(): the shutdown delay it adds


def _host(url: str) -> str:
    try:
        return urlsplit(url).hostname or url
    except ValueError:
        return url


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
    def due_feeds(self, *, all_feeds: bool, feed_ids=None) -> list[Row]:
        with self.db.read() as conn:
            return list(feed_store.due(conn, utcnow(), all_feeds=all_feeds, feed_ids=feed_ids))

    async def run(self, *, all_feeds: bool = False, feed_ids=None) -> PassResult:
        started = time.monotonic()
        try:
            due = self.due_feeds(all_feeds=all_feeds, feed_ids=feed_ids)
            self.result.feeds = len(due)
            if not due:
                return self.result
            if self.progress:  # the total is known now: show it before the first feed ends
                self.progress(
                    0, len(due), f"fetching {len(due)} feed{'s' if len(due) != 1 else ''}"
                )
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
                watcher = asyncio.create_task(self._cancel_on_stop(tasks))
                try:
                    await asyncio.gather(*tasks)
                except asyncio.CancelledError:
                    if not self.result.stopped:  # cancelled from outside, not by a stop
                        raise
                    # stopped: the fetches in flight were cancelled; let them unwind
                    await asyncio.gather(*tasks, return_exceptions=True)
                except BaseException:
                    for t in tasks:
                        t.cancel()
                    await asyncio.gather(*tasks, return_exceptions=True)
                    raise
                finally:
                    watcher.cancel()
            if self.stop():
                self.result.stopped = True
            elif self.analyse and not self._engine_failed:
                await self._backlog()
            return self.result
        finally:
            if self._writer is not None:
                self._writer.shutdown(wait=True)
            self.result.elapsed = time.monotonic() - started
            self.result.log()

    async def _cancel_on_stop(self, tasks: list[asyncio.Task]) -> None:
        """When ``stop()`` turns true (SIGTERM, Ctrl-C), cancel the feeds still
        in flight: a slow or dripping server must not hold the shutdown for a
        whole fetch timeout.  What is committed stays (an article being
        written finishes on the writer thread); a cancelled feed records
        nothing and stays due, so the next pass fetches it again."""
        while not all(t.done() for t in tasks):
            if self.stop():
                self.result.stopped = True
                for t in tasks:
                    t.cancel()
                return
            await asyncio.sleep(STOP_POLL_SECONDS)

    # ---- one feed ---------------------------------------------------------
    async def _feed(self, fetcher, feed) -> FeedOutcome:
        out = FeedOutcome(feed_id=feed.id, name=feed.name, url=feed.url)
        now = utcnow()
        forced = not feed.last_full_fetch_at or feed.last_full_fetch_at <= iso_minus(
            now, hours=self.mon.full_fetch_hours
        )
        # both go to the fetcher, which sends one: the ETag when it is a valid
        # header value, else the date (a stored ETag may predate that check)
        etag = None if forced else feed.etag
        modified = None if forced else feed.last_modified
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
            parsed = await asyncio.to_thread(
                partial(parse_feed, now=datetime.fromisoformat(now)),
                r.body,
                r.headers,
                r.final_url or feed.url,
            )
        except FeedParseError as exc:
            return await self._db(
                self._failed, feed, out, now, "parse", f"{feed.name or feed.url}: {exc}", r.status
            )

        for problem in parsed.rejected:
            out.rejected.append(problem.line())
            out.log_rejected(problem.kind, problem.item, problem.cause)
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
                if not article_store.is_duplicate(
                    conn,
                    feed_id,
                    guid=item.guid,
                    url_norm=item.key,
                    title_norm=item.title_norm,
                    now=now,
                ):
                    fresh.append(item)
        return fresh

    async def _prepare(self, items: list[FeedItem], fetcher) -> list[Prepared]:
        return await prepare_items(items, fetcher, fetch_articles=self.fetch_articles)

    async def _analyse(self, prepared: list[Prepared]) -> None:
        todo = [p for p in prepared if p.rel.score >= self.mon.relevance_threshold]
        if not todo or not self.analyse or not await self._ensure_engine():
            return
        titles, texts = [p.item.title for p in todo], [p.extraction.text for p in todo]
        async with self._engine_lock:
            results = await asyncio.to_thread(analyse_articles, self.engine, titles, texts)
        profiles = await asyncio.to_thread(profile_articles, titles, texts, results)
        failed = 0
        for prep, found, prof in zip(todo, results, profiles, strict=True):
            prep.flags = found
            prep.profile = prof
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
                return article_store.count_unanalysed(conn)

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

    def _store(self, feed_id: int, outlet: str, prep: Prepared) -> bool:
        item, ex = prep.item, prep.extraction
        now = utcnow()
        relevant = prep.rel.score >= self.mon.relevance_threshold
        text = ex.text or ""
        vec = vectorize([story_text(item.title, text)])
        words = len(text.split())
        try:
            created, story_id, counts = self._write(feed_id, outlet, prep, vec, words, now)
        except _AlreadyStored:
            return False
        assert self.stories is not None
        self.stories.add(story_id, vec, words)
        self.result.articles += 1
        self.result.relevant += int(relevant)
        self.result.analysed += int(prep.flags is not None)
        self.result.flags += counts.high + counts.medium + counts.low
        self.result.quoted += counts.quoted
        self.result.stories += int(created)
        return True

    def _write(self, feed_id: int, outlet: str, prep: Prepared, vec, words: int, now: str):
        """Article, story and flags in one transaction: (story created, story id,
        its flag counts); _AlreadyStored (the transaction rolled back) when another
        writer stored the article first."""
        item, ex = prep.item, prep.extraction
        relevant = prep.rel.score >= self.mon.relevance_threshold
        text = ex.text or ""
        with self.db.transaction() as conn:
            # checked again inside the transaction: another writer (paste import, a second
            # monitor) may have stored the same article since the batch was read
            if article_store.is_duplicate(
                conn,
                feed_id,
                guid=item.guid,
                url_norm=item.key,
                title_norm=item.title_norm,
                now=now,
            ):
                raise _AlreadyStored
            if self.stories is None:
                # loaded on first need: a pass of 304s should not vectorise days of articles
                self.stories = StoryIndex.load(conn, now)
            story_id, _sim = self.stories.nearest(vec, words)
            created = story_id is None
            if created:
                story_id = new_story(conn, item.title, now)
            article_id = article_store.insert_article(
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
                    published_claimed=item.published_claimed,
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
                    lexicon_hash=lexicon_hash(self.engine) if prep.flags is not None else None,
                ),
            )
            if article_id is None:
                # stored by another writer between the check and the insert (a database
                # without SQLite's write lock): not an error; the story made above goes too
                raise _AlreadyStored
            if prep.flags is not None:
                store_article_flags(conn, article_id, prep.flags)
            if prep.profile is not None:
                store_profile(conn, article_id, prep.profile, now)
            counts = FlagCounts.of(article_queue.counts_of(conn, [article_id]).get(article_id))
        return created, story_id, counts

    # ---- bookkeeping -------------------------------------------------------
    def _failed(
        self, feed, out: FeedOutcome, now: str, kind: str, error: str, status=None, retry_after=None
    ) -> FeedOutcome:
        record_failure(self.db, self.mon, feed, out, now, kind, error, status, retry_after)
        self.result.failed += 1
        out.log()
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
        record_success(self.db, self.mon, feed, out, now, r, forced, parsed_meta, digest)
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
