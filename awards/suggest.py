"""Suggestions: the cycle's eligible coverage nobody has nominated yet, ranked
by its constructive profile (issue 13), so a coordinator can invite nominations.

Eligible here means what the monitor knows: relevant, profiled, published in
the cycle's window. Not yet nominated means no nomination in the cycle (in
``category`` when one is given) for that article or its URL. Each suggestion
carries the reasons its score is made of, in the profile's own words.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from awards.common import resolve_category
from awards.model import Cycle
from storage import profiles as profile_store
from storage.awards import nominations as nomination_store
from storage.db import Database


@dataclass(frozen=True)
class Suggestion:
    article_id: int
    title: str
    outlet: str
    url: str
    published_on: str
    score: int
    reasons: tuple[str, ...]

    def to_json(self) -> dict:
        return dict(self.__dict__, reasons=list(self.reasons))


def reasons_of(profile: dict) -> tuple[str, ...]:
    """The parts that earned points, largest first, as 'frame 20/25: thematic (...)'."""
    parts = [p for p in profile.get("score_parts", ()) if p.get("points", 0) > 0]
    parts.sort(key=lambda p: -p["points"])
    out = [f"{p['part']} {p['points']}/{p['out_of']}: {p['reason']}" for p in parts]
    kinds = sorted({m["kind"] for m in profile.get("solution_spans", ())})
    if kinds:
        out.append("what works: " + ", ".join(kinds))
    return tuple(out)


def suggest(
    db: Database, cycle: Cycle, *, category: str | None = None, limit: int = 20
) -> list[Suggestion]:
    with db.read("reading suggestions") as conn:
        if category:
            category = resolve_category(cycle, category)
        taken = nomination_store.of_cycle(conn, cycle.id, category=category or None)
        rows = profile_store.ranked_in_window(
            conn,
            cycle.window_start,
            cycle.window_end,
            exclude_ids=[n.article_id for n in taken if n.article_id is not None],
            exclude_urls=[n.url for n in taken if n.url],
            limit=limit,
        )
    return [
        Suggestion(
            article_id=int(r.id),
            title=r.title or "",
            outlet=r.outlet or "",
            url=r.url or "",
            published_on=(r.published_at or "")[:10],
            score=int(r.score),
            reasons=reasons_of(json.loads(r.profile)),
        )
        for r in rows
    ]
