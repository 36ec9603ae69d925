"""The real engine against the annotated sets: the accuracy floors.

devset is what the engine is tuned on; heldout is never looked at by the
engine's authors and measures generalisation.  The floors sit just under
today's figures, as counts of items rather than a loose F1, so a change that
adds a handful of false flags or misses fails here, not only one that wrecks
the engine.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from framing.evaluate.baseline import NaiveBaseline
from framing.evaluate.dataset import load_dataset
from framing.evaluate.scoring import evaluate

DATA = Path(__file__).resolve().parents[2] / "data"


@dataclass(frozen=True)
class Measured:
    """One set's figures as last measured, and the limits they imply."""

    items: int
    positives: int  # FLAG + QUOTED occurrences
    false_flags: int
    misses: int
    quote_mismatches: int  # true flags whose quoted / own-voice marking is wrong
    naive_false_flags: int  # the whole-word list (--baseline naive) on the same set, for the record
    # share of the word list's false flags the engine's context rules must avoid:
    # the engine's reason to exist, so set well below today's and left alone
    min_false_flags_avoided: float

    @property
    def max_false_flags(self) -> int:
        return self.false_flags + SLACK

    @property
    def max_misses(self) -> int:
        return self.misses + SLACK

    @property
    def max_quote_mismatches(self) -> int:
        return self.quote_mismatches + SLACK

    @property
    def min_f1(self) -> float:
        """F1 with the limits all reached at once."""
        tp = self.positives - self.max_misses
        precision, recall = tp / (tp + self.max_false_flags), tp / self.positives
        return 2 * precision * recall / (precision + recall)


# Items a harmless change may add to any one count (a rule tweak, a new entry).
SLACK = 2

# THE PLACE TO UPDATE when the engine or a set legitimately changes (issues 10 and
# 11 will): re-measure with
#     framewatch eval tests/data/devset.jsonl --json
#     framewatch eval tests/data/devset.jsonl --baseline naive --json
# (and the same for heldout, reading only its totals), then replace the figures
# below in the commit that moved them, saying why in its message.  Never loosen
# SLACK instead.  Measured at commit 9b054d4 (issue 11's engine, devset labels
# corrected to the policy's hard cases; en_core_web_sm 3.8.0):
#   devset  F1 0.9964 (tp 683), quotes 682/683; heldout F1 0.9611 (tp 136), 136/136.
# For scale: removing the mentions exemption (policy 5) gives 67 and 21 false flags;
# disabling official names gives 6 on devset; not letting an unclosed quotation run to
# its paragraph's end gives 10 and 3 wrong quote markings.
MEASURED = {
    "devset": Measured(
        items=1210,
        positives=685,
        false_flags=3,
        misses=3,
        quote_mismatches=1,
        naive_false_flags=511,
        min_false_flags_avoided=0.99,
    ),
    "heldout": Measured(
        items=257,
        positives=138,
        false_flags=5,
        misses=2,
        quote_mismatches=0,
        naive_false_flags=107,
        min_false_flags_avoided=0.91,
    ),
}


