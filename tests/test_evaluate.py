"""The evaluation harness on tiny reference sets: reading, ROUGE, workers, reports, the subcommand."""

from __future__ import annotations

import json

import pytest
from methods_fixtures import NEWS

from summarizer.cli import main
from summarizer.errors import InputError, UsageError
from summarizer.evaluation import (
    EvalSettings,
    evaluate,
    evaluate_method,
    format_json,
    format_table,
    read_rows,
    rouge_f1,
)

REFERENCE = (
    "The city council approved a new budget that doubles spending on road repairs.\nRepairs start in March."
)


@pytest.fixture
def dataset(tmp_path):
    path = tmp_path / "tiny.jsonl"
    rows = [
        {"id": "a", "article": NEWS, "reference": REFERENCE, "title": "Road budget"},
        {"id": "b", "text": "One sentence only here.", "reference": "One sentence only."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_read_rows(dataset):
    rows = read_rows(dataset)
    assert [r.id for r in rows] == ["a", "b"]
    assert rows[0].title == "Road budget"
    assert rows[0].reference_sentences == 2
    assert rows[1].title is None
    assert len(read_rows(dataset, limit=1)) == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json\n", "tiny.jsonl:1: not JSON"),
        ('{"article": "x"}\n', "needs a 'reference'"),
        ("[1, 2]\n", "expected a JSON object"),
        ("\n\n", "no rows"),
    ],
)
def test_read_rows_rejects_bad_input(tmp_path, content, message):
    path = tmp_path / "tiny.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_rows(path)


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        read_rows(tmp_path / "absent.jsonl")


def test_rouge_f1_bounds():
    same = rouge_f1([["the cat sat", "on the mat"]], ["the cat sat\non the mat"])
    assert all(score == pytest.approx(100.0) for score in same.values())
    disjoint = rouge_f1([["alpha beta"]], ["gamma delta"])
    assert all(score == 0.0 for score in disjoint.values())


def test_evaluate_method_in_process(dataset):
    rows = read_rows(dataset)
    result = evaluate_method(rows, "lead", EvalSettings(sentences=1))
    assert result.method == "lead"
    assert result.articles == 2
    assert 0 < result.rouge2 <= result.rouge1 <= 100
    assert result.articles_per_second > 0
    assert result.peak_memory_mb > 0
    longer = evaluate_method(rows, "lead", EvalSettings(sentences=None))
    assert longer.rouge1 != result.rouge1


def test_evaluate_runs_each_method_in_a_worker(dataset):
    rows = read_rows(dataset)
    results = evaluate(rows, ["default", "lexrank"], EvalSettings(sentences=1), jobs=2)
    assert [r.method for r in results] == ["default", "lexrank"]
    for result in results:
        here = evaluate_method(rows, result.method, EvalSettings(sentences=1))
        assert (result.rouge1, result.rouge2, result.rougeLsum) == (here.rouge1, here.rouge2, here.rougeLsum)


def test_evaluate_checks_its_arguments(dataset):
    rows = read_rows(dataset)
    with pytest.raises(UsageError, match="unknown method"):
        evaluate(rows, ["nope"], EvalSettings())
    with pytest.raises(UsageError, match="jobs"):
        evaluate(rows, ["lead"], EvalSettings(), jobs=0)


def test_reports(dataset):
    results = [evaluate_method(read_rows(dataset), m, EvalSettings(sentences=2)) for m in ("lead", "luhn")]
    table = format_table(results, title="tiny")
    lines = table.splitlines()
    assert lines[0] == "tiny"
    assert lines[1].split() == ["method", "R1", "R2", "RL", "RLsum", "articles/s", "peak", "MB"]
    assert {lines[3].split()[0], lines[4].split()[0]} == {"lead", "luhn"}
    data = json.loads(format_json(results, data="tiny.jsonl", sentences=2))
    assert data["sentences"] == 2
    assert {r["method"] for r in data["results"]} == {"lead", "luhn"}
    assert set(data["results"][0]) >= {"rouge1", "rouge2", "rougeL", "rougeLsum", "articles_per_second"}


def test_subcommand_json(dataset, capsys):
    argv = ["evaluate", str(dataset), "--methods", "lead,default", "--format", "json", "--limit", "1"]
    assert main(argv) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["articles"] == 1
    assert [r["method"] for r in data["results"]] == ["lead", "default"]


def test_subcommand_table_at_reference_length(dataset, capsys):
    assert main(["evaluate", str(dataset), "--methods", "lead", "--reference-length"]) == 0
    out = capsys.readouterr().out
    assert "reference sentences" in out
    assert "lead" in out


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["--methods", "bogus"], 2),
        (["--limit", "0"], 2),
        (["--sentences", "0"], 2),
        (["--methods", ","], 2),
        (["--sentences", "2", "--reference-length"], 2),
    ],
)
def test_subcommand_usage_errors(dataset, capsys, argv, code):
    assert main(["evaluate", str(dataset), *argv]) == code
    err = capsys.readouterr().err
    assert err.startswith("summarizer: error: ")
    assert len(err.strip().splitlines()) == 1


def test_subcommand_bad_data_is_an_input_error(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("nope\n", encoding="utf-8")
    assert main(["evaluate", str(bad)]) == 1
    assert "bad.jsonl:1: not JSON" in capsys.readouterr().err
