"""Latency benchmark: request -> rendered reply for ``summary`` and ``incident`` over a large corpus.

    python -m bot.bench [--articles 10000] [--requests 500] [--seed 7] [--store PATH_OR_URL]
    python -m bot.bench --scale 100000 --corpus PATH/wikinews [--db FILE] [--budget 900]
    python -m bot.bench --startup [REPEATS]

The second form is the scale benchmark over a store of real articles (``bot.bench_scale``); the
third times ``newsbot console`` to its first prompt, and to its first answers to ``incident`` and
``summary`` on the seed corpus, against a bare interpreter (``bot.bench_startup``).

Articles are generated in memory from templates (nothing is read from the evaluation data).
The corpus is indexed first (timed separately: what a bot does once at start-up; the incident
index on its own). With ``--store`` (a SQLite file or a database URL) extracted incidents are
kept in that store, and a restart is timed too: a new connection and a new corpus over the same
store, up to a complete incident index. Then each
request goes through the console adapter's path: line parsing, dispatch, the handler and
rendering. ``summary`` is measured twice: on articles never summarized before (a cache miss
runs the real summarizer) and again on articles already asked for (the cached answer).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot import bench_scale
from bot.adapters.console import Console
from bot.bench_startup import measure_console_startup
from bot.config import Settings
from bot.core.app import build_registry
from bot.core.corpus import Corpus
from bot.core.incident_index import IncidentQuery
from bot.core.providers import MemoryProvider
from bot.core.services import Services, build_corpus
from bot.store import Store, open_store
from summarizer.articles.model import Article, content_id
from summarizer.bench_startup import startup_report
from summarizer.errors import SummarizerError

__all__ = ["incident_queries", "main", "percentiles", "synthetic_articles"]

_STARTUP_REPEATS = 9
_PLACES = [
    ("Qamishli", "Hasakah", "Syria"), ("Deir ez-Zor", "Deir ez-Zor", "Syria"), ("Idlib", "Idlib", "Syria"),
    ("Aleppo", "Aleppo", "Syria"), ("Mosul", "Nineveh", "Iraq"), ("Kirkuk", "Kirkuk", "Iraq"),
    ("Gao", "Gao", "Mali"), ("Timbuktu", "Tombouctou", "Mali"), ("Goma", "North Kivu", "Congo"),
    ("Marib", "Marib", "Yemen"), ("Taiz", "Taiz", "Yemen"), ("Kharkiv", "Kharkiv", "Ukraine"),
]
_ACTORS = ["Syrian army troops", "US forces", "local residents", "Kurdish fighters", "rebel fighters",
           "government forces", "militiamen", "police officers", "protesters", "Turkish-backed groups"]
_VEHICLES = ["armoured vehicles", "MRAPs", "Humvees", "tanks", "pickup trucks", "trucks"]
_NUMBERS = ["two", "three", "four", "five", "six", "seven", "a dozen"]
_EVENTS = [
    "{a1} clashed with {a2} near {place} on {day}, leaving {n} people dead and {m} injured.",
    "{a1} blocked a convoy of {n} {veh} at a checkpoint southwest of {place} on {day}, "
    "forcing it to turn back.",
    "An explosive device struck a patrol of {a2} on the road outside {place} on {day}, killing {n}.",
    "Shelling hit residential districts of {place} on {day}; officials said {n} civilians were wounded.",
    "Hundreds of {a1} marched through central {place} on {day} to protest against {a2}.",
]
_SUBJECTS = ["A local official", "A spokesman for the {province} governor", "Residents of {place}",
             "An aid worker", "A regional analyst", "Security sources", "The interior ministry of {country}",
             "A hospital director in {place}", "Community leaders", "A monitoring group"]
_CLAIMS = ["said the situation remained tense", "warned that fighting could spread to nearby villages",
           "called for an independent investigation", "said roads into {place} had been closed",
           "reported that {n} families had fled the area", "said electricity had been cut for hours",
           "described the security situation in {province} as fragile",
           "said talks between the two sides had stalled", "urged residents to stay indoors",
           "said supplies of fuel and flour were running short"]
_TAILS = [" on {weekday}", " late on {weekday}", " in a statement", " in an interview",
          " according to local media", ""]


def synthetic_articles(count: int, seed: int = 7) -> list[Article]:
    """``count`` conflict-news articles built from templates, a few days apart."""
    rng = random.Random(seed)  # noqa: S311 (synthetic text, not security)
    start = datetime(2024, 1, 1, 6, 0, tzinfo=UTC)
    articles = []
    for i in range(count):
        place, province, country = rng.choice(_PLACES)
        published = start + timedelta(minutes=53 * i)
        day = (published - timedelta(days=rng.randint(0, 3))).strftime("%-d %B %Y")
        fill = {
            "place": place, "province": province, "country": country, "day": day,
            "a1": rng.choice(_ACTORS), "a2": rng.choice(_ACTORS), "veh": rng.choice(_VEHICLES),
            "n": rng.choice(_NUMBERS), "m": rng.choice(_NUMBERS), "weekday": published.strftime("%A"),
        }
        sentences = [rng.choice(_EVENTS).format(**fill)]
        for combo in rng.sample(range(len(_SUBJECTS) * len(_CLAIMS) * len(_TAILS)), rng.randint(18, 28)):
            pick, tail = divmod(combo, len(_TAILS))
            subject, claim = divmod(pick, len(_CLAIMS))
            sentences.append(f"{_SUBJECTS[subject]} {_CLAIMS[claim]}{_TAILS[tail]}.".format(**fill))
        if rng.random() < 0.3:
            sentences.append(rng.choice(_EVENTS).format(**{**fill, "place": rng.choice(_PLACES)[0]}))
        text = "\n".join(" ".join(sentences[j : j + 3]) for j in range(0, len(sentences), 3))
        title = f"{fill['a1'].capitalize()} and {fill['a2']} in {place}: report {i}"
        articles.append(Article(
            id=content_id(title + text), title=title, text=text, source=f"Wire {i % 7}",
            url=f"https://news.example/{i}", published=published,
            reference_date=published.date(),
        ))
    return articles



def incident_queries() -> list[str]:
    """What the benchmarks ask ``incident`` for: every place and country of the synthetic corpus,
    an actor, a month and nothing."""
    return [p for p, _, _ in _PLACES] + [c for _, _, c in _PLACES] + ["US forces", "2024-03", ""]


def percentiles(samples: list[float]) -> str:
    """p50, p99 and max of timings in seconds, as one line in milliseconds."""
    ordered = sorted(samples)
    p50 = statistics.median(ordered) * 1000
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000
    return f"p50 {p50:7.2f} ms   p99 {p99:7.2f} ms   max {ordered[-1] * 1000:7.2f} ms   n={len(ordered)}"


def _timed(runner: Callable[[str], object], lines: Iterable[str]) -> list[float]:
    samples = []
    for line in lines:
        began = time.perf_counter()
        output = runner(line)
        samples.append(time.perf_counter() - began)
        if not isinstance(output, str) or output.startswith("Error"):
            raise SystemExit(f"benchmark request failed: {line!r} -> {output!r}")
    return samples


def _open(store: str) -> Store:
    """The store named on the command line: a database URL, else a SQLite file path."""
    return open_store(store if "://" in store else None, sqlite_path=Path(store))


def _start(settings: Settings, articles: Sequence[Article], store: Store | None) -> tuple[Corpus, float]:
    """A bot start: a new corpus over the articles (and store), timed up to a complete incident index."""
    began = time.perf_counter()
    corpus = build_corpus(settings, [MemoryProvider(articles)], index_in_background=False, store=store)
    corpus.incidents(IncidentQuery(), 1)
    return corpus, time.perf_counter() - began


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print percentiles."""
    parser = argparse.ArgumentParser(prog="python -m bot.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--store", metavar="PATH_OR_URL", help="keep extracted incidents in this store")
    parser.add_argument("--scale", type=int, metavar="N", help="scale benchmark over a store of N articles")
    parser.add_argument("--corpus", type=Path, help="folder of real articles the scale store repeats")
    parser.add_argument("--db", type=Path, help="scale store file (reused when it exists)")
    parser.add_argument("--budget", type=float, default=900, help="seconds the scale measurement may take")
    parser.add_argument("--measure", type=Path, metavar="FILE", help="measure one scale store")
    parser.add_argument(
        "--startup", type=int, nargs="?", const=_STARTUP_REPEATS, metavar="REPEATS",
        help=f"only time newsbot console to its first prompt and answers (default {_STARTUP_REPEATS} rounds)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if args.startup is not None:
        return _startup(args.startup)
    if args.measure is not None:
        bench_scale.measure(args.measure, args.requests, args.seed)
        return 0
    if args.scale is not None:
        return bench_scale.run(args.scale, corpus=args.corpus, db=args.db, budget=args.budget,
                               requests=args.requests, seed=args.seed)
    rng = random.Random(args.seed)  # noqa: S311 (synthetic text, not security)
    settings = Settings.load(environ={})
    articles = synthetic_articles(args.articles, args.seed)
    store = _open(args.store) if args.store else None
    corpus, took = _start(settings, articles, store)
    where = "no store" if store is None else f"store {store.dialect}, first start"
    print(f"incident index: {len(corpus)} articles in {took:.2f} s ({where})")
    if store is not None:
        store.close()
        store = _open(args.store)  # a restart: a new connection, a new corpus
        corpus, took = _start(settings, articles, store)
        print(f"incident index: {len(corpus)} articles in {took:.2f} s (store {store.dialect}, restart)")
    services = Services(settings=settings, corpus=corpus, fetch=None, store=store)
    console = Console(build_registry(), services, interactive=False, color=False, user="bench")
    began = time.perf_counter()
    corpus.warm(settings.method, settings.sentences)
    print(f"corpus: {len(corpus)} articles, rest of the warm-up in {time.perf_counter() - began:.1f} s")

    with asyncio.Runner() as loop:
        def ask(line: str) -> object:
            return loop.run(console.answer(line))

        numbers = rng.sample(range(51, len(corpus) + 1), min(args.requests, len(corpus) - 50))
        cold = _timed(ask, (f"summary {n}" for n in numbers))
        warm = _timed(ask, (f"summary {rng.choice(numbers)}" for _ in range(args.requests)))
        queries = incident_queries()
        incident = _timed(ask, (f"incident {rng.choice(queries)}" for _ in range(args.requests)))
    print(f"summary, first request per article: {percentiles(cold)}")
    print(f"summary, cached:                    {percentiles(warm)}")
    print(f"incident:                           {percentiles(incident)}")
    return 0


def _startup(repeats: int) -> int:
    if repeats < 1:
        print("bench: error: --startup needs at least 1 run", file=sys.stderr)
        return 2
    try:
        times = measure_console_startup(repeats)
    except SummarizerError as error:
        print(f"bench: error: {error}", file=sys.stderr)
        return 1
    runs = repeats * len(times.first_answers)
    print("\n".join(startup_report(times.prompt, "newsbot console to its first prompt", runs)))
    for command, answer in times.first_answers.items():
        label = f"to its first answer to {command}"
        print(f"  {label:<40}{answer.command * 1000:7.1f} ms {answer.ratio:5.1f}x (median of {repeats})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
