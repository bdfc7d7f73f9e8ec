"""What may be done with feeds: shared by the chat ``feeds`` command and ``newsbot feeds``."""

from __future__ import annotations

__all__ = ["CHAT_FEED_ACTIONS", "OPERATOR_FEED_ACTIONS", "feed_ref"]

CHAT_FEED_ACTIONS = ("list", "add", "remove", "resume", "export")
"""The chat ``feeds`` command's actions, in the order its help lists them."""
OPERATOR_FEED_ACTIONS = tuple(sorted((*CHAT_FEED_ACTIONS, "import", "poll")))
"""``newsbot feeds`` actions: the chat ones plus reading an OPML file and polling on demand."""


def feed_ref(raw: str | None, *, listing: str, error: type[ValueError]) -> str:
    """The feed a user named (its number or URL); ``error`` names its absence, pointing at ``listing``."""
    if not raw:
        raise error(f"name the feed by its number ({listing}) or URL")
    return raw
