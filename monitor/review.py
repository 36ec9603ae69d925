"""Review services: what the terminal UI (and scripts) ask of the database.

Every function takes an open :class:`storage.db.Database`, does its work
in one short transaction and returns plain dataclasses, so the UI never sees
SQL or spaCy objects.  Each decision is committed on its own: a reviewer who
loses power loses at most the keystroke in flight.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from core.errors import FramewatchError
from storage.db import Database, utcnow
from storage.repo import (
    ARTICLE_DATE,
    headline_or_text_contains,
    insert_article,
    new_story,
    store_article_flags,
)
from storage.schema import articles, flags

STATUSES = ("new", "in_review", "reviewed")
DECISIONS = ("pending", "accepted", "dismissed")
SEVERITIES = ("high", "medium", "low")
SORTS = ("date", "outlet", "title", "flags", "status")
PAGE_SIZE = 200


class ReviewError(FramewatchError):
    """A review action cannot be done (unknown article or flag, bad value)."""


# --------------------------------------------------------------------------- dataclasses


@dataclass(frozen=True)
class QueueFilter:
    """What the reviewer narrowed the queue to; empty fields mean "any"."""

    outlet: str = ""
    category: str = ""
    severity: str = ""
    status: str = ""
    date_from: str = ""  # ISO date, inclusive
    date_to: str = ""  # ISO date, inclusive
    search: str = ""  # headline or text contains (case-insensitive)
    sort: str = "date"
    descending: bool = True
    fold_copies: bool = True  # one row per story, syndicated copies counted


@dataclass(frozen=True)
class QueueRow:
    article_id: int
    story_id: int | None
    published: str  # YYYY-MM-DD or ""
    outlet: str
    title: str
    status: str
    high: int  # writer's-voice flags by severity
    medium: int
    low: int
    quoted: int  # flags inside quotations (someone else's words)
    pending: int
    copies: int  # other articles folded into the same story

    @property
    def total(self) -> int:
        return self.high + self.medium + self.low + self.quoted


@dataclass(frozen=True)
class QueuePage:
    rows: tuple[QueueRow, ...]
    total: int  # rows matching the filter, all pages
    offset: int
    limit: int


@dataclass(frozen=True)
class ReviewFlag:
    id: int
    article_id: int
    start: int
    end: int
    text: str
    entry: str
    category: str
    severity: str
    quoted: bool
    suggestions: tuple[str, ...]
    rewrite: str | None
    why: str
    sources: tuple[tuple[str, str], ...]
    decision: str
    reason: str
    note: str
    decided_by: str
    decided_at: str | None
    field: str = "text"  # where start/end point: the headline ('title') or the body ('text')


@dataclass(frozen=True)
class Copy:
    article_id: int
    outlet: str
    title: str
    url: str


@dataclass(frozen=True)
class ArticleView:
    id: int
    title: str
    outlet: str
    url: str
    author: str
    published_at: str | None
    status: str
    note: str
    text: str
    model: str | None
    story_id: int | None
    flags: tuple[ReviewFlag, ...]  # headline flags first, then the body's, each in reading order
    copies: tuple[Copy, ...] = ()

    @property
    def title_flags(self) -> tuple[ReviewFlag, ...]:
        return tuple(f for f in self.flags if f.field == "title")

    @property
    def text_flags(self) -> tuple[ReviewFlag, ...]:
        return tuple(f for f in self.flags if f.field != "title")


@dataclass(frozen=True)
class LexiconStat:
    entry: str
    category: str
    severity: str
    forms: tuple[str, ...]
    sense: str
    rationale: str
    advice: str
    suggestions: tuple[str, ...]
    sources: tuple[tuple[str, str], ...]
    fired: int
    accepted: int
    dismissed: int
    pending: int


@dataclass(frozen=True)
class Series:
    label: str
    counts: tuple[int, ...]  # one per week, oldest first

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class Overview:
    weeks: tuple[str, ...]  # ISO date of each week's Monday, oldest first
    by_outlet: tuple[Series, ...]
    by_category: tuple[Series, ...]
    articles: int
    flags: int


@dataclass(frozen=True)
class Options:
    """Values the queue filters can take, read from the data."""

    outlets: tuple[str, ...]
    categories: tuple[str, ...]
    statuses: tuple[str, ...] = STATUSES
    severities: tuple[str, ...] = SEVERITIES


@dataclass
class _Explainer:
    """Looks up why/sources for a stored flag from the lexicon entry."""

    lexicon: Any = None
    _by_id: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.lexicon is not None:
            self._by_id = {e.id: e for e in self.lexicon.entries}

    def why(self, entry_id: str) -> tuple[str, tuple[tuple[str, str], ...]]:
        entry = self._by_id.get(entry_id)
        if entry is None:
            return "", ()
        why = entry.rationale.strip()
        if getattr(entry, "advice", ""):
            why = f"{why} {entry.advice.strip()}".strip()
        return why, tuple((s.title, s.url) for s in entry.sources)


# --------------------------------------------------------------------------- helpers


def _day(value: str | None) -> str:
    return (value or "")[:10]


def _flag_counts(article_ids=None):
    """Per-article flag counts, computed in SQL rather than row by row; for the
    given articles only when ``article_ids`` is set (a page's worth)."""
    writer = sa.not_(flags.c.quoted)
    q = sa.select(
        flags.c.article_id.label("article_id"),
        sa.func.sum(sa.case(((writer & (flags.c.severity == "high")), 1), else_=0)).label("high"),
        sa.func.sum(sa.case(((writer & (flags.c.severity == "medium")), 1), else_=0)).label(
            "medium"
        ),
        sa.func.sum(sa.case(((writer & (flags.c.severity == "low")), 1), else_=0)).label("low"),
        sa.func.sum(sa.case((flags.c.quoted, 1), else_=0)).label("quoted"),
        sa.func.sum(sa.case((flags.c.decision == "pending", 1), else_=0)).label("pending"),
        sa.func.count().label("total"),
    )
    if article_ids is not None:
        q = q.where(flags.c.article_id.in_(article_ids))
    return q.group_by(flags.c.article_id)


def _queue_where(f: QueueFilter) -> list:
    conds: list = [articles.c.relevant.is_(True)]
    if f.outlet:
        conds.append(articles.c.outlet == f.outlet)
    if f.status:
        if f.status not in STATUSES:
            raise ReviewError(f"unknown status {f.status!r} (use one of {', '.join(STATUSES)})")
        conds.append(articles.c.status == f.status)
    when = ARTICLE_DATE
    if f.date_from:
        conds.append(when >= f.date_from)
    if f.date_to:
        # Inclusive day: anything before the next day's start.
        conds.append(when < f"{f.date_to}\uffff")
    if f.category or f.severity:
        sub = sa.select(flags.c.id).where(flags.c.article_id == articles.c.id)
        if f.category:
            sub = sub.where(flags.c.category == f.category)
        if f.severity:
            sub = sub.where(flags.c.severity == f.severity)
        conds.append(sa.exists(sub))
    if f.search.strip():
        conds.append(headline_or_text_contains(f.search.strip()))
    return conds


# --------------------------------------------------------------------------- queue


def queue(
    db: Database, filt: QueueFilter | None = None, *, offset: int = 0, limit: int = PAGE_SIZE
) -> QueuePage:
    """One page of the review queue.

    With ``fold_copies`` every story shows once, as its earliest matching
    article, with the number of other matching copies; unstoried articles show
    as themselves.
    """
    f = filt or QueueFilter()
    if f.sort not in SORTS:
        raise ReviewError(f"unknown sort {f.sort!r} (use one of {', '.join(SORTS)})")
    where = _queue_where(f)
    base = sa.select(articles.c.id).where(*where)
    if f.fold_copies:
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
        grouped = sa.select(base.subquery().c.id, sa.literal(0).label("copies")).subquery("g")

    when = ARTICLE_DATE
    source = grouped.join(articles, articles.c.id == grouped.c.id)
    if f.sort == "flags":
        # only this order needs every article's count; the others count a page's worth
        fc = _flag_counts().subquery("fc")
        source = source.outerjoin(fc, fc.c.article_id == articles.c.id)
        order_col = sa.func.coalesce(fc.c.total, 0)
    else:
        order_col = {
            "date": when,
            "outlet": articles.c.outlet,
            "title": articles.c.title,
            "status": articles.c.status,
        }[f.sort]
    order = [order_col.desc() if f.descending else order_col.asc(), articles.c.id.desc()]
    stmt = (
        sa.select(
            articles.c.id,
            articles.c.story_id,
            when.label("when"),
            articles.c.outlet,
            articles.c.title,
            articles.c.status,
            grouped.c.copies,
        )
        .select_from(source)
        .order_by(*order)
        .offset(max(0, offset))
        .limit(max(1, limit))
    )
    count_stmt = sa.select(sa.func.count()).select_from(grouped)
    with db.read("reading the review queue") as conn:
        total = conn.execute(count_stmt).scalar_one()
        page = conn.execute(stmt).all()
        counts = (
            {r.article_id: r for r in conn.execute(_flag_counts([r[0] for r in page]))}
            if page
            else {}
        )
    zero = (0, 0, 0, 0, 0)
    rows = []
    for r in page:
        c = counts.get(r[0])
        high, medium, low, quoted, pending = (
            zero if c is None else (c.high, c.medium, c.low, c.quoted, c.pending)
        )
        rows.append(
            QueueRow(
                article_id=r[0],
                story_id=r[1],
                published=_day(r[2]),
                outlet=r[3] or "",
                title=r[4] or "",
                status=r[5],
                high=int(high),
                medium=int(medium),
                low=int(low),
                quoted=int(quoted),
                pending=int(pending),
                copies=int(r[6]),
            )
        )
    return QueuePage(rows=tuple(rows), total=int(total), offset=offset, limit=limit)


def options(db: Database) -> Options:
    with db.read("reading filter options") as conn:
        outlets = (
            conn.execute(
                sa.select(articles.c.outlet)
                .where(articles.c.relevant.is_(True), articles.c.outlet != "")
                .distinct()
                .order_by(articles.c.outlet)
            )
            .scalars()
            .all()
        )
        cats = (
            conn.execute(sa.select(flags.c.category).distinct().order_by(flags.c.category))
            .scalars()
            .all()
        )
    return Options(outlets=tuple(outlets), categories=tuple(cats))


# --------------------------------------------------------------------------- one article


def _review_flag(row, explain: _Explainer) -> ReviewFlag:
    try:
        suggestions = tuple(json.loads(row.suggestions or "[]"))
    except ValueError:
        suggestions = ()
    why, sources = explain.why(row.entry)
    return ReviewFlag(
        id=row.id,
        article_id=row.article_id,
        start=row.start,
        end=row.end,
        text=row.text,
        entry=row.entry,
        category=row.category,
        severity=row.severity,
        quoted=bool(row.quoted),
        suggestions=suggestions,
        rewrite=row.rewrite,
        why=why,
        sources=sources,
        decision=row.decision,
        reason=row.reason or "",
        note=row.note or "",
        decided_by=row.decided_by or "",
        decided_at=row.decided_at,
        field=row.field or "text",
    )


def get_article(db: Database, article_id: int, *, lexicon: Any = None) -> ArticleView:
    """The article, its flags in reading order (headline first), and the copies of its story.

    ``lexicon`` (a ``lexicon.model.Lexicon``) supplies each flag's explanation
    and sources; without it they are empty.
    """
    explain = _Explainer(lexicon)
    with db.read(f"reading article {article_id}") as conn:
        art = conn.execute(sa.select(articles).where(articles.c.id == article_id)).first()
        if art is None:
            raise ReviewError(f"article {article_id}: not found")
        rows = conn.execute(
            sa.select(flags)
            .where(flags.c.article_id == article_id)
            .order_by(sa.case((flags.c.field == "title", 0), else_=1), flags.c.start, flags.c.end)
        ).all()
        copies: tuple[Copy, ...] = ()
        if art.story_id is not None:
            copies = tuple(
                Copy(r.id, r.outlet or "", r.title or "", r.url)
                for r in conn.execute(
                    sa.select(articles.c.id, articles.c.outlet, articles.c.title, articles.c.url)
                    .where(articles.c.story_id == art.story_id, articles.c.id != article_id)
                    .order_by(articles.c.id)
                )
            )
    return ArticleView(
        id=art.id,
        title=art.title or "",
        outlet=art.outlet or "",
        url=art.url,
        author=art.author or "",
        published_at=art.published_at,
        status=art.status,
        note=art.note or "",
        text=art.text or "",
        model=art.model,
        story_id=art.story_id,
        flags=tuple(_review_flag(r, explain) for r in rows),
        copies=copies,
    )


def get_flag(db: Database, flag_id: int, *, lexicon: Any = None) -> ReviewFlag:
    with db.read(f"reading flag {flag_id}") as conn:
        row = conn.execute(sa.select(flags).where(flags.c.id == flag_id)).first()
    if row is None:
        raise ReviewError(f"flag {flag_id}: not found")
    return _review_flag(row, _Explainer(lexicon))


def decide(
    db: Database,
    flag_id: int,
    decision: str,
    *,
    reason: str = "",
    by: str = "",
    lexicon: Any = None,
) -> ReviewFlag:
    """Record accept/dismiss/pending for one flag, committed immediately.

    A decision moves a new article to "in review" in the same transaction, so
    the queue never shows work as untouched once a reviewer has started.
    """
    if decision not in DECISIONS:
        raise ReviewError(f"unknown decision {decision!r} (use one of {', '.join(DECISIONS)})")
    now = utcnow()
    with db.transaction(f"saving the decision on flag {flag_id}") as conn:
        row = conn.execute(sa.select(flags.c.article_id).where(flags.c.id == flag_id)).first()
        if row is None:
            raise ReviewError(f"flag {flag_id}: not found")
        conn.execute(
            flags.update()
            .where(flags.c.id == flag_id)
            .values(
                decision=decision,
                reason=reason.strip(),
                decided_by=by,
                decided_at=None if decision == "pending" else now,
            )
        )
        conn.execute(
            articles.update()
            .where(articles.c.id == row.article_id, articles.c.status == "new")
            .values(status="in_review")
        )
    return get_flag(db, flag_id, lexicon=lexicon)


def set_flag_note(
    db: Database, flag_id: int, note: str, *, by: str = "", lexicon: Any = None
) -> ReviewFlag:
    with db.transaction(f"saving the note on flag {flag_id}") as conn:
        done = conn.execute(flags.update().where(flags.c.id == flag_id).values(note=note.strip()))
        if done.rowcount == 0:
            raise ReviewError(f"flag {flag_id}: not found")
    return get_flag(db, flag_id, lexicon=lexicon)


def set_article_note(db: Database, article_id: int, note: str) -> None:
    with db.transaction(f"saving the note on article {article_id}") as conn:
        done = conn.execute(
            articles.update().where(articles.c.id == article_id).values(note=note.strip())
        )
        if done.rowcount == 0:
            raise ReviewError(f"article {article_id}: not found")


def set_status(db: Database, article_id: int, status: str) -> None:
    if status not in STATUSES:
        raise ReviewError(f"unknown status {status!r} (use one of {', '.join(STATUSES)})")
    with db.transaction(f"saving the status of article {article_id}") as conn:
        done = conn.execute(
            articles.update().where(articles.c.id == article_id).values(status=status)
        )
        if done.rowcount == 0:
            raise ReviewError(f"article {article_id}: not found")


def start_review(db: Database, article_id: int) -> None:
    """Opening a new article for review moves it to "in review"."""
    with db.transaction(f"opening article {article_id}") as conn:
        conn.execute(
            articles.update()
            .where(articles.c.id == article_id, articles.c.status == "new")
            .values(status="in_review")
        )


# --------------------------------------------------------------------------- import


def import_text(
    db: Database,
    title: str,
    text: str,
    outlet: str = "",
    url: str = "",
    published_at: str | None = None,
    *,
    engine: Any,
) -> int:
    """Add a hand-entered or pasted article, analysed by ``engine``, with its flags.

    Without a URL the article gets a stable ``local:`` address from its
    content, so importing the same text twice returns the existing article
    instead of duplicating it.
    """
    title = (title or "").strip() or (text.strip().splitlines() or ["Untitled"])[0][:120]
    if not text.strip():
        raise ReviewError(f"{title}: no text to analyse")
    digest = hashlib.sha256(f"{title}\n{text}".encode()).hexdigest()[:24]
    address = url.strip() or f"local:{digest}"

    def existing(conn) -> int | None:
        found = conn.execute(
            sa.select(articles.c.id).where(articles.c.url_norm == address)
        ).scalar_one_or_none()
        return None if found is None else int(found)

    # a repeat import costs one lookup, not an analysis
    with db.read(f"looking up article {title!r}") as conn:
        known = existing(conn)
    if known is not None:
        return known
    title_found, found = (list(r) for r in engine.check_many([title, text]))
    now = utcnow()
    model = getattr(engine, "model_name", None)
    with db.transaction(f"storing article {title!r}") as conn:
        known = existing(conn)  # imported by someone else while this one was analysed
        if known is not None:
            return known
        story_id = new_story(conn, title, now)
        article_id = insert_article(
            conn,
            dict(
                outlet=outlet.strip(),
                url=address,
                url_norm=address,
                title=title,
                title_norm=" ".join(title.lower().split()),
                published_at=published_at or now,
                fetched_at=now,
                text=text,
                text_source="extracted",
                word_count=len(text.split()),
                relevance=1.0,
                relevant=True,
                story_id=story_id,
                status="new",
                analysed_at=now,
                model=model,
            ),
        )
        store_article_flags(conn, article_id, (title_found, found))
    return int(article_id)


# --------------------------------------------------------------------------- lexicon and overview


def lexicon_stats(db: Database, lexicon: Any, search: str = "") -> tuple[LexiconStat, ...]:
    """Every lexicon entry with how often it fired and what reviewers decided."""
    with db.read("reading lexicon statistics") as conn:
        counts = {
            r[0]: r[1:]
            for r in conn.execute(
                sa.select(
                    flags.c.entry,
                    sa.func.count(),
                    sa.func.sum(sa.case((flags.c.decision == "accepted", 1), else_=0)),
                    sa.func.sum(sa.case((flags.c.decision == "dismissed", 1), else_=0)),
                    sa.func.sum(sa.case((flags.c.decision == "pending", 1), else_=0)),
                ).group_by(flags.c.entry)
            )
        }
    needle = search.strip().lower()
    out = []
    for e in lexicon.entries:
        forms = tuple(dict.fromkeys(f.text for f in e.forms))
        suggestions = tuple(dict.fromkeys(a.singular for a in e.alternatives))
        if needle and not any(
            needle in s.lower()
            for s in (e.id, e.category, e.rationale, e.sense, *forms, *suggestions)
        ):
            continue
        fired, acc, dis, pend = counts.get(e.id, (0, 0, 0, 0))
        out.append(
            LexiconStat(
                entry=e.id,
                category=e.category,
                severity=e.severity,
                forms=forms,
                sense=e.sense,
                rationale=e.rationale,
                advice=e.advice,
                suggestions=suggestions,
                sources=tuple((s.title, s.url) for s in e.sources),
                fired=int(fired),
                accepted=int(acc or 0),
                dismissed=int(dis or 0),
                pending=int(pend or 0),
            )
        )
    return tuple(out)


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def overview(db: Database, weeks: int = 8, today: date | None = None) -> Overview:
    """Flags per outlet and per category for each of the last ``weeks`` weeks."""
    today = today or datetime.now(UTC).date()
    first = _monday(today) - timedelta(weeks=weeks - 1)
    week_starts = [first + timedelta(weeks=i) for i in range(weeks)]
    when = ARTICLE_DATE
    by_outlet: dict[str, list[int]] = {}
    by_cat: dict[str, list[int]] = {}
    with db.read("reading the overview") as conn:
        n_articles = conn.execute(
            sa.select(sa.func.count()).where(
                articles.c.relevant.is_(True), when >= first.isoformat()
            )
        ).scalar_one()
        rows = conn.execute(
            sa.select(
                sa.func.substr(when, 1, 10), articles.c.outlet, flags.c.category, sa.func.count()
            )
            .select_from(flags.join(articles, articles.c.id == flags.c.article_id))
            .where(when >= first.isoformat())
            .group_by(sa.func.substr(when, 1, 10), articles.c.outlet, flags.c.category)
        ).all()
    n_flags = 0
    for day, outlet, category, count in rows:
        try:
            idx = (_monday(date.fromisoformat(day)) - first).days // 7
        except (TypeError, ValueError):
            continue
        if not 0 <= idx < weeks:
            continue
        n_flags += count
        by_outlet.setdefault(outlet or "(no outlet)", [0] * weeks)[idx] += count
        by_cat.setdefault(category, [0] * weeks)[idx] += count

    def series(d: dict[str, list[int]]) -> tuple[Series, ...]:
        return tuple(
            sorted((Series(k, tuple(v)) for k, v in d.items()), key=lambda s: (-s.total, s.label))
        )

    return Overview(
        weeks=tuple(w.isoformat() for w in week_starts),
        by_outlet=series(by_outlet),
        by_category=series(by_cat),
        articles=int(n_articles),
        flags=n_flags,
    )
