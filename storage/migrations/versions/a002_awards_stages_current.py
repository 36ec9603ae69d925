"""Awards: an explicit current cycle, archived cycles, removed judges and the
highly-commended limit.

Revision ID: a002_awards_stages_current
Revises: a001_awards
Create Date: 2026-11-27

- ``award_settings`` holds values every front end must agree on, one row per
  key; today only ``current_cycle`` (the cycle every awards command, F6 and
  the nominate dialog use when none is named).  Until now the default was the
  newest cycle; so that upgrading changes nothing a team relies on, an
  existing database gets its newest cycle (by year, then id) as current.
- ``award_cycles.highly_commended_max``: how many entries per category may be
  highly commended (one winner per category is fixed).  2 for existing cycles.
- ``award_cycles.archived_at`` / ``archived_by``: an archived cycle is
  read-only and hidden from the defaults.
- ``award_judges.removed_at`` / ``removed_by`` / ``removed_reason``: a judge
  taken off the panel keeps their rows (and their sheets in the audit log);
  their scores stop counting.
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "a002_awards_stages_current"
down_revision = "a001_awards"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("award_cycles") as batch:
        batch.add_column(
            sa.Column("highly_commended_max", sa.Integer, nullable=False, server_default="2")
        )
        batch.add_column(sa.Column("archived_at", sa.String(32)))
        batch.add_column(sa.Column("archived_by", sa.Text, nullable=False, server_default=""))
    with op.batch_alter_table("award_judges") as batch:
        batch.add_column(sa.Column("removed_at", sa.String(32)))
        batch.add_column(sa.Column("removed_by", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("removed_reason", sa.Text, nullable=False, server_default=""))
    op.create_table(
        "award_settings",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False, server_default=""),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("updated_by", sa.Text, nullable=False, server_default=""),
    )
    conn = op.get_bind()
    newest = conn.execute(
        sa.text("SELECT id FROM award_cycles ORDER BY year DESC, id DESC LIMIT 1")
    ).scalar()
    if newest is not None:
        conn.execute(
            sa.text(
                "INSERT INTO award_settings (key, value, updated_at, updated_by) "
                "VALUES ('current_cycle', :value, :at, 'migration a002')"
            ),
            {"value": str(newest), "at": datetime.now(UTC).replace(microsecond=0).isoformat()},
        )


def downgrade() -> None:
    op.drop_table("award_settings")
    with op.batch_alter_table("award_judges") as batch:
        batch.drop_column("removed_reason")
        batch.drop_column("removed_by")
        batch.drop_column("removed_at")
    with op.batch_alter_table("award_cycles") as batch:
        batch.drop_column("archived_by")
        batch.drop_column("archived_at")
        batch.drop_column("highly_commended_max")
