"""Adding a pasted or hand-entered article to the review queue, analysed."""

from __future__ import annotations

import hashlib
from typing import Any

from core.headline import repeated_headline_end
from monitor.extract import HEADLINE_NOTE
from monitor.review.model import ReviewError
from monitor.sanitize import clean_line, clean_text
from storage import articles as article_store
from storage.db import Database, utcnow
from storage.flags import store_article_flags
from storage.profiles import store_profile
from storage.stories import new_story


class _StoredMeanwhile(Exception):
    """Internal: another writer stored this address first."""


def import_text(
    db: Database,
    title: str,
    text: str,
    outlet: str = "",
    url: str = "",
    published_at: str | None = None,
    *,
    engine: Any,
) -> int:
    """Add a hand-entered or pasted article, analysed by ``engine``, with its flags.

    Without a URL the article gets a stable ``local:`` address from its
    content, so importing the same text twice returns the existing article
    instead of duplicating it.  Pasted copy is cleaned like a feed's
    (controls and invisible characters removed, NFC) before it is analysed,
    so the stored text is the text the flags point into.
    """
    text = clean_text(text)
    title = clean_line(title) or clean_line((text.strip().splitlines() or ["Untitled"])[0])[:120]
    outlet = clean_line(outlet)
    if not text.strip():
        raise ReviewError(f"{title}: no text to analyse")
    digest = hashlib.sha256(f"{title}\n{text}".encode()).hexdigest()[:24]
    address = url.strip() or f"local:{digest}"

    # a repeat import costs one lookup, not an analysis
    with db.read(f"looking up article {title!r}") as conn:
        known = article_store.id_by_address(conn, address)
    if known is not None:
        return known
    # a pasted article opens with its headline (or the headline was taken from
    # its first line): the body stored and analysed starts after it, so each use
    # is counted once (monitor.extract.without_repeated_headline says why here)
    cut = repeated_headline_end(title, text)
    text = text[cut:]
    # the body reads its headline for the legal status of its labels
    title_found, found = (list(r) for r in engine.check_many([title, text], headlines=["", title]))
    now = utcnow()
    model = getattr(engine, "model_name", None)
    from monitor.analyse import profile_articles

    profile = profile_articles([title], [text], [(title_found, found)])[0]
    try:
        with db.transaction(f"storing article {title!r}") as conn:
            # imported by someone else while this one was analysed
            known = article_store.id_by_address(conn, address)
            if known is not None:
                return known
            story_id = new_story(conn, title, now)
            article_id = article_store.insert_article(
                conn,
                dict(
                    outlet=outlet,
                    url=address,
                    url_norm=address,
                    title=title,
                    title_norm=" ".join(title.lower().split()),
                    published_at=published_at or now,
                    fetched_at=now,
                    text=text,
                    text_source="extracted",
                    extract_note=HEADLINE_NOTE if cut else None,
                    word_count=len(text.split()),
                    relevance=1.0,
                    relevant=True,
                    story_id=story_id,
                    status="new",
                    analysed_at=now,
                    model=model,
                    lexicon_hash=getattr(engine, "lexicon_hash", None),
                ),
            )
            if article_id is not None:
                store_article_flags(conn, article_id, (title_found, found))
                if profile is not None:
                    store_profile(conn, article_id, profile, now)
                return int(article_id)
            # stored by another writer between the check and the insert: roll back
            # (the story made above goes too); the article already stored is the answer
            raise _StoredMeanwhile
    except _StoredMeanwhile:
        with db.read(f"looking up article {title!r}") as conn:
            known = article_store.id_by_address(conn, address)
        if known is None:  # a conflict on the address means the row is there
            raise ReviewError(f"{title}: could not be stored (try again)") from None
        return known
