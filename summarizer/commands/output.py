"""Summary records and how each output format writes them."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import IO, Any

from summarizer.articles.language import ENGLISH, language_name
from summarizer.articles.model import Article
from summarizer.markdown_escape import escape_markdown
from summarizer.summary import Summary
from summarizer.terminal import printable

__all__ = ["FORMATS", "Writer", "error_record", "language_note", "summary_record"]

Record = Mapping[str, Any]


def language_note(article: Article) -> str | None:
    """A note for a summary of text that does not look English (the methods are tuned for English)."""
    if article.language == ENGLISH:
        return None
    return f"the text looks like {language_name(article.language)}, not English; the summary may be poor"


def summary_record(article: Article, summary: Summary) -> dict[str, Any]:
    """Everything a user may want about one summary, JSON-ready."""
    record: dict[str, Any] = {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "date": article.reference_date.isoformat() if article.reference_date else None,
        "inferred": sorted(article.inferred - {"language"}),
        "language": article.language,
        "method": summary.method,
        "summary": summary.texts,
        "sentences": [
            {"index": s.index, "score": round(s.score, 6), "text": s.text} for s in summary.sentences
        ],
        "total_sentences": summary.total_sentences,
        "origin": article.origin,
    }
    notes = [language_note(article)]
    if not summary.sentences:
        notes.append("no sentence fits within the length budget")
    note = "; ".join(n for n in notes if n)
    if note:
        record["note"] = note
    return record


def error_record(origin: str, message: str) -> dict[str, Any]:
    """The record for an input that could not be summarized."""
    return {"error": message, "origin": origin}


class Writer:
    """Writes records to a stream in one format, streaming as they come.

    JSON Lines: one object per line. JSON: one object for a single article, else a list.
    Text and Markdown: the summary sentences one per line, with a title header when there
    are several articles (Markdown always has it); error records are left to stderr.
    """

    def __init__(self, stream: IO[str], fmt: str) -> None:
        self._stream = stream
        self._fmt = fmt
        self._count = 0
        self._sections = 0  # text and Markdown sections written (error records write none)
        self._held: Record | None = None

    def write(self, record: Record) -> None:
        """Write one summary or error record (the first is held until we know if more follow)."""
        if self._fmt == "jsonl":
            self._stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            self._stream.flush()
        elif self._held is not None:
            self._emit(self._held, index=0, many=True)
            self._held = None
            self._emit(record, index=self._count, many=True)
        elif self._count == 0:
            self._held = record
        else:
            self._emit(record, index=self._count, many=True)
        self._count += 1

    def close(self) -> None:
        """Finish the output."""
        if self._held is not None:
            self._emit(self._held, index=0, many=False)
        elif self._fmt == "json" and self._count:
            self._stream.write("\n]\n")
        self._stream.flush()

    def _emit(self, record: Record, *, index: int, many: bool) -> None:
        if self._fmt == "json":
            body = json.dumps(record, ensure_ascii=False, indent=2)
            if not many:
                self._stream.write(body + "\n")
            else:
                self._stream.write(("[\n" if index == 0 else ",\n") + body)
        elif "error" not in record:
            self._stream.write(("\n" if self._sections else "") + _human(record, self._fmt, many))
            self._sections += 1
        self._stream.flush()


def _as_markdown_text(text: str) -> str:
    """Untrusted ``text`` as Markdown that renders exactly that text, on one line."""
    return escape_markdown(" ".join(text.split()))


def _human(record: Record, fmt: str, many: bool) -> str:
    """Text or Markdown for a terminal: article text never carries escape sequences to it, nor
    Markdown (links, emphasis, HTML) to where the Markdown is shown."""
    if fmt == "markdown":
        meta = " · ".join(str(v) for v in (record["source"], record["date"], record["method"]) if v)
        bullets = "".join(f"- {_as_markdown_text(text)}\n" for text in record["summary"])
        heading = _as_markdown_text(str(record["title"]))
        return printable(f"## {heading}\n\n*{_as_markdown_text(meta)}*\n\n{bullets}")
    header = f"# {record['title']}\n" if many else ""
    return printable(header + "".join(f"{text}\n" for text in record["summary"]))


FORMATS = ("text", "markdown", "json", "jsonl")
