"""Summarization methods: one registry of named methods, one ``summarize`` entry point.

Every method scores each sentence; ``summarizer.summary.select`` then picks the best within the
length budget and returns them in document order with their index and score.
"""

from __future__ import annotations

from summarizer.document import Document
from summarizer.errors import UsageError
from summarizer.methods import baselines, default, sumy_catalog  # noqa: F401 - registers the methods
from summarizer.methods.registry import lookup, registered
from summarizer.summary import Length, Summary, select

__all__ = ["DEFAULT_LENGTH", "available_methods", "summarize"]

DEFAULT_LENGTH = Length(sentences=3)


def available_methods() -> dict[str, str]:
    """Every method's name and one-line description, ``default`` first."""
    methods = registered()
    names = sorted(methods, key=lambda name: (name != "default", name))
    return {name: methods[name].description for name in names}


def summarize(
    document: Document,
    method: str = "default",
    length: Length = DEFAULT_LENGTH,
    **options: object,
) -> Summary:
    """Summarize ``document`` with ``method`` within ``length``.

    ``options`` are method-specific (e.g. ``seed`` for random, ``bonus_words`` for edmundson,
    ``language`` for the sumy methods); an unknown method or option raises ``UsageError``.
    """
    spec = lookup(method)
    unknown = sorted(set(options) - spec.options)
    if unknown:
        accepted = ", ".join(sorted(spec.options)) or "none"
        raise UsageError(f"method {method!r} has no option {unknown[0]!r} (accepted: {accepted})")
    sentences = document.sentences
    if not sentences:
        return Summary(method=method, sentences=(), total_sentences=0)
    scores = spec.scorer(document, options)
    return select([s.text for s in sentences], scores, length, method)
