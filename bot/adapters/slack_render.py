"""Render a ``Reply`` as Slack Block Kit messages, and read Slack-formatted user text back.

Every string from a ``Reply`` is untrusted (article text): it is escaped (``&``, ``<``, ``>``) so it
can never form ``<!channel>``, ``<!here>``, ``<@U…>`` or a link, ``@channel``/``@here``/``@everyone``
are broken with an invisible word joiner, and mrkdwn control characters are swapped for look-alikes
so text cannot turn bold, italic, struck, code or quoted. Text objects are sent ``verbatim`` so Slack
does not auto-link anything either. The one mention a reply may make is its ``ping``: the user group
a channel manager chose for alerts, written ``<!subteam^ID>`` at the start of the first message.

Limits (https://docs.slack.dev/reference/block-kit/blocks/section-block): 3,000 characters a section
text, 10 fields of 2,000 characters a section, 50 blocks a message. Longer replies are split into
several messages.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from bot.core.reply import Field, Reply, Section

__all__ = [
    "MAX_BLOCKS",
    "MAX_FIELDS",
    "MAX_FIELD_CHARS",
    "MAX_TEXT_CHARS",
    "SlackMessage",
    "escape",
    "render",
    "safe_url",
    "unescape_incoming",
]

MAX_TEXT_CHARS = 3000
MAX_FIELDS = 10
MAX_FIELD_CHARS = 2000
MAX_BLOCKS = 50
MESSAGE_CHARS = 12_000  # a conservative budget per message, well inside chat.postMessage limits
FALLBACK_CHARS = 300
MAX_URL_CHARS = 1000

Block = dict[str, Any]

_BROADCAST = re.compile(r"@(?=(?:channel|here|everyone)\b)", re.IGNORECASE)
_LOOKALIKES = str.maketrans({"*": "∗", "~": "∼", "`": "ˋ"})
_LOOSE_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")  # "_" not between two letters/digits
_QUOTE_START = re.compile(r"^(\s*)>", re.MULTILINE)


def escape(text: str) -> str:
    """Make untrusted text inert in Slack mrkdwn: no mentions, no links, no formatting."""
    text = _QUOTE_START.sub("\\1›", text)
    text = _LOOSE_UNDERSCORE.sub("ˍ", text.translate(_LOOKALIKES))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _BROADCAST.sub("@\u2060", text)


def safe_url(url: str | None) -> str | None:
    """An http(s) URL safe inside ``<url|label>``, or None when it is not a web address."""
    if not url:
        return None
    url = url.strip()
    if len(url) > MAX_URL_CHARS:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return None
    for char, code in (("|", "%7C"), ("<", "%3C"), (">", "%3E"), (" ", "%20"), ("\n", ""), ("\r", "")):
        url = url.replace(char, code)
    return url.replace("&", "&amp;")


def _link(url: str | None, label: str) -> str:
    """``<url|label>`` with the label escaped (and cut to 500 characters), or the label alone."""
    target = safe_url(url)
    text = _truncate(escape(label), 500)
    return f"<{target}|{text}>" if target else text


def _truncate(text: str, limit: int) -> str:
    """Cut already-escaped text to ``limit`` characters without breaking an entity."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    amp = cut.rfind("&")
    if amp != -1 and ";" not in cut[amp:]:
        cut = cut[:amp]
    return cut + "…"


def _split_escaped(line: str, limit: int) -> Iterator[str]:
    """Split one escaped line into pieces of at most ``limit`` characters: after a space when
    there is one, else anywhere but inside an entity (``&amp;``)."""
    while len(line) > limit:
        space = line.rfind(" ", 0, limit)
        if space > 0:
            cut = space + 1
        else:
            cut = limit
            amp = line.rfind("&", max(cut - 4, 0), cut)
            if amp > 0 and ";" not in line[amp:cut]:
                cut = amp
        yield line[:cut]
        line = line[cut:]
    if line:
        yield line


