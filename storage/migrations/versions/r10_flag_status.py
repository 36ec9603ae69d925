"""The legal status the engine read for each flag's person (issue 10).

Revision ID: r10_flag_status
Revises: p13_article_profiles
Create Date: 2026-12-07

- ``flags.legal_status``: what the text establishes for the person a label
  refers to (``framing.status``: wanted ... released, unknown, group_generic;
  "" where the wording does not depend on it), so a reviewer sees why a
  wording was chosen without the engine re-reading the article;
- ``flags.status_cue``: the words that decided it ("jailed", "hunting
  (earlier in the paragraph)").

Plain ADD COLUMN with a server default (SQLite and PostgreSQL alike); flags
stored before read "" until their article is analysed again.
"""

import sqlalchemy as sa
from alembic import op

revision = "r10_flag_status"
down_revision = "p13_article_profiles"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "flags", sa.Column("legal_status", sa.String(16), nullable=False, server_default="")
    )
    op.add_column("flags", sa.Column("status_cue", sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    op.drop_column("flags", "status_cue")
    op.drop_column("flags", "legal_status")
