"""The one query builder for lists of articles (Miniflux's ArticleQueryBuilder idea).

The review queue in the terminal UI and ``framewatch articles`` both describe
what they want as an :class:`ArticleQuery`; the conditions and the order are
written once, here.  Values are checked by the caller (the review service
names a bad status or sort in its own words).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa

from storage.article_leases import open_by_others
from storage.articles import ARTICLE_DATE
from storage.db import Row
from storage.schema import article_profiles, articles, flags

SORTS = ("date", "outlet", "title", "flags", "status", "likely")
# "likely": the pending flags a reviewer is expected to accept (one minus the
# learned model's predicted dismissal, summed; an unpredicted flag counts 1),
# so likely-accepted work comes first and probable noise last


@dataclass(frozen=True)
class ArticleQuery:
    """Which articles, in which order; empty fields mean "any"."""

    relevant_only: bool = True
    outlet: str = ""
    status: str = ""  # exactly this status
    open_only: bool = False  # any status but "reviewed"
    reviewed_only: bool = False
    feed_id: int | None = None
    date_from: str = ""  # ISO date, inclusive
    date_to: str = ""  # ISO date, inclusive
    category: str = ""  # has a flag in this category
    severity: str = ""  # has a flag of this severity
    search: str = ""  # headline or text contains (case-insensitive), as given
    sort: str = "date"  # one of SORTS
    descending: bool = True
    fold_copies: bool = False  # one row per story, its other matching copies counted
    # pending flags predicted at or above this are "probably noise": counted
    # apart, and left out of the "likely" order's expected accepted work
    noise_threshold: float = 0.95
    # hide articles another reviewer has open (an unexpired article lease not theirs):
    # (this reviewer's name, now as ISO time); None shows everything
    hide_open_by_others: tuple[str, str] | None = None
    # "coverage to amplify" (issue 13): a profile scoring at least this, or with
    # a lived-experience voice; None = any article
    amplify_min_score: int | None = None


def _day_after(day: str) -> str:
    """The ISO date after ``day`` (a date, or anything starting with one)."""
    try:
        return (date.fromisoformat(day[:10]) + timedelta(days=1)).isoformat()
    except ValueError:
        return f"{day}\uffff"  # not a date: compare as the text it is


def headline_or_text_contains(term: str) -> sa.ColumnElement[bool]:
    """Case-insensitive substring match on an article's headline or text; % and _ are literal."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pattern = f"%{escaped}%"
    return sa.or_(
        articles.c.title.ilike(pattern, escape="\\"), articles.c.text.ilike(pattern, escape="\\")
    )


def conditions(q: ArticleQuery) -> list[sa.ColumnElement[bool]]:
    conds: list[sa.ColumnElement[bool]] = []
    if q.relevant_only:
        conds.append(articles.c.relevant.is_(True))
    if q.outlet:
        conds.append(articles.c.outlet == q.outlet)
    if q.status:
        conds.append(articles.c.status == q.status)
    if q.open_only:
        conds.append(articles.c.status != "reviewed")
    if q.reviewed_only:
        conds.append(articles.c.status == "reviewed")
    if q.feed_id is not None:
        conds.append(articles.c.feed_id == q.feed_id)
    if q.date_from:
        conds.append(ARTICLE_DATE >= q.date_from)
    if q.date_to:
        # Inclusive day: anything before the next day's start.  Not "date_to"
        # + U+FFFF: a PostgreSQL database with a linguistic collation may sort
        # that character anywhere, where SQLite compares code points.
        conds.append(ARTICLE_DATE < _day_after(q.date_to))
    if q.category or q.severity:
        sub = sa.select(flags.c.id).where(flags.c.article_id == articles.c.id)
        if q.category:
            sub = sub.where(flags.c.category == q.category)
        if q.severity:
            sub = sub.where(flags.c.severity == q.severity)
        conds.append(sa.exists(sub))
    if q.search:
        conds.append(headline_or_text_contains(q.search))
    if q.hide_open_by_others is not None:
        me, now = q.hide_open_by_others
        conds.append(~open_by_others(articles.c.id, me, now))
    if q.amplify_min_score is not None:
        conds.append(
            sa.exists(
                sa.select(article_profiles.c.article_id).where(
                    article_profiles.c.article_id == articles.c.id,
                    sa.or_(
                        article_profiles.c.score >= q.amplify_min_score,
                        article_profiles.c.lived_experience.is_(True),
                    ),
                )
            )
        )
    return conds


