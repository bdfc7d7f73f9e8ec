"""One incident, many reports: merging records of one event from several articles."""

from __future__ import annotations

import csv
import io
import json
import random
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from linear_time import LINEAR_GROWTH, growth_ratio

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


Report = tuple[str, dict[str, Any]]


def _first_matching_group(reports: list[Report]) -> list[list[Report]]:
    """The grouping rule stated plainly: each report against every group so far (the oracle)."""
    groups: list[list[Report]] = []
    for report in reports:
        home = next(
            (g for g in groups if same_event(g[0][1], report[1]) and all(o[0] != report[0] for o in g)), None
        )
        if home is None:
            groups.append([report])
        else:
            home.append(report)
    return groups


def _random_reports(count: int, seed: int) -> list[Report]:
    """Reports over a few days and places, some without a point, some far north, some on the date line."""
    rng = random.Random(seed)
    places = [("Qamishli", "Syria", 37.05, 41.22), ("Aleppo", "Syria", 36.2, 37.15),
              ("Longyearbyen", "Norway", 89.99, 15.6), ("Suva", "Fiji", -18.1, 179.999),
              ("Taveuni", "Fiji", -18.1, -179.999)]
    reports = []
    for _ in range(count):
        name, country, lat, lon = rng.choice(places)
        fields: dict[str, Any] = {
            "event_date": f"2020-08-{rng.randint(1, 3):02d}",
            "date_precision": rng.choice(["day", "day", "day", "month"]),
            "event_type": rng.choice(["Battles", "Protests", None]),
            "actor1": rng.choice(["Syrian army", "US forces", None]),
            "actor2": rng.choice(["rebels", None]),
            "location": rng.choice([name, name, None]),
            "country": country,
            "latitude": lat + rng.uniform(-0.06, 0.06),
            "longitude": lon + rng.uniform(-0.06, 0.06),
        }
        if rng.random() < 0.3:
            fields |= {"latitude": None, "longitude": rng.choice([None, float("nan")])}
        reports.append((f"article-{rng.randint(1, count // 3 + 1)}", fields))
    return reports


@pytest.mark.parametrize("seed", range(8))
def test_indexed_grouping_gives_exactly_the_plain_rule(seed: int) -> None:
    reports = _random_reports(300, seed)
    groups = group_reports(reports, record=lambda r: r[1], article=lambda r: r[0])
    assert groups == _first_matching_group(reports)


def test_grouping_time_grows_about_linearly_with_the_reports() -> None:
    def reports(count: int) -> list[Report]:
        """``count`` reports, three per event, events spread over days and places as real ones are."""
        made = []
        for number in range(count):
            event = number // 3
            fields = QAMISHLI | {"event_date": f"2020-{event % 12 + 1:02d}-{event % 28 + 1:02d}",
                                 "latitude": 30 + (event % 97) * 0.2, "longitude": 40 + (event % 89) * 0.2}
            made.append((f"article-{number}", fields))
        return made

    def group(items: list[Report]) -> object:
        return group_reports(items, record=lambda r: r[1], article=lambda r: r[0])

    assert growth_ratio(group, reports, small=1_000, large=10_000) < LINEAR_GROWTH


def test_csv_text_cells_never_start_a_formula_and_numbers_stay_numbers() -> None:
    hostile = _incident(summary='=HYPERLINK("http://x.example","click")', actor1="@SUM(A1)",
                        actor2="+1", location="-2+3", admin1="\tcmd", longitude=-41.22, latitude=-37.05)
    article = ArticleIncidents("=1+1", "t", "-Reuters", None, [hostile])
    row = next(csv.DictReader(io.StringIO(render([article], "csv"))))
    assert [row[c] for c in ("notes", "actor1", "actor2", "location", "admin1", "source", "article_id")] == [
        '\'=HYPERLINK("http://x.example","click")', "'@SUM(A1)", "'+1", "'-2+3", "'\tcmd", "'-Reuters",
        "'=1+1",
    ]
    assert (row["longitude"], row["latitude"], row["fatalities"]) == ("-41.22", "-37.05", "3")
