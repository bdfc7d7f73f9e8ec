"""``summarizer incidents evaluate``: matching rules, the split, output, errors, and real ACLED rows."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from summarizer.cli import main
from summarizer.incidents.evaluate import (
    LOCATION_KM,
    GoldRow,
    actor_key,
    evaluate_rows,
    field_right,
    half_of,
    read_gold_rows,
)

ROOT = Path(__file__).resolve().parent.parent
ACLED = ROOT.parent / "shared" / "eval" / "acled-dev.jsonl"
WIKINEWS = ROOT.parent / "shared" / "corpus" / "wikinews"

ROW: dict[str, Any] = {
    "id": "T1",
    "text": "On 27 April 2020, Taliban militants attacked a police post in Gardez city, Paktia, Afghanistan, "
    "killing 4 policemen.",
    "event_date": "2020-04-27",
    "event_type": "Battles",
    "sub_event_type": "Armed clash",
    "actor1": "Taliban",
    "actor2": "Police Forces of Afghanistan (2014-)",
    "country": "Afghanistan",
    "admin1": "Paktia",
    "admin2": "Gardez",
    "location": "Gardez",
    "latitude": 33.5974,
    "longitude": 69.2259,
    "fatalities": 4,
    "meta": {"text_shared_by": 1},
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["incidents", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def write_rows(tmp_path: Path, rows: list[dict[str, Any]]) -> Path:
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_actor_names_compare_without_the_period_suffix_and_case() -> None:
    assert actor_key("Military Forces of Afghanistan (2014-)") == actor_key("military forces of Afghanistan")
    assert (
        actor_key("Military Forces of Libya (2014-) Haftar Faction")
        == "military forces of libya haftar faction"
    )
    assert actor_key("Military Forces of Sudan (2019-2021)") == "military forces of sudan"
    assert actor_key("") == actor_key(None) == ""


def test_location_is_right_by_name_or_within_the_distance() -> None:
    gold = {"location": "Tuz Khurmatu", "latitude": 34.88, "longitude": 44.63}
    assert field_right("location", gold, {"location": "Tuz Khormato", "latitude": 34.89, "longitude": 44.64})
    assert field_right("location", gold, {"location": "tuz khurmatu"})
    # one degree of latitude is about 111 km: far beyond the allowed distance
    far = {"location": "Tuz Khormato", "latitude": 35.88, "longitude": 44.63}
    assert LOCATION_KM < 100
    assert not field_right("location", gold, far)


def test_admin1_is_right_by_name_or_as_another_name_of_the_same_unit() -> None:
    gold = {"country": "Serbia", "admin1": "Belgrade"}
    assert field_right("admin1", gold, {"admin1": "Beograd"})
    assert field_right("admin1", gold, {"admin1": "belgrade"})
    assert not field_right("admin1", gold, {"admin1": "Vojvodina"})
    assert not field_right("admin1", {"country": "Greece", "admin1": "Attica"}, {"admin1": "Beograd"})
    assert not field_right("admin1", gold, {"admin1": None})


def test_country_is_right_by_name_or_iso_code_and_empty_actor2_wants_none() -> None:
    gold = {"country": "Democratic Republic of Congo", "actor2": ""}
    assert field_right("country", gold, {"country": "DR Congo", "iso": "CD"})
    assert not field_right("country", gold, {"country": "Republic of the Congo", "iso": "CG"})
    assert field_right("actor2", gold, {"actor2": None})
    assert not field_right("actor2", gold, {"actor2": "Civilians (Mexico)"})


def test_the_split_is_fixed_and_roughly_even() -> None:
    halves = [half_of(f"ROW{n}") for n in range(1000)]
    assert halves == [half_of(f"ROW{n}") for n in range(1000)]
    assert 400 < halves.count("tune") < 600


def test_a_row_without_an_id_is_split_by_its_text_wherever_the_file_lies(tmp_path: Path) -> None:
    unnamed = {key: value for key, value in ROW.items() if key != "id"}
    near = write_rows(tmp_path, [unnamed])
    (tmp_path / "deeper").mkdir()
    far = tmp_path / "deeper" / "other-name.jsonl"
    far.write_text(near.read_text(encoding="utf-8"), encoding="utf-8")
    halves = {row.half for path in (near, far) for row in read_gold_rows(path)}
    assert halves == {half_of(ROW["text"])}


def test_fatalities_are_judged_only_where_the_note_codes_one_event() -> None:
    shared = GoldRow(id="S", text=ROW["text"], gold={**ROW, "fatalities": 2}, shared_by=2)
    alone = GoldRow(id="A", text=ROW["text"], gold=ROW, shared_by=1)
    tallies = evaluate_rows([shared, alone])
    total = {name: sum(t.judged[name] for t in tallies.values()) for name in ("fatalities", "event_date")}
    assert total == {"fatalities": 1, "event_date": 2}


def test_table_lists_every_field_per_half(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = {**ROW, "id": "T2", "text": "Shares rose 4% on Tuesday after strong results.", "actor2": ""}
    code, out, _ = run(capsys, "evaluate", str(write_rows(tmp_path, [ROW, other])))
    assert code == 0
    header, *lines = out.splitlines()
    assert header.split() == ["field", "tune", "check", "all"]
    names = [line.split()[0] for line in lines]
    for name in ("any", "event_date", "country", "admin1", "location", "event_type", "actor1", "actor2"):
        assert name in names
    assert "50.0%" in next(line for line in lines if line.startswith("any incident"))


def test_json_output_and_misses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wrong = {**ROW, "country": "Pakistan"}
    path = write_rows(tmp_path, [wrong])
    code, out, _ = run(capsys, "evaluate", str(path), "--format", "json", "--half", half_of("T1"))
    assert code == 0
    record = json.loads(out)
    assert list(record) == [half_of("T1")]
    assert record[half_of("T1")]["fields"]["country"]["accuracy"] == 0.0
    code, out, _ = run(capsys, "evaluate", str(path), "--misses", "country")
    assert out.splitlines()[0].startswith("T1 country: gold 'Pakistan', got 'Afghanistan' | On 27 April 2020")


def test_misses_incident_lists_rows_that_yield_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    quiet = {**ROW, "id": "Q1", "text": "Shares rose 4% on Tuesday after strong results."}
    code, out, _ = run(capsys, "evaluate", str(write_rows(tmp_path, [ROW, quiet])), "--misses", "incident")
    assert code == 0
    listed = [line for line in out.splitlines() if " incident: " in line]
    gold = ROW["event_type"]
    assert listed == [f"Q1 incident: gold {gold!r}, got 'no incident' | {quiet['text']}"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["evaluate"], "evaluate needs DATA"),
        (["file.txt", "--limit", "3"], "--limit: only with summarizer incidents evaluate"),
        (["file.txt", "--format", "table"], "--format table only goes with evaluate"),
        (["evaluate", "x.jsonl", "--format", "csv"], "evaluate prints --format table or json"),
        (["evaluate", "x.jsonl", "--limit", "0"], "--limit must be 1 or more"),
    ],
)
def test_usage_errors(capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert message in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json\n", "not valid JSON"),
        ('{"id": "x", "text": "a report"}\n', "no event_date"),
        ('{"id": "x", "event_date": "2020-01-01"}\n', "no text"),
        ("", "no rows to evaluate"),
    ],
)
def test_bad_rows_are_one_line_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    code, _, err = run(capsys, "evaluate", str(path))
    assert code == 1
    assert message in err
    assert len(err.splitlines()) == 1


def test_false_alarm_mode_counts_articles_by_label(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "attack.md").write_text(
        "---\ntitle: Attack\npublished: 2020-05-05\n---\n\n"
        "On Sunday, an IED exploded near Kidal in Mali, killing two soldiers.\n",
        encoding="utf-8",
    )
    (folder / "budget.md").write_text(
        "---\ntitle: Budget\npublished: 2020-05-05\n---\n\nThe council approved a new budget on Monday.\n",
        encoding="utf-8",
    )
    (folder / "other.md").write_text("---\ntitle: Other\n---\n\nNothing here.\n", encoding="utf-8")
    labels = tmp_path / "labels.json"
    labels.write_text(
        json.dumps(
            {
                "attack.md": {"conflict": True, "reason": "a bombing"},
                "budget.md": {"conflict": False, "reason": "local politics"},
            }
        ),
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "evaluate", str(folder), "--labels", str(labels))
    assert code == 0
    assert "(false alarms): 0/1 (0.0%)" in out
    assert "conflict articles with any incident: 1/1 (100.0%)" in out
    assert "unlabelled 1" in out


def test_acled_dev_rows_score_above_floors(capsys: pytest.CaptureFixture[str]) -> None:
    if not ACLED.is_file():
        pytest.skip(f"{ACLED} is not available: the ACLED accuracy floors were not checked")
    code, out, _ = run(capsys, "evaluate", str(ACLED), "--limit", "300", "--format", "json")
    assert code == 0
    fields = json.loads(out)["all"]["fields"]
    # a few points under what the extractor scores on these rows, so a regression fails
    floors = {
        "event_date": 78,
        "country": 63,
        "location": 52,
        "event_type": 66,
        "actor1": 45,
        "actor2": 49,
        "fatalities": 69,
    }
    for name, floor in floors.items():
        assert fields[name]["accuracy"] >= floor, (name, fields[name])


def test_every_wikinews_article_has_a_label_with_a_reason() -> None:
    labels = json.loads(
        (ROOT / "tests" / "data" / "wikinews_conflict_labels.json").read_text(encoding="utf-8")
    )
    assert all(isinstance(label["conflict"], bool) and label["reason"] for label in labels.values())
    if not WIKINEWS.is_dir():
        pytest.skip(f"{WIKINEWS} is not available: label coverage was not checked")
    assert set(labels) == {path.name for path in WIKINEWS.glob("*.md")}


def test_bench_prints_reports_and_words_per_second(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from summarizer.incidents.bench import main as bench

    notes = write_rows(tmp_path, [ROW, {**ROW, "id": "T2"}])
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.md").write_text("---\ntitle: A\n---\n\n" + ROW["text"] + "\n", encoding="utf-8")
    assert bench(["--notes", str(notes), "--articles", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "2 reports" in out
    assert "1 articles" in out
    assert out.count("words/s (CPU time; wall clock:") == 2
    assert "gazetteer load:" in out
    assert "peak memory:" in out
    assert bench(["--notes", str(tmp_path / "missing.jsonl")]) == 1
    assert capsys.readouterr().err.startswith("bench: error: ")


def test_bench_compares_against_a_commit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from summarizer.incidents.bench import main as bench

    notes = write_rows(tmp_path, [ROW])
    assert bench(["--notes", str(notes), "--against", "HEAD"]) == 0
    out = capsys.readouterr().out
    assert "against HEAD (before -> now, ratio):" in out
    assert "short reports       CPU " in out
    assert "  peak memory " in out
    assert bench(["--notes", str(notes), "--against", "no-such-commit"]) == 1
    assert capsys.readouterr().err.startswith("bench: error: cannot time no-such-commit")
