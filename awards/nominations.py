"""Nominations: checking eligibility, nominating a monitor article or a piece
entered by hand, and reading them back.

Eligibility never silently refuses: a nomination that breaks a rule is
stored as ineligible with every reason (see ``awards/__init__.py``).  Two
things are refused outright, as no rule can be waived for them: a category
the cycle does not have (with the closest one named), and an archived cycle.
"""

from __future__ import annotations

import json

from awards import rules
from awards.common import (
    load_cycle,
    load_nomination,
    log_change,
    need_who,
    parse_date,
    resolve_category,
    safe_date,
    split_names,
    writable_cycle,
)
from awards.errors import AwardsError
from awards.model import ArticleInfo, Cycle, Nomination, nomination_from_row
from awards.profiles import CheckEngine, EngineFactory, engine_profile, review_profile
from awards.rules import Reason
from storage import articles as article_store
from storage.awards import nominations as nomination_store
from storage.db import Connection, Database, utcnow


def _items_so_far(conn: Connection, cycle_id: int, exclude_id: int | None = None) -> dict[str, int]:
    """Items counting against each nominee: every nomination not itself ineligible."""
    counts: dict[str, int] = {}
    for row in nomination_store.counting(conn, cycle_id):
        if row.id == exclude_id:
            continue
        rules.count_item(counts, rules.nominees(json.loads(row.journalists), row.outlet))
    return counts


def _duplicate_of(
    conn: Connection, cycle_id: int, url: str, exclude_id: int | None = None
) -> int | None:
    if not url.strip():
        return None
    for nomination_id in nomination_store.ids_with_url(conn, cycle_id, url.strip()):
        if nomination_id != exclude_id:
            return nomination_id
    return None


def check_eligibility(
    db: Database,
    cycle_id: int,
    *,
    category: str,
    published_on: str | None,
    journalists: tuple[str, ...] | list[str],
    outlet: str = "",
    citation: str,
    url: str = "",
) -> list[Reason]:
    """The reasons a nomination would be recorded as ineligible, without saving it."""
    with db.read() as conn:
        return _reasons(
            conn,
            load_cycle(conn, cycle_id),
            category=category,
            published_on=safe_date(published_on),
            journalists=tuple(journalists),
            outlet=outlet,
            citation=citation,
            url=url,
        )


def _reasons(
    conn: Connection,
    cycle: Cycle,
    *,
    category: str,
    published_on: str | None,
    journalists: tuple[str, ...],
    outlet: str,
    citation: str,
    url: str,
) -> list[Reason]:
    """The one eligibility check behind both the live preview and the stored verdict."""
    return rules.eligibility_reasons(
        cycle.rules(),
        category=category,
        published_on=published_on,
        nominees=rules.nominees(journalists, outlet),
        citation=citation,
        items_so_far=_items_so_far(conn, cycle.id),
        duplicate_of=_duplicate_of(conn, cycle.id, url),
    )


def _check_target(db: Database, cycle_id: int, category: str) -> str:
    """The category as the cycle spells it, refused before any profile is
    computed (an engine run costs seconds) if it or the cycle is wrong."""
    with db.read() as conn:
        return resolve_category(writable_cycle(conn, cycle_id), category)


def _insert_nomination(
    db: Database,
    cycle_id: int,
    *,
    who: str,
    category: str,
    article_id: int | None,
    title: str,
    outlet: str,
    journalists: tuple[str, ...],
    url: str,
    published_on: str | None,
    nominator: str,
    citation: str,
    text: str,
    profile_json: str | None,
) -> Nomination:
    with db.transaction() as conn:
        cycle = writable_cycle(conn, cycle_id)
        category = resolve_category(cycle, category)
        reasons = _reasons(
            conn,
            cycle,
            category=category,
            published_on=published_on,
            journalists=journalists,
            outlet=outlet,
            citation=citation,
            url=url,
        )
        status = "ineligible" if reasons else "eligible"
        nid = nomination_store.insert(
            conn,
            cycle_id=cycle.id,
            category=category,
            article_id=article_id,
            title=title,
            outlet=outlet,
            journalists=json.dumps(list(journalists), ensure_ascii=False),
            url=url.strip(),
            published_on=published_on,
            nominator=nominator,
            citation=citation,
            text=text,
            eligibility=status,
            reasons=json.dumps([r.to_json() for r in reasons], ensure_ascii=False),
            stage="longlist",
            profile=profile_json,
            created_at=utcnow(),
            created_by=who,
        )
        log_change(
            conn,
            cycle.id,
            who,
            "nomination.create",
            "nomination",
            nid,
            category=category,
            title=title,
            article_id=article_id,
            nominator=nominator,
            journalists=list(journalists),
            eligibility=status,
            reasons=[r.code for r in reasons],
        )
        return load_nomination(conn, nid)


