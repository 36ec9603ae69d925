"""The review queue and article lists: one page of articles as the reviewer
narrowed it, the values its filters can take, and ``framewatch articles``.

Both lists are described as a ``storage.queue.ArticleQuery``, so the UI's
queue and the command line share one query builder.
"""

from __future__ import annotations

from monitor.review.model import (
    AMPLIFY_SCORE,
    PAGE_SIZE,
    STATUSES,
    FlagCounts,
    ListedArticle,
    Options,
    QueueFilter,
    QueuePage,
    QueueRow,
    ReviewError,
)
from storage import article_leases as lease_store
from storage import articles as article_store
from storage import flags as flag_store
from storage import profiles as profile_store
from storage import queue as q
from storage.db import Database, utcnow

SORTS = q.SORTS  # the orders the queue can be sorted in
LIST_STATUSES = ("new", "reviewed", "all")  # 'new' includes articles whose review has started


def _day(value: str | None) -> str:
    return (value or "")[:10]


def _query(f: QueueFilter, viewer: str | None = None) -> q.ArticleQuery:
    if f.sort not in q.SORTS:
        raise ReviewError(f"unknown sort {f.sort!r} (use one of {', '.join(q.SORTS)})")
    if f.status and f.status not in STATUSES:
        raise ReviewError(f"unknown status {f.status!r} (use one of {', '.join(STATUSES)})")
    return q.ArticleQuery(
        outlet=f.outlet,
        status=f.status,
        date_from=f.date_from,
        date_to=f.date_to,
        category=f.category,
        severity=f.severity,
        search=f.search.strip(),
        sort=f.sort,
        descending=f.descending,
        fold_copies=f.fold_copies,
        hide_open_by_others=(
            (viewer or "", utcnow()) if f.hide_open_by_others and viewer is not None else None
        ),
        noise_threshold=f.noise_threshold,
        amplify_min_score=AMPLIFY_SCORE if f.amplify else None,
    )


def queue(
    db: Database,
    filt: QueueFilter | None = None,
    *,
    offset: int = 0,
    limit: int = PAGE_SIZE,
    viewer: str | None = None,
) -> QueuePage:
    """One page of the review queue.

    With ``fold_copies`` every story shows once, as its earliest matching
    article, with the number of other matching copies; unstoried articles show
    as themselves.
    """
    query = _query(filt or QueueFilter(), viewer)
    with db.read("reading the review queue") as conn:
        total, page, counts = q.page(conn, query, offset=offset, limit=limit)
        held = lease_store.holders(conn, [r[0] for r in page], utcnow())
        profiles = profile_store.summaries(conn, [r[0] for r in page])
    rows = []
    for r in page:
        c = FlagCounts.of(counts.get(r[0]))
        pr = profiles.get(r[0])
        rows.append(
            QueueRow(
                article_id=r[0],
                story_id=r[1],
                published=_day(r[2]),
                outlet=r[3] or "",
                title=r[4] or "",
                status=r[5],
                high=c.high,
                medium=c.medium,
                low=c.low,
                quoted=c.quoted,
                pending=c.pending,
                copies=int(r[6]),
                open_by=(held[r[0]].holder if r[0] in held and held[r[0]].holder != viewer else ""),
                noise=int(getattr(counts.get(r[0]), "noise", 0) or 0),
                score=None if pr is None else int(pr.score),
                thematic=bool(pr is not None and pr.thematic),
                lived_experience=bool(pr is not None and pr.lived_experience),
                solutions=bool(pr is not None and pr.solutions),
            )
        )
    return QueuePage(rows=tuple(rows), total=total, offset=offset, limit=limit)


def options(db: Database) -> Options:
    with db.read("reading filter options") as conn:
        outlets = article_store.outlets(conn)
        cats = flag_store.categories(conn)
    return Options(outlets=tuple(outlets), categories=tuple(cats))


def article_list(
    db: Database,
    *,
    status: str = "new",
    feed_id: int | None = None,
    include_irrelevant: bool = False,
    search: str | None = None,
    limit: int = 50,
) -> list[ListedArticle]:
    """Stored articles, newest first, with their flag counts (``FlagCounts``:
    the same numbers as the review queue's)."""
    if status not in LIST_STATUSES:
        raise ReviewError(f"unknown status {status!r} (use one of {', '.join(LIST_STATUSES)})")
    query = q.ArticleQuery(
        relevant_only=not include_irrelevant,
        open_only=status == "new",
        reviewed_only=status == "reviewed",
        feed_id=feed_id,
        search=search or "",
    )
    with db.read("listing articles") as conn:
        rows = q.listing(conn, query, limit=limit)
        counts = q.counts_of(conn, [r.id for r in rows])
    return [
        ListedArticle(
            id=r.id,
            outlet=r.outlet,
            title=r.title,
            url=r.url,
            story_id=r.story_id,
            relevance=r.relevance,
            relevant=bool(r.relevant),
            status=r.status,
            published_at=r.published_at,
            text_source=r.text_source,
            counts=FlagCounts.of(counts.get(r.id)),
        )
        for r in rows
    ]
