"""Structured replies: what a command answers, before any platform renders it.

All strings are plain text. Article text in them is untrusted: adapters escape it for their
platform and never let it mention anyone; only ``ping`` (a group a manager chose) is mentioned.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.vocabulary import Ping

__all__ = ["Field", "Link", "Reply", "Section"]


@dataclass(frozen=True, slots=True)
class Field:
    """A short labelled value (date, source, casualties...)."""

    name: str
    value: str
    inline: bool = True


@dataclass(frozen=True, slots=True)
class Link:
    """A link with a label."""

    label: str
    url: str


@dataclass(frozen=True, slots=True)
class Section:
    """One block of a reply: an article summary, an incident card, a list page."""

    title: str | None = None
    body: str = ""
    fields: tuple[Field, ...] = ()
    url: str | None = None
    bullets: tuple[str, ...] = ()
    code: bool = False  # the body is a file's text (an OPML export): shown verbatim, never wrapped


@dataclass(frozen=True, slots=True)
class Reply:
    """A command's answer: title, sections, links and footer, or an error message."""

    title: str
    sections: tuple[Section, ...] = ()
    links: tuple[Link, ...] = ()
    footer: str | None = None
    error: bool = False
    ephemeral: bool = False
    ping: Ping | None = None  # the one group this post mentions (alerts only)

    @classmethod
    def failure(cls, message: str, *, usage: str | None = None) -> Reply:
        """An error reply: one short message and, when useful, the usage line."""
        sections = (Section(body=f"Usage: {usage}"),) if usage else ()
        return cls(title=message, sections=sections, error=True, ephemeral=True)
