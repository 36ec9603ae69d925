"""Article-text extraction quality on the Zyte Article Extraction Benchmark.

    python benchmarks/extraction_f1.py [--json] [--limit N]

Compares the monitor's cascade (``monitor.extract.extract_text``:
trafilatura favour-precision -> readability-lxml, 200-character gate) with
trafilatura's default mode alone (the choice we did not make) and the
baseline the benchmark publishes, BeautifulSoup ``get_text`` with
scripts and styles removed, on ../shared/corpora/extraction/zyte-aeb (181
pages).  Scoring follows the benchmark: per page, precision and recall of
4-token shingles against the gold article body, averaged over pages, F1 of
the averages; plain token (bag-of-words) F1 is printed as well.
Published on this set: trafilatura ~0.95-0.96, bs4 0.665.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from monitor.extract import decode_html, extract_text  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpora" / "extraction" / "zyte-aeb"
TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int) -> Counter:
    tokens = TOKEN.findall(text or "")
    if n == 1:
        return Counter(tokens)
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))


def page_scores(gold: str, pred: str, n: int) -> tuple[float, float]:
    g, p = shingles(gold, n), shingles(pred, n)
    tp = sum((g & p).values())
    fp, fn = sum(p.values()) - tp, sum(g.values()) - tp
    precision = tp / (tp + fp) if tp + fp else (1.0 if tp + fn == 0 else 0.0)
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall


def bs4_text(html: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    for tag in soup(["script", "style", "noscript"]):
        tag.decompose()
    return soup.get_text(" ")


def cascade(html: str) -> str:
    return extract_text(html).text


def trafilatura_default(html: str) -> str:
    # the alternative to favor_precision=True, measured here to justify the choice
    import trafilatura

    return trafilatura.extract(html, include_comments=False, include_tables=False) or ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args(argv)
    if not CORPUS.exists():
        print(f"corpus not found: {CORPUS}", file=sys.stderr)
        return 2
    truth = json.loads((CORPUS / "ground-truth.json").read_text(encoding="utf-8"))
    items = sorted(truth.items())[: args.limit or None]
    pages = []
    for key, gold in items:
        raw = gzip.decompress((CORPUS / "html" / f"{key}.html.gz").read_bytes())
        pages.append((decode_html(raw, {}), gold["articleBody"]))
    results = {}
    for name, fn in (
        ("monitor cascade", cascade),
        ("trafilatura default only", trafilatura_default),
        ("bs4 get_text (baseline)", bs4_text),
    ):
        started = time.perf_counter()
        outputs = [fn(html) for html, _ in pages]
        elapsed = time.perf_counter() - started
        row = {"ms_per_page": 1000 * elapsed / len(pages)}
        for label, n in (("shingle4", 4), ("token", 1)):
            ps, rs = zip(
                *(page_scores(gold, out, n) for (_, gold), out in zip(pages, outputs, strict=True)),
                strict=True,
            )
            p, r = sum(ps) / len(ps), sum(rs) / len(rs)
            row[label] = {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}
        results[name] = row
    if args.json:
        print(json.dumps({"pages": len(pages), "results": results}, indent=2))
        return 0
    print(f"Zyte AEB, {len(pages)} pages")
    print(f"{'extractor':26} {'P':>6} {'R':>6} {'F1':>6}   {'tokF1':>6}  {'ms/page':>8}")
    for name, row in results.items():
        s, t = row["shingle4"], row["token"]
        print(
            f"{name:26} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f}   {t['f1']:6.3f}  "
            f"{row['ms_per_page']:8.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
