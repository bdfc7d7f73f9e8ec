"""Subscriptions gain excluded words and the role or user group their alerts mention.

Revision ID: 0007
Revises: 0004
Create Date: 2026-12-01 10:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("subscriptions") as batch:
        batch.add_column(sa.Column("exclude", sa.JSON(), nullable=False, server_default="[]"))
        batch.add_column(sa.Column("ping_id", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("ping_name", sa.String(length=200), nullable=True))


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("subscriptions") as batch:
        batch.drop_column("ping_name")
        batch.drop_column("ping_id")
        batch.drop_column("exclude")
