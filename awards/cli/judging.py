"""``framewatch awards judge add|list|remove``, ``recuse``, ``recusals``,
``score``, ``profile``: judging (results and progress: ``awards/cli/results.py``)."""

from __future__ import annotations

import click

from awards import (
    errors,
    judging,
    model,
    nominations,
    profiles,
)
from awards.cli.common import (
    clean,
    cli_state,
    common_options,
    echo_json,
    json_option,
)


@click.group()
def judge() -> None:
    """Manage the judging panel."""


@judge.command("add")
@click.argument("name")
@json_option
@common_options
def judge_add(name, as_json, who, cycle_ref):
    """Add NAME to the cycle's judging panel (a removed judge is reinstated)."""
    st = cli_state(who, cycle_ref)
    c = st.cycle()
    was = {j.name.lower(): j for j in judging.list_judges(st.db, c.id)}
    j = judging.add_judge(st.db, c.id, name, who=st.who, team=st.settings.team)
    reinstated = j.name.lower() in was
    if as_json:
        echo_json({**j.__dict__, "reinstated": reinstated, "cycle": c.name})
        return
    verb = "reinstated on" if reinstated else "added to"
    again = " (their kept score sheets count again)" if reinstated else ""
    click.echo(clean(f"judge '{j.name}' {verb} {st.label(c)}{again}"))


@judge.command("list")
@click.option("--json", "as_json", is_flag=True)
@common_options
def judge_list(as_json, who, cycle_ref):
    """List the cycle's judges (removed ones marked)."""
    st = cli_state(who, cycle_ref)
    c = st.cycle()
    found = judging.list_judges(st.db, c.id)
    if as_json:
        echo_json([{**j.__dict__, "removed": j.removed} for j in found])
        return
    click.echo(clean(f"{st.label(c)}: {sum(not j.removed for j in found)} judge(s)"))
    for j in found:
        gone = f" (removed {j.removed_at[:10]} by {j.removed_by})" if j.removed_at else ""
        click.echo(clean(f"  {j.name}{gone}"))


@judge.command("remove")
@click.argument("name")
@click.option("--reason", default="", help="Why (recorded in the audit log).")
@json_option
@common_options
def judge_remove(name, reason, as_json, who, cycle_ref):
    """Take NAME off the panel: their scores stop counting.

    Their score sheets are kept (shown as removed, and copied into the audit
    log); 'judge add NAME' reinstates them."""
    st = cli_state(who, cycle_ref)
    c = st.cycle()
    j, sheets = judging.remove_judge(st.db, c.id, name, reason, who=st.who)
    if as_json:
        echo_json({**j.__dict__, "removed": True, "sheets_kept": sheets, "cycle": c.name})
        return
    click.echo(
        clean(
            f"judge '{j.name}' removed from {st.label(c)}: {sheets} score sheet(s) kept in the "
            "audit log and no longer counted"
        )
    )


@click.command()
@click.argument("nomination", type=int)
@click.option("--judge", "judge_name", required=True)
@click.option("--reason", required=True, help="The conflict of interest.")
@json_option
@common_options
def recuse(nomination, judge_name, reason, as_json, who, cycle_ref):
    """Record that a judge recuses from NOMINATION (their scores stop counting)."""
    st = cli_state(who, cycle_ref)
    c = st.cycle_of(nomination)
    r = judging.recuse(st.db, nomination, judge_name, reason, who=st.who, team=st.settings.team)
    if as_json:
        echo_json({**r.__dict__, "cycle": c.name})
        return
    click.echo(clean(f"{r.judge} recused from #{r.nomination_id} in {st.label(c)}: {r.reason}"))


@click.command("recusals")
@click.option("--json", "as_json", is_flag=True)
@common_options
def recusals_cmd(as_json, who, cycle_ref):
    """List recusals with reasons."""
    st = cli_state(who, cycle_ref)
    c = st.cycle()
    found = judging.list_recusals(st.db, c.id)
    if as_json:
        echo_json([r.__dict__ for r in found])
        return
    click.echo(clean(f"{st.label(c)}: {len(found)} recusal(s)"))
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
@json_option
@common_options
def score(nomination, judge_name, pairs, all_, comment, as_json, who, cycle_ref):
    """Enter a judge's scores for NOMINATION (criterion keys: see 'cycle list --json').

    Only shortlisted entries are judged."""
    st = cli_state(who, cycle_ref)
    c = st.cycle_of(nomination)
    sheet = judging.score(
        st.db,
        nomination,
        judge_name,
        _parse_scores(c, pairs, all_),
        comment,
        who=st.who,
        team=st.settings.team,
    )
    if as_json:
        echo_json({**sheet.__dict__, "cycle": c.name})
        return
    state = (
        "complete" if sheet.complete else f"{len(sheet.scores)}/{len(c.criteria)} criteria scored"
    )
    click.echo(clean(f"#{nomination} {sheet.judge}: {state}, in {st.label(c)}"))


@click.command()
@click.argument("nomination", type=int, required=False)
@click.option("--all", "all_", is_flag=True, help="Every nomination in the cycle.")
@json_option
@common_options
def profile(nomination, all_, as_json, who, cycle_ref):
    """Recompute the framing profile of NOMINATION (or --all) with the current engine."""
    st = cli_state(who, cycle_ref)
    if nomination is None and not all_:
        raise errors.AwardsError("profile: give a NOMINATION id or --all")
    c = st.cycle() if all_ else st.cycle_of(nomination)
    ids = [n.id for n in nominations.list_nominations(st.db, c.id)] if all_ else [nomination]
    from rich.progress import Progress

    # the cycle on stderr, beside the progress: stdout keeps one line per nomination
    click.echo(clean(f"{st.label(c)}: {len(ids)} framing profile(s)"), err=True)
    engine = st.engine()
    lines, done = [], []
    # Progress on stderr so the per-nomination lines on stdout stay clean for scripts.
    with Progress(console=_stderr_console(), transient=True) as bar:
        task = bar.add_task("framing profiles", total=len(ids))
        for nid in ids:
            n = profiles.recompute_profile(st.db, nid, who=st.who, engine=engine)
            done.append(n)
            lines.append(f"#{n.id}: {n.profile.summary() if n.profile else n.profile_note}")
            bar.advance(task)
    if as_json:
        echo_json(
            [
                {
                    "nomination_id": n.id,
                    "profile": n.profile.to_json() if n.profile else None,
                    "unavailable": n.profile_note if n.profile is None else "",
                }
                for n in done
            ]
        )
        return
    for line in lines:
        click.echo(clean(line))


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)
