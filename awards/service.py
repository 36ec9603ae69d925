"""Awards services: every operation the CLI and the UI need, as plain functions.

Each function takes an open :class:`storage.db.Database`, does its work
in one transaction, writes an audit entry for every change in that same
transaction (so the log can never miss a change that happened), and returns
plain dataclasses.  Bad input raises :class:`AwardsError` with one line naming
the item and the cause.
"""

from __future__ import annotations

import getpass
import json
import os
from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa

from awards import rules
from awards.profile import Profile, build_profile
from awards.rules import Reason, Result, Sheet
from core.errors import FramewatchError
from storage.awards.tables import audit, cycles, judges, nominations, recusals, sheets
from storage.db import Database, utcnow
from storage.schema import articles
from storage.schema import flags as flags_table


class AwardsError(FramewatchError):
    """An awards operation cannot be done as asked."""


# --- plain data ----------------------------------------------------------------


@dataclass(frozen=True)
class Cycle:
    id: int
    year: int
    name: str
    window_start: str
    window_end: str
    categories: tuple[str, ...]
    criteria: tuple[tuple[str, str], ...]  # (key, label)
    scale: tuple[int, int]
    max_items: int
    max_citation_words: int
    shortlist_target: int
    created_at: str
    created_by: str

    @property
    def criterion_keys(self) -> tuple[str, ...]:
        return tuple(k for k, _ in self.criteria)

    def rules(self) -> rules.CycleRules:
        return rules.CycleRules(
            self.categories,
            self.window_start,
            self.window_end,
            self.max_items,
            self.max_citation_words,
        )

    def to_json(self) -> dict:
        d = dict(self.__dict__)
        d["categories"] = list(self.categories)
        d["criteria"] = [{"key": k, "label": v} for k, v in self.criteria]
        d["scale"] = list(self.scale)
        return d


@dataclass(frozen=True)
class Nomination:
    id: int
    cycle_id: int
    category: str
    article_id: int | None
    title: str
    outlet: str
    journalists: tuple[str, ...]
    url: str
    published_on: str | None
    nominator: str
    citation: str
    eligibility: str
    reasons: tuple[Reason, ...]
    override_reason: str
    stage: str
    stage_reason: str
    decision: str
    decision_note: str
    profile: Profile | None
    profile_note: str
    created_at: str
    created_by: str

    @property
    def citation_words(self) -> int:
        return rules.count_words(self.citation)

    @property
    def nominee(self) -> str:
        return ", ".join(self.journalists) or self.outlet

    def to_json(self) -> dict:
        d = {k: v for k, v in self.__dict__.items() if k not in ("profile", "reasons")}
        d["journalists"] = list(self.journalists)
        d["reasons"] = [r.to_json() for r in self.reasons]
        d["citation_words"] = self.citation_words
        d["profile"] = self.profile.to_json() if self.profile else None
        return d


@dataclass(frozen=True)
class Judge:
    id: int
    cycle_id: int
    name: str


@dataclass(frozen=True)
class Recusal:
    nomination_id: int
    title: str
    judge: str
    reason: str
    at: str
    by: str


@dataclass(frozen=True)
class ScoreSheet:
    nomination_id: int
    judge: str
    scores: dict[str, int]
    comment: str
    complete: bool
    recused: bool
    updated_at: str


@dataclass(frozen=True)
class ResultRow:
    nomination: Nomination
    result: Result

    def to_json(self) -> dict:
        r = self.result
        return {
            "nomination_id": self.nomination.id,
            "category": self.nomination.category,
            "title": self.nomination.title,
            "nominee": self.nomination.nominee,
            "stage": self.nomination.stage,
            "decision": self.nomination.decision,
            "n_judges": r.n_judges,
            "mean": r.mean,
            "low": r.low,
            "high": r.high,
            "spread": r.spread,
            "sd": r.sd,
            "disagreement": r.disagreement,
            "normalised": r.normalised,
            "n_normalised": r.n_normalised,
            "recused": list(r.recused),
            "incomplete": list(r.incomplete),
            "criterion_means": r.criterion_means,
        }


@dataclass(frozen=True)
class AuditEntry:
    id: int
    cycle_id: int | None
    at: str
    who: str
    action: str
    entity: str
    entity_id: int | None
    details: dict

    def to_json(self) -> dict:
        return dict(self.__dict__)


@dataclass(frozen=True)
class CategoryProgress:
    category: str
    longlist: int
    shortlist: int
    declined: int
    target: int


@dataclass(frozen=True)
class ArticleInfo:
    """What the nominate dialog shows about a monitor article."""

    id: int
    title: str
    outlet: str
    author: str
    url: str
    published_on: str | None
    words: int
    journalists: tuple[str, ...] = field(default_factory=tuple)


# --- helpers ---------------------------------------------------------------------