def article_info(db: Database, article_id: int) -> ArticleInfo:
    with db.read() as conn:
        row = article_store.get(conn, article_id)
    if row is None:
        raise AwardsError(f"article {article_id}: not in the monitor database")
    return ArticleInfo(
        row.id,
        row.title,
        row.outlet,
        row.author,
        row.url,
        safe_date(row.published_at),
        rules.count_words(row.text or ""),
        split_names(row.author or ""),
    )


def nominate_article(
    db: Database,
    cycle_id: int,
    article_id: int,
    category: str,
    nominator: str,
    citation: str,
    journalists: tuple[str, ...] | list[str] | None = None,
    *,
    who: str | None = None,
    engine: CheckEngine | None = None,
    engine_factory: EngineFactory | None = None,
    use_review_flags: bool = True,
) -> Nomination:
    """Nominate a monitor article.  Eligibility problems are recorded, not refused.

    The framing profile comes from the monitor's reviewed flags when the article
    has been analysed (the same evidence the reviewers saw), else from running
    ``engine`` (or ``engine_factory()``: ``framing.engine_from_settings`` with
    the organisation's settings) over the stored text; the factory lets a UI
    pay the model load only when it is needed.  Without either the profile is
    recorded as unavailable.
    """
    who = need_who(who or nominator)
    category = _check_target(db, cycle_id, category)
    with db.read() as conn:
        row = article_store.get(conn, article_id)
        if row is None:
            raise AwardsError(f"article {article_id}: not in the monitor database")
        prof = review_profile(conn, row) if use_review_flags else None
    if prof is None:
        prof = engine_profile(row.text or "", engine, engine_factory)
    names = tuple(journalists) if journalists else split_names(row.author or "")
    return _insert_nomination(
        db,
        cycle_id,
        who=who,
        category=category,
        article_id=article_id,
        title=row.title,
        outlet=row.outlet,
        journalists=tuple(" ".join(n.split()) for n in names if n.strip()),
        url=row.url,
        published_on=safe_date(row.published_at),
        nominator=nominator.strip(),
        citation=citation,
        text=row.text or "",
        profile_json=prof,
    )


def nominate(
    db: Database,
    cycle_id: int,
    *,
    title: str,
    outlet: str,
    journalists: tuple[str, ...] | list[str],
    url: str,
    published_on: str | None,
    category: str,
    nominator: str,
    citation: str,
    text: str = "",
    who: str | None = None,
    engine: CheckEngine | None = None,
) -> Nomination:
    """Nominate a piece by hand (broadcast, podcast, or anything the monitor missed)."""
    who = need_who(who or nominator)
    if not title.strip():
        raise AwardsError("nomination: a title is needed")
    category = _check_target(db, cycle_id, category)
    return _insert_nomination(
        db,
        cycle_id,
        who=who,
        category=category,
        article_id=None,
        title=title.strip(),
        outlet=outlet.strip(),
        journalists=tuple(" ".join(n.split()) for n in journalists if n.strip()),
        url=url,
        published_on=parse_date(published_on, "nomination date"),
        nominator=nominator.strip(),
        citation=citation,
        text=text,
        profile_json=engine_profile(text, engine),
    )


def get_nomination(db: Database, nomination_id: int) -> Nomination:
    with db.read() as conn:
        return load_nomination(conn, nomination_id)


def list_nominations(
    db: Database, cycle_id: int, *, category: str | None = None, stage: str | None = None
) -> list[Nomination]:
    with db.read() as conn:
        rows = nomination_store.of_cycle(conn, cycle_id, category=category, stage=stage)
        return [nomination_from_row(r) for r in rows]
