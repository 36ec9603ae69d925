"""``framewatch awards``: run a media-awards cycle from the command line.

Every change is written to the audit log under the name from ``--as``, else
``ui.reviewer`` in the settings / FRAMEWATCH_REVIEWER, else the OS user.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from awards import exports, rules
from awards import service as svc

# --- shared plumbing -------------------------------------------------------------------


class _State:
    def __init__(self, ctx_obj, who: str | None, cycle: str | None):
        self.obj, self.who_flag, self.cycle_ref = ctx_obj, who, cycle
        self._db = None

    @property
    def settings(self):
        return self.obj.settings

    @property
    def db(self):
        if self._db is None:
            from storage.db import open_database

            self._db = open_database(self.settings.db_path)
        return self._db

    @property
    def who(self) -> str:
        return svc.default_who(self.who_flag or self.settings.ui.reviewer)

    def cycle(self) -> svc.Cycle:
        return svc.get_cycle(self.db, self.cycle_ref)

    def engine(self):
        try:
            from framing import engine_from_settings
        except ImportError:
            return None
        return engine_from_settings(self.settings)


def _common(f):
    f = click.option(
        "--cycle",
        "cycle_ref",
        metavar="CYCLE",
        help="Cycle id, year or name (default: the latest).",
    )(f)
    f = click.option(
        "--as",
        "who",
        metavar="NAME",
        help="Your name for the audit log (default: ui.reviewer, FRAMEWATCH_REVIEWER, OS user).",
    )(f)
    return f


def _state(who, cycle_ref) -> _State:
    return _State(click.get_current_context().find_root().obj, who, cycle_ref)


def _echo_json(data) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


def _clean(text: str) -> str:
    """Terminal escape sequences in stored text must not reach the terminal."""
    return "".join(ch if ch.isprintable() or ch == "\n" else "?" for ch in str(text))


def _table(title: str, columns: list[str], rows: list[list]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    # Text() cells: stored titles and citations are data, never rich markup.
    t = Table(title=Text(title))
    for c in columns:
        t.add_column(c)
    for r in rows:
        t.add_row(*[Text(_clean("" if v is None else v)) for v in r])
    Console(highlight=False).print(t)


def _read_text(path: str | None, what: str) -> str:
    if not path:
        return ""
    try:
        data = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise svc.AwardsError(
            f"{path}: cannot read {what} ({getattr(exc, 'strerror', None) or exc})"
        ) from exc
    return data


def _nom_line(n: svc.Nomination) -> str:
    return f"#{n.id} [{n.category}] {n.title} - {n.nominee} ({n.stage}, {n.eligibility})"


# --- the group ---------------------------------------------------------------------------


@click.group()
def awards() -> None:
    """Media awards: cycles, nominations, sift, judging, results and exports."""


@awards.group()
def cycle() -> None:
    """Create and list award cycles."""


@cycle.command("new")
@click.argument("year", type=click.IntRange(1900, 2200))
@click.option("--name", help="Default: 'Media Awards YEAR'.")
@click.option(
    "--window-start", metavar="DATE", help="First eligible publication date (default: 1 Jan)."
)
@click.option(
    "--window-end", metavar="DATE", help="Last eligible publication date (default: 31 Dec)."
)
@click.option(
    "--category",
    "categories",
    multiple=True,
    help="Repeat for each category (default: the CJA three).",
)
@click.option(
    "--criterion",
    "criteria",
    multiple=True,
    help="Repeat for each criterion (default: the CJA five).",
)
@click.option("--scale", default="1-5", show_default=True, metavar="LOW-HIGH")
@click.option(
    "--max-items",
    type=int,
    default=rules.DEFAULT_MAX_ITEMS,
    show_default=True,
    help="Items per nominee per cycle.",
)
@click.option(
    "--max-words",
    type=int,
    default=rules.DEFAULT_MAX_CITATION_WORDS,
    show_default=True,
    help="Citation word limit.",
)
@click.option(
    "--shortlist-target", type=int, default=rules.DEFAULT_SHORTLIST_TARGET, show_default=True
)
@click.option("--json", "as_json", is_flag=True, help="Print the cycle as JSON.")
@click.option("--as", "who", metavar="NAME", help="Your name for the audit log.")
def cycle_new(
    year,
    name,
    window_start,
    window_end,
    categories,
    criteria,
    scale,
    max_items,
    max_words,
    shortlist_target,
    as_json,
    who,
):
    """Create the award cycle for YEAR."""
    st = _state(who, None)
    try:
        lo, hi = (int(x) for x in scale.split("-", 1))
    except ValueError as exc:
        raise svc.AwardsError(f"--scale '{scale}': use LOW-HIGH, e.g. 1-5") from exc
    c = svc.create_cycle(
        st.db,
        year=year,
        who=st.who,
        name=name,
        window_start=window_start,
        window_end=window_end,
        categories=categories or None,
        criteria=criteria or None,
        scale=(lo, hi),
        max_items=max_items,
        max_citation_words=max_words,
        shortlist_target=shortlist_target,
    )
    if as_json:
        _echo_json(c.to_json())
    else:
        click.echo(
            f"created cycle #{c.id} '{c.name}': window {c.window_start} to {c.window_end}, "
            f"{len(c.categories)} categories, {len(c.criteria)} criteria ({lo}-{hi})"
        )


@cycle.command("edit")
@click.option("--name", help="A new name for the cycle.")
@click.option("--window-start", metavar="DATE", help="First eligible publication date.")
@click.option("--window-end", metavar="DATE", help="Last eligible publication date.")
@click.option(
    "--add-category", "add", multiple=True, metavar="NAME", help="Repeat for each new category."
)
@click.option(
    "--rename-category",
    "rename",
    multiple=True,
    metavar="OLD=NEW",
    help="Rename a category; its nominations move with it.",
)
@click.option(
    "--remove-category",
    "remove",
    multiple=True,
    metavar="NAME",
    help="Remove a category that holds no nominations.",
)
@click.option("--max-items", type=int, help="Items per nominee per cycle.")
@click.option("--max-words", type=int, help="Citation word limit.")
@click.option("--shortlist-target", type=int)
@click.option("--json", "as_json", is_flag=True)
@_common
def cycle_edit(
    name,
    window_start,
    window_end,
    add,
    rename,
    remove,
    max_items,
    max_words,
    shortlist_target,
    as_json,
    who,
    cycle_ref,
):
    """Change a cycle's name, window, categories or limits.

    Every nomination's eligibility is then judged again under the new rules
    (overridden ones stay overridden), and each change is listed and audited.
    Criteria and the scoring scale cannot change: scores are entered in them.
    """
    renames = {}
    for pair in rename:
        before, sep, after = pair.partition("=")
        if not sep or not before.strip() or not after.strip():
            raise click.BadParameter(f"'{pair}': use OLD=NEW", param_hint="--rename-category")
        renames[before] = after
    st = _state(who, cycle_ref)
    c, changes = svc.edit_cycle(
        st.db,
        st.cycle().id,
        who=st.who,
        name=name,
        window_start=window_start,
        window_end=window_end,
        add_categories=add,
        rename_categories=renames,
        remove_categories=remove,
        max_items=max_items,
        max_citation_words=max_words,
        shortlist_target=shortlist_target,
    )
    if as_json:
        _echo_json(
            {
                "cycle": c.to_json(),
                "reassessed": [
                    {
                        "nomination": r.nomination_id,
                        "before": r.before,
                        "after": r.after,
                        "reasons": [x.to_json() for x in r.reasons],
                    }
                    for r in changes
                ],
            }
        )
        return
    click.echo(
        f"updated cycle #{c.id} '{_clean(c.name)}': window {c.window_start} to {c.window_end}; "
        f"categories: {_clean(', '.join(c.categories))}"
    )
    for r in changes:
        why = "; ".join(x.message for x in r.reasons) or "meets every rule now"
        click.echo(
            f"  #{r.nomination_id} {_clean(r.title)}: {r.before} -> {r.after} ({_clean(why)})"
        )
    if not changes:
        click.echo("  no nomination's eligibility changed")


@cycle.command("list")
@click.option("--json", "as_json", is_flag=True)
def cycle_list(as_json):
    """List award cycles."""
    st = _state(None, None)
    found = svc.list_cycles(st.db)
    if as_json:
        _echo_json([c.to_json() for c in found])
        return
    if not found:
        click.echo("no award cycles yet")
    for c in found:
        click.echo(
            f"#{c.id} {c.name}: window {c.window_start} to {c.window_end}; "
            f"categories: {', '.join(c.categories)}"
        )


@awards.command()
@click.option("--article", "article_id", type=int, help="Nominate this monitor article.")
@click.option("--title")
@click.option("--outlet", default="")
@click.option("--journalist", "journalists", multiple=True, help="Repeat for each journalist.")
@click.option("--url", default="")
@click.option("--date", "published_on", metavar="DATE", help="Publication or broadcast date.")
@click.option(
    "--text-file",
    type=click.Path(dir_okay=False),
    help="The piece's text, for its framing profile.",
)
@click.option("--category", required=True)
@click.option("--nominator", required=True)
@click.option("--citation", default=None, help="The citation text.")
@click.option(
    "--citation-file",
    type=click.Path(dir_okay=False),
    help="Read the citation from a file ('-' = stdin).",
)
@click.option("--json", "as_json", is_flag=True)
@_common
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
    """
    st = _state(who, cycle_ref)
    c = st.cycle()
    text = citation if citation is not None else _read_text(citation_file, "citation")
    if article_id is not None and title:
        raise svc.AwardsError("give --article or --title, not both")
    if article_id is not None:
        n = svc.nominate_article(
            st.db,
            c.id,
            article_id,
            svc.match_category(c, category),
            nominator,
            text,
            journalists=journalists or None,
            who=st.who,
            engine_factory=st.engine,
        )
    elif title:
        body = _read_text(text_file, "text")
        n = svc.nominate(
            st.db,
            c.id,
            title=title,
            outlet=outlet,
            journalists=journalists,
            url=url,
            published_on=published_on,
            category=svc.match_category(c, category),
            nominator=nominator,
            citation=text,
            text=body,
            who=st.who,
            engine=st.engine() if body.strip() else None,
        )
    else:
        raise svc.AwardsError(
            "nominate: give --article ID, or --title (and --outlet, --journalist, --url, --date)"
        )
    if as_json:
        _echo_json(n.to_json())
        return
    click.echo(f"recorded {_clean(_nom_line(n))}")
    for r in n.reasons:
        click.echo(f"  ineligible: {_clean(r.message)}")
    if n.profile:
        click.echo(f"  framing profile: {n.profile.summary()}")
    elif n.profile_note:
        click.echo(f"  framing profile: {_clean(n.profile_note)}")


