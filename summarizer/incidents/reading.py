"""What each sentence states: its dates, event cue, casualties, vehicles and places, read once.

``read_sentence`` gathers a sentence's facts; ``event_date`` picks the date its event happened
(not the date it was reported); ``dominant_country`` finds the country an article is about and
resolves every sentence's places with it.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from summarizer.incidents.acled_units import other_spellings
from summarizer.incidents.actors import ActorMention
from summarizer.incidents.counts import Casualties, find_casualties, find_vehicles
from summarizer.incidents.cues import cue_text, matches
from summarizer.incidents.dates import DateMention, cited, find_dates, find_offsets
from summarizer.incidents.events import Classification, classify, is_reference, not_an_event
from summarizer.incidents.gazetteer import Context, Gazetteer
from summarizer.incidents.places import SentencePlaces, find_places, mentioned_countries
from summarizer.text import Sentence

__all__ = ["SentenceFacts", "dateline_town", "dominant_country", "event_date", "read_sentence"]

_REPORTING = re.compile(
    r"\b(?:said|says|told|reported|announced|published|stated|confirmed|added|claimed|tweeted"
    r"|posted)\b[^,;]{0,25}$",
    re.IGNORECASE,
)
# "... hours after gunmen killed two police officers": a second event in the same sentence.
# Tried from the first space of a run only (or its comma): a later space reaches nothing more.
_EVENT_AFTER = re.compile(
    r"(?:,|(?<![\s,]))\s+(?:just |only )?(?:hours|a day|days|minutes|moments|weeks|shortly|soon|a week)"
    r"\s+(?:after|before)\s+",
    re.IGNORECASE,
)
# Where a clause with a second date begins: ", and on 2 May", "; on 2 May".
# The spaces after a comma are one run (not split between two quantifiers), and a run of spaces is
# tried from its first one only: both keep a long run of spaces from being re-read at every step.
_CLAUSE_BREAK = re.compile(
    r"(?:[,;](?:\s*(?:and|while|whereas|then))?|(?<!\s)\s+(?:and|while|whereas))\s+"
    r"(?=(?:on|in|early on|late on)\s)"
)
_LEADING_JOINER = re.compile(r"^(?:and|while|whereas|then)\s+", re.IGNORECASE)
# A dateline: a date near the start of the text followed by an agency or a dash.
_DATELINE_REACH = 60
_DATELINE_AFTER = re.compile(r"\s*+(?:\([A-Z][\w .]*+\)\s*+)?[—–-]")  # spaces read once
# The town a dateline opens with, in capitals: "KYIV, March 3 (Reuters) -", "PESHAWAR, Pakistan (AP) —".
_DATELINE_TOWN = re.compile(r"\s*(?P<town>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2})(?=,|\s+\(|\s+[—–-])")
# A town votes for its country as much as its country named as a place.
_TOWN_WEIGHT = 6
# A dateline town votes for its country like a country named in passing (a Beirut dateline may cover Syria).
_DATELINE_WEIGHT = 3
_CAPITALIZED = re.compile(r"\b[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){0,2}\b")
# Names the article uses, with their particles ("Sala al-Din", "San Jose del Monte"): they place namesakes.
_PARTICLE = r"(?:al|el|ad|as|ash|ar|an|at|az|ed|de|del|do|da|dos|das|di)"
_CONTEXT_NAME = re.compile(rf"\b[A-Z][a-z'’-]+(?:(?: {_PARTICLE}[ -]| )[A-Z][a-z'’-]+){{0,3}}")
# "since Thursday", "ahead of 5 May": a bound of a period, not the day of the event.


_PLANNED = re.compile(
    r"\b(?:to be held|to take place|scheduled|planned|due|will be held|will take place)(?: on| for)? $"
)


@dataclass(slots=True)
class SentenceFacts:
    """What one sentence states."""

    sentence: Sentence
    dates: list[DateMention]
    offsets: list[tuple[int, int]]
    event: Classification | None
    reason: str | None
    reference: bool
    casualties: Casualties
    vehicles: dict[str, int]
    places: SentencePlaces | None = None
    actors: list[ActorMention] = field(default_factory=list)
    clause: bool = False  # a later clause of a sentence that reports two events


def event_date(read: SentenceFacts) -> tuple[DateMention | None, bool]:
    """The date a sentence gives its event, and whether it is only the date of a report.

    Stated dates come first; a date in a reporting clause ("officials said on Monday") is used
    only when the sentence has no other, and is then marked as such.
    """
    text = read.sentence.text
    usable = [m for m in read.dates if (m.value is not None or m.flags) and not cited(text, m)]
    if not usable:
        return None, False
    # "overnight" dates less than a stated day, even a report's ("overnight, residents said on Sunday")
    # a day something is still to happen on ("the election to be held on August 9") dates no event
    ranked = sorted(
        usable,
        key=lambda m: (
            _PLANNED.search(text[max(0, m.start - 30) : m.start]) is not None,
            m.text.lower() == "overnight",
            _reported(text, m),
            m.relative,
            m.start,
        ),
    )
    return ranked[0], _reported(text, ranked[0]) and ranked[0].text.lower() != "overnight"


def _reported(text: str, mention: DateMention) -> bool:
    """A date in a reporting clause, or in a dateline ("GAZA CITY, May 17 (Reuters) -")."""
    dateline = mention.start < _DATELINE_REACH and _DATELINE_AFTER.match(text, mention.end) is not None
    return dateline or _REPORTING.search(text[max(0, mention.start - 60) : mention.start]) is not None


def read_sentence(
    sentence: Sentence, reference: date | None, leeway: int, month_first: bool | None = None
) -> list[SentenceFacts]:
    """The facts of a sentence: one entry, or one per clause when it reports two events.

    ``month_first`` is the order of the document's numeric dates (``dates.numeric_order``).

    "On 1 May militants attacked X, and on 2 May a bomb hit Y" and "A suicide attack killed five
    people, hours after gunmen killed two police officers" are split before the second event.
    """
    dates = find_dates(sentence.text, reference, leeway=leeway, month_first=month_first)
    clauses = _clauses(sentence.text, dates)
    if len(clauses) == 1:
        return [_facts(sentence, dates)]
    facts = [
        _facts(clause, find_dates(clause.text, reference, leeway=leeway, month_first=month_first))
        for clause in (Sentence(text, sentence.index, sentence.paragraph) for text in clauses)
    ]
    for later in facts[1:]:
        later.clause = True
    return facts


def _clauses(text: str, dates: list[DateMention]) -> list[str]:
    cuts = [m.start() for m in matches(_EVENT_AFTER, text, cue_text(text))]
    stated = [m for m in dates if m.value is not None and not m.relative]
    for earlier, later in itertools.pairwise(stated):
        if later.value != earlier.value:
            boundary = _CLAUSE_BREAK.search(text, earlier.end, later.start)
            if boundary is not None:
                cuts.append(boundary.start())
    pieces = []
    start = 0
    for cut in sorted(set(cuts)):
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    pieces = [_LEADING_JOINER.sub("", p.strip(" ,;")) for p in pieces]
    if len(pieces) > 1 and all(classify(p) is not None for p in pieces):
        return pieces
    return [text]


def _facts(sentence: Sentence, dates: list[DateMention]) -> SentenceFacts:
    """A sentence's facts, its ``dates`` already found."""
    text = sentence.text
    return SentenceFacts(
        sentence=sentence,
        dates=dates,
        offsets=find_offsets(text),
        event=classify(text),
        reason=not_an_event(text),
        reference=is_reference(text),
        casualties=find_casualties(text),
        vehicles=find_vehicles(text),
    )


