"""The constructive profile against the blind real-news labels: its floors.

``framewatch eval-profile tests/data/realnews/profiles.jsonl --split dev``
measured on DEV (what the roles and models are tuned on; TEST is read only
for the closing note).  The floors sit a little under the measured figures so
that a change that loses ground fails here, naming the figure.  Measured at
roleframe (issue 13), with main's attribution at 76.7 F1: role accuracy
84.8 % of 1,464 correctly attributed quotations (62.2 % of 1,214 at the start
of that session), frame macro F1 83.9, solutions 75.2, evidence 79.2 (5-fold
CV), Spearman 0.794 against the 30-article ranking; at roles (issue 13,
cues from every mention, unlisted bodies by their names' head words) role
accuracy 87.1 % of 1,476, and 86.3 % of 1,603 once attribution reached
80.6 F1; at roles2 (issue 13) 84.2 % of 1,626, once cues that DEV shows
right in a single article (memorised: they lost ground on TEST) were
removed and the floor lowered to match.  Role accuracy is over
the quotations attribution gets right, so the floor leaves room for
attribution work to change that set.  The texts are rebuilt outside
the repository (tests/data/realnews/README.md), so the test skips, naming the
commands, where they are not built.  At frame3 (new frame features, precise
solutions and evidence detectors, the frame's regularisation chosen by
nested CV on DEV): frame 85.7, solutions 79.0, evidence 79.2, Spearman 0.811.
"""

from __future__ import annotations

from pathlib import Path

import pytest

LABELS = Path(__file__).resolve().parents[2] / "data" / "realnews" / "profiles.jsonl"
RANKING = LABELS.with_name("ranking.jsonl")
FLOORS = {
    "role_accuracy": 0.83,
    "frame": 0.83,
    "solutions": 0.77,
    "evidence": 0.76,
    "spearman": 0.70,
}


@pytest.fixture(scope="module")
def report():
    from framing.evaluate.profile import evaluate_profiles, load_articles, load_ranking
    from framing.evaluate.profile_cli import default_texts, split_of
    from framing.profile import Profiler

    texts = default_texts()
    if not texts.exists():
        pytest.skip(
            f"{texts} is not built: run `python scripts/corpus.py build` "
            "(tests/data/realnews/README.md)"
        )
    arts = [a for a in load_articles(LABELS, texts) if split_of(a.id) == "dev"]
    return evaluate_profiles(arts, Profiler(), load_ranking(RANKING))


def test_role_accuracy_floor_on_realnews_dev(report):
    assert report.system.correct >= 1200
    assert report.system.role_accuracy >= FLOORS["role_accuracy"]
    assert report.system.role_accuracy > report.baseline.role_accuracy


@pytest.mark.parametrize("name", ["frame", "solutions", "evidence"])
def test_classifier_floors_on_realnews_dev(report, name):
    got = getattr(report, name)
    assert got["macro_f1"] >= FLOORS[name], f"{name} macro F1 {got['macro_f1']}"
    assert got["macro_f1"] > got["baseline_macro_f1"]


def test_score_agrees_with_the_human_ranking(report):
    assert report.ranking is not None
    assert report.ranking["spearman"] >= FLOORS["spearman"]
