"""The ``summarizer`` command line, in-process and as a real subprocess."""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from articles_fixtures import FIXTURES, ROOT, SEED, Route, serve

from summarizer.cli import build_parser, main
from summarizer.commands.batch import Progress

SEED_NOISE = ("Reminder:", "@VeraVanHorne", "had to turn around and leave", "terrorist group outlawed")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(err: str) -> None:
    assert err.count("\n") == 1
    assert err.startswith("summarizer: error: ")
    assert "Traceback" not in err


def test_seed_gives_a_three_sentence_summary_free_of_noise(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "summarize", str(SEED))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == 3
    for noise in SEED_NOISE:
        assert noise not in out


def test_json_for_one_article(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "summarize", str(SEED), "--format", "json", "--method", "lead", "-n", "2")
    record = json.loads(out)
    assert code == 0
    assert record["method"] == "lead"
    assert record["date"] == "2021-10-19"
    assert record["source"] == "Sputnik"
    assert record["inferred"] == ["reference_date", "source", "title"]
    assert [s["index"] for s in record["sentences"]] == [0, 1]
    assert record["summary"] == [s["text"] for s in record["sentences"]]
    assert all(isinstance(s["score"], float) for s in record["sentences"])
    assert record["total_sentences"] == 21


def test_jsonl_in_jsonl_out_in_order_with_error_lines(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "summarize", str(FIXTURES / "batch.jsonl"), "--quiet")
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 1  # some lines failed
    assert err == ""  # --quiet: the errors are in the output
    assert [r.get("id") for r in records] == ["a1", None, "a3", None, "5"]
    assert "not valid JSON" in records[1]["error"]
    assert records[1]["origin"].endswith("batch.jsonl:2")
    assert "no article text" in records[3]["error"]
    for record in (records[0], records[2], records[4]):
        assert record["method"] == "default"
        assert 1 <= len(record["summary"]) <= 3


