"""What tests read straight from the store's tables (the bot itself never needs these views)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.store import Store
from bot.store.models import ArticleRow, DeliveryRow


def article_count(store: Store) -> int:
    """How many articles are stored."""
    with Session(store.engine) as session:
        return session.execute(select(func.count()).select_from(ArticleRow)).scalar_one()


def deliveries(store: Store, subscription_id: int | None = None) -> list[DeliveryRow]:
    """Delivery rows, oldest first (all or one subscription's), detached from their session."""
    query = select(DeliveryRow).order_by(DeliveryRow.id)
    if subscription_id is not None:
        query = query.where(DeliveryRow.subscription_id == subscription_id)
    with Session(store.engine, expire_on_commit=False) as session:
        rows = list(session.scalars(query))
        session.expunge_all()
    return rows
