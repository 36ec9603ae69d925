"""Terminal UI speed: queue with 10,000 articles, an article with 100 flags,
keystroke-to-highlight in a 1,000-word draft.

    python benchmarks/tui_perf.py [--articles 10000] [--repeat 3]

Each figure is printed beside a baseline measured in the same run (a small
queue, a one-flag article, a 100-word draft), so a slow machine shows as a
slow baseline rather than a false regression.  The database is a real SQLite
file; flags are the real engine's output on real sentences (computed once,
then stored for every generated article, as the pipeline would).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

SENTENCES = [
    "Officials said the inmates were moved to another prison on Tuesday.",
    "The magistrates heard that the offenders had damaged a badger sett.",
    'A councillor said: "These thugs should never be released."',
    "The charity runs a job club for people leaving prison.",
    "Police said the junkie had been arrested twice this year.",
    "Hundreds of lags were freed early as jails hit bursting point.",
]
OUTLETS = ["Daily Example", "Valley Gazette", "Metro Evening", "Northgate Herald", "Justice Weekly"]


def build_db(path: Path, n: int, engine) -> None:
    """n articles (3 sentences each) with the engine's flags, inserted in bulk."""
    from storage import articles, flags, stories
    from storage.db import analyze, open_database

    analysed = []
    for i in range(len(SENTENCES)):
        text = "\n".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(3))
        analysed.append((text, engine.check(text)))
    db = open_database(path)
    now = "2026-11-26T00:00:00+00:00"
    with db.transaction() as conn:
        stories.insert_many(
            conn, [dict(id=i + 1, title=f"story {i}", created_at=now) for i in range(n)]
        )
        rows, flag_rows = [], []
        for i in range(n):
            text, found = analysed[i % len(analysed)]
            day = 1 + (i % 28)
            rows.append(
                dict(
                    id=i + 1,
                    outlet=OUTLETS[i % len(OUTLETS)],
                    url=f"https://example.org/{i}",
                    url_norm=f"https://example.org/{i}",
                    title=f"Article {i}: {text[:50]}",
                    title_norm=f"article {i}",
                    published_at=f"2026-{10 + i % 2:02d}-{day:02d}T08:00:00+00:00",
                    fetched_at=now,
                    text=text,
                    word_count=len(text.split()),
                    relevance=1.0,
                    relevant=True,
                    story_id=i + 1,
                    status="new",
                    analysed_at=now,
                    model="bench",
                )
            )
            for f in found:
                flag_rows.append(
                    dict(
                        article_id=i + 1,
                        start=f.start,
                        end=f.end,
                        text=f.text,
                        entry=f.entry,
                        category=f.category,
                        severity=f.severity,
                        quoted=f.quoted,
                        suggestions=json.dumps(list(f.suggestions)),
                        rewrite=f.rewrite,
                    )
                )
        articles.insert_many(conn, rows)
        flags.insert_many(conn, flag_rows)
        analyze(conn)
    db.close()


async def time_queue_open(db_path: Path, engine) -> float:
    from tui.app import create_app

    app = create_app(db_path, engine=engine)
    started = time.perf_counter()
    async with app.run_test(size=(120, 36)) as pilot:
        while not getattr(app.screen, "loaded", 0):
            await pilot.pause(0.005)
        await pilot.pause()  # painted
        elapsed = time.perf_counter() - started
    app.db.close()
    return elapsed


async def time_article_render(db_path: Path, article_id: int, engine) -> float:
    from tui.app import create_app
    from tui.screens.review import ReviewScreen

    app = create_app(db_path, engine=engine)
    async with app.run_test(size=(120, 36)) as pilot:
        while not getattr(app.screen, "loaded", 0):
            await pilot.pause(0.005)
        started = time.perf_counter()
        app.push_screen(ReviewScreen(article_id))
        while not getattr(app.screen, "article", None):
            await pilot.pause(0.002)
        await pilot.pause()  # paragraphs mounted and painted
        elapsed = time.perf_counter() - started
    app.db.close()
    return elapsed