def default_who(configured: str = "") -> str:
    """The name written into the audit log: explicit, then settings/env, then the OS user."""
    for candidate in (configured, os.environ.get("FRAMEWATCH_REVIEWER", "")):
        if candidate and candidate.strip():
            return candidate.strip()
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _need_who(who: str) -> str:
    if not who or not who.strip():
        raise AwardsError("no name for the audit log: pass --as NAME or set ui.reviewer")
    return who.strip()


def _need_reason(reason: str | None, what: str) -> str:
    if not reason or not reason.strip():
        raise AwardsError(f"{what} needs a reason (--reason)")
    return reason.strip()


def parse_date(value: str | None, what: str) -> str | None:
    """'2026-03-02' (or an ISO timestamp) -> '2026-03-02'; empty -> None."""
    if value is None or not str(value).strip():
        return None
    text = str(value).strip()[:10]
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError as exc:
        raise AwardsError(f"{what}: '{value}' is not a date (use YYYY-MM-DD)") from exc


def _log(conn, cycle_id, who, action, entity, entity_id, **details) -> None:
    conn.execute(
        audit.insert().values(
            cycle_id=cycle_id,
            at=utcnow(),
            who=who,
            action=action,
            entity=entity,
            entity_id=entity_id,
            details=json.dumps(details, ensure_ascii=False, sort_keys=True),
        )
    )


def match_category(cycle: Cycle, text: str) -> str:
    """Case-insensitive match to a cycle category; anything else is kept as
    written (and the nomination recorded as ineligible for it)."""
    wanted = " ".join(text.split())
    for c in cycle.categories:
        if c.lower() == wanted.lower():
            return c
    return wanted


def split_names(text: str) -> tuple[str, ...]:
    """'A Smith and B Jones, C Brown' -> ('A Smith', 'B Jones', 'C Brown')."""
    parts: list[str] = []
    for chunk in text.replace(";", ",").split(","):
        for name in chunk.split(" and "):
            name = " ".join(name.split())
            if name.lower().startswith("by "):
                name = name[3:]
            if name:
                parts.append(name)
    return tuple(dict.fromkeys(parts))


# --- cycles ------------------------------------------------------------------------


def _cycle(row) -> Cycle:
    return Cycle(
        id=row.id,
        year=row.year,
        name=row.name,
        window_start=row.window_start,
        window_end=row.window_end,
        categories=tuple(json.loads(row.categories)),
        criteria=tuple((k, v) for k, v in json.loads(row.criteria)),
        scale=(row.scale_min, row.scale_max),
        max_items=row.max_items,
        max_citation_words=row.max_citation_words,
        shortlist_target=row.shortlist_target,
        created_at=row.created_at,
        created_by=row.created_by,
    )


def create_cycle(
    db: Database,
    *,
    year: int,
    who: str,
    name: str | None = None,
    window_start: str | None = None,
    window_end: str | None = None,
    categories: tuple[str, ...] | list[str] | None = None,
    criteria: tuple[str, ...] | list[str] | None = None,
    scale: tuple[int, int] = rules.DEFAULT_SCALE,
    max_items: int = rules.DEFAULT_MAX_ITEMS,
    max_citation_words: int = rules.DEFAULT_MAX_CITATION_WORDS,
    shortlist_target: int = rules.DEFAULT_SHORTLIST_TARGET,
) -> Cycle:
    """A new cycle.  The window defaults to the calendar year; criteria are labels."""
    who = _need_who(who)
    start = parse_date(window_start, "window start") or f"{year}-01-01"
    end = parse_date(window_end, "window end") or f"{year}-12-31"
    if start > end:
        raise AwardsError(f"cycle {year}: window start {start} is after window end {end}")
    if scale[0] >= scale[1]:
        raise AwardsError(f"cycle {year}: scale {scale[0]}-{scale[1]} must go from low to high")
    for label, n in (
        ("items per nominee", max_items),
        ("citation word limit", max_citation_words),
        ("shortlist target", shortlist_target),
    ):
        if n < 1:
            raise AwardsError(f"cycle {year}: {label} must be at least 1")
    cats = tuple(" ".join(c.split()) for c in (categories or rules.DEFAULT_CATEGORIES) if c.strip())
    if len(set(cats)) != len(cats) or not cats:
        raise AwardsError(f"cycle {year}: categories must be distinct and non-empty")
    if criteria:
        crit = tuple((rules.slug(c), " ".join(c.split())) for c in criteria if c.strip())
    else:
        crit = rules.DEFAULT_CRITERIA
    if len({k for k, _ in crit}) != len(crit) or not crit:
        raise AwardsError(f"cycle {year}: criteria must be distinct and non-empty")
    name = (name or f"Media Awards {year}").strip()
    with db.transaction() as conn:
        if conn.execute(sa.select(cycles.c.id).where(cycles.c.name == name)).first():
            raise AwardsError(f"cycle '{name}' already exists")
        cid = conn.execute(
            cycles.insert().values(
                year=year,
                name=name,
                window_start=start,
                window_end=end,
                categories=json.dumps(list(cats)),
                criteria=json.dumps([list(c) for c in crit]),
                scale_min=scale[0],
                scale_max=scale[1],
                max_items=max_items,
                max_citation_words=max_citation_words,
                shortlist_target=shortlist_target,
                created_at=utcnow(),
                created_by=who,
            )
        ).inserted_primary_key[0]
        _log(
            conn,
            cid,
            who,
            "cycle.create",
            "cycle",
            cid,
            name=name,
            year=year,
            window=[start, end],
            categories=list(cats),
            criteria=[k for k, _ in crit],
            scale=list(scale),
            max_items=max_items,
            max_citation_words=max_citation_words,
            shortlist_target=shortlist_target,
        )
        return _cycle(conn.execute(sa.select(cycles).where(cycles.c.id == cid)).one())