@awards.command("import")
@click.argument("csv_file", metavar="FILE.csv", type=click.Path(dir_okay=False))
@click.option(
    "--dry-run", is_flag=True, help="Check the file and say what would be nominated; write nothing."
)
@click.option("--json", "as_json", is_flag=True)
@_common
def import_cmd(csv_file, dry_run, as_json, who, cycle_ref):
    """Nominate every row of FILE.csv (an online form's or spreadsheet's export).

    \b
    Columns: category, nominator, citation, title (or article = a monitor
    article id); optional: outlet, journalists (';' or ',' between names),
    url, date (YYYY-MM-DD), text (for the framing profile).

    The whole file is checked first: any problem and nothing is imported.
    Rows already nominated in the cycle (same URL, article, or title and
    outlet) are skipped, so an updated export can be imported again.
    """
    from contextlib import nullcontext

    from awards.imports import ImportProblems, import_nominations, read_rows

    st = _state(who, cycle_ref)
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
            click.echo(_clean(line), err=True)
        raise
    if as_json:
        _echo_json({**report.to_json(), "ignored_columns": list(ignored)})
        return
    if ignored:
        click.echo(f"{csv_file}: columns left out: {_clean(', '.join(ignored))}")
    for n in report.created:
        click.echo(f"recorded {_clean(_nom_line(n))}")
        for r in n.reasons:
            click.echo(f"  ineligible: {_clean(r.message)}")
    for line in report.planned:
        click.echo(f"{csv_file}:{line}: would be nominated")
    for line, why in report.skipped:
        click.echo(f"{csv_file}:{line}: skipped, {why}")
    verb = "would nominate" if dry_run else "nominated"
    count = len(report.planned) if dry_run else len(report.created)
    click.echo(
        f"{report.rows} rows: {verb} {count}, skipped {len(report.skipped)} (cycle '{_clean(c.name)}')"
    )


