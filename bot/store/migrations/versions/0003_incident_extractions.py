"""Incident records extracted per article and extractor version (the corpus's incident index).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 19:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "incident_extractions",
        sa.Column("article_uid", sa.String(length=64), nullable=False),
        sa.Column("extractor", sa.String(length=100), nullable=False),
        sa.Column("input_hash", sa.String(length=64), nullable=False),
        sa.Column("records", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("article_uid", "extractor", name=op.f("pk_incident_extractions")),
    )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_table("incident_extractions")
