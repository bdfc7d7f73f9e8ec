"""Incident cards of one event reported by several articles: one card, its reports, the range."""

from __future__ import annotations

from datetime import date

from bot.core.cards import event_sections
from bot.core.incident_index import IncidentHit
from bot.core.reply import Section
from summarizer.articles.model import Article

RECORD = {"event_date": "2020-08-17", "date_precision": "day", "event_type": "Battles",
          "actor1": "Syrian army", "location": "Qamishli", "country": "Syria", "latitude": 37.05,
          "longitude": 41.22, "fatalities": 3, "injuries": 0, "summary": "Troops clashed near Qamishli."}


def hit(article_id: str, title: str, **changes: object) -> IncidentHit:
    article = Article(id=article_id, title=title, text="", source="Wire")
    return IncidentHit(article, RECORD | changes, date(2020, 8, 17), "day", 0)


def fields(section: Section) -> dict[str, str]:
    return {f.name: f.value for f in section.fields}


def test_reports_of_one_event_make_one_card_with_their_count_and_range() -> None:
    numbers = {"a": 1, "b": 2}
    sections = event_sections(
        [hit("a", "Clash in Qamishli"), hit("b", "Five dead in Qamishli", fatalities=5),
         hit("c", "Protest in Aleppo", location="Aleppo", latitude=36.2, longitude=37.15)],
        lambda article: numbers.get(article.id), limit=5,
    )
    assert len(sections) == 2
    merged, single = fields(sections[0]), fields(sections[1])
    assert merged["Casualties"] == "3-5 killed (reports differ)"
    assert merged["Sources (2 reports)"] == "Clash in Qamishli (#1); Five dead in Qamishli (#2)"
    assert single["Casualties"] == "3 killed"
    assert single["Source"] == "Protest in Aleppo"


def test_the_limit_counts_events() -> None:
    sections = event_sections([hit("a", "A"), hit("b", "B")], lambda _article: None, limit=1)
    assert len(sections) == 1
