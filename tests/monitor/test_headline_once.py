"""Each use of a label is stored once: an extracted body that begins by
repeating the headline does not get the headline's flags a second time
(issue 12, "Counts that agree everywhere").

Real parts: the offline sample served on 127.0.0.1, the real fetcher and
extractors, the real spaCy model, a real SQLite file."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command

from monitor.demo import serve_sample
from monitor.localserver import LocalServer
from monitor.pipeline import run_pass
from storage.db import _alembic_config, open_database
from storage.schema import articles, flags

COURIER = "Ashworth Vale: Inmates held in 'squalid' cells, inspectors find"


def test_the_demo_article_stores_each_use_of_inmates_once(mon_db, mon_settings):
    with LocalServer() as server:
        ids = serve_sample(server, mon_db)
        run_pass(mon_db, mon_settings, feed_ids=ids)
    with mon_db.read() as conn:
        art = conn.execute(sa.select(articles).where(articles.c.title == COURIER)).one()
        found = conn.execute(
            sa.select(flags.c.field, flags.c.text).where(flags.c.article_id == art.id)
        ).all()
    # "Inmates" in the headline and "Inmates at HMP Ashworth Vale" opening the body: two uses
    assert sorted(found) == [("text", "Inmates"), ("title", "Inmates")], found
    assert art.text.startswith("Inmates at HMP Ashworth Vale")
    assert "headline" in (art.extract_note or "")


def test_a_pasted_article_whose_first_line_is_its_headline_counts_it_once(mon_db, mon_settings):
    from framing.factory import engine_from_settings
    from monitor.review.paste import import_text

    engine = engine_from_settings(mon_settings)
    body = "Inmates riot at HMP Example\n\nThe prison was calm by evening, staff said.\n"
    article_id = import_text(mon_db, "", body, engine=engine)
    with mon_db.read() as conn:
        found = conn.execute(
            sa.select(flags.c.field, flags.c.text).where(flags.c.article_id == article_id)
        ).all()
        text = conn.execute(
            sa.select(articles.c.text).where(articles.c.id == article_id)
        ).scalar_one()
    assert found == [("title", "Inmates")]
    assert text.startswith("The prison was calm")


# --------------------------------------------------------------- the matcher


def test_a_repeated_headline_is_found_through_case_punctuation_space_and_site_name():
    from core.headline import repeated_headline_end

    title = "Ashworth Vale: Inmates held in ‘squalid’ cells, inspectors find"
    for first_line in (
        "Ashworth Vale: Inmates held in ‘squalid’ cells, inspectors find",
        "ASHWORTH VALE: INMATES HELD IN 'SQUALID' CELLS, INSPECTORS FIND",
        'Ashworth Vale -  Inmates held in "squalid" cells,\ninspectors find.',
        "Ashworth Vale: Inmates held in 'squalid' cells, inspectors find | The Daily Courier",
        "Ashworth Vale: Inmates held in 'squalid' cells, inspectors find - Daily Courier",
    ):
        body = f"  {first_line}\n\nInmates at HMP Ashworth Vale are held in cells."
        cut = repeated_headline_end(title, body)
        assert body[cut:] == "Inmates at HMP Ashworth Vale are held in cells.", first_line
    # the feed's headline carries the site name, the page's does not
    body = "Lags freed early\nHundreds of lags were freed."
    assert body[repeated_headline_end("Lags freed early | Metro Evening", body) :] == (
        "Hundreds of lags were freed."
    )


def test_a_first_sentence_that_merely_starts_like_the_headline_is_kept():
    from core.headline import repeated_headline_end

    title = "Prisoners freed early"
    for body in (
        "Prisoners freed early as jails fill up, the government said.\nMore follows.",
        "Some prisoners freed early\nMore follows.",
        "Prisoners were freed early\nMore follows.",
        "",
    ):
        assert repeated_headline_end(title, body) == 0, body
    assert repeated_headline_end("", "Anything\nat all") == 0


# ------------------------------------------------------------- the migration


def _previous_revision_database(path) -> None:
    """A database as the revision before the fix left it: the body repeats the
    headline, its 'Inmates' is flagged there and decided, the headline's own
    flag is pending, and a later body flag sits after the repeat."""
    text = COURIER + "\nInmates at HMP Ashworth Vale were moved; inmates said so."
    later = text.rindex("inmates")
    first = text.index("Inmates at")
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "i16_lease_claimed_dates")
        conn.execute(
            sa.text(
                "INSERT INTO articles (id, url, url_norm, title, fetched_at, text, word_count) "
                "VALUES (1, 'https://e.example/a', 'https://e.example/a', :t, "
                "'2026-11-01T00:00:00+00:00', :x, 20)"
            ),
            {"t": COURIER, "x": text},
        )
        insert = sa.text(
            'INSERT INTO flags (id, article_id, field, start, "end", text, entry, category, '
            "severity, decision, reason, decided_by) VALUES "
            "(:id, 1, :field, :s, :s + 7, :w, 'inmate', 'person-label', 'high', :d, :r, :by)"
        )
        at = COURIER.index("Inmates")
        conn.execute(insert, dict(id=1, field="title", s=at, w="Inmates", d="pending", r="", by=""))
        conn.execute(
            insert, dict(id=2, field="text", s=at, w="Inmates", d="accepted", r="label", by="Sam")
        )
        conn.execute(
            insert, dict(id=3, field="text", s=first, w="Inmates", d="pending", r="", by="")
        )
        conn.execute(
            insert, dict(id=4, field="text", s=later, w="inmates", d="dismissed", r="x", by="Jo")
        )
    engine.dispose()


def test_the_migration_stores_each_use_once_and_keeps_every_decision(tmp_path):
    path = tmp_path / "old.sqlite3"
    _previous_revision_database(path)
    db = open_database(path)
    try:
        with db.read() as conn:
            text = conn.execute(sa.select(articles.c.text)).scalar_one()
            rows = conn.execute(sa.select(flags).order_by(flags.c.field, flags.c.start)).all()
    finally:
        db.close()
    assert text == "Inmates at HMP Ashworth Vale were moved; inmates said so."
    got = [(r.id, r.field, r.start, r.end, r.decision, r.decided_by) for r in rows]
    later = text.rindex("inmates")
    # the decision made on the repeat moved to the headline's flag; body flags shifted
    assert got == [
        (3, "text", 0, 7, "pending", ""),
        (4, "text", later, later + 7, "dismissed", "Jo"),
        (1, "title", COURIER.index("Inmates"), COURIER.index("Inmates") + 7, "accepted", "Sam"),
    ]
    assert all(text[r.start : r.end].lower() == "inmates" for r in rows if r.field == "text")


def test_the_pass_and_demo_reports_count_as_every_list_does(mon_db, mon_settings):
    """The monitor's own report (``monitor once``, the demo summary) counts the
    writer's flags and the quoted ones apart, like the queue and the CLI."""
    with LocalServer() as server:
        ids = serve_sample(server, mon_db)
        result = run_pass(mon_db, mon_settings, feed_ids=ids)
    with mon_db.read() as conn:
        quoted = conn.execute(
            sa.select(sa.func.count()).select_from(flags).where(flags.c.quoted.is_(True))
        ).scalar_one()
        total = conn.execute(sa.select(sa.func.count()).select_from(flags)).scalar_one()
    assert quoted > 0 and (result.flags, result.quoted) == (total - quoted, quoted)
    assert f"{total - quoted} flags (+{quoted} quoted)" in result.summary()
