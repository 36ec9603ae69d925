"""Judging: recusals, completed sheets only, disagreement, normalisation maths.

Since issue 12 only shortlisted entries are judged, so every entry scored
here is shortlisted first (``shortlisted``); the figures are unchanged."""

from __future__ import annotations

import math

import pytest

from awards import cycles, errors, judging, rules

from .conftest import ADMIN, shortlisted


@pytest.fixture
def panel(db, cycle):
    for name in ("Ann", "Bob", "Cat"):
        judging.add_judge(db, cycle.id, name, who=ADMIN)
    return cycle


def result_for(db, cycle, nid, **kw):
    return next(r.result for r in judging.results(db, cycle.id, **kw) if r.nomination.id == nid)


def test_mean_counts_only_completed_sheets(db, panel):
    n = shortlisted(db, panel)
    judging.score(
        db, n.id, "Ann", dict(zip(panel.criterion_keys, [5, 5, 5, 5, 5], strict=True)), who=ADMIN
    )
    judging.score(
        db, n.id, "Bob", dict(zip(panel.criterion_keys, [3, 3, 3, 3, 3], strict=True)), who=ADMIN
    )
    # Cat scores four of five criteria: her sheet is not counted yet.
    judging.score(
        db, n.id, "Cat", {"relevant": 1, "challenges": 1, "crafted": 1, "sensitive": 1}, who=ADMIN
    )
    r = result_for(db, panel, n.id)
    assert (r.n_judges, r.mean, r.low, r.high, r.spread) == (2, 20.0, 15, 25, 10)
    assert r.incomplete == ("Cat",)
    assert math.isclose(r.sd, math.sqrt(50))  # sample sd of 25 and 15
    # Completing the sheet brings her in: (25 + 15 + 5) / 3 = 15.
    judging.score(db, n.id, "cat", {"impact": 1}, comment="Not for me", who=ADMIN)
    r = result_for(db, panel, n.id)
    assert (r.n_judges, r.mean, r.incomplete) == (3, 15.0, ())
    assert r.criterion_means["relevant"] == 3.0


def test_recused_judge_scores_are_excluded_and_further_scoring_refused(db, panel):
    n = shortlisted(db, panel)
    judging.score(db, n.id, "Ann", dict.fromkeys(panel.criterion_keys, 4), who=ADMIN)
    judging.score(db, n.id, "Bob", dict.fromkeys(panel.criterion_keys, 1), who=ADMIN)
    assert result_for(db, panel, n.id).mean == 12.5
    rec = judging.recuse(db, n.id, "Bob", "Former colleague of the nominee", who=ADMIN)
    assert rec.judge == "Bob"
    r = result_for(db, panel, n.id)
    assert (r.n_judges, r.mean, r.recused) == (1, 20.0, ("Bob",))
    with pytest.raises(errors.AwardsError, match="recused"):
        judging.score(db, n.id, "Bob", {"impact": 5}, who=ADMIN)
    with pytest.raises(errors.AwardsError, match="already recused"):
        judging.recuse(db, n.id, "Bob", "again", who=ADMIN)
    with pytest.raises(errors.AwardsError, match="needs a reason"):
        judging.recuse(db, n.id, "Cat", "", who=ADMIN)
    # Recusal without a sheet still shows on the score sheet list, marked.
    judging.recuse(db, n.id, "Cat", "Is the nominator's partner", who=ADMIN)
    marked = {(s.judge, s.recused) for s in judging.list_sheets(db, panel.id)}
    assert marked == {("Ann", False), ("Bob", True), ("Cat", True)}


def test_scores_outside_the_scale_or_unknown_are_refused(db, panel):
    n = shortlisted(db, panel)
    for bad, msg in (
        ({"relevant": 6}, "outside the scale 1-5"),
        ({"relevant": 0}, "outside"),
        ({"bogus": 3}, "unknown criterion"),
        ({}, "no scores"),
    ):
        with pytest.raises(errors.AwardsError, match=msg):
            judging.score(db, n.id, "Ann", bad, who=ADMIN)
    with pytest.raises(errors.AwardsError, match="not a judge"):
        judging.score(db, n.id, "Zed", {"relevant": 3}, who=ADMIN)
    assert judging.list_sheets(db, panel.id) == []


