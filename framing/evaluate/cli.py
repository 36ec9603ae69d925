"""``framewatch eval``: measure the engine (or a baseline) on an annotated dataset."""

from __future__ import annotations

import json
from typing import Any

import click

from framing.evaluate.baseline import NaiveBaseline
from framing.evaluate.dataset import load_dataset
from framing.evaluate.rewrites import GroupScore, RewriteReport, evaluate_rewrites, load_rewrites
from framing.evaluate.scoring import Checker, Report, Score, evaluate


def _engine(obj: Any, baseline: str | None) -> Checker:
    if baseline == "naive":
        return NaiveBaseline()
    from core.settings import Settings
    from framing.factory import engine_from_settings

    # the organisation's lexicon overrides are part of what is being measured
    return engine_from_settings(obj.settings if obj is not None else Settings())


def _pct(x: float | None) -> str:
    return "  n/a" if x is None else f"{100 * x:5.1f}"


def format_report(report: Report, show_errors: int) -> list[str]:
    o = report.overall
    lab = report.labels
    lines = [
        f"dataset: {report.dataset}  ({report.items} texts, {report.occurrences} occurrences: "
        f"{lab.get('FLAG', 0)} FLAG, {lab.get('QUOTED', 0)} QUOTED, {lab.get('NO', 0)} NO)",
        f"engine:  {report.engine}  ({report.seconds:.2f} s)",
        "",
        f"{'category':<20} {'P%':>6} {'R%':>6} {'F1%':>6} {'TP':>5} {'FP':>5} {'FN':>5}",
    ]

    def row(name: str, s: Score) -> str:
        return (
            f"{name:<20} {_pct(s.precision):>6} {_pct(s.recall):>6} {_pct(s.f1):>6} "
            f"{s.tp:>5} {s.fp:>5} {s.fn:>5}"
        )

    lines.append(row("overall", o))
    for name in sorted(report.per_category):
        lines.append(row(name, report.per_category[name]))
    lines.append("")
    lines.append(
        f"quote agreement: {_pct(report.quote_agreement).strip()}% "
        f"({report.quote_matches}/{report.quote_total} true positives)"
    )
    if show_errors:
        for title, cases in (
            ("misses", report.misses),
            ("false flags", report.false_flags),
            ("quote disagreements", report.quote_mismatches),
        ):
            lines.append("")
            lines.append(f"{title}: {len(cases)}")
            for c in cases[:show_errors]:
                if title == "misses":
                    what = f"{c.label} {c.entry or '-'}"
                elif title == "false flags":
                    what = f"{c.entry} (labelled {c.label or 'nothing'})"
                else:
                    what = f"{c.label}, flag quoted={c.quoted}"
                lines.append(f"  {c.item} [{c.category}] {what}: {c.snippet}")
            if len(cases) > show_errors:
                lines.append(f"  ... {len(cases) - show_errors} more (--show-errors N)")
    return lines


