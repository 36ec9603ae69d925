"""Training, status and predictions of a database's learned review model.

Every function takes the open :class:`storage.db.Database`; the queries are in
``storage.learned``.  A model belongs to the lexicon it was trained with
(``lexicon.fingerprint``): when the lexicon changes, ``status`` says it is
stale and the review stops folding flags with it until it is retrained.
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from core.settings import LearningSettings
from learning.errors import LearningError
from learning.model import Example, Trained, loads
from learning.model import train as fit
from learning.vectorize import phrase
from lexicon.fingerprint import fingerprint
from storage import learned as store
from storage.db import Database, Row, utcnow

PREDICT_PENDING = 5000  # pending flags given a prediction after training (newest first)


@dataclass(frozen=True)
class ModelStatus:
    """What ``framewatch learn status`` reports."""

    trained: bool
    decisions_now: int  # decided flags in the database
    lexicon_hash: str  # the lexicon in use now
    trained_at: str = ""
    decisions_used: int = 0
    model_lexicon_hash: str = ""
    kind: str = ""
    metrics: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def stale(self) -> bool:
        """Trained against another lexicon than the one in use."""
        return self.trained and self.model_lexicon_hash != self.lexicon_hash

    @property
    def new_decisions(self) -> int:
        return max(0, self.decisions_now - self.decisions_used)

    def to_json(self) -> dict[str, Any]:
        return {
            "trained": self.trained,
            "trained_at": self.trained_at or None,
            "decisions_used": self.decisions_used,
            "decisions_now": self.decisions_now,
            "new_decisions": self.new_decisions,
            "kind": self.kind or None,
            "cv_precision_dismiss": self.metrics.get("precision_at_threshold"),
            "cv_precision_dismiss_at_half": self.metrics.get("precision_at_half"),
            "metrics": self.metrics,
            "seconds": self.seconds,
            "lexicon_hash": self.model_lexicon_hash or None,
            "current_lexicon_hash": self.lexicon_hash,
            "stale": self.stale,
        }


@dataclass(frozen=True)
class Prediction:
    """One flag's predicted dismissal and the decided flags most like it."""

    flag_id: int
    p_dismiss: float
    folded: bool  # at or above the fold threshold, from a model that is not stale
    similar: str  # "dismissed 7 times: 'killer heels' in Outlet X fashion pages", or ""


# --------------------------------------------------------------------------- features


def features_of(row: Row) -> dict[str, Any]:
    """The features stored with a decision, or (a decision made before they
    were stored, or a pending flag) the flag described now without tags."""
    if row.features:
        try:
            stored = json.loads(row.features)
            if isinstance(stored, dict):
                return stored
        except ValueError:
            pass
    return describe_row(row, None)


def describe_row(row: Row, engine: Any) -> dict[str, Any]:
    from framing.features import describe_stored

    return describe_stored(
        title=row.article_title,
        body=row.article_text,
        field=row.field or "text",
        start=row.start,
        end=row.end,
        span_text=row.text,
        entry=row.entry,
        category=row.category,
        severity=row.severity,
        quoted=bool(row.quoted),
        outlet=row.outlet or "",
        url=row.url or "",
        status=row.status or "",
        legal_status=getattr(row, "legal_status", "") or "",
        engine=engine,
    )


def examples(db: Database) -> list[Example]:
    with db.read("reading decisions") as conn:
        rows = store.decided(conn)
    return [Example(features_of(r), r.decision == "dismissed", str(r.article_id)) for r in rows]


# --------------------------------------------------------------------------- the model

_cache: dict[tuple[str, int], Trained] = {}
_cache_lock = threading.Lock()
_train_lock = threading.Lock()


def status(db: Database, lexicon: Any) -> ModelStatus:
    current = fingerprint(lexicon)
    with db.read("reading the learned model") as conn:
        now = store.decided_count(conn)
        row = store.latest_model(conn, with_model=False)
    if row is None:
        return ModelStatus(trained=False, decisions_now=now, lexicon_hash=current)
    return ModelStatus(
        trained=True,
        decisions_now=now,
        lexicon_hash=current,
        trained_at=row.trained_at,
        decisions_used=row.decisions,
        model_lexicon_hash=row.lexicon_hash,
        kind=row.kind,
        metrics=json.loads(row.metrics or "{}"),
        seconds=float(row.seconds or 0.0),
    )


def load(db: Database) -> Trained | None:
    """The newest model of this database (read once per process)."""
    with db.read("reading the learned model") as conn:
        head = store.latest_model(conn, with_model=False)
        if head is None:
            return None
        key = (db.location, int(head.id))
        with _cache_lock:
            if key in _cache:
                return _cache[key]
        row = store.latest_model(conn)
    assert row is not None
    model = loads(
        row.model,
        kind=row.kind,
        decisions=row.decisions,
        metrics=json.loads(row.metrics or "{}"),
        seconds=float(row.seconds or 0.0),
    )
    with _cache_lock:
        _cache.clear()
        _cache[key] = model
    return model


