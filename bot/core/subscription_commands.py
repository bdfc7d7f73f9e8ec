"""Subscription and feed commands: subscribe, unsubscribe, subscriptions, feeds.

Changing them is for channel managers (Discord Manage Channels, Slack admins or the configured
list, never in a direct message) and owners (the console user, ``NEWSDIGEST_OWNERS``); anyone may
list them. A channel sees and manages its own subscriptions and the feeds it added; the operator's
feeds (added on the command line) are listed everywhere but changed only by owners.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, time, tzinfo
from typing import Any

from bot.core.commands import MAX_SENTENCES
from bot.core.format import plural
from bot.core.mentions import MentionError
from bot.core.registry import ArgumentError, Command, Invocation, Param, Permission, Registry
from bot.core.reply import Field, Reply, Section
from bot.core.services import Services
from bot.core.spelling import Spelling
from bot.feeds.actions import CHAT_FEED_ACTIONS, feed_ref, find_feed, refuse_ignored_arguments
from bot.feeds.opml import OPMLError, OPMLFeed, parse_opml, web_feeds, write_opml
from bot.feeds.urls import FeedURLError, check_public_feed_url
from bot.schedule import ScheduleError, parse_schedule, zone
from bot.store import Delivery, FeedInfo, NewSubscription, Store, Subscription
from bot.vocabulary import Destination, Ping
from summarizer.methods import available_methods

__all__ = ["register"]

MAX_ALERT_FATALITIES = 100_000  # a larger rule could never fire (and overflows the database)
CHAT_EXPORT_CHARS = 8000  # an OPML list longer than this is for the command line, not a chat message
CHAT_IMPORT_FEEDS = 100  # feeds one pasted OPML file may add; longer lists are for newsbot feeds import
MAX_WORDS = 50  # keywords, excluded words or sources one subscription filters on
MAX_WORD_LENGTH = 100  # characters of one of them


def _store(services: Services) -> Store:
    if services.store is None:
        raise ArgumentError("subscriptions and feeds need the database, which is not configured here")
    return services.store


def _destination(inv: Invocation) -> Destination:
    return Destination(inv.platform, inv.channel, inv.workspace)


def _words(inv: Invocation, option: str) -> tuple[str, ...]:
    """The comma-separated words or phrases of ``--option``, trimmed, without repeats (none when
    the option is not given); at most ``MAX_WORDS`` of at most ``MAX_WORD_LENGTH`` characters."""
    raw = inv.args.get(option)
    if raw is None:
        return ()
    words = tuple(dict.fromkeys(w.strip() for w in str(raw).split(",") if w.strip()))
    if not words:
        raise ArgumentError(f"--{option} needs at least one word or phrase (comma-separated)")
    if len(words) > MAX_WORDS:
        raise ArgumentError(f"--{option} takes at most {MAX_WORDS} words or phrases, not {len(words)}")
    if any(len(word) > MAX_WORD_LENGTH for word in words):
        raise ArgumentError(f"--{option}: a word or phrase has at most {MAX_WORD_LENGTH} characters")
    return words


def _start_of(day: date | None, tz: str, now: datetime) -> datetime:
    """Midnight of ``day`` in ``tz`` (as UTC), or now."""
    if day is None:
        return now
    return datetime.combine(day, time(), tzinfo=zone(tz)).astimezone(UTC)


def _when(sub: Subscription, now: datetime) -> str:
    """The schedule and its next run, or why it never runs (a row stored before checks existed)."""
    try:
        return parse_schedule(sub.schedule, sub.timezone).describe(now)
    except ScheduleError as exc:
        return f"{sub.schedule}: {exc}"


def _minute(moment: datetime, tz: str = "UTC") -> str:
    """``2026-11-24 08:00 CET``: ``moment`` in the time zone ``tz`` (UTC for a zone that is
    unknown, as in a row stored before zones were checked)."""
    try:
        shown: tzinfo = zone(tz)
    except ScheduleError:
        shown = UTC
    return f"{moment.astimezone(shown):%Y-%m-%d %H:%M %Z}"


def _last_digest(delivery: Delivery, tz: str) -> str:
    """How a subscription's latest digest went (times in its zone ``tz``): posted, being posted,
    failing or given up."""
    slot, attempts = _minute(delivery.slot_time, tz), delivery.attempts
    if delivery.state == "sent":
        return f"{slot}, posted"
    if delivery.state != "failed":
        return f"{slot}, being posted (attempt {attempts})"
    if delivery.next_attempt is not None:
        retry = _minute(delivery.next_attempt, tz)
        return f"{slot}, attempt {attempts} failed: {delivery.error}; next try {retry}"
    return (f"{slot}, not posted after {plural(attempts, 'attempt')}: {delivery.error}; "
            "its stories wait for the next digest")


def _subscription_section(sub: Subscription, now: datetime, last: Delivery | None,
                          spelling: Spelling | None = None) -> Section:
    """One subscription as listed; ``spelling`` names the resume command as the platform types it."""
    resume = (spelling or Spelling()).typed("resume")
    alert = f"at once for {sub.alert_fatalities}+ fatalities" if sub.alert_fatalities else "off"
    if sub.alert_fatalities and sub.ping:
        alert += f", pinging @{sub.ping.name}"
    fields = (
        Field("Keywords", ", ".join(sub.keywords) or "any"),
        Field("Excluded", ", ".join(sub.exclude) or "none"),
        Field("Sources", ", ".join(sub.sources) or "all"),
        Field("Length", plural(sub.sentences, "sentence")),
        Field("Method", sub.method),
        Field("Incidents", "yes" if sub.include_incidents else "no"),
        Field("Alerts", alert),
        Field("Empty digests", "say nothing new" if sub.announce_empty else "skipped"),
        *((Field("Paused", f"{sub.paused}; {resume} {sub.id} once that is fixed"),) if sub.paused else ()),
        *((Field("Stopped", sub.quarantined),) if sub.quarantined else ()),
        *((Field("Last digest", _last_digest(last, sub.timezone)),) if last else ()),
    )
    when = f"{sub.schedule}, paused" if sub.paused else _when(sub, now)  # no next time: it will not run
    return Section(title=f"#{sub.id} · {when}", fields=fields)


async def _ping(inv: Invocation) -> Ping | None:
    """The role or user group a manager asked alerts to mention, checked against the platform."""
    name = str(inv.args.get("ping") or "").strip()
    if not name:
        return None
    if inv.args.get("alert") is None:
        raise ArgumentError("--ping mentions a role when an alert matches; add --alert N")
    if inv.groups is None:
        raise ArgumentError("alert pings need the roles of a Discord server or the user groups of a Slack "
                            "workspace; there are none here")
    try:
        return await inv.groups.find(name)
    except MentionError as exc:
        raise ArgumentError(f"{exc}; nothing changed") from None


async def subscribe(inv: Invocation, services: Services) -> Reply:
    """Scheduled digests here: 'daily 08:00', 'weekdays 07:30', 'every 6h' or cron, in a time zone."""
    store = _store(services)
    text = str(inv.args.get("schedule") or "").strip()
    if not text:
        raise ArgumentError("say when: 'daily 08:00', 'weekdays 07:30', 'every 6h' or a cron expression")
    given_tz = inv.args.get("tz")
    tz = "UTC" if given_tz is None else str(given_tz)  # given but blank: an unknown zone, not UTC
    try:
        schedule = parse_schedule(text, tz)
    except ScheduleError as exc:
        raise ArgumentError(str(exc)) from None
    ping = await _ping(inv)
    now = services.clock()
    new = NewSubscription(
        destination=_destination(inv), schedule=schedule.text, cron=schedule.cron, timezone=schedule.timezone,
        since=_start_of(inv.args.get("since"), schedule.timezone, now), created_by=inv.user,
        keywords=_words(inv, "keywords"), sources=_words(inv, "sources"),
        sentences=int(inv.args.get("sentences") or services.settings.sentences),
        method=str(inv.args.get("method") or services.settings.method),
        include_incidents=bool(inv.args.get("incidents", True)),
        alert_fatalities=inv.args.get("alert"), announce_empty=bool(inv.args.get("announce_empty")),
        exclude=_words(inv, "exclude"), ping=ping,
    )
    created = await asyncio.to_thread(store.add_subscription, new, now=now)
    starts = "from now" if inv.args.get("since") is None else f"with stories since {inv.args['since']}"
    return Reply(title=f"Subscribed: {schedule.text}", sections=(_subscription_section(created, now, None),),
                 footer=f"Digests start {starts}; unsubscribe {created.id} stops them.")


async def unsubscribe(inv: Invocation, services: Services) -> Reply:
    """Stop one of this channel's subscriptions."""
    store = _store(services)
    if inv.args.get("id") is None:
        raise ArgumentError("which subscription? subscriptions lists their numbers")
    number = int(inv.args["id"])
    if not await asyncio.to_thread(store.remove_subscription, number, _destination(inv)):
        return Reply.failure(f"This channel has no subscription #{number}; subscriptions lists them.")
    return Reply(title=f"Unsubscribed #{number}: no more digests from it here.")


