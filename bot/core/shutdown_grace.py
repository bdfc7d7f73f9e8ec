"""How long a stopping process waits for work under way (imports nothing, so the console's
prompt can know it without loading the event loop)."""

from __future__ import annotations

__all__ = ["SHUTDOWN_GRACE"]

SHUTDOWN_GRACE = 10.0  # seconds a stopping process gives a post, then each unfinished command
