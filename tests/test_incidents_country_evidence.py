"""Evidence of the country beyond its name: missions that work in one country, plain spellings."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.articles.model import Article
from summarizer.incidents import reading
from summarizer.incidents.extract import extract_incidents
from summarizer.incidents.gazetteer import Context, Gazetteer, gazetteer
from summarizer.incidents.places import SentencePlaces, find_places, mentioned_countries


def _countries(text: str) -> list[str | None]:
    article = Article(id="t", title="", text=text, reference_date=date(2021, 3, 9))
    return [incident.country for incident in extract_incidents(article)]


def test_a_mission_of_one_country_tells_the_country() -> None:
    assert dict(mentioned_countries("The OSCE SMM recorded explosions near a village.", gazetteer())) == {
        "UA": 2
    }
    text = "On 8 March 2021, LNA forces shelled positions in Qasr Wadi Bin Ghanim, killing two fighters."
    assert _countries(text) == ["Libya"]


def test_a_country_is_known_by_its_name_without_accents() -> None:
    assert gazetteer().country("Curacao") == gazetteer().country("Curaçao") == "CW"


def test_forces_of_two_countries_place_the_event_in_neither() -> None:
    weights = dict(mentioned_countries("Military forces of India and Pakistan exchanged fire.", gazetteer()))
    assert weights == {"IN": 1, "PK": 1}


def test_a_town_abroad_the_text_never_names_counts_less_than_a_unit_at_home() -> None:
    text = (
        "On 8 March 2021, Artsakh troops dug in at Kerman shot at soldiers of Azerbaijan around "
        "Sugovushan, Tartar."
    )
    assert _countries(text) == ["Azerbaijan"]


def test_a_breakaway_region_is_coded_to_the_country_that_holds_it_in_law() -> None:
    assert gazetteer().country("Artsakh") == gazetteer().country("Nagorno Karabakh") == "AZ"


def test_the_country_is_decided_once_when_every_place_lies_in_it(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str | None] = []
    real = find_places

    def counted(sentence: str, gaz: Gazetteer, prefer: str | None, context: Context) -> SentencePlaces:
        calls.append(prefer)
        return real(sentence, gaz, prefer, context)

    monkeypatch.setattr(reading, "find_places", counted)
    assert _countries("On 8 March 2021, gunmen killed two farmers in Kaduna, Kaduna state.") == ["Nigeria"]
    assert calls == [None]
