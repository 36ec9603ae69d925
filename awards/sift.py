"""The sift and the panel's decisions: overriding an ineligible nomination,
moving between longlist, shortlist and declined, and the final decision."""

from __future__ import annotations

from awards import rules
from awards.common import load_nomination, log_change, need_reason, need_who
from awards.errors import AwardsError
from awards.model import Nomination
from storage.awards import nominations as nomination_store
from storage.db import Database


def override_eligibility(db: Database, nomination_id: int, reason: str, *, who: str) -> Nomination:
    """Accept an ineligible nomination anyway; the reasons stay on record."""
    who, reason = need_who(who), need_reason(reason, f"overriding #{nomination_id}")
    with db.transaction() as conn:
        nom = load_nomination(conn, nomination_id)
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
        if nom.stage == to:
            raise AwardsError(f"nomination #{nomination_id} is already on the {to}")
        if to == "shortlist" and nom.eligibility == "ineligible":
            why = "; ".join(r.message for r in nom.reasons)
            raise AwardsError(
                f"nomination #{nomination_id} is ineligible ({why}); override with a reason first"
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


def decide(
    db: Database, nomination_id: int, decision: str, note: str = "", *, who: str
) -> Nomination:
    """Record the panel's final decision (winner, highly-commended, ...) for the decision log."""
    who = need_who(who)
    if decision not in rules.DECISIONS:
        raise AwardsError(
            f"nomination #{nomination_id}: unknown decision '{decision}' "
            f"(use {', '.join(d for d in rules.DECISIONS if d)})"
        )
    with db.transaction() as conn:
        nom = load_nomination(conn, nomination_id)
        nomination_store.update(conn, nomination_id, decision=decision, decision_note=note.strip())
        log_change(
            conn,
            nom.cycle_id,
            who,
            "nomination.decide",
            "nomination",
            nomination_id,
            **{"from": nom.decision, "to": decision, "note": note.strip()},
        )
        return load_nomination(conn, nomination_id)
