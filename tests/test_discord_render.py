"""Reply -> Discord messages: limits, splitting, escaping of untrusted text."""

from __future__ import annotations

import re
import time

import discord
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.adapters.discord_render import (
    EMBED_DESCRIPTION,
    EMBED_FIELDS,
    EMBED_TITLE,
    EMBED_TOTAL,
    EMBEDS_PER_MESSAGE,
    FIELD_NAME,
    FIELD_VALUE,
    MESSAGE_CONTENT,
    Page,
    escape,
    render,
    safe_url,
    split_text,
)
from bot.core.reply import Field, Link, Reply, Section


def assert_page_within_limits(page: Page) -> None:
    assert page.content is None or len(page.content) <= MESSAGE_CONTENT
    assert 0 < len(page.embeds) <= EMBEDS_PER_MESSAGE or (page.content and not page.embeds)
    assert sum(len(embed) for embed in page.embeds) <= EMBED_TOTAL  # discord.py counts like Discord
    for embed in page.embeds:
        assert len(embed.title or "") <= EMBED_TITLE
        assert len(embed.description or "") <= EMBED_DESCRIPTION
        assert len(embed.fields) <= EMBED_FIELDS
        assert all(len(f.name or "") <= FIELD_NAME for f in embed.fields)
        assert all(len(f.value or "") <= FIELD_VALUE for f in embed.fields)
        assert embed.title or embed.description or embed.fields or embed.footer.text  # never empty


def all_text(pages: list[Page]) -> str:
    parts = []
    for page in pages:
        parts.append(page.content or "")
        for embed in page.embeds:
            parts += [embed.title or "", embed.description or "", embed.footer.text or ""]
            parts += [f"{f.name} {f.value}" for f in embed.fields]
    return "\n".join(parts)


def test_a_short_reply_is_one_message_with_the_title_as_content():
    reply = Reply(title="Checkpoint standoff", sections=(
        Section(title="Syria", body="A convoy turned back.", url="https://example.com/a b",
                fields=(Field("Date", "21 Oct 2021"), Field("Vehicles", "5 MRAP"))),),
        footer="Sputnik · 1 min read")
    [page] = render(reply)
    assert page.content == "**Checkpoint standoff**"
    [embed] = page.embeds
    assert embed.title == "Syria"
    assert embed.url == "https://example.com/a%20b"
    assert embed.description == "A convoy turned back."
    assert [(f.name, f.value) for f in embed.fields] == [("Date", "21 Oct 2021"), ("Vehicles", "5 MRAP")]
    assert embed.footer.text == "Sputnik · 1 min read"


def test_errors_are_red_and_carry_the_usage_line():
    failure = Reply.failure("sentences must be a whole number, not 'x'", usage="summary [--sentences N]")
    [page] = render(failure)
    assert page.content is None
    [embed] = page.embeds
    assert embed.colour == discord.Colour.red()
    assert embed.description == ("sentences must be a whole number, not 'x'\n"
                                 "Usage: summary \\[--sentences N\\]")


def test_10000_characters_split_into_two_messages_at_sentence_boundaries():
    sentence = "The convoy turned back at the checkpoint after a standoff. "
    body = (sentence * 200)[:10_000]
    pages = render(Reply(title="Long", sections=(Section(title="Report", body=body),)))
    assert len(pages) == 2
    for page in pages:
        assert_page_within_limits(page)
    descriptions = [e.description or "" for p in pages for e in p.embeds]
    assert all(d.endswith(".") for d in descriptions[:-1])
    assert " ".join(descriptions) == body.strip()


def test_many_fields_continue_on_new_embeds():
    fields = tuple(Field(f"name {i}", "v" * 1500) for i in range(60))
    pages = render(Reply(title="Fields", sections=(Section(title="Many", fields=fields),)))
    for page in pages:
        assert_page_within_limits(page)
    values = [f.value for p in pages for e in p.embeds for f in e.fields]
    assert len(values) == 60
    assert all(len(v) == FIELD_VALUE and v.endswith("…") for v in values)


def test_mentions_and_tokens_are_neutralised():
    hostile = "@everyone @here <@123> <@!123456789012345678> <@&456> <#789> </ban:1> <t:1:R> <a:x:1>"
    text = escape(hostile)
    for token in ("@everyone", "@here", "<@123>", "<@!", "<@&", "<#", "</", "<t:", "<a:"):
        assert token not in text
    assert text.replace("\u200b", "") == hostile  # only invisible characters were added
    assert escape("see <https://example.com/x>") == "see <https://example.com/x>"


