"""The database server's clock, as an SQL expression.

Leases are judged by one clock that every process shares, the database's, never by the
clock of the process that reads them: two hosts whose clocks differ, or a process whose
timer lags under load, still agree on whether a claim has expired.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Float, literal
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from bot.store.models import UTCDateTime

__all__ = ["database_now"]


class _DatabaseNow(FunctionElement[datetime]):
    """The database's current UTC time plus a number of seconds (naive, like stored times)."""

    type = UTCDateTime()
    inherit_cache = True
    name = "database_now"


def database_now(plus_seconds: float = 0.0) -> Any:
    """An SQL expression: the database server's time now, plus ``plus_seconds``."""
    return _DatabaseNow(literal(float(plus_seconds), Float()))


@compiles(_DatabaseNow, "postgresql")
def _postgresql(element: _DatabaseNow, compiler: Any, **kw: Any) -> str:
    seconds = compiler.process(element.clauses, **kw)
    interval = f"make_interval(secs => CAST({seconds} AS double precision))"
    return f"(timezone('UTC', clock_timestamp()) + {interval})"


@compiles(_DatabaseNow, "sqlite")
def _sqlite(element: _DatabaseNow, compiler: Any, **kw: Any) -> str:
    # SQLAlchemy stores SQLite datetimes as 'YYYY-MM-DD HH:MM:SS.ffffff'; '%f' gives 'SS.SSS'.
    seconds = compiler.process(element.clauses, **kw)
    return f"strftime('%Y-%m-%d %H:%M:%f000', 'now', ({seconds}) || ' seconds')"
