"""Framing profiles of nominated pieces: computed by the engine, or taken from
the monitor's reviewed flags, stored as JSON on the nomination.

The engine is always handed in (``engine``, or ``engine_factory``: in the
CLI and UI, ``framing.engine_from_settings`` with the organisation's
settings); without one the profile is recorded as unavailable, never
computed with a stand-in lexicon.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Protocol

from awards.common import load_nomination, log_change, need_who, writable_cycle
from awards.errors import AwardsError
from awards.model import Nomination
from awards.profile import build_profile
from core.errors import FramewatchError
from storage import flags as flag_store
from storage.awards import nominations as nomination_store
from storage.db import Connection, Database, Row, utcnow


class CheckEngine(Protocol):
    """What a profile needs of ``framing.Engine``."""

    @property
    def model_name(self) -> str: ...

    def check(self, text: str) -> Iterable[object]: ...


EngineFactory = Callable[[], CheckEngine | None]


def engine_profile(
    text: str, engine: CheckEngine | None, engine_factory: EngineFactory | None = None
) -> str:
    """Run the engine over ``text``; a missing engine is recorded, not fatal."""
    if not text.strip():
        return json.dumps({"unavailable": "no text to analyse"})
    try:
        if engine is None and engine_factory is not None:
            engine = engine_factory()
        if engine is None:
            # no silent stand-in: an engine without the organisation's lexicon would mislead
            return json.dumps({"unavailable": "framing engine unavailable (none given)"})
        found = engine.check(text)
        model = getattr(engine, "model_name", "")
    except (FramewatchError, ImportError) as exc:
        return json.dumps({"unavailable": f"framing engine unavailable ({exc})"})
    return json.dumps(
        build_profile(text, found, source="engine", model=model, computed_at=utcnow()).to_json()
    )


def review_profile(conn: Connection, row: Row) -> str | None:
    """The monitor's stored flags for an analysed article, dismissed ones left out."""
    if not row.analysed_at:
        return None
    stored = list(flag_store.body_flags_with_decisions(conn, row.id))
    kept = [f for f in stored if f.decision != "dismissed"]
    dismissed = len(stored) - len(kept)
    note = f"{dismissed} flag(s) dismissed in review left out" if dismissed else ""
    return json.dumps(
        build_profile(
            row.text or "",
            kept,
            source="review",
            model=row.model or "",
            computed_at=utcnow(),
            note=note,
        ).to_json()
    )


def recompute_profile(
    db: Database, nomination_id: int, *, who: str, engine: CheckEngine | None = None
) -> Nomination:
    """Re-run the engine over the nomination's text (e.g. after a lexicon update)."""
    who = need_who(who)
    with db.read() as conn:
        row = nomination_store.get(conn, nomination_id)
        if row is None:
            raise AwardsError(f"no nomination #{nomination_id}")
        writable_cycle(conn, row.cycle_id)
    prof = engine_profile(row.text or "", engine)
    with db.transaction() as conn:
        nomination_store.update(conn, nomination_id, profile=prof)
        data = json.loads(prof)
        log_change(
            conn,
            row.cycle_id,
            who,
            "nomination.profile",
            "nomination",
            nomination_id,
            voice=data.get("voice"),
            quoted=data.get("quoted"),
            words=data.get("words"),
            unavailable=data.get("unavailable"),
        )
        return load_nomination(conn, nomination_id)
