"""What reviewers learn from the stored flags: how often each lexicon entry
fired and what was decided, and flags per outlet and category week by week."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from monitor.review.model import LexiconStat, Overview, ProfileShare, ReviewerProgress, Series
from storage import articles as article_store
from storage import flags as flag_store
from storage import profiles as profile_store
from storage import queue as article_queue
from storage.db import Database


def lexicon_stats(db: Database, lexicon: Any, search: str = "") -> tuple[LexiconStat, ...]:
    """Every lexicon entry with how often it fired and what reviewers decided."""
    with db.read("reading lexicon statistics") as conn:
        counts = flag_store.decisions_by_entry(conn)
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
                fired=fired,
                accepted=acc,
                dismissed=dis,
                pending=pend,
            )
        )
    return tuple(out)


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def overview(db: Database, weeks: int = 8, today: date | None = None) -> Overview:
    """Flags per outlet and per category for each of the last ``weeks`` weeks,
    counted as every list counts them (``storage.queue``): the series are the
    writer's own flags, the quoted ones are counted apart."""
    today = today or datetime.now(UTC).date()
    first = _monday(today) - timedelta(weeks=weeks - 1)
    week_starts = [first + timedelta(weeks=i) for i in range(weeks)]
    by_outlet: dict[str, list[int]] = {}
    by_cat: dict[str, list[int]] = {}
    with db.read("reading the overview") as conn:
        n_articles = article_store.count_relevant_since(conn, first.isoformat())
        rows = article_queue.per_day_outlet_category(conn, first.isoformat())
        by_reviewer = flag_store.decisions_by_reviewer(conn)
        shares = profile_store.outlet_month_shares(conn, first.replace(day=1).isoformat())
    n_flags = n_quoted = 0
    quoted_by: dict[str, int] = {}
    for day, outlet, category, count, quoted in rows:
        try:
            idx = (_monday(date.fromisoformat(day)) - first).days // 7
        except (TypeError, ValueError):
            continue
        if not 0 <= idx < weeks:
            continue
        n_flags += count
        n_quoted += quoted
        outlet = outlet or "(no outlet)"
        by_outlet.setdefault(outlet, [0] * weeks)[idx] += count
        by_cat.setdefault(category, [0] * weeks)[idx] += count
        quoted_by[f"o:{outlet}"] = quoted_by.get(f"o:{outlet}", 0) + quoted
        quoted_by[f"c:{category}"] = quoted_by.get(f"c:{category}", 0) + quoted

    def series(d: dict[str, list[int]], kind: str) -> tuple[Series, ...]:
        return tuple(
            sorted(
                (Series(k, tuple(v), quoted_by.get(f"{kind}:{k}", 0)) for k, v in d.items()),
                key=lambda s: (-s.total, -s.quoted, s.label),
            )
        )

    return Overview(
        weeks=tuple(w.isoformat() for w in week_starts),
        by_outlet=series(by_outlet, "o"),
        by_category=series(by_cat, "c"),
        articles=n_articles,
        flags=n_flags,
        quoted=n_quoted,
        reviewers=tuple(
            ReviewerProgress(who or "(no name)", *c)
            for who, c in sorted(by_reviewer.items(), key=lambda kv: (-kv[1][0], kv[0]))
        ),
        profiles=tuple(_share(r) for r in shares),
    )


def _share(r: Any) -> ProfileShare:
    n = int(r.articles) or 1
    words = int(r.words or 0)
    return ProfileShare(
        outlet=r.outlet or "(no outlet)",
        month=r.month or "",
        articles=int(r.articles),
        thematic=int(r.thematic or 0) / n,
        lived_experience=int(r.lived or 0) / n,
        solutions=int(r.solutions or 0) / n,
        mean_score=float(r.score or 0.0),
        flags_per_1000=round(1000 * int(r.flags or 0) / words, 1) if words else 0.0,
    )
