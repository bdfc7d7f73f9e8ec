"""Slack latency benchmark (not a test): signed slash command in -> Block Kit answer out, on local fakes.

    .venv/bin/python tests/bench_slack.py [--articles 10000] [--requests 300]

Each request is a v0-signed ``/summary N`` or ``/incident Q`` POSTed to the real bolt ``AsyncApp``
served on 127.0.0.1; the clock stops when the answer reaches the fake Web API's ``response_url``.
So it covers signature checking, bolt's dispatch and ack, the registry, the handler, Block Kit
rendering and the HTTP post of the answer. The corpus is ``bot.bench``'s synthetic one.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import time
from collections.abc import Sequence

from slack_fixtures import SlackHarness, serve_slack

from bot.bench import incident_queries, percentiles, synthetic_articles
from bot.config import Settings
from bot.core.app import build_registry
from bot.core.providers import MemoryProvider
from bot.core.services import Services, build_corpus


async def _timed(slack: SlackHarness, command: str, texts: Sequence[str]) -> list[float]:
    samples = []
    for text in texts:
        before = len(slack.fake.calls_to("response_url"))
        began = time.perf_counter()
        status, _ = await slack.slash(command, text)
        [*_, answer] = await slack.fake.wait_for("response_url", before + 1, timeout=30)
        samples.append(time.perf_counter() - began)
        if status != 200 or answer.payload["response_type"] != "in_channel":
            raise SystemExit(f"benchmark request failed: {command} {text} -> {answer.payload}")
    return samples


async def run(articles: int, requests: int, seed: int) -> None:
    rng = random.Random(seed)
    settings = Settings.load(environ={})
    corpus = build_corpus(settings, [MemoryProvider(synthetic_articles(articles, seed))],
                          index_in_background=False)
    began = time.perf_counter()
    corpus.warm(settings.method, settings.sentences)
    print(f"corpus: {len(corpus)} articles, indexed in {time.perf_counter() - began:.1f} s")
    services = Services(settings=settings, corpus=corpus, fetch=None)
    async with serve_slack(build_registry(), services) as slack:
        numbers = rng.sample(range(51, len(corpus) + 1), min(requests, len(corpus) - 50))
        cold = await _timed(slack, "/summary", [str(n) for n in numbers])
        warm = await _timed(slack, "/summary", [str(rng.choice(numbers)) for _ in range(requests)])
        queries = incident_queries()
        incident = await _timed(slack, "/incident", [rng.choice(queries) for _ in range(requests)])
    print(f"slack /summary, first request per article: {percentiles(cold)}")
    print(f"slack /summary, cached:                    {percentiles(warm)}")
    print(f"slack /incident:                           {percentiles(incident)}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tests/bench_slack.py")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    asyncio.run(run(args.articles, args.requests, args.seed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