async def resume(inv: Invocation, services: Services) -> Reply:
    """Digests again for a subscription of this channel that was paused (the bot could not post
    here) or stopped by an error."""
    store = _store(services)
    if inv.args.get("id") is None:
        raise ArgumentError("which subscription? subscriptions lists their numbers")
    number = int(inv.args["id"])
    here = _destination(inv)
    current = await asyncio.to_thread(store.get_subscription, number)
    if current is not None and current.active and current.destination == here:
        try:  # a schedule that never runs would only be stopped again, silently this time
            parse_schedule(current.schedule, current.timezone)
        except ScheduleError as exc:
            return Reply.failure(f"Subscription #{number} cannot run again: {exc}. Replace it: "
                                 f"{inv.spelling.typed('unsubscribe')} {number}, then "
                                 f"{inv.spelling.typed('subscribe')} with a schedule that runs.")
    now = services.clock()
    before = await asyncio.to_thread(store.resume_subscription, number, here, now=now)
    if before is None:
        return Reply.failure(f"This channel has no subscription #{number}; subscriptions lists them.")
    if not (before.paused or before.quarantined):
        return Reply(title=f"Subscription #{number} is not paused; its digests go on.")
    return Reply(title=f"Resumed #{number}: {_when(before, now)}.",
                 footer="Its digests and alerts take stories listed from now on; what came while it was "
                        "paused is not posted. If the bot still cannot post here, it pauses it again.")