@click.command("eval")
@click.argument("dataset", metavar="DATASET")
@click.option(
    "--baseline",
    type=click.Choice(["naive"]),
    default=None,
    help="Score a baseline instead of the engine: 'naive' = whole-word "
    "matching of every lexicon form.",
)
@click.option(
    "--compare",
    type=click.Choice(["naive"]),
    default=None,
    help="Also score a baseline on the same dataset in the same run and print its "
    "figures beside the engine's ('naive': whole-word matching).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
@click.option(
    "--show-errors",
    type=click.IntRange(min=0),
    default=10,
    show_default=True,
    metavar="N",
    help="List up to N misses, false flags and quote disagreements.",
)
@click.pass_obj
def eval_command(
    obj: Any,
    dataset: str,
    baseline: str | None,
    compare: str | None,
    as_json: bool,
    show_errors: int,
) -> None:
    """Measure precision, recall and F1 on an annotated DATASET (JSONL).

    Each line: {"id", "text", "source", "occurrences": [{"start", "end",
    "text", "label": FLAG|QUOTED|NO, "entry", "category"}]}.  Scoring follows
    the flagging policy: a flag overlapping a FLAG or QUOTED occurrence is a
    true positive; any other flag is a false positive.
    """
    data = load_dataset(dataset)
    engine = _engine(obj, baseline)
    from rich.console import Console
    from rich.progress import Progress

    console = Console(stderr=True)
    with Progress(console=console, transient=True, disable=not console.is_terminal) as bar:
        task = bar.add_task("checking", total=len(data.items))
        report = evaluate(engine, data, progress=lambda n: bar.advance(task, n))
    other = evaluate(_engine(obj, compare), data) if compare else None
    if as_json:
        out = report.to_json()
        out["model"] = getattr(engine, "model_name", None)
        if other is not None:
            theirs = other.to_json()
            out["baseline"] = {
                k: theirs[k]
                for k in ("engine", "overall", "per_category", "quote_agreement", "seconds")
            }
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    for line in format_report(report, show_errors):
        click.echo(line)
    if other is not None:
        click.echo("")
        click.echo(f"baseline, same dataset, same run: {other.engine}  ({other.seconds:.2f} s)")
        for line in format_report(other, 0)[3:]:
            click.echo(line)


# the group order of tests/data/rewrites.md; other groups follow, sorted
_GROUP_ORDER = (
    "issue-examples",
    "pre-charge",
    "charged-and-trial",
    "convicted-and-sentenced",
    "released",
    "unknown-status",
    "tense-and-facts",
    "noun-modifier",
    "coordination",
    "possessive-and-determiner",
    "case-style",
    "tautology-and-agreement",
    "immigration-and-drugs-and-other",
    "never-rewrite",
)


def format_rewrite_report(report: RewriteReport, show: int) -> list[str]:
    """The per-group table, then the sentences that were not acceptable."""

    def row(name: str, s: GroupScore) -> str:
        return f"{name:<34} {s.total:>5} {s.ok:>5} {_pct(s.share):>6} {s.false_convictions:>7}"

    order = {g: i for i, g in enumerate(_GROUP_ORDER)}
    lines = [
        f"dataset: {report.dataset}  ({report.overall.total} sentences, {report.seconds:.2f} s)",
        "",
        f"{'group':<34} {'sent':>5} {'ok':>5} {'ok%':>6} {'falsecv':>7}",
    ]
    for g in sorted(report.groups, key=lambda g: (order.get(g, len(order)), g)):
        lines.append(row(g, report.groups[g]))
    lines.append(row("all", report.overall))
    lines.append(row("  real reporting", report.real))
    lines.append(row("  written", report.written))
    if report.status_total:
        lines.append("")
        lines.append(
            f"status agreement: {report.status_agree}/{report.status_total} targets with a status"
        )
    fails = report.failures
    lines.append("")
    lines.append(f"not acceptable: {len(fails)}")
    for o in fails[:show]:
        r = o.record
        tag = " FALSE CONVICTION" if o.false_conviction else ""
        lines.append(f"  {r.id} [{r.group}]{tag}")
        lines.append(f"    text:   {r.text}")
        lines.append(f"    output: {o.output}")
        lines.append(f"    accept: {r.accept[0]}")
        for t, want, got in o.status_mismatches:
            lines.append(f"    status: {t!r} is {want}, engine said {got}")
    if len(fails) > show:
        lines.append(f"  ... {len(fails) - show} more (--show N)")
    return lines


@click.command("eval-rewrites")
@click.argument("dataset", metavar="DATASET")
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
@click.option(
    "--show",
    type=click.IntRange(min=0),
    default=1000,
    show_default=True,
    metavar="N",
    help="List up to N sentences whose output was not acceptable.",
)
@click.option("--group", "groups", multiple=True, help="Only these groups (repeatable).")
@click.pass_obj
def eval_rewrites_command(
    obj: Any, dataset: str, as_json: bool, show: int, groups: tuple[str, ...]
) -> None:
    """Measure the one-key rewrite on a rewrite set (JSONL, tests/data/rewrites.md).

    A sentence is acceptable when the text with every automatic rewrite
    applied equals one of its accepted outputs (whitespace collapsed, curly
    quotes straightened).  Prints the share acceptable per group, false
    convictions (a conviction stated where none is established) and every
    sentence that was not acceptable.
    """
    records = load_rewrites(dataset)
    if groups:
        records = [r for r in records if r.group in groups]
    engine = _engine(obj, None)
    from rich.console import Console
    from rich.progress import Progress

    console = Console(stderr=True)
    with Progress(console=console, transient=True, disable=not console.is_terminal) as bar:
        task = bar.add_task("checking", total=len(records))
        report = evaluate_rewrites(
            engine, records, dataset, progress=lambda n: bar.advance(task, n)
        )
    if as_json:
        out = report.to_json()
        out["model"] = getattr(engine, "model_name", None)
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    for line in format_rewrite_report(report, show):
        click.echo(line)
