"""Feed scopes and seen requests.

Feeds get an owner scope: ``feeds.operator`` marks the operator's feeds (every feed that was added
without a chat channel, i.e. from the command line), and ``feed_followers`` lists the chat channels
that added a feed (filled from the channel recorded when each chat feed was added).
``seen_requests`` remembers signed Slack requests for their replay window.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("feeds", schema=None) as batch_op:
        batch_op.add_column(sa.Column("operator", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.execute("UPDATE feeds SET operator = (added_platform IS NULL OR added_channel IS NULL)")
    op.create_table(
        "feed_followers",
        sa.Column("feed_id", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(length=20), nullable=False),
        sa.Column("workspace", sa.String(length=100), nullable=False),
        sa.Column("channel", sa.String(length=100), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["feed_id"], ["feeds.id"], name=op.f("fk_feed_followers_feed_id_feeds"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("feed_id", "platform", "workspace", "channel",
                                name=op.f("pk_feed_followers")),
    )
    op.create_index("ix_feed_followers_channel", "feed_followers", ["platform", "workspace", "channel"])
    op.execute(
        "INSERT INTO feed_followers (feed_id, platform, workspace, channel, added_at) "
        "SELECT id, added_platform, COALESCE(added_workspace, ''), added_channel, created_at FROM feeds "
        "WHERE added_platform IS NOT NULL AND added_channel IS NOT NULL"
    )
    op.create_table(
        "seen_requests",
        sa.Column("signature", sa.String(length=100), nullable=False),
        sa.Column("until", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("signature", name=op.f("pk_seen_requests")),
    )
    op.create_index("ix_seen_requests_until", "seen_requests", ["until"])


def downgrade() -> None:
    """Revert this revision."""
    op.drop_index("ix_seen_requests_until", table_name="seen_requests")
    op.drop_table("seen_requests")
    op.drop_index("ix_feed_followers_channel", table_name="feed_followers")
    op.drop_table("feed_followers")
    with op.batch_alter_table("feeds", schema=None) as batch_op:
        batch_op.drop_column("operator")
