"""Stored articles run through the engine again after the lexicon changed.

An organisation's lexicon changes (an override file, a disabled entry, a new
severity) and the flags stored before are stale: counts, the queue and the
awards profiles would go on saying what the old lexicon said.  Each analysed
article records the fingerprint of the lexicon its flags came from
(``articles.lexicon_hash``); re-analysis runs the stale ones (or all, or those
dated since a day) through today's engine and stores the result with
``storage.flags.reconcile_article_flags``, which keeps every reviewer's
decision on a span found again and marks what changed or vanished, so review
work is never silently lost; each article's constructive profile is
recomputed and stored with its flags (``--all`` profiles articles stored
before profiles existed).  Each article is its own transaction: a stop or
a crash loses at most the article in hand, and the run can simply be repeated.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass

from monitor.analyse import analyse_articles, lexicon_hash, profile_articles
from storage import articles as article_store
from storage.db import Database, utcnow
from storage.flags import Tally, reconcile_article_flags
from storage.profiles import store_profile

BATCH = 16  # articles through the model at once: a batch's texts are held in memory


@dataclass(frozen=True)
class Reanalysis:
    """What a run did: articles re-analysed (and failed), and to their flags."""

    lexicon: str  # the fingerprint of the lexicon used
    articles: int
    failed: int  # the engine failed on them; left as they were, retried next run
    kept: int  # decided flags found again as they were
    changed: int  # decided flags found again, but not as they were decided
    vanished: int  # decided flags the lexicon no longer finds (kept, counted nowhere)
    new: int  # flags not there before (pending)
    removed: int  # undecided flags no longer found

    def to_json(self) -> dict[str, object]:
        return asdict(self)

    def summary(self) -> str:
        a = f"{self.articles} article{'s' if self.articles != 1 else ''} re-analysed"
        if not self.articles:
            return f"{a}: every analysed article already uses lexicon {self.lexicon}"
        line = (
            f"{a} with lexicon {self.lexicon}: {self.new} new flags, {self.removed} undecided "
            f"flags no longer found; of the reviewed flags {self.kept} kept as they were, "
            f"{self.changed} changed, {self.vanished} vanished"
        )
        if self.failed:
            line += f"; {self.failed} failed and were left as they were"
        return line


def stale_articles(db: Database, engine) -> int:
    """Analysed articles whose flags came from another lexicon than ``engine``'s."""
    current = lexicon_hash(engine)
    if current is None:
        return 0
    with db.read("counting articles analysed with another lexicon") as conn:
        return article_store.count_stale(conn, current)


def reanalyse(
    db: Database,
    engine,
    *,
    since: str = "",
    every: bool = False,
    progress: Callable[[int, int], None] | None = None,
    stop: Callable[[], bool] | None = None,
) -> Reanalysis:
    """Run stored articles through ``engine`` again and store what it finds.

    Which: with ``every`` all analysed articles; with ``since`` (ISO date) those
    dated on or after it; else those analysed with another lexicon (or before
    lexicons were recorded).  ``progress(done, total)`` is called after each
    article; ``stop()`` returning True ends the run after the article in hand.
    """
    current = lexicon_hash(engine) or ""
    with db.read("choosing articles to re-analyse") as conn:
        ids = article_store.to_reanalyse(conn, current, since=since, every=every)
    total, done, failed, tally = len(ids), 0, 0, Tally()
    if progress is not None:
        progress(0, total)
    for i in range(0, total, BATCH):
        with db.read("reading articles to re-analyse") as conn:
            rows = article_store.texts(conn, ids[i : i + BATCH])
        titles, bodies = [r.title or "" for r in rows], [r.text for r in rows]
        results = analyse_articles(engine, titles, bodies)
        # the constructive profile (issue 13) is recomputed with the flags it counts
        profiles = profile_articles(titles, bodies, results)
        for row, found, prof in zip(rows, results, profiles, strict=True):
            if stop is not None and stop():
                return _result(current, done, failed, tally)
            if found is None:
                failed += 1
            else:
                with db.transaction(f"storing the re-analysis of article {row.id}") as conn:
                    tally += reconcile_article_flags(conn, row.id, found)
                    if prof is not None:
                        store_profile(conn, row.id, prof, utcnow())
                    article_store.set_analysed(
                        conn,
                        row.id,
                        at=utcnow(),
                        model=engine.model_name,
                        lexicon_hash=current or None,
                    )
                done += 1
            if progress is not None:
                progress(done + failed, total)
    return _result(current, done, failed, tally)


def _result(lexicon: str, done: int, failed: int, t: Tally) -> Reanalysis:
    return Reanalysis(lexicon, done, failed, t.kept, t.changed, t.vanished, t.new, t.removed)
