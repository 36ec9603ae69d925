"""What re-analysis needs: the lexicon each article was analysed with, and
flags that say whether they changed or vanished since a reviewer decided.

Revision ID: w12_reanalyse
Revises: w12_headline_once
Create Date: 2026-12-04

- ``articles.lexicon_hash``: the fingerprint (``lexicon.fingerprint``) of the
  lexicon the stored flags came from; NULL for articles analysed before this
  revision (unknown, so ``framewatch reanalyse`` treats them as stale).
- ``flags.lexicon_state``: ``current`` (as the last analysis found it), ``changed``
  (found again after a lexicon change, but not as it was when decided: another
  severity, category, offsets...), ``vanished`` (decided, and no longer found:
  kept as the record of a human judgement, counted nowhere).
- ``flags.previous``: for a changed flag, JSON of what it was when decided.

Plain ADD COLUMN, not a batch rebuild: rebuilding ``articles`` would drop it,
and with foreign keys on that deletes every flag (see i16).
"""

import sqlalchemy as sa
from alembic import op

revision = "w12_reanalyse"
down_revision = "w12_headline_once"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("articles", sa.Column("lexicon_hash", sa.String(32)))
    op.add_column(
        "flags",
        sa.Column("lexicon_state", sa.String(16), nullable=False, server_default="current"),
    )
    op.add_column("flags", sa.Column("previous", sa.Text))


def downgrade() -> None:
    # the older code knows no vanished flags: they would count again, so they go
    op.execute(sa.text("DELETE FROM flags WHERE lexicon_state = 'vanished'"))
    op.drop_column("flags", "previous")
    op.drop_column("flags", "lexicon_state")
    op.drop_column("articles", "lexicon_hash")
