"""``framewatch awards nominate|import|nominations|override|recategorise``:
nominations, their eligibility and their category."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from awards import (
    common,
    errors,
    nominations,
    rules,
    sift,
)
from awards.cli.common import (
    clean,
    cli_state,
    common_options,
    echo_json,
    json_option,
    nom_line,
    read_text,
    table,
)


@click.command()
@click.option("--article", "article_id", type=int, help="Nominate this monitor article.")
@click.option("--title")
@click.option("--outlet", default="")
@click.option("--journalist", "journalists", multiple=True, help="Repeat for each journalist.")
@click.option("--url", default="")
@click.option(
    "--date",
    "published_on",
    metavar="DATE",
    help="Publication or broadcast date: 15/09/2026, 15 Sept 2026 or 2026-09-15.",
)
@click.option(
    "--text-file",
    type=click.Path(dir_okay=False),
    help="The piece's text, for its framing profile.",
)
@click.option("--category", required=True, help="One of the cycle's categories (any case).")
@click.option("--nominator", required=True)
@click.option("--citation", default=None, help="The citation text.")
@click.option(
    "--citation-file",
    type=click.Path(dir_okay=False),
    help="Read the citation from a file ('-' = stdin).",
)
@click.option("--json", "as_json", is_flag=True)
@common_options
def nominate(
    article_id,
    title,
    outlet,
    journalists,
    url,
    published_on,
    text_file,
    category,
    nominator,
    citation,
    citation_file,
    as_json,
    who,
    cycle_ref,
):
    """Nominate a piece: a monitor article (--article) or by hand (--title ...).

    Eligibility is checked against the cycle's rules; a nomination that breaks
    one is recorded as ineligible with the reasons (override with 'awards override').
    A category the cycle does not have is refused, with the closest one named.
    """
    st = cli_state(who, cycle_ref)
    c = st.cycle()
    text = citation if citation is not None else read_text(citation_file, "citation")
    if article_id is not None and title:
        raise errors.AwardsError("give --article or --title, not both")
    if article_id is not None:
        n = nominations.nominate_article(
            st.db,
            c.id,
            article_id,
            category,
            nominator,
            text,
            journalists=journalists or None,
            who=st.who,
            engine_factory=st.engine,
        )
    elif title:
        body = read_text(text_file, "text")
        n = nominations.nominate(
            st.db,
            c.id,
            title=title,
            outlet=outlet,
            journalists=journalists,
            url=url,
            published_on=published_on,
            category=category,
            nominator=nominator,
            citation=text,
            text=body,
            who=st.who,
            engine=st.engine() if body.strip() else None,
        )
    else:
        raise errors.AwardsError(
            "nominate: give --article ID, or --title (and --outlet, --journalist, --url, --date)"
        )
    if as_json:
        echo_json(n.to_json())
        return
    click.echo(f"recorded {clean(nom_line(n))} in {clean(st.label(c))}")
    for r in n.reasons:
        click.echo(f"  ineligible: {clean(r.message)}")
    if n.profile:
        click.echo(f"  framing profile: {n.profile.summary()}")
    elif n.profile_note:
        click.echo(f"  framing profile: {clean(n.profile_note)}")


@click.command("import")
@click.argument("csv_file", metavar="FILE.csv", type=click.Path(dir_okay=False))
@click.option(
    "--dry-run", is_flag=True, help="Check the file and say what would be nominated; write nothing."
)
@click.option("--json", "as_json", is_flag=True)
@common_options
def import_cmd(csv_file, dry_run, as_json, who, cycle_ref):
    """Nominate every row of FILE.csv (an online form's or spreadsheet's export).

    \b
    Columns: category, nominator, citation, title (or article = a monitor
    article id); optional: outlet, journalists (';' or ',' between names),
    url, date (15/09/2026, 15 Sept 2026 or 2026-09-15; day first, as in the
    UK), text (for the framing profile).

    The whole file is checked first: any problem (an unknown category, a
    date that is not one or reads both ways in a file of US dates) and
    nothing is imported.
    Rows already nominated in the cycle (same URL, article, or title and
    outlet) are skipped, so an updated export can be imported again.
    """
    from contextlib import nullcontext

    from awards.imports import ImportProblems, import_nominations, read_rows

    st = cli_state(who, cycle_ref)
    c = st.cycle()
    try:
        rows, ignored = read_rows(Path(csv_file))
        show_bar = not as_json and sys.stderr.isatty() and len(rows) > 20
        with (
            click.progressbar(length=len(rows), label="nominating", file=sys.stderr)
            if show_bar
            else nullcontext()
        ) as bar:
            report = import_nominations(
                st.db,
                c,
                rows,
                who=st.who,
                source=csv_file,
                dry_run=dry_run,
                engine_factory=st.engine,
                progress=(lambda done, total: bar.update(1)) if show_bar else None,
            )
    except ImportProblems as exc:
        for line in exc.problems:
            click.echo(clean(line), err=True)
        raise
    if as_json:
        echo_json(
            {
                **report.to_json(),
                "ignored_columns": list(ignored),
                "cycle": c.name,
                "cycle_id": c.id,
            }
        )
        return
    if ignored:
        click.echo(f"{csv_file}: columns left out: {clean(', '.join(ignored))}")
    for n in report.created:
        click.echo(f"recorded {clean(nom_line(n))}")
        for r in n.reasons:
            click.echo(f"  ineligible: {clean(r.message)}")
    for line in report.planned:
        click.echo(f"{csv_file}:{line}: would be nominated")
    for line, why in report.skipped:
        click.echo(f"{csv_file}:{line}: skipped, {why}")
    verb = "would nominate" if dry_run else "nominated"
    count = len(report.planned) if dry_run else len(report.created)
    click.echo(
        f"{report.rows} rows: {verb} {count}, skipped {len(report.skipped)} in {clean(st.label(c))}"
    )


@click.command("nominations")
@click.option("--category")
@click.option("--list", "stage", type=click.Choice(rules.STAGES))
@click.option("--json", "as_json", is_flag=True)
@common_options
def nominations_cmd(category, stage, as_json, who, cycle_ref):
    """List nominations with eligibility, list and framing profile."""
    st = cli_state(who, cycle_ref)
    c = st.cycle()
    found = nominations.list_nominations(
        st.db,
        c.id,
        category=common.resolve_category(c, category) if category else None,
        stage=stage,
    )
    if as_json:
        echo_json([n.to_json() for n in found])
        return
    table(
        f"{st.label(c)}: nominations",
        ["#", "category", "title", "nominee", "list", "eligibility", "framing"],
        [
            [
                n.id,
                n.category,
                n.title,
                n.nominee,
                n.stage,
                n.eligibility + "".join(f"\n- {r.code}" for r in n.reasons),
                n.profile.summary() if n.profile else n.profile_note,
            ]
            for n in found
        ],
    )


@click.command()
@click.argument("nomination", type=int)
@click.option("--reason", required=True, help="Why the rule is set aside (recorded).")
@json_option
@common_options
def override(nomination, reason, as_json, who, cycle_ref):
    """Accept an ineligible nomination anyway, with a reason."""
    st = cli_state(who, cycle_ref)
    c = st.cycle_of(nomination)
    n = sift.override_eligibility(st.db, nomination, reason, who=st.who)
    if as_json:
        echo_json(n.to_json())
        return
    click.echo(f"#{n.id} now {n.eligibility} in {clean(st.label(c))}: {clean(reason)}")


@click.command()
@click.argument("nomination", type=int)
@click.argument("category")
@json_option
@common_options
def recategorise(nomination, category, as_json, who, cycle_ref):
    """Move NOMINATION to CATEGORY, another of its cycle's categories.

    It keeps its list and score sheets; eligibility is judged again.  Refused
    while it has a decision (clear it with 'awards decide ID none')."""
    st = cli_state(who, cycle_ref)
    c = st.cycle_of(nomination)
    before = nominations.get_nomination(st.db, nomination).category
    n = sift.recategorise(st.db, nomination, category, who=st.who)
    if as_json:
        echo_json(n.to_json())
        return
    click.echo(clean(f"#{n.id} moved from {before} to {n.category} in {st.label(c)}"))
