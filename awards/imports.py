"""Nominations from a CSV file: the export of an online nomination form or a
spreadsheet kept by the awards team.

Columns (header names are matched case-insensitively; a few common spellings
from form tools are accepted, see ``ALIASES``):

    category, nominator, citation       always
    title                               unless the row names a monitor article
    article                             optional: a monitor article id
    outlet, journalists, url, date      optional; journalists separated by ';' or ',';
                                        dates as ISO or UK day first (15/09/2026,
                                        15 Sept 2026; see ``awards.dates``)
    text                                optional: the piece's text, for its framing profile

The whole file is checked before anything is written: one problem anywhere
(a missing column, a row without a title, a date that is not a date, a
category the cycle does not have, with the closest one named) and nothing is
imported.  A file with a month-first (US) date such as 09/15/2026 may be
month-first throughout, so its dates that read both ways (03/04/2026) are
refused too, each named, rather than guessed; columns it does not know (a form's timestamp or e-mail
column) are left out and named in the report, so a half-imported file never has to be untangled.
A row already nominated in the cycle (same URL, or same title and outlet when
there is no URL) is skipped, so importing an updated export again only adds
the new rows.  Eligibility is judged by the cycle's rules as for any other
nomination: an ineligible row is recorded with its reasons, not refused.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from awards import common, dates, errors, model, nominations
from awards.profiles import CheckEngine
from storage.db import Database

REQUIRED = ("category", "nominator", "citation")
OPTIONAL = ("title", "article", "outlet", "journalists", "url", "date", "text")
ALIASES = {
    "journalist": "journalists",
    "journalist(s)": "journalists",
    "nominees": "journalists",
    "link": "url",
    "published": "date",
    "publication date": "date",
    "broadcast date": "date",
    "article id": "article",
    "headline": "title",
    "nominated by": "nominator",
}
MAX_FIELD = 200_000  # characters; a whole article's text fits, a runaway cell does not


class ImportProblems(errors.AwardsError):
    """Every problem found in a file, one ``path:line: message`` each."""

    def __init__(self, source: str, problems: list[str]):
        self.problems = problems
        super().__init__(
            f"{source}: {len(problems)} problem{'s' if len(problems) != 1 else ''}, nothing imported"
        )


@dataclass(frozen=True)
class Row:
    line: int
    category: str
    nominator: str
    citation: str
    title: str = ""
    article_id: int | None = None
    outlet: str = ""
    journalists: tuple[str, ...] = ()
    url: str = ""
    date: str | None = None
    text: str = ""


@dataclass
class ImportReport:
    rows: int = 0
    created: list[model.Nomination] = field(default_factory=list)
    planned: list[int] = field(default_factory=list)  # lines a dry run would nominate
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (line, why)

    def to_json(self) -> dict:
        return {
            "rows": self.rows,
            "created": [n.to_json() for n in self.created],
            "would_create_lines": self.planned,
            "skipped": [{"line": line, "reason": why} for line, why in self.skipped],
        }


def _key(name: str) -> str:
    name = " ".join(name.strip().lower().replace("_", " ").split())
    return ALIASES.get(name, name)


def read_rows(path: Path) -> tuple[list[Row], tuple[str, ...]]:
    """Every row of the file and the names of the columns left out, or
    ImportProblems listing every problem, one per line."""
    csv.field_size_limit(MAX_FIELD)
    records: list[tuple[int, list[str]]] = []  # (first physical line, cells)
    try:
        # utf-8-sig: spreadsheet programs put a byte-order mark before the header
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh)
            end = 0
            for record in reader:
                # a quoted citation may span lines: report the line its row starts on
                records.append((end + 1, record))
                end = reader.line_num
    except UnicodeDecodeError as exc:
        raise errors.AwardsError(
            f"{path}: not UTF-8 text (byte {exc.start}); save it as 'CSV UTF-8'"
        ) from exc
    except csv.Error as exc:
        raise errors.AwardsError(f"{path}: not a readable CSV file ({exc})") from exc
    except OSError as exc:
        raise errors.AwardsError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    if not records or not any(cell.strip() for cell in records[0][1]):
        raise errors.AwardsError(
            f"{path}: empty; the first line must name the columns ({', '.join(REQUIRED)}, ...)"
        )
    header, ignored = _header(path, records[0][1])
    rows: list[Row] = []
    problems: list[tuple[int, str]] = []
    two_way: dict[int, str] = {}  # line -> a date that reads both ways (03/04/2026)
    month_first: dict[int, str] = {}  # line -> a date that reads only month first
    for n, record in records[1:]:
        if not any(cell.strip() for cell in record):
            continue  # blank lines in a spreadsheet export
        if len(record) > len(header):
            problems.append(
                (n, f"{len(record)} cells for {len(header)} columns (an unquoted comma?)")
            )
            continue
        cell = {
            h: record[i].strip() if i < len(record) else ""
            for i, h in enumerate(header)
            if h in REQUIRED + OPTIONAL
        }
        _date_order(n, cell.get("date", ""), two_way, month_first)
        try:
            rows.append(_row(n, cell))
        except errors.AwardsError as exc:
            problems.append((n, str(exc)))
    if month_first:
        first_line, first = next(iter(month_first.items()))
        problems.extend(
            (
                n,
                f"date '{text}' reads two ways (day first or month first) and line "
                f"{first_line} has a month-first date ('{first}'): write it as YYYY-MM-DD",
            )
            for n, text in two_way.items()
        )
    if problems:
        raise ImportProblems(str(path), [f"{path}:{n}: {msg}" for n, msg in sorted(problems)])
    return rows, ignored


def _header(path: Path, names: list[str]) -> tuple[list[str], tuple[str, ...]]:
    """The columns as known names, and the names of those left out; AwardsError
    for a missing column or two columns meaning the same."""
    header = [_key(h) for h in names]
    for known in REQUIRED + OPTIONAL:
        twins = [names[i].strip() for i, h in enumerate(header) if h == known]
        if len(twins) > 1:
            raise errors.AwardsError(
                f"{path}:1: columns {' and '.join(twins)} both mean '{known}'; keep one"
            )
    missing = [c for c in REQUIRED if c not in header]
    if "title" not in header and "article" not in header:
        missing.append("title (or article)")
    if missing:
        raise errors.AwardsError(f"{path}:1: missing column(s): {', '.join(missing)}")
    # a form export carries its own columns (timestamp, e-mail...): they are left out, and said so
    ignored = tuple(
        names[i].strip() for i, h in enumerate(header) if h and h not in REQUIRED + OPTIONAL
    )
    return header, ignored


def _date_order(line: int, text: str, two_way: dict[int, str], month_first: dict[int, str]) -> None:
    """Note a date that reads both ways, or only month first (see the module docstring)."""
    if not text:
        return
    if dates.ambiguous(text):
        two_way[line] = text
        return
    try:
        dates.parse_day(text)
    except dates.MonthFirst:
        month_first[line] = text
    except dates.DateProblem:
        pass  # reported by _row


def _row(line: int, cell: dict[str, str]) -> Row:
    for name in REQUIRED:
        if not cell.get(name):
            raise errors.AwardsError(f"{name} is empty")
    article_id = None
    if cell.get("article"):
        try:
            article_id = int(cell["article"])
        except ValueError as exc:
            raise errors.AwardsError(
                f"article '{cell['article']}' is not an article id (a number)"
            ) from exc
    elif not cell.get("title"):
        raise errors.AwardsError("title is empty (and no monitor article is named)")
    return Row(
        line=line,
        category=cell["category"],
        nominator=cell["nominator"],
        citation=cell["citation"],
        title=cell.get("title", ""),
        article_id=article_id,
        outlet=cell.get("outlet", ""),
        journalists=common.split_names(cell.get("journalists", "")),
        url=cell.get("url", ""),
        date=common.parse_date(cell.get("date"), "date"),
        text=cell.get("text", ""),
    )


def _identity(article_id: int | None, url: str, title: str, outlet: str) -> tuple:
    """What makes two nominations the same piece: the monitor article, else the
    URL, else the title and outlet."""
    if article_id is not None:
        return ("article", article_id)
    if url.strip():
        return ("url", url.strip())
    return ("title", " ".join(title.lower().split()), " ".join(outlet.lower().split()))


def _preflight(
    db: Database, cycle: model.Cycle, rows: list[Row], source: str
) -> tuple[dict[int, str], dict[int, str]]:
    """Each row's category as the cycle spells it and every named monitor
    article's URL; ImportProblems naming every unknown category and missing
    article (nothing is written), AwardsError if the cycle is archived."""
    with db.read() as conn:
        common.writable_cycle(conn, cycle.id)
    problems: list[tuple[int, str]] = []
    categories: dict[int, str] = {}
    article_urls: dict[int, str] = {}
    for row in rows:
        try:
            categories[row.line] = common.resolve_category(cycle, row.category)
        except errors.AwardsError as exc:
            problems.append((row.line, str(exc)))
        if row.article_id is not None and row.article_id not in article_urls:
            try:
                article_urls[row.article_id] = nominations.article_info(db, row.article_id).url
            except errors.AwardsError as exc:
                problems.append((row.line, str(exc)))
    if problems:
        raise ImportProblems(source, [f"{source}:{n}: {msg}" for n, msg in sorted(problems)])
    return categories, article_urls


def _already_nominated(db: Database, cycle: model.Cycle) -> dict[tuple, str]:
    seen: dict[tuple, str] = {}
    for n in nominations.list_nominations(db, cycle.id):
        label = f"#{n.id}"
        seen.setdefault(_identity(n.article_id, n.url, n.title, n.outlet), label)
        if n.url:
            seen.setdefault(_identity(None, n.url, "", ""), label)
    return seen


def _nominate_row(
    db: Database,
    cycle: model.Cycle,
    row: Row,
    category: str,
    who: str,
    engine_once: Callable[[], CheckEngine | None],
) -> model.Nomination:
    if row.article_id is not None:
        return nominations.nominate_article(
            db,
            cycle.id,
            row.article_id,
            category,
            row.nominator,
            row.citation,
            journalists=row.journalists or None,
            who=who,
            engine_factory=engine_once,
        )
    return nominations.nominate(
        db,
        cycle.id,
        title=row.title,
        outlet=row.outlet,
        journalists=row.journalists,
        url=row.url,
        published_on=row.date,
        category=category,
        nominator=row.nominator,
        citation=row.citation,
        text=row.text,
        who=who,
        engine=engine_once() if row.text.strip() else None,
    )


def import_nominations(
    db: Database,
    cycle: model.Cycle,
    rows: list[Row],
    *,
    who: str,
    source: str = "",
    dry_run: bool = False,
    engine_factory: Callable[[], CheckEngine] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Nominate every row not already in the cycle (see the module docstring)."""
    categories, article_urls = _preflight(db, cycle, rows, source)
    seen = _already_nominated(db, cycle)
    report = ImportReport(rows=len(rows))
    loaded: list[CheckEngine] = []

    def engine_once() -> CheckEngine | None:
        # one engine for the whole file: each model load costs about a second
        if engine_factory is None:
            return None  # profiles are recorded as unavailable
        if not loaded:
            loaded.append(engine_factory())
        return loaded[0]

    for i, row in enumerate(rows, start=1):
        keys = [_identity(row.article_id, row.url, row.title, row.outlet)]
        if row.article_id is not None:
            keys.append(_identity(None, article_urls[row.article_id], "", ""))
        before = next((seen[k] for k in keys if k in seen), None)
        if before is not None:
            why = (
                f"the same piece as {before}"
                if before.startswith("line")
                else f"already nominated as {before}"
            )
            report.skipped.append((row.line, why))
        elif dry_run:
            report.planned.append(row.line)
        else:
            report.created.append(
                _nominate_row(db, cycle, row, categories[row.line], who, engine_once)
            )
        if before is None:
            # a file listing the same piece twice nominates it once
            for k in keys:
                seen.setdefault(k, f"line {row.line}")
        if progress is not None:
            progress(i, len(rows))
    return report
