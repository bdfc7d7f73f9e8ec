"""Render a ``Reply`` as Discord messages: embeds within Discord's limits, safe against mentions.

Every string in a ``Reply`` is untrusted plain text (article titles and sentences). Every Discord
markdown character in it is backslash-escaped by the rules shared with the summarizer's Markdown
output (``summarizer.markdown_escape``: brackets and parentheses everywhere, so no masked
link ``[text](url)`` can form; quote, heading and list markers at line starts) and its mention
syntax is broken with a zero-width space, so it can neither ping anyone, inject markup nor show a
link whose text differs from its target; ``AllowedMentions.none()`` on every send is the second
guard. Bare web addresses stay as written (Discord shows them as themselves). The one exception
to no mentions is an alert's ``Reply.ping``, a role a channel manager chose: it opens the first
message, and ``allowed_mentions`` of that reply permits exactly that role.
Long replies become several messages (``Page``); callers post them in turn or page them with
``Pager`` buttons.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

import discord

from bot.core.reply import Field, Reply, Section
from summarizer.markdown_escape import markdown_escaper

__all__ = [
    "EMBEDS_PER_MESSAGE",
    "EMBED_DESCRIPTION",
    "EMBED_FIELDS",
    "EMBED_TITLE",
    "EMBED_TOTAL",
    "FIELD_NAME",
    "FIELD_VALUE",
    "MESSAGE_CONTENT",
    "NO_MENTIONS",
    "Page",
    "Pager",
    "allowed_mentions",
    "escape",
    "render",
    "safe_url",
    "split_text",
]

# Discord's documented limits.
MESSAGE_CONTENT = 2000
EMBED_TITLE = 256
EMBED_DESCRIPTION = 4096
EMBED_FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
EMBED_FOOTER = 2048
EMBED_TOTAL = 6000  # title + description + fields + footer + author, summed over a message's embeds
EMBEDS_PER_MESSAGE = 10

NO_MENTIONS = discord.AllowedMentions.none()
COLOUR = discord.Colour(0x2B6CB0)
ERROR_COLOUR = discord.Colour.red()

_ZWSP = "\u200b"
# Discord has no raw HTML and shows <https://...> as a link without preview: only the shared rules.
_escape_markdown = markdown_escaper()
# @everyone / @here and every <...> Discord token: <@id>, <@!id>, <@&id>, <#id>, </cmd:id>, <:emoji:id>,
# <a:emoji:id>, <t:123:R>, <id:browse>. Plain <https://...> links are left alone.
_MENTION = re.compile(r"@(?=everyone|here)|<(?=[@#/:]|[a-z]+:(?!//))", re.IGNORECASE)


def escape(text: str) -> str:
    """Untrusted plain text made inert: markdown escaped (no masked link can form), mentions and
    Discord tokens broken."""
    text = _escape_markdown(text)
    return _MENTION.sub(lambda m: m.group(0) + _ZWSP, text)


def _role_id(reply: Reply) -> int | None:
    """The role the reply pings, when it names one by a Discord id."""
    return int(reply.ping.id) if reply.ping is not None and reply.ping.id.isdigit() else None


def allowed_mentions(reply: Reply) -> discord.AllowedMentions:
    """Nobody may be pinged, except the role of an alert's ``ping``."""
    role = _role_id(reply)
    if role is None:
        return NO_MENTIONS
    return discord.AllowedMentions(everyone=False, users=False, roles=[discord.Object(role)],
                                   replied_user=False)


def safe_url(url: str | None) -> str | None:
    """An http(s) URL usable in an embed or a masked link, else None."""
    if not url:
        return None
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc or len(url) > 2000:
        return None
    return quote(url, safe=":/?#[]@!$&'*+,;=%~-._")  # spaces and parentheses percent-encoded