@awards.command("nominations")
@click.option("--category")
@click.option("--list", "stage", type=click.Choice(rules.STAGES))
@click.option("--json", "as_json", is_flag=True)
@_common
def nominations_cmd(category, stage, as_json, who, cycle_ref):
    """List nominations with eligibility, list and framing profile."""
    st = _state(who, cycle_ref)
    c = st.cycle()
    found = svc.list_nominations(
        st.db, c.id, category=svc.match_category(c, category) if category else None, stage=stage
    )
    if as_json:
        _echo_json([n.to_json() for n in found])
        return
    _table(
        f"{c.name}: nominations",
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


@awards.command()
@click.argument("nomination", type=int)
@click.option("--reason", required=True, help="Why the rule is set aside (recorded).")
@_common
def override(nomination, reason, who, cycle_ref):
    """Accept an ineligible nomination anyway, with a reason."""
    st = _state(who, cycle_ref)
    n = svc.override_eligibility(st.db, nomination, reason, who=st.who)
    click.echo(f"#{n.id} now {n.eligibility}: {_clean(reason)}")


@awards.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True)
@_common
@click.pass_context
def shortlist(ctx, as_json, who, cycle_ref):
    """Show the lists per category against the shortlist target (or 'move')."""
    if ctx.invoked_subcommand is not None:
        return
    ctx.invoke(shortlist_show, as_json=as_json, who=who, cycle_ref=cycle_ref)


