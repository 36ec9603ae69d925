"""``framewatch reanalyse``: stored articles re-run through the engine after a
lexicon change, reviewed decisions kept where the same span is flagged again,
changed and vanished flags shown as such (issue 12, "Counts that agree
everywhere").

Real SQLite files, the real engine and spaCy model, the real CLI; the
lexicon change is an organisation config file, as a lexicon manager makes it."""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from core.cli import cli
from core.settings import load_settings
from framing.factory import engine_from_settings
from monitor.review import article, listing, model, paste
from storage.db import open_database
from storage.schema import articles, flags

TEXT = "The inmates returned to the wing. Thugs attacked a guard. The offenders were moved."


@pytest.fixture
def reviewed(tmp_path):
    """One article analysed with the shipped lexicon and fully reviewed, and a
    config that changes the lexicon: 'thug' disabled, 'inmate' lowered to medium."""
    path = tmp_path / "fw.sqlite3"
    db = open_database(path)
    engine = engine_from_settings(load_settings(db=path))
    early = paste.import_text(
        db, "Wing reopens", TEXT, engine=engine, published_at="2026-11-02T09:00:00+00:00"
    )
    later = paste.import_text(
        db,
        "Later piece",
        "Two offenders were sentenced.",
        engine=engine,
        published_at="2026-11-20T09:00:00+00:00",
    )
    view = article.get_article(db, early)
    decided = {}
    for f in view.text_flags:
        decision = "dismissed" if f.entry == "thug" else "accepted"
        article.decide(db, f.id, decision, reason="checked", by="Sam")
        decided[f.entry] = (f.id, decision)
    assert set(decided) == {"inmate", "thug", "offender"}, decided
    db.close()
    config = tmp_path / "config.toml"
    config.write_text(
        textwrap.dedent(
            """\
            [lexicon]
            disable = ["thug"]

            [lexicon.severity]
            inmate = "medium"
            """
        ),
        encoding="utf-8",
    )
    return path, config, early, later, decided


def _run(path, config, *args):
    result = CliRunner().invoke(cli, ["--config", str(config), "--db", str(path), *args])
    assert result.exit_code == 0, result.output
    return result


def test_reanalyse_keeps_decisions_and_shows_what_changed_or_vanished(reviewed):
    path, config, early, _later, decided = reviewed
    summary = json.loads(_run(path, config, "reanalyse", "--json").output)
    assert summary["articles"] == 2 and summary["failed"] == 0
    assert (summary["changed"], summary["vanished"]) == (1, 1)

    db = open_database(path)
    try:
        with db.read() as conn:
            rows = {
                r.id: r for r in conn.execute(sa.select(flags).where(flags.c.article_id == early))
            }
            stamp = conn.execute(
                sa.select(articles.c.lexicon_hash).where(articles.c.id == early)
            ).scalar_one()
        inmate, thug, offender = (rows[decided[e][0]] for e in ("inmate", "thug", "offender"))
        # found again with a new severity: the decision stays, the change is recorded
        assert (inmate.decision, inmate.lexicon_state, inmate.severity) == (
            "accepted",
            "changed",
            "medium",
        )
        assert json.loads(inmate.previous) == {"severity": "high"}
        # no longer flagged at all: kept, decision and all, as vanished
        assert (thug.decision, thug.lexicon_state) == ("dismissed", "vanished")
        # unchanged: as it was
        assert (offender.decision, offender.lexicon_state) == ("accepted", "current")
        engine = engine_from_settings(load_settings(config, db=path))
        assert stamp == engine.lexicon_hash

        # what counts: the vanished flag no longer does, the changed one at its new severity
        row = {r.article_id: r for r in listing.queue(db, model.QueueFilter()).rows}[early]
        assert (row.high, row.medium, row.pending) == (0, 2, 0)
    finally:
        db.close()

    shown = json.loads(_run(path, config, "articles", "show", str(early), "--json").output)
    statuses = {f["entry"]: (f["lexicon_state"], f["previous"]) for f in shown["flags"]}
    assert statuses["inmate"] == ("changed", {"severity": "high"})
    assert statuses["thug"] == ("vanished", None)
    human = " ".join(_run(path, config, "articles", "show", str(early)).output.split())
    assert "changed since it was decided (severity was high)" in human
    assert "no longer flagged by the lexicon" in human

    # nothing is stale now; --all re-runs every analysed article, and keeps the record
    again = json.loads(_run(path, config, "reanalyse", "--json").output)
    assert again["articles"] == 0
    every = json.loads(_run(path, config, "reanalyse", "--all", "--json").output)
    assert every["articles"] == 2 and every["vanished"] == 1


def test_since_limits_the_articles_and_the_progress_bar_reports(reviewed):
    path, config, _early, later, _decided = reviewed
    result = CliRunner().invoke(
        cli,
        [
            "--config",
            str(config),
            "--db",
            str(path),
            "reanalyse",
            "--since",
            "2026-11-15",
            "--progress",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "reanalysing" in result.stderr and "1/1" in result.stderr
    assert "1 article re-analysed" in result.stdout
    bad = CliRunner().invoke(
        cli, ["--config", str(config), "--db", str(path), "reanalyse", "--since", "last week"]
    )
    assert bad.exit_code == 2 and "last week" in bad.output
    both = CliRunner().invoke(
        cli, ["--db", str(path), "reanalyse", "--all", "--since", "2026-11-15"]
    )
    assert both.exit_code == 2 and "--all" in both.output


# ------------------------------------------------ matching a span found again


@dataclass(frozen=True)
class Found:
    """An engine flag as storage sees it (``storage.flags.FoundFlag``)."""

    start: int
    end: int
    text: str
    entry: str = "inmate"
    category: str = "person-label"
    severity: str = "high"
    quoted: bool = False
    suggestions: tuple[str, ...] = ()
    rewrite: str | None = None


def test_the_same_text_at_a_nearby_offset_keeps_its_decision(tmp_path):
    from storage.flags import reconcile_flags, set_decision

    db = open_database(tmp_path / "fw.sqlite3")
    try:
        with db.transaction() as conn:
            conn.execute(
                articles.insert().values(
                    id=1, url="u", url_norm="u", title="t", fetched_at="2026-11-01", text="x" * 99
                )
            )
            reconcile_flags(conn, 1, [Found(10, 17, "inmates"), Found(40, 47, "inmates")])
            ids = dict(conn.execute(sa.select(flags.c.start, flags.c.id)).all())
            set_decision(conn, ids[10], "accepted", reason="", by="Sam", at=None)
            set_decision(conn, ids[40], "dismissed", reason="", by="Sam", at=None)
            # one moved a few characters, one far away is a different occurrence
            tally = reconcile_flags(conn, 1, [Found(12, 19, "inmates"), Found(90, 97, "inmates")])
            rows = {r.id: r for r in conn.execute(sa.select(flags)).all()}
        moved = rows[ids[10]]
        assert (moved.start, moved.decision, moved.lexicon_state) == (12, "accepted", "changed")
        assert json.loads(moved.previous) == {"start": 10, "end": 17}
        assert (rows[ids[40]].lexicon_state, rows[ids[40]].decision) == ("vanished", "dismissed")
        new = [r for r in rows.values() if r.start == 90]
        assert len(new) == 1 and (new[0].decision, new[0].lexicon_state) == ("pending", "current")
        assert (tally.kept, tally.changed, tally.vanished, tally.new) == (0, 1, 1, 1)
    finally:
        db.close()
