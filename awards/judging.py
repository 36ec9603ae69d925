"""Judging: the panel, recusals (conflicts of interest), score sheets,
results and judging progress.

Only shortlisted entries are judged: scoring anything else is refused, and
results rank the shortlisted entries of each category only.  A judge's sheet
counts only when every criterion is scored, the judge has not recused and is
still on the panel (see ``awards.rules.compute_results``; a removed judge's
sheets are kept, and copied into the audit log when they are removed).
"""

from __future__ import annotations

import json
from typing import Any

from awards import rules
from awards.common import (
    did_you_mean,
    load_cycle,
    load_nomination,
    log_change,
    need_reason,
    need_who,
    writable_cycle,
)
from awards.cycles import cycle_by_id
from awards.errors import AwardsError
from awards.model import (
    Cycle,
    Judge,
    JudgeProgress,
    JudgingProgress,
    Nomination,
    Recusal,
    ResultRow,
    ScoreSheet,
    judge_from_row,
)
from awards.nominations import list_nominations
from awards.rules import Sheet
from storage.awards import judges as judge_store
from storage.awards import scores as score_store
from storage.db import Connection, Database, utcnow


def _same(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


def check_judging(team: Any, who: str, judge: str) -> None:
    """With ``[team]`` set: only the judge themselves, or the coordinator
    entering a paper sheet on their behalf, may score or recuse; and the judge
    must be one of the team's judges.  Without it nothing is checked here
    (the panel check still applies: see :func:`_on_panel`)."""
    if team is None or not team.configured:
        return
    if team.judges and not team.is_judge(judge):
        raise AwardsError(f"'{judge}' is not one of the team's judges ([team] judges)")
    if not (_same(who, judge) or team.is_coordinator(who)):
        coordinator = f" ({team.coordinator})" if team.coordinator else ""
        raise AwardsError(
            f"'{who}' may not act for judge '{judge}': only the judge or the "
            f"coordinator{coordinator} may ([team] in the config)"
        )


def check_coordinator(team: Any, who: str, what: str) -> None:
    """With ``[team] coordinator`` set, running the awards is the coordinator's."""
    if team is not None and team.coordinator and not team.is_coordinator(who):
        raise AwardsError(f"{what}: only the coordinator ({team.coordinator}) may; you are '{who}'")


def add_judge(db: Database, cycle_id: int, name: str, *, who: str, team: Any = None) -> Judge:
    """Add a judge to the panel; a judge removed earlier is reinstated (their
    kept sheets count again), which the audit log records as such."""
    who = need_who(who)
    name = " ".join(name.split())
    if not name:
        raise AwardsError("judge: a name is needed")
    check_coordinator(team, who, f"adding judge '{name}'")
    if team is not None and team.judges and not team.is_judge(name):
        raise AwardsError(f"'{name}' is not one of the team's judges ([team] judges)")
    with db.transaction() as conn:
        cycle = writable_cycle(conn, cycle_id)
        row = judge_store.by_name(conn, cycle.id, name)
        if row is not None and row.removed_at is None:
            raise AwardsError(f"judge '{row.name}' is already on the {cycle.name} panel")
        if row is not None:
            judge_store.update(conn, row.id, removed_at=None, removed_by="", removed_reason="")
            log_change(conn, cycle.id, who, "judge.reinstate", "judge", row.id, name=row.name)
            return Judge(row.id, cycle.id, row.name)
        jid = judge_store.insert(conn, cycle.id, name, at=utcnow(), by=who)
        log_change(conn, cycle.id, who, "judge.add", "judge", jid, name=name)
        return Judge(jid, cycle.id, name)


def remove_judge(
    db: Database, cycle_id: int, name: str, reason: str = "", *, who: str
) -> tuple[Judge, int]:
    """Take a judge off the panel: their scores stop counting (results and
    progress show them as removed), their rows stay, and every sheet they
    entered is copied into the audit entry.  Returns the judge and the number
    of their sheets."""
    who, reason = need_who(who), reason.strip()
    with db.transaction() as conn:
        cycle = writable_cycle(conn, cycle_id)
        judge = _on_panel(conn, cycle, name)
        sheets = score_store.of_judge(conn, judge.id)
        at = utcnow()
        judge_store.update(conn, judge.id, removed_at=at, removed_by=who, removed_reason=reason)
        log_change(
            conn,
            cycle.id,
            who,
            "judge.remove",
            "judge",
            judge.id,
            name=judge.name,
            reason=reason,
            sheets=[
                {
                    "nomination_id": s.nomination_id,
                    "title": s.title,
                    "scores": json.loads(s.scores),
                    "comment": s.comment,
                    "updated_at": s.updated_at,
                }
                for s in sheets
            ],
        )
        return Judge(judge.id, cycle.id, judge.name, at, who, reason), len(sheets)


def list_judges(db: Database, cycle_id: int, *, removed: bool = True) -> list[Judge]:
    """The panel in the order added; judges taken off it too unless ``removed=False``."""
    with db.read() as conn:
        found = [judge_from_row(r) for r in judge_store.of_cycle(conn, cycle_id)]
    return [j for j in found if removed or not j.removed]


def _on_panel(conn: Connection, cycle: Cycle, name: str) -> Judge:
    """The judge of this name (any case) still on the cycle's panel, else AwardsError."""
    row = judge_store.by_name(conn, cycle.id, name)
    if row is None:
        names = [r.name for r in judge_store.of_cycle(conn, cycle.id) if r.removed_at is None]
        raise AwardsError(
            f"'{name}' is not a judge in {cycle.name}{did_you_mean(name, names)} "
            "(add with 'awards judge add')"
        )
    if row.removed_at is not None:
        raise AwardsError(
            f"'{row.name}' was removed from the {cycle.name} panel on {row.removed_at[:10]}: "
            "their scores no longer count ('awards judge add' reinstates them)"
        )
    return judge_from_row(row)


def recuse(
    db: Database, nomination_id: int, judge: str, reason: str, *, who: str, team: Any = None
) -> Recusal:
    """A judge declares a conflict of interest; their scores there stop counting."""
    who = need_who(who)
    reason = need_reason(reason, f"recusing {judge} from #{nomination_id}")
    check_judging(team, who, judge)
    with db.transaction() as conn:
        nom = load_nomination(conn, nomination_id)
        j = _on_panel(conn, writable_cycle(conn, nom.cycle_id), judge)
        if judge_store.has_recused(conn, nomination_id, j.id):
            raise AwardsError(f"{j.name} has already recused from #{nomination_id}")
        at = utcnow()
        judge_store.insert_recusal(conn, nomination_id, j.id, reason=reason, at=at, by=who)
        log_change(
            conn,
            nom.cycle_id,
            who,
            "judge.recuse",
            "nomination",
            nomination_id,
            judge=j.name,
            reason=reason,
        )
        return Recusal(nomination_id, nom.title, j.name, reason, at, who)


def list_recusals(db: Database, cycle_id: int) -> list[Recusal]:
    with db.read() as conn:
        return [
            Recusal(r.nomination_id, r.title, r.judge, r.reason, r.at, r.by)
            for r in judge_store.recusals_of_cycle(conn, cycle_id)
        ]


def _checked_scores(cycle: Cycle, nomination_id: int, scores: dict[str, int]) -> dict[str, int]:
    """The scores as whole numbers on the cycle's scale, for its criteria; else AwardsError."""
    lo, hi = cycle.scale
    clean: dict[str, int] = {}
    for key, value in scores.items():
        if key not in cycle.criterion_keys:
            raise AwardsError(
                f"#{nomination_id}: unknown criterion '{key}' "
                f"(use {', '.join(cycle.criterion_keys)})"
            )
        try:
            n = int(value)
        except (TypeError, ValueError) as exc:
            raise AwardsError(f"#{nomination_id}: score for {key} must be a whole number") from exc
        if not lo <= n <= hi:
            raise AwardsError(
                f"#{nomination_id}: score {n} for {key} is outside the scale {lo}-{hi}"
            )
        clean[key] = n
    return clean


def _judged_stage(nom: Nomination) -> None:
    """Only shortlisted entries that are eligible or overridden are judged
    (:func:`awards.rules.judged`); the refusal says what to do instead."""
    if nom.judged:
        return
    if nom.stage == "shortlist":  # made ineligible after it was shortlisted
        raise AwardsError(
            rules.ineligible_refusal(nom.id, nom.stage, nom.reasons_text, "are judged")
        )
    if nom.eligibility == "ineligible":
        where = (
            "ineligible (declined)" if nom.stage == "declined" else "ineligible (on the longlist)"
        )
        then = (
            f"override it with a reason ('framewatch awards override {nom.id} --reason REASON') "
            "and shortlist it"
        )
    elif nom.stage == "declined":
        where, then = "declined", "move it to the shortlist"
    else:
        where, then = f"on the {nom.stage}", "shortlist it"
    raise AwardsError(
        f"#{nom.id} is {where}: only shortlisted entries are judged ({then} first: "
        f"'framewatch awards shortlist move {nom.id} --to shortlist')"
    )


def score(
    db: Database,
    nomination_id: int,
    judge: str,
    scores: dict[str, int],
    comment: str | None = None,
    *,
    who: str,
    team: Any = None,
) -> ScoreSheet:
    """Set some or all of a judge's criterion scores (merged into their
    sheet); only on a shortlisted entry, by a judge on the panel who has not
    recused from it."""
    who = need_who(who)
    check_judging(team, who, judge)
    with db.transaction() as conn:
        nom = load_nomination(conn, nomination_id)
        cycle = writable_cycle(conn, nom.cycle_id)
        _judged_stage(nom)
        j = _on_panel(conn, cycle, judge)
        if judge_store.has_recused(conn, nomination_id, j.id):
            raise AwardsError(f"{j.name} has recused from #{nomination_id} and cannot score it")
        clean = _checked_scores(cycle, nomination_id, scores)
        if not clean and comment is None:
            raise AwardsError(f"#{nomination_id}: no scores given")
        existing = score_store.sheet(conn, nomination_id, j.id)
        merged = {**(json.loads(existing.scores) if existing else {}), **clean}
        text = (comment if comment is not None else (existing.comment if existing else "")).strip()
        values = dict(
            scores=json.dumps(merged, sort_keys=True),
            comment=text,
            updated_at=utcnow(),
            updated_by=who,
        )
        if existing:
            score_store.update(conn, existing.id, **values)
        else:
            score_store.insert(conn, nomination_id, j.id, **values)
        complete = all(k in merged for k in cycle.criterion_keys)
        log_change(
            conn,
            cycle.id,
            who,
            "score.set",
            "nomination",
            nomination_id,
            judge=j.name,
            scores=clean,
            comment=comment,
            complete=complete,
        )
        return ScoreSheet(
            nomination_id, j.name, merged, text, complete, False, values["updated_at"]
        )


def list_sheets(db: Database, cycle_id: int) -> list[ScoreSheet]:
    with db.read() as conn:
        cycle = load_cycle(conn, cycle_id)
        recused = judge_store.recusals_of_cycle(conn, cycle.id)
        rec = {(r.nomination_id, r.judge_id) for r in recused}
        out = []
        for r in score_store.of_cycle(conn, cycle.id):
            s = json.loads(r.scores)
            out.append(
                ScoreSheet(
                    r.nomination_id,
                    r.judge,
                    s,
                    r.comment,
                    all(k in s for k in cycle.criterion_keys),
                    (r.nomination_id, r.judge_id) in rec,
                    r.updated_at,
                    r.removed_at is not None,
                )
            )
        # A recusal with no sheet still belongs on the score sheet, marked.
        have = {(s.nomination_id, s.judge) for s in out}
        for r in recused:
            if (r.nomination_id, r.judge) not in have:
                out.append(
                    ScoreSheet(
                        r.nomination_id,
                        r.judge,
                        {},
                        "",
                        False,
                        True,
                        r.at,
                        r.removed_at is not None,
                    )
                )
        return sorted(out, key=lambda s: (s.nomination_id, s.judge))


def results(
    db: Database,
    cycle_id: int,
    *,
    category: str | None = None,
    normalise: bool = False,
) -> list[ResultRow]:
    """The shortlisted entries of each category, ranked on the mean of their
    counted sheets, with n, range, sd and disagreement (see ``results_from``)."""
    cycle = cycle_by_id(db, cycle_id)
    return results_from(
        cycle,
        list_nominations(db, cycle.id, category=category),
        list_sheets(db, cycle.id),
        normalise=normalise,
    )


def results_from(
    cycle: Cycle, noms: list[Nomination], score_sheets: list[ScoreSheet], *, normalise: bool = False
) -> list[ResultRow]:
    """``results`` over nominations and score sheets already read (a screen showing them too).

    Only judged entries (shortlisted, and eligible or overridden:
    :func:`awards.rules.judged`) are ranked, and only their sheets by judges
    still on the panel go into the maths (normalisation included): an entry
    moved off the shortlist, or made ineligible, keeps its sheets but is not
    a result."""
    ranked = [n for n in noms if n.judged]
    ids = {n.id for n in ranked}
    counted = [
        Sheet(s.judge, s.nomination_id, s.scores, s.recused)
        for s in score_sheets
        if s.nomination_id in ids and not s.removed
    ]
    removed: dict[int, list[str]] = {}
    for s in score_sheets:
        if s.removed and s.nomination_id in ids and s.scores:
            removed.setdefault(s.nomination_id, []).append(s.judge)
    out: list[ResultRow] = []
    # Normalised means are rescaled within each category, the unit of comparison.
    for cat in sorted({n.category for n in ranked}):
        mine = [n for n in ranked if n.category == cat]
        res = rules.compute_results(
            [n.id for n in mine], counted, cycle.criterion_keys, cycle.scale, normalise=normalise
        )
        out.extend(_ranked(mine, res, removed))
    return out


def _ranked(
    noms: list[Nomination], res: dict[int, rules.Result], removed: dict[int, list[str]]
) -> list[ResultRow]:
    """One category's rows, best raw mean first: competition ranking (1, =2,
    =2, 4); entries no counted sheet has scored come last, unranked."""
    order = sorted(noms, key=lambda n: (res[n.id].mean is None, -(res[n.id].mean or 0.0), n.id))
    means = [res[n.id].mean for n in order]
    rows = []
    for n in order:
        mean = res[n.id].mean
        rank = None if mean is None else 1 + sum(1 for m in means if m is not None and m > mean)
        tied = mean is not None and means.count(mean) > 1
        rows.append(ResultRow(n, res[n.id], rank, tied, tuple(sorted(removed.get(n.id, ())))))
    return rows


def judging_progress(db: Database, cycle_id: int) -> JudgingProgress:
    """Per judge, which judged entries (shortlisted, and eligible or
    overridden) are scored, partly scored, missing or recused."""
    cycle = cycle_by_id(db, cycle_id)
    return progress_from(
        cycle,
        list_nominations(db, cycle.id, stage="shortlist"),
        list_judges(db, cycle.id),
        list_sheets(db, cycle.id),
    )


def progress_from(
    cycle: Cycle, noms: list[Nomination], judges: list[Judge], score_sheets: list[ScoreSheet]
) -> JudgingProgress:
    """``judging_progress`` over rows already read (the awards screen has them)."""
    entries = tuple(n for n in noms if n.judged)
    by = {(s.judge, s.nomination_id): s for s in score_sheets}
    out = []
    for j in sorted(judges, key=lambda j: j.removed):  # stable: panel order, removed last
        scored, partly, missing, recused = [], [], [], []
        for n in entries:
            s = by.get((j.name, n.id))
            if s is not None and s.recused:
                recused.append(n.id)
            elif s is not None and s.complete:
                scored.append(n.id)
            elif s is not None and s.scores:
                partly.append((n.id, len(s.scores)))
            else:
                missing.append(n.id)
        out.append(
            JudgeProgress(
                j.name, j.removed, tuple(scored), tuple(partly), tuple(missing), tuple(recused)
            )
        )
    return JudgingProgress(entries, len(cycle.criteria), tuple(out))
