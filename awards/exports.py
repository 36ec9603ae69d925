"""Exports for the people around the awards: shortlist, judge packs, score sheet,
recusals and the audit log.

CSV via the ``csv`` module (quoting handled for citations with commas and
newlines); Markdown for documents people read.  No private contact details are
ever exported: nominations hold none, by design.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from awards import audit, cycles, errors, judging, model, nominations
from awards.profile import Profile
from awards.rules import slug
from core.safe_text import BIDI, C0_EXCEPT_TAB_LF, DEL_C1
from storage.db import Database

KINDS = ("shortlist-csv", "shortlist-md", "judge-pack", "scores", "recusals", "audit")
EXCERPT_WORDS = 60


_CONTROL = re.compile(f"[{C0_EXCEPT_TAB_LF}{DEL_C1}{BIDI}]")


def _plain(value):
    """Control characters and bidi overrides from feeds must not reach whoever opens the file."""
    return _CONTROL.sub("\ufffd", value) if isinstance(value, str) else value


def _excerpt(text: str, words: int = EXCERPT_WORDS) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" ..." if len(parts) > words else "")


def _md_escape(text: str) -> str:
    # Keep user text from turning into headings, links or tables in the pack.
    out = " ".join(_plain(text).split())
    for ch in ("\\", "`", "*", "_", "[", "]", "#", "|", "<", ">"):
        out = out.replace(ch, "\\" + ch)
    return out


def _csv(rows: list[list], header: list[str]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows([_plain(v) for v in row] for row in rows)
    return buf.getvalue()


def _profile_cells(p: Profile | None) -> list:
    if p is None:
        return ["", "", ""]
    return [p.words, p.voice_per_1000, p.quoted_per_1000]


SHORTLIST_COLUMNS = [
    "cycle",
    "category",
    "nomination_id",
    "title",
    "nominee",
    "outlet",
    "url",
    "published_on",
    "nominator",
    "eligibility",
    "citation_excerpt",
    "words",
    "flags_per_1000_own_voice",
    "flags_per_1000_quoted",
]


def shortlist_csv(db: Database, cycle_id: int) -> str:
    cycle = cycles.cycle_by_id(db, cycle_id)
    rows = [
        [
            cycle.name,
            n.category,
            n.id,
            n.title,
            n.nominee,
            n.outlet,
            n.url,
            n.published_on or "",
            n.nominator,
            n.eligibility,
            _excerpt(n.citation),
            *_profile_cells(n.profile),
        ]
        for n in nominations.list_nominations(db, cycle.id, stage="shortlist")
    ]
    return _csv(rows, SHORTLIST_COLUMNS)


def _profile_md(n: model.Nomination) -> list[str]:
    p = n.profile
    if p is None:
        return [f"- Framing profile: not available ({n.profile_note or 'not computed'})"]
    lines = [f"- Framing profile (evidence for the sift, not a verdict): {p.summary()}"]
    for c in p.categories:
        lines.append(
            f"  - {_md_escape(c.category)}: {c.voice} in own voice ({c.voice_per_1000}/1k), "
            f"{c.quoted} quoted ({c.quoted_per_1000}/1k)"
        )
    if p.note:
        lines.append(f"  - {_md_escape(p.note)}")
    return lines


def _item_md(n: model.Nomination, *, full_citation: bool) -> list[str]:
    lines = [f"### #{n.id} {_md_escape(n.title) or '(untitled)'}", ""]
    lines.append(f"- Nominee: {_md_escape(n.nominee) or '-'}")
    lines.append(
        f"- Outlet: {_md_escape(n.outlet) or '-'}; published {n.published_on or 'date unknown'}"
    )
    if n.url:
        lines.append(f"- Link: <{n.url.replace('>', '%3E').replace(' ', '%20')}>")
    if n.eligibility == "overridden":
        lines.append(f"- Eligibility overridden: {_md_escape(n.override_reason)}")
    lines.extend(_profile_md(n))
    lines.append("")
    cit = n.citation if full_citation else _excerpt(n.citation)
    lines.append(f"Citation ({n.citation_words} words):")
    lines.append("")
    lines.extend("> " + _md_escape(para) for para in cit.split("\n\n") if para.strip())
    lines.append("")
    return lines


def shortlist_md(db: Database, cycle_id: int) -> str:
    cycle = cycles.cycle_by_id(db, cycle_id)
    noms = nominations.list_nominations(db, cycle.id, stage="shortlist")
    lines = [f"# Shortlist: {_md_escape(cycle.name)}", ""]
    for cat in cycle.categories:
        mine = [n for n in noms if n.category == cat]
        lines += [f"## {_md_escape(cat)}", ""]
        if not mine:
            lines += ["No shortlisted nominations.", ""]
        for n in mine:
            lines += _item_md(n, full_citation=False)
    return "\n".join(lines).rstrip() + "\n"


def judge_pack(db: Database, cycle_id: int, judge: str) -> str:
    """The shortlisted pieces a judge scores (recused ones listed, not included)."""
    cycle = cycles.cycle_by_id(db, cycle_id)
    names = {j.name.lower(): j.name for j in judging.list_judges(db, cycle.id, removed=False)}
    if judge.strip().lower() not in names:
        raise errors.AwardsError(f"'{judge}' is not a judge in {cycle.name}")
    name = names[judge.strip().lower()]
    recused = {
        r.nomination_id: r.reason for r in judging.list_recusals(db, cycle.id) if r.judge == name
    }
    # What the panel judges (shortlisted, and eligible or overridden), not the stage alone.
    noms = [n for n in nominations.list_nominations(db, cycle.id, stage="shortlist") if n.judged]
    lo, hi = cycle.scale
    lines = [
        f"# Judge's pack: {_md_escape(name)}",
        "",
        f"{_md_escape(cycle.name)}. "
        f"Score each criterion from {lo} to {hi}; a score sheet counts only when every "
        "criterion is scored.",
        "",
        "## Criteria",
        "",
    ]
    lines += [f"- `{k}`: {_md_escape(label)}" for k, label in cycle.criteria]
    lines.append("")
    for cat in cycle.categories:
        mine = [n for n in noms if n.category == cat]
        if not mine:
            continue
        lines += [f"## {_md_escape(cat)}", ""]
        for n in mine:
            if n.id in recused:
                lines += [
                    f"### #{n.id} {_md_escape(n.title)}",
                    "",
                    f"Recused: {_md_escape(recused[n.id])}",
                    "",
                ]
            else:
                lines += _item_md(n, full_citation=True)
    return "\n".join(lines).rstrip() + "\n"


def scores_csv(db: Database, cycle_id: int) -> str:
    cycle = cycles.cycle_by_id(db, cycle_id)
    noms = {n.id: n for n in nominations.list_nominations(db, cycle.id)}
    keys = list(cycle.criterion_keys)
    rows = []
    for s in judging.list_sheets(db, cycle.id):
        n = noms[s.nomination_id]
        total = sum(s.scores.values()) if s.complete else ""
        rows.append(
            [
                n.id,
                n.category,
                n.title,
                s.judge,
                *[s.scores.get(k, "") for k in keys],
                total,
                "yes" if s.complete else "no",
                "yes" if s.recused else "no",
                "yes" if s.removed else "no",
                s.comment,
                s.updated_at,
            ]
        )
    return _csv(
        rows,
        [
            "nomination_id",
            "category",
            "title",
            "judge",
            *keys,
            "total",
            "complete",
            "recused",
            "judge_removed",
            "comment",
            "updated_at",
        ],
    )


def recusals_csv(db: Database, cycle_id: int) -> str:
    rows = [
        [r.nomination_id, r.title, r.judge, r.reason, r.at, r.by]
        for r in judging.list_recusals(db, cycle_id)
    ]
    return _csv(rows, ["nomination_id", "title", "judge", "reason", "at", "recorded_by"])


def audit_csv(db: Database, cycle_id: int | None) -> str:
    rows = [
        [
            e.id,
            e.at,
            e.who,
            e.action,
            e.entity,
            e.entity_id if e.entity_id is not None else "",
            json.dumps(e.details, ensure_ascii=False, sort_keys=True),
        ]
        for e in audit.audit_log(db, cycle_id)
    ]
    return _csv(rows, ["id", "at", "who", "action", "entity", "entity_id", "details"])


def export(
    db: Database, cycle_id: int, kind: str, path: str | Path, *, judge: str | None = None
) -> list[Path]:
    """Write one export; ``judge-pack`` without a judge writes one file per judge into ``path``."""
    target = Path(path)
    if kind not in KINDS:
        raise errors.AwardsError(f"unknown export '{kind}' (use {', '.join(KINDS)})")
    if kind == "judge-pack" and not judge:
        panel = judging.list_judges(db, cycle_id, removed=False)
        if not panel:
            raise errors.AwardsError("no judges yet: add them with 'awards judge add NAME'")
        files = [
            (target / f"judge-pack-{slug(j.name) or j.id}.md", judge_pack(db, cycle_id, j.name))
            for j in panel
        ]
        _mkdir(target)
    else:
        make = {
            "shortlist-csv": lambda: shortlist_csv(db, cycle_id),
            "shortlist-md": lambda: shortlist_md(db, cycle_id),
            "judge-pack": lambda: judge_pack(db, cycle_id, judge or ""),
            "scores": lambda: scores_csv(db, cycle_id),
            "recusals": lambda: recusals_csv(db, cycle_id),
            "audit": lambda: audit_csv(db, cycle_id),
        }[kind]
        if target.is_dir():
            raise errors.AwardsError(f"{target}: is a folder; give a file name")
        files = [(target, make())]
        _mkdir(target.parent)
    written = []
    for file, text in files:
        try:
            file.write_text(text, encoding="utf-8", newline="")
        except OSError as exc:
            raise errors.AwardsError(f"{file}: cannot write ({exc.strerror or exc})") from exc
        written.append(file)
    return written


def _mkdir(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise errors.AwardsError(f"{folder}: cannot create folder ({exc.strerror or exc})") from exc