@shortlist.command("show")
@click.option("--json", "as_json", is_flag=True)
@_common
def shortlist_show(as_json, who, cycle_ref):
    """Per category: shortlisted pieces and the count against the target."""
    st = _state(who, cycle_ref)
    c = st.cycle()
    noms = svc.list_nominations(st.db, c.id)
    prog = svc.progress_from(c, noms)
    if as_json:
        _echo_json(
            {
                "cycle": c.name,
                "categories": [
                    {
                        **p.__dict__,
                        "nominations": [n.to_json() for n in noms if n.category == p.category],
                    }
                    for p in prog
                ],
            }
        )
        return
    for p in prog:
        click.echo(
            _clean(
                f"{p.category}: {p.shortlist}/{p.target} shortlisted, "
                f"{p.longlist} on the longlist, {p.declined} declined"
            )
        )
        for n in noms:
            if n.category == p.category and n.stage != "declined":
                click.echo(_clean(f"  {_nom_line(n)}"))


@shortlist.command("move")
@click.argument("nomination", type=int)
@click.option("--to", "to", required=True, type=click.Choice(rules.STAGES))
@click.option("--reason", default="", help="Required when declining.")
@_common
def shortlist_move(nomination, to, reason, who, cycle_ref):
    """Move NOMINATION to the longlist, shortlist or declined."""
    st = _state(who, cycle_ref)
    n = svc.move(st.db, nomination, to, reason, who=st.who)
    click.echo(_clean(f"#{n.id} moved to the {n.stage}" + (f": {reason}" if reason else "")))


