"""[team] roles (issue 17): judging actions check that the person is a judge
of the cycle (or the coordinator entering a paper sheet), running the awards
is the coordinator's, deciding on flags is the reviewers', and everything
stays audited.  Real database on both backends, real config file for the CLI."""

from __future__ import annotations

import pytest

from awards import audit, judging
from core.cli import main
from core.errors import FramewatchError
from core.settings import TeamSettings, load_settings

from .conftest import ADMIN, shortlisted

TEAM = TeamSettings(reviewers=("Sam", "Ana"), judges=("Ann", "Bob"), coordinator=ADMIN)


def refused(fn, *args, **kw) -> str:
    with pytest.raises(FramewatchError) as err:
        fn(*args, **kw)
    assert "\n" not in str(err.value)
    return str(err.value)


def test_only_the_judge_or_the_coordinator_scores_and_only_team_judges_sit(db, cycle):
    n = shortlisted(db, cycle)
    judging.add_judge(db, cycle.id, "Ann", who=ADMIN, team=TEAM)
    assert "not one of the team's judges" in refused(
        judging.add_judge, db, cycle.id, "Zed", who=ADMIN, team=TEAM
    )
    assert "only the coordinator (Sift Admin) may" in refused(
        judging.add_judge, db, cycle.id, "Bob", who="Ann", team=TEAM
    )
    key = cycle.criterion_keys[0]
    assert judging.score(db, n.id, "Ann", {key: 4}, who="ann", team=TEAM).scores == {key: 4}
    assert judging.score(db, n.id, "Ann", {key: 5}, who=ADMIN, team=TEAM).scores == {key: 5}
    message = refused(judging.score, db, n.id, "Ann", {key: 1}, who="Bob", team=TEAM)
    assert "'Bob' may not act for judge 'Ann'" in message and "(Sift Admin)" in message
    # Bob is a team judge but not on this cycle's panel: the panel check refuses him
    assert "Bob" in refused(judging.score, db, n.id, "Bob", {key: 3}, who="Bob", team=TEAM)
    assert "may not act for judge" in refused(
        judging.recuse, db, n.id, "Ann", "Her brother wrote it", who="Sam", team=TEAM
    )
    # what was refused left no trace; what was done is in the audit log under who did it
    log = [(e.action, e.who) for e in audit.audit_log(db, cycle.id)]
    assert ("judge.add", ADMIN) in log and log.count(("score.set", "ann")) == 1
    assert ("score.set", ADMIN) in log and not any(w in ("Bob", "Sam") for _, w in log)
    # without [team] nothing here is checked (a one-person set-up)
    judging.add_judge(db, cycle.id, "Zed", who="Anyone", team=TeamSettings())


def test_team_roles_from_the_config_reach_the_command_line(db_arg, db, cycle, tmp_path, capsys):
    cfg = tmp_path / "team.toml"
    cfg.write_text(
        '[team]\nreviewers = ["Sam"]\njudges = ["Ann"]\ncoordinator = "Sift Admin"\n',
        encoding="utf-8",
    )
    assert load_settings(cfg).team.is_judge("ANN")
    n = shortlisted(db, cycle)
    base = ["--config", str(cfg), "--db", db_arg, "awards"]
    assert main([*base, "judge", "add", "Ann", "--as", ADMIN]) == 0
    assert main([*base, "judge", "add", "Zed", "--as", ADMIN]) == 1
    assert (
        main([*base, "score", str(n.id), "--judge", "Ann", "--all", "3,3,3,3,3", "--as", "Sam"])
        == 1
    )
    err = capsys.readouterr().err
    assert "'Zed' is not one of the team's judges" in err and "'Sam' may not act" in err
    assert main(
        [*base, "score", str(n.id), "--judge", "Ann", "--all", "3,3,3,3", "--as", "Ann"]
    ) in (0, 1)


def test_only_team_reviewers_decide_on_flags(db, cycle):
    from monitor.review import article
    from monitor.review.model import ReviewError

    from .conftest import add_article

    aid = add_article(db, stored_flags=[("c", False, "pending")])
    flag = article.get_article(db, aid).flags[0]
    with pytest.raises(ReviewError) as err:
        article.decide(db, flag.id, "accepted", by="Joe", team=TEAM)
    assert "'Joe' is not one of the team's reviewers" in str(err.value)
    assert article.get_flag(db, flag.id).decision == "pending"
    assert article.decide(db, flag.id, "accepted", by="sam", team=TEAM).decided_by == "sam"
