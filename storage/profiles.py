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
from storage.schema import article_profiles, articles


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


def outlet_month_shares(conn: sa.Connection) -> list[Row]:
    """Per outlet and month: profiled articles and how many are thematic, carry a
    lived-experience voice, report solutions; the mean score."""
    month = sa.func.substr(articles.c.published_at, 1, 7)
    q = (
        sa.select(
            articles.c.outlet,
            month.label("month"),
            sa.func.count().label("articles"),
            sa.func.sum(sa.cast(article_profiles.c.thematic, sa.Integer)).label("thematic"),
            sa.func.sum(sa.cast(article_profiles.c.lived_experience, sa.Integer)).label("lived"),
            sa.func.sum(sa.cast(article_profiles.c.solutions, sa.Integer)).label("solutions"),
            sa.func.avg(article_profiles.c.score).label("score"),
        )
        .select_from(
            article_profiles.join(articles, articles.c.id == article_profiles.c.article_id)
        )
        .group_by(articles.c.outlet, month)
        .order_by(articles.c.outlet, month)
    )
    return list(conn.execute(q).fetchall())
