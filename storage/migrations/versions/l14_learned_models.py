"""The learned review model per database, and each flag's predicted dismissal (issue 14).

``learned_models``: one row per training (when, on how many decisions, for
which lexicon, which estimator, its cross-validated figures, the pickled
estimator); the newest is used.  ``flags.dismiss_p``: the model's predicted
probability that a reviewer would dismiss the flag, written after training
so the queue can sort likely-accepted work first in SQL.

Revision ID: l14_learned_models
Revises: l14_decision_features
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "l14_learned_models"
down_revision = "l14_decision_features"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "learned_models",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("trained_at", sa.String(32), nullable=False),
        sa.Column("decisions", sa.Integer, nullable=False),
        sa.Column("lexicon_hash", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("metrics", sa.Text, nullable=False, server_default="{}"),
        sa.Column("seconds", sa.Float, nullable=False, server_default="0"),
        sa.Column("model", sa.LargeBinary, nullable=False),
    )
    op.add_column("flags", sa.Column("dismiss_p", sa.Float))


def downgrade() -> None:
    op.drop_column("flags", "dismiss_p")
    op.drop_table("learned_models")
