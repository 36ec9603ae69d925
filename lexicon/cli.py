"""``framewatch lexicon ...``: check, list, show and export the lexicon."""

from __future__ import annotations

import difflib
import json
import sys
from pathlib import Path
from typing import Any

import click

from lexicon.errors import LexiconError
from lexicon.load import check_lexicon, load_lexicon
from lexicon.model import CATEGORIES, Entry, Lexicon


def _load(obj: Any) -> Lexicon:
    return load_lexicon(**obj.settings.lexicon.load_args())


def entry_summary(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "category": entry.category,
        "severity": entry.severity,
        "forms": [f.text for f in entry.forms],
        "suggestions": [a.singular for a in entry.alternatives],
    }


def entry_json(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "category": entry.category,
        "category_label": entry.category_label,
        "severity": entry.severity,
        "sense": entry.sense,
        "forms": [
            {"text": f.text, "number": f.number, "possessive": f.possessive} for f in entry.forms
        ],
        "pos": list(entry.pos),
        "refers_to_people": entry.refers_to_people,
        "not_followed_by": list(entry.not_followed_by),
        "not_preceded_by": list(entry.not_preceded_by),
        "requires_nearby": list(entry.requires_nearby),
        "exceptions": list(entry.exceptions),
        "alternatives": [
            {"singular": a.singular, "plural": a.plural}
            | ({"statuses": list(a.statuses)} if a.statuses else {})
            for a in entry.alternatives
        ],
        "advice": entry.advice,
        "rationale": entry.rationale,
        "disagreement": entry.disagreement,
        "decision": entry.decision,
        "sources": [{"title": s.title, "url": s.url} for s in entry.sources],
        "file": entry.file,
        "line": entry.line,
    }


@click.group()
def lexicon() -> None:
    """Check, list, show and export the lexicon of flagged terms."""


