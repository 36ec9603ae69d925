"""`awards suggest`: the cycle's eligible, not yet nominated monitor articles,
ranked by their stored constructive profile, each with its reasons (issue 13)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from awards import nominations
from core.cli import cli
from framing.profile import Profiler
from storage.db import utcnow
from storage.profiles import store_profile

from .conftest import ADMIN, add_article

CONSTRUCTIVE = (
    "Prison numbers have risen by 20% since 2010, according to Ministry of Justice figures. "
    "A study by the University of Leeds found that restorative justice cut reoffending rates.\n\n"
    "\u201cEducation inside gave me a second chance,\u201d said Marcus Bell, who spent six years "
    "in prison."
)
COURT = (
    "A man was jailed for eight years at Leeds Crown Court on Friday after he stabbed a "
    "neighbour. \u201cThis was a cowardly attack,\u201d said Det Sgt Ann Lee of West Yorkshire Police."
)


def _profiled(db, profiler, **kw):
    aid = add_article(db, **kw)
    with db.transaction() as conn:
        store_profile(conn, aid, profiler.profile(kw["text"], kw["title"]), utcnow())
    return aid


def test_suggest_ranks_unnominated_articles_with_reasons(db, db_arg, cycle):
    profiler = Profiler()
    good = _profiled(db, profiler, title="What works in prisons", text=CONSTRUCTIVE)
    court = _profiled(db, profiler, title="Man jailed", text=COURT)
    outside = _profiled(
        db, profiler, title="Old piece", text=CONSTRUCTIVE, published_at="2024-01-01T09:00:00+00:00"
    )
    nominated = _profiled(db, profiler, title="Already in", text=CONSTRUCTIVE)
    nominations.nominate_article(
        db, cycle.id, nominated, "Documentary", "N", "Fine.", who=ADMIN, use_review_flags=False
    )
    db.close()
    path = db_arg

    def run(*args):
        return CliRunner().invoke(
            cli,
            ["--db", path, "awards", "suggest", "--cycle", str(cycle.id), *args],
            catch_exceptions=False,
        )

    out = json.loads(run("--json").output)
    ids = [s["article_id"] for s in out["suggestions"]]
    # in the window, not nominated, best first; the 2024 piece and the nominated one left out
    assert ids == [good, court]
    assert outside not in ids and nominated not in ids
    best = out["suggestions"][0]
    assert best["score"] > out["suggestions"][1]["score"]
    assert any(r.startswith("lived experience 20/20") for r in best["reasons"])
    assert any("restorative justice" in r for r in best["reasons"])
    # --category leaves out only what is nominated in that category
    other = json.loads(run("--category", "outstanding journalism", "--json").output)
    assert nominated in [s["article_id"] for s in other["suggestions"]]
    wrong = CliRunner().invoke(
        cli,
        ["--db", path, "awards", "suggest", "--cycle", str(cycle.id), "--category", "Documentry"],
    )
    assert wrong.exit_code == 1 and "did you mean 'Documentary'" in str(wrong.exception)
    human = run()
    assert (
        "2 suggestion(s) not yet nominated" in human.output and "nominate one with" in human.output
    )
