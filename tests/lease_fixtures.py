"""Leases run on the database's clock, which tests cannot wind: ``lease_time_passes`` moves
every lease back instead, which is the same as that much time passing on the database."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.store import Store
from bot.store.models import DeliveryRow

__all__ = ["lease_time_passes"]


def lease_time_passes(store: Store, delta: timedelta) -> None:
    """Shorten every delivery's lease by ``delta``."""
    with Session(store.engine) as session, session.begin():
        for row in session.scalars(select(DeliveryRow)):
            row.lease_until = row.lease_until - delta
