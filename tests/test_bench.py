"""The benchmark harness runs end to end on tiny inputs (it is not a timed test)."""

from __future__ import annotations

import json

from summarizer.bench import PysbdTokenizer, main, synthetic_text
from summarizer.text import words

ARTICLE = (
    "( cnn ) the city council approved a new budget on monday . the budget doubles spending on "
    "road repairs . council member jane ortiz said the repairs were overdue . residents had "
    "complained for years . the repairs will start in march ."
)


def test_synthetic_text_is_deterministic_and_sized():
    text = synthetic_text(1_000)
    assert text == synthetic_text(1_000)
    assert text != synthetic_text(1_000, seed=1)
    assert len(words(text)) == 1_000
    assert "\n\n" in text


def test_pysbd_tokenizer_for_sumy():
    tokenizer = PysbdTokenizer()
    assert tokenizer.to_sentences("One here. Two there.") == ("One here.", "Two there.")
    assert tokenizer.to_words("It's two words.") == ("It's", "two", "words")


def test_bench_reports_both_pipelines_and_growth(tmp_path, capsys):
    data = tmp_path / "tiny.jsonl"
    data.write_text("".join(json.dumps({"id": str(i), "article": ARTICLE}) + "\n" for i in range(3)))
    assert main(["--data", str(data), "--limit", "2", "--growth", "300", "600"]) == 0
    out = capsys.readouterr().out
    assert "newsdigest default                2 articles" in out
    assert "sumy LexRank + pysbd              2 articles" in out
    assert "speed ratio" in out
    assert "    300 words" in out
    assert "    600 words" in out


def test_bench_missing_data_is_one_line(tmp_path, capsys):
    assert main(["--data", str(tmp_path / "absent.jsonl"), "--growth"]) == 1
    assert capsys.readouterr().err.startswith("bench: error: ")


def test_startup_bench_reports_both_medians_and_their_ratio(capsys):
    assert main(["--startup", "1"]) == 0
    out = capsys.readouterr().out
    assert "python -c 'import json'" in out
    assert "summarizer summarize one-article.txt" in out
    assert out.rstrip().endswith("x")


def test_startup_bench_needs_a_run(capsys):
    assert main(["--startup", "0"]) == 2
    assert "at least 1 run" in capsys.readouterr().err
