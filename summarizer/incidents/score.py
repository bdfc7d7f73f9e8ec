"""Field accuracy of the incident extractor against hand-coded gold records.

``python -m summarizer.incidents.score DEV.jsonl [--verbose]`` reads rows with ``text``,
``reference_date`` and a gold ``incidents`` list, extracts incidents from each text, pairs each
gold incident with the predicted one that agrees with it most (date, place, type), and prints
per-field accuracy over the gold incidents (a gold incident with no partner counts as wrong on
every field), plus incident recall/precision and how many no-incident articles stayed empty.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from summarizer import incidents as extractor
from summarizer.articles.model import Article, content_id
from summarizer.errors import InputError, SummarizerError
from summarizer.incidents.names import fold

__all__ = [
    "FIELDS",
    "Score",
    "field_matches",
    "incident_rates",
    "main",
    "pair",
    "read_json",
    "read_rows",
    "score_rows",
]

FIELDS = (
    "event_date",
    "date_precision",
    "country",
    "event_type",
    "sub_event_type",
    "location",
    "fatalities",
    "injuries",
    "actor1",
    "vehicles",
)


def field_matches(name: str, gold: Any, predicted: Any) -> bool:
    """Whether a predicted field value counts as right: exact, except places and names compare folded."""
    if name == "location":
        if gold is None:
            return predicted is None
        return predicted is not None and (fold(gold) in fold(predicted) or fold(predicted) in fold(gold))
    if name in {"country", "actor1"}:
        return gold is not None and predicted is not None and fold(gold) == fold(predicted)
    if name == "vehicles":
        return dict(gold or {}) == dict(predicted or {})
    return bool(gold == predicted)


@dataclass(slots=True)
class Score:
    """Counts of right answers per field, and of incidents found, invented and missed."""

    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    gold_incidents: int = 0
    predicted_incidents: int = 0
    matched: int = 0
    empty_articles: int = 0
    empty_correct: int = 0
    misses: list[str] = field(default_factory=list)

    def report(self) -> str:
        """A plain-text table, one field a line."""
        lines = [f"{'field':<16}{'correct':>9}{'total':>7}{'accuracy':>10}"]
        for name in FIELDS:
            total = self.total[name]
            if total:
                lines.append(
                    f"{name:<16}{self.correct[name]:>9}{total:>7}{self.correct[name] / total:>10.1%}"
                )
        recall = self.matched / self.gold_incidents if self.gold_incidents else 1.0
        precision = self.matched / self.predicted_incidents if self.predicted_incidents else 1.0
        lines.append(
            f"incidents: gold {self.gold_incidents}, predicted {self.predicted_incidents}, matched"
            f" {self.matched} (recall {recall:.1%}, precision {precision:.1%})"
        )
        lines.append(f"no-incident articles left empty: {self.empty_correct}/{self.empty_articles}")
        return "\n".join(lines)


def _agreement(gold: dict[str, Any], predicted: dict[str, Any]) -> int:
    return (
        4 * field_matches("event_date", gold.get("event_date"), predicted.get("event_date"))
        + 2
        * (
            gold.get("location") is not None
            and field_matches("location", gold["location"], predicted.get("location"))
        )
        + field_matches("event_type", gold.get("event_type"), predicted.get("event_type"))
        + field_matches("fatalities", gold.get("fatalities"), predicted.get("fatalities"))
    )


def pair(
    gold: Sequence[dict[str, Any]],
    predicted: Sequence[dict[str, Any]],
    agreement: Callable[[dict[str, Any], dict[str, Any]], int] = _agreement,
) -> list[tuple[int, int]]:
    """Greedy one-to-one pairing of gold and predicted incidents (indexes), most agreeing pairs first.

    Ties go to the earlier incidents; pairs that agree on nothing are left out.
    """
    candidates = sorted(
        ((-agreement(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(predicted))
    )
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs = []
    for negative, gi, pi in candidates:
        if negative and gi not in used_gold and pi not in used_predicted:
            used_gold.add(gi)
            used_predicted.add(pi)
            pairs.append((gi, pi))
    return pairs


def _row_article(row: dict[str, Any], where: str) -> Article:
    text = row.get("text") or row.get("article")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: no text")
    reference = row.get("reference_date")
    try:
        reference_date = date.fromisoformat(reference) if reference else None
    except ValueError as error:
        raise InputError(f"{where}: bad reference_date {reference!r}") from error
    return Article(
        id=str(row.get("id") or content_id(text)), title="", text=text, reference_date=reference_date
    )


def score_rows(rows: Sequence[dict[str, Any]]) -> Score:
    """Score the extractor on gold rows."""
    score = Score()
    for number, row in enumerate(rows, 1):
        article = _row_article(row, f"row {number}")
        gold = list(row.get("incidents") or [])
        predicted = [incident.to_dict() for incident in extractor.extract_incidents(article)]
        score.gold_incidents += len(gold)
        score.predicted_incidents += len(predicted)
        if not gold:
            score.empty_articles += 1
            score.empty_correct += not predicted
            if predicted:
                score.misses.append(f"{article.id}: invented {len(predicted)} incident(s)")
        partner = dict(pair(gold, predicted))
        score.matched += len(partner)
        for gi, gold_incident in enumerate(gold):
            guess = predicted[partner[gi]] if gi in partner else {}
            for name in FIELDS:
                if name not in gold_incident or (name == "location" and gold_incident[name] is None):
                    continue
                score.total[name] += 1
                if guess and field_matches(name, gold_incident[name], guess.get(name)):
                    score.correct[name] += 1
                else:
                    score.misses.append(
                        f"{article.id} #{gi + 1} {name}: gold {gold_incident[name]!r}, got"
                        f" {guess.get(name) if guess else 'no incident'!r}"
                    )
        if len(predicted) > len(partner) and gold:
            score.misses.append(f"{article.id}: {len(predicted) - len(partner)} extra incident(s)")
    return score


def incident_rates(rows: Sequence[dict[str, Any]], on_flagged: Callable[[str], None] | None = None) -> str:
    """For news without gold: the share of articles that yield at least one incident, by category.

    ``on_flagged`` hears a line per incident found (article id, type, the sentence of its event).
    """
    seen: Counter[str] = Counter()
    flagged: Counter[str] = Counter()
    for number, row in enumerate(rows, 1):
        category = str(row.get("category") or "all")
        article = _row_article(row, f"row {number}")
        incidents = extractor.extract_incidents(article)
        seen[category] += 1
        flagged[category] += bool(incidents)
        if on_flagged is not None:
            for incident in incidents:
                on_flagged(f"{article.id}: {incident.sub_event_type}: {incident.summary}")
    lines = [
        f"{name:<16}{flagged[name]:>5}/{seen[name]:<5}{flagged[name] / seen[name]:>8.1%}"
        for name in sorted(seen)
    ]
    total = sum(seen.values())
    lines.append(f"{'all':<16}{sum(flagged.values()):>5}/{total:<5}{sum(flagged.values()) / total:>8.1%}")
    return "articles with at least one incident:\n" + "\n".join(lines)


def read_json(path: Path, kind: str) -> Any:
    """The JSON value of a file; an unreadable file or bad JSON stops with an error naming ``kind``."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror or error})") from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"{path}: not a JSON {kind}") from error


