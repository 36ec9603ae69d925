"""learning.model on flags the real engine finds in real sentences, described
as the review describes them: how many consistent dismissals it takes to fold
a pattern at the default threshold, and that accepted flags of the same
pattern (counter-examples) keep it shown (issue 14)."""

from __future__ import annotations

from learning.model import Example, Repeats, train

from ..tui.conftest import engine  # noqa: F401 - the shared real engine

THRESHOLD = 0.95  # LearningSettings' default
SPORT = "Savage scored twice for United on Saturday."
NEWS = "The offender was jailed for six years."


def described(eng, text: str, outlet: str, url: str) -> list[dict]:
    from framing.features import describe_flag

    flags = eng.check(text)
    assert flags, f"the engine no longer flags {text!r}: pick another sentence"
    return [describe_flag(text, f, tag=eng.tag, outlet=outlet, url=url) for f in flags]


def decisions(eng, dismissed_sport: int, accepted_sport: int = 0) -> list[Example]:
    """20 court reports accepted; match reports on one sports desk dismissed
    (and some accepted), each its own article."""
    out = []
    for n in range(20):
        for f in described(eng, NEWS, "News Daily", f"https://news.example/news/crime/{n}"):
            out.append(Example(f, False, f"news-{n}"))
    for n in range(dismissed_sport + accepted_sport):
        url = f"https://sports.example/sport/football/{n}"
        for f in described(eng, SPORT, "Sports Daily", url):
            out.append(Example(f, n < dismissed_sport, f"sport-{n}"))
    return out


def new_match_report(eng) -> list[dict]:
    return described(eng, SPORT, "Sports Daily", "https://sports.example/sport/football/new")


def test_five_dismissals_do_not_fold_but_a_consistent_repeat_does(engine):  # noqa: F811
    few = train(decisions(engine, 5), threshold=THRESHOLD, min_decisions=20)
    # a sigmoid on separable scores says 1.0 here; five in five is not 95%
    assert max(few.probabilities(new_match_report(engine))) < THRESHOLD

    many = train(decisions(engine, 20), threshold=THRESHOLD, min_decisions=20)
    assert min(many.probabilities(new_match_report(engine))) >= THRESHOLD
    court = described(engine, NEWS, "News Daily", "https://news.example/news/crime/new")
    assert max(many.probabilities(court)) < 0.5


def test_counter_examples_keep_the_pattern_shown(engine):  # noqa: F811
    mixed = train(decisions(engine, 20, accepted_sport=2), threshold=THRESHOLD, min_decisions=20)
    assert max(mixed.probabilities(new_match_report(engine))) < THRESHOLD


def test_a_patterns_estimate_is_its_posterior_shrunk_to_its_entry(engine):  # noqa: F811
    data = decisions(engine, 9, accepted_sport=1)
    repeats = Repeats(data)
    flag = new_match_report(engine)[0]
    entry = flag["entry"]
    d = sum(e.dismissed for e in data if e.features["entry"] == entry)
    n = sum(1 for e in data if e.features["entry"] == entry)
    assert (d, n) == (9, 10)
    rate = (9 + 1) / (len(data) + 2)  # the database's, Laplace-smoothed
    # every pattern of this flag was decided on the same ten reports (9 of 10),
    # and the entry has no other decisions: its prior is the database's rate
    assert abs(repeats.estimate(flag) - (9 + rate) / (10 + 1)) < 1e-9