async def subscriptions(inv: Invocation, services: Services) -> Reply:
    """This channel's subscriptions, their next run and how the last digest went."""
    store = _store(services)
    found = await asyncio.to_thread(store.subscriptions, _destination(inv))
    if not found:
        return Reply(title="No subscriptions in this channel",
                     footer="subscribe weekdays 07:30 --tz Europe/Berlin starts one.")
    now = services.clock()
    last = await asyncio.to_thread(store.last_digests, [s.id for s in found])
    return Reply(title=f"Subscriptions here: {len(found)}",
                 sections=tuple(_subscription_section(s, now, last.get(s.id), inv.spelling) for s in found))


def _feed_status(feed: FeedInfo, spelling: Spelling) -> str:
    if feed.failing_since is not None:
        since = _minute(feed.failing_since)
        failures = plural(feed.failures, "failure")
        if feed.paused:
            return f"paused since {since}: {feed.last_error} ({failures})"
        retry = _minute(feed.next_poll)
        return f"failing since {since}: {feed.last_error} ({failures}; next try {retry})"
    if feed.paused:
        return (f"paused by a channel manager or the operator; {spelling.typed('feeds')} resume {feed.id} "
                "polls it again")
    return "ok" if feed.polled_once else "not polled yet"


def _feed_section(feed: FeedInfo, spelling: Spelling) -> Section:
    polled = _minute(feed.last_polled) if feed.last_polled else "never"
    return Section(
        title=f"#{feed.id} {feed.name}",
        body=feed.url,
        fields=(Field("Status", _feed_status(feed, spelling)), Field("Last polled", polled),
                Field("Every", plural(max(1, feed.poll_interval // 60), "minute"))),
    )


def _changes_feeds(args: Mapping[str, Any]) -> bool:
    """Whether a ``feeds`` request is a manager action (anything but listing)."""
    return str(args.get("action") or "list") != "list"


async def feeds(inv: Invocation, services: Services) -> Reply:
    """RSS/Atom feeds: list, add URL [--since DATE], remove N, pause N, resume N, export (OPML).

    Anyone lists this channel's feeds; managers change them, owners any feed.
    """
    store = _store(services)
    action = str(inv.args.get("action") or "list")
    refuse_ignored_arguments(action, inv.args.get("target"), {"--since": inv.args.get("since")},
                             actions=CHAT_FEED_ACTIONS, targetless=("list", "export"), error=ArgumentError)
    here = _destination(inv)
    if not _changes_feeds(inv.args):
        found = await asyncio.to_thread(store.feeds, here)
        if not found:
            return Reply(title="No feeds here yet", footer="feeds add URL adds one.")
        return Reply(title=f"Feeds here: {len(found)}",
                     sections=tuple(_feed_section(f, inv.spelling) for f in found),
                     footer="The operator's feeds reach every channel; the others were added here.")
    if not Permission.MANAGER.allows(inv):
        return Reply.failure(Permission.MANAGER.refusal(f"feeds {action}", inv))
    now = services.clock()
    if action == "add":
        return await _add_feed(inv, store, here, now)
    if action == "export":
        return _export(await asyncio.to_thread(store.feeds, here))
    target = feed_ref(inv.args.get("target"), listing="feeds lists them", error=ArgumentError)
    visible = await asyncio.to_thread(store.feeds, None if inv.is_owner else here)
    feed = find_feed(visible, target, listing="feeds lists them", error=ArgumentError)
    if feed is None:
        return Reply.failure("No such feed here; feeds lists them.")  # other channels' feeds stay unseen
    if not (inv.is_owner or await asyncio.to_thread(store.follows_feed, feed.id, here)):
        return Reply.failure(f"Feed #{feed.id} is the operator's; only the operator may {action} it.")
    if action in ("pause", "resume"):
        return await _pause_or_resume(inv, store, feed, action, now)
    if not inv.is_owner:  # a manager removes the feed from this channel only
        await asyncio.to_thread(store.unfollow_feed, feed.id, here)
        return Reply(title=f"Removed feed #{feed.id} ({feed.name}) from this channel; its articles stay.")
    await asyncio.to_thread(store.remove_feed, feed.id)
    return Reply(title=f"Removed feed #{feed.id} ({feed.name}) for every channel; its articles stay.")


async def _pause_or_resume(inv: Invocation, store: Store, feed: FeedInfo, action: str, now: datetime
                           ) -> Reply:
    """``feeds pause|resume N``: a manager only for a chat feed this channel alone follows (one
    channel never stops or restarts another's feed), an owner for any feed."""
    only_for = None if inv.is_owner else _destination(inv)
    feeds_typed = inv.spelling.typed("feeds")
    again = f"{feeds_typed} resume {feed.id} polls it again"
    if action == "pause":
        done = await asyncio.to_thread(store.pause_feed, feed.id, only_for=only_for)
    else:
        done = await asyncio.to_thread(store.resume_feed, feed.id, now=now, only_for=only_for)
    if not done:
        current = await asyncio.to_thread(store.get_feed, feed.id)
        if current is None:
            return Reply.failure("No such feed here; feeds lists them.")
        if action == "pause" and current.paused:
            return Reply(title=f"Feed #{feed.id} ({feed.name}) is already paused; {again}.")
        whose = "is the operator's, which reach every channel" if current.operator else (
            "is followed by other channels too")
        return Reply.failure(f"Feed #{feed.id} ({feed.name}) {whose}, so only the bot's owner may {action} "
                             f"it; {feeds_typed} remove {feed.id} stops its stories here.")
    if action == "resume":
        return Reply(title=f"Resumed feed #{feed.id} ({feed.name}); polling it now.")
    return Reply(title=f"Paused feed #{feed.id} ({feed.name}); {again}.",
                 footer="It is paused for every channel that gets its stories.")


async def _add_feed(inv: Invocation, store: Store, here: Destination, now: datetime) -> Reply:
    """Add a feed for this channel (a feed another channel added is followed, not shown)."""
    target = str(inv.args.get("target") or "")
    if not target:
        raise ArgumentError("feeds add needs the feed's address: feeds add https://...")
    try:
        url = await asyncio.to_thread(check_public_feed_url, target)
    except FeedURLError as exc:
        raise ArgumentError(str(exc)) from None
    since = inv.args.get("since")
    feed, added = await asyncio.to_thread(
        store.add_feed, url, now=now, since=_start_of(since, "UTC", now) if since else None, added_by=here)
    if not added:
        return Reply(title=f"Feed #{feed.id} is already followed here",
                     sections=(_feed_section(feed, inv.spelling),))
    return Reply(title=f"Added feed #{feed.id}", sections=(_feed_section(feed, inv.spelling),),
                 footer="Its existing items are kept as back catalogue; only new ones reach digests.")


def _export(found: list[FeedInfo]) -> Reply:
    """The channel's feeds (the operator's and its own) as an OPML file in a code block."""
    listed = web_feeds(found)
    if not listed:
        return Reply(title="No feeds here to export", footer="feeds add URL adds one.")
    document = write_opml(listed, "newsdigest feeds")
    if len(document) > CHAT_EXPORT_CHARS:
        return Reply.failure(f"{plural(len(listed), 'feed')} make an OPML file too long for a chat message; "
                             "the operator can run newsbot feeds export.")
    return Reply(title=f"Feeds here as OPML: {len(listed)}",
                 sections=(Section(title="feeds.opml", body=document, code=True),),
                 footer="Save it as feeds.opml: feed readers import it, and so does newsbot feeds import.")


async def import_opml(inv: Invocation, services: Services) -> Reply:
    """Follow every feed of a pasted OPML file here: all of them, or none.

    The whole file goes after the command, as text or in a code block. A file with anything wrong
    (not OPML, a DTD, a feed that is not a public http(s) address, too many feeds) adds nothing.
    """
    store = _store(services)
    document = _unfenced(str(inv.args.get("opml") or ""))
    if not document:
        raise ArgumentError("paste the OPML file after the command (feed readers export one)")
    try:
        listed = parse_opml(document.encode())
        if len(listed) > CHAT_IMPORT_FEEDS:
            raise OPMLError(f"{len(listed)} feeds, more than {CHAT_IMPORT_FEEDS} at once; split the file "
                            "or ask the operator to run newsbot feeds import")
        checked = await asyncio.to_thread(_public_feeds, listed)
    except OPMLError as exc:
        return Reply.failure(f"{exc}; nothing imported.")
    here = _destination(inv)
    added = await asyncio.to_thread(store.add_feeds, checked, now=services.clock(), added_by=here)
    new = [feed for feed, created in added if created]
    return Reply(title=f"Imported {plural(len(new), 'feed')} of {len(added)}",
                 sections=tuple(_feed_section(feed, inv.spelling) for feed in new),
                 footer=f"{len(added) - len(new)} already followed here. Existing items are back catalogue; "
                        "only new ones reach digests.")


def _unfenced(text: str) -> str:
    """Pasted text without the code fence around it (```xml ... ```), if any."""
    text = text.strip()
    if text.startswith("```") and text.endswith("```") and len(text) >= 6:
        text = text[3:-3].strip()
        first, _, rest = text.partition("\n")
        text = rest if first.strip().isalpha() else text  # a language tag such as xml
    return text.strip()


def _public_feeds(listed: Sequence[OPMLFeed]) -> list[tuple[str, str | None]]:
    """Each feed's address and title, once each is known to be public; ``OPMLError`` for the first
    that is not."""
    checked = []
    for feed in listed:
        try:
            checked.append((check_public_feed_url(feed.url), feed.title))
        except FeedURLError as exc:
            raise OPMLError(f"{feed.url[:100]}: {exc}") from None
    return checked


def register(registry: Registry) -> None:
    """Add the subscription and feed commands to ``registry``."""
    methods: Sequence[str] = tuple(available_methods())
    registry.add(Command(
        "subscribe", subscribe,
        (Param("schedule", str, "when: daily 08:00, weekdays 07:30, every 6h, hourly or cron",
               positional=True, rest=True),
         Param("tz", str, "IANA time zone, e.g. Europe/Berlin (default UTC)"),
         Param("keywords", str, "only stories with one of these words or phrases (comma-separated)"),
         Param("exclude", str, "leave out stories with any of these words or phrases (comma-separated)"),
         Param("sources", str, "only these sources (comma-separated)"),
         Param("sentences", int, "sentences per story", minimum=1, maximum=MAX_SENTENCES),
         Param("method", str, "summarization method", choices=tuple(methods)),
         Param("incidents", bool, "include incident records (yes/no)", default=True),
         Param("alert", int, "post at once when an incident has at least this many fatalities", minimum=1,
               maximum=MAX_ALERT_FATALITIES),
         Param("ping", str, "role or user group each alert mentions, e.g. @analysts"),
         Param("since", date, "include stories since this date (default: from now)"),
         Param("announce_empty", bool, "post 'nothing new' instead of skipping an empty digest")),
        permission=Permission.MANAGER,
    ))
    registry.add(Command(
        "unsubscribe", unsubscribe,
        (Param("id", int, "subscription number (see subscriptions)", positional=True, minimum=1),),
        permission=Permission.MANAGER,
    ))
    registry.add(Command(
        "resume", resume,
        (Param("id", int, "subscription number (see subscriptions)", positional=True, minimum=1),),
        permission=Permission.MANAGER,
    ))
    registry.add(Command("subscriptions", subscriptions))
    registry.add(Command(
        "feeds", feeds,
        (Param("action", str, "what to do", positional=True, choices=CHAT_FEED_ACTIONS,
               default="list"),
         Param("target", str, "feed URL (add); number, URL or name (remove, pause, resume)",
               positional=True, rest=True),
         Param("since", date, "add: also post items published since this date")),
        aliases=("feed",), manager_action=_changes_feeds,
    ))
    registry.add(Command(
        "import-opml", import_opml,
        (Param("opml", str, "the OPML file, pasted", positional=True, rest=True, verbatim=True),),
        permission=Permission.MANAGER, slow=True,
    ))
