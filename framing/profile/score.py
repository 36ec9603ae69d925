"""The 0-100 constructive score: a sum of parts, each with its reason.

The parts follow the framing research the issue cites (FrameWorks
Institute and Transform Justice, the Sentencing Project, Solutions
Journalism Network): context over a single incident, voices beyond the
officials, what works, evidence, and language.  The weights are a
trainer's judgement written down here, not learned, so a coordinator can
read why an article scored what it did.
"""

from __future__ import annotations

from framing.profile.model import OFFICIAL_ROLES, ROLE_LABELS, Decision, Language, ScorePart, Voice
from framing.profile.roles import ACCUSED

FRAME_POINTS = 25
LIVED_POINTS = 20
OTHER_VOICES_POINTS = 10
BALANCE_POINTS = 10
SOLUTIONS_POINTS = 15
EVIDENCE_POINTS = 10
LANGUAGE_POINTS = 10
_PENALTY = {"high": 3.0, "medium": 1.5, "low": 0.5}  # per flag per 1,000 words, own voice
HEADLINE_PENALTY = 3


def score(
    frame: Decision,
    voices: tuple[Voice, ...],
    solutions: Decision,
    evidence: Decision,
    language: Language,
    own_voice_by_severity: dict[str, float],
) -> tuple[int, tuple[ScorePart, ...]]:
    parts: list[ScorePart] = []
    p = round(FRAME_POINTS * frame.probability)
    parts.append(
        ScorePart(
            "frame",
            p,
            FRAME_POINTS,
            f"{frame.label} (probability thematic {frame.probability:.2f})",
        )
    )
    roles = {v.role for v in voices}
    # a defendant answering a charge is a lived-experience voice by role (the
    # labelling guide), but the point for amplifying goes to people speaking of
    # their experience of the system (served time, in recovery, a prisoner's
    # family): counting the accused in court reports put episodic pieces above
    # constructive ones in the DEV ranking
    lived = sum(1 for v in voices if v.role == "lived_experience" and ACCUSED not in v.cue)
    accused = sum(1 for v in voices if v.role == "lived_experience" and ACCUSED in v.cue)
    parts.append(
        ScorePart(
            "lived experience",
            LIVED_POINTS if lived else 0,
            LIVED_POINTS,
            f"{lived} quotation(s) from people with lived experience"
            if lived
            else "no voice of lived experience"
            + (f" ({accused} from people accused, answering the case)" if accused else ""),
        )
    )
    other = sorted(r for r in roles if r in ("charities", "research", "victims"))
    p = min(OTHER_VOICES_POINTS, 5 * len(other))
    parts.append(
        ScorePart(
            "other voices",
            p,
            OTHER_VOICES_POINTS,
            "voices of " + ", ".join(ROLE_LABELS[r] for r in other)
            if other
            else "no charity, research or victim voice",
        )
    )
    named = [v for v in voices if v.role != "other" or v.speaker]
    official = sum(1 for v in named if v.role in OFFICIAL_ROLES)
    if named:
        share = 1 - official / len(named)
        p = round(BALANCE_POINTS * share)
        reason = f"{len(named) - official} of {len(named)} quotations from beyond police, courts, government and prisons"
    else:
        p, reason = 0, "no quotations"
    parts.append(ScorePart("balance of voices", p, BALANCE_POINTS, reason))
    parts.append(
        ScorePart(
            "solutions",
            round(SOLUTIONS_POINTS * solutions.probability),
            SOLUTIONS_POINTS,
            f"responses that work: {solutions.label} (probability {solutions.probability:.2f})",
        )
    )
    parts.append(
        ScorePart(
            "evidence",
            round(EVIDENCE_POINTS * evidence.probability),
            EVIDENCE_POINTS,
            f"evidence: {evidence.label} (probability {evidence.probability:.2f})",
        )
    )
    penalty = sum(_PENALTY.get(s, 1.0) * r for s, r in own_voice_by_severity.items())
    penalty += HEADLINE_PENALTY * language.headline_flags
    p = max(0, round(LANGUAGE_POINTS - penalty))
    rates = (
        ", ".join(f"{s} {r:.1f}/1k" for s, r in own_voice_by_severity.items() if r)
        or "no flags in the writer's own words"
    )
    head = f"; {language.headline_flags} headline flag(s)" if language.headline_flags else ""
    parts.append(ScorePart("language", p, LANGUAGE_POINTS, rates + head))
    return sum(x.points for x in parts), tuple(parts)
