"""RSS/Atom feeds (and local folders such as ``seeds/``) polled into the store."""

from __future__ import annotations

from bot.feeds.poller import FeedPoller, PollOptions, PollResult, local_folder

__all__ = ["FeedPoller", "PollOptions", "PollResult", "local_folder"]
