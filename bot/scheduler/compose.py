"""What the scheduler posts, as ``Reply`` objects: digests (the same builder the ``digest``
command uses), incident alerts and feed-failure notices."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from bot.core.cards import incident_section, summary_section
from bot.core.corpus import Corpus
from bot.core.digest import build_digest
from bot.core.format import plural
from bot.core.incident_index import incident_hit
from bot.core.reply import Reply, Section
from bot.store import StoredIncident, Subscription
from bot.vocabulary import ArticleHead
from summarizer.articles.model import Article

__all__ = ["Composer", "CorpusComposer", "feed_notice", "quarantine_notice"]


class Composer(Protocol):
    """Builds the replies the scheduler posts."""

    def digest(self, subscription: Subscription, articles: Sequence[Article]) -> Reply:
        """A scheduled digest of ``articles`` (empty: "nothing new")."""
        ...

    def alert(self, subscription: Subscription, article: Article, incident: StoredIncident,
              others: Sequence[tuple[Article, StoredIncident]] = ()) -> Reply:
        """An immediate alert about one incident (``others``: other reports of its event)."""
        ...


def feed_notice(name: str, failing_since: datetime, error: str, failures: int, *, paused: bool,
                gone: bool) -> Reply:
    """``Feed X failing since ...: 403``: still retried, or paused until a manager resumes it
    (``gone``: paused because its server says it is gone for good, whatever failed before)."""
    when = failing_since.strftime("%Y-%m-%d %H:%M UTC")
    if gone:
        body = ("Paused at once: retrying cannot help. A channel manager can remove it with `feeds remove`, "
                "or resume it with `feeds resume` if the publisher brings it back.")
    elif paused:
        body = (f"Paused after {plural(failures, 'failed poll')} in a row. A channel manager can resume "
                "it with `feeds resume` once the feed works again.")
    else:
        body = (f"{plural(failures, 'failed poll')} in a row; retrying less and less often, and pausing "
                "it if it keeps failing.")
    return Reply(title=f"Feed {name} failing since {when}: {error}", sections=(Section(body=body),),
                 error=True)


def quarantine_notice(subscription_id: int, schedule: str, reason: str) -> Reply:
    """``Subscription #3 stopped``: it failed at run time; the channel's other digests go on."""
    body = (f"It failed when its digest was due: {reason}. Other subscriptions are not affected. "
            f"A channel manager can resume it once that is fixed (`resume {subscription_id}`) or replace it "
            f"(`unsubscribe {subscription_id}`, then `subscribe` again).")
    return Reply(title=f"Subscription #{subscription_id} ({schedule}) stopped",
                 sections=(Section(body=body),), error=True)


class CorpusComposer:
    """Replies built with the bot core's cards and digest builder over the corpus's caches."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus

    def digest(self, subscription: Subscription, articles: Sequence[Article]) -> Reply:
        """The subscription's digest: its method, length and incident choice."""
        return build_digest(
            self.corpus,
            articles,
            method=subscription.method,
            sentences=subscription.sentences,
            with_incidents=subscription.include_incidents,
            heading=f"Digest ({subscription.schedule})",
        )

    def alert(self, subscription: Subscription, article: Article, incident: StoredIncident,
              others: Sequence[tuple[Article, StoredIncident]] = ()) -> Reply:
        """The incident's card (as the ``incident`` command shows it, with the other reports of
        its event as sources) and the article's summary."""
        number = self.corpus.number(article)
        summary = self.corpus.summary(article, subscription.method, subscription.sentences)
        hit = incident_hit(ArticleHead.of(article), incident.data, incident.position)
        reports = [(incident_hit(ArticleHead.of(source), report.data, report.position),
                    self.corpus.number(source)) for source, report in others]
        sections = (incident_section(hit, number, others=reports), summary_section(article, summary, number))
        killed, rule = incident.fatalities or 0, subscription.alert_fatalities or 0
        return Reply(
            title=f"Alert: {plural(killed, 'fatality', 'fatalities')} reported",
            sections=sections,
            footer=f"alert rule: at least {plural(rule, 'fatality', 'fatalities')}",
            ping=subscription.ping,
        )
