"""The Slack manager and channel checks over the fake Web API, on an injected clock: answers are
cached for their time to live, expired ones are dropped and the cache is bounded; a rate limit is
honoured (Slack is not asked again before its ``Retry-After``) and answered with the wait left."""

from __future__ import annotations

import math
from collections.abc import AsyncIterator

import pytest
from fakes.slack_api import TEAM_ID, FakeSlackApi

from bot.adapters import slack_checks
from bot.adapters.slack_checks import ManagerCheck
from bot.adapters.slack_client import web_client
from bot.core.registry import RetryLater
from bot.core.sender import LONGEST_RATE_LIMIT_WAIT


class Clock:
    """Seconds that move only when the test says."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlackApi]:
    async with FakeSlackApi() as server:
        for user in ("U1", "U2", "U3"):
            server.add_user(user, admin=True)
        yield server


def check(fake: FakeSlackApi, clock: Clock) -> ManagerCheck:
    return ManagerCheck(web_client("xoxb-test", fake.api_url, retry_rate_limits=False), (), ttl=300,
                        clock=clock)


def asked(fake: FakeSlackApi) -> list[str]:
    return [call.payload["user"] for call in fake.calls_to("users.info")]


async def test_expired_answers_are_dropped_not_only_ignored(fake: FakeSlackApi) -> None:
    clock = Clock()
    managers = check(fake, clock)
    assert await managers("U1")
    assert await managers("U2")
    clock.now += 299
    assert await managers("U1")  # still cached
    clock.now += 2  # both expired
    assert await managers("U3")
    assert list(managers._cache) == ["U3"]  # U1 and U2 are gone from memory
    assert asked(fake) == ["U1", "U2", "U3"]


async def test_the_cache_keeps_at_most_max_cached_answers(fake: FakeSlackApi,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(slack_checks, "MAX_CACHED", 2)
    managers = check(fake, Clock())
    for user in ("U1", "U2", "U3"):
        assert await managers(user)
    assert len(managers._cache) == 2
    assert await managers("U3")  # kept
    assert await managers("U1")  # the oldest was dropped: asked again
    assert asked(fake) == ["U1", "U2", "U3", "U1"]


async def test_a_rate_limit_is_waited_out_without_asking_slack_again(fake: FakeSlackApi) -> None:
    clock = Clock()
    managers = check(fake, clock)
    fake.rate_limit("users.info", times=1, retry_after=20)
    assert await managers("U1") == RetryLater(20)
    clock.now += 5.5
    assert await managers("U2") == RetryLater(15)  # rounded up; Slack is not asked
    assert len(fake.calls_to("users.info")) == 1
    clock.now += 14.5
    assert await managers("U1") is True  # the wait is over: asked again
    assert asked(fake) == ["U1", "U1"]


async def test_a_server_error_is_not_remembered(fake: FakeSlackApi) -> None:
    managers = check(fake, Clock())
    fake.fail("users.info", 503, "Service Unavailable", content_type="text/plain")
    assert await managers("U1") is None
    assert await managers("U1") is True  # asked again at once
    assert asked(fake) == ["U1", "U1"]


async def test_admins_of_another_organisation_in_a_shared_channel_are_not_managers(
        fake: FakeSlackApi) -> None:
    """Slack Connect: users.info gives a guest's admin flags in their own workspace."""
    fake.add_user("UGUEST", admin=True, owner=True, team="T0OTHERORG")
    fake.add_user("USTRANGER", admin=True, is_stranger=True)
    fake.add_user("UGRID", admin=True, team="T0SISTER",
                  enterprise_user={"enterprise_id": "E0ORG", "teams": ["T0SISTER", TEAM_ID]})
    managers = check(fake, Clock())
    assert await managers("UGUEST") is False
    assert await managers("USTRANGER") is False
    assert await managers("UGRID") is True  # an admin who is a member of this workspace too
    assert await managers("U1") is True
    assert len(fake.calls_to("auth.test")) == 1  # the installing workspace is asked once


async def test_a_rate_limited_auth_test_is_not_asked_again_before_its_retry_after(fake: FakeSlackApi) -> None:
    clock = Clock()
    fake.rate_limit("auth.test", times=1, retry_after=40)
    managers = check(fake, clock)
    assert await managers("U1") == RetryLater(40)  # "couldn't check your permissions; try again in 40 s"
    clock.now += 39.5
    assert await managers("U2") == RetryLater(1)
    assert len(fake.calls_to("auth.test")) == 1
    assert fake.calls_to("users.info") == []
    clock.now += 0.5
    assert await managers("U1") is True
    assert len(fake.calls_to("auth.test")) == 2


@pytest.mark.parametrize("header", ["Fri, 31 Dec 9999 23:59:59 GMT", "99999999999"])
async def test_an_endless_retry_after_is_answered_with_a_few_minutes(fake: FakeSlackApi, header: str) -> None:
    fake.rate_limit("auth.test", times=1, retry_after=header)  # type: ignore[arg-type]
    assert await check(fake, Clock())("U1") == RetryLater(int(LONGEST_RATE_LIMIT_WAIT))


async def test_a_failed_auth_test_is_not_asked_again_for_a_while(fake: FakeSlackApi) -> None:
    clock = Clock()
    fake.fail("auth.test", 503, "Service Unavailable", content_type="text/plain")
    managers = check(fake, clock)
    delay = slack_checks.AUTH_RETRY_DELAY
    assert await managers("U1") == RetryLater(math.ceil(delay))
    clock.now += delay - 1
    assert await managers("U1") == RetryLater(1)  # every command meanwhile: no call
    assert len(fake.calls_to("auth.test")) == 1
    clock.now += 1
    assert await managers("U1") is True
    assert await managers("U2") is True
    assert len(fake.calls_to("auth.test")) == 2  # then remembered


async def test_an_org_wide_install_counts_admins_of_its_whole_organisation(fake: FakeSlackApi) -> None:
    """Enterprise Grid: installed for the organisation, so an admin of any of its workspaces manages."""
    fake.enterprise_id = "E0ORG"
    fake.add_user("USISTER", admin=True, team="T0SISTER",
                  enterprise_user={"enterprise_id": "E0ORG", "teams": ["T0SISTER"]})
    fake.add_user("UOTHERORG", admin=True, owner=True, team="T0ELSE",
                  enterprise_user={"enterprise_id": "E0ELSE", "teams": ["T0ELSE", TEAM_ID]})
    fake.add_user("USTRANGER", admin=True, is_stranger=True,
                  enterprise_user={"enterprise_id": "E0ORG", "teams": ["T0SISTER"]})
    fake.add_user("UPLAIN", admin=True)  # no enterprise_user: not known to belong to the organisation
    fake.add_user("UMEMBER", team="T0SISTER",
                  enterprise_user={"enterprise_id": "E0ORG", "teams": ["T0SISTER"]})
    managers = check(fake, Clock())
    assert await managers("USISTER") is True
    assert await managers("UOTHERORG") is False
    assert await managers("USTRANGER") is False
    assert await managers("UPLAIN") is False
    assert await managers("UMEMBER") is False  # a member, not an admin
