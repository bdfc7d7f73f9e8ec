"""Accuracy of the main incident of whole articles against hand-coded gold (one coded event per article).

The gold file is a JSON object ``{"articles": {FILE NAME: {"main_incident": {ACLED fields}} or
{"excluded": REASON}}}``; an article may carry ``"split": "check"`` (coded blind, never tuned on;
the default is ``"tune"``). The articles are read from a folder (their published date anchors
relative dates). The main incident is the first record the extractor returns: the one a digest
card shows first. Fields are judged with the rules of ``evaluate.field_right``; a second column
judges the best-matching record of the article instead, to tell a wrong field from a wrong choice
of record. When the gold has check articles, the main incident is also tallied per split.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from time import perf_counter
from typing import Any

from summarizer import incidents as extractor
from summarizer.articles import LoadFailure, load
from summarizer.errors import InputError
from summarizer.incidents.evaluate import (
    ACLED_FIELDS,
    HALVES,
    NOTHING_FOUND,
    Miss,
    Tally,
    agreement,
    field_right,
)
from summarizer.incidents.score import pair, read_json

__all__ = ["BEST", "MAIN", "evaluate_articles", "read_article_gold"]

MAIN = "main"
BEST = "best"
_SNIPPET = 200


def read_article_gold(path: Path) -> dict[str, tuple[str, dict[str, Any]]]:
    """File name -> (split, coded main incident); excluded articles left out; a bad file is an error."""
    raw = read_json(path, "gold file")
    articles = raw.get("articles") if isinstance(raw, dict) else None
    if not isinstance(articles, dict):
        raise InputError(f"{path}: the gold file needs an 'articles' object of file name -> coding")
    gold = {}
    for name, coding in articles.items():
        if isinstance(coding, dict) and isinstance(coding.get("excluded"), str):
            continue
        incident = coding.get("main_incident") if isinstance(coding, dict) else None
        if not isinstance(incident, dict) or not isinstance(incident.get("event_date"), str):
            raise InputError(
                f"{path}: {name}: needs a main_incident with an event_date, or an 'excluded' reason"
            )
        split = coding.get("split", HALVES[0])
        if split not in HALVES:
            raise InputError(f"{path}: {name}: split must be one of {', '.join(HALVES)}")
        gold[name] = (split, incident)
    return gold


def evaluate_articles(
    folder: str,
    gold: dict[str, tuple[str, dict[str, Any]]],
    on_miss: Callable[[Miss], None] | None = None,
    limit: int | None = None,
) -> dict[str, Tally]:
    """Tallies of the main incident (``MAIN``) and of the best-matching one (``BEST``) per coded article,
    and of the main incident per split (``tune``, ``check``) when the gold has more than one.

    ``on_miss`` hears each wrong field of the main incident, and each article that yielded none.
    An article of the gold file missing from the folder is an error.
    """
    splits = {split for split, _ in gold.values()}
    tallies = {MAIN: Tally(), BEST: Tally()} | {split: Tally() for split in HALVES if len(splits) > 1}
    seen: set[str] = set()
    for item in load(folder):
        if limit is not None and len(seen) >= limit:
            break
        name = Path(item.origin).name
        if isinstance(item, LoadFailure) or name not in gold:
            continue
        seen.add(name)
        split, coded = gold[name]
        start = perf_counter()
        predicted = [incident.to_dict() for incident in extractor.extract_incidents(item)]
        seconds = perf_counter() - start
        snippet = " ".join(item.text.split())[:_SNIPPET]
        if not predicted and on_miss is not None:
            on_miss(Miss(name, NOTHING_FOUND, coded.get("event_type"), "no incident", snippet))
        partner = pair([coded], predicted, agreement)
        best = predicted[partner[0][1]] if partner else {}
        main = predicted[0] if predicted else {}
        for column, guess, listener in ((MAIN, main, on_miss), (BEST, best, None), (split, main, None)):
            tally = tallies.get(column)
            if tally is None:
                continue
            tally.rows += 1
            tally.found += bool(predicted)
            tally.words += len(item.text.split())
            tally.seconds += seconds
            for field in ACLED_FIELDS:
                tally.judged[field] += 1
                if guess and field_right(field, coded, guess):
                    tally.right[field] += 1
                elif listener is not None:
                    got = guess.get(field) if guess else "no incident"
                    listener(Miss(name, field, coded.get(field), got, snippet))
    missing = set(gold) - seen
    if missing and limit is None:
        raise InputError(f"{folder}: {len(missing)} coded article(s) not found, e.g. {sorted(missing)[0]}")
    return tallies
