"""One incident, many reports: merging records of one event from several articles."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from summarizer.articles import Article, load
from summarizer.incidents.export import ArticleIncidents, render
from summarizer.incidents.extract import extract_incidents
from summarizer.incidents.merge import count_range, group_reports, same_event
from summarizer.incidents.model import Incident

WIKINEWS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "wikinews"

QAMISHLI: dict[str, Any] = {
    "event_date": "2020-08-17", "date_precision": "day", "event_type": "Battles", "actor1": "Syrian army",
    "actor2": "US forces", "location": "Qamishli", "country": "Syria", "latitude": 37.05,
    "longitude": 41.22, "fatalities": 3,
}


def test_same_day_nearby_place_and_compatible_actors_is_one_event() -> None:
    nearby = QAMISHLI | {"latitude": 37.07, "longitude": 41.25, "actor2": None, "fatalities": 5}
    assert same_event(QAMISHLI, nearby)
    assert not same_event(QAMISHLI, nearby | {"event_date": "2020-08-18"})
    assert not same_event(QAMISHLI, nearby | {"latitude": 36.2, "longitude": 37.15})  # Aleppo
    assert not same_event(QAMISHLI, nearby | {"event_type": "Protests"})
    assert not same_event(QAMISHLI, QAMISHLI | {"actor1": "Kurdish fighters", "actor2": "Turkish army"})
    assert not same_event(QAMISHLI, QAMISHLI | {"date_precision": "month", "event_date": "2020-08"})
    named_only = QAMISHLI | {"latitude": None, "longitude": None}
    assert same_event(named_only, QAMISHLI | {"latitude": None, "longitude": None})
    assert not same_event(named_only | {"location": None}, named_only | {"location": None})


def test_reports_of_one_article_never_merge_with_each_other() -> None:
    groups = group_reports([("a", QAMISHLI), ("a", QAMISHLI), ("b", QAMISHLI)],
                           record=lambda r: r[1], article=lambda r: r[0])
    assert [[a for a, _ in g] for g in groups] == [["a", "b"], ["a"]]
    assert count_range([QAMISHLI, QAMISHLI | {"fatalities": 5}], "fatalities") == (3, 5)
    assert count_range([], "fatalities") == (0, 0)


def _incident(**values: Any) -> Incident:
    return Incident(**(QAMISHLI | values))


def test_csv_and_geojson_carry_one_row_per_event_with_its_sources_and_range() -> None:
    articles = [
        ArticleIncidents("a1", "Clash in Qamishli", "Reuters", None, [_incident()]),
        ArticleIncidents("a2", "Three or five dead", "AP", None, [_incident(fatalities=5),
                                                                  _incident(location="Aleppo", latitude=36.2,
                                                                            longitude=37.15)]),
    ]
    rows = list(csv.DictReader(io.StringIO(render(articles, "csv"))))
    assert [(r["location"], r["sources"], r["fatalities"], r["fatalities_low"], r["fatalities_high"],
             r["source"], r["article_id"]) for r in rows] == [
        ("Qamishli", "2", "3", "3", "5", "Reuters; AP", "a1; a2"),
        ("Aleppo", "1", "3", "3", "3", "AP", "a2"),
    ]
    features = json.loads(render(articles, "geojson"))["features"]
    merged = [(f["properties"]["sources"], f["properties"]["fatalities_high"]) for f in features]
    assert merged == [(2, 5), (1, 3)]
    evidence_kept = json.loads(render(articles, "json"))
    assert [len(a["incidents"]) for a in evidence_kept] == [1, 2]  # JSON keeps every article's records


@pytest.fixture(scope="module")
def wikinews() -> list[Article]:
    if not WIKINEWS.is_dir():
        pytest.skip(f"SKIPPED LOUDLY: the Wikinews corpus is absent ({WIKINEWS})")
    return [a for a in load(str(WIKINEWS)) if isinstance(a, Article)]


def _records(article: Article) -> list[tuple[str, dict[str, Any]]]:
    return [(article.id, incident.to_dict()) for incident in extract_incidents(article)]


def test_a_syndicated_copy_of_a_real_conflict_report_merges_with_it(wikinews: list[Article]) -> None:
    mergeable = merged = 0
    for article in wikinews:
        own = [r for r in _records(article)
               if r[1]["date_precision"] == "day" and (r[1]["latitude"] is not None or r[1]["location"])]
        if not own:
            continue
        copy = replace(article, id=f"{article.id}-ap", source="AP", title=f"UPDATE 1-{article.title}",
                       text=f"{article.text}\n\nThe Associated Press contributed to this report.")
        groups = group_reports([*own, *_records(copy)], record=lambda r: r[1], article=lambda r: r[0])
        mergeable += len(own)
        merged += sum(1 for g in groups if len(g) == 2 and g[0][0] == article.id)
    assert mergeable >= 30
    assert merged / mergeable >= 0.95


def test_no_two_articles_of_the_wikinews_corpus_merge(wikinews: list[Article]) -> None:
    reports = [record for article in wikinews for record in _records(article)]
    groups = group_reports(reports, record=lambda r: r[1], article=lambda r: r[0])
    assert len(reports) >= 50
    assert all(len(g) == 1 for g in groups)
