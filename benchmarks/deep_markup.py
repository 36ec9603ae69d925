"""A feed item nesting thousands of elements: pass time over nesting depth.

    python benchmarks/deep_markup.py [--depths 1000,2000,4000,8000,16000,32000,64000]
                                     [--old-limit 16000] [--repeat 3] [--json]

For each depth D a local HTTP server serves one feed of three items, the
middle one's summary nesting D ``<div>`` elements.  Figures per depth:

Each figure is the best of ``--repeat`` runs (the old converter runs once).

* ``pass s``: a real monitoring pass (fetch, feedparser, conversion, dedup,
  store into a fresh SQLite file; no engine, no page fetches).  Above the cap
  (``monitor.html_text.MAX_DEPTH``) the item is refused as over budget and the
  other two are stored;
* ``flat pass s`` (the baseline): the same pass over a feed of the same size
  whose big item is D sibling ``<span>`` elements, nothing nested: what the
  bytes alone cost;
* ``convert s``: the new one-walk converter alone on the fragment with the
  cap lifted, showing that the conversion itself grows linearly;
* ``old convert s``: the previous BeautifulSoup converter (insert a break
  after each block, each insert walking to the block's last descendant) on
  the same fragment, up to ``--old-limit`` (it is quadratic: 64,000 levels
  would take minutes).
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import tempfile
import time
import warnings
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def old_html_to_text(fragment: str) -> str:
    """The converter before issue 16, kept here as the baseline algorithm."""
    from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(fragment, "lxml")
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for block in soup.find_all(["p", "div", "li", "h1", "h2", "h3", "h4", "blockquote"]):
        block.insert_after("\n\n")
    text = re.sub(r"[ \t\u00a0]+", " ", soup.get_text())
    return re.sub(r"\n{3,}", "\n\n", re.sub(r" *\n *", "\n", text)).strip()


def deep(depth: int) -> str:
    return "<div>" * depth + "buried words" + "</div>" * depth


def flat(depth: int) -> str:
    # the same length as deep(depth): "<span>" + "</span>" is as long as "<div>" * 2 + 1
    return "<span></span>" * depth + "buried words" + " " * depth


def feed_bytes(base: str, fragment: str) -> bytes:
    items = [("Court hears appeal", "<p>Heard at Crown Court.</p>"), ("Big item", fragment)]
    items.append(("Prison report", "<p>The inspectorate reported.</p>"))
    body = "".join(
        f"<item><title>{t}</title><link>{base}/a/{n}</link><guid>{base}/a/{n}</guid>"
        f"<description>{html.escape(s)}</description></item>"
        for n, (t, s) in enumerate(items)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>B</title>{body}</channel></rss>'.encode()


def one_pass(fragment: str, workdir: Path, label: str) -> tuple[float, int, int]:
    """(seconds, articles stored, items refused) for one pass over a fresh database."""
    from core.settings import load_settings
    from monitor.feeds import add_feed
    from monitor.localserver import LocalServer, Response
    from monitor.pipeline import run_pass
    from storage.db import open_database

    path = workdir / f"{label}.sqlite3"
    settings = load_settings(db=path)
    settings = replace(
        settings,
        monitor=replace(
            settings.monitor, min_host_interval=0.0, allow_private_addresses=True, total_timeout=600
        ),
    )
    with LocalServer() as server:
        server.routes["/feed.xml"] = Response(
            200, {"Content-Type": "application/rss+xml"}, feed_bytes(server.base, fragment)
        )
        db = open_database(path)
        add_feed(db, server.url("/feed.xml"))
        t0 = time.perf_counter()
        result = run_pass(db, settings, all_feeds=True, analyse=False, fetch_articles=False)
        seconds = time.perf_counter() - t0
        db.close()
    if result.failed:
        raise SystemExit(f"{label}: the pass failed: {result.errors}")
    return seconds, result.articles, len(result.rejected)


def timed(fn, *args, repeat: int = 1, **kwargs) -> float:
    """The best of ``repeat`` runs (the machine is shared; the minimum is the cost)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(*args, **kwargs)
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--depths", default="1000,2000,4000,8000,16000,32000,64000")
    ap.add_argument(
        "--old-limit", type=int, default=16000, help="largest depth for the old converter"
    )
    ap.add_argument("--repeat", type=int, default=3, help="runs per figure; the best counts")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    from monitor.html_text import MAX_DEPTH, html_to_text

    depths = [int(d) for d in args.depths.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        one_pass(deep(10), work, "warm-up")  # imports and first-use costs, not measured
        for depth in depths:
            fragment = deep(depth)
            pass_s, stored, refused = min(
                one_pass(fragment, work, f"deep{depth}-{n}") for n in range(args.repeat)
            )
            flat_s = min(
                one_pass(flat(depth), work, f"flat{depth}-{n}")[0] for n in range(args.repeat)
            )
            convert_s = timed(
                html_to_text, fragment, repeat=args.repeat, max_depth=10**9, max_elements=10**9
            )
            old_s = timed(old_html_to_text, fragment) if depth <= args.old_limit else None
            rows.append(
                dict(
                    depth=depth,
                    feed_bytes=len(feed_bytes("http://127.0.0.1:1", fragment)),
                    pass_s=round(pass_s, 3),
                    stored=stored,
                    refused=refused,
                    flat_pass_s=round(flat_s, 3),
                    convert_s=round(convert_s, 4),
                    old_convert_s=None if old_s is None else round(old_s, 3),
                )
            )
    if args.json:
        print(json.dumps({"max_depth": MAX_DEPTH, "rows": rows}, indent=2))
        return
    print(f"nesting cap (monitor.html_text.MAX_DEPTH): {MAX_DEPTH:,}")
    head = f"{'depth':>7} {'feed KB':>8} {'pass s':>7} {'stored':>6} {'refused':>7} {'flat pass s':>11} {'convert s':>9} {'old convert s':>13}"
    print(head)
    for r in rows:
        old = "-" if r["old_convert_s"] is None else f"{r['old_convert_s']:.3f}"
        print(
            f"{r['depth']:>7,} {r['feed_bytes'] / 1024:>8.0f} {r['pass_s']:>7.3f} {r['stored']:>6} "
            f"{r['refused']:>7} {r['flat_pass_s']:>11.3f} {r['convert_s']:>9.4f} {old:>13}"
        )
    first, last = rows[0], rows[-1]
    growth = last["depth"] / first["depth"]
    print(
        f"depth x{growth:g}: pass time x{last['pass_s'] / first['pass_s']:.1f}, "
        f"flat baseline x{last['flat_pass_s'] / first['flat_pass_s']:.1f}, "
        f"converter alone x{last['convert_s'] / max(first['convert_s'], 1e-6):.1f}"
    )


if __name__ == "__main__":
    main()
