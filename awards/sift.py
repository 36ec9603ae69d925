"""The sift and the panel's decisions: overriding an ineligible nomination,
moving between longlist, shortlist and declined, moving a nomination to
another category, and the final decision.

The stages are enforced here: only a shortlisted entry that is eligible
or overridden (:func:`awards.rules.judged`), in one of the cycle's
categories, can receive a decision; a category has one winner and
at most the cycle's number of highly commended; an entry with a decision
stays on the shortlist until the decision is cleared.  Each refusal is one
line naming the rule.
"""

from __future__ import annotations

from awards import rules
from awards.common import (
    did_you_mean,
    load_nomination,
    log_change,
    need_reason,
    need_who,
    resolve_category,
    writable_cycle,
)
from awards.cycles import reassess
from awards.errors import AwardsError
from awards.model import Cycle, Nomination
from storage.awards import nominations as nomination_store
from storage.db import Connection, Database

CLEAR = ("none", "clear")  # what a user types to clear a decision


def override_eligibility(db: Database, nomination_id: int, reason: str, *, who: str) -> Nomination:
    """Accept an ineligible nomination anyway; the reasons stay on record."""
    who, reason = need_who(who), need_reason(reason, f"overriding #{nomination_id}")
    with db.transaction() as conn:
        nom = load_nomination(conn, nomination_id)
        writable_cycle(conn, nom.cycle_id)
        if nom.eligibility != "ineligible":
            raise AwardsError(
                f"nomination #{nomination_id} is {nom.eligibility}; nothing to override"
            )
        nomination_store.update(
            conn, nomination_id, eligibility="overridden", override_reason=reason
        )
        log_change(
            conn,
            nom.cycle_id,
            who,
            "nomination.override",
            "nomination",
            nomination_id,
            reason=reason,
            reasons=[r.code for r in nom.reasons],
        )
        return load_nomination(conn, nomination_id)


def _known_category(cycle: Cycle, nom: Nomination, doing: str) -> None:
    """A nomination left in a category the cycle no longer has (made before
    categories were checked) must be moved before it goes further."""
    if nom.category not in cycle.categories:
        raise AwardsError(
            f"#{nom.id} is in '{nom.category}', not a category of {cycle.name}"
            f"{did_you_mean(nom.category, cycle.categories)}: move it first "
            f"('framewatch awards recategorise {nom.id} CATEGORY') before {doing}"
        )


def move(db: Database, nomination_id: int, to: str, reason: str = "", *, who: str) -> Nomination:
    """Move between longlist, shortlist and declined; declining needs a reason."""
    who = need_who(who)
    if to not in rules.STAGES:
        raise AwardsError(
            f"nomination #{nomination_id}: unknown list '{to}' (use {', '.join(rules.STAGES)})"
        )
    if to == "declined":
        reason = need_reason(reason, f"declining #{nomination_id}")
    with db.transaction() as conn:
        nom = load_nomination(conn, nomination_id)
        cycle = writable_cycle(conn, nom.cycle_id)
        if nom.stage == to:
            raise AwardsError(f"nomination #{nomination_id} is already on the {to}")
        if to == "shortlist" and nom.eligibility == "ineligible":
            why = "; ".join(r.message for r in nom.reasons)
            raise AwardsError(
                f"nomination #{nomination_id} is ineligible ({why}); override with a reason first"
            )
        if to == "shortlist":
            _known_category(cycle, nom, "shortlisting it")
        if nom.decision and nom.stage == "shortlist":
            raise AwardsError(
                f"#{nomination_id} has the decision '{nom.decision}', so it stays on the "
                f"shortlist: clear the decision first ('framewatch awards decide "
                f"{nomination_id} none')"
            )
        nomination_store.update(conn, nomination_id, stage=to, stage_reason=(reason or "").strip())
        log_change(
            conn,
            nom.cycle_id,
            who,
            "nomination.move",
            "nomination",
            nomination_id,
            **{"from": nom.stage, "to": to, "reason": (reason or "").strip()},
        )
        return load_nomination(conn, nomination_id)


