"""``SlackSender``: how the scheduler posts a digest to a Slack channel (``chat.postMessage``)."""

from __future__ import annotations

import logging

from aiohttp import ClientError
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack_client import error_code, rate_limit_seconds, web_client
from bot.adapters.slack_render import SlackMessage, render
from bot.core.reply import Reply
from bot.core.sender import ChannelGone, ResumableParts, RetryAfter, SendError
from bot.vocabulary import Destination

__all__ = ["SlackSender"]

log = logging.getLogger(__name__)

EVENT_TYPE = "newsdigest_digest"  # message metadata marking the bot's scheduled posts
HISTORY_LIMIT = 200  # recent messages searched for an earlier attempt's post
MAX_DIGEST_MESSAGES = 10
_RETRYABLE_ERRORS = frozenset({"ratelimited", "service_unavailable", "internal_error", "fatal_error",
                               "request_timeout"})
# The channel is closed to the bot. Not ``account_inactive``: like ``invalid_auth`` it concerns
# the whole workspace's token (app uninstalled), so its posts are retried, never paused one by one.
_CHANNEL_GONE = frozenset({"channel_not_found", "is_archived", "not_in_channel"})
_HINTS = {
    "not_in_channel": "invite the bot to the channel (/invite @newsdigest)",
    "channel_not_found": "the channel does not exist or the bot cannot see it",
    "is_archived": "the channel is archived",
    "invalid_auth": "SLACK_BOT_TOKEN is not valid",
    "missing_scope": "the app lacks the chat:write scope",
    "account_inactive": "the bot's token belongs to a deactivated user or uninstalled app",
}


class SlackSender:
    """Posts replies with ``chat.postMessage``; a 429 becomes ``RetryAfter``, a refusal ``SendError``.

    A reply too long for one message goes out as several; when a later one is rate limited, the
    retry of the same reply to the same channel resumes after the messages already posted, so a
    digest is never posted twice in part.
    """

    platform = "slack"

    def __init__(self, client: AsyncWebClient, *, max_messages: int = MAX_DIGEST_MESSAGES) -> None:
        # The scheduler owns rate-limit retries: slack_sdk's own handler would sleep here instead.
        client.retry_handlers = [h for h in client.retry_handlers
                                 if not isinstance(h, AsyncRateLimitErrorRetryHandler)]
        self._client = client
        self._max_messages = max_messages
        self._parts = ResumableParts()

    @classmethod
    def connect(cls, token: str, api_url: str | None = None) -> SlackSender:
        """A sender with its own Web API client (``api_url``: ``SLACK_API_URL`` or Slack's)."""
        return cls(web_client(token, api_url, retry_rate_limits=False))

    async def post(self, destination: Destination, reply: Reply, *, key: str | None = None,
                   retry: bool = False) -> None:
        """Post ``reply`` to ``destination.channel``. With ``key`` every message carries it as
        message metadata; on a ``retry`` the channel's recent history is read first and the
        messages an earlier attempt already posted are not posted again."""
        posted = await self._posted_parts(destination.channel, key) if key and retry else set()

        async def post_one(numbered: tuple[int, SlackMessage]) -> None:
            number, message = numbered
            if number in posted:
                log.info("slack: part %d of %s is already in %s; not posting it again", number, key,
                         destination.channel)
                return
            metadata = ({"event_type": EVENT_TYPE, "event_payload": {"key": key, "part": number}}
                        if key else None)
            try:
                await self._client.chat_postMessage(
                    channel=destination.channel, blocks=message.blocks, text=message.text,
                    unfurl_links=False, unfurl_media=False, metadata=metadata,
                )
            except SlackApiError as exc:
                raise self._translate(destination, exc) from None
            except (TimeoutError, ClientError) as exc:  # no answer: the post may or may not exist
                raise SendError(f"Slack did not answer the post to {destination.channel} "
                                f"({type(exc).__name__})") from None

        await self._parts.send(destination, list(enumerate(render(reply, max_messages=self._max_messages))),
                               post_one, fingerprint=repr(reply))

    async def _posted_parts(self, channel: str, key: str) -> set[int]:
        """Parts of delivery ``key`` found among the channel's recent messages (by metadata).
        Reading needs the ``channels:history`` (``groups:history``) scope; without it, or when
        Slack does not answer, nothing is found and the retry posts again."""
        try:
            response = await self._client.conversations_history(channel=channel, include_all_metadata=True,
                                                                 limit=HISTORY_LIMIT)
        except (SlackApiError, TimeoutError, ClientError) as exc:
            log.warning("slack: cannot look for an earlier post of %s in %s (%s); posting it again", key,
                        channel, error_code(exc))
            return set()
        found: set[int] = set()
        for message in response.get("messages") or []:
            metadata = message.get("metadata") or {}
            payload = metadata.get("event_payload") or {}
            if metadata.get("event_type") == EVENT_TYPE and payload.get("key") == key:
                found.add(int(payload.get("part", 0)))
        return found

    @staticmethod
    def _translate(destination: Destination, exc: SlackApiError) -> RetryAfter | SendError:
        """Slack's error as the scheduler reads it: wait and retry, the channel is gone, or a refusal."""
        status = exc.response.status_code
        error = error_code(exc)
        if status == 429 or status >= 500 or error in _RETRYABLE_ERRORS:
            seconds = rate_limit_seconds(exc)
            log.warning("slack: %s for channel %s; retry after %g s", error, destination.channel, seconds)
            return RetryAfter(seconds)
        hint = _HINTS.get(error)
        refusal = ChannelGone if error in _CHANNEL_GONE else SendError
        return refusal(f"Slack refused the post to {destination.channel}: {error}"
                       + (f" ({hint})" if hint else ""))
