"""The monitor lease, and the date a feed claimed when it was impossible.

``monitor_leases``: one row per lease (today one, "monitor"): which process
holds it (``host:pid``), a name a person recognises, and until when.  A
second ``monitor run`` on the same database reads who holds it instead of
fetching the same feeds again (issue 16, failure 2).

``articles.published_claimed``: a feed dated an item in the future (2999,
9999) and it pinned the article to the top of every newest-first list; the
monitor now stores the fetch time in ``published_at`` and keeps what the feed
said here (issue 16, failure 9).  Rows stored before get the same treatment:
a ``published_at`` more than a day after now moves here.

Revision ID: i16_lease_claimed_dates (distinctive on purpose: other branches
add migrations after 0002 too, and the lead may re-parent one of them)
Revises: 0002_flag_field
Create Date: 2026-12-01
"""

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import op

revision = "i16_lease_claimed_dates"
down_revision = "0002_flag_field"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "monitor_leases",
        sa.Column("name", sa.String(32), primary_key=True),
        sa.Column("holder", sa.Text, nullable=False),
        sa.Column("holder_name", sa.Text, nullable=False, server_default=""),
        sa.Column("acquired_at", sa.String(32), nullable=False),
        sa.Column("renewed_at", sa.String(32), nullable=False),
        sa.Column("expires_at", sa.String(32), nullable=False),
    )
    op.add_column("articles", sa.Column("published_claimed", sa.Text))
    cutoff = (datetime.now(UTC) + timedelta(days=1)).replace(microsecond=0).isoformat()
    articles = sa.table(
        "articles",
        sa.column("published_at", sa.String),
        sa.column("published_claimed", sa.Text),
        sa.column("fetched_at", sa.String),
    )
    op.execute(
        articles.update()
        .where(articles.c.published_at > cutoff)
        .values(published_claimed=articles.c.published_at, published_at=articles.c.fetched_at)
    )


def downgrade() -> None:
    articles = sa.table(
        "articles", sa.column("published_at", sa.String), sa.column("published_claimed", sa.Text)
    )
    op.execute(
        articles.update()
        .where(articles.c.published_claimed.is_not(None))
        .values(published_at=articles.c.published_claimed)
    )
    # ALTER TABLE ... DROP COLUMN (SQLite 3.35+, PostgreSQL), not a batch rebuild:
    # rebuilding articles drops the old table, and with foreign keys on, that
    # deletes every flag through ON DELETE CASCADE
    op.drop_column("articles", "published_claimed")
    op.drop_table("monitor_leases")
