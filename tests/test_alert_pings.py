"""Keyword filters (whole words, exclusions, linear time), alert pings through the scheduler, and
both on the console (which has no roles, so refuses pings)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fakes.recording_sender import FakeClock, RecordingSender
from incident_fixtures import store_incidents
from linear_time import LINEAR_GROWTH, growth_ratio, repeated

from bot.adapters.console import Console
from bot.config import Settings
from bot.core.app import build_registry
from bot.core.services import Services, build_corpus
from bot.scheduler import CorpusComposer, Scheduler, SchedulerOptions, parse_schedule
from bot.store import NewSubscription, Store, matches_filters
from bot.store.filters import KeywordFilter
from bot.vocabulary import Destination, Ping
from summarizer.articles.model import Article, content_id

NOW = datetime(2026, 11, 24, 6, 30, tzinfo=UTC)
HERE = Destination("discord", "C1", "G1")


def test_keywords_match_whole_words_and_phrases_and_exclusions_win() -> None:
    wanted = KeywordFilter(["Syria", "Idlib province", "C++"], exclude=["football"])
    assert wanted.matches("Shelling in SYRIA's north", "")
    assert wanted.matches("", "Clashes in Idlib\n  province today")
    assert wanted.matches("", "A C++ compiler")
    assert not wanted.matches("Syrian refugees", "")  # a whole word, not a prefix
    assert not wanted.matches("Idlib", "the province")
    assert not wanted.matches("Syria football final", "")
    assert KeywordFilter([], exclude=["weather"]).matches("Any story", "no forecast")
    assert not KeywordFilter([], exclude=["weather"]).matches("", "Weather warning")
    assert KeywordFilter(["(a+)+$"]).matches("", "literally (a+)+$ here")  # never a user regex


def test_keyword_matching_time_grows_linearly() -> None:
    words = [f"{'a' * 30}{n}" for n in range(50)]  # near misses at every word start
    wanted = KeywordFilter(words, exclude=words)
    ratio = growth_ratio(lambda text: wanted.matches("", text), lambda n: repeated("a" * 29 + " ", n))
    assert ratio < LINEAR_GROWTH


def subscribe(store: Store, clock: FakeClock, **options) -> int:
    parsed = parse_schedule("daily 08:00", "Europe/Berlin")
    new = NewSubscription(destination=HERE, schedule=parsed.text, cron=parsed.cron, timezone=parsed.timezone,
                          since=clock(), created_by="u1", include_incidents=False, **options)
    return store.add_subscription(new, now=clock()).id


def publish(store: Store, clock: FakeClock, title: str, text: str, fatalities: int | None = None) -> None:
    body = f"{title}. {text}"
    article = Article(id=content_id(body), title=title, text=body, source="Wire",
                      url=f"https://news.example/{content_id(body)}", published=clock())
    stored = store.add_article(article, fetched_at=clock(), listed_at=clock())
    if fatalities is not None:
        store_incidents(store, stored.id, [{"fatalities": fatalities}], now=clock())


async def test_only_alerts_carry_the_ping_and_excluded_stories_stay_out(store, tmp_path) -> None:
    clock = FakeClock(NOW)
    sender = RecordingSender("discord")
    composer = CorpusComposer(build_corpus(Settings(seeds=tmp_path / "no-seeds")))
    scheduler = Scheduler(store, {"discord": sender}, composer, clock=clock, sleep=clock.sleep,
                          options=SchedulerOptions(grace=timedelta(minutes=30)), worker="test")
    subscribe(store, clock, alert_fatalities=3, ping=Ping("42", "Analysts"), exclude=("exercise",))
    clock.advance(minutes=1)
    publish(store, clock, "Market shelled", "Shelling killed four people in the market, medics said.", 4)
    publish(store, clock, "Drill goes wrong", "Four soldiers were killed in a training exercise.", 4)
    publish(store, clock, "Talks resume", "Negotiators met again in Geneva on Monday.")
    assert [(o.kind, o.state) for o in await scheduler.run_once()] == [("alert", "sent")]
    clock.now = datetime(2026, 11, 24, 7, 1, tzinfo=UTC)  # 08:01 in Berlin
    assert [(o.kind, o.state) for o in await scheduler.run_once()] == [("digest", "sent")]
    (_, alert), (_, digest) = sender.posts
    assert alert.ping == Ping("42", "Analysts")
    assert digest.ping is None
    titles = [s.title for s in digest.sections if s.url]
    assert titles == ["Talks resume"]  # the alerted story was sent; the exercise is excluded


def test_matches_filters_applies_exclusions() -> None:
    article = Article(id="a", title="Storm warning", text="Heavy weather expected.", source="Wire")
    assert matches_filters(article, keywords=("storm",), sources=())
    assert not matches_filters(article, keywords=("storm",), sources=(), exclude=("weather",))



async def test_the_console_takes_exclusions_and_refuses_pings(store, tmp_path) -> None:
    settings = Settings(seeds=tmp_path / "no-seeds", data_dir=tmp_path / "data")
    console = Console(build_registry(), Services(settings, build_corpus(settings), fetch=None, store=store),
                      interactive=False, color=False, user="analyst")
    refused = await console.answer("subscribe daily 08:00 --alert 2 --ping @analysts")
    assert refused is not None
    assert "there are none here" in refused
    assert store.subscriptions() == []
    accepted = await console.answer('subscribe daily 08:00 --keywords Syria --exclude "football, weather"')
    assert accepted is not None
    assert "Excluded: football, weather" in accepted
    [subscription] = store.subscriptions()
    assert (subscription.keywords, subscription.exclude) == (("Syria",), ("football", "weather"))
    assert subscription.ping is None