def split_text(text: str, limit: int) -> list[str]:
    """Cut text into pieces of at most ``limit`` characters, preferring paragraph, line, sentence
    and word boundaries, and never separating a backslash escape from the character it escapes."""
    pieces: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        window = rest[:limit]
        cut = -1
        for separator in ("\n\n", "\n", ". ", " "):
            position = window.rfind(separator)
            if position > limit // 3:
                cut = position + len(separator)
                break
        if cut <= 0:
            cut = limit
            while cut > 1 and _escaped_break(rest, cut):
                cut -= 1
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces


def _escaped_break(text: str, cut: int) -> bool:
    """True when ``text[:cut]`` ends inside an escape (odd run of backslashes) or before a ZWSP."""
    run = len(text[:cut]) - len(text[:cut].rstrip("\\"))
    return run % 2 == 1 or text[cut:cut + 1] == _ZWSP


def _clip(text: str, limit: int) -> str:
    """At most ``limit`` characters, an ellipsis marking a cut (escapes kept whole)."""
    if len(text) <= limit:
        return text
    cut = limit - 1
    while cut > 1 and _escaped_break(text, cut):
        cut -= 1
    return text[:cut] + "…"


@dataclass(frozen=True, slots=True)
class Page:
    """One Discord message: optional content and up to ten embeds."""

    content: str | None
    embeds: tuple[discord.Embed, ...]


class _EmbedBuilder:
    """Accumulates embeds, opening a new one whenever a limit would be crossed."""

    def __init__(self, colour: discord.Colour) -> None:
        self.colour = colour
        self.embeds: list[discord.Embed] = []

    def new(self, *, title: str | None = None, url: str | None = None,
            description: str | None = None) -> discord.Embed:
        embed = discord.Embed(
            title=_clip(title, EMBED_TITLE) if title else None,
            url=url if title else None,
            description=description or None,
            colour=self.colour,
        )
        self.embeds.append(embed)
        return embed

    def text(self, text: str, *, title: str | None = None, url: str | None = None) -> None:
        """A titled block of text, continued over as many embeds as it needs."""
        chunks = split_text(text, EMBED_DESCRIPTION) or ([""] if title else [])
        for index, chunk in enumerate(chunks):
            self.new(title=title if index == 0 else None, url=url if index == 0 else None,
                     description=chunk)

    def fields(self, fields: tuple[Field, ...]) -> None:
        """Fields on the current embed, continuing on new embeds past 25 or the size budget."""
        for item in fields:
            name = _clip(escape(item.name), FIELD_NAME) or _ZWSP
            value = _clip(escape(item.value), FIELD_VALUE) or "-"
            current = self.embeds[-1] if self.embeds else self.new()
            if len(current.fields) >= EMBED_FIELDS or len(current) + len(name) + len(value) > EMBED_TOTAL:
                current = self.new()
            current.add_field(name=name, value=value, inline=item.inline)

    def footer(self, text: str) -> None:
        """The footer on the last embed (or a new one when it would not fit)."""
        text = _clip(escape(text), EMBED_FOOTER)
        current = self.embeds[-1] if self.embeds else self.new()
        if len(current) + len(text) > EMBED_TOTAL:
            current = self.new()
        current.set_footer(text=text)


def _code_blocks(text: str) -> list[str]:
    """Verbatim text as code blocks of at most one embed each (backticks swapped for a look-alike,
    so the text cannot close its block; nothing inside a code block formats or mentions)."""
    fence = "```\n"
    return [f"{fence}{chunk}\n```" for chunk in split_text(text.replace("`", "ˋ"), EMBED_DESCRIPTION - 8)]


def _section_text(section: Section) -> str:
    lines = [escape(section.body)] if section.body else []
    lines.extend(f"• {escape(bullet)}" for bullet in section.bullets)
    return "\n".join(lines)


def _links_text(reply: Reply) -> str:
    lines = []
    for link in reply.links:
        url = safe_url(link.url)
        label = escape(link.label) or "link"
        lines.append(f"[{label}]({url})" if url else label)
    return "\n".join(lines)