def read_rows(path: Path) -> list[dict[str, Any]]:
    """The JSON values of a JSONL file, one a line (blank lines skipped)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror or error})") from error
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not UTF-8 text") from error
    rows = []
    for number, line in enumerate(lines, 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise InputError(f"{path}:{number}: not valid JSON ({error.msg})") from error
    return rows


def _print_line(line: str) -> None:
    sys.stdout.write(f"{line}\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Print the per-field accuracy table (and, with ``--verbose``, every miss)."""
    parser = argparse.ArgumentParser(
        prog="python -m summarizer.incidents.score", description=__doc__.split("\n")[0]
    )
    parser.add_argument("path", type=Path, help="JSONL rows with text, reference_date and gold incidents")
    parser.add_argument(
        "--verbose", action="store_true", help="list every wrong field (with --no-gold: every incident found)"
    )
    parser.add_argument(
        "--no-gold",
        action="store_true",
        help="the rows are ordinary news without gold (e.g. ../shared/eval/bbc-dev.jsonl): report how many "
        "articles yield any incident, by category",
    )
    args = parser.parse_args(argv)
    try:
        rows = read_rows(args.path)
        if args.no_gold:
            sys.stdout.write(incident_rates(rows, _print_line if args.verbose else None) + "\n")
            return 0
        score = score_rows(rows)
    except SummarizerError as error:
        sys.stderr.write(f"score: {error}\n")
        return 1
    if args.verbose:
        sys.stdout.write("".join(f"{miss}\n" for miss in score.misses))
    sys.stdout.write(score.report() + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