def recategorise(db: Database, nomination_id: int, category: str, *, who: str) -> Nomination:
    """Move a nomination to another of its cycle's categories (it keeps its
    list and score sheets); every nomination's eligibility is judged again."""
    who = need_who(who)
    with db.transaction() as conn:
        nom = load_nomination(conn, nomination_id)
        cycle = writable_cycle(conn, nom.cycle_id)
        to = resolve_category(cycle, category)
        if to == nom.category:
            raise AwardsError(f"#{nomination_id} is already in {to}")
        if nom.decision:
            raise AwardsError(
                f"#{nomination_id} has the decision '{nom.decision}' in {nom.category}: "
                f"clear it first ('framewatch awards decide {nomination_id} none')"
            )
        nomination_store.update(conn, nomination_id, category=to)
        log_change(
            conn,
            nom.cycle_id,
            who,
            "nomination.recategorise",
            "nomination",
            nomination_id,
            **{"from": nom.category, "to": to},
        )
        reassess(conn, cycle, who)
        return load_nomination(conn, nomination_id)


def _check_decision(conn: Connection, cycle: Cycle, nom: Nomination, decision: str) -> None:
    """The stage rules a decision must meet; AwardsError naming the one broken."""
    if nom.eligibility not in rules.STANDING:  # rules.judged: ineligibility first
        raise AwardsError(
            rules.ineligible_refusal(nom.id, nom.stage, nom.reasons_text, "receive a decision")
        )
    _known_category(cycle, nom, "a decision")
    if nom.stage != "shortlist":
        where = "declined" if nom.stage == "declined" else f"on the {nom.stage}"
        raise AwardsError(
            f"#{nom.id} is {where}, not shortlisted: only shortlisted entries receive a decision"
        )
    others = [
        r
        for r in nomination_store.with_decision(conn, cycle.id, nom.category, decision)
        if r.id != nom.id
    ]
    if decision == "winner" and others:
        first = others[0]
        raise AwardsError(
            f"{nom.category} already has a winner (#{first.id} {first.title}): one winner per "
            f"category; clear that decision first ('framewatch awards decide {first.id} none')"
        )
    limit = cycle.highly_commended_max
    if decision == "highly-commended" and len(others) >= limit:
        held = (
            f"already has {len(others)} highly commended ({', '.join(f'#{r.id}' for r in others)})"
        )
        raise AwardsError(
            f"{nom.category} {held if others else 'can have none highly commended'}: "
            f"the limit in {cycle.name} is {limit} per category "
            "('framewatch awards cycle edit --highly-commended N' changes it)"
        )


def decide(
    db: Database, nomination_id: int, decision: str, note: str = "", *, who: str
) -> Nomination:
    """Record the panel's final decision (winner, highly-commended, ...) for
    the decision log; ``none`` clears it.  See the module docstring for the rules."""
    who = need_who(who)
    decision = "" if decision.strip().lower() in CLEAR else decision.strip().lower()
    if decision not in rules.DECISIONS:
        raise AwardsError(
            f"nomination #{nomination_id}: unknown decision '{decision}' "
            f"(use {', '.join(d for d in rules.DECISIONS if d)}, or none to clear it)"
        )
    with db.transaction() as conn:
        nom = load_nomination(conn, nomination_id)
        cycle = writable_cycle(conn, nom.cycle_id)
        if decision:
            _check_decision(conn, cycle, nom, decision)
        elif not nom.decision:
            raise AwardsError(f"#{nomination_id} has no decision to clear")
        nomination_store.update(conn, nomination_id, decision=decision, decision_note=note.strip())
        log_change(
            conn,
            nom.cycle_id,
            who,
            "nomination.decide",
            "nomination",
            nomination_id,
            **{
                "from": nom.decision,
                "to": decision,
                "note": note.strip(),
                "category": nom.category,
                "stage": rules.DECISION_LABELS.get(decision, "no decision"),
            },
        )
        return load_nomination(conn, nomination_id)
