"""Several reviewers on one database: versions, a decision log, article leases (issue 17).

Revision ID: t17_team_review
Revises: w12_feed_folders
Create Date: 2026-12-04

- ``flags.version``: bumped by every decision, so a decision made on what a
  reviewer was shown (version n) is written only if the flag is still at n:
  a change by someone else in between is a conflict reported to the
  reviewer, never a silent overwrite (optimistic concurrency).  Existing
  flags start at 0 whether decided or not.
- ``flag_decisions``: every decision, who made it and when, with the version
  it produced ((flag, version) unique: two decisions can never both have
  been written over the same one).  Per-reviewer progress is counted here.
- ``article_leases``: who has an article open for review, until when (the
  UI renews it while the article is open, deletes it on leaving; a closed
  laptop's lease just expires).  One row per article.

Plain ADD COLUMN with a server default (SQLite and PostgreSQL alike).
"""

import sqlalchemy as sa
from alembic import op

revision = "t17_team_review"
down_revision = "w12_feed_folders"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("flags", sa.Column("version", sa.Integer, nullable=False, server_default="0"))
    op.create_table(
        "flag_decisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "flag_id", sa.Integer, sa.ForeignKey("flags.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("article_id", sa.Integer, nullable=False),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=False, server_default=""),
        sa.Column("by", sa.Text, nullable=False, server_default=""),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.UniqueConstraint("flag_id", "version", name="uq_flag_decisions_version"),
    )
    op.create_index("ix_flag_decisions_by", "flag_decisions", ["by", "at"])
    op.create_table(
        "article_leases",
        sa.Column(
            "article_id",
            sa.Integer,
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            primary_key=True,
            autoincrement=False,
        ),
        sa.Column("holder", sa.Text, nullable=False),  # the reviewer's name
        sa.Column("session", sa.Text, nullable=False),  # host:pid of their UI
        sa.Column("acquired_at", sa.String(32), nullable=False),
        sa.Column("expires_at", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("article_leases")
    op.drop_index("ix_flag_decisions_by", "flag_decisions")
    op.drop_table("flag_decisions")
    op.drop_column("flags", "version")