def _verbatim(text: str) -> str:
    """Text for inside a code block: entities escaped (no mentions, no links), backticks swapped
    for a look-alike so it cannot close the block."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("`", "ˋ")


def chunk_escaped(text: str, limit: int = MAX_TEXT_CHARS, inert: Callable[[str], str] = escape) -> list[str]:
    """Make ``text`` inert (``escape`` by default) and split it into pieces of at most ``limit``
    characters, at line breaks when possible, then at spaces."""
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for line in text.split("\n"):
        for piece in list(_split_escaped(inert(line), limit)) or [""]:
            if current and size + 1 + len(piece) > limit:
                chunks.append("\n".join(current))
                current, size = [], 0
            size += len(piece) + (1 if current else 0)
            current.append(piece)
    if any(current):
        chunks.append("\n".join(current))
    return chunks


def _mrkdwn(text: str) -> dict[str, Any]:
    return {"type": "mrkdwn", "text": text, "verbatim": True}


def _section(text: str) -> Block:
    return {"type": "section", "text": _mrkdwn(text)}


def _text_sections(raw: str) -> list[Block]:
    return [_section(chunk) for chunk in chunk_escaped(raw)]


def _field_blocks(fields: tuple[Field, ...]) -> list[Block]:
    """Inline fields as two-column section fields (10 a block), the others as text lines."""
    blocks: list[Block] = []
    inline = [f for f in fields if f.inline]
    for start in range(0, len(inline), MAX_FIELDS):
        blocks.append({
            "type": "section",
            "fields": [
                _mrkdwn(_truncate(f"*{_truncate(escape(f.name), 200)}*\n{escape(f.value)}", MAX_FIELD_CHARS))
                for f in inline[start:start + MAX_FIELDS]
            ],
        })
    for field in (f for f in fields if not f.inline):
        name = f"*{_truncate(escape(field.name), 200)}*"
        chunks = chunk_escaped(field.value, MAX_TEXT_CHARS - len(name) - 1) or [""]
        blocks.append(_section(f"{name}\n{chunks[0]}"))
        blocks.extend(_section(chunk) for chunk in chunks[1:])
    return blocks


def _section_blocks(section: Section) -> list[Block]:
    blocks: list[Block] = []
    if section.title:
        blocks.append(_section(f"*{_link(section.url, section.title)}*"))
    elif section.url and safe_url(section.url):
        blocks.append(_section(_link(section.url, section.url)))
    if section.body and section.code:
        chunks = chunk_escaped(section.body, MAX_TEXT_CHARS - 6, _verbatim)
        blocks.extend(_section(f"```{chunk}```") for chunk in chunks)
    elif section.body:
        blocks.extend(_text_sections(section.body))
    if section.bullets:
        blocks.extend(_text_sections("\n".join(f"• {item}" for item in section.bullets)))
    blocks.extend(_field_blocks(section.fields))
    return blocks


_GROUP_ID = re.compile(r"S[A-Z0-9]{2,20}")


def _mention(reply: Reply) -> str:
    """``<!subteam^ID> `` for the user group a reply pings, else nothing."""
    ping = reply.ping
    return f"<!subteam^{ping.id}> " if ping is not None and _GROUP_ID.fullmatch(ping.id) else ""


def _reply_blocks(reply: Reply) -> list[Block]:
    marker = ":warning: " if reply.error else ""
    blocks: list[Block] = [_section(f"{_mention(reply)}{marker}*{_truncate(escape(reply.title), 1000)}*")]
    for index, section in enumerate(reply.sections):
        if index and not reply.error:
            blocks.append({"type": "divider"})
        blocks.extend(_section_blocks(section))
    if reply.links:
        links = [_link(link.url, link.label) for link in reply.links]
        for start in range(0, len(links), 5):
            blocks.append(_section(" · ".join(links[start:start + 5])))
    if reply.footer:
        blocks.append({"type": "context", "elements": [_mrkdwn(_truncate(escape(reply.footer), 2000))]})
    return blocks


def _block_chars(block: Block) -> int:
    texts: list[dict[str, Any]] = [block["text"]] if "text" in block else []
    texts += block.get("fields", []) + block.get("elements", [])
    return sum(len(text["text"]) for text in texts)


@dataclass(frozen=True, slots=True)
class SlackMessage:
    """One message to post: Block Kit blocks plus the plain fallback used in notifications."""

    blocks: list[Block]
    text: str


def _pack(blocks: list[Block]) -> list[list[Block]]:
    """Group blocks into messages of at most 50 blocks and ``MESSAGE_CHARS`` characters."""
    messages: list[list[Block]] = []
    current: list[Block] = []
    size = 0
    for block in blocks:
        chars = _block_chars(block)
        if current and (len(current) >= MAX_BLOCKS or size + chars > MESSAGE_CHARS):
            messages.append(current)
            current, size = [], 0
        if block["type"] == "divider" and not current:
            continue
        current.append(block)
        size += chars
    if current:
        messages.append(current)
    return messages


def render(reply: Reply, *, max_messages: int = 5) -> list[SlackMessage]:
    """Render ``reply`` as at most ``max_messages`` messages within Slack's limits.

    When the reply needs more, the last kept message ends with a note saying how much was left out.
    """
    packed = _pack(_reply_blocks(reply))
    if len(packed) > max_messages:
        dropped = len(packed) - max_messages
        packed = packed[:max_messages]
        plural = "s" if dropped > 1 else ""
        note = {"type": "context", "elements": [
            _mrkdwn(f"… {dropped} more message{plural} left out; narrow the request to see more.")]}
        last = packed[-1]
        packed[-1] = [*last[: MAX_BLOCKS - 1], note]
    fallback = _truncate(escape(reply.title), FALLBACK_CHARS)
    total = len(packed)
    return [
        SlackMessage(blocks, (_mention(reply) if number == 1 else "")
                     + (fallback if total == 1 else f"{fallback} ({number}/{total})"))
        for number, blocks in enumerate(packed, start=1)
    ]


_INCOMING_LINK = re.compile(r"<([^<>|]*)(?:\|([^<>]*))?>")


def _plain_link(match: re.Match[str]) -> str:
    target, label = match.group(1), match.group(2)
    if target.startswith(("@", "#")):
        return f"{target[0]}{label}" if label else target
    if target.startswith("!"):
        return "@" + (label or target[1:].split("^")[-1]).lstrip("@")  # <!here>, <!subteam^S1|@team>
    if target.startswith("mailto:"):
        return label or target.removeprefix("mailto:")
    return target


def unescape_incoming(text: str) -> str:
    """Slack's formatted user text as the user typed it: links to URLs, entities decoded,
    curly double quotes straightened (so ``“two words”`` still groups)."""
    text = _INCOMING_LINK.sub(_plain_link, text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return text.replace("\u201c", '"').replace("\u201d", '"')