@dataclass(frozen=True)
class Reassessed:
    """A nomination whose eligibility changed when the cycle's rules did."""

    nomination_id: int
    title: str
    before: str
    after: str
    reasons: tuple[Reason, ...]


def edit_cycle(
    db: Database,
    cycle_id: int,
    *,
    who: str,
    name: str | None = None,
    window_start: str | None = None,
    window_end: str | None = None,
    add_categories: tuple[str, ...] | list[str] = (),
    rename_categories: dict[str, str] | None = None,
    remove_categories: tuple[str, ...] | list[str] = (),
    max_items: int | None = None,
    max_citation_words: int | None = None,
    shortlist_target: int | None = None,
) -> tuple[Cycle, list[Reassessed]]:
    """Change a cycle's name, window, categories or limits, then judge every
    nomination's eligibility again under the new rules.

    Criteria and the scale are not editable: score sheets already entered are
    expressed in them.  A renamed category carries its nominations with it; a
    category that still holds nominations cannot be removed.  Overridden
    nominations stay overridden (an admin's decision, recorded with a reason).
    The change and every eligibility it alters go into the audit log."""
    who = _need_who(who)
    with db.transaction() as conn:
        old = _cycle_by_id(conn, cycle_id)
        # category names as typed on a command line: matched like a nomination's
        renames = {
            match_category(old, k): " ".join(v.split())
            for k, v in (rename_categories or {}).items()
        }
        remove_categories = [match_category(old, c) for c in remove_categories]
        where = f"cycle '{old.name}'"
        start = parse_date(window_start, "window start") or old.window_start
        end = parse_date(window_end, "window end") or old.window_end
        if start > end:
            raise AwardsError(f"{where}: window start {start} is after window end {end}")
        limits = {
            "max_items": max_items,
            "max_citation_words": max_citation_words,
            "shortlist_target": shortlist_target,
        }
        for label, n in limits.items():
            if n is not None and n < 1:
                raise AwardsError(f"{where}: {label.replace('_', ' ')} must be at least 1")
        cats = list(old.categories)
        for before, after in renames.items():
            if before not in cats:
                raise AwardsError(
                    f"{where}: no category '{before}' to rename (categories: {', '.join(cats)})"
                )
            if not after or after in cats:
                raise AwardsError(
                    f"{where}: cannot rename '{before}' to '{after}': empty or already a category"
                )
            cats[cats.index(before)] = after
        held = {
            r[0]: r[1]
            for r in conn.execute(
                sa.select(nominations.c.category, sa.func.count())
                .where(nominations.c.cycle_id == cycle_id)
                .group_by(nominations.c.category)
            )
        }
        for gone in (" ".join(c.split()) for c in remove_categories):
            if gone not in cats:
                raise AwardsError(f"{where}: no category '{gone}' to remove")
            count = held.get(next((b for b, a in renames.items() if a == gone), gone), 0)
            if count:
                raise AwardsError(
                    f"{where}: category '{gone}' holds {count} nomination(s); "
                    "rename it, or move them first"
                )
            cats.remove(gone)
        for extra in (" ".join(c.split()) for c in add_categories if c.strip()):
            if extra in cats:
                raise AwardsError(f"{where}: category '{extra}' already exists")
            cats.append(extra)
        if not cats:
            raise AwardsError(f"{where}: a cycle needs at least one category")
        new_name = (name or old.name).strip()
        if (
            new_name != old.name
            and conn.execute(sa.select(cycles.c.id).where(cycles.c.name == new_name)).first()
        ):
            raise AwardsError(f"cycle '{new_name}' already exists")
        values = {
            "name": new_name,
            "window_start": start,
            "window_end": end,
            "categories": json.dumps(cats),
        }
        values.update({k: v for k, v in limits.items() if v is not None})
        conn.execute(cycles.update().where(cycles.c.id == cycle_id).values(**values))
        for before, after in renames.items():
            conn.execute(
                nominations.update()
                .where(nominations.c.cycle_id == cycle_id, nominations.c.category == before)
                .values(category=after)
            )
        cycle = _cycle_by_id(conn, cycle_id)
        changed = {
            k: [getattr(old, k), getattr(cycle, k)]
            for k in (
                "name",
                "window_start",
                "window_end",
                "max_items",
                "max_citation_words",
                "shortlist_target",
            )
            if getattr(old, k) != getattr(cycle, k)
        }
        if old.categories != cycle.categories:
            changed["categories"] = [list(old.categories), list(cycle.categories)]
        _log(conn, cycle_id, who, "cycle.edit", "cycle", cycle_id, changed=changed, renamed=renames)
        reassessed = _reassess(conn, cycle, who)
        return cycle, reassessed


