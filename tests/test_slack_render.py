"""Reply -> Block Kit: escaping untrusted text, Slack's limits, and reading Slack-formatted input."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from slack_sdk.models.blocks import Block

from bot.adapters.slack_bot import command_text
from bot.adapters.slack_render import (
    MAX_BLOCKS,
    MAX_FIELD_CHARS,
    MAX_FIELDS,
    MAX_TEXT_CHARS,
    chunk_escaped,
    escape,
    render,
    safe_url,
    unescape_incoming,
)
from bot.core.reply import Field, Link, Reply, Section


def all_texts(reply: Reply, **options: int) -> list[str]:
    found = []
    for message in render(reply, **options):
        for block in message.blocks:
            if "text" in block:
                found.append(block["text"]["text"])
            found += [t["text"] for t in block.get("fields", []) + block.get("elements", [])]
    return found


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("<!channel> now", "&lt;!channel&gt; now"),
        ("<@U123> and <#C1|general>", "&lt;@U123&gt; and &lt;#C1|general&gt;"),
        ("@everyone @Here @channel", "@\u2060everyone @\u2060Here @\u2060channel"),
        ("AT&T", "AT&amp;T"),
        ("*bold* _it_ ~gone~ `code`", "∗bold∗ ˍitˍ ∼gone∼ ˋcodeˋ"),
        ("snake_case stays", "snake_case stays"),
        ("> quoted\n  > again\na > b", "› quoted\n  › again\na &gt; b"),
        ("&lt;!here&gt;", "&amp;lt;!here&amp;gt;"),
    ],
)
def test_escape_makes_text_inert(raw: str, shown: str) -> None:
    assert escape(raw) == shown


@given(st.text())
def test_escaped_text_never_holds_a_control_sequence(text: str) -> None:
    shown = escape(text)
    assert "<" not in shown
    assert ">" not in shown
    assert not re.search(r"@(channel|here|everyone)", shown, re.IGNORECASE)
    assert not re.search(r"&(?!amp;|lt;|gt;)", shown)


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://news.example/a?x=1&y=2", "https://news.example/a?x=1&amp;y=2"),
        ("http://x.example/a|b>c", "http://x.example/a%7Cb%3Ec"),
        ("javascript:alert(1)", None),
        ("mailto:a@b.example", None),
        ("/relative/path", None),
        ("https://x.example/" + "a" * 2000, None),
        (None, None),
    ],
)
def test_safe_url(url: str | None, safe: str | None) -> None:
    assert safe_url(url) == safe


def test_links_keep_an_escaped_label_and_drop_unsafe_targets() -> None:
    reply = Reply(title="t", links=(Link("Read <more>", "https://x.example/?a=1&b=2"),
                                     Link("evil", "javascript:alert(1)")))
    assert all_texts(reply)[-1] == "<https://x.example/?a=1&amp;b=2|Read &lt;more&gt;> · evil"


def test_chunks_fit_the_limit_and_split_at_lines_then_words() -> None:
    text = "\n".join(["alpha beta " * 50] * 8)
    chunks = chunk_escaped(text, 1000)
    assert all(len(c) <= 1000 for c in chunks)
    assert " ".join(chunks).split() == text.split()
    assert chunks[0].endswith("beta ")


def test_chunks_keep_blank_lines_between_paragraphs() -> None:
    assert chunk_escaped("first\n\nsecond") == ["first\n\nsecond"]
    assert chunk_escaped("\n\n") == []


def test_chunks_never_cut_an_entity_and_split_unbroken_words() -> None:
    chunks = chunk_escaped("&" * 450 + "x" * 700, 1000)
    assert all(len(c) <= 1000 for c in chunks)
    assert "".join(chunks) == "&amp;" * 450 + "x" * 700
    assert all(not re.search(r"&(?!amp;)", c) for c in chunks)


def test_sections_fields_and_blocks_stay_within_slack_limits() -> None:
    fields = tuple(Field(f"name{n}", "v" * 3000) for n in range(23))
    sections = tuple(Section(title=f"S{n}", body="word " * 2000, fields=fields) for n in range(12))
    messages = render(Reply(title="Big", sections=sections), max_messages=100)
    assert len(messages) > 1
    for message in messages:
        assert len(message.blocks) <= MAX_BLOCKS
        for block in message.blocks:
            if "text" in block:
                assert len(block["text"]["text"]) <= MAX_TEXT_CHARS
            assert len(block.get("fields", [])) <= MAX_FIELDS
            assert all(len(f["text"]) <= MAX_FIELD_CHARS for f in block.get("fields", []))
        assert message.blocks[0]["type"] != "divider"


def test_slack_sdks_block_models_accept_every_block() -> None:
    fields = (*(Field(f"name{n}", "v" * 3000) for n in range(12)),
              Field("Evidence", "q " * 2000, inline=False))
    sections = tuple(Section(title=f"S{n} " * 300, body="word " * 2000, fields=fields,
                             bullets=("b " * 900,) * 3, url="https://x.example/?a=1&b=2") for n in range(3))
    reply = Reply(title="T " * 900, sections=sections, links=(Link("L " * 400, "https://x.example"),) * 12,
                  footer="F " * 2000)
    for message in render(reply, max_messages=100):
        for block in message.blocks:
            Block.parse(block).validate_json()  # raises SlackObjectFormationError beyond a limit


def test_non_inline_fields_get_their_own_lines() -> None:
    reply = Reply(title="t", sections=(Section(fields=(Field("Evidence", "a long quote", inline=False),)),))
    assert all_texts(reply)[1] == "*Evidence*\na long quote"


def test_replies_beyond_the_message_cap_end_with_a_note() -> None:
    sections = tuple(Section(title=f"S{n}", body="word " * 2500) for n in range(20))
    messages = render(Reply(title="Many", sections=sections), max_messages=2)
    assert len(messages) == 2
    note = messages[-1].blocks[-1]
    assert note["type"] == "context"
    assert "more messages left out" in note["elements"][0]["text"]
    assert [m.text for m in messages] == ["Many (1/2)", "Many (2/2)"]


def test_error_replies_are_marked() -> None:
    [message] = render(Reply.failure("no article matches 'x'", usage="summary [article...]"))
    assert message.blocks[0]["text"]["text"] == ":warning: *no article matches 'x'*"
    assert message.blocks[1]["text"]["text"] == "Usage: summary [article...]"


def test_every_text_object_is_verbatim() -> None:
    reply = Reply(title="t", sections=(Section(title="s", body="b", fields=(Field("f", "v"),)),), footer="f")
    payload = json.dumps([m.blocks for m in render(reply)])
    assert payload.count('"verbatim": true') == payload.count('"type": "mrkdwn"')


@pytest.mark.parametrize(
    ("text", "typed"),
    [
        ("summary <https://x.example/a?b=1&amp;c=2|x.example/a>", "summary https://x.example/a?b=1&c=2"),
        ("summary <https://x.example/a>", "summary https://x.example/a"),
        ("incident <#C123|raqqa> <@U1|ann> <@U2> <!here>", "incident #raqqa @ann @U2 @here"),
        ("search &lt;tag&gt; &amp; more", "search <tag> & more"),
        ("summary “two words”", 'summary "two words"'),
        ("mail <mailto:a@b.example|a@b.example>", "mail a@b.example"),
    ],
)
def test_unescape_incoming(text: str, typed: str) -> None:
    assert unescape_incoming(text) == typed


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("<@U0BOT> summary --sentences 2", "summary --sentences 2"),
        ("hey <@U0BOT|newsdigest> !incident Qamishli", "!incident Qamishli"),
        ("<@U0OTHER> look <@U0BOT> /digest", "/digest"),
        ("<@U0BOT> /newssearch convoy", "/newssearch convoy"),
        ("<@U0BOT>", ""),
        ("<@U0BOT> /", ""),
    ],
)
def test_command_text_follows_the_bot_mention(text: str, line: str) -> None:
    assert command_text(text, "U0BOT") == line


@given(st.text(alphabet="@everyonechalt<>&_*> \n", max_size=400), st.integers(min_value=12, max_value=60))
def test_chunks_of_any_text_fit_and_keep_every_character(text: str, limit: int) -> None:
    chunks = chunk_escaped(text, limit)
    assert all(len(chunk) <= limit for chunk in chunks)
    def squeeze(shown: str) -> str:
        return shown.replace("\n", "").replace(" ", "")

    assert squeeze("".join(chunks)) == squeeze(escape(text))


_SLACK_MARKUP = st.sampled_from(["<", ">", "|", "http://evil.example/p", "<http://evil.example|", "&lt;",
                                 "&", "*", "_", "~", "`", "!channel", "@here", "\n", " ", "a", "[x](y)"])
_SLACK_HOSTILE = st.lists(st.one_of(_SLACK_MARKUP, st.text(max_size=5)), max_size=60).map("".join)


def test_a_slack_link_in_article_text_is_shown_as_text():
    shown = escape("read <http://evil.example/phish|https://bbc.co.uk/news> now")
    assert shown == "read &lt;http://evil.example/phish|https://bbc.co.uk/news&gt; now"


@settings(max_examples=300, deadline=None)
@given(_SLACK_HOSTILE)
def test_escaped_slack_text_has_no_angle_bracket(text: str) -> None:
    shown = escape(text)
    assert "<" not in shown
    assert ">" not in shown


@settings(max_examples=60, deadline=None)
@given(st.lists(_SLACK_HOSTILE, min_size=6, max_size=6), st.integers(min_value=1, max_value=300))
def test_no_rendered_untrusted_text_holds_a_slack_link(texts: list[str], repeat: int) -> None:
    title, heading, body, bullet, name, value = texts
    reply = Reply(title=title, footer=value, sections=(
        Section(title=heading, body=body * repeat, bullets=(bullet,) * 3,
                fields=(Field(name, value * repeat),)),
    ))
    for message in render(reply):
        assert "<" not in message.text
        assert "<" not in json.dumps(message.blocks)  # Slack's links, mentions and commands start with "<"
