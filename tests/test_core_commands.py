"""Command handlers over real summarizer pieces: URLs, incident cards, digests, help."""

from __future__ import annotations

import json
import random
import threading
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bot.adapters import console, slack_render
from bot.config import Settings
from bot.core.app import build_registry
from bot.core.corpus import Corpus
from bot.core.digest import build_digest
from bot.core.providers import MemoryProvider
from bot.core.reply import Reply
from bot.core.services import Services, build_corpus, fetch_article
from bot.core.spelling import Spelling
from bot.vocabulary import Listed
from summarizer import stories as story_grouping
from summarizer.articles import load_one
from summarizer.articles.download import REFUSED, FetchPolicy
from summarizer.articles.model import Article
from summarizer.stories import Fingerprint

REPO = Path(__file__).resolve().parent.parent
PAGE = b"""<!doctype html><html><head><title>Dam repairs finished early</title></head><body>
<article><h1>Dam repairs finished early</h1>
<p>Engineers completed repairs on the river dam two weeks ahead of schedule, officials said on Tuesday.</p>
<p>The work strengthened the spillway and replaced ageing floodgates installed decades ago.</p>
<p>Farmers downstream welcomed the news, saying irrigation could resume before the planting season.</p>
<p>The regional authority said inspections would continue every month through the winter.</p>
</article></body></html>"""


