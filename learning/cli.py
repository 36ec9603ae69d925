"""``framewatch learn train|status``: the database's learned review model.

The model predicts which flags a reviewer would dismiss, from the decisions
stored in this database; it orders and folds the review queue and never
hides a flag from ``check`` or the draft checker unless asked (``--learned``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from storage.db import Database, open_database


@contextmanager
def opened(obj: Any) -> Iterator[Database]:
    db = open_database(obj.settings.db_path)
    try:
        yield db
    finally:
        db.close()


def lexicon_of(obj: Any) -> Any:
    from framing.factory import lexicon_from_settings

    return lexicon_from_settings(obj.settings)


def _pct(x: Any) -> str:
    return "n/a" if x is None else f"{100 * float(x):.1f}%"


def describe_status(s: Any) -> list[str]:
    if not s.trained:
        return [
            f"no model yet ({s.decisions_now} decisions stored); run 'framewatch learn train'",
            f"lexicon {s.lexicon_hash}",
        ]
    m = s.metrics
    lines = [
        f"trained {s.trained_at} on {s.decisions_used} decisions ({s.kind}, {s.seconds:.1f} s)"
        + (f"; {s.new_decisions} new since" if s.new_decisions else ""),
        f"cross-validated precision of the dismiss prediction: {_pct(m.get('precision_at_threshold'))}"
        f" at p >= {m.get('threshold')} ({m.get('predicted_at_threshold', 0)} predicted), "
        f"{_pct(m.get('precision_at_half'))} at p >= 0.5; Brier {m.get('brier')}",
        f"lexicon {s.model_lexicon_hash}"
        + (
            f": STALE, the lexicon in use is {s.lexicon_hash} (run 'framewatch learn train')"
            if s.stale
            else " (current)"
        ),
    ]
    return lines


@click.group("learn")
def learn() -> None:
    """The learned review model: which flags this team keeps dismissing."""


@learn.command("train")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--no-tags", is_flag=True, help="Predict pending flags without loading spaCy.")
@click.pass_obj
def train_command(obj: Any, as_json: bool, no_tags: bool) -> None:
    """Train on every stored decision (logistic regression or gradient boosting,
    whichever cross-validates better) and predict the pending flags."""
    from learning.service import train

    engine = None
    if not no_tags:
        from framing.factory import engine_from_settings

        engine = engine_from_settings(obj.settings)
    with opened(obj) as db:
        if not as_json:
            click.echo("training (cross-validating two models)…", err=True)
        s = train(db, lexicon_of(obj), obj.settings.learning, engine=engine)
    if as_json:
        click.echo(json.dumps(s.to_json(), indent=2))
        return
    for line in describe_status(s):
        click.echo(line)


@learn.command("status")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_obj
def status_command(obj: Any, as_json: bool) -> None:
    """Decisions used, cross-validated precision, when trained, and whether the
    model belongs to the lexicon in use (stale when it does not)."""
    from learning.service import status

    with opened(obj) as db:
        s = status(db, lexicon_of(obj))
    if as_json:
        click.echo(json.dumps(s.to_json(), indent=2))
        return
    for line in describe_status(s):
        click.echo(line)


@learn.command("suggest")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option(
    "--min-support",
    type=click.IntRange(min=2),
    default=3,
    show_default=True,
    help="Dismissals a pattern needs before it is suggested.",
)
@click.option("--accept", "accept_id", default=None, help="Add this suggestion (its id) to --file.")
@click.option(
    "--file",
    "path",
    type=click.Path(dir_okay=False),
    default=None,
    help="The organisation's lexicon file to add it to (default: the first [lexicon] "
    "extra_files entry).",
)
@click.pass_obj
def suggest_command(
    obj: Any, as_json: bool, min_support: int, accept_id: str | None, path: str | None
) -> None:
    """Propose lexicon exceptions from repeated dismissals, each with its support
    and counter-examples; --accept ID adds one to the organisation's lexicon
    file, where 'framewatch lexicon check' validates it."""
    from pathlib import Path

    from learning.errors import LearningError
    from learning.service import examples
    from learning.suggest import accept, suggest

    lexicon = lexicon_of(obj)
    with opened(obj) as db:
        found = suggest(examples(db), lexicon, min_support=min_support)
    if accept_id is None:
        if as_json:
            click.echo(json.dumps([s.to_json() for s in found], indent=2))
        elif not found:
            click.echo(f"no pattern dismissed {min_support} or more times (try --min-support 2)")
        for s in [] if as_json else found:
            click.echo(f"{s.id}\n  {s.describe()}")
        return
    chosen = next((s for s in found if s.id == accept_id), None)
    if chosen is None:
        raise LearningError(f"{accept_id}: no such suggestion (run 'framewatch learn suggest')")
    extra = obj.settings.lexicon.extra_files
    target = Path(path) if path else Path(extra[0]) if extra else None
    if target is None:
        raise LearningError(
            "no lexicon file to add it to: give --file, or set [lexicon] extra_files"
        )
    accept(chosen, target)
    listed = str(target.resolve()) in {str(Path(f).resolve()) for f in extra}
    if as_json:
        click.echo(
            json.dumps({"accepted": chosen.to_json(), "file": str(target), "active": listed})
        )
        return
    click.echo(f"added to {target}: {chosen.describe()}")
    if not listed:
        click.echo(f'note: add it to [lexicon] extra_files to use it: extra_files = ["{target}"]')


@click.group("decisions")
def decisions() -> None:
    """Export and import reviewers' decisions (JSON Lines), to pool them between teams."""


@decisions.command("export")
@click.argument("output", type=click.Path(dir_okay=False, allow_dash=True), default="-")
@click.pass_obj
def export_command(obj: Any, output: str) -> None:
    """Write every decision, with its features, as JSON Lines (default: standard output)."""
    from learning.pool import export_lines

    with opened(obj) as db:
        lines = list(export_lines(db))
    text = "".join(line + "\n" for line in lines)
    if output == "-":
        click.echo(text, nl=False)
    else:
        from pathlib import Path

        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            from learning.errors import LearningError

            raise LearningError(f"{output}: cannot write ({exc.strerror or exc})") from exc
        click.echo(f"{len(lines)} decisions written to {output}", err=True)


@decisions.command("import")
@click.argument("source", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_obj
def import_command(obj: Any, source: str, as_json: bool) -> None:
    """Apply decisions from a JSON Lines export; importing the same file twice
    changes nothing, and a newer decision here is never overwritten."""
    import sys
    from pathlib import Path

    from learning.errors import LearningError
    from learning.pool import import_lines

    if source == "-":
        lines = sys.stdin.read().splitlines()
    else:
        try:
            lines = Path(source).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise LearningError(
                f"{source}: cannot read ({getattr(exc, 'strerror', None) or exc})"
            ) from exc
    with opened(obj) as db:
        result = import_lines(db, lines, source)
    if as_json:
        click.echo(json.dumps(result.to_json()))
        return
    click.echo(
        f"{result.lines} decisions read: {result.applied} applied, {result.unchanged} "
        f"already here, {result.missing} for flags this database does not hold"
    )