def test_jobs_keep_the_order_and_the_output(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    batch = tmp_path / "many.jsonl"
    lines = [
        json.dumps({"id": f"r{i}", "article": f"Story {i} begins here. It goes on. It ends."})
        for i in range(40)
    ]
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, single, _ = run(capsys, "summarize", str(batch), "-q", "--jobs", "1")
    code, parallel, _ = run(capsys, "summarize", str(batch), "-q", "--jobs", "2")
    assert code == 0
    assert parallel == single
    assert [json.loads(line)["id"] for line in parallel.splitlines()] == [f"r{i}" for i in range(40)]


def test_markdown_and_text_for_several_articles(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "summarize", str(FIXTURES / "records.json"), "-f", "markdown", "-n", "1")
    assert code == 0
    assert out == (
        "## First\n\n*default*\n\n- The first record has a body.\n\n"
        "## Second\n\n*default*\n\n- The second record uses the text field.\n"
    )
    _, text, _ = run(capsys, "summarize", str(FIXTURES / "records.json"), "-n", "1", "-m", "lead")
    assert (
        text == "# First\nThe first record has a body.\n\n# Second\nThe second record uses the text field.\n"
    )


def test_markdown_output_shows_article_markup_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    article = tmp_path / "council.json"
    article.write_text(json.dumps({
        "title": "Council *votes* on <b>budget</b>",
        "source": "The [Gazette](https://x.example)",
        "text": "The chairman said the vote was [rigged](https://evil.example/x) and "
                "<script>alert(1)</script> that nothing would change. "
                "Residents chanted `slogans` for **two** hours & ~~left~~ at noon.",
    }), encoding="utf-8")
    code, out, _ = run(capsys, "summarize", str(article), "-f", "markdown")
    assert code == 0
    assert out == (
        "## Council \\*votes\\* on \\<b\\>budget\\</b\\>\n\n"
        "*The \\[Gazette\\]\\(https://x.example\\) · default*\n\n"
        "- The chairman said the vote was \\[rigged\\]\\(https://evil.example/x\\) and "
        "\\<script\\>alert\\(1\\)\\</script\\> that nothing would change.\n"
        "- Residents chanted \\`slogans\\` for \\*\\*two\\*\\* hours \\& \\~\\~left\\~\\~ at noon.\n"
    )


def test_length_options(capsys: pytest.CaptureFixture[str]) -> None:
    for flag, value in [("--ratio", "0.2"), ("--words", "80"), ("--chars", "500")]:
        code, out, _ = run(capsys, "summarize", str(SEED), "-f", "json", flag, value)
        record = json.loads(out)
        assert code == 0
        if flag == "--ratio":
            assert len(record["summary"]) == 5  # ceil(21 * 0.2)
        if flag == "--words":
            assert sum(len(s.split()) for s in record["summary"]) <= 80
        if flag == "--chars":
            assert len(" ".join(record["summary"])) <= 500


def test_methods_lists_every_method(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "methods")
    names = [line.split()[0] for line in out.splitlines()]
    assert code == 0
    assert names[0] == "default"
    assert {"lead", "lexrank", "lsa", "textrank", "luhn", "edmundson", "kl", "sumbasic", "reduction"} <= set(
        names
    )


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["summarize", str(SEED), "--method", "nope"], "unknown method 'nope'"),
        (["summarize", str(SEED), "--sentences", "0"], "--sentences must be at least 1"),
        (["summarize", str(SEED), "--sentences", "2", "--ratio", "0.5"], "not allowed with argument"),
        (["summarize", str(SEED), "--ratio", "1.5"], "--ratio must be in (0, 1]"),
        (["summarize", str(SEED), "--format", "pdf"], "invalid choice: 'pdf'"),
        (["summarize", str(SEED), "--max-bytes", "lots"], "not a size: 'lots'"),
        *((["summarize", str(SEED), "--max-bytes", size], f"not a size: '{size}'")
          for size in ("inf", "nan", "1e400", "1e308gb", "-5", "0", "0.5")),
        *((["summarize", str(SEED), "--timeout", seconds], f"not a positive number of seconds: '{seconds}'")
          for seconds in ("nan", "inf", "1e999", "-1", "0", "soon")),
        (["summarize", str(SEED), "--jobs", "-1"], "--jobs must be 0"),
        (["summarize", str(SEED), "-m", "lexrank", "--bonus-words", "x"], "--bonus-words does not apply"),
        (["summarize"], "the following arguments are required"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert_one_line_error(err)
    assert expected in err


def test_no_subcommand_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys)
    assert code == 2
    assert "summarize" in err


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.txt", b"", "no article text (empty or whitespace only)"),
        ("blank.txt", b" \n \t\n", "no article text (empty or whitespace only)"),
        ("data.txt", bytes(range(256)) * 4, "this is a binary file, not text"),
        ("latin.txt", "Le café était fermé à cause de la grève. ".encode("latin-1") * 3, "is not UTF-8"),
        ("nomain.html", (FIXTURES / "nomain.html").read_bytes(), "no main text found in the HTML page"),
        ("noise.txt", b"Read more\nShare this\nSubscribe now", "nothing left to summarize"),
    ],
)
def test_bad_input_exits_1_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    code, out, err = run(capsys, "summarize", str(path))
    assert (code, out) == (1, "")
    assert err.count("\n") == 1
    assert expected in err
    assert "Traceback" not in err


def test_missing_file_and_size_cap(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "summarize", str(tmp_path / "missing.txt"))
    assert code == 1
    assert "no such file or directory" in err
    code, _, err = run(capsys, "summarize", str(SEED), "--max-bytes", "1k")
    assert code == 1
    assert "over the size cap" in err
    assert run(capsys, "summarize", str(SEED), "--max-bytes", "20MB")[0] == 0


