"""Each decision keeps what the flag looked like when it was made (issue 14).

``flags.features``: JSON from ``framing.features.describe`` (entry, category,
severity, quoted, field, outlet, section, article status, and the words,
lemmas and parts of speech around the span with the referent class the tags
suggest), written with every accept or dismiss.  The learned review model
trains on it, so a lexicon or engine change later does not lose the training
data.  Nullable: decisions made before this migration have none, and the
learner falls back to the flag's own columns for them.

Plain ``ADD COLUMN`` / ``DROP COLUMN`` (SQLite 3.35+, PostgreSQL), not a
batch rebuild: rebuilding ``flags`` is safe (nothing references it) but
needless for one nullable column.

Revision ID: l14_decision_features
Revises: i16_lease_claimed_dates
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "l14_decision_features"
down_revision = "i16_lease_claimed_dates"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("flags", sa.Column("features", sa.Text))


def downgrade() -> None:
    op.drop_column("flags", "features")
