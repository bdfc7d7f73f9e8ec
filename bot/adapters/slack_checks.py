"""Who may manage a Slack channel: the user (``users.info``) and the conversation (``conversations.info``).

Both answers come from Slack's Web API and are cached for a while (at most ``MAX_CACHED`` of them;
expired ones are dropped). A Slack that does not answer (HTTP 5xx, no connection) gives ``None``,
which is not cached, so the next command asks again; a rate limit (HTTP 429) gives ``RetryLater``,
and Slack is not asked again until its ``Retry-After`` has passed. An error Slack gives on purpose
(``user_not_found``, ``missing_scope``) counts as "no". Commands arriving together for one key
share one call (a burst of commands is one request, not one each).

In a Slack Connect channel, people of other organisations write too, and ``users.info`` reports
their admin flags in their own workspace: only members of the workspace that installed the app
(its ``auth.test`` team, or its organisation for an org-wide install) count as its admins.
``auth.test`` is asked once at a time until it answers; after a failure it is not asked again for
``AUTH_RETRY_DELAY`` seconds (after a 429, for its ``Retry-After``), and manager checks answer
``RetryLater`` meanwhile.
"""

from __future__ import annotations

import logging
import math
import time
from abc import ABC, abstractmethod
from collections import OrderedDict
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any

from aiohttp import ClientError
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.shared_calls import SharedCalls
from bot.adapters.slack_client import error_code, rate_limit_seconds
from bot.core.registry import ManagerStatus, RetryLater

__all__ = ["AUTH_RETRY_DELAY", "MAX_CACHED", "ChannelCheck", "ManagerCheck"]

log = logging.getLogger(__name__)

MAX_CACHED = 10_000  # answers a check keeps; the oldest go first
AUTH_RETRY_DELAY = 15.0  # seconds auth.test is not asked again after it failed (without a Retry-After)


def _rate_limit_wait(exc: Exception) -> float | None:
    """The seconds a 429 answer asks to wait (None: ``exc`` is another failure)."""
    if isinstance(exc, SlackApiError) and exc.response.status_code == 429:
        return rate_limit_seconds(exc)
    return None


def _retry_later(wait: float) -> RetryLater:
    """``wait`` seconds as a whole number of at least one."""
    return RetryLater(max(1, math.ceil(wait)))


