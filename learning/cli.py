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
