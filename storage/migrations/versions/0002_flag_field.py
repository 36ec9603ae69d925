"""Flags say which field they are in: the headline ('title') or the body ('text').

Headlines carry much of the stigmatising language, so they are analysed too;
an occurrence is now (article, field, start, end, entry).  Batch mode lets
SQLite rebuild the table to change the unique constraint (PostgreSQL alters it
in place); existing rows, all from the body, get 'text' from the default.

Revision ID: 0002_flag_field
Revises: 0001_core
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_flag_field"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("flags") as batch:
        batch.add_column(sa.Column("field", sa.String(8), nullable=False, server_default="text"))
        batch.drop_constraint("uq_flags_occurrence", type_="unique")
        batch.create_unique_constraint(
            "uq_flags_occurrence", ["article_id", "field", "start", "end", "entry"]
        )


def downgrade() -> None:
    # Headline flags have no place in the old key; they go, body flags stay.
    op.execute(sa.text("DELETE FROM flags WHERE field = 'title'"))
    with op.batch_alter_table("flags") as batch:
        batch.drop_constraint("uq_flags_occurrence", type_="unique")
        batch.create_unique_constraint(
            "uq_flags_occurrence", ["article_id", "start", "end", "entry"]
        )
        batch.drop_column("field")
