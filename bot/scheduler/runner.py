"""The scheduler: find what is due, claim it in the database, then post it.

Every post (digest slot, alert, feed notice) is first claimed with a unique key
(``INSERT ... ON CONFLICT DO NOTHING``), so two processes or a restart never post it twice. A
claim carries a lease judged by the database's clock (never a process's own) and a fence (the
delivery's attempt number, advanced by every takeover). The lease is renewed right before the
post and every ``lease / 4`` while the post runs; a worker that cannot renew it (another took it
over) does not post. When a process dies before marking its post sent, another process (or the
restarted one) takes it over once the lease expires. Each destination is served by its own
task, so a channel that is rate limited (waits out ``Retry-After``) or broken delays nobody else.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import os
import socket
import uuid
from collections.abc import Awaitable, Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from bot import metrics
from bot.core.repeats import SentStories
from bot.core.reply import Reply
from bot.core.sender import LONGEST_RATE_LIMIT_WAIT, ChannelGone, RetryAfter, Sender, SendError
from bot.schedule import Schedule, ScheduleError, slot_key
from bot.scheduler.alerts import due_alerts
from bot.scheduler.compose import Composer, feed_notice, quarantine_notice
from bot.store import (
    STOPPED,
    UNEXPLAINED,
    UNEXPLAINED_STOP,
    Delivery,
    FeedInfo,
    Store,
    StoredIncident,
    Subscription,
    extractor_version,
    matches_filters,
    stop_reason,
)
from bot.vocabulary import Destination
from summarizer.articles.model import Article

__all__ = ["Outcome", "Scheduler", "SchedulerOptions", "delivery_key", "worker_name"]

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
Sleep = Callable[[float], Awaitable[None]]


def worker_name() -> str:
    """A name for this process in claims: host, pid and a random suffix."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


@dataclass(frozen=True)
class SchedulerOptions:
    """Timing and limits (see the README's "Subscriptions and schedules")."""

    grace: timedelta = timedelta(hours=1)  # a slot missed by more than this is skipped
    lease: timedelta = timedelta(minutes=10)  # a claim not sent by then is taken over
    max_attempts: int = 5
    retry_base: timedelta = timedelta(minutes=1)  # doubled after each failed attempt
    max_rate_limit_waits: int = 5  # Retry-After waits inside one attempt
    digest_size: int = 5  # stories a digest holds (each with every version of it)
    feed_report_after: int = 3  # failed polls in a row before channels hear of it (again when paused)
    tick: float = 30.0  # seconds between runs


@dataclass(frozen=True)
class Outcome:
    """What happened to one claimed delivery in a run."""

    delivery_id: int
    destination: Destination
    kind: str
    state: str  # sent | skipped | failed | lost (another worker took it over)
    error: str | None = None
    paused: bool = False  # the channel refused it as gone: its subscription is paused


@lru_cache(maxsize=1024)
def _schedule(text: str, cron: str, timezone: str) -> Schedule:
    return Schedule(text=text, cron=cron, timezone=timezone)


