"""``framewatch awards judge add|list``, ``recuse``, ``recusals``, ``score``, ``results``, ``profile``: judging."""

from __future__ import annotations

import click

from awards import (
    common,
    cycles,
    errors,
    judging,
    model,
    nominations,
    profiles,
    rules,
)
from awards.cli.common import (
    clean,
    cli_state,
    common_options,
    echo_json,
    table,
)


@click.group()
def judge() -> None:
    """Manage the judging panel."""


@judge.command("add")
@click.argument("name")
@common_options
def judge_add(name, who, cycle_ref):
    """Add NAME to the cycle's judging panel."""
    st = cli_state(who, cycle_ref)
    j = judging.add_judge(st.db, st.cycle().id, name, who=st.who)
    click.echo(clean(f"judge '{j.name}' added"))


@judge.command("list")
@click.option("--json", "as_json", is_flag=True)
@common_options
def judge_list(as_json, who, cycle_ref):
    """List the cycle's judges."""
    st = cli_state(who, cycle_ref)
    found = judging.list_judges(st.db, st.cycle().id)
    if as_json:
        echo_json([j.__dict__ for j in found])
    else:
        for j in found:
            click.echo(clean(j.name))


@click.command()
@click.argument("nomination", type=int)
@click.option("--judge", "judge_name", required=True)
@click.option("--reason", required=True, help="The conflict of interest.")
@common_options
def recuse(nomination, judge_name, reason, who, cycle_ref):
    """Record that a judge recuses from NOMINATION (their scores stop counting)."""
    st = cli_state(who, cycle_ref)
    r = judging.recuse(st.db, nomination, judge_name, reason, who=st.who)
    click.echo(clean(f"{r.judge} recused from #{r.nomination_id}: {r.reason}"))


@click.command("recusals")
@click.option("--json", "as_json", is_flag=True)
@common_options
def recusals_cmd(as_json, who, cycle_ref):
    """List recusals with reasons."""
    st = cli_state(who, cycle_ref)
    found = judging.list_recusals(st.db, st.cycle().id)
    if as_json:
        echo_json([r.__dict__ for r in found])
        return
    for r in found:
        click.echo(clean(f"#{r.nomination_id} {r.judge}: {r.reason}"))


def _parse_scores(cycle: model.Cycle, pairs: tuple[str, ...], all_: str | None) -> dict[str, int]:
    out: dict[str, int] = {}
    if all_:
        parts = [p.strip() for p in all_.split(",")]
        if len(parts) != len(cycle.criteria):
            raise errors.AwardsError(
                f"--all needs {len(cycle.criteria)} scores in criterion order "
                f"({', '.join(cycle.criterion_keys)}); got {len(parts)}"
            )
        for key, value in zip(cycle.criterion_keys, parts, strict=True):
            out[key] = _int(value, key)
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise errors.AwardsError(f"--set '{pair}': use CRITERION=SCORE, e.g. relevant=4")
        out[key.strip()] = _int(value, key.strip())
    return out


def _int(value: str, key: str) -> int:
    try:
        return int(value)
    except ValueError as exc:
        raise errors.AwardsError(f"score for {key}: '{value}' is not a whole number") from exc


@click.command()
@click.argument("nomination", type=int)
@click.option("--judge", "judge_name", required=True)
@click.option("--set", "pairs", multiple=True, metavar="CRITERION=N", help="Repeatable.")
@click.option("--all", "all_", metavar="N,N,...", help="Every criterion, in order.")
@click.option("--comment")
@common_options
def score(nomination, judge_name, pairs, all_, comment, who, cycle_ref):
    """Enter a judge's scores for NOMINATION (criterion keys: see 'cycle list --json')."""
    st = cli_state(who, cycle_ref)
    c = cycles.cycle_by_id(st.db, nominations.get_nomination(st.db, nomination).cycle_id)
    sheet = judging.score(
        st.db, nomination, judge_name, _parse_scores(c, pairs, all_), comment, who=st.who
    )
    state = (
        "complete" if sheet.complete else f"{len(sheet.scores)}/{len(c.criteria)} criteria scored"
    )
    click.echo(clean(f"#{nomination} {sheet.judge}: {state}"))


def _fmt(v, digits=2):
    return "" if v is None else (f"{v:.{digits}f}" if isinstance(v, float) else str(v))


@click.command("results")
@click.option("--category")
@click.option("--list", "stage", type=click.Choice(rules.STAGES))
@click.option("--normalise", is_flag=True, help="Also show per-judge z-score normalised means.")
@click.option("--json", "as_json", is_flag=True)
@common_options
def results_cmd(category, stage, normalise, as_json, who, cycle_ref):
    """Mean of completed scores, number of judges, spread and disagreement per nomination."""
    st = cli_state(who, cycle_ref)
    c = st.cycle()
    rows = judging.results(
        st.db,
        c.id,
        category=common.match_category(c, category) if category else None,
        stage=stage,
        normalise=normalise,
    )
    if as_json:
        echo_json(
            {
                "cycle": c.name,
                "scale": list(c.scale),
                "criteria": list(c.criterion_keys),
                "disagreement_threshold": rules.disagreement_threshold(len(c.criteria), c.scale),
                "results": [r.to_json() for r in rows],
            }
        )
        return
    cols = ["#", "category", "title", "mean", "n", "range", "sd", "disagree"]
    if normalise:
        cols.insert(4, "normalised")
    out = []
    for r in rows:
        res = r.result
        line = [
            r.nomination.id,
            r.nomination.category,
            r.nomination.title,
            _fmt(res.mean),
            res.n_judges,
            "" if res.low is None else f"{res.low}-{res.high}",
            _fmt(res.sd),
            "YES" if res.disagreement else "",
        ]
        if normalise:
            line.insert(4, _fmt(res.normalised))
        out.append(line)
    table(f"{c.name}: results (totals out of {len(c.criteria) * c.scale[1]})", cols, out)


@click.command()
@click.argument("nomination", type=int, required=False)
@click.option("--all", "all_", is_flag=True, help="Every nomination in the cycle.")
@common_options
def profile(nomination, all_, who, cycle_ref):
    """Recompute the framing profile of NOMINATION (or --all) with the current engine."""
    st = cli_state(who, cycle_ref)
    if nomination is None and not all_:
        raise errors.AwardsError("profile: give a NOMINATION id or --all")
    ids = (
        [n.id for n in nominations.list_nominations(st.db, st.cycle().id)] if all_ else [nomination]
    )
    from rich.progress import Progress

    engine = st.engine()
    lines = []
    # Progress on stderr so the per-nomination lines on stdout stay clean for scripts.
    with Progress(console=_stderr_console(), transient=True) as bar:
        task = bar.add_task("framing profiles", total=len(ids))
        for nid in ids:
            n = profiles.recompute_profile(st.db, nid, who=st.who, engine=engine)
            lines.append(f"#{n.id}: {n.profile.summary() if n.profile else n.profile_note}")
            bar.advance(task)
    for line in lines:
        click.echo(clean(line))


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)