# The real-news set (issue 11): whole published articles labelled blind by
# another engineer; the texts are rebuilt outside the repository
# (tests/data/realnews/README.md), so these floors skip, naming the commands,
# where they are not built.  DEV (sha256(id) % 5 != 0) is what the engine is
# tuned on; TEST is read only as totals, like heldout.  Measured at accengine
# 89f2002 (issue 11, real-news fixes), labels of tests/data/realnews/labels.jsonl
# as merged on main at 19:10 UTC:
#   realnews-dev   P 0.948 R 0.966 F1 0.957 (tp 1671), quotes 1660/1671
#                  (main at 64e6ba8, before them: P 0.916 R 0.950, 151 false flags);
#   realnews-test  P 0.965 R 0.935 F1 0.949 (tp 300), quotes 300/300
#                  (64e6ba8: P 0.949 R 0.928);
#   naive baseline: 829 and 208 false flags.
# Re-measured after accengine2 (issue 11: captives, fabricated groups, nature
# stories, non-drug addiction, predicted outcomes and relabellings, casting frames):
#   realnews-dev   P 0.974 R 0.966 F1 0.970 (tp 1671), quotes 1660/1671, 45 false flags;
#   realnews-test  P 0.968 R 0.931 F1 0.949 (tp 299), quotes 299/299, 10 false flags;
#   devset P 0.996 R 0.996 (3 false flags, 3 misses); heldout P 0.951 R 0.986 (7, 2).
# Re-measured after deskacc (nicknames and slogans, people lists, compound
# heads, fiction for characters only, drug-trade modifiers, dealers in a
# justice sentence, sport offenders, captives, subjects out of their phrase):
#   realnews-dev   P 0.979 R 0.988 F1 0.983 (tp 1708), quotes 1699/1708, 37 false flags;
#   realnews-test  P 0.965 R 0.931 F1 0.948 (tp 299), quotes 299/299, 11 false flags
#                  (read for the report only; its figures below are left as they were);
#   devset P 0.996 R 0.996 (3, 3); heldout P 0.971 R 0.986 (4, 2).
# The counts below sit one over those, so a merge of other work has room.
MEASURED_REALNEWS = {
    "realnews-dev": Measured(
        items=415,
        positives=1729,
        false_flags=38,
        misses=22,
        quote_mismatches=10,
        naive_false_flags=829,
        min_false_flags_avoided=0.93,
    ),
    "realnews-test": Measured(
        items=91,
        positives=321,
        false_flags=10,
        misses=22,
        quote_mismatches=0,
        naive_false_flags=208,
        min_false_flags_avoided=0.94,
    ),
}
MEASURED.update(MEASURED_REALNEWS)

# The desk stream (tests/data/desk/README.md): a week of one outlet's feeds
# (Mail Online, 2020-09-01..07, 5,146 articles), labelled blind; development
# data, rebuilt outside the repository like realnews.  Measured on main 0e029d8:
#   desk  P 0.864 R 0.922 F1 0.892 (tp 864), quotes 858/864, 136 false flags;
#   naive baseline 1,665 false flags.
# Re-measured after deskfp (literal animals, adjective complements, captivity
# idioms, pretences, charge wording, titles before "hitmaker", labels painted
# and falsely alleged; DEV, devset and the rewrite set unchanged):
#   desk  P 0.916 R 0.922 F1 0.919 (tp 864), quotes 858/864, 79 false flags.
# Re-measured after deskacc:
#   desk  P 0.946 R 0.970 F1 0.958 (tp 909), quotes 905/909, 52 false flags, 28 misses
#   (the counts below one over those).
MEASURED["desk"] = Measured(
    items=5146,
    positives=937,
    false_flags=53,
    misses=29,
    quote_mismatches=5,
    naive_false_flags=1665,
    min_false_flags_avoided=0.92,
)


def _realnews(name: str, build: str = "", readme: str = "realnews") -> Path:
    out = Path(os.environ.get("FRAMEWATCH_CORPORA") or Path.home() / ".cache/framewatch-corpora")
    path = out / f"{name}.jsonl"
    if not path.exists():
        pytest.skip(
            f"{path} is not built: run `python scripts/corpus.py {build}build` then "
            f"`python scripts/corpus.py {build}merge` (tests/data/{readme}/README.md)"
        )
    return path


@pytest.fixture(scope="module")
def engine():
    from framing import Engine

    return Engine()


def _summary(name, report, baseline):
    o, b = report.overall, baseline.overall
    qa = report.quote_agreement
    return (
        f"\n{name}: engine P={o.precision:.3f} R={o.recall:.3f} F1={o.f1:.3f} "
        f"quote agreement={qa if qa is None else round(qa, 3)} "
        f"(misses {o.fn}, false flags {o.fp}); "
        f"naive baseline P={b.precision:.3f} R={b.recall:.3f} F1={b.f1:.3f} "
        f"(false flags {b.fp})"
    )