def dominant_country(
    reads: list[SentenceFacts], gaz: Gazetteer, dateline: str | None = None, headline: str | None = None
) -> str | None:
    """The country the article is about: named countries, regions and towns, weighted by how they are used.

    The town of the article's ``dateline`` votes a little too, and a country its ``headline`` names
    counts twice (a headline names where its news happened); a region named anywhere is the last resort.

    Country names and demonyms give a first guess, which picks among same-named towns; when the
    places then point elsewhere ("Russian forces shelled Avdiivka (Donetsk)"), they are looked up
    again for the country they point to.
    """
    named: Counter[str] = Counter()
    for read in reads:
        for code, weight in mentioned_countries(read.sentence.text, gaz):
            named[code] += weight
    for code, weight in mentioned_countries(headline or "", gaz):
        named[code] += 2 * weight
    town = gaz.town(dateline, None) if dateline else None
    if town is not None:
        named[town.country_code] += _DATELINE_WEIGHT
    guess = named.most_common(1)[0][0] if named else None
    names = [m.group(0) for read in reads for m in _CONTEXT_NAME.finditer(read.sentence.text)]
    # a unit named in one spelling names it in all ("Saada" for GeoNames' "Sa'dah"), in the order
    # named: the context keeps the first spelling of each key and sound
    words = [word for name in names for word in dict.fromkeys((name, *name.split()))]
    spellings = [other for word in words for other in other_spellings(word)]
    context = Context.of(
        [*names, *spellings],
        tuple(_areas_named(reads, gaz)),
    )
    dominant = _place_votes(reads, gaz, guess, named, context)
    if dominant != guess and not _all_in(reads, dominant):
        dominant = _place_votes(reads, gaz, dominant, named, context) or dominant
    return dominant or _region_named_anywhere(reads, gaz)


