"""monitor.review: the service layer the UI uses, on a real SQLite file and the real engine."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from monitor.review import article, insights, listing, model, paste
from storage.schema import articles, flags

from ...tui.conftest import ARTICLES


def _flag(view, word, field="text"):
    return next(f for f in view.flags if f.field == field and f.text.lower().startswith(word))


def test_import_text_stores_article_and_engine_flags(filled_db):
    first = filled_db.article_ids[0]
    view = article.get_article(filled_db, first)
    assert view.title == ARTICLES[0]["title"]
    assert view.text == ARTICLES[0]["text"]
    assert view.status == "new"
    # by hand, from the flagging policy: "inmates" in the writer's voice, "thugs"
    # inside the councillor's quotation; "prison" and "men" are not labels
    text, title = ARTICLES[0]["text"], ARTICLES[0]["title"]
    i, t = text.index("inmates"), text.index("thugs")
    assert [(f.start, f.end, f.entry, f.quoted) for f in view.text_flags] == [
        (i, i + len("inmates"), "inmate", False),
        (t, t + len("thugs"), "thug", True),
    ]
    # the headline is analysed too; its flags come first, with offsets into the headline
    h = title.index("inmates")
    assert [(f.start, f.end, f.entry) for f in view.title_flags] == [(h, h + 7, "inmate")]
    assert view.flags[: len(view.title_flags)] == view.title_flags
    for f in view.title_flags:
        assert f.field == "title" and view.title[f.start : f.end] == f.text
    assert all(f.field == "text" for f in view.text_flags)
    inmates = _flag(view, "inmate")
    assert not inmates.quoted and inmates.severity == "high"
    # "moved to another prison" follows, so "in prison" would echo it
    assert inmates.rewrite == "people in custody"
    assert view.text[inmates.start : inmates.end] == inmates.text
    thugs = _flag(view, "thug")
    assert thugs.quoted and thugs.rewrite is None and thugs.severity == "high"


class _CountingEngine:
    """The real engine, counting how often it is asked to analyse."""

    def __init__(self, engine):
        self.engine, self.calls = engine, 0
        self.model_name = engine.model_name

    def check_many(self, texts, fmt="text", headlines=None):
        self.calls += 1
        return self.engine.check_many(texts, fmt, headlines)


def test_import_same_text_twice_returns_same_article(filled_db, engine):
    counting = _CountingEngine(engine)
    again = paste.import_text(filled_db, engine=counting, **ARTICLES[1])
    assert again == filled_db.article_ids[1]
    assert counting.calls == 0  # found before any analysis
    fresh = paste.import_text(filled_db, "A new piece", "The inmates were moved.", engine=counting)
    assert counting.calls == 1 and fresh not in filled_db.article_ids
    paste.import_text(filled_db, "A new piece", "The inmates were moved.", engine=counting)
    assert counting.calls == 1
    with filled_db.read() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(articles)).scalar_one() == 4


def test_import_without_text_is_a_one_line_error(db, engine):
    with pytest.raises(model.ReviewError, match="no text"):
        paste.import_text(db, "Empty", "   ", engine=engine)


def test_explanations_come_from_the_lexicon(filled_db):
    from lexicon import load_lexicon

    view = article.get_article(filled_db, filled_db.article_ids[0], lexicon=load_lexicon())
    inmates = _flag(view, "inmate")
    assert inmates.why and inmates.sources and inmates.sources[0][1].startswith("http")


def test_decisions_are_committed_and_move_article_to_in_review(filled_db):
    view = article.get_article(filled_db, filled_db.article_ids[0])
    target = _flag(view, "inmate")
    saved = article.decide(filled_db, target.id, "dismissed", reason="quoting a report", by="Sam")
    assert saved.decision == "dismissed" and saved.reason == "quoting a report"
    # A fresh connection sees it: the transaction was committed.
    with filled_db.engine.connect() as conn:
        row = conn.execute(sa.select(flags).where(flags.c.id == target.id)).one()
        status = conn.execute(
            sa.select(articles.c.status).where(articles.c.id == view.id)
        ).scalar_one()
    assert (row.decision, row.reason, row.decided_by) == ("dismissed", "quoting a report", "Sam")
    assert row.decided_at
    assert status == "in_review"
    back = article.decide(filled_db, target.id, "pending")
    assert back.decision == "pending" and back.decided_at is None


def test_a_decision_stores_the_flags_features_for_learning(filled_db, engine):
    """Issue 14: the context a reviewer judged is kept with the decision, so a
    later lexicon change cannot lose it; undoing keeps it until the next one."""
    import json

    view = article.get_article(filled_db, filled_db.article_ids[0])
    target = _flag(view, "inmate")
    article.decide(filled_db, target.id, "accepted", engine=engine)
    with filled_db.engine.connect() as conn:
        stored = conn.execute(sa.select(flags.c.features).where(flags.c.id == target.id)).scalar()
    features = json.loads(stored)
    text = view.text
    before = text[: target.start].split()[-4:]
    assert (features["entry"], features["text"], features["quoted"]) == ("inmate", "inmates", False)
    assert features["outlet"] == view.outlet and features["status"] == "new"
    assert features["context"]["before"] == [w.lower().strip(",.") for w in before]
    assert features["context"]["tagged"] and features["context"]["pos_span"] == ["NOUN"]
    # the legal status the engine reads for the person (stored flags do not keep it)
    (found,) = [f for f in engine.check(text) if f.start == target.start]
    assert features["legal_status"] == found.status
    article.decide(filled_db, target.id, "pending")
    with filled_db.engine.connect() as conn:
        kept = conn.execute(sa.select(flags.c.features).where(flags.c.id == target.id)).scalar()
    assert kept == stored


def test_bad_decision_and_unknown_flag_are_errors(filled_db):
    with pytest.raises(model.ReviewError, match="unknown decision"):
        article.decide(filled_db, 1, "maybe")
    with pytest.raises(model.ReviewError, match="not found"):
        article.decide(filled_db, 99999, "accepted")


def test_notes_and_status(filled_db):
    aid = filled_db.article_ids[1]
    view = article.get_article(filled_db, aid)
    article.set_flag_note(filled_db, view.flags[0].id, "  check with the desk  ")
    article.set_article_note(filled_db, aid, "front page")
    article.set_status(filled_db, aid, "reviewed")
    view = article.get_article(filled_db, aid)
    assert view.flags[0].note == "check with the desk"
    assert view.note == "front page" and view.status == "reviewed"
    with pytest.raises(model.ReviewError):
        article.set_status(filled_db, aid, "done")


def test_queue_counts_filters_search_and_sort(filled_db):
    page = listing.queue(filled_db)
    assert page.total == 3
    assert [r.title for r in page.rows] == [a["title"] for a in ARTICLES]  # newest first
    first = page.rows[0]
    assert first.high >= 1 and first.quoted >= 1 and first.pending == first.total

    def titles(**kw):
        return [r.title for r in listing.queue(filled_db, model.QueueFilter(**kw)).rows]

    assert titles(outlet="Valley Gazette") == [ARTICLES[1]["title"]]
    assert titles(search="BADGER") == [ARTICLES[1]["title"]]  # headline
    assert titles(search="CVs and") == [ARTICLES[2]["title"]]  # body text
    assert titles(search="100%") == []  # LIKE wildcards are literal
    assert titles(date_from="2026-11-15", date_to="2026-11-18") == [ARTICLES[1]["title"]]
    assert titles(sort="title", descending=False)[0] == ARTICLES[2]["title"]
    assert ARTICLES[2]["title"] not in titles(severity="high")
    assert titles(category="person-label") and ARTICLES[2]["title"] not in titles(
        category="person-label"
    )
    article.set_status(filled_db, filled_db.article_ids[2], "reviewed")
    assert titles(status="reviewed") == [ARTICLES[2]["title"]]
    assert listing.queue(filled_db, limit=2).rows[-1].title == ARTICLES[1]["title"]
    assert listing.queue(filled_db, offset=2, limit=2).rows[0].title == ARTICLES[2]["title"]


def test_queue_counts_match_each_articles_flags_in_every_sort(filled_db):
    view = article.get_article(filled_db, filled_db.article_ids[0])
    article.decide(filled_db, view.flags[0].id, "accepted")  # one fewer pending there

    def expected(article_id):
        fl = article.get_article(filled_db, article_id).flags
        own = [f for f in fl if not f.quoted]
        return tuple(sum(f.severity == s for f in own) for s in ("high", "medium", "low")) + (
            sum(f.quoted for f in fl),
            sum(f.decision == "pending" for f in fl),
        )

    for sort in listing.SORTS:
        for descending in (True, False):
            rows = listing.queue(
                filled_db, model.QueueFilter(sort=sort, descending=descending)
            ).rows
            assert len(rows) == 3
            for r in rows:
                assert (r.high, r.medium, r.low, r.quoted, r.pending) == expected(r.article_id), (
                    sort,
                    r,
                )
    totals = [
        len(article.get_article(filled_db, r.article_id).flags)
        for r in listing.queue(filled_db, model.QueueFilter(sort="flags")).rows
    ]
    assert totals == sorted(totals, reverse=True) and len(set(totals)) > 1


def test_queue_folds_syndicated_copies(filled_db):
    # The pipeline groups copies of one story; do the same by hand here.
    a, b = filled_db.article_ids[0], filled_db.article_ids[1]
    with filled_db.transaction() as conn:
        story = conn.execute(sa.select(articles.c.story_id).where(articles.c.id == a)).scalar_one()
        conn.execute(articles.update().where(articles.c.id == b).values(story_id=story))
    folded = listing.queue(filled_db)
    assert folded.total == 2
    row = next(r for r in folded.rows if r.article_id == a)
    assert row.copies == 1
    assert listing.queue(filled_db, model.QueueFilter(fold_copies=False)).total == 3
    copies = article.get_article(filled_db, a).copies
    assert [c.article_id for c in copies] == [b]


def test_options_lexicon_stats_and_overview(filled_db):
    from lexicon import load_lexicon

    opts = listing.options(filled_db)
    assert opts.outlets == ("Daily Example", "Valley Gazette")
    assert "person-label" in opts.categories
    view = article.get_article(filled_db, filled_db.article_ids[0])
    article.decide(filled_db, _flag(view, "inmate").id, "dismissed")
    stats = {s.entry: s for s in insights.lexicon_stats(filled_db, load_lexicon())}
    inmate = stats[_flag(view, "inmate").entry]
    assert inmate.fired >= 1 and inmate.dismissed == 1 and inmate.rationale
    found = insights.lexicon_stats(filled_db, load_lexicon(), search="inmate")
    assert found and all(
        "inmate" in (s.entry + " ".join(s.forms) + s.rationale).lower() for s in found
    )
    ov = insights.overview(filled_db, weeks=4, today=date(2026, 11, 26))
    assert ov.weeks == ("2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23")
    daily = next(s for s in ov.by_outlet if s.label == "Daily Example")
    # the body's "inmates" was dismissed above, so it no longer counts; the
    # headline's still does, and the quoted "thugs" counts apart (issue 12)
    assert daily.counts[2] >= 1 and daily.quoted >= 1
    assert ov.flags == sum(s.total for s in ov.by_outlet)
    assert ov.quoted == sum(s.quoted for s in ov.by_outlet)