@lexicon.command()
@click.argument("paths", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.pass_obj
def check(obj: Any, paths: tuple[str, ...], as_json: bool) -> None:
    """Validate lexicon files and report every problem as path:line: message.

    Without PATHs, checks the shipped data, the configured extra files and the
    configured disable/severity overrides. With PATHs, checks those files
    together with the shipped data (so clashes with shipped entries show).
    """
    if paths:
        result = check_lexicon(extra_files=paths)
    else:
        result = check_lexicon(**obj.settings.lexicon.load_args())
    problems = result.problems
    files = result.files
    active = result.entries
    names = {n.lower() for n in result.official_names}
    categories = {e.category for e in active}
    if as_json:
        click.echo(
            json.dumps(
                {
                    "ok": not problems,
                    "problems": [p.to_json() for p in problems],
                    "entries": len(active),
                    "categories": len(categories),
                    "official_names": len(names),
                    "files": list(files),
                },
                indent=2,
            )
        )
    else:
        for problem in problems:
            click.echo(problem)
        if problems:
            click.echo(
                f"{len(problems)} problem{'s' if len(problems) != 1 else ''} "
                f"in {len(files)} file{'s' if len(files) != 1 else ''}",
                err=True,
            )
        else:
            click.echo(
                f"lexicon OK: {len(active)} entries in {len(categories)} categories "
                f"({len(names)} official names)"
            )
    if problems:
        # SystemExit rather than ctx.exit(): core.cli.main runs click with
        # standalone_mode=False, which turns ctx.exit(1) into a discarded return value.
        sys.exit(1)


@lexicon.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of entries.")
@click.option("--category", type=click.Choice(list(CATEGORIES)), help="Only this category.")
@click.pass_obj
def list_entries(obj: Any, as_json: bool, category: str | None) -> None:
    """List every entry: id, category, severity, forms and suggestions."""
    order = {c: i for i, c in enumerate(CATEGORIES)}
    entries = sorted(
        (e for e in _load(obj).entries if category in (None, e.category)),
        key=lambda e: order.get(e.category, len(order)),
    )
    if as_json:
        click.echo(json.dumps([entry_summary(e) for e in entries], indent=2, ensure_ascii=False))
        return
    for e in entries:
        # singular forms stand for the entry; an entry with only plural forms
        # ("lags": the singular is a time delay) shows those instead of nothing
        plain = [f for f in e.forms if not f.possessive]
        shown = [f for f in plain if f.number != "plural"] or plain
        forms = ", ".join(f.text for f in shown)
        suggestions = "; ".join(a.singular for a in e.alternatives) or "(rewrite: see advice)"
        click.echo(f"{e.id:<22} {e.category:<18} {e.severity:<6} {forms} -> {suggestions}")
    click.echo(f"{len(entries)} entries", err=True)


@lexicon.command()
@click.argument("entry_id", metavar="ENTRY_ID|FORM")
@click.option("--json", "as_json", is_flag=True, help="Print the entry as JSON.")
@click.pass_obj
def show(obj: Any, entry_id: str, as_json: bool) -> None:
    """Show everything about one entry: forms, context rules, why, sources.

    ENTRY_ID may also be any of its forms, in any case ('inmates', 'Inmate')."""
    lex = _load(obj)
    entry = lex.find(entry_id)
    if entry is None:
        ids = [e.id for e in lex.entries]
        close = difflib.get_close_matches(entry_id.casefold(), ids, n=4)
        hint = f" (close matches: {', '.join(close)})" if close else ""
        raise LexiconError(f"unknown lexicon entry or form '{entry_id}'{hint}")
    if entry.id != entry_id:
        click.echo(f"showing entry '{entry.id}' for '{entry_id}'", err=True)
    if as_json:
        click.echo(json.dumps(entry_json(entry), indent=2, ensure_ascii=False))
        return
    lines = [
        f"{entry.id}  [{entry.category_label}, {entry.severity}]",
        f"sense:        {entry.sense}",
        f"forms:        {', '.join(f.text for f in entry.forms)}",
    ]
    for label, values in (
        ("pos", entry.pos),
        ("not after", entry.not_preceded_by),
        ("not before", entry.not_followed_by),
        ("needs nearby", entry.requires_nearby),
        ("exceptions", entry.exceptions),
    ):
        if values:
            lines.append(f"{label + ':':<14}{', '.join(values)}")
    if not entry.refers_to_people:
        lines.append("refers to:    not people (a frame or a thing)")
    if entry.alternatives:
        lines.append("alternatives:")
        lines += [
            f"  - {a.singular}" + (f" / {a.plural}" if a.plural != a.singular else "")
            for a in entry.alternatives
        ]
    else:
        lines.append("alternatives: none (no drop-in swap; see advice)")
    for label, text in (
        ("advice", entry.advice),
        ("why", entry.rationale),
        ("disagreement", entry.disagreement),
        ("decision", entry.decision),
    ):
        if text:
            lines.append(f"{label + ':':<14}{text}")
    lines.append("sources:")
    lines += [f"  - {s.title} <{s.url}>" for s in entry.sources]
    lines.append(f"defined at:   {entry.file}:{entry.line}")
    click.echo("\n".join(lines))


@lexicon.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["vale"]),
    default="vale",
    show_default=True,
    help="Export format.",
)
@click.argument("directory", type=click.Path(file_okay=False))
@click.pass_obj
def export(obj: Any, fmt: str, directory: str) -> None:
    """Export the lexicon for another tool (a Vale style folder in DIRECTORY)."""
    from lexicon.vale import export_vale

    try:
        written = export_vale(_load(obj), Path(directory))
    except OSError as exc:
        raise LexiconError(
            f"cannot write Vale style to {directory}: {exc.strerror or exc}"
        ) from exc
    rules = [p for p in written if p.suffix == ".yml"]
    click.echo(
        f"wrote {len(rules)} Vale rules to {Path(directory) / 'Framewatch'} "
        f"(see {Path(directory) / 'README.md'})"
    )
