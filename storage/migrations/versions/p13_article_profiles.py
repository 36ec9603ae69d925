"""The constructive-journalism profile of each article (issue 13).

``article_profiles``: one row per article (score, frame, lived-experience
voice, solutions, evidence, number of voices, and the whole profile as JSON),
written with the article's analysis and deleted with the article. Articles
stored before have no row until they are analysed again; the queue shows
them as not profiled.

Revision ID: p13_article_profiles
Revises: t17_team_review
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "p13_article_profiles"
down_revision = "t17_team_review"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "article_profiles",
        sa.Column(
            "article_id",
            sa.Integer,
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("computed_at", sa.String(32), nullable=False),
        sa.Column("score", sa.Integer, nullable=False),
        sa.Column("thematic", sa.Boolean, nullable=False),
        sa.Column("lived_experience", sa.Boolean, nullable=False),
        sa.Column("solutions", sa.Boolean, nullable=False),
        sa.Column("evidence", sa.Boolean, nullable=False),
        sa.Column("voices", sa.Integer, nullable=False),
        sa.Column("profile", sa.Text, nullable=False),
    )
    op.create_index("ix_article_profiles_score", "article_profiles", ["score"])


def downgrade() -> None:
    op.drop_index("ix_article_profiles_score", "article_profiles")
    op.drop_table("article_profiles")
