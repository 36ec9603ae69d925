"""The legal status the engine reads for a flag's person is stored with the
flag of a monitored article, shown by the review service and by
`framewatch articles show --json`, and read from the article's headline and
earlier text where the label's own sentence says nothing (issue 10).

Real parts: the real spaCy model, a real SQLite file (or PostgreSQL: the
``db_target`` fixture), the real CLI."""

from __future__ import annotations

import json

import sqlalchemy as sa
from click.testing import CliRunner

from core.cli import cli
from storage.schema import flags

TITLE = "Burglar who raided 19 homes jailed for four years"
BODY = (
    "The burglar broke into the houses in Sheffield while their owners were on holiday.\n\n"
    "Neighbours said they were relieved.\n"
)


def _import(mon_db, mon_settings, title: str, body: str) -> int:
    from framing.factory import engine_from_settings
    from monitor.review.paste import import_text

    return import_text(mon_db, title, body, engine=engine_from_settings(mon_settings))


def test_the_status_is_stored_shown_and_read_from_the_headline(mon_db, mon_settings):
    article_id = _import(mon_db, mon_settings, TITLE, BODY)
    with mon_db.read() as conn:
        rows = conn.execute(
            sa.select(flags.c.field, flags.c.text, flags.c.legal_status, flags.c.status_cue)
            .where(flags.c.article_id == article_id)
            .order_by(flags.c.field)
        ).all()
    by_field = {r.field: r for r in rows}
    # the headline states the sentence itself; the body's "The burglar" says
    # nothing in its own sentence, and its headline says jailed
    assert by_field["title"].legal_status == "sentenced"
    assert by_field["text"].legal_status == "sentenced"
    assert "(in the headline)" in by_field["text"].status_cue

    from monitor.review.article import get_article

    view = get_article(mon_db, article_id)
    assert {(f.field, f.status) for f in view.flags} == {
        ("title", "sentenced"),
        ("text", "sentenced"),
    }
    shown = CliRunner().invoke(
        cli, ["--db", str(mon_settings.db_path), "articles", "show", str(article_id), "--json"]
    )
    assert shown.exit_code == 0, shown.output
    items = json.loads(shown.output)["flags"]
    assert {f["status"] for f in items} == {"sentenced"} and all(f["status_cue"] for f in items)


def test_a_hunt_in_the_headline_never_becomes_a_conviction(mon_db, mon_settings):
    article_id = _import(
        mon_db, mon_settings, "Police hunt burglar after 19 homes raided in Sheffield", BODY
    )
    with mon_db.read() as conn:
        body = conn.execute(
            sa.select(flags.c.legal_status, flags.c.rewrite).where(
                flags.c.article_id == article_id, flags.c.field == "text"
            )
        ).one()
    assert body.legal_status == "wanted"
    assert "convict" not in (body.rewrite or "")
