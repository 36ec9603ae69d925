"""The one place the monitor calls the language engine.

Kept separate so the pipeline, the demo and a re-analysis command all load
the model the same way (once per pass) and store results the same way.
"""

from __future__ import annotations

from core.errors import FramewatchError
from storage import articles as article_store
from storage.db import utcnow
from storage.flags import store_article_flags
from storage.profiles import store_profile

_profiler = None


def load_engine(settings):
    """The organisation's engine, or a FramewatchError saying why not."""
    try:
        from framing.factory import engine_from_settings
    except ImportError as exc:
        raise FramewatchError(f"the language engine is not available ({exc})") from exc
    return engine_from_settings(settings)


def lexicon_hash(engine) -> str | None:
    """The fingerprint of the engine's lexicon, stored with each analysed article
    (None from an engine that has none: its flags are then treated as stale)."""
    return getattr(engine, "lexicon_hash", None)


def analyse_texts(
    engine, texts: list[str], headlines: list[str] | None = None
) -> list[list | None]:
    """Flags for each text, in order; one batched pass through the model.
    ``headlines`` (one per text, "" for none) are read for the legal status of
    a body's labels ("Burglar jailed ..." over "The burglar broke in ...").

    If the engine fails on the batch, each text is retried alone so one odd
    article costs only itself: its entry is None (left unanalysed, retried by
    a later pass) instead of the whole pass stopping with a traceback."""
    if not texts:
        return []
    heads = headlines if headlines is not None else [""] * len(texts)
    try:
        if headlines is None:
            return [list(flags) for flags in engine.check_many(texts)]
        return [list(flags) for flags in engine.check_many(texts, headlines=heads)]
    except Exception:  # noqa: BLE001 - isolate the failing text below
        pass
    out: list[list | None] = []
    for text, head in zip(texts, heads, strict=True):
        try:
            out.append(list(engine.check(text, headline=head) if head else engine.check(text)))
        except Exception:  # noqa: BLE001 - this text alone is left unanalysed, retried later
            out.append(None)
    return out


def analyse_articles(engine, titles: list[str], texts: list[str]) -> list[tuple[list, list] | None]:
    """(headline flags, body flags) for each article, in order.

    Headlines and bodies go through the model in one batch: headlines are
    short and numerous, and the engine already reads Title Case and ALL CAPS.
    An article whose headline or body the engine fails on is None (retried by
    a later pass), so its flags are never half-stored."""
    if len(titles) != len(texts):
        raise ValueError("one title per text")
    # each body reads its headline for the legal status of its labels
    results = analyse_texts(
        engine, list(titles) + list(texts), [""] * len(titles) + [t or "" for t in titles]
    )
    n = len(titles)
    return [
        None if head is None or body is None else (head, body)
        for head, body in zip(results[:n], results[n:], strict=True)
    ]


def get_profiler():
    """The one Profiler of this process (organisations and models read once)."""
    global _profiler
    if _profiler is None:
        from framing.profile import Profiler

        _profiler = Profiler()
    return _profiler


def profile_articles(titles: list[str], texts: list[str], results: list) -> list:
    """The constructive profile of each analysed article (issue 13), from the
    flags already found: None where the analysis failed or the profile did."""
    out: list = []
    profiler = None
    for title, text, found in zip(titles, texts, results, strict=True):
        if found is None:
            out.append(None)
            continue
        try:
            profiler = profiler or get_profiler()
            out.append(profiler.profile(text, title, found[1], found[0]))
        except Exception:  # noqa: BLE001 - the article is stored unprofiled; never stops a pass
            out.append(None)
    return out


def analyse_backlog(db, engine, *, limit: int = 500, batch: int = 32, stop=None) -> int:
    """Analyse relevant articles stored without analysis (engine missing at
    the time, or a previous pass stopped).  Each article's flags and its
    ``analysed_at`` are written in one transaction.  Returns articles done."""
    with db.read() as conn:
        todo = article_store.unanalysed(conn, limit)
    done = 0
    for i in range(0, len(todo), batch):
        chunk = todo[i : i + batch]
        titles, texts = [r.title or "" for r in chunk], [r.text for r in chunk]
        results = analyse_articles(engine, titles, texts)
        profiles = profile_articles(titles, texts, results)
        for row, found, prof in zip(chunk, results, profiles, strict=True):
            if stop is not None and stop():
                return done
            if found is None:
                continue
            with db.transaction() as conn:
                store_article_flags(conn, row.id, found)
                if prof is not None:
                    store_profile(conn, row.id, prof, utcnow())
                article_store.set_analysed(
                    conn,
                    row.id,
                    at=utcnow(),
                    model=engine.model_name,
                    lexicon_hash=lexicon_hash(engine),
                )
            done += 1
    return done
