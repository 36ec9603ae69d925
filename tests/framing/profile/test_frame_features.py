"""The frame's named features, the solutions and evidence detectors, and the
readable names of a decision's drivers (issue 13)."""

from __future__ import annotations

import pytest

from framing.profile.features import (
    describe_feature,
    evidence_mentions,
    features,
    solution_mentions,
)
from framing.profile.text import count_words


def _kinds(mentions):
    return [m.kind for m in mentions]


@pytest.mark.parametrize(
    "text",
    [
        "Of course, he denied perverting the course of justice.",
        "He was charged with second-degree murder after a training session.",
        "She came home from her hospital job to find the flat ransacked.",
        "The Department of Corrections and Rehabilitation named the inmate.",
        "He had not taken part in any prison rehabilitation classes.",
        "He was jailed for breaching a suspended sentence.",
        "The Today programme that morning led on the case.",
    ],
)
def test_everyday_words_and_denied_responses_are_not_solutions(text):
    assert solution_mentions(text) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("She plans to enrol in a prison education course.", "education"),
        ("The orders will help offenders keep their jobs while on curfew.", "employment"),
        ("He was given a community order with unpaid work.", "community sentence"),
        ("He must complete an unpaid work requirement.", "community sentence"),
        ("Rehabilitation works, the charity says.", "rehabilitation"),
        ("He launched a scheme to help steer teenagers from crime.", "programme"),
        ("A charity has opened a job club for people leaving prison.", "employment"),
        ("Staff help former prisoners with CVs and interviews.", "employment"),
    ],
)
def test_responses_that_work_are_found_with_their_kind(text, kind):
    assert kind in _kinds(solution_mentions(text))


def test_found_that_is_evidence_from_a_study_not_from_a_court_or_panel():
    assert evidence_mentions("The Parole Board found that he posed no risk.") == []
    assert evidence_mentions("The Court of Appeal concluded that the verdict stood.") == []
    assert "found that" in _kinds(
        evidence_mentions("The 2019 review of the scheme found that it worked.")
    )


EPISODIC = (
    "Man stabbed outside pub\n\n"
    "A man was stabbed outside a pub in Leeds yesterday. "
    "Police were called at 10.30pm on Friday. "
    "He was taken to hospital. "
    "A man, 24, was arrested and charged with assault."
)
THEMATIC = (
    "Reoffending falls by 12 per cent\n\n"
    "Reoffending by people on community sentences fell by 12 per cent, figures show. "
    "One man who was jailed at 19 said the scheme helped him. "
    "About 45% of adults released from prison reoffend within a year. "
    "The government plans to expand the programme across England and Wales. "
    "Charities say housing and jobs on release matter most."
)


def _features(text):
    n = count_words(text)
    return features(text, n, 0, len(solution_mentions(text)), len(evidence_mentions(text)))


def test_an_incidents_timeline_and_news_peg_against_proportions_and_an_opening_figure():
    ep, th = _features(EPISODIC), _features(THEMATIC)
    assert ep["times_of_day"] > 0 and th["times_of_day"] == 0
    assert ep["news_peg"] > 0 and th["news_peg"] == 0
    assert th["percentages"] > 0 and ep["percentages"] == 0
    assert th["opening_figure"] == 1.0 and ep["opening_figure"] == 0.0
    # the stabbing is told from the first sentence after the headline to the last
    assert ep["incident_spread"] > th["incident_spread"]
    assert th["solution_count"] > ep["solution_count"] == 0.0


@pytest.mark.parametrize(
    ("name", "value", "shown"),
    [
        ("term:prisons", 0.12, "mentions prisons"),
        ("percentages", 4.214, "percentages 4.2 per 1,000 words"),
        ("opening_figure", 1.0, "opens with a figure"),
        ("incident_sentences", 0.25, "25% of sentences tell an incident"),
        ("length", 6.908, "1,000 words"),
        ("solution_count", 1.386, "3 solution mentions"),
        ("years_span", 12.0, "years named span 12"),
        ("something_new", 2.0, "something_new 2"),
    ],
)
def test_a_driver_reads_as_words(name, value, shown):
    assert describe_feature(name, value) == shown