def _reassess(conn, cycle: Cycle, who: str) -> list[Reassessed]:
    """Every nomination judged again in the order it was made, as if nominated
    under the cycle's current rules (earlier items count; duplicates are of earlier URLs)."""
    counts: dict[str, int] = {}
    first_url: dict[str, int] = {}
    out: list[Reassessed] = []
    rows = conn.execute(
        sa.select(nominations).where(nominations.c.cycle_id == cycle.id).order_by(nominations.c.id)
    ).all()
    for row in rows:
        nom = _nomination(row)
        url = nom.url.strip()
        reasons = rules.eligibility_reasons(
            cycle.rules(),
            category=nom.category,
            published_on=nom.published_on,
            nominees=rules.nominees(nom.journalists, nom.outlet),
            citation=nom.citation,
            items_so_far=counts,
            duplicate_of=first_url.get(url) if url else None,
        )
        status = (
            nom.eligibility
            if nom.eligibility == "overridden"
            else ("ineligible" if reasons else "eligible")
        )
        if status != "ineligible":
            rules.count_item(counts, rules.nominees(nom.journalists, nom.outlet))
        if url:
            first_url.setdefault(url, nom.id)
        stored = json.dumps([r.to_json() for r in reasons], ensure_ascii=False)
        if status != nom.eligibility or stored != row.reasons:
            conn.execute(
                nominations.update()
                .where(nominations.c.id == nom.id)
                .values(eligibility=status, reasons=stored)
            )
            _log(
                conn,
                cycle.id,
                who,
                "nomination.reassess",
                "nomination",
                nom.id,
                before=nom.eligibility,
                after=status,
                reasons=[r.code for r in reasons],
            )
            if status != nom.eligibility:
                out.append(Reassessed(nom.id, nom.title, nom.eligibility, status, tuple(reasons)))
    return out


def list_cycles(db: Database) -> list[Cycle]:
    with db.read() as conn:
        return [
            _cycle(r) for r in conn.execute(sa.select(cycles).order_by(cycles.c.year, cycles.c.id))
        ]


def get_cycle(db: Database, ref: int | str | None = None) -> Cycle:
    """A cycle by id, year or name; ``None`` means the most recent one."""
    found = list_cycles(db)
    if not found:
        raise AwardsError("no award cycle yet: create one with 'framewatch awards cycle new YEAR'")
    if ref is None or str(ref).strip() == "":
        return found[-1]
    text = str(ref).strip()
    by_name = [c for c in found if c.name.lower() == text.lower()]
    if by_name:
        return by_name[0]
    if text.isdigit():
        n = int(text)
        by_year = [c for c in found if c.year == n]
        if by_year:
            return by_year[-1]
        by_id = [c for c in found if c.id == n]
        if by_id:
            return by_id[0]
    raise AwardsError(f"no award cycle '{text}' (known: {', '.join(c.name for c in found)})")


# --- nominations --------------------------------------------------------------------


def _nomination(row) -> Nomination:
    prof, note = None, ""
    if row.profile:
        data = json.loads(row.profile)
        if "unavailable" in data:
            note = data["unavailable"]
        else:
            prof = Profile.from_json(data)
    return Nomination(
        id=row.id,
        cycle_id=row.cycle_id,
        category=row.category,
        article_id=row.article_id,
        title=row.title,
        outlet=row.outlet,
        journalists=tuple(json.loads(row.journalists)),
        url=row.url,
        published_on=row.published_on,
        nominator=row.nominator,
        citation=row.citation,
        eligibility=row.eligibility,
        reasons=tuple(Reason(**r) for r in json.loads(row.reasons)),
        override_reason=row.override_reason,
        stage=row.stage,
        stage_reason=row.stage_reason,
        decision=row.decision,
        decision_note=row.decision_note,
        profile=prof,
        profile_note=note,
        created_at=row.created_at,
        created_by=row.created_by,
    )


