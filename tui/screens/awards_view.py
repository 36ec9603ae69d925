"""What the awards screen shows, as data and text: one read of the current
cycle (``read_cycle``, in the screen's worker), the detail pane's markup and
the small cell formats.  No widgets here, so the screen stays about keys and
layout."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.markup import escape

from awards import cycles, judging, model, nominations, rules
from tui.sanitize import one_line, sanitize


def detail_markup(
    n: model.Nomination,
    cycle: model.Cycle,
    judge: str | None,
    sheets: list[model.ScoreSheet],
    criterion: int,
) -> str:
    """The detail pane for one nomination (markup; every stored text escaped)."""
    lines = [
        f"[b]#{n.id} {escape(one_line(n.title))}[/b]",
        escape(one_line(f"{n.nominee} · {n.outlet} · {n.published_on or 'date unknown'}")),
        escape(
            one_line(
                f"{n.category} · {n.stage}" + (f" ({n.stage_reason})" if n.stage_reason else "")
            )
        ),
        f"Nominated by {escape(one_line(n.nominator))}",
    ]
    if n.decision:
        lines.append(
            f"Decision: [b]{escape(rules.DECISION_LABELS.get(n.decision, n.decision))}[/b] {escape(one_line(n.decision_note))}"
        )
    lines.append("")
    if n.reasons:
        lines.append(
            f"[b]{n.eligibility.upper()}[/b]"
            + (f" - override: {escape(one_line(n.override_reason))}" if n.override_reason else "")
        )
        lines += [f"  • {escape(one_line(r.message))}" for r in n.reasons]
        lines.append("")
    if n.profile:
        lines.append("[b]Framing profile[/b] (evidence for the sift, not a verdict)")
        lines.append(escape(n.profile.summary()))
        lines += [
            escape(
                f"  {one_line(c.category)}: {c.voice} own voice ({c.voice_per_1000}/1k), "
                f"{c.quoted} quoted ({c.quoted_per_1000}/1k)"
            )
            for c in n.profile.categories
        ]
    else:
        lines.append(f"Framing profile: {escape(one_line(n.profile_note or 'not computed'))}")
    lines.append("")
    if judge:
        sheet = next((s for s in sheets if s.nomination_id == n.id and s.judge == judge), None)
        if sheet and sheet.recused:
            lines.append(f"[b]{escape(judge)}[/b] has recused from this nomination.")
        else:
            lines.append(f"[b]{escape(judge)}[/b]'s scores:")
            for i, (key, label) in enumerate(cycle.criteria):
                mark = "▶" if i == criterion else " "
                val = sheet.scores.get(key, "·") if sheet else "·"
                lines.append(f" {mark} {escape(label)}: {val}")
            if sheet and sheet.comment:
                lines.append(f"Comment: {escape(one_line(sheet.comment))}")
        lines.append("")
    lines.append(f"[b]Citation[/b] ({n.citation_words} words)")
    lines.append(escape(sanitize(n.citation)))
    return "\n".join(lines)


@dataclass(frozen=True)
class CycleData:
    cycle: model.Cycle
    noms: list[model.Nomination]
    judges: list[model.Judge]
    sheets: list[model.ScoreSheet]
    rows: list[model.ResultRow]
    progress: list[model.CategoryProgress]
    judging: model.JudgingProgress


def read_cycle(db: Any, cycle: model.Cycle, normalise: bool) -> CycleData:
    noms = nominations.list_nominations(db, cycle.id)
    sheets = judging.list_sheets(db, cycle.id)
    panel = judging.list_judges(db, cycle.id)
    # results and progress come from the rows just read, not from reading them again
    return CycleData(
        cycle,
        noms,
        [j for j in panel if not j.removed],
        sheets,
        judging.results_from(cycle, noms, sheets, normalise=normalise),
        cycles.progress_from(cycle, noms),
        judging.progress_from(cycle, noms, panel, sheets),
    )


def ids(found: tuple[int, ...]) -> str:
    return ", ".join(f"#{i}" for i in found) or "-"


def num(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"