def _areas_named(reads: list[SentenceFacts], gaz: Gazetteer) -> list[str]:
    """The units the missions or regions the article names span ("OSCE SMM": Donetsk, Luhansk)."""
    return [
        unit
        for name, units in gaz.areas.items()
        if any(name in read.sentence.text for read in reads)
        for unit in units
    ]


def dateline_town(text: str) -> str | None:
    """The town a raw article's dateline names ("MARIB, Feb 5 (Reuters) -", "GOMA, Congo (AP) —")."""
    match = _DATELINE_TOWN.match(text[:_DATELINE_REACH])
    return match.group("town") if match else None


def _region_named_anywhere(reads: list[SentenceFacts], gaz: Gazetteer) -> str | None:
    """When nothing else tells the country: the first name that is one country's region ("Argelia, Cauca")."""
    for read in reads:
        for match in _CAPITALIZED.finditer(read.sentence.text):
            region = gaz.region(match.group(0))
            if region is not None and region.country_code:
                return region.country_code
    return None


def _all_in(reads: list[SentenceFacts], code: str | None) -> bool:
    """Whether every place the sentences name was found, and found in country ``code``: read again
    preferring that country, they would be found there again, so the country is decided once."""
    found = [read.places for read in reads if read.places is not None]
    places = [p for f in found for p in [*(m.place for m in f.places), *(lm.place for lm in f.landmarks)]]
    units = [p for f in found for p in [*f.regions, *f.hints]]
    return all(p is not None and p.country_code == code for p in [*places, *units])


def _town_vote(code: str, prefer: str | None, named: Counter[str]) -> int:
    """How much a town votes for its country: less when it lies outside the country the article seems
    to be about and the article never names its own ("Artsakh troops dug in at Kerman": not Iran)."""
    return _TOWN_WEIGHT if prefer is None or code == prefer or code in named else _TOWN_WEIGHT // 2


def _place_votes(
    reads: list[SentenceFacts], gaz: Gazetteer, prefer: str | None, named: Counter[str], context: Context
) -> str | None:
    """Read every sentence's places (preferring towns in ``prefer``, placed by the article's names in
    ``context``) and return the country most voted for."""
    votes = Counter(named)
    for read in reads:
        read.places = find_places(read.sentence.text, gaz, prefer, context)
        located = [m.place for m in read.places.places] + [lm.place for lm in read.places.landmarks]
        for place in located:
            if place is not None:
                votes[place.country_code] += _town_vote(place.country_code, prefer, named)
        for region in read.places.regions:
            if region.country_code:
                votes[region.country_code] += 4
        for hint in read.places.hints:
            votes[hint.country_code] += 4
    return votes.most_common(1)[0][0] if votes else None