def _items_so_far(conn, cycle_id: int, exclude_id: int | None = None) -> dict[str, int]:
    """Items counting against each nominee: every nomination not itself ineligible."""
    q = sa.select(nominations.c.id, nominations.c.journalists, nominations.c.outlet).where(
        nominations.c.cycle_id == cycle_id, nominations.c.eligibility != "ineligible"
    )
    counts: dict[str, int] = {}
    for row in conn.execute(q):
        if row.id == exclude_id:
            continue
        rules.count_item(counts, rules.nominees(json.loads(row.journalists), row.outlet))
    return counts


def _duplicate_of(conn, cycle_id: int, url: str, exclude_id: int | None = None) -> int | None:
    if not url.strip():
        return None
    q = sa.select(nominations.c.id).where(
        nominations.c.cycle_id == cycle_id, nominations.c.url == url.strip()
    )
    for row in conn.execute(q.order_by(nominations.c.id)):
        if row.id != exclude_id:
            return row.id
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
            _cycle_by_id(conn, cycle_id),
            category=category,
            published_on=_safe_date(published_on),
            journalists=tuple(journalists),
            outlet=outlet,
            citation=citation,
            url=url,
        )


def _reasons(
    conn,
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


def _safe_date(value: str | None) -> str | None:
    try:
        return parse_date(value, "date")
    except AwardsError:
        return None


def _cycle_by_id(conn, cycle_id: int) -> Cycle:
    row = conn.execute(sa.select(cycles).where(cycles.c.id == cycle_id)).first()
    if row is None:
        raise AwardsError(f"no award cycle #{cycle_id}")
    return _cycle(row)


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
        cycle = _cycle_by_id(conn, cycle_id)
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
        nid = conn.execute(
            nominations.insert().values(
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
        ).inserted_primary_key[0]
        _log(
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
        return _nomination(
            conn.execute(sa.select(nominations).where(nominations.c.id == nid)).one()
        )


def _engine_profile(text: str, engine, engine_factory=None) -> str:
    """Run the engine over ``text``; a missing engine is recorded, not fatal."""
    if not text.strip():
        return json.dumps({"unavailable": "no text to analyse"})
    if engine is None and engine_factory is None:
        # no silent stand-in: an engine without the organisation's lexicon would mislead
        return json.dumps({"unavailable": "framing engine unavailable (none given)"})
    try:
        if engine is None:
            engine = engine_factory()
        found = engine.check(text)
        model = getattr(engine, "model_name", "")
    except (FramewatchError, ImportError) as exc:
        return json.dumps({"unavailable": f"framing engine unavailable ({exc})"})
    return json.dumps(
        build_profile(text, found, source="engine", model=model, computed_at=utcnow()).to_json()
    )


def article_info(db: Database, article_id: int) -> ArticleInfo:
    with db.read() as conn:
        row = conn.execute(sa.select(articles).where(articles.c.id == article_id)).first()
    if row is None:
        raise AwardsError(f"article {article_id}: not in the monitor database")
    return ArticleInfo(
        row.id,
        row.title,
        row.outlet,
        row.author,
        row.url,
        _safe_date(row.published_at),
        rules.count_words(row.text or ""),
        split_names(row.author or ""),
    )


def _review_profile(conn, row) -> str | None:
    """The monitor's stored flags for an analysed article, dismissed ones left out."""
    if not row.analysed_at:
        return None
    stored = list(
        conn.execute(
            sa.select(flags_table.c.category, flags_table.c.quoted, flags_table.c.decision).where(
                flags_table.c.article_id == row.id, flags_table.c.field == "text"
            )
        )
    )
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
    engine=None,
    engine_factory=None,
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
    who = _need_who(who or nominator)
    with db.read() as conn:
        row = conn.execute(sa.select(articles).where(articles.c.id == article_id)).first()
        if row is None:
            raise AwardsError(f"article {article_id}: not in the monitor database")
        prof = _review_profile(conn, row) if use_review_flags else None
    if prof is None:
        prof = _engine_profile(row.text or "", engine, engine_factory)
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
        published_on=_safe_date(row.published_at),
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
    engine=None,
) -> Nomination:
    """Nominate a piece by hand (broadcast, podcast, or anything the monitor missed)."""
    who = _need_who(who or nominator)
    if not title.strip():
        raise AwardsError("nomination: a title is needed")
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
        profile_json=_engine_profile(text, engine),
    )


def get_nomination(db: Database, nomination_id: int) -> Nomination:
    with db.read() as conn:
        return _get_nom(conn, nomination_id)


def _get_nom(conn, nomination_id: int) -> Nomination:
    row = conn.execute(sa.select(nominations).where(nominations.c.id == nomination_id)).first()
    if row is None:
        raise AwardsError(f"no nomination #{nomination_id}")
    return _nomination(row)


def list_nominations(
    db: Database, cycle_id: int, *, category: str | None = None, stage: str | None = None
) -> list[Nomination]:
    q = sa.select(nominations).where(nominations.c.cycle_id == cycle_id)
    if category:
        q = q.where(nominations.c.category == category)
    if stage:
        q = q.where(nominations.c.stage == stage)
    with db.read() as conn:
        return [
            _nomination(r)
            for r in conn.execute(q.order_by(nominations.c.category, nominations.c.id))
        ]


def override_eligibility(db: Database, nomination_id: int, reason: str, *, who: str) -> Nomination:
    """Accept an ineligible nomination anyway; the reasons stay on record."""
    who, reason = _need_who(who), _need_reason(reason, f"overriding #{nomination_id}")
    with db.transaction() as conn:
        nom = _get_nom(conn, nomination_id)
        if nom.eligibility != "ineligible":
            raise AwardsError(
                f"nomination #{nomination_id} is {nom.eligibility}; nothing to override"
            )
        conn.execute(
            nominations.update()
            .where(nominations.c.id == nomination_id)
            .values(eligibility="overridden", override_reason=reason)
        )
        _log(
            conn,
            nom.cycle_id,
            who,
            "nomination.override",
            "nomination",
            nomination_id,
            reason=reason,
            reasons=[r.code for r in nom.reasons],
        )
        return _get_nom(conn, nomination_id)


def move(db: Database, nomination_id: int, to: str, reason: str = "", *, who: str) -> Nomination:
    """Move between longlist, shortlist and declined; declining needs a reason."""
    who = _need_who(who)
    if to not in rules.STAGES:
        raise AwardsError(
            f"nomination #{nomination_id}: unknown list '{to}' (use {', '.join(rules.STAGES)})"
        )
    if to == "declined":
        reason = _need_reason(reason, f"declining #{nomination_id}")
    with db.transaction() as conn:
        nom = _get_nom(conn, nomination_id)
        if nom.stage == to:
            raise AwardsError(f"nomination #{nomination_id} is already on the {to}")
        if to == "shortlist" and nom.eligibility == "ineligible":
            why = "; ".join(r.message for r in nom.reasons)
            raise AwardsError(
                f"nomination #{nomination_id} is ineligible ({why}); override with a reason first"
            )
        conn.execute(
            nominations.update()
            .where(nominations.c.id == nomination_id)
            .values(stage=to, stage_reason=(reason or "").strip())
        )
        _log(
            conn,
            nom.cycle_id,
            who,
            "nomination.move",
            "nomination",
            nomination_id,
            **{"from": nom.stage, "to": to, "reason": (reason or "").strip()},
        )
        return _get_nom(conn, nomination_id)


def decide(
    db: Database, nomination_id: int, decision: str, note: str = "", *, who: str
) -> Nomination:
    """Record the panel's final decision (winner, highly-commended, ...) for the decision log."""
    who = _need_who(who)
    if decision not in rules.DECISIONS:
        raise AwardsError(
            f"nomination #{nomination_id}: unknown decision '{decision}' "
            f"(use {', '.join(d for d in rules.DECISIONS if d)})"
        )
    with db.transaction() as conn:
        nom = _get_nom(conn, nomination_id)
        conn.execute(
            nominations.update()
            .where(nominations.c.id == nomination_id)
            .values(decision=decision, decision_note=note.strip())
        )
        _log(
            conn,
            nom.cycle_id,
            who,
            "nomination.decide",
            "nomination",
            nomination_id,
            **{"from": nom.decision, "to": decision, "note": note.strip()},
        )
        return _get_nom(conn, nomination_id)


def recompute_profile(db: Database, nomination_id: int, *, who: str, engine=None) -> Nomination:
    """Re-run the engine over the nomination's text (e.g. after a lexicon update)."""
    who = _need_who(who)
    with db.read() as conn:
        row = conn.execute(sa.select(nominations).where(nominations.c.id == nomination_id)).first()
    if row is None:
        raise AwardsError(f"no nomination #{nomination_id}")
    prof = _engine_profile(row.text or "", engine)
    with db.transaction() as conn:
        conn.execute(
            nominations.update().where(nominations.c.id == nomination_id).values(profile=prof)
        )
        data = json.loads(prof)
        _log(
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
        return _get_nom(conn, nomination_id)


def cycle_by_id(db: Database, cycle_id: int) -> Cycle:
    with db.read() as conn:
        return _cycle_by_id(conn, cycle_id)


def progress(db: Database, cycle_id: int) -> list[CategoryProgress]:
    cycle = cycle_by_id(db, cycle_id)
    return progress_from(cycle, list_nominations(db, cycle.id))


def progress_from(cycle: Cycle, noms: list[Nomination]) -> list[CategoryProgress]:
    """``progress`` over all the cycle's nominations, already read."""
    cats = list(cycle.categories) + sorted({n.category for n in noms} - set(cycle.categories))
    return [
        CategoryProgress(
            c,
            *(sum(1 for n in noms if n.category == c and n.stage == s) for s in rules.STAGES),
            cycle.shortlist_target,
        )
        for c in cats
    ]


# --- judges, recusals, scores ---------------------------------------------------------


def add_judge(db: Database, cycle_id: int, name: str, *, who: str) -> Judge:
    who = _need_who(who)
    name = " ".join(name.split())
    if not name:
        raise AwardsError("judge: a name is needed")
    with db.transaction() as conn:
        cycle = _cycle_by_id(conn, cycle_id)
        if conn.execute(
            sa.select(judges.c.id).where(judges.c.cycle_id == cycle.id, judges.c.name == name)
        ).first():
            raise AwardsError(f"judge '{name}' is already on the {cycle.name} panel")
        jid = conn.execute(
            judges.insert().values(cycle_id=cycle.id, name=name, added_at=utcnow(), added_by=who)
        ).inserted_primary_key[0]
        _log(conn, cycle.id, who, "judge.add", "judge", jid, name=name)
        return Judge(jid, cycle.id, name)


def list_judges(db: Database, cycle_id: int) -> list[Judge]:
    with db.read() as conn:
        return [
            Judge(r.id, r.cycle_id, r.name)
            for r in conn.execute(
                sa.select(judges).where(judges.c.cycle_id == cycle_id).order_by(judges.c.id)
            )
        ]


def _judge(conn, cycle_id: int, name: str) -> Judge:
    row = conn.execute(
        sa.select(judges).where(
            judges.c.cycle_id == cycle_id, sa.func.lower(judges.c.name) == name.strip().lower()
        )
    ).first()
    if row is None:
        raise AwardsError(f"'{name}' is not a judge in this cycle (add with 'awards judge add')")
    return Judge(row.id, row.cycle_id, row.name)


def recuse(db: Database, nomination_id: int, judge: str, reason: str, *, who: str) -> Recusal:
    """A judge declares a conflict of interest; their scores there stop counting."""
    who = _need_who(who)
    reason = _need_reason(reason, f"recusing {judge} from #{nomination_id}")
    with db.transaction() as conn:
        nom = _get_nom(conn, nomination_id)
        j = _judge(conn, nom.cycle_id, judge)
        if conn.execute(
            sa.select(recusals.c.id).where(
                recusals.c.nomination_id == nomination_id, recusals.c.judge_id == j.id
            )
        ).first():
            raise AwardsError(f"{j.name} has already recused from #{nomination_id}")
        at = utcnow()
        conn.execute(
            recusals.insert().values(
                nomination_id=nomination_id, judge_id=j.id, reason=reason, at=at, by=who
            )
        )
        _log(
            conn,
            nom.cycle_id,
            who,
            "judge.recuse",
            "nomination",
            nomination_id,
            judge=j.name,
            reason=reason,
        )
        return Recusal(nomination_id, nom.title, j.name, reason, at, who)


def _recusal_rows(conn, cycle_id: int) -> list:
    q = (
        sa.select(recusals, nominations.c.title, judges.c.name.label("judge"))
        .join(nominations, nominations.c.id == recusals.c.nomination_id)
        .join(judges, judges.c.id == recusals.c.judge_id)
        .where(nominations.c.cycle_id == cycle_id)
        .order_by(recusals.c.nomination_id, judges.c.name)
    )
    return conn.execute(q).all()


def list_recusals(db: Database, cycle_id: int) -> list[Recusal]:
    with db.read() as conn:
        return [
            Recusal(r.nomination_id, r.title, r.judge, r.reason, r.at, r.by)
            for r in _recusal_rows(conn, cycle_id)
        ]


def score(
    db: Database,
    nomination_id: int,
    judge: str,
    scores: dict[str, int],
    comment: str | None = None,
    *,
    who: str,
) -> ScoreSheet:
    """Set some or all of a judge's criterion scores (merged into their sheet)."""
    who = _need_who(who)
    with db.transaction() as conn:
        nom = _get_nom(conn, nomination_id)
        cycle = _cycle_by_id(conn, nom.cycle_id)
        j = _judge(conn, cycle.id, judge)
        if conn.execute(
            sa.select(recusals.c.id).where(
                recusals.c.nomination_id == nomination_id, recusals.c.judge_id == j.id
            )
        ).first():
            raise AwardsError(f"{j.name} has recused from #{nomination_id} and cannot score it")
        lo, hi = cycle.scale
        clean: dict[str, int] = {}
        for key, value in scores.items():
            if key not in cycle.criterion_keys:
                raise AwardsError(
                    f"#{nomination_id}: unknown criterion '{key}' "
                    f"(use {', '.join(cycle.criterion_keys)})"
                )
            try:
                n = int(value)
            except (TypeError, ValueError) as exc:
                raise AwardsError(
                    f"#{nomination_id}: score for {key} must be a whole number"
                ) from exc
            if not lo <= n <= hi:
                raise AwardsError(
                    f"#{nomination_id}: score {n} for {key} is outside the scale {lo}-{hi}"
                )
            clean[key] = n
        if not clean and comment is None:
            raise AwardsError(f"#{nomination_id}: no scores given")
        existing = conn.execute(
            sa.select(sheets).where(
                sheets.c.nomination_id == nomination_id, sheets.c.judge_id == j.id
            )
        ).first()
        merged = {**(json.loads(existing.scores) if existing else {}), **clean}
        text = (comment if comment is not None else (existing.comment if existing else "")).strip()
        values = dict(
            scores=json.dumps(merged, sort_keys=True),
            comment=text,
            updated_at=utcnow(),
            updated_by=who,
        )
        if existing:
            conn.execute(sheets.update().where(sheets.c.id == existing.id).values(**values))
        else:
            conn.execute(
                sheets.insert().values(nomination_id=nomination_id, judge_id=j.id, **values)
            )
        complete = all(k in merged for k in cycle.criterion_keys)
        _log(
            conn,
            cycle.id,
            who,
            "score.set",
            "nomination",
            nomination_id,
            judge=j.name,
            scores=clean,
            comment=comment,
            complete=complete,
        )
        return ScoreSheet(
            nomination_id, j.name, merged, text, complete, False, values["updated_at"]
        )


def list_sheets(db: Database, cycle_id: int) -> list[ScoreSheet]:
    with db.read() as conn:
        cycle = _cycle_by_id(conn, cycle_id)
        recused = _recusal_rows(conn, cycle.id)
        rec = {(r.nomination_id, r.judge_id) for r in recused}
        q = (
            sa.select(sheets, judges.c.name.label("judge"))
            .join(judges, judges.c.id == sheets.c.judge_id)
            .join(nominations, nominations.c.id == sheets.c.nomination_id)
            .where(nominations.c.cycle_id == cycle.id)
            .order_by(sheets.c.nomination_id, judges.c.name)
        )
        out = []
        for r in conn.execute(q):
            s = json.loads(r.scores)
            out.append(
                ScoreSheet(
                    r.nomination_id,
                    r.judge,
                    s,
                    r.comment,
                    all(k in s for k in cycle.criterion_keys),
                    (r.nomination_id, r.judge_id) in rec,
                    r.updated_at,
                )
            )
        # A recusal with no sheet still belongs on the score sheet, marked.
        have = {(s.nomination_id, s.judge) for s in out}
        for r in recused:
            if (r.nomination_id, r.judge) not in have:
                out.append(ScoreSheet(r.nomination_id, r.judge, {}, "", False, True, r.at))
        return sorted(out, key=lambda s: (s.nomination_id, s.judge))


def results(
    db: Database,
    cycle_id: int,
    *,
    category: str | None = None,
    stage: str | None = None,
    normalise: bool = False,
) -> list[ResultRow]:
    """Per nomination: mean of completed, non-recused totals, n, spread, disagreement."""
    cycle = cycle_by_id(db, cycle_id)
    return results_from(
        cycle,
        list_nominations(db, cycle.id, category=category, stage=stage),
        list_sheets(db, cycle.id),
        normalise=normalise,
    )


def results_from(
    cycle: Cycle, noms: list[Nomination], score_sheets: list[ScoreSheet], *, normalise: bool = False
) -> list[ResultRow]:
    """``results`` over nominations and score sheets already read (a screen showing them too)."""
    all_sheets = [Sheet(s.judge, s.nomination_id, s.scores, s.recused) for s in score_sheets]
    out: list[ResultRow] = []
    # Normalised means are rescaled within each category, the unit of comparison.
    for cat in sorted({n.category for n in noms}):
        ids = [n.id for n in noms if n.category == cat]
        res = rules.compute_results(
            ids, all_sheets, cycle.criterion_keys, cycle.scale, normalise=normalise
        )
        out.extend(ResultRow(n, res[n.id]) for n in noms if n.category == cat)
    return sorted(
        out,
        key=lambda r: (
            r.nomination.category,
            -(r.result.mean if r.result.mean is not None else -1),
            r.nomination.id,
        ),
    )


def audit_log(db: Database, cycle_id: int | None = None) -> list[AuditEntry]:
    q = sa.select(audit).order_by(audit.c.id)
    if cycle_id is not None:
        q = q.where(audit.c.cycle_id == cycle_id)
    with db.read() as conn:
        return [
            AuditEntry(
                r.id,
                r.cycle_id,
                r.at,
                r.who,
                r.action,
                r.entity,
                r.entity_id,
                json.loads(r.details),
            )
            for r in conn.execute(q)
        ]
