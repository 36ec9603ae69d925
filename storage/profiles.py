"""The profiles repository: one constructive-journalism profile per article.

The storage layer knows nothing of the engine: it stores what a
``StoredProfile`` gives (the summary columns the queue and overview query,
and the JSON the article screen reads) and hands the JSON back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, Protocol

import sqlalchemy as sa

from storage.db import Row
from storage.schema import article_profiles, articles, flags


class StoredProfile(Protocol):
    """What storage needs of ``framing.profile.Profile``."""

    @property
    def score(self) -> int: ...
    @property
    def thematic(self) -> bool: ...
    @property
    def lived_experience(self) -> bool: ...
    @property
    def voices(self) -> tuple[Any, ...]: ...
    def to_json(self) -> dict[str, Any]: ...


def store_profile(conn: sa.Connection, article_id: int, profile: StoredProfile, now: str) -> None:
    """Write (or replace) the article's profile."""
    data = profile.to_json()
    row = {
        "computed_at": now,
        "score": int(profile.score),
        "thematic": bool(profile.thematic),
        "lived_experience": bool(profile.lived_experience),
        "solutions": data.get("solutions", {}).get("label") == "yes",
        "evidence": data.get("evidence", {}).get("label") == "yes",
        "voices": len(profile.voices),
        "profile": json.dumps(data, ensure_ascii=False),
    }
    done = conn.execute(
        article_profiles.update().where(article_profiles.c.article_id == article_id).values(**row)
    )
    if not done.rowcount:
        conn.execute(article_profiles.insert().values(article_id=article_id, **row))


def get_profile(conn: sa.Connection, article_id: int) -> dict[str, Any] | None:
    """The stored profile's JSON, or None when the article has none yet."""
    raw = conn.execute(
        sa.select(article_profiles.c.profile).where(article_profiles.c.article_id == article_id)
    ).scalar_one_or_none()
    return None if raw is None else dict(json.loads(raw))


def summaries(conn: sa.Connection, ids: Iterable[int]) -> dict[int, Row]:
    """The summary columns of the given articles' profiles, by article id."""
    wanted = list(ids)
    if not wanted:
        return {}
    rows = conn.execute(
        sa.select(article_profiles).where(article_profiles.c.article_id.in_(wanted))
    ).fetchall()
    return {int(r.article_id): r for r in rows}


def outlet_month_shares(conn: sa.Connection, since: str = "") -> list[Row]:
    """Per outlet and month (from ``since``, an ISO date): profiled articles and
    how many are thematic, carry a lived-experience voice, report solutions; the
    mean score; their words and the flags in the writer's own voice (dismissed
    ones left out, as every list counts them)."""
    month = sa.func.substr(articles.c.published_at, 1, 7)
    own = (
        sa.select(flags.c.article_id, sa.func.count().label("n"))
        .where(sa.not_(flags.c.quoted), flags.c.decision != "dismissed")
        .group_by(flags.c.article_id)
        .subquery("own")
    )
    q = (
        sa.select(
            articles.c.outlet,
            month.label("month"),
            sa.func.count().label("articles"),
            sa.func.sum(sa.cast(article_profiles.c.thematic, sa.Integer)).label("thematic"),
            sa.func.sum(sa.cast(article_profiles.c.lived_experience, sa.Integer)).label("lived"),
            sa.func.sum(sa.cast(article_profiles.c.solutions, sa.Integer)).label("solutions"),
            sa.func.avg(article_profiles.c.score).label("score"),
            sa.func.sum(articles.c.word_count).label("words"),
            sa.func.sum(sa.func.coalesce(own.c.n, 0)).label("flags"),
        )
        .select_from(
            article_profiles.join(
                articles, articles.c.id == article_profiles.c.article_id
            ).outerjoin(own, own.c.article_id == articles.c.id)
        )
        .where(sa.func.coalesce(articles.c.published_at, "") >= since)
        .group_by(articles.c.outlet, month)
        .order_by(articles.c.outlet, month)
    )
    return list(conn.execute(q).fetchall())


def ranked_in_window(
    conn: sa.Connection,
    window_start: str,
    window_end: str,
    exclude_ids: Iterable[int] = (),
    exclude_urls: Iterable[str] = (),
    limit: int = 20,
) -> list[Row]:
    """Relevant profiled articles published in the window (inclusive ISO dates),
    best score first, leaving out the given ids and URLs: what the awards may
    invite nominations for."""
    day = sa.func.substr(articles.c.published_at, 1, 10)
    q = (
        sa.select(
            articles.c.id,
            articles.c.title,
            articles.c.outlet,
            articles.c.url,
            articles.c.published_at,
            article_profiles.c.score,
            article_profiles.c.profile,
        )
        .select_from(
            article_profiles.join(articles, articles.c.id == article_profiles.c.article_id)
        )
        .where(articles.c.relevant.is_(True), day >= window_start, day <= window_end)
        .order_by(article_profiles.c.score.desc(), articles.c.id.desc())
        .limit(max(1, limit))
    )
    ids, urls = list(exclude_ids), list(exclude_urls)
    if ids:
        q = q.where(articles.c.id.not_in(ids))
    if urls:
        q = q.where(articles.c.url.not_in(urls))
    return list(conn.execute(q).fetchall())
