"""One incident store, and search pages read newest first.

The ``incidents`` table the feed poller filled goes; alerts read the records of
``incident_extractions`` (per article and extractor version), which the corpus reads too. Alert
slots become ``alert:<article id>:<position>``; the alerts already delivered are renamed so that
none is sent again. ``ix_articles_newest`` lets a search walk the articles newest first and stop
at the page it shows.

Downgrading brings the table back empty (the feed poller of that release fills it again for new
articles) and leaves the renamed slots as they are.

Revision ID: 0009
Revises: 0005
Create Date: 2026-12-01 12:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0005"
branch_labels: str | None = None
depends_on: str | None = None

_RENAME_ALERT_SLOTS = (
    "UPDATE deliveries SET slot_key = (SELECT 'alert:' || CAST(incidents.article_id AS VARCHAR) || ':' "
    "|| CAST(incidents.position AS VARCHAR) FROM incidents "
    "WHERE 'alert:' || CAST(incidents.id AS VARCHAR) = deliveries.slot_key) "
    "WHERE slot_key IN (SELECT 'alert:' || CAST(id AS VARCHAR) FROM incidents)"
)


def upgrade() -> None:
    """Apply this revision."""
    op.execute(_RENAME_ALERT_SLOTS)
    op.drop_table("incidents")
    op.create_index("ix_articles_newest", "articles", ["published", "uid"])


def downgrade() -> None:
    """Revert this revision."""
    op.drop_index("ix_articles_newest", table_name="articles")
    op.create_table(
        "incidents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("fatalities", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_incidents_article_id_articles"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incidents")),
        sa.UniqueConstraint("article_id", "position", name=op.f("uq_incidents_article_id")),
    )
