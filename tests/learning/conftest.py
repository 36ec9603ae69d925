"""A real SQLite database with reviewers' decisions, made through the review
service with the real engine: a sports desk's recurring false flags (a player
called Savage, 'worst offenders' for fouls) dismissed, news copy accepted."""

from __future__ import annotations

import pytest

from ..tui.conftest import db, engine  # noqa: F401 - fixtures shared with tests/tui

# (the helpers below take a database and an engine as plain arguments)

SPORT = [
    "Savage scored twice for United on Saturday.",
    "Savage was booked in the second half.",
    "Villa were the worst offenders for fouls this season.",
]
NEWS = [
    "The offender was jailed for six years.",
    "The inmates were moved to another prison.",
]
ARTICLES = 9  # of each kind


def add_sport(database, eng, n: int) -> int:
    from monitor.review.paste import import_text

    return import_text(
        database,
        f"Match report {n}",
        "\n".join(SPORT) + f"\nThe final score was {n}-1.",
        outlet="Sports Daily",
        url=f"https://sports.example/sport/football/report-{n}",
        engine=eng,
    )


def add_news(database, eng, n: int) -> int:
    from monitor.review.paste import import_text

    return import_text(
        database,
        f"Court report {n}",
        "\n".join(NEWS) + f"\nThe hearing lasted {n} days.",
        outlet="News Daily",
        url=f"https://news.example/news/crime/court-{n}",
        engine=eng,
    )


def fill(database, eng) -> None:
    """18 articles, every body flag decided: sport dismissed, news accepted."""
    from monitor.review import article

    for n in range(ARTICLES):
        for aid, decision in (
            (add_sport(database, eng, n), "dismissed"),
            (add_news(database, eng, n), "accepted"),
        ):
            for f in article.get_article(database, aid).text_flags:
                article.decide(
                    database,
                    f.id,
                    decision,
                    reason="sport" if decision == "dismissed" else "",
                    engine=eng,
                )


@pytest.fixture(scope="module")
def trained_file(tmp_path_factory, engine):  # noqa: F811 - the shared fixtures
    """A database file with the decisions, one pending match report (article
    id in ``pending_sport``) and a model trained on it all: trained once per
    module (training cross-validates two models), copied for each test."""
    from core.settings import LearningSettings
    from learning import service
    from storage.db import open_database

    path = tmp_path_factory.mktemp("learned") / "framewatch.sqlite3"
    database = open_database(path)
    fill(database, engine)
    pending = add_sport(database, engine, 50)
    service.train(database, engine.lexicon, LearningSettings(fold_threshold=0.8), engine=engine)
    database.close()  # the last connection checkpoints the WAL into the file
    return path, pending


@pytest.fixture
def trained_db(trained_file, tmp_path):
    import shutil

    from storage.db import open_database

    path, pending = trained_file
    copy = tmp_path / "framewatch.sqlite3"
    shutil.copy(path, copy)
    database = open_database(copy)
    database.pending_sport = pending  # type: ignore[attr-defined]
    yield database
    database.close()