@awards.command()
@click.argument("nomination", type=int)
@click.argument("decision", type=click.Choice([d for d in rules.DECISIONS if d]))
@click.option("--note", default="")
@_common
def decide(nomination, decision, note, who, cycle_ref):
    """Record the final decision for NOMINATION (the decision log)."""
    st = _state(who, cycle_ref)
    n = svc.decide(st.db, nomination, decision, note, who=st.who)
    click.echo(f"#{n.id}: {n.decision}")


@awards.group()
def judge() -> None:
    """Manage the judging panel."""


@judge.command("add")
@click.argument("name")
@_common
def judge_add(name, who, cycle_ref):
    """Add NAME to the cycle's judging panel."""
    st = _state(who, cycle_ref)
    j = svc.add_judge(st.db, st.cycle().id, name, who=st.who)
    click.echo(_clean(f"judge '{j.name}' added"))


@judge.command("list")
@click.option("--json", "as_json", is_flag=True)
@_common
def judge_list(as_json, who, cycle_ref):
    """List the cycle's judges."""
    st = _state(who, cycle_ref)
    found = svc.list_judges(st.db, st.cycle().id)
    if as_json:
        _echo_json([j.__dict__ for j in found])
    else:
        for j in found:
            click.echo(_clean(j.name))


@awards.command()
@click.argument("nomination", type=int)
@click.option("--judge", "judge_name", required=True)
@click.option("--reason", required=True, help="The conflict of interest.")
@_common
def recuse(nomination, judge_name, reason, who, cycle_ref):
    """Record that a judge recuses from NOMINATION (their scores stop counting)."""
    st = _state(who, cycle_ref)
    r = svc.recuse(st.db, nomination, judge_name, reason, who=st.who)
    click.echo(_clean(f"{r.judge} recused from #{r.nomination_id}: {r.reason}"))


@awards.command("recusals")
@click.option("--json", "as_json", is_flag=True)
@_common
def recusals_cmd(as_json, who, cycle_ref):
    """List recusals with reasons."""
    st = _state(who, cycle_ref)
    found = svc.list_recusals(st.db, st.cycle().id)
    if as_json:
        _echo_json([r.__dict__ for r in found])
        return
    for r in found:
        click.echo(_clean(f"#{r.nomination_id} {r.judge}: {r.reason}"))


def _parse_scores(cycle: svc.Cycle, pairs: tuple[str, ...], all_: str | None) -> dict[str, int]:
    out: dict[str, int] = {}
    if all_:
        parts = [p.strip() for p in all_.split(",")]
        if len(parts) != len(cycle.criteria):
            raise svc.AwardsError(
                f"--all needs {len(cycle.criteria)} scores in criterion order "
                f"({', '.join(cycle.criterion_keys)}); got {len(parts)}"
            )
        for key, value in zip(cycle.criterion_keys, parts, strict=True):
            out[key] = _int(value, key)
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise svc.AwardsError(f"--set '{pair}': use CRITERION=SCORE, e.g. relevant=4")
        out[key.strip()] = _int(value, key.strip())
    return out


def _int(value: str, key: str) -> int:
    try:
        return int(value)
    except ValueError as exc:
        raise svc.AwardsError(f"score for {key}: '{value}' is not a whole number") from exc


