"""Discord latency benchmark (not a test): gateway event in -> REST reply out, real discord.py.

    .venv/bin/python tests/bench_discord.py [--articles 10000] [--requests 200] [--seed 7]

The real bot (``NewsBot`` over the real registry) runs against the fake Discord on 127.0.0.1 with a
synthetic in-memory corpus (``bot.bench``; nothing from the evaluation data). Each request is timed
from the moment the fake sends MESSAGE_CREATE / INTERACTION_CREATE until it has received the bot's
answer: the channel message for ``!summary N``, and for ``/incident QUERY`` both the acknowledgement
(the deferral that must beat Discord's 3-second deadline) and the follow-up carrying the cards.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import time

import discord
import yarl
from fakes.discord_server import APPLICATION_ID, GUILD_ID, FakeDiscord

from bot.adapters.discord_bot import NewsBot
from bot.bench import synthetic_articles
from bot.config import Settings
from bot.core.app import build_registry
from bot.core.providers import MemoryProvider
from bot.core.services import Services, build_corpus

PLACES = ["Qamishli", "Idlib", "Aleppo", "Mosul", "Gao", "Goma", "Marib", "Kharkiv", "Syria", "US forces"]


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return (f"p50 {statistics.median(ordered) * 1000:7.2f} ms   p99 {p99 * 1000:7.2f} ms   "
            f"max {ordered[-1] * 1000:7.2f} ms   n={len(ordered)}")


async def run(articles: int, requests: int, seed: int) -> None:
    rng = random.Random(seed)
    settings = Settings.load(environ={})
    corpus = build_corpus(settings, [MemoryProvider(synthetic_articles(articles, seed))],
                          index_in_background=False)  # indexed up front by warm(), then timed
    services = Services(settings=settings, corpus=corpus, fetch=None)
    began = time.perf_counter()
    corpus.warm(settings.method, settings.sentences)
    print(f"corpus: {len(corpus)} articles, indexed in {time.perf_counter() - began:.1f} s")
    async with FakeDiscord() as fake:
        discord.http.Route.BASE = fake.api_base
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(fake.gateway_url)
        bot = NewsBot(build_registry(), services, guild_id=GUILD_ID, guild_ready_timeout=0.05)
        await bot.login("bench-token")
        connection = asyncio.create_task(bot.connect(reconnect=False))
        await fake.wait_ready()
        await bot.wait_until_ready()
        try:
            summary = []
            numbers = rng.sample(range(1, len(corpus) + 1), min(requests, len(corpus)))
            for count, number in enumerate(numbers, 1):
                began = time.perf_counter()
                await fake.send_message(f"!summary {number}")
                await fake.wait_for(lambda r: r.path.endswith("/messages"), count=count)
                summary.append(time.perf_counter() - began)
            acks, answers = [], []
            for _ in range(requests):
                query = rng.choice(PLACES)
                began = time.perf_counter()
                token = await fake.send_interaction(2, {"id": "1", "name": "incident", "type": 1, "options": [
                    {"name": "query", "type": 3, "value": query}]})
                await fake.wait_for(lambda r, t=token: r.path.startswith("/interactions/") and t in r.path)
                acks.append(time.perf_counter() - began)
                await fake.wait_for(lambda r, t=token: r.path == f"/webhooks/{APPLICATION_ID}/{t}")
                answers.append(time.perf_counter() - began)
        finally:
            await bot.close()
            await asyncio.gather(connection, return_exceptions=True)
    print(f"!summary N, message in -> reply posted:   {percentiles(summary)}")
    print(f"/incident QUERY, interaction -> ack:      {percentiles(acks)}")
    print(f"/incident QUERY, interaction -> answer:   {percentiles(answers)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    asyncio.run(run(args.articles, args.requests, args.seed))


if __name__ == "__main__":
    main()
