#!/usr/bin/env python3
"""How the desk stream was chosen (run once; kept so the choice can be audited
and repeated).  Writes ``tests/data/desk/manifest.jsonl``.

    python scripts/corpus_desk.py [--mirror-root DIR] [--first 2020-09-01] [--last 2020-09-07]
                                  [--dry-run]

The real-news development set (``tests/data/realnews``) was chosen article by
article for coverage: many outlets, topics and traps, so its false flags
rarely repeat.  Issue 14's reviewers see something else: one monitored
stream, where the same outlet's sections bring the same words back day after
day.  This set is such a stream and is chosen by no property of the text:

1. every Mail Online post of the finescoop aggregator (every feed it took:
   news, tv, sports, female, business, science, health, travel, ...) whose
   ``date`` falls on ``--first`` .. ``--last`` (whole days, the aggregator's
   clock), in that order (ties by path): what a desk subscribed to the
   outlet's feeds receives, in the order it arrives;
2. a post whose headline repeats an earlier post's is left out (the feeds
   deliver one story in several sections; a monitor stores it once);
3. page furniture is removed exactly as ``corpus_select.strip_furniture``
   removes it for the development set (video-carousel titles pasted into the
   body), computed over all of the aggregator's Mail Online posts.

Nothing is filtered by topic, length, lexicon forms or the engine; articles
with no lexicon form stay in the manifest (they are part of the stream; the
evaluation file only needs the ones with occurrences, since the engine flags
only lexicon forms).  Ids ``dk-0001``... follow the stream order, which is
the order ``benchmarks/learning.py`` replays.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus
import corpus_select

DESK = corpus.REPO_ROOT / "tests" / "data" / "desk" / "manifest.jsonl"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mirror-root", type=Path, default=corpus.DEFAULT_MIRROR_ROOT)
    ap.add_argument("--shared-root", type=Path, default=corpus.DEFAULT_SHARED_ROOT)
    ap.add_argument("--first", default="2020-09-01", help="first day (YYYY-MM-DD)")
    ap.add_argument("--last", default="2020-09-07", help="last day (YYYY-MM-DD)")
    ap.add_argument("--out", type=Path, default=DESK)
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args(argv)

    from framing.index import Index  # project code: only the form counts need it
    from lexicon import load_lexicon

    lib = corpus.Library(args.mirror_root, args.shared_root)
    why = lib.problem(corpus.SOURCES["finescoop"])
    if why:
        print(f"MISSING finescoop: {why}", file=sys.stderr)
        return 1
    col = corpus_select._Collector(lib)
    corpus_select._mail_online(col)
    corpus_select.strip_furniture(col.cands)  # over all posts, as for the dev set
    _, _, read = col.git("finescoop")
    stamped = []
    for c in col.cands:
        raw = read(c.source["path"]).decode("utf-8")
        m = re.search(r"^date:\s*(\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d)", raw, re.M)
        if m and args.first <= m.group(1)[:10] <= args.last:
            stamped.append((m.group(1), c.source["path"], c))
    lib.close()
    stamped.sort(key=lambda t: (t[0], t[1]))
    index = Index(load_lexicon())
    rows, seen, repeats = [], set(), 0
    for stamp, _path, c in stamped:
        if c.title in seen:
            repeats += 1
            continue
        seen.add(c.title)
        d, t = stamp[:10], stamp[11:].replace("-", ":")
        rows.append(
            {
                "id": f"dk-{len(rows) + 1:04d}",
                "outlet": c.outlet,
                "outlet_type": c.outlet_type,
                "title": c.title,
                "url": None,
                "published": d,
                "received": f"{d}T{t}",
                "source": c.source,
                "licence": corpus_select.licence_note(c),
                "sha256": corpus.sha256(c.text),
                "chars": len(c.text),
                "words": len(c.text.split()),
                "group": "stream",
                "topic": "stream",
                "section": c.section or None,
                "forms_at_selection": len(index.prefilter.find(c.text)),
            }
        )
    n_forms = sum(r["forms_at_selection"] for r in rows)
    with_forms = sum(1 for r in rows if r["forms_at_selection"])
    print(
        f"{len(rows)} posts {args.first}..{args.last} ({repeats} repeated headlines left out), "
        f"{with_forms} with a lexicon form, {n_forms} forms",
        file=sys.stderr,
    )
    if not args.dry_run:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        corpus.write_manifest(args.out, rows)
        print(f"wrote {len(rows)} lines to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
