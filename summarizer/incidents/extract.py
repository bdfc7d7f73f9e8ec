"""From an article to incident records.

Each sentence of the cleaned text is read once (dates, event cue, casualties, vehicles, places).
Sentences that report an event open an incident or join one: a sentence with the same date, or
one that refers back ("the incident", "that attack") without a new date, joins; a new date, or
"in a separate attack", opens another. Habitual statements, legal proceedings, opinion and
background dated only to an earlier year are not incidents. Fields are then filled from the
incident's sentences, each with the sentences it came from as evidence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from summarizer.articles.model import Article
from summarizer.document import prepare
from summarizer.incidents.actors import (
    CIVILIANS,
    PROTESTERS,
    RIOTERS,
    STATE,
    ActorMention,
    find_actors,
    order_actors,
)
from summarizer.incidents.counts import SANE_LIMIT, Casualties, find_casualties, find_vehicles
from summarizer.incidents.dates import DateMention, PartialDate, find_dates, find_offsets, latest_full_date
from summarizer.incidents.events import (
    BATTLES,
    PROTESTS,
    RIOTS,
    STRATEGIC,
    VIOLENCE,
    Classification,
    classify,
    is_reference,
    mentions_arrest,
    mentions_protest,
    not_an_event,
)
from summarizer.incidents.gazetteer import Gazetteer, Place, gazetteer
from summarizer.incidents.model import Evidence, Incident
from summarizer.incidents.places import SentencePlaces, find_places, mentioned_countries
from summarizer.text import Sentence

__all__ = ["extract_from_sentences", "extract_incidents"]

# How many days after an inferred reference date a stated date is still taken as past.
INFERRED_LEEWAY_DAYS = 45

_REPORTING = re.compile(
    r"\b(?:said|says|told|reported|announced|published|stated|confirmed|added|claimed|tweeted"
    r"|posted)\b[^,;]{0,25}$",
    re.IGNORECASE,
)
_SEPARATE = re.compile(
    r"\b(?:separate|separately|another|elsewhere|meanwhile|in a second|in other|a second|a third|also on)\b",
    re.IGNORECASE,
)
_ARMED_VICTIMS = re.compile(
    r"\b(?:soldiers?|troops|servicem[ae]n|police(?:m[ae]n| officers)?|militants?|fighters?|insurgents?"
    r"|rebels?|gunmen|guards?|militiamen|jihadists?|personnel|officers?)\b",
    re.IGNORECASE,
)
# "since Thursday", "ahead of 5 May": a bound of a period, not the day of the event.
_BOUND_BEFORE = re.compile(r"\b(?:since|until|till|ahead of|before|prior to)\s+(?:the\s+)?$", re.IGNORECASE)
_ATTACKERS = re.compile(
    r"\b(?:attackers?|assailants?|militants?|insurgents?|gunmen|jihadists?|terrorists?|bandits?|rebels?|fighters?"
    r"|bombers?|kidnappers?)\b",
    re.IGNORECASE,
)
_CLAIM = re.compile(r"\bclaimed (?:responsibility|the attack)\b", re.IGNORECASE)
# Cues too common outside conflict news to make an incident on their own.
_GENERIC_CUES = frozenset({"explosion", "exploded", "blast"})
_ATTRIBUTION = re.compile(
    r"^(?:(?:\w+\s+){0,4}(?:said|say|says|reported|told \w+)(?: that)?,?\s+|according to [^,]{1,60},\s*)",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _Read:
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


@dataclass(slots=True)
class _Draft:
    """An incident being assembled from sentences."""

    members: list[_Read]
    date: DateMention | None = None
    date_read: _Read | None = None
    date_value: PartialDate | None = None
    date_reported: bool = False

    def set_date(self, mention: DateMention, read: _Read, reported: bool) -> None:
        """Date the incident from ``mention`` in ``read`` (``reported``: only a report's date)."""
        self.date, self.date_read, self.date_value, self.date_reported = (
            mention,
            read,
            mention.value,
            reported,
        )


def _event_date(read: _Read) -> tuple[DateMention | None, bool]:
    """The date a sentence gives its event, and whether it is only the date of a report.

    Stated dates come first; a date in a reporting clause ("officials said on Monday") is used
    only when the sentence has no other, and is then marked as such.
    """
    text = read.sentence.text
    usable = [
        m
        for m in read.dates
        if (m.value is not None or m.flags) and not _BOUND_BEFORE.search(text[: m.start])
    ]
    if not usable:
        return None, False
    ranked = sorted(usable, key=lambda m: (_reported(text, m), m.relative, m.start))
    return ranked[0], _reported(text, ranked[0])


def _reported(text: str, mention: DateMention) -> bool:
    return _REPORTING.search(text[: mention.start]) is not None


def _background(mention: DateMention, reference: date | None) -> bool:
    """An earlier year stated without month: background, not an incident of the report."""
    value = mention.value
    if value is None or reference is None:
        return False
    if value.precision == "year" and value.year < reference.year:
        return True
    return value.first_day() < reference - timedelta(days=5 * 366)


def _read(sentence: Sentence, reference: date | None, leeway: int) -> _Read:
    text = sentence.text
    return _Read(
        sentence=sentence,
        dates=find_dates(text, reference, leeway=leeway),
        offsets=find_offsets(text),
        event=classify(text),
        reason=not_an_event(text),
        reference=is_reference(text),
        casualties=find_casualties(text),
        vehicles=find_vehicles(text),
    )


def _dominant_country(reads: list[_Read], gaz: Gazetteer) -> str | None:
    """The country the article is about: named countries, regions and towns, weighted by how they are used.

    Country names and demonyms give a first guess, which picks among same-named towns; when the
    places then point elsewhere ("Russian forces shelled Avdiivka (Donetsk)"), they are looked up
    again for the country they point to.
    """
    named: Counter[str] = Counter()
    for read in reads:
        for code, locative in mentioned_countries(read.sentence.text, gaz):
            named[code] += 3 if locative else 1
    guess = named.most_common(1)[0][0] if named else None
    dominant = _place_votes(reads, gaz, guess, named)
    if dominant != guess:
        dominant = _place_votes(reads, gaz, dominant, named) or dominant
    return dominant


def _place_votes(reads: list[_Read], gaz: Gazetteer, prefer: str | None, named: Counter[str]) -> str | None:
    """Read every sentence's places (preferring towns in ``prefer``) and return the country most voted for."""
    votes = Counter(named)
    for read in reads:
        read.places = find_places(read.sentence.text, gaz, prefer)
        located = [m.place for m in read.places.places] + [lm.place for lm in read.places.landmarks]
        for place in [*read.places.regions, *(p for p in located if p is not None)]:
            if place.country_code:
                votes[place.country_code] += 2
        for hint in read.places.hints:
            votes[hint.country_code] += 1
    return votes.most_common(1)[0][0] if votes else None


def _location_key(draft: _Draft) -> str | None:
    for read in draft.members:
        if read.places and read.places.places:
            return read.places.places[0].name.lower()
    return None


def _compatible(draft: _Draft, read: _Read) -> bool:
    own = read.places.places[0].name.lower() if read.places and read.places.places else None
    other = _location_key(draft)
    return own is None or other is None or own == other or read.reference


def _conflict_signal(read: _Read) -> bool:
    """Whether an event cue comes with what conflict events carry: actors, casualties, vehicles, weapons."""
    c = read.casualties
    if read.actors or c.fatalities or c.injuries or read.vehicles:
        return True
    event = read.event
    if event is None:
        return False
    if event.event_type in {PROTESTS, RIOTS} and read.places is not None and read.places.places:
        return True
    return event.rank >= 7 and event.cue.lower() not in _GENERIC_CUES


def _supports(draft: _Draft, read: _Read) -> bool:
    """Whether a sentence with no event cue adds to the incident just reported (toll, claim, reference)."""
    last = draft.members[-1].sentence
    near = read.sentence.index - last.index <= 2 and read.sentence.paragraph - last.paragraph <= 1
    stated = read.casualties.fatalities is not None or read.casualties.injuries is not None
    return read.reference or (near and (stated or bool(_CLAIM.search(read.sentence.text))))


def _group(reads: list[_Read], reference: date | None) -> list[_Draft]:
    """Sort event sentences into incidents, in order of first report."""
    drafts: list[_Draft] = []
    current: _Draft | None = None
    for read in reads:
        if read.reason is not None:
            continue
        mention, reported = _event_date(read)
        if read.event is None or not _conflict_signal(read):
            if current is not None and _supports(current, read) and _same_day(current, mention):
                current.members.append(read)
                if mention is not None and (current.date is None or (current.date_reported and not reported)):
                    current.set_date(mention, read, reported)
            continue
        if mention is not None and _background(mention, reference):
            continue
        separate = _SEPARATE.search(read.sentence.text) is not None
        if mention is None:
            if current is not None and not separate and _compatible(current, read):
                current.members.append(read)
                continue
            current = _Draft([read])
            if separate and drafts:
                # "In a separate attack the same day": the date carries over.
                previous = drafts[-1]
                current.date, current.date_read, current.date_value = (
                    previous.date,
                    previous.date_read,
                    previous.date_value,
                )
            drafts.append(current)
            continue
        same = [
            d
            for d in drafts
            if d.date_value is not None and d.date_value == mention.value and _compatible(d, read)
        ]
        if same:
            current = same[-1]
            current.members.append(read)
            continue
        undated = current is not None and (current.date is None or current.date_reported)
        if current is not None and undated and read.reference and read.offsets and mention.value is not None:
            # "The incident took place two days after an occurrence ... on 19 October": dates both.
            shifted = mention.value.first_day() + timedelta(days=read.offsets[0][1])
            current.set_date(
                DateMention(0, 0, "", PartialDate.of(shifted, mention.value.precision)), read, False
            )
        elif current is not None and undated and (read.reference or not separate):
            current.members.append(read)
            if current.date is None or not reported:
                current.set_date(mention, read, reported)
            continue
        current = _Draft([read])
        current.set_date(mention, read, reported)
        drafts.append(current)
    return drafts


def _same_day(draft: _Draft, mention: DateMention | None) -> bool:
    """Whether a sentence's date fits the incident (it has none yet, or only a report's date)."""
    return mention is None or draft.date_value in {None, mention.value} or draft.date_reported


def _casualty_total(reads: list[_Read], attribute: str) -> tuple[int | None, list[_Read]]:
    """An incident's toll from its sentences.

    Repeated figures for the same side are not added up (the largest wins, unless a sentence says
    "also" or "another"); the dead of each side are ("three Americans ... five attackers were
    killed" is eight); a stated death toll is a floor.
    """
    by_side: dict[bool, int] = {}
    toll: int | None = None
    sources: list[_Read] = []
    for read in reads:
        value = getattr(read.casualties, attribute)
        if value is None:
            continue
        sources.append(read)
        if read.casualties.toll:
            toll = max(toll or 0, value)
            continue
        attackers = attribute == "fatalities" and bool(_ATTACKERS.search(" ".join(read.casualties.victims)))
        if attackers not in by_side:
            by_side[attackers] = value
        elif read.casualties.additional and value:
            by_side[attackers] += value
        else:
            by_side[attackers] = max(by_side[attackers], value)
    total = sum(by_side.values()) if by_side else None
    if toll is not None:
        total = max(total or 0, toll)
    return total, sources


def _summary(text: str) -> str:
    text = _ATTRIBUTION.sub("", text).strip()
    text = text[:1].upper() + text[1:]
    if len(text) <= 220:
        return text
    return text[:220].rsplit(" ", 1)[0] + " …"


def _place_fields(incident: Incident, draft: _Draft, gaz: Gazetteer, dominant: str | None) -> list[Evidence]:
    evidence: list[Evidence] = []
    best = None
    best_read = None
    for read in draft.members:
        if read.places and read.places.places:
            candidate = read.places.places[0]
            if best is None or candidate.strength > best.strength:
                best, best_read = candidate, read
    landmark = next(((r, lm) for r in draft.members if r.places for lm in r.places.landmarks), None)
    road = next((road for r in draft.members if r.places for road in r.places.roads), None)
    region = next(((r, reg) for r in draft.members if r.places for reg in r.places.regions), None)
    located: Place | None = None
    if best is not None and best_read is not None:
        incident.location = best.name
        evidence.append(Evidence("location", best_read.sentence.index, best_read.sentence.text))
        if best.place is not None:
            located = best.place
            incident.latitude, incident.longitude, incident.geo_precision = (
                best.place.latitude,
                best.place.longitude,
                1,
            )
    if landmark is not None:
        read, mark = landmark
        incident.near, incident.relation = mark.name, mark.relation
        evidence.append(Evidence("near", read.sentence.index, read.sentence.text))
        if incident.location is None:
            incident.location = mark.name
        if located is None and mark.place is not None:
            located = mark.place
            incident.latitude, incident.longitude, incident.geo_precision = (
                mark.place.latitude,
                mark.place.longitude,
                2,
            )
    if road is not None:
        incident.road = road
    code = located.country_code if located else None
    if region is not None:
        read, place = region
        incident.admin1 = place.admin1
        code = code or place.country_code
        evidence.append(Evidence("admin1", read.sentence.index, read.sentence.text))
        if incident.location is None:
            incident.location = place.name
            incident.geo_precision = 3
    elif located is not None:
        incident.admin1 = located.admin1
    if code is None:
        for read in draft.members:
            named = read.places.countries if read.places else []
            if named and (dominant is None or dominant not in named):
                code = named[0]
                break
    if code is None:
        code = next((h.country_code for r in draft.members if r.places for h in r.places.hints), None)
    code = code or dominant
    if code is not None:
        incident.country, incident.iso = gaz.country_name(code), code
    return evidence


def _refine_type(event: Classification, actors: list[ActorMention], draft: _Draft) -> tuple[str, str]:
    """Settle what the words alone leave open: who fought whom, and whether a crowd was involved.

    A killing with armed people on both sides is a battle; an ambush or attack whose only victims
    are civilians is violence against civilians; violence by or against protesters belongs to
    the protest and riot types.
    """
    event_type, sub_type = event.event_type, event.sub_event_type
    kinds = {a.kind for a in actors}
    armed = [a for a in actors if a.kind not in {CIVILIANS, PROTESTERS, RIOTERS}]
    victims = " ".join(v for r in draft.members for v in r.casualties.victims)
    armed_victims = bool(_ARMED_VICTIMS.search(victims))
    protest = any(mentions_protest(r.sentence.text) for r in draft.members) or PROTESTERS in kinds
    if protest and event_type in {VIOLENCE, BATTLES, STRATEGIC} and sub_type != "Arrests":
        if (
            any(a.kind == STATE for a in armed)
            and event_type != STRATEGIC
            and (victims or sub_type == "Attack")
        ):
            return PROTESTS, "Excessive force against protesters"
        if PROTESTERS in kinds or RIOTERS in kinds:
            return RIOTS, "Violent demonstration"
    harmed = any(r.casualties.fatalities or r.casualties.injuries for r in draft.members)
    if sub_type == "Attack" and not harmed and any(mentions_arrest(r.sentence.text) for r in draft.members):
        return STRATEGIC, "Arrests"
    if sub_type == "Attack" and (len(armed) >= 2 or (CIVILIANS not in kinds and armed_victims)):
        return BATTLES, "Armed clash"
    if sub_type == "Armed clash" and len(armed) < 2 and CIVILIANS in kinds and victims and not armed_victims:
        return VIOLENCE, "Attack"
    return event_type, sub_type


def _event_fields(incident: Incident, draft: _Draft, gaz: Gazetteer) -> list[Evidence]:
    scored = [r for r in draft.members if r.event is not None]
    best = max(scored, key=lambda r: r.event.rank if r.event else 0)
    assert best.event is not None
    event = best.event
    country = incident.country
    actors: list[ActorMention] = []
    primary = scored[0]
    for read in [primary, *[r for r in draft.members if r is not primary]]:
        read_actors = find_actors(read.sentence.text, gaz, country)
        actors.extend(a for a in read_actors if a.name not in {x.name for x in actors})
        if len({a.name for a in actors}) >= 2:
            break
    ordered = order_actors(actors)
    event_type, sub_type = _refine_type(event, ordered, draft)
    if event_type == VIOLENCE and ordered and ordered[0].kind == CIVILIANS and len(ordered) > 1:
        ordered = [*ordered[1:], ordered[0]]
    incident.event_type, incident.sub_event_type = event_type, sub_type
    incident.outcome = event.outcome or event.cue.lower()
    if ordered:
        incident.actor1, incident.actor1_type = ordered[0].name, ordered[0].kind
    if len(ordered) > 1:
        incident.actor2, incident.actor2_type = ordered[1].name, ordered[1].kind
    incident.summary = _summary(primary.sentence.text)
    evidence = [Evidence("event_type", best.sentence.index, best.sentence.text)]
    if ordered:
        evidence.append(Evidence("actors", primary.sentence.index, primary.sentence.text))
    return evidence


def _build(draft: _Draft, gaz: Gazetteer, dominant: str | None) -> Incident:
    incident = Incident()
    evidence: list[Evidence] = []
    if draft.date is not None:
        incident.flags.extend(draft.date.flags)
    if draft.date_value is not None and draft.date_read is not None:
        incident.event_date, incident.date_precision = draft.date_value.iso(), draft.date_value.precision
        evidence.append(Evidence("event_date", draft.date_read.sentence.index, draft.date_read.sentence.text))
    elif "impossible_date" not in incident.flags:
        incident.flags.append("undated")
    evidence.extend(_place_fields(incident, draft, gaz, dominant))
    evidence.extend(_event_fields(incident, draft, gaz))
    for attribute in ("fatalities", "injuries"):
        total, sources = _casualty_total(draft.members, attribute)
        if total is not None and total > SANE_LIMIT:
            incident.flags.append(f"implausible_{attribute}")
        setattr(incident, attribute, total or 0)
        evidence.extend(Evidence(attribute, r.sentence.index, r.sentence.text) for r in sources)
    for read in draft.members:
        for kind, count in read.vehicles.items():
            if count > incident.vehicles.get(kind, 0):
                incident.vehicles[kind] = count
                evidence.append(Evidence("vehicles", read.sentence.index, read.sentence.text))
    cited = {e.sentence_index for e in evidence}
    # Sentences that report the incident again without adding a field are still its evidence.
    evidence.extend(
        Evidence("report", r.sentence.index, r.sentence.text)
        for r in draft.members
        if r.sentence.index not in cited
    )
    incident.evidence = sorted(set(evidence), key=lambda e: (e.sentence_index, e.field))
    incident.confidence = _confidence(incident)
    return incident


def _confidence(incident: Incident) -> float:
    score = 0.3
    score += 0.2 if incident.event_date else 0.0
    score += 0.15 if incident.location else 0.0
    score += 0.15 if incident.actor1 else 0.0
    score += 0.1 if incident.country else 0.0
    score += 0.1 if incident.event_type != VIOLENCE or incident.fatalities else 0.05
    penalty = 0.3 * len([f for f in incident.flags if f != "undated"])
    return max(0.05, min(1.0, score - penalty))


def extract_from_sentences(
    sentences: list[Sentence], reference_date: date | None, *, reference_inferred: bool = False
) -> list[Incident]:
    """Incidents reported by ``sentences`` (cleaned and split), dates resolved against ``reference_date``.

    ``reference_inferred`` says the reference date was guessed from dates in the text: the article
    may be days or weeks younger, so dates up to ``INFERRED_LEEWAY_DAYS`` later are still trusted.
    """
    gaz = gazetteer()
    leeway = INFERRED_LEEWAY_DAYS if reference_inferred else 1
    reads = [_read(s, reference_date, leeway) for s in sentences]
    dominant = _dominant_country(reads, gaz)
    dominant_name = gaz.country_name(dominant) if dominant else None
    for read in reads:
        read.actors = find_actors(read.sentence.text, gaz, dominant_name) if read.event else []
    return [_build(draft, gaz, dominant) for draft in _group(reads, reference_date)]


def extract_incidents(article: Article) -> list[Incident]:
    """The incidents an article reports, in the order it reports them; an empty list when none."""
    document = prepare(article.text, title=article.title or None)
    reference = article.reference_date
    inferred = "reference_date" in article.inferred
    if reference is None and article.published is not None:
        reference = article.published.date()
    if reference is None:
        reference, inferred = latest_full_date(article.text.splitlines()), True
    return extract_from_sentences(list(document.sentences), reference, reference_inferred=inferred)
