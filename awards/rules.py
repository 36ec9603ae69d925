"""Awards domain rules: defaults, eligibility, word counts, and results maths.

No database and no UI here, so every rule can be read and tested on its own.
The defaults follow the CJA Media Awards (categories, the five judging
criteria refreshed in 2019, "maximum of 3 related items", "a citation of up
to 500 words", shortlists of about 5 per category).
"""

from __future__ import annotations

import math
import re
import statistics
from dataclasses import dataclass, field

DEFAULT_CATEGORIES: tuple[str, ...] = (
    "Outstanding Journalism",
    "Digital Media Champion",
    "Documentary",
)

# (key, label): the key is what the CLI and the score sheet CSV use.
DEFAULT_CRITERIA: tuple[tuple[str, str], ...] = (
    ("relevant", "Relevant content"),
    ("challenges", "Challenges perceptions"),
    ("crafted", "Well-crafted and responsibly sourced"),
    ("sensitive", "Safe and sensitive"),
    ("impact", "Reach and impact"),
)
DEFAULT_SCALE = (1, 5)
DEFAULT_MAX_ITEMS = 3
DEFAULT_MAX_CITATION_WORDS = 500
DEFAULT_SHORTLIST_TARGET = 5
# One winner per category; up to this many highly commended (a cycle setting).
DEFAULT_HIGHLY_COMMENDED_MAX = 2

STAGES = ("longlist", "shortlist", "declined")
ELIGIBILITY = ("eligible", "ineligible", "overridden")
# Eligibility that lets an entry stand on the shortlist: met the rules, or was
# accepted anyway with a recorded reason ("awards override").
STANDING = ("eligible", "overridden")
DECISIONS = ("", "winner", "highly-commended", "shortlisted", "not-placed")
# How a decision reads in a sentence ("#5 is the winner of ...").
DECISION_LABELS = {
    "winner": "winner",
    "highly-commended": "highly commended",
    "shortlisted": "shortlisted (not placed)",
    "not-placed": "not placed",
}

# Judges "disagree strongly" on a nomination when the range of their totals is
# at least this share of the possible span of a total (criteria x (max - min)).
# With 5 criteria on 1-5 the span is 20, so a range of 8 or more is flagged:
# e.g. one judge gives 4s across the board (20), another 2s (10 -> range 10).
DISAGREEMENT_RANGE_SHARE = 0.40
# Per-judge z-scores need enough of that judge's sheets to estimate their own
# mean and spread; below this a judge's scores are left out of the normalised
# mean (the raw mean always includes them).
MIN_SHEETS_FOR_NORMALISATION = 3


def moved_to(stage: str) -> str:
    """How a move reads after "#5 ...": "moved to the shortlist", "declined"."""
    return "declined" if stage == "declined" else f"moved to the {stage}"


def judged(stage: str, eligibility: str) -> bool:
    """The one rule for what the panel judges: an entry is scored, ranked,
    counted in judging progress and can receive a decision only when it is
    shortlisted AND eligible (or overridden with a reason).

    Shortlisting already refuses an ineligible entry, but eligibility can
    change after it (a cycle edit narrows the window, a recategorisation
    brings an earlier item over the limit), so every reader asks this rule
    rather than trusting the stage alone.
    """
    return stage == "shortlist" and eligibility in STANDING


def ineligible_refusal(nomination_id: int, stage: str, reasons: str, doing: str) -> str:
    """The one-line refusal for an entry that :func:`judged` rejects because
    it is ineligible without an override; ``doing`` completes "only
    shortlisted entries ..." ("are judged", "receive a decision").

    Ineligibility is named first, whatever the stage: it is what the
    coordinator must resolve before anything else helps.
    """
    where = (
        "though on the shortlist"
        if stage == "shortlist"
        else ("and declined" if stage == "declined" else f"and on the {stage}, not shortlisted")
    )
    why = f" ({reasons})" if reasons else ""
    return (
        f"#{nomination_id} is ineligible{why} {where}: only shortlisted entries {doing}, "
        f"and only while eligible or overridden ('framewatch awards override {nomination_id} "
        "--reason REASON' accepts it anyway)"
    )