def _embeds(reply: Reply) -> list[discord.Embed]:
    builder = _EmbedBuilder(ERROR_COLOUR if reply.error else COLOUR)
    if reply.error:  # one red embed: the message, then any detail (the usage line)
        builder.text("\n".join([escape(reply.title), *map(_section_text, reply.sections)]))
        return builder.embeds
    for section in reply.sections:
        title = escape(section.title) if section.title else None
        if section.code:
            for number, block in enumerate(_code_blocks(section.body)):
                builder.text(block, title=None if number else title)
        else:
            builder.text(_section_text(section), title=title, url=safe_url(section.url))
        builder.fields(section.fields)
    if reply.links:
        builder.text(_links_text(reply), title="Links")
    if reply.footer:
        builder.footer(reply.footer)
    return builder.embeds


def render(reply: Reply) -> list[Page]:
    """The reply as Discord messages, each within the content, embed-count and 6,000-total limits.

    The reply title is the first message's bold content (errors show it in a red embed instead),
    after the mention of the reply's ``ping`` role.
    """
    title = escape(" ".join(reply.title.split()))  # one line, so the bold holds
    role = _role_id(reply)
    mention = f"<@&{role}> " if role is not None else ""
    content = (f"{mention}**{_clip(title, MESSAGE_CONTENT - 4 - len(mention))}**"
               if title and not reply.error else None)
    embeds = _embeds(reply)
    if not embeds and content is None:  # nothing to say still has to be a valid message
        content = "Something went wrong." if reply.error else "(nothing to show)"
    pages: list[Page] = []
    batch: list[discord.Embed] = []
    for embed in embeds:
        if batch and (len(batch) == EMBEDS_PER_MESSAGE or sum(map(len, batch)) + len(embed) > EMBED_TOTAL):
            pages.append(Page(content if not pages else None, tuple(batch)))
            batch = []
        batch.append(embed)
    if batch or not pages:
        pages.append(Page(content if not pages else None, tuple(batch)))
    return pages


class Pager(discord.ui.View):
    """Previous / next buttons flipping through the pages of one long reply in a single message."""

    def __init__(self, pages: list[Page], *, timeout: float = 900) -> None:
        super().__init__(timeout=timeout)
        self.pages = pages
        self.index = 0
        self.message: discord.Message | discord.InteractionMessage | discord.WebhookMessage | None = None
        self._sync()

    @property
    def page(self) -> Page:
        """The page on show."""
        return self.pages[self.index]

    def _sync(self) -> None:
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index == len(self.pages) - 1
        self.counter.label = f"{self.index + 1}/{len(self.pages)}"

    async def _show(self, interaction: discord.Interaction) -> None:
        self._sync()
        await interaction.response.edit_message(
            content=self.page.content, embeds=list(self.page.embeds), view=self, allowed_mentions=NO_MENTIONS
        )

    @discord.ui.button(label="◀ Previous", style=discord.ButtonStyle.secondary)
    async def previous(self, interaction: discord.Interaction, _: discord.ui.Button[Pager]) -> None:
        """Show the page before."""
        self.index = max(0, self.index - 1)
        await self._show(interaction)

    @discord.ui.button(label="1/1", style=discord.ButtonStyle.secondary, disabled=True)
    async def counter(self, interaction: discord.Interaction, _: discord.ui.Button[Pager]) -> None:
        """Shows the position; disabled, never clicked."""
        await interaction.response.defer()

    @discord.ui.button(label="Next ▶", style=discord.ButtonStyle.secondary)
    async def next(self, interaction: discord.Interaction, _: discord.ui.Button[Pager]) -> None:
        """Show the page after."""
        self.index = min(len(self.pages) - 1, self.index + 1)
        await self._show(interaction)

    async def on_timeout(self) -> None:
        """Remove the buttons once nobody can use them any more."""
        if self.message is not None:
            with contextlib.suppress(discord.HTTPException):
                await self.message.edit(view=None)
