"""The content commands: summary, incident, digest, sources, search, help, reload.

Each is declared once (typed parameters) and written once as ``async def handler(inv, services)``;
the slow parts (summarizing, extracting incidents) run in a worker thread so an adapter's event
loop keeps answering heartbeats and acks.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import date

from bot.core.cards import event_sections, incidents_footer, summary_section
from bot.core.corpus import ArticleNotFound
from bot.core.digest import articles_since, build_digest
from bot.core.fetch_slots import FetchBusy
from bot.core.format import format_date, plural, shorten
from bot.core.incident_index import parse_incident_query
from bot.core.registry import (
    ArgumentError,
    Command,
    Invocation,
    Param,
    Permission,
    Registry,
    unknown_command,
)
from bot.core.reply import Link, Reply, Section
from bot.core.services import Services
from bot.core.spelling import Spelling
from bot.vocabulary import Destination, Listed
from summarizer.articles.model import Article
from summarizer.errors import InputError, UsageError
from summarizer.methods import available_methods

__all__ = ["register"]

MAX_SENTENCES = 10  # per summary; subscriptions use the same bound
MAX_LIMIT = 25
MAX_PAGE = 100_000  # a million articles at 10 a page; the database's offset stays a 64-bit integer
ECHO_LIMIT = 80  # characters of a user's query repeated in a reply title


def _sentences_param() -> Param:
    return Param("sentences", int, "how many sentences per summary", minimum=1, maximum=MAX_SENTENCES)


def _method_param() -> Param:
    return Param("method", str, "summarization method", choices=tuple(available_methods()))


def _page_param() -> Param:
    return Param("page", int, "page number", default=1, minimum=1, maximum=MAX_PAGE)


async def _find_article(inv: Invocation, services: Services) -> Article:
    """The article a user named, fetching an unknown URL when allowed (a few at a time per user
    and in all; the download itself holds no worker thread)."""
    corpus = services.corpus
    ref = str(inv.args.get("article") or "").strip()
    if ref.startswith(("http://", "https://")) and corpus.by_url(ref) is None:
        if services.fetch is None:
            raise ArticleNotFound(f"I do not know the article at {ref} (fetching URLs is turned off).")
        try:
            with services.fetch_slots.claim(f"{inv.platform}:{inv.workspace}:{inv.user}"):
                article = await services.fetch(ref)
        except FetchBusy as exc:
            raise ArticleNotFound(str(exc)) from None
        except InputError as exc:
            raise ArticleNotFound(f"Cannot read that page: {exc}") from None
        corpus.remember(article)
        return article
    return await asyncio.to_thread(corpus.resolve, ref)


async def summary(inv: Invocation, services: Services) -> Reply:
    """Summarize an article: its number from sources, id, URL or title words (newest if none)."""
    sentences = inv.args.get("sentences") or services.settings.sentences
    method = inv.args.get("method") or services.settings.method
    try:
        article = await _find_article(inv, services)
    except ArticleNotFound as exc:
        return Reply.failure(str(exc))
    try:
        result = await asyncio.to_thread(services.corpus.summary, article, method, sentences)
    except UsageError as exc:
        raise ArgumentError(str(exc)) from None
    except InputError as exc:
        return Reply.failure(f"Cannot summarize {shorten(article.title, 80)}: {exc}")
    links = (Link("Read the full article", article.url),) if article.url else ()
    return Reply(
        title=article.title,
        sections=(summary_section(article, result, services.corpus.number(article), title=False),),
        links=links,
        footer=f"{result.method} · {len(result.sentences)} of "
        f"{plural(result.total_sentences, 'sentence')} · id {article.id}",
    )


async def incident(inv: Invocation, services: Services) -> Reply:
    """Incident records matching a place, actor, type or date (YYYY, YYYY-MM), newest first."""
    text: str | None = inv.args.get("query")
    since: date | None = inv.args.get("since")
    limit: int = inv.args.get("limit") or 5
    query = parse_incident_query(text, since)
    corpus = services.corpus
    hits, total = await asyncio.to_thread(corpus.incidents, query, limit)
    backlog = corpus.indexing_backlog()
    still = f" · still reading {plural(backlog, 'article')} for incidents" if backlog else ""
    described = f" matching {shorten(text, ECHO_LIMIT)!r}" if text else ""
    described += f" since {format_date(since)}" if since else ""
    if not hits:
        return Reply(title=f"No incidents{described}.", footer="Try a place, an actor or a year." + still)
    return Reply(
        title=f"Incidents{described}" if described else "Latest incidents",
        sections=tuple(event_sections(hits, corpus.number, limit)),
        footer=incidents_footer(len(hits), total) + ", newest first" + still,
    )


async def digest(inv: Invocation, services: Services) -> Reply:
    """Top stories, each summarized, plus the incidents they report.

    The digest a channel would get now: its subscription's next digest (unsent stories matching
    its filters) when it has one, else the top stories.
    """
    since: date | None = inv.args.get("since")
    limit: int = inv.args.get("limit") or services.settings.digest_size
    sentences: int | None = inv.args.get("sentences")
    corpus = services.corpus
    store = services.store
    subscriptions = []
    if store is not None and since is None:
        here = Destination(inv.platform, inv.channel, inv.workspace)
        subscriptions = await asyncio.to_thread(store.subscriptions, here)
    try:
        if subscriptions and store is not None:
            plan = subscriptions[0]
            # the same pick as the scheduled digest: whole stories, repeats of sent stories left out
            pick = await asyncio.to_thread(
                services.sent_stories.next_digest, store, plan, services.clock(), limit
            )
            stored = await asyncio.to_thread(store.articles, ids=pick.fresh)
            return await asyncio.to_thread(
                build_digest, corpus, [s.article for s in stored], method=plan.method,
                sentences=sentences or plan.sentences, with_incidents=plan.include_incidents,
                heading=f"Next digest ({plan.schedule})",
            )
        chosen = await asyncio.to_thread(articles_since, corpus, since, limit)
        return await asyncio.to_thread(
            build_digest, corpus, chosen.articles, prints=chosen.prints, method=services.settings.method,
            sentences=sentences or services.settings.sentences,
        )
    except UsageError as exc:
        raise ArgumentError(str(exc)) from None


def _pages(total: int, page: int, size: int) -> int:
    """How many pages ``total`` items fill; a page past the last is an error."""
    pages = max(1, -(-total // size))
    if page > pages:
        raise ArgumentError(f"page must be at most {pages}")
    return pages


def _listing(
    title: str, shown: Sequence[Listed], total: int, page: int, services: Services, *, hint: str
) -> Reply:
    pages = _pages(total, page, services.settings.page_size)
    corpus = services.corpus
    bullets = tuple(
        f"#{corpus.number(a)} · {shorten(a.title, 120)} — {a.source or 'unknown source'}, "
        f"{format_date(a.published or a.reference_date)}"
        for a in shown
    )
    footer = f"{plural(total, 'article')} · page {page} of {pages} · {hint}"
    return Reply(title=title, sections=(Section(bullets=bullets),), footer=footer)


async def sources(inv: Invocation, services: Services) -> Reply:
    """List the articles the bot knows, newest first, numbered for summary."""
    articles = services.corpus.articles()
    if not articles:
        return Reply(title="I do not know any article yet.", footer="Add files to seeds/ or a feed.")
    page, size = inv.args["page"], services.settings.page_size
    return _listing("Articles I know", articles[(page - 1) * size : page * size], len(articles), page,
                    services, hint="summary NUMBER summarizes one")


async def search(inv: Invocation, services: Services) -> Reply:
    """Find articles containing all the words."""
    text: str | None = inv.args.get("words")
    if not text or not text.strip():
        raise ArgumentError("search needs words to look for")
    page, size = inv.args["page"], services.settings.page_size
    found, total = await asyncio.to_thread(services.corpus.search, text, offset=(page - 1) * size, limit=size)
    if not total:
        return Reply(title=f"No article contains {shorten(text, ECHO_LIMIT)!r}.")
    return _listing(f"Articles matching {shorten(text, ECHO_LIMIT)!r}", found, total, page, services,
                    hint="summary NUMBER summarizes one")


async def reload(inv: Invocation, services: Services) -> Reply:
    """Rescan seeds/ and the store for new articles now."""
    report = await asyncio.to_thread(services.corpus.refresh, force=True)
    sections = (Section(title="Could not read", bullets=report.failures),) if report.failures else ()
    return Reply(
        title=f"Reloaded: {plural(report.total, 'article')} "
        f"({report.added} new, {report.removed} gone)",
        sections=sections,
    )


_WHO = {Permission.MANAGER: " (managers)", Permission.OWNER: " (operator)"}


def _help_reply(registry: Registry, name: str | None, spelling: Spelling) -> Reply:
    if name:
        command = registry.get(spelling.command_name(name))  # as typed there: !summary, /newssearch
        if command is None:
            raise ArgumentError(unknown_command(name, spelling))
        return _command_help(command)
    bullets = tuple(f"{c.usage} — {c.help}{_WHO.get(c.permission, '')}" for c in registry.commands())
    return Reply(title="Commands", sections=(Section(bullets=bullets),),
                 footer="help COMMAND explains one command")


def _command_help(command: Command) -> Reply:
    bullets = []
    for p in command.params:
        spelling = p.name if p.positional else p.flag
        details = [p.help] if p.help else []
        if p.choices:
            details.append("one of " + ", ".join(p.choices))
        if p.default is True:
            details.append(f"default yes (write {p.flag}=no to turn it off)")
        elif p.default not in (None, False):
            details.append(f"default {p.default}")
        bullets.append(f"{spelling}: {'; '.join(details)}")
    notes = []
    if command.aliases:
        notes.append("also: " + ", ".join(command.aliases))
    if command.permission is Permission.MANAGER:
        notes.append("channel managers only")
    elif command.permission is Permission.OWNER:
        notes.append("the bot's operator only")
    return Reply(
        title=f"Usage: {command.usage}",
        sections=(Section(body=command.help, bullets=tuple(bullets)),),
        footer=" · ".join(notes) or None,
    )


def register(registry: Registry) -> None:
    """Add the content commands to ``registry``."""
    registry.add(Command(
        "summary", summary,
        (Param("article", str, "article number, id, URL or title words", positional=True, rest=True),
         _sentences_param(), _method_param()),
        slow=True,
    ))
    registry.add(Command(
        "incident", incident,
        (Param("query", str, "place, actor, type, words or date", positional=True, rest=True),
         Param("since", date, "only incidents on or after this date (YYYY-MM-DD)"),
         Param("limit", int, "how many incidents", default=5, minimum=1, maximum=MAX_LIMIT)),
        aliases=("incidents",),
        slow=True,
    ))
    registry.add(Command(
        "digest", digest,
        (Param("since", date, "only articles published on or after this date (YYYY-MM-DD)"),
         Param("limit", int, "how many stories", minimum=1, maximum=MAX_LIMIT),
         _sentences_param()),
        slow=True,
    ))
    registry.add(Command(
        "sources", sources, (_page_param(),), aliases=("articles",),
    ))
    registry.add(Command(
        "search", search,
        (Param("words", str, "words to look for", positional=True, rest=True), _page_param()),
        slow=True,
    ))

    async def help_(inv: Invocation, services: Services) -> Reply:
        """List the commands, or explain one."""
        return _help_reply(registry, inv.args.get("command"), inv.spelling)

    registry.add(Command(
        "help", help_, (Param("command", str, "a command name", positional=True),),
    ))
    registry.add(Command(
        "reload", reload, permission=Permission.OWNER,
    ))
