"""RSS/Atom feeds (and local folders such as ``seeds/``) polled into the store.

The poller lives in ``bot.feeds.poller``; this package imports nothing itself, so the light
modules here (``bot.feeds.actions``) stay light for ``newsbot``'s argument parser.
"""
