"""Slack's HTTP endpoint (``/slack/events``): nothing is parsed before the signature is checked,
and a signed request is answered once.

bolt's own server parses the body (JSON, form, ``payload=``) before checking the signature and
reads the timestamp with ``int()``, so an unsigned malformed body or a timestamp like ``abc`` made
it answer 500; and a signed request sent again within Slack's five minutes ran again. Here the
raw body's signature and timestamp are checked first (anything wrong: 401), then the signature is
recorded in the bot's database until the request is too old to be accepted anyway, so a replay
gets 401 in every process sharing that database. Only then does bolt see the request.
"""

from __future__ import annotations

import asyncio
import logging
import re
from datetime import UTC, datetime

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.app.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.signature import SignatureVerifier

from bot.config import Secret
from bot.store import Store

__all__ = ["EVENTS_PATH", "REPLAY_WINDOW", "events_app"]

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
REPLAY_WINDOW = 5 * 60  # seconds: a request older (or newer) than this fails the signature check
_MARGIN = 60  # seconds a signature is remembered past the window (clocks of processes differ a little)
_TIMESTAMP = re.compile(r"[0-9]{1,12}")  # Unix seconds in ASCII digits, nothing else


def events_app(app: AsyncApp, signing_secret: Secret, store: Store, *, path: str = EVENTS_PATH
               ) -> web.Application:
    """An aiohttp application serving ``app`` at ``path`` (POST only)."""
    verifier = SignatureVerifier(signing_secret.reveal())

    async def handle(request: web.Request) -> web.Response:
        raw = await request.read()
        timestamp = request.headers.get("X-Slack-Request-Timestamp", "")
        signature = request.headers.get("X-Slack-Signature", "")
        try:
            body = raw.decode("utf-8")
        except UnicodeDecodeError:
            return web.Response(status=401)
        if not _TIMESTAMP.fullmatch(timestamp) or not verifier.is_valid(body, timestamp, signature):
            return web.Response(status=401)  # the verifier also refuses a request older than the window
        now = datetime.now(UTC)
        until = datetime.fromtimestamp(int(timestamp) + REPLAY_WINDOW + _MARGIN, UTC)
        if not await asyncio.to_thread(store.first_request, signature, until=until, now=now):
            log.warning("slack: refused a signed request seen before (a replay)")
            return web.Response(status=401)
        try:
            bolt_request = AsyncBoltRequest(body=body, query=request.query_string,
                                            headers=dict(request.headers))
        except ValueError:  # signed by someone holding the secret, but not a Slack payload
            return web.Response(status=400)
        return await to_aiohttp_response(await app.async_dispatch(bolt_request))

    web_app = web.Application()
    web_app.router.add_post(path, handle)
    return web_app
