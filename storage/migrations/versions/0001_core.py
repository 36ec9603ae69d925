"""Core monitor tables: feeds, fetch events, stories, articles, flags.

Revision ID: 0001_core
Revises:
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_core"
down_revision = None
branch_labels = ("monitor",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "feeds",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("url", sa.Text, nullable=False, unique=True),
        sa.Column("name", sa.Text, nullable=False, server_default=""),
        sa.Column("site_url", sa.Text, nullable=False, server_default=""),
        sa.Column("verified", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("enabled", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("added_at", sa.String(32), nullable=False),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("body_hash", sa.String(64)),
        sa.Column("last_full_fetch_at", sa.String(32)),
        sa.Column("interval_minutes", sa.Integer, nullable=False, server_default="60"),
        sa.Column("next_fetch_at", sa.String(32)),
        sa.Column("last_fetch_at", sa.String(32)),
        sa.Column("last_success_at", sa.String(32)),
        sa.Column("failures", sa.Integer, nullable=False, server_default="0"),
        sa.Column("last_status", sa.Integer),
        sa.Column("last_error_kind", sa.String(16)),
        sa.Column("last_error", sa.Text),
        sa.Column("parse_problem", sa.Text),
    )
    op.create_table(
        "fetch_events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "feed_id", sa.Integer, sa.ForeignKey("feeds.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("status", sa.Integer),
        sa.Column("error_kind", sa.String(16)),
        sa.Column("error", sa.Text),
        sa.Column("new_items", sa.Integer, nullable=False, server_default="0"),
        sa.Column("seen_items", sa.Integer, nullable=False, server_default="0"),
        sa.Column("not_modified", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_fetch_events_feed", "fetch_events", ["feed_id", "at"])
    op.create_table(
        "stories",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.Text, nullable=False, server_default=""),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("feed_id", sa.Integer, sa.ForeignKey("feeds.id", ondelete="SET NULL")),
        sa.Column("outlet", sa.Text, nullable=False, server_default=""),
        sa.Column("guid", sa.Text),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("url_norm", sa.Text, nullable=False, unique=True),
        sa.Column("title", sa.Text, nullable=False, server_default=""),
        sa.Column("title_norm", sa.Text, nullable=False, server_default=""),
        sa.Column("author", sa.Text, nullable=False, server_default=""),
        sa.Column("published_at", sa.String(32)),
        sa.Column("fetched_at", sa.String(32), nullable=False),
        sa.Column("summary", sa.Text, nullable=False, server_default=""),
        sa.Column("text", sa.Text, nullable=False, server_default=""),
        sa.Column("text_source", sa.String(16), nullable=False, server_default="summary"),
        sa.Column("extract_note", sa.Text),
        sa.Column("raw_html_gz", sa.LargeBinary),
        sa.Column("word_count", sa.Integer, nullable=False, server_default="0"),
        sa.Column("relevance", sa.Float, nullable=False, server_default="0"),
        sa.Column("relevant", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="SET NULL")),
        sa.Column("status", sa.String(16), nullable=False, server_default="new"),
        sa.Column("analysed_at", sa.String(32)),
        sa.Column("model", sa.Text),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
    )
    op.create_index("ix_articles_feed_guid", "articles", ["feed_id", "guid"])
    op.create_index("ix_articles_feed_title", "articles", ["feed_id", "title_norm"])
    op.create_index("ix_articles_status", "articles", ["relevant", "status", "published_at"])
    op.create_index("ix_articles_story", "articles", ["story_id"])
    op.create_table(
        "flags",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "article_id",
            sa.Integer,
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("entry", sa.String(64), nullable=False),
        sa.Column("category", sa.String(32), nullable=False),
        sa.Column("severity", sa.String(8), nullable=False),
        sa.Column("quoted", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("suggestions", sa.Text, nullable=False, server_default="[]"),
        sa.Column("rewrite", sa.Text),
        sa.Column("decision", sa.String(16), nullable=False, server_default="pending"),
        sa.Column("reason", sa.Text, nullable=False, server_default=""),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("decided_by", sa.Text, nullable=False, server_default=""),
        sa.Column("decided_at", sa.String(32)),
        sa.UniqueConstraint("article_id", "start", "end", "entry", name="uq_flags_occurrence"),
    )
    op.create_index("ix_flags_entry", "flags", ["entry", "decision"])


def downgrade() -> None:
    for table in ("flags", "articles", "stories", "fetch_events", "feeds"):
        op.drop_table(table)