def test_one_sentence_no_punctuation_and_fifty_thousand_words(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    one = tmp_path / "one.txt"
    one.write_text("Only one sentence here.", encoding="utf-8")
    assert run(capsys, "summarize", str(one))[:2] == (0, "Only one sentence here.\n")
    bare = tmp_path / "bare.txt"
    bare.write_text("no punctuation at all in this whole text", encoding="utf-8")
    assert run(capsys, "summarize", str(bare))[:2] == (0, "no punctuation at all in this whole text\n")
    big = tmp_path / "big.txt"
    sentences = [f"Sentence number {i} tells of the convoy near the village today." for i in range(5000)]
    big.write_text(" ".join(sentences), encoding="utf-8")
    code, out, _ = run(capsys, "summarize", str(big), "-f", "json")
    assert code == 0
    assert json.loads(out)["total_sentences"] == 5000


def test_non_english_is_summarized_with_a_note(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_text(
        "Le gouvernement a annoncé mardi que les troupes quitteraient la ville. "
        "Les habitants ont salué la décision. Le ministre a promis une aide rapide.",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "summarize", str(path))
    assert code == 0
    assert len(out.splitlines()) == 3
    assert "looks like French, not English" in err
    _, out, _ = run(capsys, "summarize", str(path), "-f", "json", "-q")
    record = json.loads(out)
    assert record["language"] == "fr"
    assert "French" in record["note"]


def test_directory_with_one_unreadable_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("First good article. It has text.", encoding="utf-8")
    (tmp_path / "b.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "c.txt").write_text("Third good article. It has text too.", encoding="utf-8")
    code, out, err = run(capsys, "summarize", str(tmp_path), "-f", "jsonl")
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [("error" in r) for r in records] == [False, True, False]
    assert err.count("\n") == 1
    assert "b.txt: no such file or directory" in err


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_an_input_that_fails_first_leaves_no_blank_line_on_top(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str,
) -> None:
    (tmp_path / "a.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Second article here. It has text.", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Third article here. It has text too.", encoding="utf-8")
    code, out, _ = run(capsys, "summarize", str(tmp_path), "-f", fmt)
    assert code == 1
    assert out.startswith("# Second article here" if fmt == "text" else "## Second article here")
    assert out.count("\n\n#") == 1  # one blank line between the two articles


def test_url_source(capsys: pytest.CaptureFixture[str]) -> None:
    with serve({"/story": Route((FIXTURES / "page.html").read_bytes())}) as base:
        code, out, _ = run(capsys, "summarize", f"{base}/story", "-f", "json", "-n", "1")
    assert code == 0
    assert json.loads(out)["title"] == "Convoy turned back near Qamishli"


def test_progress_shows_only_on_a_terminal_after_a_delay() -> None:
    stream = io.StringIO()
    progress = Progress(stream, enabled=True, delay=0.0)
    progress.update(failed=False)
    progress.update(failed=True)
    progress.close()
    assert "summarized 1 (0 failed)" in stream.getvalue()
    assert (progress.done, progress.failed) == (2, 1)
    quiet = io.StringIO()
    hidden = Progress(quiet, enabled=False, delay=0.0)
    hidden.update(failed=False)
    hidden.close()
    assert quiet.getvalue() == ""


def subprocess_run(*argv: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "summarizer", *argv], input=stdin, capture_output=True, cwd=ROOT, check=False
    )


def test_subprocess_seed_stdin_and_errors() -> None:
    done = subprocess_run("summarize", str(SEED.relative_to(ROOT)))
    assert done.returncode == 0
    assert len(done.stdout.decode().splitlines()) == 3
    assert done.stderr == b""
    piped = subprocess_run("summarize", "-", "-f", "jsonl", stdin=(FIXTURES / "batch.jsonl").read_bytes())
    assert piped.returncode == 1
    assert len(piped.stdout.decode().splitlines()) == 5
    bad = subprocess_run("summarize", "no/such/file.txt")
    assert bad.returncode == 1
    assert bad.stderr.decode() == "summarizer: error: no/such/file.txt: no such file or directory\n"
    usage = subprocess_run("summarize", str(SEED), "--method", "nope")
    assert usage.returncode == 2
    assert b"Traceback" not in usage.stderr


def test_a_budget_smaller_than_every_sentence_gives_a_note(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "summarize", str(SEED), "--words", "3")
    assert (code, out) == (0, "")
    assert "no sentence fits within the length budget" in err


def test_package_exports_the_main_entry_points() -> None:
    import summarizer

    article = summarizer.load_one(SEED)
    summary = summarizer.summarize_article(article, "lead", summarizer.Length(sentences=1))
    assert summary.texts == [article.text.split(". ")[0] + "."]
    with pytest.raises(AttributeError):
        _ = summarizer.nothing_here


def test_every_subcommand_with_a_format_takes_f_as_summarize_does() -> None:
    subparsers = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    spellings = {
        name: action.option_strings
        for name, parser in subparsers.choices.items()
        for action in parser._actions
        if "--format" in action.option_strings
    }
    assert {"summarize", "incidents", "evaluate"} <= spellings.keys()
    assert all(options == ["--format", "-f"] for options in spellings.values()), spellings
