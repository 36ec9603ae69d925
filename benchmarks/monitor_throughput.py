"""Monitor throughput end to end: feeds -> pages -> extract -> analyse -> store.

    python benchmarks/monitor_throughput.py [--feeds 200] [--items 30] [--no-analyse] [--json]

A local HTTP server (in its own process, so it does not compete with the
monitor for the GIL) serves FEEDS feeds of ITEMS items, each with an article
page of ~450 words written from the offline sample's sentences.  Figures:
* baseline: the Fetcher alone downloading every feed and page (same
  concurrency), i.e. the ceiling set by HTTP;
* pass 1: the real pipeline into a fresh SQLite file (fetch, parse, dedup,
  extract, relevance, stories, engine analysis, one transaction per article):
  articles/s;
* pass 2: every feed answers 304 Not Modified: seconds for the whole pass;
* peak RSS of this process (the monitor side; the server is separate);
* the constructive profile's cost (issue 13), before/after in the same run:
  pass 1 again into another fresh file with profiling switched off, and the
  profiler alone over the stored texts, in ms per 1,000 words.
The pages are random draws of sentences from a pool of ~110, so many pages
share whole sentences and the story count is lower than real news would give;
it shows the grouping running at scale, not its accuracy (see
tests/monitor/test_relevance_stories.py for that).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing as mp
import random
import resource
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def _sentences() -> list[str]:
    import re

    from monitor.demo import sample_dir
    from monitor.extract import decode_html

    out = []
    for page in sorted(sample_dir().glob("*/news/*.html")):
        html = decode_html(page.read_bytes(), {"content-type": "text/html"})
        for para in re.findall(r"<p>(.*?)</p>", html, re.S):
            if (
                "Share this" not in para
                and "©" not in para
                and "Privacy" not in para
                and len(para) > 60
            ):
                out.append(para.replace("&quot;", '"').replace("&#x27;", "'").replace("&amp;", "&"))
    return out


def _serve(feeds: int, items: int, port_q) -> None:
    from monitor.localserver import LocalServer, Response

    rng = random.Random(7)
    pool = _sentences()
    server = LocalServer().start()
    base = server.base
    for f in range(feeds):
        entries = []
        for i in range(items):
            paras = "".join(f"<p>{' '.join(rng.sample(pool, 3))}</p>" for _ in range(6))
            page = (
                f"<html><head><title>Story {f}-{i}</title></head><body><nav><a href='/'>Home</a> "
                f"<a href='/crime'>Crime</a></nav><article><h1>Court story {f}-{i}</h1>{paras}</article>"
                f"<aside><h2>Most read</h2><ul><li>Prison news</li></ul></aside></body></html>"
            )
            server.routes[f"/p/{f}/{i}"] = Response(
                200, {"Content-Type": "text/html; charset=utf-8"}, page.encode()
            )
            entries.append(
                f"<item><title>Court story {f}-{i}: man jailed at Crown Court</title>"
                f"<link>{base}/p/{f}/{i}?utm_source=rss</link><guid>{base}/p/{f}/{i}</guid>"
                f"<description>Summary of story {f}-{i}.</description></item>"
            )
        body = f"<rss version='2.0'><channel><title>Outlet {f}</title>{''.join(entries)}</channel></rss>"
        server.routes[f"/feed/{f}.xml"] = Response(
            200, {"Content-Type": "application/rss+xml", "ETag": f'"feed-{f}"'}, body.encode()
        )
    server.routes["/robots.txt"] = Response(
        200, {"Content-Type": "text/plain"}, b"User-agent: *\nAllow: /\n"
    )
    port_q.put(server.port)
    time.sleep(10**6)


async def _fetch_only(settings, urls: list[str]) -> float:
    from monitor.fetch import Fetcher

    started = time.perf_counter()
    sem = asyncio.Semaphore(settings.monitor.global_concurrency)
    async with Fetcher(settings.monitor) as f:

        async def one(u):
            async with sem:
                r = await f.fetch(u, kind="page" if "/p/" in u else "feed")
                assert r.ok, r.error

        await asyncio.gather(*(one(u) for u in urls))
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--feeds", type=int, default=200)
    ap.add_argument("--items", type=int, default=30)
    ap.add_argument("--no-analyse", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    from core.settings import load_settings
    from monitor.feeds import add_feed
    from monitor.pipeline import run_pass
    from storage.db import open_database

    ctx = mp.get_context("fork")
    port_q = ctx.Queue()
    proc = ctx.Process(target=_serve, args=(args.feeds, args.items, port_q), daemon=True)
    proc.start()
    try:
        port = port_q.get(timeout=300)
        base = f"http://127.0.0.1:{port}"
        tmp = Path(tempfile.mkdtemp(prefix="fw-bench-"))
        settings = load_settings(db=tmp / "bench.sqlite3")
        settings = replace(
            settings,
            monitor=replace(
                settings.monitor,
                min_host_interval=0.0,
                allow_private_addresses=True,
                per_host_concurrency=8,
                global_concurrency=8,
            ),
        )
        feed_urls = [f"{base}/feed/{f}.xml" for f in range(args.feeds)]
        page_urls = [f"{base}/p/{f}/{i}" for f in range(args.feeds) for i in range(args.items)]
        baseline = asyncio.run(_fetch_only(settings, feed_urls + page_urls))

        db = open_database(settings.db_path)
        for url in feed_urls:
            add_feed(db, url)
        engine = None
        load_s = 0.0
        if not args.no_analyse:
            from monitor.analyse import load_engine

            t = time.perf_counter()
            engine = load_engine(settings)
            load_s = time.perf_counter() - t
        without_s = _pass_without_profiles(settings, feed_urls, engine) if engine else 0.0
        t = time.perf_counter()
        first = run_pass(db, settings, all_feeds=True, analyse=not args.no_analyse, engine=engine)
        first_s = time.perf_counter() - t
        t = time.perf_counter()
        second = run_pass(db, settings, all_feeds=True, analyse=not args.no_analyse, engine=engine)
        second_s = time.perf_counter() - t
        prof = _profile_cost(db, first_s, without_s) if engine is not None else {}
        db.close()
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        figures = {
            "feeds": args.feeds,
            "articles": first.articles,
            "analysed": first.analysed,
            "flags": first.flags,
            "stories": first.stories,
            "errors": len(first.errors),
            "baseline_fetch_only_s": round(baseline, 2),
            "baseline_fetch_only_docs_per_s": round(len(feed_urls + page_urls) / baseline, 1),
            "engine_load_s": round(load_s, 2),
            "pass1_s": round(first_s, 2),
            "pass1_articles_per_s": round(first.articles / first_s, 1),
            "pass2_304_s": round(second_s, 2),
            "pass2_not_modified": second.not_modified,
            "pass2_new_articles": second.articles,
            "peak_rss_mb": round(rss_mb, 1),
            **prof,
        }
    finally:
        proc.terminate()
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"{args.feeds} feeds x {args.items} items, analysis {'off' if args.no_analyse else 'on'}")
    print(
        f"baseline (Fetcher only, {len(feed_urls) + len(page_urls)} documents): {figures['baseline_fetch_only_s']} s, "
        f"{figures['baseline_fetch_only_docs_per_s']} docs/s"
    )
    print(
        f"pass 1: {first.articles} articles ({first.analysed} analysed, {first.flags} flags, {first.stories} stories,"
        f" {len(first.errors)} feed errors) in {figures['pass1_s']} s = {figures['pass1_articles_per_s']} articles/s"
        + (f" (engine load {figures['engine_load_s']} s not included)" if engine else "")
    )
    print(
        f"pass 2 (every feed 304): {figures['pass2_304_s']} s, {second.not_modified} not modified, "
        f"{second.articles} new"
    )
    print(f"peak RSS (monitor process): {figures['peak_rss_mb']} MB")
    if prof:
        print(
            f"profile: pass 1 without profiling {prof['pass1_no_profile_s']} s, with "
            f"{figures['pass1_s']} s: {prof['pass_profile_ms_per_1000_words']:+.1f} ms per 1,000 words "
            f"(whole-pass difference, noisy); profiler alone {prof['profile_ms_per_1000_words']} ms "
            f"per 1,000 words over {prof['profiled_articles']} articles ({prof['profiled_words']} words)"
        )
    return 0


def _pass_without_profiles(settings, feed_urls, engine) -> float:
    """Pass 1 into a fresh file with the pipeline's profile step replaced by one
    that profiles nothing: the 'before' of the profile's cost, run first so
    pass 1 (the 'after') is not the one paying for warm-up; the engine's
    sentence cache is emptied after it, so both start cold."""
    import monitor.pipeline as pipeline_mod
    from monitor.feeds import add_feed
    from monitor.pipeline import run_pass
    from storage.db import open_database

    other = replace(settings, db_path=Path(tempfile.mkdtemp(prefix="fw-bench-")) / "noprof.sqlite3")
    db2 = open_database(other.db_path)
    for url in feed_urls:
        add_feed(db2, url)
    real = pipeline_mod.profile_articles
    pipeline_mod.profile_articles = lambda titles, texts, results: [None] * len(titles)
    try:
        t = time.perf_counter()
        run_pass(db2, other, all_feeds=True, analyse=True, engine=engine)
        return time.perf_counter() - t
    finally:
        pipeline_mod.profile_articles = real
        db2.close()
        engine.cache.data.clear()


def _profile_cost(db, with_s: float, without_s: float) -> dict:
    """The profiler alone, timed over the texts pass 1 stored, and the whole-pass
    difference with and without it."""
    import sqlalchemy as sa

    from framing.profile import Profiler
    from storage.schema import articles

    with db.read() as conn:
        rows = conn.execute(
            sa.select(articles.c.title, articles.c.text, articles.c.word_count).where(
                articles.c.analysed_at.is_not(None)
            )
        ).all()
    words = sum(r.word_count for r in rows)
    profiler = Profiler()
    profiler.profile("warm up", "")
    t = time.perf_counter()
    for r in rows:
        profiler.profile(r.text, r.title)
    alone = time.perf_counter() - t
    return {
        "pass1_no_profile_s": round(without_s, 2),
        "profiled_articles": len(rows),
        "profiled_words": words,
        "profile_ms_per_1000_words": round(1000 * alone / max(words, 1) * 1000, 1),
        "pass_profile_ms_per_1000_words": round((with_s - without_s) / max(words, 1) * 1e6, 1),
    }


if __name__ == "__main__":
    sys.exit(main())
