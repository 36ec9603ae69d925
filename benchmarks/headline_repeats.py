"""How often an extracted body repeats the page's headline, and how often
``core.headline`` finds the repeat, against a naive baseline in the same run.

    python benchmarks/headline_repeats.py [--show] [--json]

On the 181 real article pages of the Zyte extraction benchmark
(``../shared/corpora/extraction/zyte-aeb``, never copied here) each page is
extracted as the monitor does (``monitor.extract.extract_text``) and its
headline taken from ``og:title`` (else ``<title>``), standing in for the feed's.
Figures:
* found: bodies ``core.headline.repeated_headline_end`` cuts a repeat from;
* baseline: bodies whose first line equals the headline exactly (what a
  string comparison would catch);
* starts-alike: bodies not cut whose first four words are the headline's:
  the ones to look at by hand (``--show`` prints them and every cut), e.g. a
  first sentence that starts like the headline (rightly kept) or a page whose
  ``<h1>`` words differ from its ``og:title`` (not a repeat by this definition).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
CORPUS = REPO.parent / "shared" / "corpora" / "extraction" / "zyte-aeb" / "html"


def _headline(html: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    og = soup.find("meta", property="og:title")
    title = (og.get("content") if og else None) or (soup.title.string if soup.title else "")
    return " ".join(str(title or "").split())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    ap.add_argument("--show", action="store_true", help="print every cut and every near miss")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"corpus not present: {CORPUS}", file=sys.stderr)
        return 2
    from core.headline import repeated_headline_end
    from monitor.extract import decode_html, extract_text

    def words(s: str) -> list[str]:
        return re.findall(r"\w+", s.casefold())

    pages = found = baseline = alike = 0
    seconds = 0.0
    for path in sorted(CORPUS.glob("*.html.gz")):
        html = decode_html(gzip.decompress(path.read_bytes()))
        title = _headline(html)
        if not title:
            continue
        pages += 1
        text = extract_text(html).text
        t0 = time.perf_counter()
        cut = repeated_headline_end(title, text)
        seconds += time.perf_counter() - t0
        first = text.lstrip().split("\n", 1)[0].strip()
        baseline += first == title
        if cut:
            found += 1
            if args.show:
                print(f"cut   {text[:cut].strip()[:70]!r} -> {text[cut : cut + 40]!r}")
        elif words(first)[:4] == words(title)[:4]:
            alike += 1
            if args.show:
                print(f"kept  {title[:70]!r} | {first[:70]!r}")
    figures = {
        "pages": pages,
        "found": found,
        "baseline_exact_first_line": baseline,
        "starts_alike_not_cut": alike,
        "matcher_ms_per_page": round(1000 * seconds / max(pages, 1), 3),
    }
    if args.json:
        print(json.dumps(figures))
    else:
        print(
            f"{pages} pages with a headline: repeat found in {found} "
            f"(baseline, exact first line: {baseline}); {alike} start like the headline "
            f"but are not cut; {figures['matcher_ms_per_page']} ms a page"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