# ------------------------------------------------------------------ what counts
#
# One definition of an article's flag counts, used by every list, sort,
# overview and report (issue 12: ``framewatch articles`` folded quoted flags
# into high/medium while the UI showed them apart, and the queue's "flags"
# sort counted quoted flags and ignored severity):
#
# - a flag counts while it stands: a reviewer's dismissal takes it out (it was
#   judged not to be a correct flag), and so does the lexicon no longer finding
#   it (lexicon_state 'vanished', kept only as the record of a decision);
# - flags in the writer's own voice count by severity (high, medium, low);
# - flags inside quotations (someone else's words, never rewritten) count
#   apart, as "quoted", whatever their severity;
# - "pending" is the review still to do (any voice, not yet decided);
# - the "flags" order weighs the writer's flags by severity (a high outweighs
#   two mediums, a medium two lows: 9, 3, 1), then the quoted ones break ties.

SEVERITY_WEIGHT = {"high": 9, "medium": 3, "low": 1}
COUNT_FIELDS = ("high", "medium", "low", "quoted", "pending", "weight")


def counted() -> sa.ColumnElement[bool]:
    """A flag that counts: not dismissed by a reviewer, still found by the lexicon."""
    return (flags.c.decision != "dismissed") & (flags.c.lexicon_state != "vanished")


def writers() -> sa.ColumnElement[bool]:
    """A counted flag in the writer's own voice."""
    return counted() & sa.not_(flags.c.quoted)


def quoted() -> sa.ColumnElement[bool]:
    """A counted flag inside a quotation."""
    return counted() & flags.c.quoted


def _count_if(cond: sa.ColumnElement[bool], label: str) -> sa.Label[Any]:
    return sa.func.coalesce(sa.func.sum(sa.case((cond, 1), else_=0)), 0).label(label)


def count_columns(noise_threshold: float = 0.95) -> list[sa.Label[Any]]:
    """The counts as aggregate columns (labelled as ``COUNT_FIELDS``), for any
    grouping; with ``noise`` (pending flags the learned review model predicts
    at or above ``noise_threshold``: counted apart, still counted above) and
    ``likely`` (the expected accepted work, for the "likely" order)."""
    pending = flags.c.decision == "pending"
    noise = pending & (sa.func.coalesce(flags.c.dismiss_p, 0.0) >= noise_threshold)
    likely = sa.case(
        (pending & sa.not_(noise), 1.0 - sa.func.coalesce(flags.c.dismiss_p, 0.0)), else_=0.0
    )
    weight = sa.case(
        *((writers() & (flags.c.severity == s), w) for s, w in SEVERITY_WEIGHT.items()),
        else_=0,
    )
    return [
        *(_count_if(writers() & (flags.c.severity == s), s) for s in SEVERITY_WEIGHT),
        _count_if(quoted(), "quoted"),
        _count_if(flags.c.decision == "pending", "pending"),
        sa.func.coalesce(sa.func.sum(weight), 0).label("weight"),
        _count_if(noise, "noise"),
        sa.func.coalesce(sa.func.sum(likely), 0.0).label("likely"),
    ]


def flag_counts(
    article_ids: Sequence[int] | None = None, noise_threshold: float = 0.95
) -> sa.Select[Any]:
    """Per-article counts (``COUNT_FIELDS``, see above, with ``noise`` and
    ``likely``), computed in SQL rather than row by row; for the given
    articles only when ``article_ids`` is set (a page's worth)."""
    q = sa.select(flags.c.article_id.label("article_id"), *count_columns(noise_threshold))
    if article_ids is not None:
        q = q.where(flags.c.article_id.in_(article_ids))
    return q.group_by(flags.c.article_id)


def counts_of(
    conn: sa.Connection, article_ids: Sequence[int], noise_threshold: float = 0.95
) -> dict[int, Row]:
    """article id -> its counts row (articles without flags are absent)."""
    if not article_ids:
        return {}
    return {int(r.article_id): r for r in conn.execute(flag_counts(article_ids, noise_threshold))}