def test_disagreement_flag_at_forty_percent_of_the_span(db, panel):
    # 5 criteria on 1-5: totals span 5..25 = 20; 40% of 20 = 8.
    assert rules.disagreement_threshold(5, (1, 5)) == 8
    split = shortlisted(db, panel, journalists=["S1"])
    close = shortlisted(db, panel, journalists=["S2"])
    judging.score(
        db,
        split.id,
        "Ann",
        dict(zip(panel.criterion_keys, [4, 4, 4, 4, 4], strict=True)),
        who=ADMIN,
    )  # 20
    judging.score(
        db,
        split.id,
        "Bob",
        dict(zip(panel.criterion_keys, [3, 3, 2, 2, 2], strict=True)),
        who=ADMIN,
    )  # 12
    judging.score(
        db,
        close.id,
        "Ann",
        dict(zip(panel.criterion_keys, [4, 4, 4, 4, 4], strict=True)),
        who=ADMIN,
    )  # 20
    judging.score(
        db,
        close.id,
        "Bob",
        dict(zip(panel.criterion_keys, [3, 3, 3, 2, 2], strict=True)),
        who=ADMIN,
    )  # 13
    assert result_for(db, panel, split.id).disagreement is True
    assert result_for(db, panel, close.id).disagreement is False
    # One judge cannot disagree with themselves.
    lone = shortlisted(db, panel, journalists=["S3"])
    judging.score(db, lone.id, "Ann", dict.fromkeys(panel.criterion_keys, 5), who=ADMIN)
    r = result_for(db, panel, lone.id)
    assert (r.disagreement, r.sd, r.spread) == (False, None, 0)


def test_normalisation_worked_example(db):
    """Split panels: a generous judge and a harsh judge each score three of four.

    Two criteria on 1-5, so totals run 2..10.
      Ann (generous): N1=10, N2=9, N3=8  -> mean 9, population sd sqrt(2/3)=0.8165
                      z: N1=+1.2247, N2=0, N3=-1.2247
      Bob (harsh):    N2=4, N3=3, N4=5   -> mean 4, sd 0.8165
                      z: N2=0, N3=-1.2247, N4=+1.2247
    Raw means:  N1=10, N2=(9+4)/2=6.5, N3=(8+3)/2=5.5, N4=5
    Mean z:     N1=+1.2247, N2=0, N3=-1.2247, N4=+1.2247
    Rescaled onto the raw range [5, 10]: value = 5 + (z + 1.2247) / 2.4495 * 5
                N1=10, N2=7.5, N3=5, N4=10
    N4 is last on raw means but joint first once Bob's harshness is allowed for.
    """
    c = cycles.create_cycle(db, year=2029, who=ADMIN, criteria=["Craft", "Impact"])
    for name in ("Ann", "Bob"):
        judging.add_judge(db, c.id, name, who=ADMIN)
    n1, n2, n3, n4 = (
        shortlisted(db, c, title=f"N{i}", journalists=[f"J{i}"], published_on="2029-03-01")
        for i in range(1, 5)
    )
    sheets = {
        ("Ann", n1): (5, 5),
        ("Ann", n2): (5, 4),
        ("Ann", n3): (4, 4),
        ("Bob", n2): (2, 2),
        ("Bob", n3): (2, 1),
        ("Bob", n4): (3, 2),
    }
    for (judge, n), (a, b) in sheets.items():
        judging.score(db, n.id, judge, {"craft": a, "impact": b}, who=ADMIN)

    plain = {r.nomination.id: r.result for r in judging.results(db, c.id)}
    assert [plain[n.id].mean for n in (n1, n2, n3, n4)] == [10, 6.5, 5.5, 5]
    assert all(r.normalised is None for r in plain.values())  # off by default

    norm = {r.nomination.id: r.result for r in judging.results(db, c.id, normalise=True)}
    got = [norm[n.id].normalised for n in (n1, n2, n3, n4)]
    assert got == pytest.approx([10, 7.5, 5, 10])
    assert [norm[n.id].mean for n in (n1, n2, n3, n4)] == [10, 6.5, 5.5, 5]  # raw kept beside it
    assert norm[n2.id].n_normalised == 2 and norm[n4.id].n_normalised == 1


