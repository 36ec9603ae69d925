"""Awards tables: cycles, nominations, judges, recusals, score sheets, audit log.

Revision ID: a001_awards
Revises:
Create Date: 2026-11-26

A separate base on its own branch ("awards") so the awards schema evolves
independently of the monitor's.  ``article_id`` is deliberately not a foreign
key: a nomination keeps its own copy of the piece (title, outlet, URL, text),
so pruning the monitor never breaks an awards record, and the two branches
can be migrated in any order (PostgreSQL included).
"""

import sqlalchemy as sa
from alembic import op

revision = "a001_awards"
down_revision = None
branch_labels = ("awards",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "award_cycles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("window_start", sa.String(10), nullable=False),
        sa.Column("window_end", sa.String(10), nullable=False),
        sa.Column("categories", sa.Text, nullable=False),
        sa.Column("criteria", sa.Text, nullable=False),
        sa.Column("scale_min", sa.Integer, nullable=False, server_default="1"),
        sa.Column("scale_max", sa.Integer, nullable=False, server_default="5"),
        sa.Column("max_items", sa.Integer, nullable=False, server_default="3"),
        sa.Column("max_citation_words", sa.Integer, nullable=False, server_default="500"),
        sa.Column("shortlist_target", sa.Integer, nullable=False, server_default="5"),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("created_by", sa.Text, nullable=False, server_default=""),
        sa.UniqueConstraint("name", name="uq_award_cycles_name"),
    )
    op.create_table(
        "award_nominations",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "cycle_id",
            sa.Integer,
            sa.ForeignKey("award_cycles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("category", sa.Text, nullable=False),
        sa.Column("article_id", sa.Integer),
        sa.Column("title", sa.Text, nullable=False, server_default=""),
        sa.Column("outlet", sa.Text, nullable=False, server_default=""),
        sa.Column("journalists", sa.Text, nullable=False, server_default="[]"),
        sa.Column("url", sa.Text, nullable=False, server_default=""),
        sa.Column("published_on", sa.String(10)),
        sa.Column("nominator", sa.Text, nullable=False, server_default=""),
        sa.Column("citation", sa.Text, nullable=False, server_default=""),
        sa.Column("text", sa.Text, nullable=False, server_default=""),
        sa.Column("eligibility", sa.String(16), nullable=False, server_default="eligible"),
        sa.Column("reasons", sa.Text, nullable=False, server_default="[]"),
        sa.Column("override_reason", sa.Text, nullable=False, server_default=""),
        sa.Column("stage", sa.String(16), nullable=False, server_default="longlist"),
        sa.Column("stage_reason", sa.Text, nullable=False, server_default=""),
        sa.Column("decision", sa.String(24), nullable=False, server_default=""),
        sa.Column("decision_note", sa.Text, nullable=False, server_default=""),
        sa.Column("profile", sa.Text),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("created_by", sa.Text, nullable=False, server_default=""),
        sa.Index("ix_award_nominations_cycle", "cycle_id", "category", "stage"),
    )
    op.create_table(
        "award_judges",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "cycle_id",
            sa.Integer,
            sa.ForeignKey("award_cycles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("added_at", sa.String(32), nullable=False),
        sa.Column("added_by", sa.Text, nullable=False, server_default=""),
        sa.UniqueConstraint("cycle_id", "name", name="uq_award_judges_name"),
    )
    op.create_table(
        "award_recusals",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "nomination_id",
            sa.Integer,
            sa.ForeignKey("award_nominations.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "judge_id",
            sa.Integer,
            sa.ForeignKey("award_judges.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("by", sa.Text, nullable=False, server_default=""),
        sa.UniqueConstraint("nomination_id", "judge_id", name="uq_award_recusals"),
    )
    op.create_table(
        "award_sheets",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "nomination_id",
            sa.Integer,
            sa.ForeignKey("award_nominations.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "judge_id",
            sa.Integer,
            sa.ForeignKey("award_judges.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("scores", sa.Text, nullable=False, server_default="{}"),
        sa.Column("comment", sa.Text, nullable=False, server_default=""),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("updated_by", sa.Text, nullable=False, server_default=""),
        sa.UniqueConstraint("nomination_id", "judge_id", name="uq_award_sheets"),
    )
    op.create_table(
        "award_audit",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("cycle_id", sa.Integer, sa.ForeignKey("award_cycles.id", ondelete="SET NULL")),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("who", sa.Text, nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("entity", sa.String(16), nullable=False),
        sa.Column("entity_id", sa.Integer),
        sa.Column("details", sa.Text, nullable=False, server_default="{}"),
        sa.Index("ix_award_audit_cycle", "cycle_id", "at"),
    )


def downgrade() -> None:
    for name in (
        "award_audit",
        "award_sheets",
        "award_recusals",
        "award_judges",
        "award_nominations",
        "award_cycles",
    ):
        op.drop_table(name)
