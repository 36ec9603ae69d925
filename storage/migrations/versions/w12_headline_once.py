"""Each use of a label stored once: bodies that repeat the headline lose the repeat.

Revision ID: w12_headline_once
Revises: l14_learned_models
Create Date: 2026-12-04

Extracted bodies began with the headline (the page's ``<h1>``), so a label in
it was flagged as headline and again as body (issue 12: 3 flags for 2 uses).
The monitor now leaves the repeat out (``monitor.extract``); this applies the
same test (``core.headline``) to the articles stored before:

- the body loses its first line(s) where they repeat the headline, and its
  note says so; the page itself is still in ``raw_html_gz``;
- a flag in the repeat joins the headline's flag on the same words and entry:
  a decision made on the repeat moves to it (the headline's own decision wins
  where both were decided, the other is added to its note); with no such flag
  on the headline, the flag itself moves to the headline;
- every later body flag moves back by the length of the repeat, in order
  (so the unique key never meets itself half way);
- an article with a decided flag that cannot be placed in the headline is
  left exactly as it was, so no decision is ever lost.

No downgrade: the older code reads the shorter body as it reads any other.
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

from core.headline import headline_span, repeated_headline_end

revision = "w12_headline_once"
down_revision = "l14_learned_models"
branch_labels = None
depends_on = None

NOTE = "the headline repeated at the start of the text was left out"

articles = sa.table(
    "articles",
    sa.column("id", sa.Integer),
    sa.column("title", sa.Text),
    sa.column("text", sa.Text),
    sa.column("word_count", sa.Integer),
    sa.column("extract_note", sa.Text),
)
flags = sa.table(
    "flags",
    sa.column("id", sa.Integer),
    sa.column("article_id", sa.Integer),
    sa.column("field", sa.String),
    sa.column("start", sa.Integer),
    sa.column("end", sa.Integer),
    sa.column("entry", sa.String),
    sa.column("decision", sa.String),
    sa.column("reason", sa.Text),
    sa.column("note", sa.Text),
    sa.column("decided_by", sa.Text),
    sa.column("decided_at", sa.String),
)


def _merge(conn: sa.Connection, repeat: Any, into: Any) -> None:
    """The repeat's flag goes; what a reviewer said about it stays, on the headline's."""
    values: dict[str, Any] = {}
    if repeat.decision != "pending" and into.decision == "pending":
        values = dict(
            decision=repeat.decision,
            reason=repeat.reason,
            decided_by=repeat.decided_by,
            decided_at=repeat.decided_at,
        )
    elif repeat.decision != "pending" and repeat.decision != into.decision:
        said = f"the repeat of the headline in the body was {repeat.decision}"
        if repeat.decided_by:
            said += f" by {repeat.decided_by}"
        values["note"] = "; ".join(n for n in (into.note, said) if n)
    if repeat.note and repeat.note not in (into.note or ""):
        values["note"] = "; ".join(n for n in (values.get("note", into.note), repeat.note) if n)
    if values:
        conn.execute(flags.update().where(flags.c.id == into.id).values(**values))
    conn.execute(flags.delete().where(flags.c.id == repeat.id))


def _fix(conn: sa.Connection, art: Any, cut: int) -> None:
    rows = conn.execute(sa.select(flags).where(flags.c.article_id == art.id)).all()
    title_flags = {(r.start, r.end, r.entry): r for r in rows if r.field == "title"}
    body = sorted((r for r in rows if r.field != "title"), key=lambda r: r.start)
    repeats = [r for r in body if r.start < cut]
    placed = {r.id: headline_span(art.title, art.text, r.start, r.end) for r in repeats}
    if any(placed[r.id] is None and r.decision != "pending" for r in repeats):
        return  # a decision with nowhere to go: leave this article as it was
    for r in repeats:
        span = placed[r.id]
        if span is None:
            conn.execute(flags.delete().where(flags.c.id == r.id))
        elif (*span, r.entry) in title_flags:
            _merge(conn, r, title_flags[(*span, r.entry)])
        else:
            conn.execute(
                flags.update()
                .where(flags.c.id == r.id)
                .values(field="title", start=span[0], end=span[1])
            )
    for r in body:
        if r.start >= cut:
            conn.execute(
                flags.update()
                .where(flags.c.id == r.id)
                .values(start=r.start - cut, end=r.end - cut)
            )
    text = art.text[cut:]
    conn.execute(
        articles.update()
        .where(articles.c.id == art.id)
        .values(
            text=text,
            word_count=len(text.split()),
            extract_note="; ".join(n for n in (art.extract_note, NOTE) if n),
        )
    )


def upgrade() -> None:
    conn = op.get_bind()
    stored = conn.execute(
        sa.select(articles.c.id, articles.c.title, articles.c.text, articles.c.extract_note).where(
            articles.c.title != "", articles.c.text != ""
        )
    ).all()
    for art in stored:
        cut = repeated_headline_end(art.title, art.text)
        if cut:
            _fix(conn, art, cut)


def downgrade() -> None:
    pass
