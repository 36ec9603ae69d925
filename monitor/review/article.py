"""One article under review: reading it with its flags, and recording decisions.

Every function takes the open :class:`storage.db.Database` and does its work
in one short transaction.  Each decision is committed on its own: a reviewer
who loses power loses at most the keystroke in flight.
"""

from __future__ import annotations

import json
from typing import Any

from monitor.review.model import (
    DECISIONS,
    STATUSES,
    ArticleView,
    Copy,
    DecisionConflict,
    ReviewerProgress,
    ReviewError,
    ReviewFlag,
)
from storage import article_leases as lease_store
from storage import articles as article_store
from storage import flags as flag_store
from storage import profiles as profile_store
from storage.db import Database, iso_plus, utcnow
from storage.flags import Row


class _Explainer:
    """Looks up why/sources for a stored flag from the lexicon entry."""

    def __init__(self, lexicon: Any = None) -> None:
        self._by_id = {e.id: e for e in lexicon.entries} if lexicon is not None else {}

    def why(self, entry_id: str) -> tuple[str, tuple[tuple[str, str], ...]]:
        entry = self._by_id.get(entry_id)
        if entry is None:
            return "", ()
        why = entry.rationale.strip()
        if getattr(entry, "advice", ""):
            why = f"{why} {entry.advice.strip()}".strip()
        return why, tuple((s.title, s.url) for s in entry.sources)


def _review_flag(row: Row, explain: _Explainer) -> ReviewFlag:
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
        lexicon_state=row.lexicon_state or "current",
        previous=_previous(row.previous),
        version=int(row.version or 0),
        status=getattr(row, "legal_status", "") or "",
        status_cue=getattr(row, "status_cue", "") or "",
    )


def _previous(raw: str | None) -> tuple[tuple[str, object], ...]:
    try:
        data = json.loads(raw) if raw else {}
    except ValueError:
        return ()
    return tuple(sorted(data.items())) if isinstance(data, dict) else ()


def get_article(
    db: Database, article_id: int, *, lexicon: Any = None, viewer: str | None = None
) -> ArticleView:
    """The article, its flags in reading order (headline first), and the copies of its story.

    ``lexicon`` (a ``lexicon.model.Lexicon``) supplies each flag's explanation
    and sources; without it they are empty.
    """
    explain = _Explainer(lexicon)
    with db.read(f"reading article {article_id}") as conn:
        art = article_store.get(conn, article_id)
        if art is None:
            raise ReviewError(f"article {article_id}: not found")
        rows = flag_store.of_article(conn, article_id)
        lease = lease_store.holders(conn, [article_id], utcnow()).get(article_id)
        profile = profile_store.get_profile(conn, article_id)
        copies: tuple[Copy, ...] = ()
        if art.story_id is not None:
            copies = tuple(
                Copy(r.id, r.outlet or "", r.title or "", r.url)
                for r in article_store.story_copies(conn, art.story_id, article_id)
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
        fetched_at=art.fetched_at,
        published_claimed=art.published_claimed,
        relevance=art.relevance,
        relevant=bool(art.relevant),
        text_source=art.text_source,
        extract_note=art.extract_note,
        analysed_at=art.analysed_at,
        open_by="" if lease is None or lease.holder == viewer else lease.holder,
        open_until=None if lease is None or lease.holder == viewer else lease.expires_at,
        profile=profile,
    )


def get_flag(db: Database, flag_id: int, *, lexicon: Any = None) -> ReviewFlag:
    with db.read(f"reading flag {flag_id}") as conn:
        row = flag_store.get(conn, flag_id)
    if row is None:
        raise ReviewError(f"flag {flag_id}: not found")
    return _review_flag(row, _Explainer(lexicon))


def flag_features(db: Database, flag_id: int, *, engine: Any = None) -> dict[str, Any] | None:
    """What the flag looks like now (``framing.features.describe``), or None when
    there is no such flag.  ``engine`` (a ``framing.Engine``) tags the sentence;
    without one only the words around the span are recorded."""
    with db.read(f"reading flag {flag_id}") as conn:
        row = flag_store.get(conn, flag_id)
        art = None if row is None else article_store.get(conn, row.article_id)
    if row is None or art is None:
        return None
    return _describe(row, art, engine)


def _describe(row: Row, art: Row, engine: Any) -> dict[str, Any]:
    from framing.features import describe_stored

    return describe_stored(
        title=art.title,
        body=art.text,
        field=row.field or "text",
        start=row.start,
        end=row.end,
        span_text=row.text,
        entry=row.entry,
        category=row.category,
        severity=row.severity,
        quoted=bool(row.quoted),
        outlet=art.outlet or "",
        url=art.url or "",
        status=art.status or "",
        legal_status=getattr(row, "legal_status", "") or "",
        engine=engine,
    )


def decide(
    db: Database,
    flag_id: int,
    decision: str,
    *,
    reason: str = "",
    by: str = "",
    lexicon: Any = None,
    engine: Any = None,
    shown: int | None = None,
    team: Any = None,
) -> ReviewFlag:
    """Record accept/dismiss/pending for one flag (see :func:`record_decision`);
    the flag as it now stands."""
    return record_decision(
        db,
        flag_id,
        decision,
        reason=reason,
        by=by,
        lexicon=lexicon,
        engine=engine,
        shown=shown,
        team=team,
    )[0]