def count_words(text: str) -> int:
    """Words as a reader counts them: runs of non-space characters."""
    return len(text.split())


def slug(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")


@dataclass(frozen=True)
class Reason:
    """Why a nomination is not (yet) eligible: a stable code and a sentence."""

    code: str  # unknown_category|outside_window|no_date|item_limit|citation_length|no_citation|duplicate_url
    message: str

    def to_json(self) -> dict:
        return {"code": self.code, "message": self.message}


@dataclass(frozen=True)
class CycleRules:
    categories: tuple[str, ...]
    window_start: str  # YYYY-MM-DD inclusive
    window_end: str  # YYYY-MM-DD inclusive
    max_items: int = DEFAULT_MAX_ITEMS
    max_citation_words: int = DEFAULT_MAX_CITATION_WORDS


def normalise_name(name: str) -> str:
    return " ".join(name.lower().split())


def nominees(journalists, outlet: str) -> tuple[str, ...]:
    """Who a nomination counts against: its journalists, else its outlet."""
    return tuple(journalists) or ((outlet,) if outlet else ())


def count_item(items_so_far: dict[str, int], names) -> None:
    """One more item against each of ``names`` (as eligibility_reasons reads them)."""
    for name in names:
        key = normalise_name(name)
        if key:
            items_so_far[key] = items_so_far.get(key, 0) + 1


def eligibility_reasons(
    rules: CycleRules,
    *,
    category: str,
    published_on: str | None,
    nominees: tuple[str, ...],
    citation: str,
    items_so_far: dict[str, int],
    duplicate_of: int | None = None,
) -> list[Reason]:
    """Every rule the nomination breaks, in a fixed order; empty means eligible.

    ``items_so_far`` maps a normalised nominee name to the number of items that
    already count against that nominee in this cycle (ineligible ones don't).
    """
    reasons: list[Reason] = []
    if category not in rules.categories:
        reasons.append(
            Reason(
                "unknown_category",
                f"category '{category}' is not one of: {', '.join(rules.categories)}",
            )
        )
    if not published_on:
        reasons.append(
            Reason("no_date", "no publication date, so the eligibility window cannot be checked")
        )
    elif not (rules.window_start <= published_on[:10] <= rules.window_end):
        reasons.append(
            Reason(
                "outside_window",
                f"published {published_on[:10]}, outside the eligibility window "
                f"{rules.window_start} to {rules.window_end}",
            )
        )
    for nominee in nominees:
        already = items_so_far.get(normalise_name(nominee), 0)
        if already >= rules.max_items:
            reasons.append(
                Reason(
                    "item_limit",
                    f"'{nominee}' already has {already} items in this cycle; the limit is "
                    f"{rules.max_items} (this would be item {already + 1})",
                )
            )
    words = count_words(citation)
    if words == 0:
        reasons.append(Reason("no_citation", "the citation is empty"))
    elif words > rules.max_citation_words:
        reasons.append(
            Reason(
                "citation_length",
                f"citation has {words} words; the limit is {rules.max_citation_words}",
            )
        )
    if duplicate_of is not None:
        reasons.append(
            Reason("duplicate_url", f"the same URL is already nominated as #{duplicate_of}")
        )
    return reasons


# --- results -----------------------------------------------------------------


@dataclass(frozen=True)
class Sheet:
    """One judge's scores for one nomination."""

    judge: str
    nomination_id: int
    scores: dict[str, int]
    recused: bool = False

    def complete(self, criteria: tuple[str, ...]) -> bool:
        return all(k in self.scores for k in criteria)

    def total(self) -> int:
        return sum(self.scores.values())


@dataclass(frozen=True)
class Result:
    nomination_id: int
    n_judges: int  # completed, non-recused sheets counted
    mean: float | None  # mean of judges' totals
    low: int | None
    high: int | None
    spread: int | None  # high - low
    sd: float | None  # sample standard deviation of totals (None below 2 judges)
    disagreement: bool
    normalised: float | None = (
        None  # on the raw scale; None unless normalisation asked and possible
    )
    n_normalised: int = 0  # judges whose z-scores went into ``normalised``
    recused: tuple[str, ...] = ()
    incomplete: tuple[str, ...] = ()  # judges who started but have not scored every criterion
    criterion_means: dict[str, float] = field(default_factory=dict)


def total_span(n_criteria: int, scale: tuple[int, int]) -> int:
    return n_criteria * (scale[1] - scale[0])


def disagreement_threshold(n_criteria: int, scale: tuple[int, int]) -> float:
    return DISAGREEMENT_RANGE_SHARE * total_span(n_criteria, scale)


def judge_zscores(sheets: list[Sheet], criteria: tuple[str, ...]) -> dict[tuple[str, int], float]:
    """z-score of each counted sheet's total against that judge's own totals.

    Only judges with at least MIN_SHEETS_FOR_NORMALISATION counted sheets get
    z-scores.  A judge who gives every nomination the same total has sd 0: all
    their z-scores are 0 (they express no preference), not a division by zero.
    The population sd is used because the judge's sheets are all of their
    scores, not a sample of them.
    """
    by_judge: dict[str, list[Sheet]] = {}
    for s in sheets:
        if not s.recused and s.complete(criteria):
            by_judge.setdefault(s.judge, []).append(s)
    out: dict[tuple[str, int], float] = {}
    for judge, own in by_judge.items():
        if len(own) < MIN_SHEETS_FOR_NORMALISATION:
            continue
        totals = [s.total() for s in own]
        mu = statistics.fmean(totals)
        sd = statistics.pstdev(totals)
        for s in own:
            out[(judge, s.nomination_id)] = 0.0 if sd == 0 else (s.total() - mu) / sd
    return out


def compute_results(
    nomination_ids: list[int],
    sheets: list[Sheet],
    criteria: tuple[str, ...],
    scale: tuple[int, int],
    *,
    normalise: bool = False,
) -> dict[int, Result]:
    """Results per nomination from every sheet in the cycle.

    A sheet counts only when complete (every criterion scored) and its judge
    has not recused.  The normalised figure (Evalato's method) is the mean of
    the judges' z-scores, rescaled linearly onto the range of the raw means of
    ``nomination_ids`` so it reads on the same scale as the raw mean.
    """
    threshold = disagreement_threshold(len(criteria), scale)
    z = judge_zscores(sheets, criteria) if normalise else {}
    raw: dict[int, Result] = {}
    zmeans: dict[int, tuple[float, int]] = {}
    for nid in nomination_ids:
        mine = [s for s in sheets if s.nomination_id == nid]
        counted = [s for s in mine if not s.recused and s.complete(criteria)]
        totals = [s.total() for s in counted]
        recused = tuple(sorted(s.judge for s in mine if s.recused))
        incomplete = tuple(
            sorted(s.judge for s in mine if not s.recused and not s.complete(criteria))
        )
        if totals:
            low, high = min(totals), max(totals)
            sd = statistics.stdev(totals) if len(totals) >= 2 else None
            crit = {k: statistics.fmean(s.scores[k] for s in counted) for k in criteria}
            res = Result(
                nid,
                len(totals),
                statistics.fmean(totals),
                low,
                high,
                high - low,
                sd,
                len(totals) >= 2 and (high - low) >= threshold,
                recused=recused,
                incomplete=incomplete,
                criterion_means=crit,
            )
        else:
            res = Result(
                nid, 0, None, None, None, None, None, False, recused=recused, incomplete=incomplete
            )
        raw[nid] = res
        zs = [z[(s.judge, nid)] for s in counted if (s.judge, nid) in z]
        if zs:
            zmeans[nid] = (statistics.fmean(zs), len(zs))
    if not zmeans:
        return raw
    raw_means = [raw[n].mean for n in zmeans if raw[n].mean is not None]
    lo_raw, hi_raw = min(raw_means), max(raw_means)
    lo_z = min(v for v, _ in zmeans.values())
    hi_z = max(v for v, _ in zmeans.values())
    out = dict(raw)
    for nid, (zm, n) in zmeans.items():
        if math.isclose(hi_z, lo_z):
            value = statistics.fmean(raw_means)
        else:
            value = lo_raw + (zm - lo_z) / (hi_z - lo_z) * (hi_raw - lo_raw)
        r = raw[nid]
        out[nid] = Result(**{**r.__dict__, "normalised": value, "n_normalised": n})
    return out
