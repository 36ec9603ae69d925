"""Judging: the panel, recusals (conflicts of interest), score sheets and results.

A judge's sheet counts only when every criterion is scored and the judge has
not recused (see ``awards.rules.compute_results``).
"""

from __future__ import annotations

import json

from awards import rules
from awards.common import load_cycle, load_nomination, log_change, need_reason, need_who
from awards.cycles import cycle_by_id
from awards.errors import AwardsError
from awards.model import Cycle, Judge, Nomination, Recusal, ResultRow, ScoreSheet
from awards.nominations import list_nominations
from awards.rules import Sheet
from storage.awards import judges as judge_store
from storage.awards import scores as score_store
from storage.db import Connection, Database, utcnow


def add_judge(db: Database, cycle_id: int, name: str, *, who: str) -> Judge:
    who = need_who(who)
    name = " ".join(name.split())
    if not name:
        raise AwardsError("judge: a name is needed")
    with db.transaction() as conn:
        cycle = load_cycle(conn, cycle_id)
        if judge_store.exists(conn, cycle.id, name):
            raise AwardsError(f"judge '{name}' is already on the {cycle.name} panel")
        jid = judge_store.insert(conn, cycle.id, name, at=utcnow(), by=who)
        log_change(conn, cycle.id, who, "judge.add", "judge", jid, name=name)
        return Judge(jid, cycle.id, name)


def list_judges(db: Database, cycle_id: int) -> list[Judge]:
    with db.read() as conn:
        return [Judge(r.id, r.cycle_id, r.name) for r in judge_store.of_cycle(conn, cycle_id)]


def panel_judge(conn: Connection, cycle_id: int, name: str) -> Judge:
    row = judge_store.by_name(conn, cycle_id, name)
    if row is None:
        raise AwardsError(f"'{name}' is not a judge in this cycle (add with 'awards judge add')")
    return Judge(row.id, row.cycle_id, row.name)


def recuse(db: Database, nomination_id: int, judge: str, reason: str, *, who: str) -> Recusal:
    """A judge declares a conflict of interest; their scores there stop counting."""
    who = need_who(who)
    reason = need_reason(reason, f"recusing {judge} from #{nomination_id}")
    with db.transaction() as conn:
        nom = load_nomination(conn, nomination_id)
        j = panel_judge(conn, nom.cycle_id, judge)
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


def score(
    db: Database,
    nomination_id: int,
    judge: str,
    scores: dict[str, int],
    comment: str | None = None,
    *,
    who: str,
) -> ScoreSheet:
    """Set some or all of a judge's criterion scores (merged into their sheet)."""
    who = need_who(who)
    with db.transaction() as conn:
        nom = load_nomination(conn, nomination_id)
        cycle = load_cycle(conn, nom.cycle_id)
        j = panel_judge(conn, cycle.id, judge)
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
                )
            )
        # A recusal with no sheet still belongs on the score sheet, marked.
        have = {(s.nomination_id, s.judge) for s in out}
        for r in recused:
            if (r.nomination_id, r.judge) not in have:
                out.append(ScoreSheet(r.nomination_id, r.judge, {}, "", False, True, r.at))
        return sorted(out, key=lambda s: (s.nomination_id, s.judge))


def results(
    db: Database,
    cycle_id: int,
    *,
    category: str | None = None,
    stage: str | None = None,
    normalise: bool = False,
) -> list[ResultRow]:
    """Per nomination: mean of completed, non-recused totals, n, spread, disagreement."""
    cycle = cycle_by_id(db, cycle_id)
    return results_from(
        cycle,
        list_nominations(db, cycle.id, category=category, stage=stage),
        list_sheets(db, cycle.id),
        normalise=normalise,
    )


def results_from(
    cycle: Cycle, noms: list[Nomination], score_sheets: list[ScoreSheet], *, normalise: bool = False
) -> list[ResultRow]:
    """``results`` over nominations and score sheets already read (a screen showing them too)."""
    all_sheets = [Sheet(s.judge, s.nomination_id, s.scores, s.recused) for s in score_sheets]
    out: list[ResultRow] = []
    # Normalised means are rescaled within each category, the unit of comparison.
    for cat in sorted({n.category for n in noms}):
        ids = [n.id for n in noms if n.category == cat]
        res = rules.compute_results(
            ids, all_sheets, cycle.criterion_keys, cycle.scale, normalise=normalise
        )
        out.extend(ResultRow(n, res[n.id]) for n in noms if n.category == cat)
    return sorted(
        out,
        key=lambda r: (
            r.nomination.category,
            -(r.result.mean if r.result.mean is not None else -1),
            r.nomination.id,
        ),
    )