class _CachedCheck(ABC):
    """A yes/no question answered by one Web API call per key, cached for ``ttl`` seconds
    (``clock``: seconds that only go forward)."""

    method: str  # the Web API method asked, e.g. "users.info"

    def __init__(self, client: AsyncWebClient, ttl: float = 300.0, *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._client = client
        self._ttl = ttl
        self._clock = clock
        self._cache: OrderedDict[str, tuple[float, bool]] = OrderedDict()  # in order of expiry
        self._quiet_until = -math.inf  # a rate limit: Slack is not asked before then
        self._asking: SharedCalls[str, ManagerStatus] = SharedCalls()  # calls in flight, by key

    async def __call__(self, key: str) -> ManagerStatus:
        """The answer for ``key`` (None: Slack did not answer, asked again next time; RetryLater:
        Slack is rate limiting, asked again once the wait it gave has passed)."""
        cached = self._cache.get(key)
        if cached and cached[0] > self._clock():
            return cached[1]
        return await self._asking(key, lambda: self._ask(key))

    async def _ask(self, key: str) -> ManagerStatus:
        """Ask Slack about ``key`` and remember a definite answer."""
        now = self._clock()
        if now < self._quiet_until:
            return _retry_later(self._quiet_until - now)
        try:
            response = await self._client.api_call(self.method, http_verb="GET", params=self._params(key))
        except SlackApiError as exc:
            wait = _rate_limit_wait(exc)
            if wait is not None:
                log.warning("slack: %s rate limited; not asked for %g s", self.method, wait)
                self._quiet_until = self._clock() + wait
                return _retry_later(wait)
            if exc.response.status_code >= 500:  # ask again next time
                log.warning("slack: %s failed for %s: %s", self.method, key, error_code(exc))
                return None
            log.warning("slack: %s refused for %s: %s", self.method, key, error_code(exc))  # remembered
            answer = False
        except (SlackClientError, ClientError, TimeoutError) as exc:  # no answer: ask again next time
            log.warning("slack: %s failed for %s: %s", self.method, key, error_code(exc))
            return None
        else:
            answer = isinstance(response.data, dict) and self._decide(response.data)
        self._remember(key, answer)
        return answer

    def _remember(self, key: str, answer: bool) -> None:
        """Cache ``answer``, dropping expired answers and, past ``MAX_CACHED``, the oldest."""
        now = self._clock()
        self._cache[key] = (now + self._ttl, answer)
        self._cache.move_to_end(key)
        while self._cache and (len(self._cache) > MAX_CACHED or next(iter(self._cache.values()))[0] <= now):
            self._cache.popitem(last=False)

    @abstractmethod
    def _params(self, key: str) -> dict[str, str]:
        """The call's parameters for ``key``."""

    @abstractmethod
    def _decide(self, data: Mapping[str, Any]) -> bool:
        """The answer in Slack's reply."""


@dataclass(frozen=True)
class _Home:
    """The workspace (or, for an org-wide install, the organisation) that installed the app."""

    team_id: str
    enterprise_id: str | None
    org_wide: bool

    def has_member(self, user: Mapping[str, Any]) -> bool:
        """Whether a ``users.info`` user belongs here (not to an organisation sharing a channel)."""
        if user.get("is_stranger"):
            return False
        grid = user.get("enterprise_user") or {}
        if self.org_wide:
            return self.enterprise_id is not None and grid.get("enterprise_id") == self.enterprise_id
        teams = grid.get("teams") or ()
        return bool(self.team_id) and (user.get("team_id") == self.team_id or self.team_id in teams)


class ManagerCheck(_CachedCheck):
    """Who counts as a channel manager: a configured user id, or an admin or owner of the
    workspace that installed the app (``users.info``; that workspace from ``auth.test``, asked
    until it answers, once at a time and not within ``AUTH_RETRY_DELAY`` seconds of a failure)."""

    method = "users.info"

    def __init__(self, client: AsyncWebClient, managers: Collection[str], ttl: float = 300.0, *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(client, ttl, clock=clock)
        self._managers = frozenset(managers)
        self._home: _Home | None = None
        self._finding_home: SharedCalls[str, _Home | RetryLater] = SharedCalls()  # auth.test in flight
        self._home_quiet_until = -math.inf  # auth.test failed: not asked again before then

    async def __call__(self, key: str) -> ManagerStatus:
        """Whether user ``key`` may run manager commands (None or RetryLater: Slack did not say)."""
        if key in self._managers:
            return True
        if self._home is None:
            found = await self._find_home()
            if isinstance(found, RetryLater):
                return found
            self._home = found
        return await super().__call__(key)

    async def _find_home(self) -> _Home | RetryLater:
        """The installing workspace from one ``auth.test`` shared by the callers waiting for it, or
        the seconds left before Slack is asked again after a failure."""
        wait = self._home_quiet_until - self._clock()
        if wait > 0:
            return _retry_later(wait)
        return await self._finding_home("auth.test", self._installed_in)

    async def _installed_in(self) -> _Home | RetryLater:
        """The installing workspace (RetryLater: Slack did not say; not asked again for that long)."""
        try:
            identity = await self._client.auth_test()
        except (SlackClientError, ClientError, TimeoutError) as exc:
            rate_limited = _rate_limit_wait(exc)
            wait = AUTH_RETRY_DELAY if rate_limited is None else rate_limited
            log.warning("slack: auth.test failed: %s; not asked for %g s", error_code(exc), wait)
            self._home_quiet_until = self._clock() + wait
            return _retry_later(wait)
        return _Home(str(identity.get("team_id") or ""), identity.get("enterprise_id") or None,
                     bool(identity.get("is_enterprise_install")))

    def _params(self, key: str) -> dict[str, str]:
        return {"user": key}

    def _decide(self, data: Mapping[str, Any]) -> bool:
        info = data.get("user") or {}
        admin = any(bool(info.get(flag)) for flag in ("is_admin", "is_owner", "is_primary_owner"))
        return admin and self._home is not None and self._home.has_member(info)


class ChannelCheck(_CachedCheck):
    """Whether a conversation is a channel, public or private (``conversations.info``), not a direct
    message or a group DM.

    An ``app_mention`` event does not say (it has no ``channel_type``), and a group DM's id may
    start with ``C`` like a channel's, so the id alone cannot tell. A conversation Slack will not
    describe (no ``groups:read`` or ``mpim:read`` scope, ``channel_not_found``) is not a channel.
    """

    method = "conversations.info"

    def _params(self, key: str) -> dict[str, str]:
        return {"channel": key}

    def _decide(self, data: Mapping[str, Any]) -> bool:
        info = data.get("channel") or {}
        return bool(info.get("is_channel") or info.get("is_group")) and not (
            info.get("is_im") or info.get("is_mpim"))