def train(
    db: Database,
    lexicon: Any,
    settings: LearningSettings | None = None,
    *,
    engine: Any = None,
) -> ModelStatus:
    """Train on every decision, store the model, and predict the pending flags.

    One training at a time per process (a second caller waits, then trains on
    what is there by then).  ``engine`` tags pending flags for their
    predictions; without one they are described by their words alone."""
    settings = settings or LearningSettings()
    with _train_lock:
        data = examples(db)
        trained = fit(data, threshold=settings.fold_threshold, min_decisions=settings.min_decisions)
        metrics = dict(trained.metrics, compared=trained.compared)
        with db.transaction("storing the learned model") as conn:
            store.save_model(
                conn,
                trained_at=utcnow(),
                decisions=trained.decisions,
                lexicon_hash=fingerprint(lexicon),
                kind=trained.kind,
                metrics=metrics,
                seconds=trained.seconds,
                model=trained.dumps(),
            )
        predict_pending(db, trained, engine=engine)
    return status(db, lexicon)


def predict_pending(db: Database, model: Trained, *, engine: Any = None) -> int:
    """Write a prediction on the newest pending flags (the queue sorts by them)."""
    with db.read("reading pending flags") as conn:
        rows = store.pending(conn, PREDICT_PENDING)
    feats = [describe_row(r, engine) for r in rows]
    probs = model.probabilities(feats)
    with db.transaction("storing predictions") as conn:
        store.clear_predictions(conn)
        store.set_predictions(conn, {r.id: p for r, p in zip(rows, probs, strict=True)})
    return len(rows)


def maybe_retrain(
    db: Database, lexicon: Any, settings: LearningSettings, *, engine: Any = None
) -> ModelStatus | None:
    """Retrain when ``retrain_every`` decisions have been made since the last
    training (or the lexicon changed); None when it was not time or there is
    not enough to learn from.  Meant for a worker thread: never the UI's."""
    if settings.retrain_every <= 0:
        return None
    now = status(db, lexicon)
    due = now.stale or (
        now.new_decisions >= settings.retrain_every
        if now.trained
        else now.decisions_now >= settings.min_decisions
    )
    if not due:
        return None
    try:
        return train(db, lexicon, settings, engine=engine)
    except LearningError:
        return None


# --------------------------------------------------------------------------- in review


def _where(features: dict[str, Any]) -> str:
    outlet = str(features.get("outlet") or "")
    section = str(features.get("section") or "")
    if outlet and section:
        return f" in {outlet} {section} pages"
    if outlet:
        return f" in {outlet}"
    if section:
        return f" in {section} pages"
    return ""


def _times(n: int) -> str:
    return "once" if n == 1 else "twice" if n == 2 else f"{n} times"


class Neighbours:
    """Decided flags grouped the ways a reviewer recognises a repeat: the
    phrase in the same outlet and section, in the same outlet, anywhere; then
    the entry in the same outlet."""

    def __init__(self, data: Sequence[Example]) -> None:
        self.groups: dict[tuple[str, ...], Counter[bool]] = {}
        self.example: dict[tuple[str, ...], dict[str, Any]] = {}
        for e in data:
            for key in self._keys(e.features):
                self.groups.setdefault(key, Counter())[e.dismissed] += 1
                self.example.setdefault(key, e.features)

    @staticmethod
    def _keys(f: dict[str, Any]) -> list[tuple[str, ...]]:
        p = phrase(f)
        outlet = str(f.get("outlet") or "").lower()
        section = str(f.get("section") or "")
        entry = str(f.get("entry", ""))
        return [
            ("phrase+outlet+section", p, outlet, section),
            ("phrase+outlet", p, outlet),
            ("phrase", p),
            ("entry+outlet", entry, outlet),
        ]

    def explain(self, features: dict[str, Any]) -> str:
        for key in self._keys(features):
            counts = self.groups.get(key)
            if not counts:
                continue
            seen = self.example[key]
            what = f"'{phrase(seen)}'" if key[0] != "entry+outlet" else f"'{seen.get('entry')}'"
            where = _where(
                {
                    "outlet": seen.get("outlet") if key[0] != "phrase" else "",
                    "section": seen.get("section") if key[0] == "phrase+outlet+section" else "",
                }
            )
            parts = []
            if counts[True]:
                parts.append(f"dismissed {_times(counts[True])}")
            if counts[False]:
                parts.append(f"accepted {_times(counts[False])}")
            return f"{' and '.join(parts)}: {what}{where}"
        return ""


def predict(
    db: Database,
    article_id: int,
    lexicon: Any,
    settings: LearningSettings | None = None,
    *,
    engine: Any = None,
) -> dict[int, Prediction]:
    """Predictions for every flag of one article (empty without a model)."""
    settings = settings or LearningSettings()
    model = load(db)
    if model is None:
        return {}
    stale = status(db, lexicon).stale
    with db.read(f"reading flags of article {article_id}") as conn:
        rows = store.of_articles(conn, [article_id])
    feats = [features_of(r) if r.decision != "pending" else describe_row(r, engine) for r in rows]
    probs = model.probabilities(feats)
    near = Neighbours([e for e in examples(db) if e.group != str(article_id)])
    return {
        r.id: Prediction(
            flag_id=r.id,
            p_dismiss=p,
            folded=not stale and r.decision == "pending" and p >= settings.fold_threshold,
            similar=near.explain(f),
        )
        for r, f, p in zip(rows, feats, probs, strict=True)
    }
