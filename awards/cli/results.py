"""``framewatch awards results`` and ``progress``: the ranked shortlist and
who has scored what."""

from __future__ import annotations

import click

from awards import common, errors, judging, model, nominations, rules
from awards.cli.common import clean, cli_state, common_options, echo_json, table


def _fmt(v, digits=2):
    return "" if v is None else (f"{v:.{digits}f}" if isinstance(v, float) else str(v))


def _others_json(n: model.Nomination, kept: int) -> dict:
    return {
        "nomination_id": n.id,
        "category": n.category,
        "title": n.title,
        "stage": n.stage,
        "eligibility": n.eligibility,
        "sheets_kept": kept,
    }


@click.command("results")
@click.option("--category", help="One category (any case).")
@click.option("--normalise", is_flag=True, help="Also show per-judge z-score normalised means.")
@click.option(
    "--all", "show_all", is_flag=True, help="Also list the entries not on the shortlist, apart."
)
@click.option("--json", "as_json", is_flag=True)
@common_options
def results_cmd(category, normalise, show_all, as_json, who, cycle_ref):
    """The shortlisted entries of each category, ranked on the mean of their
    judges' completed scores, with the number of judges, range, sd and
    disagreement.  Entries not on the shortlist are not judged or ranked."""
    st = cli_state(who, cycle_ref)
    c = st.cycle()
    cat = common.resolve_category(c, category) if category else None
    rows = judging.results(st.db, c.id, category=cat, normalise=normalise)
    others = [n for n in nominations.list_nominations(st.db, c.id, category=cat) if not n.judged]
    sheets = judging.list_sheets(st.db, c.id)

    def kept(n: model.Nomination) -> int:
        return sum(1 for s in sheets if s.nomination_id == n.id and s.scores)

    if as_json:
        echo_json(
            {
                "cycle": c.name,
                "cycle_id": c.id,
                "scale": list(c.scale),
                "criteria": list(c.criterion_keys),
                "disagreement_threshold": rules.disagreement_threshold(len(c.criteria), c.scale),
                "results": [r.to_json() for r in rows],
                "not_shortlisted": [_others_json(n, kept(n)) for n in others],
            }
        )
        return
    if not rows:
        click.echo(
            clean(
                f"{st.label(c)}: nothing to rank: no entry"
                + (f" in {cat}" if cat else "")
                + " is shortlisted and eligible (or overridden)"
                + " ('framewatch awards shortlist move N --to shortlist' shortlists one)"
            )
        )
    cols = ["rank", "#", "category", "title", "stage", "mean", "n", "range", "sd", "disagree"]
    cols.append("decision")
    if normalise:
        cols.insert(6, "normalised")
    out = []
    for r in rows:
        res = r.result
        line = [
            r.rank_label,
            r.nomination.id,
            r.nomination.category,
            r.nomination.title,
            r.nomination.stage,
            _fmt(res.mean),
            res.n_judges,
            "" if res.low is None else f"{res.low}-{res.high}",
            _fmt(res.sd),
            "YES" if res.disagreement else "",
            rules.DECISION_LABELS.get(r.nomination.decision, ""),
        ]
        if normalise:
            line.insert(6, _fmt(res.normalised))
        out.append(line)
    if rows:
        table(
            f"{st.label(c)}: shortlisted entries ranked "
            f"(totals out of {len(c.criteria) * c.scale[1]})",
            cols,
            out,
        )
    removed = sorted({j for r in rows for j in r.removed})
    if removed:
        click.echo(clean(f"not counted: sheets of removed judge(s) {', '.join(removed)}"))
    if others and show_all:
        table(
            "Not on the shortlist: not judged, not ranked",
            ["#", "category", "title", "stage", "eligibility", "sheets kept"],
            [[n.id, n.category, n.title, n.stage, n.eligibility, kept(n)] for n in others],
        )
    elif others:
        click.echo(
            f"{len(others)} {'entry' if len(others) == 1 else 'entries'} not on the shortlist "
            f"{'is' if len(others) == 1 else 'are'} not ranked (--all lists them)"
        )


def _ids(ids) -> str:
    return ", ".join(f"#{i}" for i in ids) or "-"


@click.command("progress")
@click.option("--judge", "judge_name", help="One judge only.")
@click.option("--json", "as_json", is_flag=True)
@common_options
def progress_cmd(judge_name, as_json, who, cycle_ref):
    """Judging progress: per judge, which shortlisted entries are scored,
    partly scored, missing or recused (removed judges marked, not counted)."""
    st = cli_state(who, cycle_ref)
    c = st.cycle()
    p = judging.judging_progress(st.db, c.id)
    judges = list(p.judges)
    if judge_name:
        judges = [j for j in judges if j.judge.lower() == " ".join(judge_name.split()).lower()]
        if not judges:
            raise errors.AwardsError(
                f"'{judge_name}' is not a judge in {c.name}"
                f"{common.did_you_mean(judge_name, [j.judge for j in p.judges])}"
            )
    if as_json:
        echo_json(
            {
                "cycle": c.name,
                "cycle_id": c.id,
                "criteria": p.criteria,
                "entries": [
                    {
                        "nomination_id": n.id,
                        "category": n.category,
                        "title": n.title,
                        "complete_sheets": p.complete_sheets(n.id),
                    }
                    for n in p.entries
                ],
                "judges": [j.to_json() for j in judges],
            }
        )
        return
    if not p.entries:
        click.echo(
            clean(
                f"{st.label(c)}: nothing to judge yet: no entry is shortlisted and eligible "
                f"(or overridden); {len(judges)} judge(s) on the panel"
            )
        )
        return
    table(
        f"{st.label(c)}: judging progress on {len(p.entries)} shortlisted entries "
        f"({p.criteria} criteria)",
        ["judge", "scored", "partly scored", "missing", "recused"],
        [
            [
                j.judge + (" (removed, not counted)" if j.removed else ""),
                f"{len(j.scored)}: {_ids(j.scored)}",
                f"{len(j.partly)}: "
                + (", ".join(f"#{n} ({k}/{p.criteria})" for n, k in j.partly) or "-"),
                f"{len(j.missing)}: {_ids(j.missing)}",
                f"{len(j.recused)}: {_ids(j.recused)}",
            ]
            for j in judges
        ],
    )
    if not judge_name:
        table(
            "Entries",
            ["#", "category", "title", "complete sheets"],
            [
                [
                    n.id,
                    n.category,
                    n.title,
                    f"{p.complete_sheets(n.id)} of {p.expected_sheets(n.id)}",
                ]
                for n in p.entries
            ],
        )
