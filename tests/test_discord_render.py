"""Reply -> Discord messages: limits, splitting, escaping of untrusted text."""

from __future__ import annotations

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
    assert embed.description == "sentences must be a whole number, not 'x'\nUsage: summary [--sentences N]"


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
        "\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\[x](https://e.com)\n\\> quote")
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
