"""Subscriptions gain ``paused``: why their channel cannot be posted to (deleted, archived, the
bot removed or without permission). A paused subscription gets no digests or alerts until a
channel manager resumes it.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 08:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Apply this revision."""
    # A plain ADD COLUMN: a batch would rebuild ``subscriptions`` on SQLite, and dropping the old
    # table deletes its deliveries (ON DELETE CASCADE).
    op.add_column("subscriptions", sa.Column("paused", sa.String(length=500), nullable=True))


def downgrade() -> None:
    """Revert this revision (the older release retries a paused subscription's channel again)."""
    # In place, not a batch (its rebuild would delete the deliveries, as above).
    op.drop_column("subscriptions", "paused")