async def time_draft_keystroke(db_path: Path, text: str, engine) -> tuple[float, float]:
    """(worst per-key highlight update, worst key-to-fresh-check), seconds."""
    from tui.app import create_app

    app = create_app(db_path, engine=engine, paste_text=text)
    carry, fresh = [], []
    async with app.run_test(size=(120, 36)) as pilot:
        draft = app.screen
        while not getattr(draft, "checks", 0):
            await pilot.pause(0.01)
        editor = draft.editor
        editor.move_cursor((0, 0))
        for ch in "Yesterday ":
            done = draft.checks
            started = time.perf_counter()
            # What a keystroke does synchronously: the edit, then the highlight
            # map rebuilt from the carried flags (TextArea calls it per edit).
            editor.insert(ch)
            carry.append(time.perf_counter() - started)
            while draft.checks == done:
                await pilot.pause(0.005)
            fresh.append(time.perf_counter() - started)
        assert editor.live_spans(), "highlights survived typing"
    app.db.close()
    return max(carry), max(fresh)


def words(n: int) -> str:
    out, count = [], 0
    while count < n:
        for s in SENTENCES:
            out.append(s)
            count += len(s.split())
        out.append("\n")
    return " ".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from framing import Engine
    from monitor.review.paste import import_text
    from storage.db import open_database
    from tui.screens.draft import DEBOUNCE_SECONDS

    engine = Engine()
    with tempfile.TemporaryDirectory() as tmp:
        big, small = Path(tmp) / "big.sqlite3", Path(tmp) / "small.sqlite3"
        t = time.perf_counter()
        build_db(big, args.articles, engine)
        build_db(small, 200, engine)
        print(f"setup: {args.articles:,} + 200 articles in {time.perf_counter() - t:.1f}s")

        def med(coro_factory):
            return statistics.median(asyncio.run(coro_factory()) for _ in range(args.repeat))

        from monitor.review import article, listing, model

        q_small = med(lambda: time_queue_open(small, engine))
        q_big = med(lambda: time_queue_open(big, engine))
        print(
            f"queue open (first page painted): {args.articles:,} articles {q_big * 1000:.0f} ms"
            f" | baseline 200 articles {q_small * 1000:.0f} ms"
        )

        def first_page(path):
            d = open_database(path)
            try:
                t = time.perf_counter()
                listing.queue(d)
                return time.perf_counter() - t
            finally:
                d.close()

        print(
            f"  queue query, first page: {args.articles:,} articles "
            f"{first_page(big) * 1000:.0f} ms | baseline 200 articles {first_page(small) * 1000:.0f} ms"
        )
        db = open_database(big)
        for label, filt in (
            ("search 'badger'", model.QueueFilter(search="badger")),
            ("outlet+severity", model.QueueFilter(outlet=OUTLETS[1], severity="high")),
            ("sort by flags", model.QueueFilter(sort="flags")),
        ):
            t = time.perf_counter()
            page = listing.queue(db, filt)
            print(
                f"  queue query {label}: {(time.perf_counter() - t) * 1000:.0f} ms"
                f" ({page.total:,} matching)"
            )

        heavy = "\n".join(SENTENCES[0] for _ in range(100))  # 100 flags
        one_flag = SENTENCES[0]
        heavy_id = import_text(db, "Heavy", heavy, engine=engine)
        light_id = import_text(db, "Light", one_flag, engine=engine)
        n_flags = len(article.get_article(db, heavy_id).flags)
        db.close()
        r_heavy = med(lambda: time_article_render(big, heavy_id, engine))
        r_light = med(lambda: time_article_render(big, light_id, engine))
        print(
            f"article render: {n_flags} flags {r_heavy * 1000:.0f} ms"
            f" | baseline 1 flag {r_light * 1000:.0f} ms"
        )

        big_draft, small_draft = words(1000), words(100)
        c_big, f_big = asyncio.run(time_draft_keystroke(big, big_draft, engine))
        c_small, f_small = asyncio.run(time_draft_keystroke(big, small_draft, engine))
        # Unseen text (every sentence numbered), so the engine's sentence cache cannot help.
        cold = "\n".join(f"{line} (case {i})." for i, line in enumerate(big_draft.split(".")))
        t = time.perf_counter()
        engine.check(cold)
        check_only = time.perf_counter() - t
        print(
            f"draft keystroke -> highlights moved (worst of 10 keys): "
            f"{len(big_draft.split())} words {c_big * 1000:.0f} ms"
            f" | baseline {len(small_draft.split())} words {c_small * 1000:.0f} ms"
        )
        print(
            f"draft keystroke -> fresh flags (worst; includes {DEBOUNCE_SECONDS * 1000:.0f} ms debounce): "
            f"{len(big_draft.split())} words {f_big * 1000:.0f} ms"
            f" | baseline {len(small_draft.split())} words {f_small * 1000:.0f} ms"
            f" | engine.check alone, unseen {len(cold.split())} words {check_only * 1000:.0f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