def record_decision(
    db: Database,
    flag_id: int,
    decision: str,
    *,
    reason: str = "",
    by: str = "",
    lexicon: Any = None,
    engine: Any = None,
    shown: int | None = None,
    team: Any = None,
) -> tuple[ReviewFlag, bool]:
    """Record accept/dismiss/pending for one flag, committed immediately:
    (the flag as it now stands, whether this decision was written).

    ``shown``: the flag's version when it was shown to the reviewer (its
    ``version``).  If someone else decided on it since, nothing is written
    and :class:`DecisionConflict` says who, when and what ("decided by Sam
    at 10:42: accept; yours: dismiss"); if they made the same decision,
    theirs stands and is returned.  Without ``shown`` the decision is
    written whatever the flag holds (scripts, ``decide again``).  Every
    written decision goes to the decision log with who and when.  ``team``
    (``[team]``): when it lists reviewers, only they (and the coordinator)
    may decide.

    A decision moves a new article to "in review" in the same transaction, so
    the queue never shows work as untouched once a reviewer has started.
    An accept or dismiss stores the flag's features with it (``flag_features``,
    taken before the transaction so tagging never holds the write lock): the
    learned review model's training data.
    """
    if decision not in DECISIONS:
        raise ReviewError(f"unknown decision {decision!r} (use one of {', '.join(DECISIONS)})")
    if team is not None and team.reviewers and not team.is_reviewer(by):
        raise ReviewError(
            f"'{by}' is not one of the team's reviewers ([team] reviewers): decision not saved"
        )
    features = None
    if decision != "pending":
        features = flag_features(db, flag_id, engine=engine)
        if features is None:
            raise ReviewError(f"flag {flag_id}: not found")
    now = utcnow()
    with db.transaction(f"saving the decision on flag {flag_id}") as conn:
        article_id = flag_store.article_of(conn, flag_id)
        if article_id is None:
            raise ReviewError(f"flag {flag_id}: not found")
        written = flag_store.set_decision(
            conn,
            flag_id,
            decision,
            reason=reason.strip(),
            by=by,
            at=None if decision == "pending" else now,
            features=features,
            expected_version=shown,
        )
        if written is not None:
            article_store.start_review(conn, article_id)
    current = get_flag(db, flag_id, lexicon=lexicon)
    if written is None and current.decision != decision:
        raise DecisionConflict(current, decision)
    return current, written is not None


def set_flag_note(
    db: Database, flag_id: int, note: str, *, by: str = "", lexicon: Any = None
) -> ReviewFlag:
    with db.transaction(f"saving the note on flag {flag_id}") as conn:
        if not flag_store.set_note(conn, flag_id, note.strip()):
            raise ReviewError(f"flag {flag_id}: not found")
    return get_flag(db, flag_id, lexicon=lexicon)


def set_article_note(db: Database, article_id: int, note: str) -> None:
    with db.transaction(f"saving the note on article {article_id}") as conn:
        if not article_store.set_note(conn, article_id, note.strip()):
            raise ReviewError(f"article {article_id}: not found")


def set_status(db: Database, article_id: int, status: str) -> None:
    if status not in STATUSES:
        raise ReviewError(f"unknown status {status!r} (use one of {', '.join(STATUSES)})")
    with db.transaction(f"saving the status of article {article_id}") as conn:
        if not article_store.set_status(conn, article_id, status):
            raise ReviewError(f"article {article_id}: not found")


def set_status_many(db: Database, article_ids: list[int], status: str) -> int:
    """The queue's bulk "mark reviewed" and "reopen": every article or none, in
    one transaction, so a missing id never leaves half a selection changed."""
    if status not in STATUSES:
        raise ReviewError(f"unknown status {status!r} (use one of {', '.join(STATUSES)})")
    with db.transaction(f"saving the status of {len(article_ids)} articles") as conn:
        missing = article_store.set_status_many(conn, article_ids, status)
        if missing:
            raise ReviewError(f"article {missing[0]}: not found (no status changed)")
    return len(set(article_ids))


def start_review(db: Database, article_id: int) -> None:
    """Opening a new article for review moves it to "in review"."""
    with db.transaction(f"opening article {article_id}") as conn:
        article_store.start_review(conn, article_id)


LEASE_SECONDS = 300.0  # how long an open article stays marked as someone's without renewal


def open_article(
    db: Database, article_id: int, *, who: str, session: str, seconds: float = LEASE_SECONDS
) -> tuple[str, str] | None:
    """Mark the article as open by ``who`` for ``seconds`` (renewed by calling
    again); (other reviewer, until) when someone else has it open already
    (the lease stays theirs: both may review, each sees the other)."""
    now = utcnow()
    with db.transaction(f"opening article {article_id}") as conn:
        if article_store.get(conn, article_id) is None:
            raise ReviewError(f"article {article_id}: not found")
        row = lease_store.take(
            conn,
            article_id,
            holder=who,
            session=session,
            now=now,
            until=iso_plus(now, seconds=seconds),
        )
    return None if row.holder == who else (str(row.holder), str(row.expires_at))


def close_article(db: Database, article_id: int, *, who: str) -> None:
    """The reviewer left the article: it is no longer shown as theirs."""
    with db.transaction(f"closing article {article_id}") as conn:
        lease_store.release(conn, article_id, holder=who)


def reviewer_progress(db: Database) -> tuple[ReviewerProgress, ...]:
    """Per-reviewer progress from the decision log, busiest first."""
    with db.read("reading reviewers' progress") as conn:
        counts = flag_store.decisions_by_reviewer(conn)
    return tuple(
        ReviewerProgress(who or "(no name)", *c)
        for who, c in sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0]))
    )
