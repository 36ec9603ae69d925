"""``framewatch eval-profile``: the profile measured on labelled real articles."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import click

from framing.errors import ModelError


def split_of(article_id: str) -> str:
    """TEST for one article in five by a hash of its id (as ``scripts/corpus.py``)."""
    return "test" if int(hashlib.sha256(article_id.encode()).hexdigest(), 16) % 5 == 0 else "dev"


def default_texts() -> Path:
    root = os.environ.get("FRAMEWATCH_CORPORA") or "~/.cache/framewatch-corpora"
    return Path(root).expanduser() / "realnews-texts.jsonl"


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}"


@click.command("eval-profile")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--texts",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Article texts (JSON Lines id/text). Default: the rebuilt corpus cache.",
)
@click.option(
    "--ranking",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="A human ranking ({id, rank} per line). Default: ranking.jsonl beside FILE, if there.",
)
@click.option(
    "--split",
    type=click.Choice(["all", "dev", "test"]),
    default="all",
    show_default=True,
    help="Which articles: DEV to tune on, TEST only to report.",
)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def eval_profile_command(
    file: Path, texts: Path | None, ranking: Path | None, split: str, as_json: bool
) -> None:
    """Measure the constructive profile on labelled articles: quotation
    attribution precision/recall and role accuracy; episodic/thematic,
    solutions and evidence F1 by 5-fold cross-validation; Spearman against a
    human ranking; each beside a simple baseline run on the same articles."""
    from framing.evaluate.profile import LabelError, evaluate_profiles, load_articles, load_ranking
    from framing.profile import Profiler

    if not file.exists():
        raise click.ClickException(f"{file}: no such file")
    texts = texts or default_texts()
    if not texts.exists():
        raise click.ClickException(f"{texts}: no such file (python scripts/corpus.py build)")
    try:
        arts = load_articles(file, texts)
    except LabelError as exc:
        raise click.ClickException(str(exc)) from None
    if split != "all":
        arts = [a for a in arts if split_of(a.id) == split]
    if not arts:
        raise click.ClickException(f"{file}: no labelled articles in split '{split}'")
    rank_path = ranking or file.with_name("ranking.jsonl")
    ranks = load_ranking(rank_path) if rank_path.exists() else None
    try:
        report = evaluate_profiles(arts, Profiler(), ranks)
    except ModelError as exc:
        raise click.ClickException(str(exc)) from None
    data: dict[str, Any] = {"file": str(file), "split": split, **report.to_json()}
    if as_json:
        click.echo(json.dumps(data, indent=2))
        return
    s, b = report.system, report.baseline
    lines = [
        f"{file} ({split}): {report.articles} articles, {report.quotes} labelled quotations",
        "",
        f"{'':<28}{'system':>9}{'baseline':>10}",
        f"{'attribution precision %':<28}{_pct(s.precision):>9}{_pct(b.precision):>10}",
        f"{'attribution recall %':<28}{_pct(s.recall):>9}{_pct(b.recall):>10}",
        f"{'attribution F1 %':<28}{_pct(s.f1):>9}{_pct(b.f1):>10}",
        f"{'role accuracy %':<28}{_pct(s.role_accuracy):>9}{_pct(b.role_accuracy):>10}",
    ]
    for name, label in (("frame", "frame"), ("solutions", "solutions"), ("evidence", "evidence")):
        r = getattr(report, name)
        lines.append(
            f"{label + ' macro F1 % (5-fold)':<28}{_pct(r['macro_f1']):>9}{_pct(r['baseline_macro_f1']):>10}"
        )
        lines.append(
            f"{label + ' F1 % (positive)':<28}{_pct(r['f1']):>9}{_pct(r['baseline_f1']):>10}"
        )
        lines.append(
            f"{label + ' macro F1 % (shipped)':<28}{_pct(r['shipped_macro_f1']):>9}"
            f"{_pct(r['baseline_macro_f1']):>10}"
        )
    if report.ranking:
        lines.append(
            f"{'Spearman vs ranking':<28}{report.ranking['spearman']:>9.3f}"
            f"{report.ranking['baseline_spearman']:>10.3f}  ({int(report.ranking['articles'])} articles)"
        )
    else:
        lines.append(f"Spearman: no ranking ({rank_path} not found)")
    lines.append(
        "baseline: the proper noun next to 'said' with the majority role; keyword rules "
        "for frame, solutions and evidence"
    )
    lines.append(
        "(5-fold): cross-validated within these articles; (shipped): the shipped models, "
        "fitted on DEV, on these articles (held out only for --split test)"
    )
    click.echo("\n".join(lines))
