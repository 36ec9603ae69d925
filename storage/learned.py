"""The learned review model's data: decided flags to train on, trained models,
and the predictions written back onto flags (issue 14).

Every query the ``learning`` service needs is here; it never writes SQL.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa

from storage.db import Row, new_id
from storage.schema import articles, flags, learned_models

KEEP = 5  # trained models kept (the newest is used; older ones for comparison)

# what a training example or a flag to predict needs: the flag, its stored
# features, and the article it is on
_COLUMNS = (
    flags.c.id,
    flags.c.article_id,
    flags.c.field,
    flags.c.start,
    flags.c.end,
    flags.c.text,
    flags.c.entry,
    flags.c.category,
    flags.c.severity,
    flags.c.quoted,
    flags.c.decision,
    flags.c.reason,
    flags.c.decided_by,
    flags.c.decided_at,
    flags.c.features,
    flags.c.dismiss_p,
    articles.c.outlet,
    articles.c.url,
    articles.c.status,
    articles.c.title.label("article_title"),
    articles.c.text.label("article_text"),
)
_FROM = flags.join(articles, articles.c.id == flags.c.article_id)


def decided(conn: sa.Connection) -> Sequence[Row]:
    """Every accepted or dismissed flag with its features and article, oldest decision first."""
    return conn.execute(
        sa.select(*_COLUMNS)
        .select_from(_FROM)
        .where(flags.c.decision.in_(("accepted", "dismissed")))
        .order_by(flags.c.decided_at, flags.c.id)
    ).all()


def decided_count(conn: sa.Connection) -> int:
    return int(
        conn.execute(
            sa.select(sa.func.count())
            .select_from(flags)
            .where(flags.c.decision.in_(("accepted", "dismissed")))
        ).scalar_one()
    )


def of_articles(conn: sa.Connection, article_ids: Sequence[int]) -> Sequence[Row]:
    """The flags of these articles (any decision), with their articles."""
    if not article_ids:
        return []
    return conn.execute(
        sa.select(*_COLUMNS)
        .select_from(_FROM)
        .where(flags.c.article_id.in_(list(article_ids)))
        .order_by(flags.c.article_id, flags.c.id)
    ).all()


def pending(conn: sa.Connection, limit: int | None = None) -> Sequence[Row]:
    """Flags still waiting for a decision, newest articles first."""
    q = (
        sa.select(*_COLUMNS)
        .select_from(_FROM)
        .where(flags.c.decision == "pending")
        .order_by(articles.c.id.desc(), flags.c.id)
    )
    if limit is not None:
        q = q.limit(limit)
    return conn.execute(q).all()


def set_predictions(conn: sa.Connection, predictions: Mapping[int, float]) -> None:
    """Write each flag's predicted dismissal probability."""
    if predictions:
        conn.execute(
            flags.update()
            .where(flags.c.id == sa.bindparam("fid"))
            .values(dismiss_p=sa.bindparam("p")),
            [{"fid": fid, "p": float(p)} for fid, p in predictions.items()],
        )


def clear_predictions(conn: sa.Connection) -> None:
    """Forget every prediction (the model they came from is gone or stale)."""
    conn.execute(flags.update().where(flags.c.dismiss_p.is_not(None)).values(dismiss_p=None))


def save_model(
    conn: sa.Connection,
    *,
    trained_at: str,
    decisions: int,
    lexicon_hash: str,
    kind: str,
    metrics: Mapping[str, Any],
    seconds: float,
    model: bytes,
) -> int:
    """Store a trained model; only the newest ``KEEP`` stay."""
    model_id = new_id(
        conn.execute(
            learned_models.insert().values(
                trained_at=trained_at,
                decisions=decisions,
                lexicon_hash=lexicon_hash,
                kind=kind,
                metrics=json.dumps(dict(metrics), sort_keys=True),
                seconds=seconds,
                model=model,
            )
        )
    )
    old = conn.execute(
        sa.select(learned_models.c.id).order_by(learned_models.c.id.desc()).offset(KEEP)
    ).scalars()
    stale = list(old)
    if stale:
        conn.execute(learned_models.delete().where(learned_models.c.id.in_(stale)))
    return model_id


def latest_model(conn: sa.Connection, *, with_model: bool = True) -> Row | None:
    """The newest trained model (without its pickled estimator unless asked)."""
    cols = [c for c in learned_models.c if with_model or c.name != "model"]
    return conn.execute(sa.select(*cols).order_by(learned_models.c.id.desc()).limit(1)).first()


def decision_by_key(
    conn: sa.Connection, url_norm: str, field: str, start: int, end: int, entry: str
) -> Row | None:
    """The flag at this occurrence of the article with this normalised address (import)."""
    return conn.execute(
        sa.select(flags.c.id, flags.c.decision, flags.c.decided_at, flags.c.text)
        .select_from(_FROM)
        .where(
            articles.c.url_norm == url_norm,
            flags.c.field == field,
            flags.c.start == start,
            flags.c.end == end,
            flags.c.entry == entry,
        )
    ).first()


def export_rows(conn: sa.Connection) -> Sequence[Row]:
    """Every decided flag with what identifies its occurrence anywhere (the
    article's normalised address, field, offsets, entry)."""
    return conn.execute(
        sa.select(
            articles.c.url_norm,
            articles.c.url,
            articles.c.outlet,
            flags.c.field,
            flags.c.start,
            flags.c.end,
            flags.c.text,
            flags.c.entry,
            flags.c.category,
            flags.c.severity,
            flags.c.quoted,
            flags.c.decision,
            flags.c.reason,
            flags.c.decided_by,
            flags.c.decided_at,
            flags.c.features,
        )
        .select_from(_FROM)
        .where(flags.c.decision.in_(("accepted", "dismissed")))
        .order_by(flags.c.decided_at, flags.c.id)
    ).all()