def test_recused_sheets_stay_out_of_the_normalisation_baseline(db):
    """A judge who scored a piece and then recused: that sheet no longer shapes
    the judge's own mean and sd, so it cannot shift their other z-scores.

    Two criteria on 1-5 (totals 2..10).
      Ann: N1=10, N2=8, N3=6, N4=2, then recuses from N4.
           Counted: 10, 8, 6 -> mean 8, population sd sqrt(8/3) = 1.633
           z: N1=+1.2247, N2=0, N3=-1.2247
           (were N4 counted: mean 6.5, sd 2.958, z N3 = -0.169)
      Bob: N1=6, N2=4, N3=8 -> mean 6, sd 1.633; z: N1=0, N2=-1.2247, N3=+1.2247
    Raw means: N1=8, N2=6, N3=7; N4 has no counted sheet.
    Mean z: N1=+0.6124, N2=-0.6124, N3=0; rescaled onto [6, 8]: 8, 6, 7.
    (With N4 in Ann's baseline N3 would come out at 7.866.)
    """
    c = cycles.create_cycle(db, year=2030, who=ADMIN, criteria=["Craft", "Impact"])
    for name in ("Ann", "Bob"):
        judging.add_judge(db, c.id, name, who=ADMIN)
    n1, n2, n3, n4 = (
        shortlisted(db, c, title=f"N{i}", journalists=[f"J{i}"], published_on="2030-03-01")
        for i in range(1, 5)
    )
    sheets = {
        ("Ann", n1): 5,
        ("Ann", n2): 4,
        ("Ann", n3): 3,
        ("Ann", n4): 1,
        ("Bob", n1): 3,
        ("Bob", n2): 2,
        ("Bob", n3): 4,
    }
    for (judge, n), each in sheets.items():
        judging.score(db, n.id, judge, {"craft": each, "impact": each}, who=ADMIN)
    judging.recuse(db, n4.id, "Ann", "Her sister produced the piece", who=ADMIN)

    norm = {r.nomination.id: r.result for r in judging.results(db, c.id, normalise=True)}
    assert [norm[n.id].mean for n in (n1, n2, n3)] == [8, 6, 7]
    assert [norm[n.id].normalised for n in (n1, n2, n3)] == pytest.approx([8, 6, 7])
    assert [norm[n.id].n_normalised for n in (n1, n2, n3)] == [2, 2, 2]
    r4 = norm[n4.id]
    assert (r4.n_judges, r4.mean, r4.normalised, r4.recused) == (0, None, None, ("Ann",))
    # the same sheets straight into the rules: Ann's z-scores come from three totals
    z = rules.judge_zscores(
        [
            rules.Sheet("Ann", 1, {"a": 10}),
            rules.Sheet("Ann", 2, {"a": 8}),
            rules.Sheet("Ann", 3, {"a": 6}),
            rules.Sheet("Ann", 4, {"a": 2}, recused=True),
        ],
        ("a",),
    )
    assert set(z) == {("Ann", 1), ("Ann", 2), ("Ann", 3)}
    assert z[("Ann", 3)] == pytest.approx(-1.2247, abs=1e-4)


def test_judges_with_too_few_sheets_are_left_out_of_normalisation():
    keys = ("a",)
    sheets = [
        rules.Sheet("Ann", 1, {"a": 5}),
        rules.Sheet("Ann", 2, {"a": 3}),
        rules.Sheet("Ann", 3, {"a": 1}),
        rules.Sheet("Bob", 1, {"a": 2}),
        rules.Sheet("Bob", 2, {"a": 4}),
    ]
    z = rules.judge_zscores(sheets, keys)
    assert set(z) == {("Ann", 1), ("Ann", 2), ("Ann", 3)}  # Bob has only 2 sheets
    assert z[("Ann", 2)] == 0 and z[("Ann", 1)] == pytest.approx(1.2247, abs=1e-4)
    # A judge who gives everyone the same total expresses no preference: z = 0.
    flat = [rules.Sheet("Cy", i, {"a": 3}) for i in (1, 2, 3)]
    assert set(rules.judge_zscores(flat, keys).values()) == {0.0}
