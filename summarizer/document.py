"""A cleaned, sentence-split document: what every summarization method works on."""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.clean import clean_text
from summarizer.text import Sentence, split_sentences

__all__ = ["Document", "prepare"]


@dataclass(frozen=True, slots=True)
class Document:
    """The body sentences of an article, in order, and its title when known."""

    sentences: tuple[Sentence, ...]
    title: str | None = None

    @property
    def texts(self) -> list[str]:
        """The sentence texts, in document order."""
        return [s.text for s in self.sentences]


def prepare(
    text: str, *, title: str | None = None, pretokenized: bool = False, clean: bool = True
) -> Document:
    """Clean ``text`` (unless ``clean`` is false) and split it into sentences.

    ``pretokenized`` selects the splitter for PTB-tokenized text (CNN/DailyMail style),
    which ends sentences only at stand-alone ``.``, ``?`` and ``!`` tokens.
    """
    body = clean_text(text) if clean else text
    return Document(sentences=tuple(split_sentences(body, pretokenized=pretokenized)), title=title)
