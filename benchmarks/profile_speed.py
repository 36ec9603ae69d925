"""The constructive profile's cost on real whole articles, beside the engine's
check of the same texts in the same run (the budget: 50 ms per 1,000 words).

    python benchmarks/profile_speed.py [--limit N] [--texts PATH] [--json]

Reads the rebuilt real-news corpus (``scripts/corpus.py build``; default
``~/.cache/framewatch-corpora/realnews-texts.jsonl``), warms both up, then
times ``Profiler.profile`` (with the engine's flags handed in, as the monitor
does) and ``Engine.check_many`` (sentence cache off, so each costs full
price) over every text, and prints ms per 1,000 words for each.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = Path(os.environ.get("FRAMEWATCH_CORPORA") or "~/.cache/framewatch-corpora").expanduser()
    ap.add_argument("--texts", default=str(root / "realnews-texts.jsonl"))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    path = Path(args.texts)
    if not path.exists():
        print(f"{path}: no such file (python scripts/corpus.py build)", file=sys.stderr)
        return 2
    arts = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    if args.limit:
        arts = arts[: args.limit]
    from framing import Engine
    from framing.profile import Profiler
    from framing.profile.text import count_words

    engine = Engine(cache_size=0)
    profiler = Profiler()
    texts = [a["text"] for a in arts]
    words = sum(count_words(t) for t in texts)
    engine.check("The inmates were moved.")
    profiler.profile("warm up")
    t = time.perf_counter()
    flags = list(engine.check_many(texts))
    check_s = time.perf_counter() - t
    t = time.perf_counter()
    for a, f in zip(arts, flags, strict=True):
        profiler.profile(a["text"], a.get("title", ""), f)
    profile_s = time.perf_counter() - t
    figures = {
        "articles": len(arts),
        "words": words,
        "profile_ms_per_1000_words": round(profile_s / words * 1e6, 1),
        "baseline_engine_check_ms_per_1000_words": round(check_s / words * 1e6, 1),
        "load_average": round(os.getloadavg()[0], 2),
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"{len(arts)} real articles, {words:,} words (load average {figures['load_average']})")
    print(f"profile:  {figures['profile_ms_per_1000_words']} ms per 1,000 words (budget 50)")
    print(
        f"baseline: engine check of the same texts {figures['baseline_engine_check_ms_per_1000_words']} ms per 1,000 words"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
