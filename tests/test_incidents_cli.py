"""``summarizer incidents``: formats, JSONL in and out, CSV with ACLED columns, GeoJSON, errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from summarizer.cli import main
from summarizer.incidents.export import ACLED_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_7597509c9b2e4476.txt"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["incidents", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_text_output_lists_the_seed_incidents(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(SEED))
    assert code == 0
    assert "3 incident(s)" in out
    assert "2021-10-21 (day) · al-Kazia checkpoint, Al-Hasakeh, Syria (southwest of Qamishli)" in out
    assert "vehicles: MRAP 3, Humvee 1" in out


def test_json_output_is_one_article_with_incidents(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(SEED), "--format", "json")
    assert code == 0
    record = json.loads(out)
    assert [i["event_date"] for i in record["incidents"]] == ["2021-10-21", "2021-10-19", "2020-08"]
    assert record["incidents"][0]["vehicles"] == {"MRAP": 5}


def test_jsonl_input_gives_jsonl_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [
        {
            "id": "a",
            "text": "On Sunday, an IED exploded near Kidal in Mali, killing two soldiers.",
            "reference_date": "2020-05-05",
        },
        {"id": "b", "article": "Shares rose 4% on Tuesday after strong results."},
        {"id": "c", "title": "no text here"},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    code, out, _ = run(capsys, str(path))
    assert code == 1  # row c has no text: like summarize, a failed row makes the exit status 1
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == 3
    by_id = {line.get("id"): line for line in lines}
    assert (by_id["a"]["incidents"][0]["event_date"], by_id["a"]["incidents"][0]["fatalities"]) == (
        "2020-05-03",
        2,
    )
    assert by_id["b"]["incidents"] == []
    failure = next(line for line in lines if "error" in line)
    assert failure["incidents"] == []


def test_csv_uses_acled_columns(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(SEED), "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert tuple(rows[0])[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
    assert [(r["event_date"], r["time_precision"], r["iso"]) for r in rows] == [
        ("2021-10-21", "1", "760"),
        ("2021-10-19", "1", "760"),
        ("2020-08-01", "3", "760"),
    ]
    assert rows[0]["inter1"] == "1"
    assert rows[1]["inter1"] == "7"


def test_geojson_has_a_point_per_located_incident(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(SEED), "--format", "geojson")
    assert code == 0
    collection = json.loads(out)
    assert collection["type"] == "FeatureCollection"
    assert len(collection["features"]) == 2
    lon, lat = collection["features"][0]["geometry"]["coordinates"]
    assert (round(lat), round(lon)) == (37, 41)


def test_stdin_text(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    text = "Yesterday, a car bomb exploded in Mogadishu, killing eight people.\n— posted 21 October 2021\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    code, out, _ = run(capsys, "-", "--format", "jsonl")
    assert code == 0
    [line] = out.splitlines()
    assert json.loads(line)["incidents"][0]["country"] == "Somalia"


def test_missing_file_is_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "/nonexistent/article.txt")
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_unknown_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, str(SEED), "--format", "xml")
    assert code == 2
    assert "invalid choice" in err


def test_jsonl_rows_come_out_in_input_order_with_failures_in_place(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text(
        '{"id": "r1", "text": "Gunmen killed two people in Kabul on Monday."}\n'
        "not json\n"
        '{"id": "r3", "text": "Stocks rose on Monday."}\n',
        encoding="utf-8",
    )
    code, out, err = run(capsys, str(rows))
    records = [json.loads(line) for line in out.splitlines()]
    assert [r.get("id") for r in records] == ["r1", None, "r3"]
    assert "not valid JSON" in records[1]["error"]
    assert records[0]["incidents"][0]["fatalities"] == 2
    assert records[2]["incidents"] == []
    assert code == 1  # a row failed, as with summarize
    assert err.startswith("summarizer: error: ")


def test_f_is_short_for_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(SEED), "-f", "csv")
    assert (code, err) == (0, "")
    assert out == run(capsys, str(SEED), "--format", "csv")[1]
