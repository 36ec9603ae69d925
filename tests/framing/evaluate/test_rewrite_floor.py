"""The floor on the rewrite development set (tests/data/rewrites.jsonl): the
real engine, every sentence, the counting rules of tests/data/rewrites.md.

Raise the floors when the engine gets better; a drop fails here."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.evaluate.rewrites import evaluate_rewrites, load_rewrites

DATA = Path(__file__).resolve().parents[2] / "data" / "rewrites.jsonl"
OVERALL = 0.865
# the legal status read for each target the engine gives one for, against the
# set's label (framing.status): 324/497 before the attachment work, 435/497 after,
# 446/503 after the later-stage, possessive and side-mention rules
STATUS_AGREEMENT = 0.88
# per group, a little under what the engine reaches now
GROUPS = {
    "issue-examples": 1.0,
    "pre-charge": 0.95,
    "charged-and-trial": 0.98,
    "convicted-and-sentenced": 0.87,
    "released": 0.97,
    "unknown-status": 0.93,
    "case-style": 0.94,
    "tense-and-facts": 0.95,
    "noun-modifier": 0.91,
    "coordination": 0.83,
    "possessive-and-determiner": 0.81,
    "tautology-and-agreement": 0.95,
    "never-rewrite": 0.97,
    "immigration-and-drugs-and-other": 0.97,
}


@pytest.fixture(scope="module")
def report(engine):
    return evaluate_rewrites(engine, load_rewrites(DATA), str(DATA))


def test_no_false_conviction_anywhere(report):
    """Not one sentence states a conviction the text does not establish."""
    wrong = [o.record.id for o in report.outcomes if o.false_conviction]
    assert wrong == []


def test_overall_floor(report):
    assert report.overall.share is not None and report.overall.share >= OVERALL, (
        report.overall.ok,
        report.overall.total,
    )


@pytest.mark.parametrize("group, floor", sorted(GROUPS.items()))
def test_group_floor(report, group, floor):
    g = report.groups[group]
    assert g.share is not None and g.share >= floor, (group, g.ok, g.total)


def test_status_agreement_floor(report):
    """Wrong statuses drive wrong wordings: the share of targets whose status
    the engine reads as the set does (``status agreement`` in eval-rewrites)."""
    assert report.status_total >= 400, report.status_total  # the statuses are still read
    share = report.status_agree / report.status_total
    assert share >= STATUS_AGREEMENT, (report.status_agree, report.status_total)