@awards.command()
@click.argument("nomination", type=int)
@click.option("--judge", "judge_name", required=True)
@click.option("--set", "pairs", multiple=True, metavar="CRITERION=N", help="Repeatable.")
@click.option("--all", "all_", metavar="N,N,...", help="Every criterion, in order.")
@click.option("--comment")
@_common
def score(nomination, judge_name, pairs, all_, comment, who, cycle_ref):
    """Enter a judge's scores for NOMINATION (criterion keys: see 'cycle list --json')."""
    st = _state(who, cycle_ref)
    c = svc.cycle_by_id(st.db, svc.get_nomination(st.db, nomination).cycle_id)
    sheet = svc.score(
        st.db, nomination, judge_name, _parse_scores(c, pairs, all_), comment, who=st.who
    )
    state = (
        "complete" if sheet.complete else f"{len(sheet.scores)}/{len(c.criteria)} criteria scored"
    )
    click.echo(_clean(f"#{nomination} {sheet.judge}: {state}"))


def _fmt(v, digits=2):
    return "" if v is None else (f"{v:.{digits}f}" if isinstance(v, float) else str(v))


@awards.command("results")
@click.option("--category")
@click.option("--list", "stage", type=click.Choice(rules.STAGES))
@click.option("--normalise", is_flag=True, help="Also show per-judge z-score normalised means.")
@click.option("--json", "as_json", is_flag=True)
@_common
def results_cmd(category, stage, normalise, as_json, who, cycle_ref):
    """Mean of completed scores, number of judges, spread and disagreement per nomination."""
    st = _state(who, cycle_ref)
    c = st.cycle()
    rows = svc.results(
        st.db,
        c.id,
        category=svc.match_category(c, category) if category else None,
        stage=stage,
        normalise=normalise,
    )
    if as_json:
        _echo_json(
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
    _table(f"{c.name}: results (totals out of {len(c.criteria) * c.scale[1]})", cols, out)


@awards.command()
@click.argument("nomination", type=int, required=False)
@click.option("--all", "all_", is_flag=True, help="Every nomination in the cycle.")
@_common
def profile(nomination, all_, who, cycle_ref):
    """Recompute the framing profile of NOMINATION (or --all) with the current engine."""
    st = _state(who, cycle_ref)
    if nomination is None and not all_:
        raise svc.AwardsError("profile: give a NOMINATION id or --all")
    ids = [n.id for n in svc.list_nominations(st.db, st.cycle().id)] if all_ else [nomination]
    from rich.progress import Progress

    engine = st.engine()
    lines = []
    # Progress on stderr so the per-nomination lines on stdout stay clean for scripts.
    with Progress(console=_stderr_console(), transient=True) as bar:
        task = bar.add_task("framing profiles", total=len(ids))
        for nid in ids:
            n = svc.recompute_profile(st.db, nid, who=st.who, engine=engine)
            lines.append(f"#{n.id}: {n.profile.summary() if n.profile else n.profile_note}")
            bar.advance(task)
    for line in lines:
        click.echo(_clean(line))


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


@awards.command("export")
@click.argument("kind", type=click.Choice(exports.KINDS))
@click.argument("path", type=click.Path())
@click.option(
    "--judge", "judge_name", help="judge-pack: this judge only (else one file per judge in PATH)."
)
@_common
def export_cmd(kind, path, judge_name, who, cycle_ref):
    """Export KIND to PATH: shortlist-csv, shortlist-md, judge-pack, scores, recusals, audit."""
    st = _state(who, cycle_ref)
    for f in exports.export(st.db, st.cycle().id, kind, path, judge=judge_name):
        click.echo(f"wrote {f}")


@awards.command("audit")
@click.option("--json", "as_json", is_flag=True)
@_common
def audit_cmd(as_json, who, cycle_ref):
    """Show the audit log: who changed what, when."""
    st = _state(who, cycle_ref)
    entries = svc.audit_log(st.db, st.cycle().id)
    if as_json:
        _echo_json([e.to_json() for e in entries])
        return
    for e in entries:
        click.echo(
            _clean(
                f"{e.at} {e.who} {e.action} {e.entity}#{e.entity_id} "
                f"{json.dumps(e.details, ensure_ascii=False)}"
            )
        )
