"""Loaders: every format, directories, stdin, bad input, metadata inference."""

from __future__ import annotations

import io
import os
import shutil
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from articles_fixtures import FIXTURES, SEED

from summarizer.articles import Article, LoadFailure, LoadOptions, from_text, load, load_one, parse_feed
from summarizer.errors import InputError


def loaded(source: str | Path, options: LoadOptions | None = None) -> list[Article | LoadFailure]:
    return list(load(source, options) if options else load(source))


def only_failure(source: str | Path, options: LoadOptions | None = None) -> str:
    items = loaded(source, options)
    assert len(items) == 1
    assert isinstance(items[0], LoadFailure)
    return items[0].message


def test_seed_loads_as_is_with_inferred_metadata() -> None:
    article = load_one(SEED)
    assert article.text == SEED.read_text(encoding="utf-8")
    assert article.reference_date == date(2021, 10, 19)
    assert article.source == "Sputnik"
    assert article.title.startswith("Syrian forces and local civilian residents")
    assert article.language == "en"
    assert {"title", "reference_date", "source"} <= article.inferred
    assert article.published is None
    assert article.id == load_one(SEED).id


def test_text_with_a_headline_line_takes_it_as_title(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Troops Turn Back Convoy\n\nTroops turned back a convoy. It left.\n", encoding="utf-8")
    article = load_one(path)
    assert article.title == "Troops Turn Back Convoy"
    assert article.text == "Troops turned back a convoy. It left."
    assert "title" not in article.inferred


def test_markdown_front_matter_and_markup() -> None:
    article = load_one(FIXTURES / "convoy.md")
    assert article.title == "Syrian troops turn back US convoy"
    assert article.source == "Example Wire"
    assert article.url == "https://example.org/convoy"
    assert article.published == datetime(2021, 10, 21)
    assert article.reference_date == date(2021, 10, 21)
    assert article.tags == ("syria", "convoy")
    assert not {"title", "source", "reference_date"} & article.inferred
    assert "near Qamishli turned back a US convoy on Thursday, officials said." in article.text
    for markup in ("**", "](", "#", "![", "> ", "What happened next"):
        assert markup not in article.text


def test_markdown_without_front_matter_uses_its_heading(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("# The Heading\n\nBody text here. More body.\n", encoding="utf-8")
    assert load_one(path).title == "The Heading"


def test_markdown_with_broken_front_matter_is_a_clear_failure(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: [unclosed\n---\nBody.\n", encoding="utf-8")
    assert "YAML front matter is not valid" in only_failure(path)


BODY = "The council met on Monday. It approved the budget."


@pytest.mark.parametrize(
    ("value", "published"),
    [
        ("2021-03-04", datetime(2021, 3, 4)),
        ("2021-03-04 10:00:00", datetime(2021, 3, 4, 10)),
        ("2021-03-04T10:00:00Z", datetime(2021, 3, 4, 10, tzinfo=UTC)),
        ("March 4, 2021", datetime(2021, 3, 4)),
        ("Thu, 04 Mar 2021 10:00:00 +0000", datetime(2021, 3, 4, 10, tzinfo=UTC)),
        ("1614852000", datetime(2021, 3, 4, 10, tzinfo=UTC)),
        ("1614852000000", datetime(2021, 3, 4, 10, tzinfo=UTC)),
        ("20210305", datetime(2021, 3, 5)),
        ("20211305", None),
        ("2021", None),
        ("86400", None),
        ("5000000000", None),
        ("2021-02-30", None),
        ("13/25/2021", None),
        ("yesterday", None),
        ("[2021, 3]", None),
    ],
)
def test_markdown_dates_in_any_form_and_impossible_ones(
    tmp_path: Path, value: str, published: datetime
) -> None:
    path = tmp_path / "a.md"
    path.write_text(f"---\ntitle: Budget\npublished: {value}\n---\n{BODY}\n", encoding="utf-8")
    article = load_one(path)
    assert (article.title, article.published) == ("Budget", published)


@pytest.mark.parametrize(
    ("front", "message"),
    [
        ("title: Budget\npublished: !!timestamp 2021-02-30\n---", "a value that cannot be read"),
        ("title: Budget\ncount: !!int many\n---", "a value that cannot be read"),
        ("title: Budget\nsource: Example Wire", "never closed"),
    ],
)
def test_markdown_front_matter_that_cannot_be_read_is_a_clear_failure(
    tmp_path: Path, front: str, message: str
) -> None:
    path = tmp_path / "a.md"
    path.write_text(f"---\n{front}\n{BODY}\n", encoding="utf-8")
    assert message in only_failure(path)


def test_markdown_front_matter_with_windows_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(f"---\r\ntitle: Budget\r\npublished: 2021-03-04\r\n---\r\n{BODY}\r\n".encode())
    article = load_one(path)
    assert (article.title, article.published) == ("Budget", datetime(2021, 3, 4))
    assert "title:" not in article.text


def test_json_text_as_a_list_of_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('{"text": ["The council met on Monday.", "It approved the budget."], "body": [1]}')
    assert load_one(path).text == "The council met on Monday.\n\nIt approved the budget."


def test_markdown_opening_with_a_rule_is_no_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(f"---\n\n{BODY}\n", encoding="utf-8")
    assert load_one(path).text.strip() == BODY


def test_a_number_is_a_title_and_unix_time_a_date(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    rows = [
        f'{{"title": 1984, "published": 1614852000, "text": "{BODY}"}}',
        f'{{"title": true, "published": 1614852000000, "text": "{BODY}"}}',
        f'{{"source": 7, "published": -5, "text": "{BODY}"}}',
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    first, second, third = (item for item in loaded(path) if isinstance(item, Article))
    assert (first.title, first.published) == ("1984", datetime(2021, 3, 4, 10, tzinfo=UTC))
    assert second.title != "True"
    assert second.published == datetime(2021, 3, 4, 10, tzinfo=UTC)
    assert (third.source, third.published) == ("7", None)


def test_html_main_text_and_metadata() -> None:
    article = load_one(FIXTURES / "page.html")
    assert article.title == "Convoy turned back near Qamishli"
    assert article.source == "Example News"
    assert article.reference_date == date(2021, 10, 21)
    assert article.text.startswith("Syrian troops at a checkpoint southwest of Qamishli")
    for chrome in ("Home", "Sport", "Copyright", "All rights reserved"):
        assert chrome not in article.text


def test_html_with_no_main_text_is_a_clear_failure() -> None:
    assert only_failure(FIXTURES / "nomain.html").endswith("no main text found in the HTML page")


def test_json_list_and_configurable_fields(tmp_path: Path) -> None:
    first, second = loaded(FIXTURES / "records.json")
    assert isinstance(first, Article)
    assert isinstance(second, Article)
    assert (first.title, first.url, first.origin) == (
        "First",
        "https://example.org/1",
        f"{FIXTURES}/records.json[1]",
    )
    assert second.text.startswith("The second record uses the text field.")
    path = tmp_path / "one.json"
    path.write_text(
        '{"story": "A custom field holds the text. Two sentences.", "headline": "H"}', encoding="utf-8"
    )
    options = LoadOptions(text_fields=("story",), title_field="headline")
    article = load_one(path, options)
    assert (article.title, article.text) == ("H", "A custom field holds the text. Two sentences.")


def test_jsonl_bad_lines_fail_alone_and_the_rest_go_on() -> None:
    items = loaded(FIXTURES / "batch.jsonl")
    kinds = [(type(item).__name__, item.origin.rsplit(":", 1)[1]) for item in items]
    assert kinds == [
        ("Article", "1"),
        ("LoadFailure", "2"),
        ("Article", "3"),
        ("LoadFailure", "4"),
        ("Article", "6"),
    ]
    a1, broken, a3, missing, a5 = items
    assert isinstance(a1, Article)
    assert isinstance(a3, Article)
    assert isinstance(a5, Article)
    assert (a1.id, a1.title, a3.id, a5.id) == ("a1", "Convoy turned back", "a3", "5")
    assert a3.published == datetime(2021, 10, 19)
    assert "not valid JSON" in str(broken)
    assert "no article text (looked for fields: article, text, body, content)" in str(missing)


def test_rss_and_atom_feeds_load_as_their_entries() -> None:
    convoy, village = loaded(FIXTURES / "feed.rss")
    assert isinstance(convoy, Article)
    assert isinstance(village, Article)
    assert convoy.title == "Convoy turned back near Qamishli"
    assert convoy.source == "Example Wire"
    assert convoy.url == "https://example.org/convoy"
    assert convoy.published == datetime(2021, 10, 21, 10, 0, tzinfo=UTC)
    assert convoy.tags == ("syria",)
    assert "Syrian troops turned back a US convoy on Thursday." in convoy.text
    assert "<p>" not in convoy.text
    assert village.text == "Village blocks convoy"  # no body: the title stands in
    (entry,) = parse_feed((FIXTURES / "feed.atom").read_bytes(), "https://example.org/atom")
    assert entry.origin == "https://example.org/atom#1"
    assert entry.text.startswith("Troops and a convoy faced off")


def test_parse_feed_refuses_what_is_not_a_feed() -> None:
    with pytest.raises(InputError, match="not a readable RSS, Atom or JSON feed"):
        parse_feed(b"just some words", "x.rss")


def test_directory_is_recursive_sorted_and_skips_one_bad_file(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second article body. It is fine.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First article body. It is fine.", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / ".hidden.txt").write_text("Hidden. Skipped.", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / "d.txt").symlink_to(tmp_path / "missing.txt")
    items = loaded(tmp_path)
    assert [Path(item.origin).relative_to(tmp_path).as_posix() for item in items] == [
        "a.txt", "b/two.txt", "c.txt", "d.txt",
    ]  # fmt: skip
    assert [type(item).__name__ for item in items] == ["Article", "Article", "LoadFailure", "LoadFailure"]
    assert str(items[2]).endswith("this is a binary file, not text")
    assert str(items[3]).endswith("no such file or directory")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_directory_with_a_permission_denied_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Readable. Yes.", encoding="utf-8")
    locked = tmp_path / "b.txt"
    locked.write_text("Locked. Yes.", encoding="utf-8")
    locked.chmod(0)
    try:
        items = loaded(tmp_path)
    finally:
        locked.chmod(0o600)
    assert isinstance(items[0], Article)
    assert "cannot read the file" in str(items[1])


def test_stdin_is_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    for data, expected in [
        (b"Plain text from a pipe. Two sentences.", "Plain text from a pipe."),
        (b'{"article": "One line of JSON. Yes."}\n{"article": "Another. Yes."}\n', "One line of JSON."),
        ((FIXTURES / "page.html").read_bytes(), "Syrian troops at a checkpoint"),
        ((FIXTURES / "feed.rss").read_bytes(), "Syrian troops turned back"),
    ]:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
        first = loaded("-")[0]
        assert isinstance(first, Article)
        assert first.text.startswith(expected)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "no article text (empty or whitespace only)"),
        (b"  \n\t\n  ", "no article text (empty or whitespace only)"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00", "this is a binary file, not text"),
        (
            ("Caf\u00e9 cr\u00e8me, na\u00efve r\u00e9sum\u00e9 \u2014 d\u00e9j\u00e0 vu. " * 5).encode(
                "cp1252"
            ),
            "is not UTF-8",
        ),
    ],
    ids=["empty", "whitespace", "binary", "not-utf8"],
)
def test_bad_files_fail_with_one_clear_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    text = only_failure(path)
    assert text.startswith(str(path))
    assert "\n" not in text
    assert message in text


def test_non_utf8_message_names_the_encoding_and_a_fix(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(
        ("Le caf\u00e9 \u00e9tait ferm\u00e9 \u00e0 cause de la gr\u00e8ve. " * 5).encode("latin-1")
    )
    message = only_failure(path)
    assert "is not UTF-8" in message
    assert "iconv -f" in message


def test_file_over_the_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Word. " * 100, encoding="utf-8")
    message = only_failure(path, LoadOptions(max_bytes=100))
    assert "over the size cap (600 bytes > 100 bytes cap); raise it with --max-bytes" in message
    assert isinstance(loaded(path, LoadOptions(max_bytes=600))[0], Article)


def test_missing_path_and_load_one_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or directory"):
        load_one(tmp_path / "nope.txt")
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    with pytest.raises(InputError, match="no article found"):
        load_one(empty_dir)


def test_from_text_infers_latest_full_date_source_and_language() -> None:
    text = (
        "Officials told Reuters on 3 March 2020 that talks failed. On March 5, 2021 they resumed. "
        "According to Reuters, a deal is near. The meeting of 2019-12-01 was the first."
    )
    article = from_text(text, origin="x")
    assert article.reference_date == date(2021, 3, 5)
    assert article.source == "Reuters"
    assert {"reference_date", "source", "title"} <= article.inferred
    given = from_text(text, title="T", source="Wire", published=datetime(2022, 1, 2, 3, 4))
    assert (given.title, given.source, given.reference_date) == ("T", "Wire", date(2022, 1, 2))
    assert not {"reference_date", "source", "title"} & given.inferred


def test_derived_title_is_the_first_sentence_cut_short() -> None:
    article = from_text("Read more\nShort first sentence. Then more text follows here.")
    assert article.title == "Short first sentence"
    long_article = from_text(" ".join(["word"] * 30) + ". Next.")
    assert long_article.title == " ".join(["word"] * 12) + "…"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Le gouvernement a annoncé mardi que les troupes quitteraient la ville avant la fin du mois.",
            "fr",
        ),
        (
            "Die Regierung hat am Dienstag angekündigt, dass die Truppen die Stadt bald verlassen.",
            "de",
        ),
        ("El gobierno anunció el martes que las tropas dejarían la ciudad antes del fin de la semana.", "es"),
        ("政府周二宣布，军队将在本周末之前离开该城市。据该部称，撤离工作已经开始。", "und"),
        (
            "The government said on Tuesday that the troops would leave the city before the end of the week.",
            "en",
        ),
        ("no punctuation at all just a few english words in a row", "en"),
    ],
)
def test_language_guess(text: str, language: str) -> None:
    assert from_text(text).language == language


def test_seed_directory_and_copy_load_the_same_article(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / SEED.name)
    (article,) = loaded(tmp_path)
    assert isinstance(article, Article)
    assert article.id == load_one(SEED).id
