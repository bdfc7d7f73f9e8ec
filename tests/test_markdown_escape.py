"""Article text in Markdown output renders as itself: no heading, list, quote, link or HTML from it."""

from __future__ import annotations

import io
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from summarizer.commands.output import Writer
from summarizer.markdown_escape import escape_markdown

# CommonMark plus the GitHub extensions markdown-it-py has built in (tables, strikethrough).
MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])
# Structure, links and HTML. Inline emphasis may still form inside a bare web address, which is kept
# as written so that it still works when copied.
FORBIDDEN = {"link_open", "image", "html_inline", "html_block", "blockquote_open", "ordered_list_open",
             "code_block", "fence", "table_open", "hr"}


def _flat(tokens: list[Token]) -> list[Token]:
    return [t for token in tokens for t in (token, *(token.children or []))]


def _text(token: Token) -> str:
    return "".join(child.content for child in token.children or [] if child.type == "text")


def _markdown(title: str, sentences: list[str]) -> str:
    stream = io.StringIO()
    writer = Writer(stream, "markdown")
    record: dict[str, Any] = {"title": title, "source": "- Gazette", "date": None, "method": "lead",
                              "summary": sentences}
    writer.write(record)
    writer.close()
    return stream.getvalue()


def test_sentences_starting_like_block_markers_stay_bullets_of_their_own_text() -> None:
    sentences = ["# Breaking: a heading?", "- a nested list?", "+ another", "> a quote?", "1. a number",
                 "2) another number", "=== underline", "see https://x.example/a_b~c*d now",
                 "<b>bold</b> &amp; [x](https://evil.example) ![i](https://evil.example/i.png)"]
    tokens = MARKDOWN.parse(_markdown("Rank #", sentences))
    assert not {t.type for t in _flat(tokens)} & FORBIDDEN
    headings = [i for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert [(tokens[i].tag, _text(tokens[i + 1])) for i in headings] == [("h2", "Rank #")]
    assert sum(t.type == "bullet_list_open" for t in tokens) == 1
    items = [_text(tokens[i + 2]) for i, t in enumerate(tokens) if t.type == "list_item_open"]
    assert items == sentences
    assert "https://x.example/a_b~c*d" in _markdown("t", sentences[7:8])  # the address copies as is


def test_a_title_ending_in_a_hash_keeps_it() -> None:
    assert escape_markdown("Rank #") == "Rank \\#"
    assert escape_markdown("1. a\n- b\n> c\n+ d\n=") == "1\\. a\n\\- b\n\\> c\n\\+ d\n\\="


_MARKUP = st.sampled_from(["[", "]", "(", ")", "\\", "https://e.example/p", "<", ">", "&", "&amp;", "|",
                           "*", "_", "`", "~", "#", "-", "+", "=", " ", "a", "1.", "1)", "!"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_MARKUP, max_size=40).map("".join))
def test_any_line_of_markup_renders_as_a_plain_paragraph(text: str) -> None:
    line = " ".join(text.split())
    tokens = MARKDOWN.parse(escape_markdown(line))
    assert not {t.type for t in _flat(tokens)} & FORBIDDEN
    assert [t.type for t in tokens if t.type.endswith("_open")] == (["paragraph_open"] if line else [])
    if "https://" not in line:
        assert {t.type for t in _flat(tokens)} <= {"paragraph_open", "paragraph_close", "inline", "text"}
        assert "".join(t.content for t in _flat(tokens) if t.type == "text") == line
