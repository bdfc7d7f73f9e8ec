"""What may be done with feeds: shared by the chat ``feeds`` command and ``newsbot feeds``."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the console reads the actions before the store's libraries are loaded
    from bot.store import FeedInfo

__all__ = ["CHAT_FEED_ACTIONS", "OPERATOR_FEED_ACTIONS", "feed_ref", "find_feed", "refuse_ignored_arguments"]

CHAT_FEED_ACTIONS = ("list", "add", "remove", "pause", "resume", "export")
"""The chat ``feeds`` command's actions, in the order its help lists them."""
OPERATOR_FEED_ACTIONS = tuple(sorted((*CHAT_FEED_ACTIONS, "import", "poll")))
"""``newsbot feeds`` actions: the chat ones plus reading an OPML file and polling on demand."""
ADDING_ACTIONS = ("add", "import")
"""The actions that add feeds, the only ones ``--since`` and ``--every`` apply to."""
_LONGEST_NUMBER = 18  # digits of a feed number (longer is a name: int() of it would be slow)


def feed_ref(raw: str | None, *, listing: str, error: type[ValueError]) -> str:
    """The feed a user named (its number, URL or name); ``error`` names its absence, pointing at
    ``listing``."""
    if not raw:
        raise error(f"name the feed by its number ({listing}), URL or name")
    return raw


def find_feed(
    feeds: Iterable[FeedInfo], ref: str, *, listing: str, error: type[ValueError]
) -> FeedInfo | None:
    """The feed ``ref`` names among ``feeds`` (those the user may see): its number (``3``,
    ``#3``), its address, or its name (its title, else its address) in any letter case; None when
    none is. ``error`` when several share the name (pointing at ``listing`` for their numbers)."""
    listed = list(feeds)
    ref = ref.strip()
    number = ref.removeprefix("#")
    numbered = number.isascii() and number.isdigit() and len(number) <= _LONGEST_NUMBER
    for feed in listed:
        if (numbered and feed.id == int(number)) or feed.url == ref:
            return feed
    named = [feed for feed in listed if feed.name.casefold() == ref.casefold()]
    if len(named) > 1:
        raise error(f"{len(named)} feeds are named {ref[:100]!r}; name one by its number ({listing})")
    return named[0] if named else None


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
