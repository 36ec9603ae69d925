"""Fixtures for the terminal UI tests: a real SQLite file filled by the real engine.

The engine loads spaCy once per session (~1.3 s); each test gets its own
database file.
"""

from __future__ import annotations

import asyncio
import time

import pytest

REVIEWER = "Test Reviewer"

# Short, realistic copy; the flags named in comments are what the flagging
# policy requires (writer's voice vs quoted).
ARTICLES = [
    dict(
        title="Prison moves inmates after riot",
        outlet="Daily Example",
        url="https://news.example.org/prison-moves",
        published_at="2026-11-20T09:00:00+00:00",
        # "inmates": writer's voice (high); "thugs": inside a quotation
        text=(
            "Officials said the inmates were moved to another prison on Tuesday.\n"
            'A local councillor said: "These thugs should never be released."\n'
            "The prison holds 600 men."
        ),
    ),
    dict(
        title="Court hears from young man about the badger sett",
        outlet="Valley Gazette",
        url="https://valley.example.org/badger",
        published_at="2026-11-18T12:00:00+00:00",
        # "offenders": writer's voice
        text=(
            "The magistrates heard that the offenders had damaged a badger sett.\n"
            "Both men were given community orders."
        ),
    ),
    dict(
        title="Charity opens job club for people leaving prison",
        outlet="Daily Example",
        url="https://news.example.org/job-club",
        published_at="2026-11-10T08:00:00+00:00",
        text=(
            "A charity has opened a job club for people leaving prison.\n"
            "Staff help with CVs and interviews."
        ),
    ),
]


@pytest.fixture(scope="session")
def engine():
    from framing import Engine

    return Engine()


@pytest.fixture
def db(tmp_path):
    from storage.db import open_database

    database = open_database(tmp_path / "framewatch.sqlite3")
    yield database
    database.close()


@pytest.fixture
def filled_db(db, engine):
    from monitor.review.paste import import_text

    ids = [import_text(db, engine=engine, **a) for a in ARTICLES]
    db.article_ids = ids  # type: ignore[attr-defined]
    return db


@pytest.fixture(autouse=True)
def _no_blink(monkeypatch):
    """A blinking cursor makes screens (and snapshots) nondeterministic."""
    from textual.widgets import Input, TextArea

    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None, raising=False)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None, raising=False)


async def settle(pilot, app, until=None, timeout: float = 20.0) -> None:
    """Wait for workers (and an optional condition), never a fixed sleep."""
    deadline = time.monotonic() + timeout
    while True:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        if until is None or until():
            return
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached before the timeout")
        await asyncio.sleep(0.02)


# Snapshot tests use a pinned three-entry lexicon (the shipped forms and
# rules, fixed wording, sources and alternatives), so the baselines change when
# the UI changes, not whenever the lexicon's prose is improved.
PINNED = {
    "inmate": ("person in prison", "people in prison"),
    "thug": ("attacker", "attackers"),
    "offender": ("person with a conviction", "people with convictions"),
}


@pytest.fixture(scope="session")
def pinned_engine():
    from dataclasses import replace

    from framing import Engine
    from lexicon import Alternative, Lexicon, Source, load_lexicon

    full = load_lexicon()
    entries = tuple(
        replace(
            e,
            rationale=f"Pinned test rationale for {e.id}.",
            advice="",
            disagreement="",
            decision="",
            sense=f"pinned sense of {e.id}",
            sources=(Source(f"Test guide on {e.id}", f"https://example.org/{e.id}"),),
            alternatives=(Alternative(*PINNED[e.id]),),
        )
        for e in full.entries
        if e.id in PINNED
    )
    assert len(entries) == len(PINNED)
    return Engine(lexicon=Lexicon(entries=entries, official_names=full.official_names))


@pytest.fixture
def pinned_db(db, pinned_engine):
    from monitor.review.paste import import_text

    for a in ARTICLES:
        import_text(db, engine=pinned_engine, **a)
    return db