def test_markdown_is_escaped():
    assert escape("**bold** _it_ `code` [x](https://e.com)\n> quote") == (
        "\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\[x\\]\\(https://e.com\\)\n\\> quote")
    assert escape("# Heading\n## Sub\n-# small") == "\\# Heading\n\\## Sub\n\\-# small"


def test_unsafe_link_urls_are_dropped():
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("https://example.com/a(b)") == "https://example.com/a%28b%29"
    [page] = render(Reply(title="t", links=(Link("bad", "javascript:x"), Link("good", "https://e.com/"))))
    text = all_text([page])
    assert "[good](https://e.com/)" in text
    assert "javascript" not in text


def test_split_never_cuts_an_escape_in_half():
    text = "\\*" * 5000
    pieces = split_text(text, 4096)
    assert all(len(p) <= 4096 and not (len(p) - len(p.rstrip("\\"))) % 2 for p in pieces)
    assert "".join(pieces) == text


texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=9000)


@settings(max_examples=60, deadline=None)
@given(
    title=texts,
    sections=st.lists(st.builds(
        Section,
        title=st.none() | texts,
        body=texts,
        fields=st.lists(st.builds(Field, name=st.text(max_size=400), value=texts), max_size=40).map(tuple),
        bullets=st.lists(st.text(max_size=2000), max_size=5).map(tuple),
    ), max_size=6).map(tuple),
    footer=st.none() | texts,
    error=st.booleans(),
)
def test_any_reply_renders_within_discord_limits(title, sections, footer, error):
    pages = render(Reply(title=title, sections=sections, footer=footer, error=error))
    assert pages
    for page in pages:
        assert_page_within_limits(page)
    assert all(p.content is None for p in pages[1:])


_LIVE_LINK_CHAR = re.compile(r"(?<!\\)(?:\\\\)*[\[\]()]")  # a bracket or parenthesis not escaped


def live_link_chars(text: str) -> list[str]:
    return _LIVE_LINK_CHAR.findall(text)


def test_no_masked_link_survives_in_a_line_of_several_links():
    line = "[a](https://bbc.co.uk) and [https://bbc.co.uk/news](http://evil.example/phish)"
    escaped = escape(line)
    assert live_link_chars(escaped) == []
    assert escaped == ("\\[a\\]\\(https://bbc.co.uk\\) and "
                       "\\[https://bbc.co.uk/news\\]\\(http://evil.example/phish\\)")
    assert live_link_chars(escape("https://a.example/\\[x](http://evil.example)")) == []  # not via a URL


def test_bare_addresses_stay_as_written():
    assert escape("see https://example.com/a_b?c=1*2 now") == "see https://example.com/a_b?c=1*2 now"
    assert escape("1. first\n 2) second\n+ plus") == "1\\. first\n 2\\) second\n\\+ plus"


_MARKUP = st.sampled_from(["[", "]", "(", ")", "\\", "http://evil.example/p", "https://", "<", ">", "|",
                           "*", "_", "`", "~", "#", "-", "\n", " ", "a", "1.", "@everyone", "<@1>"])
_HOSTILE = st.lists(st.one_of(_MARKUP, st.text(max_size=5)), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(_HOSTILE)
def test_escaped_text_never_holds_a_live_bracket_or_parenthesis(text: str) -> None:
    assert live_link_chars(escape(text)) == []


@settings(max_examples=60, deadline=None)
@given(st.lists(_HOSTILE, min_size=6, max_size=6), st.integers(min_value=1, max_value=400))
def test_no_rendered_untrusted_text_holds_a_masked_link(texts: list[str], repeat: int) -> None:
    title, heading, body, bullet, name, value = texts
    reply = Reply(title=title, footer=value * 3, sections=(
        Section(title=heading, body=body * repeat, bullets=(bullet,) * 3,
                fields=(Field(name, value * repeat),)),
    ))
    for page in render(reply):
        shown = [page.content or ""]
        for embed in page.embeds:
            shown += [embed.title or "", embed.description or "", embed.footer.text or ""]
            shown += [f"{f.name} {f.value}" for f in embed.fields]
        for text in shown:
            assert live_link_chars(text) == [], text


def test_escaping_grows_linearly_with_hostile_text():
    for unit in ("[a](", "https://x", "\n#", "*_", "\\"):
        small, large = unit * 2_000, unit * 20_000
        times = []
        for text in (small, large):
            start = time.process_time()
            for _ in range(5):
                escape(text)
            times.append(time.process_time() - start)
        assert times[1] < 30 * max(times[0], 1e-3), (unit, times)