class Scheduler:
    """Delivers due digests, alerts and feed notices for the platforms it has senders for."""

    def __init__(
        self,
        store: Store,
        senders: Mapping[str, Sender],
        composer: Composer,
        *,
        options: SchedulerOptions | None = None,
        clock: Clock,
        sleep: Sleep = asyncio.sleep,
        worker: str | None = None,
    ) -> None:
        self.store = store
        self.senders = dict(senders)
        self.composer = composer
        self.options = options or SchedulerOptions()
        self.clock = clock
        self.sleep = sleep
        self.worker = worker or worker_name()
        self._busy: dict[Destination, int] = {}  # destinations with posts under way
        self._posting: set[int] = set()  # ids of deliveries being posted by this process
        self._stories = SentStories()

    async def run(self, stop: asyncio.Event) -> None:
        """Claim what is due every ``options.tick`` seconds until ``stop`` is set, without
        waiting for earlier posts: a channel waiting out a long Retry-After holds up nobody.
        On stop, posts under way are finished. Errors are logged, never fatal."""
        in_flight: set[asyncio.Task[list[Outcome]]] = set()
        while not stop.is_set():
            try:
                for task in await self._start_due():
                    in_flight.add(task)
                    task.add_done_callback(in_flight.discard)
            except Exception:
                log.exception("scheduler run failed; trying again in %.0f s", self.options.tick)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=self.options.tick)
        if in_flight:
            await asyncio.wait(in_flight)

    async def run_once(self) -> list[Outcome]:
        """Claim everything due now and deliver it (one task per destination); wait for all."""
        results = await asyncio.gather(*await self._start_due())
        return [outcome for outcomes in results for outcome in outcomes]

    async def _start_due(self) -> list[asyncio.Task[list[Outcome]]]:
        """Claim what is due and start one delivery task per destination."""
        busy, posting = frozenset(self._busy), frozenset(self._posting)
        work = await asyncio.to_thread(self._claim_due, self.clock(), busy, posting)
        queues: dict[Destination, list[tuple[Delivery, Subscription]]] = {}
        for delivery, subscription in work:
            queues.setdefault(subscription.destination, []).append((delivery, subscription))
        return [asyncio.create_task(self._deliver_queue(queue)) for queue in queues.values()]

    # -- claiming (runs in a worker thread) ---------------------------------------------------

    def _claim_due(self, now: datetime, busy: frozenset[Destination] = frozenset(),
                   posting: frozenset[int] = frozenset()) -> list[tuple[Delivery, Subscription]]:
        """Claim what is due; destinations still busy with earlier posts get nothing new now
        (their due slots are claimed once they are free, within the grace window)."""
        store, opts = self.store, self.options
        work: list[tuple[Delivery, Subscription]] = []
        reclaimed = store.reclaim(worker=self.worker, now=now, lease=opts.lease,
                                  max_attempts=opts.max_attempts, platforms=self.senders, skip=posting)
        for delivery in reclaimed.given_up:
            subscription = store.get_subscription(delivery.subscription_id)
            destination = subscription.destination if subscription is not None else None
            error = delivery.error or STOPPED
            log.error("%s; given up", _failure(delivery, destination, error, opts.max_attempts))
            metrics.DELIVERIES.labels(outcome="failed").inc()
        for delivery in reclaimed.taken:
            subscription = store.get_subscription(delivery.subscription_id)
            if subscription is not None and subscription.active and not subscription.paused:
                log.info("retrying delivery %s (attempt %s)", delivery.id, delivery.attempts)
                work.append((delivery, subscription))
            else:
                paused = subscription is not None and subscription.active
                self._drop(delivery, "subscription paused" if paused else "subscription removed")
        subscriptions = [s for s in store.subscriptions() if not s.quarantined and not s.paused
                         and s.destination.platform in self.senders and s.destination not in busy]
        for subscription in subscriptions:
            try:
                claimed = [*self._claim_digest(subscription, now), *self._claim_alerts(subscription, now)]
            except SQLAlchemyError:
                raise  # the database's trouble, not this row's: the whole run is retried
            except Exception as exc:  # this row cannot run: stop it, tell its channel, serve the rest
                claimed = self._quarantine(subscription, exc, now)
            work.extend((delivery, subscription) for delivery in claimed)
        work.extend(self._claim_feed_notices(subscriptions, now))
        return work

    def _quarantine(self, subscription: Subscription, exc: Exception, now: datetime) -> list[Delivery]:
        """Quarantine a subscription that failed at run time; its notice (once) to claim."""
        # Our own checks explain themselves; any other error's text stays in the operator's log.
        reason = str(exc) if isinstance(exc, ScheduleError) else UNEXPLAINED_STOP
        if not self.store.quarantine_subscription(subscription.id, reason):
            return []
        log.error("subscription %s (%s, %r) quarantined: %s", subscription.id, subscription.destination,
                  subscription.schedule, reason, exc_info=not isinstance(exc, ScheduleError))
        delivery = self._claim(subscription, "quarantine", now, kind="quarantine", now=now, article_ids=[],
                               payload={"reason": reason})
        return [delivery] if delivery is not None else []

    def _claim(self, subscription: Subscription, key: str, slot: datetime, *, kind: str, now: datetime,
               article_ids: list[int], payload: dict[str, object] | None = None,
               exclusive: bool = True) -> Delivery | None:
        return self.store.claim(subscription.id, key, slot_time=slot, kind=kind, worker=self.worker,
                                now=now, lease=self.options.lease, article_ids=article_ids,
                                payload=dict(payload or {}), exclusive=exclusive)

    def _claim_digest(self, subscription: Subscription, now: datetime) -> list[Delivery]:
        schedule = _schedule(subscription.schedule, subscription.cron, subscription.timezone)
        created = subscription.created_at or subscription.since
        slot = schedule.due(now, not_before=created, grace=self.options.grace)
        if slot is None:
            return []
        key = slot_key(slot)
        if self.store.is_claimed(subscription.id, key):
            return []
        pick = self._stories.next_digest(self.store, subscription, now, self.options.digest_size)
        delivery = self._claim(subscription, key, slot, kind="digest", now=now,
                               article_ids=pick.fresh + pick.repeats, payload={"repeats": pick.repeats})
        if delivery is None:
            return []
        if not set(delivery.article_ids) - set(pick.repeats) and not subscription.announce_empty:
            self.store.mark_skipped(delivery.id, now=now)
            return []
        return [delivery]

    def _claim_alerts(self, subscription: Subscription, now: datetime) -> list[Delivery]:
        if subscription.alert_fatalities is None:
            return []
        claimed: list[Delivery] = []
        # Alerts are news: only stories listed after the subscription was made, even with --since.
        since = max(subscription.since, subscription.created_at or subscription.since)
        incidents = self.store.listed_incidents(subscription.destination, since=since,
                                                min_fatalities=subscription.alert_fatalities,
                                                extractor=extractor_version())

        def wanted(incident: StoredIncident) -> bool:
            stored = self.store.get_article(incident.article_id)
            return stored is not None and matches_filters(stored.article, keywords=subscription.keywords,
                                                          sources=subscription.sources,
                                                          exclude=subscription.exclude)

        for due in due_alerts(incidents, self.store.alert_slots(subscription.id), wanted):
            if due.report is not None:
                others = [[other.article_id, other.position, other.data] for other in due.others]
                payload = {"position": due.report.position, "incident": due.report.data, "others": others}
                delivery = self._claim(subscription, due.key, now, kind="alert", now=now,
                                       article_ids=[due.report.article_id], payload=payload, exclusive=False)
                if delivery is not None:
                    claimed.append(delivery)
            for report in due.skipped:  # another report of an event alerted once (here or elsewhere)
                covered = self._claim(subscription, report.slot, now, kind="alert", now=now, article_ids=[],
                                      payload={"event": due.key})
                if covered is not None:
                    self.store.mark_skipped(covered.id, now=now)
        return claimed

    def _claim_feed_notices(
        self, subscriptions: list[Subscription], now: datetime
    ) -> list[tuple[Delivery, Subscription]]:
        claimed: list[tuple[Delivery, Subscription]] = []
        for feed in self.store.feeds():
            reportable = feed.paused or feed.failures >= self.options.feed_report_after
            if feed.failing_since is None or not reportable:
                continue
            stage = "paused" if feed.paused else "failing"
            key = f"feed:{feed.id}:{slot_key(feed.failing_since)}:{stage}"
            payload = {"name": feed.name, "since": feed.failing_since.isoformat(), "paused": feed.paused,
                       "gone": feed.gone, "error": feed.last_error or "unknown error",
                       "failures": feed.failures}
            reached: set[Destination] = set()
            followers = self.store.feed_followers(feed.id)
            for subscription in subscriptions:
                if subscription.destination in reached or not _uses(subscription, feed, followers):
                    continue
                reached.add(subscription.destination)
                delivery = self._claim(subscription, key, feed.failing_since, kind="notice", now=now,
                                       article_ids=[], payload=payload)
                if delivery is not None:
                    claimed.append((delivery, subscription))
        return claimed

    # -- delivering ---------------------------------------------------------------------------

    async def _deliver_queue(self, queue: list[tuple[Delivery, Subscription]]) -> list[Outcome]:
        """One destination's deliveries, in order; exceptions stay inside this destination."""
        destination = queue[0][1].destination
        ids = {delivery.id for delivery, _ in queue}
        self._busy[destination] = self._busy.get(destination, 0) + 1
        self._posting |= ids
        try:
            outcomes: list[Outcome] = []
            paused: set[int] = set()  # subscriptions this queue found the channel gone for
            for delivery, subscription in queue:
                if subscription.id in paused:  # no attempt: the channel refused the last one as gone
                    await asyncio.to_thread(self._drop, delivery, "subscription paused")
                    outcomes.append(Outcome(delivery.id, destination, delivery.kind, "failed",
                                            "subscription paused"))
                    continue
                outcome = await self._deliver(delivery, subscription)
                if outcome.paused:
                    paused.add(subscription.id)
                outcomes.append(outcome)
            return outcomes
        finally:
            self._posting -= ids
            self._busy[destination] -= 1
            if not self._busy[destination]:
                del self._busy[destination]

    def _compose(self, delivery: Delivery, subscription: Subscription) -> Reply:
        if delivery.kind == "quarantine":
            stored = str(delivery.payload["reason"])
            reason = stop_reason(stored, subscription.schedule, subscription.timezone) or UNEXPLAINED_STOP
            return quarantine_notice(subscription.id, subscription.schedule, reason)
        if delivery.kind == "notice":
            payload = delivery.payload
            error, paused = str(payload["error"]), bool(payload.get("paused", True))
            return feed_notice(str(payload["name"]), datetime.fromisoformat(str(payload["since"])),
                               error, int(str(payload["failures"])), paused=paused,
                               gone=bool(payload.get("gone", False)))
        repeats = set(_ids(delivery.payload.get("repeats")))
        articles = [s.article for s in self.store.articles(ids=delivery.article_ids) if s.id not in repeats]
        if delivery.kind == "alert":
            record, position = delivery.payload.get("incident"), delivery.payload.get("position")
            if not isinstance(record, dict) or not isinstance(position, int) or not articles:
                raise LookupError("the incident of this alert is gone")
            incident = StoredIncident.of(delivery.article_ids[0], position, record)
            return self.composer.alert(subscription, articles[0], incident, self._other_reports(delivery))
        return self.composer.digest(subscription, articles)

    def _other_reports(self, delivery: Delivery) -> list[tuple[Article, StoredIncident]]:
        """The other reports of an alert's event stored when it was claimed (those still stored)."""
        reports: list[tuple[int, int, dict[str, Any]]] = []
        for other in _list(delivery.payload.get("others")):
            match other:
                case [int(article_id), int(position), dict(record)]:
                    reports.append((article_id, position, record))
        stored = self.store.articles(ids=[article_id for article_id, _, _ in reports])
        articles = {s.id: s.article for s in stored}
        return [(articles[article_id], StoredIncident.of(article_id, position, record))
                for article_id, position, record in reports if article_id in articles]

    async def _deliver(self, delivery: Delivery, subscription: Subscription) -> Outcome:
        destination = subscription.destination

        def outcome(state: str) -> Outcome:
            return Outcome(delivery.id, destination, delivery.kind, state)

        try:
            reply = await asyncio.to_thread(self._compose, delivery, subscription)
        except Exception as exc:
            log.exception("cannot build delivery %s", delivery.id)
            return await self._failed(delivery, destination, f"cannot build the post: {exc}")
        sender = self.senders[destination.platform]
        waits = 0
        while True:
            if not await self._renew(delivery, self.options.lease):
                log.warning("delivery %s was taken over by another worker; not posting it", delivery.id)
                return outcome("lost")
            try:
                key, retry = delivery_key(delivery), delivery.attempts > 1  # retry: it may be posted
                await self._post_renewing(delivery, sender.post(destination, reply, key=key, retry=retry))
                break
            except RetryAfter as exc:
                waits += 1
                longest = LONGEST_RATE_LIMIT_WAIT
                wait = exc.seconds if exc.seconds < longest else longest  # inf and nan too
                if waits > self.options.max_rate_limit_waits or wait == longest:  # no sleeping for years
                    return await self._failed(delivery, destination, str(exc), refusal=True, retry_in=wait)
                if not await self._renew(delivery, self.options.lease + timedelta(seconds=wait)):
                    return outcome("lost")
                log.info("%s rate limited; waiting %.1f s", destination, wait)
                await self.sleep(wait)
            except ChannelGone as exc:
                failed = await self._failed(delivery, destination, str(exc), refusal=True, give_up=True)
                await asyncio.to_thread(self._pause, subscription, str(exc))
                return dataclasses.replace(failed, paused=True)
            except SendError as exc:
                return await self._failed(delivery, destination, str(exc) or "send failed", refusal=True)
            except Exception as exc:
                log.exception("posting delivery %s to %s failed", delivery.id, destination)
                return await self._failed(delivery, destination, f"{type(exc).__name__}: {exc}")
        await self._record_sent(delivery)
        metrics.DELIVERIES.labels(outcome="sent").inc()
        return outcome("sent")

    async def _renew(self, delivery: Delivery, lease: timedelta) -> bool:
        """Extend this worker's claim (False: it is no longer ours)."""
        return await asyncio.to_thread(self.store.extend_lease, delivery.id, fence=delivery.attempts,
                                       lease=lease)

    async def _post_renewing(self, delivery: Delivery, post: Awaitable[None]) -> None:
        """Await ``post``, renewing the claim every quarter lease (real time) while it runs."""
        task = asyncio.ensure_future(post)
        beat = self.options.lease.total_seconds() / 4
        held = True
        while not (await asyncio.wait({task}, timeout=beat))[0]:
            if held and not await self._renew(delivery, self.options.lease):
                held = False
                log.warning("delivery %s: claim lost while posting; it may be posted twice", delivery.id)
        task.result()

    async def _record_sent(self, delivery: Delivery) -> None:
        """Mark a posted delivery sent, retrying a while if the database hiccups (a delivery
        left claimed would be posted again after its lease)."""
        for wait in (1, 2, 4, 8, 16, 0):
            try:
                held = await asyncio.to_thread(self.store.mark_sent, delivery.id, fence=delivery.attempts,
                                               now=self.clock())
            except SQLAlchemyError:
                if not wait:
                    raise
                log.warning("cannot record delivery %s as sent; retrying in %d s", delivery.id, wait)
                await self.sleep(wait)
            else:
                if not held:
                    log.warning("delivery %s was posted after another worker took it over", delivery.id)
                return

    def _drop(self, delivery: Delivery, reason: str) -> None:
        """Give up a delivery taken for a paused or removed subscription, without posting it."""
        if self.store.mark_failed(delivery.id, fence=delivery.attempts, retry_at=None, error=reason):
            metrics.DELIVERIES.labels(outcome="failed").inc()

    def _pause(self, subscription: Subscription, reason: str) -> None:
        """Stop scheduling a subscription whose channel is gone or closed to the bot; the
        operator is told once (by the process that paused it)."""
        if self.store.pause_subscription(subscription.id, reason):
            log.error("subscription %s (%s, %r) paused: %s; no digests or alerts until a channel manager "
                      "runs resume %s there", subscription.id, subscription.destination,
                      subscription.schedule, reason, subscription.id)

    async def _failed(self, delivery: Delivery, destination: Destination, error: str, *,
                      refusal: bool = False, retry_in: float | None = None,
                      give_up: bool = False) -> Outcome:
        """Record a failed attempt (the last one when ``give_up``) and log ``error`` in full. The
        channel's members see it in ``subscriptions`` only when it is the platform's own
        ``refusal``; any other error may carry internal details (hosts, SQL), so they see
        ``UNEXPLAINED``."""
        delay = (timedelta(seconds=retry_in) if retry_in is not None
                 else self.options.retry_base * 2 ** (delivery.attempts - 1))
        last = give_up or delivery.attempts >= self.options.max_attempts
        retry_at = None if last else self.clock() + delay
        what = _failure(delivery, destination, error, self.options.max_attempts)
        if not await asyncio.to_thread(self.store.mark_failed, delivery.id, fence=delivery.attempts,
                                       error=error if refusal else UNEXPLAINED, retry_at=retry_at):
            log.warning("%s; another worker took it over", what)
            return Outcome(delivery.id, destination, delivery.kind, "lost", error)
        if retry_at is None:
            log.error("%s; given up", what)
        else:
            log.warning("%s; next try %s", what, f"{retry_at.astimezone(UTC):%Y-%m-%d %H:%M} UTC")
        metrics.DELIVERIES.labels(outcome="failed" if retry_at is None else "retried").inc()
        return Outcome(delivery.id, destination, delivery.kind, "failed", error)


