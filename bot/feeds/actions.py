"""What may be done with feeds: shared by the chat ``feeds`` command and ``newsbot feeds``."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the console reads the actions before the store's libraries are loaded
    from bot.store import FeedInfo

__all__ = ["CHAT_FEED_ACTIONS", "OPERATOR_FEED_ACTIONS", "feed_ref", "feeds_named",
           "refuse_ignored_arguments"]

CHAT_FEED_ACTIONS = ("list", "add", "remove", "pause", "resume", "export")
"""The chat ``feeds`` command's actions, in the order its help lists them."""
OPERATOR_FEED_ACTIONS = tuple(sorted((*CHAT_FEED_ACTIONS, "import", "poll")))
"""``newsbot feeds`` actions: the chat ones plus reading an OPML file and polling on demand."""
ADDING_ACTIONS = ("add", "import")
"""The actions that add feeds, the only ones ``--since`` and ``--every`` apply to."""


def feed_ref(raw: str | None, *, listing: str, error: type[ValueError]) -> str:
    """The feed a user named (its number, URL or name); ``error`` names its absence, pointing at
    ``listing``."""
    if not raw:
        raise error(f"name the feed by its number ({listing}), URL or name")
    return raw


def feeds_named(feeds: Iterable[FeedInfo], name: str) -> list[FeedInfo]:
    """The feeds whose name (their title, else their address) is ``name``, in any letter case."""
    wanted = name.strip().casefold()
    return [feed for feed in feeds if feed.name.casefold() == wanted]


def refuse_ignored_arguments(
    action: str,
    target: str | None,
    options: Mapping[str, object],
    *,
    actions: Collection[str],
    targetless: Collection[str],
    error: type[ValueError],
) -> None:
    """Raise ``error`` for what ``action`` would ignore: a target for an action in ``targetless``,
    or an option given (``{"--since": value}``; None is not given) to an action that adds no feed.
    ``actions`` are the caller's, so the refusal names only actions it offers."""
    if action in targetless and target:
        raise error(f"unexpected argument {target!r}")
    adding = " and ".join(a for a in ADDING_ACTIONS if a in actions)
    for option, value in options.items():
        if value is not None and action not in ADDING_ACTIONS:
            raise error(f"{option} goes only with feeds {adding}")