class _Page(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def page_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/dam.html"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.load({}, seeds=REPO / "seeds", data_dir=tmp_path)


def _services(settings: Settings, **changes: object) -> Services:
    corpus = build_corpus(settings, index_in_background=False)
    return Services(settings, corpus, **changes)  # type: ignore[arg-type]


async def _ask(services: Services, line: str, *, manager: bool = False) -> Reply:
    return await build_registry().run_line(line, services, platform="test", channel="c", user="u",
                                           is_manager=manager)


async def test_summary_of_an_unknown_url_fetches_it_once(settings: Settings, page_url: str) -> None:
    fetched: list[str] = []

    async def fetch(url: str) -> Article:
        fetched.append(url)
        return await fetch_article(url, FetchPolicy())

    services = _services(settings, fetch=fetch)
    reply = await _ask(services, f"summary {page_url} --sentences 2")
    assert not reply.error, reply
    assert "Dam repairs finished early" in reply.title
    assert "Engineers completed repairs" in reply.sections[0].body
    assert reply.links[0].url == page_url
    again = await _ask(services, f"summary {page_url} --sentences 2")
    assert again.sections == reply.sections
    assert fetched == [page_url]  # the second answer came from the remembered article


async def test_a_summary_shows_its_article_link_once(settings: Settings, page_url: str) -> None:
    async def fetch(url: str) -> Article:
        return await fetch_article(url, FetchPolicy())

    reply = await _ask(_services(settings, fetch=fetch), f"summary {page_url}")
    assert not reply.error, reply
    assert console.render(reply).count(page_url) == 1
    slack_text = json.dumps([m.blocks for m in slack_render.render(reply)])
    assert slack_text.count(page_url) == 1
    assert f"<{page_url}|Read the full article>" in slack_text


async def test_private_addresses_are_never_fetched(settings: Settings, page_url: str) -> None:
    services = _services(settings)  # the default fetch: public addresses only
    reply = await _ask(services, f"summary {page_url}")
    assert reply.error
    assert reply.title.endswith(REFUSED)


async def test_incident_cards_from_the_seed(settings: Settings) -> None:
    services = _services(settings)
    reply = await _ask(services, "incident Hamo")
    assert not reply.error
    card = reply.sections[0]
    fields = {f.name: f.value for f in card.fields}
    assert "Hamo" in fields["Place"]
    assert fields["Vehicles"] == "3 × MRAP, 1 × Humvee"
    assert fields["Outcome"]
    assert fields["Source"].endswith("(#1)")
    firefight = await _ask(services, "incident 2020-08")
    casualties = {f.name: f.value for f in firefight.sections[0].fields}["Casualties"]
    assert casualties == "1 killed, 2 injured"


STORY_TOPICS = ("flood", "budget", "election", "harvest", "railway", "vaccine")
VOCABULARY = ("officials", "river", "council", "market", "minister", "village", "report", "water", "school",
              "road", "price", "farmers", "doctors", "train", "vote", "harbour", "bridge", "tax", "court",
              "police", "storm", "museum", "festival", "factory", "airport", "union", "hospital", "bank")


def _wire_stories(tmp_path: Path) -> Services:
    """Services over seeds where two outlets carry each of ``STORY_TOPICS`` (one a day)."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for day, topic in enumerate(STORY_TOPICS, start=1):
        words = random.Random(topic).choices(VOCABULARY, k=120)  # each story its own wording
        text = " ".join(" ".join(words[n:n + 12]).capitalize() + "." for n in range(0, 120, 12))
        for outlet in ("Alpha Wire", "Beta News"):
            (seeds / f"{topic}-{outlet[0]}.md").write_text(
                f'---\ntitle: "{topic.title()} report, by {outlet}"\nsource: "{outlet}"\n'
                f"published: 2026-11-{day:02d}\n---\n\n{text} Reported by {outlet}.\n", encoding="utf-8")
    return _services(Settings.load({}, seeds=seeds, data_dir=tmp_path))


async def test_digest_fills_its_limit_with_stories_however_many_outlets_carry_each(tmp_path: Path) -> None:
    """Two feeds carrying the same wire stories: ``digest`` shows as many stories as its limit,
    each once with both outlets, not as many articles (which would halve the stories)."""
    services = _wire_stories(tmp_path)
    for line, wanted in (("digest", 5), ("digest --limit 3", 3), ("digest --limit 4 --since 2026-11-01", 4)):
        reply = await _ask(services, f"{line} --sentences 1")
        assert reply.title == f"Digest: {wanted} top stories", line
        stories = [s for s in reply.sections if any(f.name == "Sources" for f in s.fields)]
        assert [(s.title or "").split()[0].lower() for s in stories] == list(reversed(STORY_TOPICS))[:wanted]
        assert all(sorted(f.value.split(", ")) == ["Alpha Wire", "Beta News"]
                   for s in stories for f in s.fields if f.name == "Sources"), line


async def test_digest_reads_its_articles_off_the_event_loop_and_fingerprints_each_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading and fingerprinting up to limit x 4 articles would stall every chat answer if it ran
    on the event loop; and the fingerprints that chose the stories also group them."""
    services = _wire_stories(tmp_path)
    loop_thread = threading.get_ident()
    on_loop: list[bool] = []
    load = services.corpus.load

    def watched_load(article: Listed) -> Article:
        on_loop.append(threading.get_ident() == loop_thread)
        return load(article)

    printed: Counter[str] = Counter()
    fingerprint = story_grouping.fingerprint

    def counted_fingerprint(article: Article) -> Fingerprint:
        printed[article.id] += 1
        return fingerprint(article)

    monkeypatch.setattr(services.corpus, "load", watched_load)
    monkeypatch.setattr(story_grouping, "fingerprint", counted_fingerprint)
    reply = await _ask(services, "digest --limit 2 --sentences 1")
    assert reply.title == "Digest: 2 top stories"
    assert on_loop
    assert not any(on_loop)
    assert len(printed) == 2 * 4
    assert set(printed.values()) == {1}


async def test_digest_lists_stories_then_incidents(settings: Settings) -> None:
    services = _services(settings)
    reply = await _ask(services, "digest --sentences 2")
    assert reply.title == "Digest: 1 top story"
    assert len(reply.sections) >= 2
    story, *cards = reply.sections
    assert {f.name for f in story.fields} >= {"Source", "Date", "Reading time"}
    assert all(" · " in (card.title or "") for card in cards)
    nothing = build_digest(services.corpus, [], method="default", sentences=2)
    assert nothing.title == "Digest: nothing new"


async def test_help_marks_manager_and_operator_commands(settings: Settings) -> None:
    services = _services(settings)
    assert (await _ask(services, "help subscribe")).footer == "channel managers only"
    assert (await _ask(services, "help reload")).footer == "the bot's operator only"
    listing = await _ask(services, "help")
    assert any(b.startswith("subscribe") and b.endswith("(managers)") for b in listing.sections[0].bullets)
    assert any(b.startswith("reload") and b.endswith("(operator)") for b in listing.sections[0].bullets)


async def test_every_command_explains_itself_when_asked_with_help_flags(settings: Settings) -> None:
    """``summary --help`` (or ``-h``) is ``help summary``, for every command and to anyone: a user
    types it before reading the help list, and a manager command's help is no manager action."""
    services = _services(settings)
    for command in build_registry().commands():
        expected = await _ask(services, f"help {command.name}")
        assert not expected.error
        for flag in ("--help", "-h", " --help "):
            assert await _ask(services, f"{command.name} {flag}") == expected, (command.name, flag)
    assert (await _ask(services, "feed --help")) == (await _ask(services, "help feeds"))


async def test_help_takes_a_command_as_users_type_it_on_their_platform(settings: Settings) -> None:
    """``help ?summary`` (a configured prefix), ``help /digest`` (a slash command) and ``help
    /newssearch`` (a platform's own name for ``search``) explain them, through the platform's spelling."""
    services = _services(settings)
    spelling = Spelling(prefixes=("?", "/"), names={"/newssearch": "search"})

    async def ask(line: str) -> Reply:
        return await build_registry().run_line(line, services, platform="test", channel="c", user="u",
                                               spelling=spelling)

    for typed, name in (("?summary", "summary"), ("/digest", "digest"), ("?Feed", "feeds"),
                        ("/NewsSearch", "search")):
        assert await ask(f"help {typed}") == await ask(f"help {name}"), typed
    assert (await ask("help ?")).title == "Unknown command '?'. Try help."
    assert (await ask("help !summary")).title == "Unknown command '!summary'. Try help."  # not typed here


async def test_a_failing_extractor_does_not_break_incident(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(article: Article) -> list[object]:
        raise RuntimeError("extractor bug")

    corpus = Corpus([MemoryProvider([load_one(str(REPO / "seeds" / "000_7597509c9b2e4476.txt"))])],
                    summarize=lambda a, m, n: pytest.fail("unused"), extract=broken)
    services = Services(settings, corpus)
    reply = await _ask(services, "incident")
    assert not reply.error
    assert reply.title == "No incidents."
    assert "extractor bug" in caplog.text


async def test_digest_previews_the_channels_next_subscription_digest(
    settings: Settings, tmp_path: Path
) -> None:
    from datetime import UTC, datetime, timedelta

    from bot.store import NewSubscription, open_store
    from bot.vocabulary import Destination

    store = open_store(None, sqlite_path=tmp_path / "store.sqlite3")
    try:
        now = datetime.now(UTC)
        here = Destination("slack", "C1", "T1")
        store.add_subscription(NewSubscription(
            destination=here, schedule="daily 08:00", cron="0 8 * * *", timezone="UTC",
            since=now - timedelta(days=1), created_by="U1", keywords=("harbour",), sentences=1,
            include_incidents=False,
        ), now=now)
        for title in ("Harbour reopens", "Election results"):
            article = Article(id=title.lower().replace(" ", "-"), title=title, source="Gazette",
                              text=f"{title} today. The {title.split()[0]} story continues. More later.")
            store.add_article(article, fetched_at=now, listed_at=now)
        services = _services(settings, store=store)
        reply = await build_registry().run_line("digest", services, platform="slack", channel="C1",
                                                user="U1", workspace="T1")
        assert reply.title == "Next digest (daily 08:00): 1 top story"
        assert [s.title for s in reply.sections] == ["Harbour reopens"]
        elsewhere = await build_registry().run_line("digest", services, platform="slack", channel="C2",
                                                    user="U1", workspace="T1")
        assert elsewhere.title.startswith("Digest: ")  # no subscription there: the top stories
    finally:
        store.close()


async def test_digest_preview_leaves_out_repeats_of_sent_stories_as_the_scheduled_digest_does(
    settings: Settings, tmp_path: Path
) -> None:
    from datetime import UTC, datetime, timedelta

    from bot.core.repeats import SentStories
    from bot.store import NewSubscription, open_store
    from bot.vocabulary import Destination

    flood = ("Heavy rain flooded the northern valley on Monday, cutting the main road to the coast and "
             "forcing hundreds of families from their homes while rescue teams reached three villages.")
    tram = ("The city council approved a new tram line on Wednesday after months of debate; construction "
            "starts in spring and the first trams should run within three years, the mayor told reporters.")
    store = open_store(None, sqlite_path=tmp_path / "store.sqlite3")
    try:
        now = datetime.now(UTC)
        here = Destination("slack", "C1", "T1")
        subscription = store.add_subscription(NewSubscription(
            destination=here, schedule="daily 08:00", cron="0 8 * * *", timezone="UTC",
            since=now - timedelta(days=1), created_by="U1", sentences=1, include_incidents=False,
        ), now=now)
        stories = [("Valley flooded", flood, "Wire"), ("Valley flooded, more rain due", flood + " More rain "
                   "is expected.", "AP"), ("Tram line approved", tram, "Gazette")]
        ids = [store.add_article(Article(id=title, title=title, source=source, text=text), fetched_at=now,
                                 listed_at=now).id for title, text, source in stories]
        store.claim(subscription.id, "earlier", slot_time=now, kind="digest", worker="test", now=now,
                    lease=timedelta(minutes=5), article_ids=ids[:1])  # the flood story went out already
        services = _services(settings, store=store)
        reply = await build_registry().run_line("digest", services, platform="slack", channel="C1",
                                                user="U1", workspace="T1")
        assert [s.title for s in reply.sections] == ["Tram line approved"]  # the AP flood version is a repeat
        scheduled = SentStories().next_digest(store, subscription, services.clock(), settings.digest_size)
        assert scheduled.fresh == ids[2:]
        assert scheduled.repeats == ids[1:2]
    finally:
        store.close()


def test_an_unsummarizable_article_does_not_sink_a_digest(settings: Settings) -> None:
    from summarizer.errors import InputError
    from summarizer.summary import Length, Summary, select

    def summarize(article: Article, method: str, sentences: int) -> Summary:
        if article.title == "Noise":
            raise InputError("nothing left to summarize once boilerplate is removed")
        return select([article.text], [1.0], Length(sentences=sentences), method)

    good = Article(id="good", title="Good", text="A real story.")
    noise = Article(id="noise", title="Noise", text="Share this. Subscribe.")
    corpus = Corpus([MemoryProvider([good, noise])], summarize=summarize, extract=lambda a: [])
    reply = build_digest(corpus, [good, noise], method="default", sentences=2)
    assert [s.body for s in reply.sections] == ["A real story.", "Share this. Subscribe."]