def _failure(delivery: Delivery, destination: Destination | None, error: str, max_attempts: int) -> str:
    """``delivery 7 to slack channel C0123 failed (attempt 2 of 5): ...`` for the log."""
    where = (f"to {destination.platform} channel {destination.channel}" if destination is not None
             else f"of removed subscription {delivery.subscription_id}")
    return f"delivery {delivery.id} {where} failed (attempt {delivery.attempts} of {max_attempts}): {error}"


def _list(value: object) -> list[object]:
    """A list kept in a delivery's payload (empty when absent)."""
    return list(value) if isinstance(value, list) else []


def _ids(value: object) -> list[int]:
    """Article ids kept in a delivery's payload (none when absent)."""
    return [int(i) for i in value if isinstance(i, int)] if isinstance(value, list) else []


def delivery_key(delivery: Delivery) -> str:
    """The delivery's idempotency key for senders: the same on every attempt, unique per store."""
    return f"{delivery.id}:{delivery.slot_key}"


def _uses(subscription: Subscription, feed: FeedInfo, followers: Collection[Destination]) -> bool:
    """Whether a subscription is told about a feed: its channel follows (added) the feed, or the
    feed is the operator's and the subscription has no source filter or names the feed. Another
    channel's feed is never named to it."""
    if subscription.destination in followers:
        return True
    if not feed.operator:
        return False
    names = {s.lower() for s in subscription.sources}
    return not names or feed.name.lower() in names or feed.url.lower() in names
