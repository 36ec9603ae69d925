"""One definition of an article's flag counts (issue 12, "Counts that agree
everywhere"): writer's-voice flags by severity, flags in quotations apart,
dismissed flags left out - the same in ``framewatch articles``, the review
queue (and its "flags" sort, severity-weighted), and the overview.

Real SQLite file, real engine; the articles are stored by the paste service."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from core.cli import cli
from monitor.review import article, insights, listing, model, paste

PIECES = {
    # 1 high in the writer's voice
    "high": ("Wing reopens", "The inmates returned to the wing on Monday."),
    # 3 high inside a quotation: someone else's words
    "quoted": (
        "Councillor speaks",
        'The councillor said: "These thugs, these thugs, these thugs must go."',
    ),
    # 2 low in the writer's voice
    "low": ("Two jailed", "Two burglars were jailed. The burglar's van was found."),
}


@pytest.fixture
def counted_db(db, engine):
    ids = {
        key: paste.import_text(db, title, text, engine=engine, published_at=f"2026-11-1{n}")
        for n, (key, (title, text)) in enumerate(PIECES.items())
    }
    return db, ids


def _by_id(rows, key="article_id"):
    return {getattr(r, key): r for r in rows}


def test_the_cli_and_the_queue_count_alike_with_quoted_apart(counted_db, tmp_path):
    db, ids = counted_db
    queue = _by_id(listing.queue(db, model.QueueFilter(fold_copies=False)).rows)
    out = CliRunner().invoke(cli, ["--db", db.location, "articles", "--json"])
    assert out.exit_code == 0, out.output
    cli_counts = {a["id"]: a["flags"] for a in json.loads(out.output)}
    for key, article_id in ids.items():
        q = queue[article_id]
        expected = dict(high=q.high, medium=q.medium, low=q.low, quoted=q.quoted)
        assert cli_counts[article_id] == expected, key
    assert cli_counts[ids["quoted"]] == dict(high=0, medium=0, low=0, quoted=3)
    assert cli_counts[ids["high"]] == dict(high=1, medium=0, low=0, quoted=0)
    assert cli_counts[ids["low"]] == dict(high=0, medium=0, low=2, quoted=0)

    # a dismissed flag stops counting everywhere alike
    burglar = article.get_article(db, ids["low"]).text_flags[0]
    article.decide(db, burglar.id, "dismissed", reason="test", by="Sam")
    out = CliRunner().invoke(cli, ["--db", db.location, "articles", "--json"])
    low = next(a for a in json.loads(out.output) if a["id"] == ids["low"])["flags"]
    row = _by_id(listing.queue(db, model.QueueFilter(fold_copies=False)).rows)[ids["low"]]
    assert (
        low
        == dict(high=0, medium=0, low=1, quoted=0)
        == dict(high=row.high, medium=row.medium, low=row.low, quoted=row.quoted)
    )
    assert row.pending == 1


def test_the_flags_sort_weighs_severity_and_keeps_quoted_apart(counted_db):
    db, ids = counted_db
    page = listing.queue(db, model.QueueFilter(sort="flags", fold_copies=False))
    # one high outweighs two lows; three quoted flags are someone else's words
    assert [r.article_id for r in page.rows] == [ids["high"], ids["low"], ids["quoted"]]
    up = listing.queue(db, model.QueueFilter(sort="flags", descending=False, fold_copies=False))
    assert [r.article_id for r in up.rows] == [ids["quoted"], ids["low"], ids["high"]]


def test_the_overview_counts_the_writers_flags_with_quoted_apart(counted_db):
    db, _ids = counted_db
    ov = insights.overview(db, weeks=2, today=date(2026, 11, 20))
    assert (ov.flags, ov.quoted) == (3, 3)
    assert ov.flags == sum(s.total for s in ov.by_outlet) == sum(s.total for s in ov.by_category)