def _errors(report, n=15):
    lines = [f"  miss  {m.item} {m.entry}: {m.snippet}" for m in report.misses[:n]]
    lines += [f"  false {f.item} {f.entry}: {f.snippet}" for f in report.false_flags[:n]]
    lines += [f"  quote {q.item} {q.entry}: {q.snippet}" for q in report.quote_mismatches[:n]]
    return "\n".join(lines)


def _check(name: str, data, report, baseline, detail: str = "") -> None:
    m = MEASURED[name]
    o, b = report.overall, baseline.overall
    positives = sum(occ.positive for occ in data.occurrences)
    assert (len(data.items), positives) == (m.items, m.positives), (
        f"{name} changed ({len(data.items)} items, {positives} positives): "
        "re-measure and update MEASURED"
    )
    problems = []
    if o.fp > m.max_false_flags:
        problems.append(f"{o.fp} false flags (at most {m.max_false_flags})")
    if o.fn > m.max_misses:
        problems.append(f"{o.fn} misses (at most {m.max_misses})")
    mismatched = report.quote_total - report.quote_matches
    if report.quote_total == 0 or mismatched > m.max_quote_mismatches:
        problems.append(
            f"{mismatched} of {report.quote_total} quoted/own-voice markings wrong "
            f"(at most {m.max_quote_mismatches})"
        )
    if o.f1 is None or o.f1 < m.min_f1:
        problems.append(f"F1 {o.f1} (at least {m.min_f1:.4f})")
    # the comparison that gives context handling its point: a word list's noise
    avoided = 1 - o.fp / b.fp if b.fp else 0.0
    if avoided < m.min_false_flags_avoided:
        problems.append(
            f"avoids {avoided:.1%} of the naive word list's {b.fp} false flags "
            f"(at least {m.min_false_flags_avoided:.0%})"
        )
    assert not problems, f"{name}: " + "; ".join(problems) + detail


def test_engine_accuracy_floor_on_devset(engine):
    data = load_dataset(DATA / "devset.jsonl")
    report = evaluate(engine, data)
    baseline = evaluate(NaiveBaseline(), data)
    print(_summary("devset", report, baseline))
    _check("devset", data, report, baseline, "\n" + _errors(report))


def test_engine_accuracy_floor_on_heldout(engine):
    data = load_dataset(DATA / "heldout.jsonl")
    report = evaluate(engine, data)
    baseline = evaluate(NaiveBaseline(), data)
    print(_summary("heldout", report, baseline))
    # no error listing here: heldout contents stay out of the engine authors' sight
    _check("heldout", data, report, baseline)


@pytest.mark.slow
def test_engine_accuracy_floor_on_realnews_dev(engine):
    data = load_dataset(_realnews("realnews-dev"))
    report = evaluate(engine, data)
    baseline = evaluate(NaiveBaseline(), data)
    print(_summary("realnews-dev", report, baseline))
    _check("realnews-dev", data, report, baseline, "\n" + _errors(report))


@pytest.mark.slow
def test_engine_accuracy_floor_on_realnews_test(engine):
    data = load_dataset(_realnews("realnews-test"))
    report = evaluate(engine, data)
    baseline = evaluate(NaiveBaseline(), data)
    print(_summary("realnews-test", report, baseline))
    # no error listing: TEST is not for tuning (issue 11)
    _check("realnews-test", data, report, baseline)


@pytest.mark.slow
def test_engine_accuracy_floor_on_desk_stream(engine):
    data = load_dataset(_realnews("desk", build="--set desk ", readme="desk"))
    report = evaluate(engine, data)
    baseline = evaluate(NaiveBaseline(), data)
    print(_summary("desk", report, baseline))
    _check("desk", data, report, baseline, "\n" + _errors(report))
