"""``framewatch profile``: the constructive-journalism profile of texts or stored articles.

It lives with the monitor's commands, not the engine's, because ``--article``
reads the database (the engine layer does no I/O). Files and standard input
are checked by the organisation's engine first, so the language part counts
the same flags ``framewatch check`` shows.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from monitor.cli.common import echo_json, opened, shown


@click.command("profile")
@click.argument("paths", nargs=-1, metavar="[PATH ...|-]")
@click.option(
    "--article",
    "article_ids",
    type=int,
    multiple=True,
    metavar="ID",
    help="A stored article (repeatable): its profile as stored, computed if it has none.",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per input.")
@click.pass_obj
def profile(ctx: Any, paths: tuple[str, ...], article_ids: tuple[int, ...], as_json: bool) -> None:
    """Profile text as constructive journalism: voices and their roles, episodic
    or thematic frame, solutions, evidence, language, and a 0-100 score with
    the reason for every point.

    Reads the files given, standard input ('-', the default when input is
    piped), or stored articles (--article ID). Exit status 2 when an input
    could not be read (the others are still profiled).
    """
    from framing.cli import InputError, read_input
    from monitor.analyse import get_profiler, load_engine

    if not paths and not article_ids:
        if sys.stdin is None or sys.stdin.isatty():
            raise click.UsageError(
                "give a PATH, --article ID, or pipe text in ('-' reads standard input)"
            )
        paths = ("-",)
    errors = 0
    engine = None
    profiler = get_profiler()
    for p in paths:
        name = "<stdin>" if p == "-" else p
        try:
            text = read_input(p).text
        except InputError as exc:
            click.echo(f"framewatch: error: {name}: {exc}", err=True)
            errors += 1
            continue
        engine = engine or load_engine(ctx.settings)
        prof = profiler.profile(text, "", engine.check(text), ())
        _emit({"path": name}, text, prof, as_json)
    if article_ids:
        from framing.profile import Profile
        from storage import articles as article_store
        from storage.profiles import get_profile

        with opened(ctx) as db:
            for aid in article_ids:
                with db.read(f"reading article {aid}") as conn:
                    art = article_store.get(conn, aid)
                    stored = get_profile(conn, aid) if art is not None else None
                if art is None:
                    click.echo(f"framewatch: error: article {aid}: not found", err=True)
                    errors += 1
                    continue
                if stored is not None:
                    prof = Profile.from_json(stored)
                else:
                    engine = engine or load_engine(ctx.settings)
                    text, title = art.text or "", art.title or ""
                    prof = profiler.profile(text, title, engine.check(text), engine.check(title))
                _emit({"article": aid, "title": art.title or ""}, art.text or "", prof, as_json)
    if errors:
        sys.exit(2)


def _emit(head: dict[str, Any], text: str, prof: Any, as_json: bool) -> None:
    if as_json:
        echo_json({**head, "profile": prof.to_json()})
        return
    from framing.profile import ROLE_LABELS
    from framing.profile.features import describe_feature

    name = head.get("path") or f"article {head['article']}: {head.get('title', '')}"
    click.echo(f"{shown(name)}: constructive score {prof.score}/100 ({prof.words} words)")
    for part in prof.score_parts:
        click.echo(f"  {part.points:>2}/{part.out_of:<2} {part.part}: {shown(part.reason)}")
    drivers = "; ".join(describe_feature(d.feature, d.value) for d in prof.frame.drivers[:3])
    click.echo(f"  frame: {prof.frame.label} ({prof.frame.probability:.2f}); driven by {drivers}")
    if prof.solution_spans:
        kinds = sorted({m.kind for m in prof.solution_spans})
        click.echo(f"  solutions: {', '.join(kinds)}")
    if prof.evidence_spans:
        kinds = sorted({m.kind for m in prof.evidence_spans})
        click.echo(f"  evidence: {', '.join(kinds)}")
    click.echo(f"  voices ({len(prof.voices)}):")
    for v in prof.voices:
        who = shown(v.speaker) if v.speaker else "(speaker not found)"
        words = shown(v.quote if len(v.quote) <= 70 else v.quote[:67] + "...")
        click.echo(f"    [{ROLE_LABELS[v.role]}] {who}: {words}")
        click.echo(f"        {v.kind}, {v.how or 'no attribution'}; role: {shown(v.cue)}")
