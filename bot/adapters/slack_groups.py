"""``SlackUserGroups``: a workspace's user groups, for alert pings (``subscribe ... --ping @analysts``)."""

from __future__ import annotations

import logging

from aiohttp import ClientError
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack_client import error_code
from bot.core.format import shorten
from bot.core.mentions import MentionError
from bot.vocabulary import Ping

__all__ = ["SlackUserGroups"]

log = logging.getLogger(__name__)


class SlackUserGroups:
    """Finds an enabled user group by handle (``@analysts``), name or id (``usergroups.list``)."""

    def __init__(self, client: AsyncWebClient) -> None:
        self._client = client

    async def find(self, name: str) -> Ping:
        """The user group named; ``MentionError`` when the workspace has none such."""
        text = name.strip()
        wanted = text.removeprefix("@").casefold()
        try:
            groups = (await self._client.usergroups_list()).get("usergroups") or []
        except SlackApiError as exc:
            error = error_code(exc)
            if exc.response.status_code == 429 or exc.response.status_code >= 500:  # a passing fault
                log.warning("slack: usergroups.list failed: %s", error)
                raise MentionError("Slack did not answer; try again in a minute") from None
            log.warning("slack: usergroups.list refused: %s", error)
            raise MentionError(f"Slack refused to list the user groups ({error}); the app needs the "
                               "usergroups:read scope") from None
        except (SlackClientError, ClientError, TimeoutError) as exc:
            log.warning("slack: usergroups.list failed: %s", error_code(exc))
            raise MentionError("Slack did not answer; try again in a minute") from None
        for group in groups:
            names = {str(group.get(key) or "").casefold() for key in ("id", "handle", "name")}
            if wanted in names and group.get("id"):
                return Ping(str(group["id"]), str(group.get("handle") or group.get("name") or group["id"]))
        raise MentionError(f"this workspace has no user group {shorten(text, 60)!r}")
