"""Feeds gain ``gone``: their server said they were removed for good (HTTP 410).

Until now that was read back from the error text the poller recorded. The data migration marks
the paused feeds whose recorded error is that text, and the failure notices already claimed for
them (``payload.gone``), so they still tell channels that retrying cannot help.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 00:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | None = None
depends_on: str | None = None

_GONE_ERROR = "HTTP 410 Gone: the publisher removed this feed"  # the text earlier releases recorded

_feeds = sa.table("feeds", sa.column("paused", sa.Boolean()), sa.column("last_error", sa.String()),
                  sa.column("gone", sa.Boolean()))
_deliveries = sa.table("deliveries", sa.column("id", sa.Integer()), sa.column("kind", sa.String()),
                       sa.column("payload", sa.JSON()))


def upgrade() -> None:
    """Apply this revision."""
    # A plain ADD COLUMN: a batch would rebuild ``feeds`` on SQLite, and dropping the old table
    # deletes its followers (ON DELETE CASCADE).
    op.add_column("feeds", sa.Column("gone", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.execute(_feeds.update().where(_feeds.c.paused.is_(True), _feeds.c.last_error == _GONE_ERROR)
               .values(gone=True))
    connection = op.get_bind()
    notices = connection.execute(sa.select(_deliveries.c.id, _deliveries.c.payload)
                                 .where(_deliveries.c.kind == "notice")).all()
    for delivery_id, payload in notices:
        if payload.get("paused", True) and payload.get("error") == _GONE_ERROR:
            connection.execute(_deliveries.update().where(_deliveries.c.id == delivery_id)
                               .values(payload={**payload, "gone": True}))


def downgrade() -> None:
    """Revert this revision (the older release reads the state from the error text again)."""
    # In place, not a batch (its rebuild of ``feeds`` would delete the followers, as above). SQLite
    # drops a column in place since 3.35; an older one refuses the statement and nothing changes.
    op.drop_column("feeds", "gone")
