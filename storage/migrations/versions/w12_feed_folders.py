"""Feeds keep the folder a feed reader filed them in.

Revision ID: w12_feed_folders
Revises: w12_reanalyse
Create Date: 2026-12-04

An OPML file from Feedly, Inoreader or NetNewsWire files each feed in a
folder (a parent ``<outline>``) or names one in its ``category`` attribute;
import dropped both, so a campaign's "Courts" and "Prisons" lists came back
as one flat list on export (issue 12).  ``feeds.folder`` holds the folder
path ("Crime/Courts"; "" for none); existing feeds get "".
"""

import sqlalchemy as sa
from alembic import op

revision = "w12_feed_folders"
down_revision = "w12_reanalyse"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("feeds") as batch:
        batch.add_column(sa.Column("folder", sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("feeds") as batch:
        batch.drop_column("folder")