def per_day_outlet_category(conn: sa.Connection, since: str) -> Sequence[Row]:
    """(day, outlet, category, writer's flags, quoted flags) on articles dated
    since ``since``, counted as every list counts them."""
    day = sa.func.substr(ARTICLE_DATE, 1, 10)
    return conn.execute(
        sa.select(
            day,
            articles.c.outlet,
            flags.c.category,
            _count_if(writers(), "voice"),
            _count_if(quoted(), "quoted"),
        )
        .select_from(flags.join(articles, articles.c.id == flags.c.article_id))
        .where(ARTICLE_DATE >= since, counted())
        .group_by(day, articles.c.outlet, flags.c.category)
    ).all()


def _order(q: ArticleQuery, by_flags: Sequence[sa.ColumnElement[Any]] = ()) -> list[Any]:
    column: sa.ColumnElement[Any] = {
        "date": ARTICLE_DATE,
        "outlet": articles.c.outlet,
        "title": articles.c.title,
        "status": articles.c.status,
    }.get(q.sort, ARTICLE_DATE)
    keys = list(by_flags) if q.sort in ("flags", "likely") and by_flags else [column]
    return [*(k.desc() if q.descending else k.asc() for k in keys), articles.c.id.desc()]


def page(
    conn: sa.Connection, q: ArticleQuery, *, offset: int, limit: int
) -> tuple[int, Sequence[Row], dict[int, Row]]:
    """(rows matching in all, one page of rows, their flag counts by article id).

    Each row: id, story_id, when, outlet, title, status, copies.  With
    ``fold_copies`` every story shows once, as its earliest matching article,
    with the number of other matching copies; unstoried articles show as
    themselves."""
    where = conditions(q)
    if q.fold_copies:
        # Representative of a story = smallest matching id in it.
        group_key = sa.func.coalesce(articles.c.story_id, -articles.c.id)
        grouped = (
            sa.select(
                sa.func.min(articles.c.id).label("id"),
                (sa.func.count() - 1).label("copies"),
            )
            .where(*where)
            .group_by(group_key)
            .subquery("g")
        )
    else:
        base = sa.select(articles.c.id).where(*where)
        grouped = sa.select(base.subquery().c.id, sa.literal(0).label("copies")).subquery("g")

    source = grouped.join(articles, articles.c.id == grouped.c.id)
    by_flags: list[sa.ColumnElement[Any]] = []
    if q.sort in ("flags", "likely"):
        # only these orders need every article's count; the others count a page's worth
        fc = flag_counts(noise_threshold=q.noise_threshold).subquery("fc")
        source = source.outerjoin(fc, fc.c.article_id == articles.c.id)
        by_flags = (
            [sa.func.coalesce(fc.c.weight, 0), sa.func.coalesce(fc.c.quoted, 0)]
            if q.sort == "flags"
            else [sa.func.coalesce(fc.c.likely, 0.0), sa.func.coalesce(fc.c.weight, 0)]
        )
    stmt = (
        sa.select(
            articles.c.id,
            articles.c.story_id,
            ARTICLE_DATE.label("when"),
            articles.c.outlet,
            articles.c.title,
            articles.c.status,
            grouped.c.copies,
        )
        .select_from(source)
        .order_by(*_order(q, by_flags))
        .offset(max(0, offset))
        .limit(max(1, limit))
    )
    total = int(conn.execute(sa.select(sa.func.count()).select_from(grouped)).scalar_one())
    rows = conn.execute(stmt).all()
    return total, rows, counts_of(conn, [r[0] for r in rows], q.noise_threshold)


def listing(conn: sa.Connection, q: ArticleQuery, *, limit: int) -> Sequence[Row]:
    """The first ``limit`` matching articles, unfolded, with what a list shows:
    id, outlet, title, url, story_id, relevance, relevant, status,
    published_at, fetched_at, text_source."""
    t = articles.c
    stmt = sa.select(
        t.id,
        t.outlet,
        t.title,
        t.url,
        t.story_id,
        t.relevance,
        t.relevant,
        t.status,
        t.published_at,
        t.fetched_at,
        t.text_source,
    ).where(*conditions(q))
    return conn.execute(stmt.order_by(*_order(q)).limit(limit)).all()
