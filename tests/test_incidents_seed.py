"""The seed article's incidents match the hand-coded gold file (../shared/gold/seed-incidents.json)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from summarizer.articles import load_one
from summarizer.articles.model import Article
from summarizer.incidents import Incident, extract_incidents

ROOT = Path(__file__).resolve().parent.parent
GOLD_PATH = ROOT.parent / "shared" / "gold" / "seed-incidents.json"
COMPARED = (
    "event_date", "date_precision", "event_type", "sub_event_type", "actor1", "actor2", "location", "near",
    "relation", "road", "admin1", "country", "vehicles", "outcome", "fatalities", "injuries",
)  # fmt: skip


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    if not GOLD_PATH.exists():
        pytest.skip("shared gold data not present beside the repository")
    data: dict[str, Any] = json.loads(GOLD_PATH.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def incidents(gold: dict[str, Any]) -> list[Incident]:
    text = (ROOT / gold["article"]).read_text(encoding="utf-8")
    article = Article(
        id="seed", title="", text=text, reference_date=date.fromisoformat(gold["reference_date"])
    )
    return extract_incidents(article)


def test_seed_yields_exactly_the_gold_incidents(gold: dict[str, Any], incidents: list[Incident]) -> None:
    assert [i.event_date for i in incidents] == [g["event_date"] for g in gold["incidents"]]


@pytest.mark.parametrize("number", [0, 1, 2])
def test_seed_incident_fields_match_gold(
    gold: dict[str, Any], incidents: list[Incident], number: int
) -> None:
    expected = gold["incidents"][number]
    got = incidents[number].to_dict()
    assert {name: got[name] for name in COMPARED} == {name: expected[name] for name in COMPARED}


@pytest.mark.parametrize("number", [0, 1, 2])
def test_seed_evidence_cites_the_gold_words(
    gold: dict[str, Any], incidents: list[Incident], number: int
) -> None:
    cited = " ".join(e.text for e in incidents[number].evidence)
    for word in gold["incidents"][number]["evidence"]:
        assert word in cited


def test_background_and_court_martial_are_not_incidents(incidents: list[Incident]) -> None:
    cited = " ".join(e.text for i in incidents for e in i.evidence)
    assert "2017" not in cited
    assert "court-martial" not in cited
    assert all(i.event_date and not i.event_date.startswith("2017") for i in incidents)


def test_seed_places_have_gazetteer_coordinates(incidents: list[Incident]) -> None:
    located = incidents[0]
    assert located.latitude == pytest.approx(37.05, abs=0.1)
    assert located.longitude == pytest.approx(41.23, abs=0.1)
    assert located.geo_precision == 2


def test_seed_loaded_as_users_load_it_matches_gold_dates(gold: dict[str, Any]) -> None:
    """Through the loader the reference date is inferred from the embedded post (19 October): still right."""
    article = load_one(ROOT / gold["article"])
    assert "reference_date" in article.inferred
    incidents = extract_incidents(article)
    assert [(i.event_date, i.date_precision) for i in incidents] == [
        (g["event_date"], g["date_precision"]) for g in gold["incidents"]
    ]
    assert [i.vehicles for i in incidents] == [g["vehicles"] for g in gold["incidents"]]
