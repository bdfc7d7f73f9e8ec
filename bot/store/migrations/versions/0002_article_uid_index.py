"""Index articles by their summarizer id (summary cache lookups).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 18:05:00
"""

from __future__ import annotations

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.create_index("ix_articles_uid", ["uid"], unique=False)


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index("ix_articles_uid")
