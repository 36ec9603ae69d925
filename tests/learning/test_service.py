"""learning.service on a real database with decisions, a real trained model,
the real engine describing flags (issue 14).  The model is trained once per
module (``trained_file``); three tests train again, as they must (~20 s in all,
most of it loading spaCy and scikit-learn)."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from core.settings import LearningSettings
from learning import service
from learning.errors import LearningError
from learning.model import KINDS
from lexicon.cache import load_lexicon_cached
from storage.schema import flags

from .conftest import add_news, add_sport

SETTINGS = LearningSettings(fold_threshold=0.8, min_decisions=30)


def test_the_model_learns_the_desks_repeat_false_flags(trained_db, engine):
    lexicon = engine.lexicon
    s = service.status(trained_db, lexicon)
    assert s.trained and s.decisions_used == s.decisions_now == 36
    assert s.kind in KINDS and not s.stale and set(s.metrics["compared"]) == set(KINDS)
    # the kept model is the one with the better (lower) cross-validated Brier score
    assert s.metrics["brier"] == min(m["brier"] for m in s.metrics["compared"].values())
    assert s.to_json()["cv_precision_dismiss"] == s.metrics["precision_at_threshold"]

    # a new match report and a new court report, not decided yet
    sport, news = add_sport(trained_db, engine, 99), add_news(trained_db, engine, 99)
    got_sport = service.predict(trained_db, sport, lexicon, SETTINGS, engine=engine)
    got_news = service.predict(trained_db, news, lexicon, SETTINGS, engine=engine)
    assert len(got_sport) == len(got_news) == 2
    assert min(p.p_dismiss for p in got_sport.values()) > max(
        p.p_dismiss for p in got_news.values()
    )
    assert all(p.folded for p in got_sport.values())
    assert not any(p.folded for p in got_news.values())
    similar = {p.similar for p in got_sport.values()}
    assert "dismissed 9 times: 'savage scored' in Sports Daily sport pages" in similar
    assert any(p.similar.startswith("accepted 9 times: 'offender was'") for p in got_news.values())


def test_training_wrote_predictions_on_pending_flags(trained_db):
    with trained_db.read() as conn:
        rows = conn.execute(
            sa.select(flags.c.decision, flags.c.dismiss_p).where(
                flags.c.article_id == trained_db.pending_sport
            )
        ).all()
    assert len(rows) == 2 and all(r.decision == "pending" and r.dismiss_p > 0.5 for r in rows)


def test_a_lexicon_change_marks_the_model_stale(trained_db, engine):
    assert not service.status(trained_db, engine.lexicon).stale
    changed = load_lexicon_cached(disable=("thug",))
    s = service.status(trained_db, changed)
    assert s.stale and s.model_lexicon_hash != s.lexicon_hash
    # a stale model still scores flags but folds none
    got = service.predict(trained_db, trained_db.pending_sport, changed, SETTINGS, engine=engine)
    assert got and not any(p.folded for p in got.values())
    # and the next retrain check trains for the lexicon in use
    again = service.maybe_retrain(trained_db, changed, SETTINGS, engine=engine)
    assert again is not None and not again.stale and again.lexicon_hash == s.lexicon_hash


def test_retraining_waits_for_enough_new_decisions(trained_db, engine):
    from monitor.review import article

    every = LearningSettings(retrain_every=3, min_decisions=30, fold_threshold=0.8)
    assert service.maybe_retrain(trained_db, engine.lexicon, every, engine=engine) is None

    def decide_new(n: int) -> None:
        view = article.get_article(trained_db, add_news(trained_db, engine, n))
        assert len(view.text_flags) == 2
        for f in view.text_flags:
            article.decide(trained_db, f.id, "accepted", engine=engine)

    decide_new(60)
    assert service.maybe_retrain(trained_db, engine.lexicon, every, engine=engine) is None
    decide_new(61)
    again = service.maybe_retrain(trained_db, engine.lexicon, every, engine=engine)
    assert again is not None and again.decisions_used == 40 and again.new_decisions == 0


def test_too_few_decisions_is_one_clear_error(db, engine):
    with pytest.raises(LearningError, match=r"not enough decisions to learn from: 0 accepted"):
        service.train(db, engine.lexicon, SETTINGS)


def test_learn_cli_status_and_train(trained_db, tmp_path, capsys):
    from core.cli import main

    where = ["--db", trained_db.location]
    assert main([*where, "learn", "status", "--json"]) == 0
    before = json.loads(capsys.readouterr().out)
    assert before["trained"] and before["decisions_used"] == 36 and not before["stale"]
    assert main([*where, "learn", "status"]) == 0
    out = capsys.readouterr().out
    assert "on 36 decisions" in out and "(current)" in out
    cfg = tmp_path / "framewatch.toml"
    cfg.write_text('[lexicon]\ndisable = ["thug"]\n')
    assert main(["--config", str(cfg), *where, "learn", "status"]) == 0
    assert "STALE" in capsys.readouterr().out
    assert main(["--config", str(cfg), *where, "learn", "train", "--json", "--no-tags"]) == 0
    trained = json.loads(capsys.readouterr().out)
    assert trained["decisions_used"] == 36 and not trained["stale"]
