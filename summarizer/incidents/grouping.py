"""Which sentences report the same incident.

Sentences that report an event open an incident or join one: a sentence with the same date, or
one that refers back ("the incident", "that attack") without a new date, joins; a new date, or
"in a separate attack", opens another. A report's own date ("officials said on Sunday") gives way
to the event's date when a later sentence states it. Sentences without an event cue join the
incident just reported when they add its toll or a claim of responsibility.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from summarizer.incidents.actors import CIVILIANS, PRIVATE_SECURITY, PROTESTERS, RIOTERS, order_actors
from summarizer.incidents.counts import find_casualties
from summarizer.incidents.dates import DateMention, PartialDate, cited
from summarizer.incidents.events import (
    BATTLES,
    EXPLOSIONS,
    FOUND_DEAD,
    PROTESTS,
    RIOTS,
    VIOLENCE,
    mentions_body_found,
    mentions_protest,
    names_armed_side,
)
from summarizer.incidents.gazetteer import Place
from summarizer.incidents.places import PlaceMention
from summarizer.incidents.reading import SentenceFacts, event_date
from summarizer.incidents.strategic import political_arrest
from summarizer.incidents.tolls import rise_dated, toll_rose

__all__ = ["OPENING_QUOTES", "RECENT_DAYS", "Draft", "after_quote", "group"]

# How many days before its date an article's news may have happened (chosen on the labelled
# Wikinews development articles: see the README).
RECENT_DAYS = 45

# Marks that open a quotation at the start of a sentence.
OPENING_QUOTES = frozenset({'"', "“"})
# Event cues this specific name a weapon (air strikes, shelling, bombs): see ``events``.
_WEAPON_RANK = 7

_SEPARATE = re.compile(
    r"\b(?:separate|separately|another|elsewhere|meanwhile|in a second|in other|a second|a third|also on)\b",
    re.IGNORECASE,
)
_PASSIVE = re.compile(r"\b(?:was|were|been|being)\s+(?:\w+\s+)?$", re.IGNORECASE)
# A protest's routine acts, told with a riot's words: an effigy burned, roads blocked with burning tyres.
_ROUTINE_PROTEST_ACT = re.compile(
    r"\beffig(?:y|ies)\b|\bblock\w*\s+(?:\w+\s+){0,4}?with\s+burning\s+(?:tyres|tires)\b", re.IGNORECASE
)
_CLAIM = re.compile(r"\bclaimed (?:responsibility|the attack)\b", re.IGNORECASE)
# How many sentences after an incident a stated death toll may still update it, and how many days later.
_TOLL_REACH = 4
_TOLL_UPDATE_DAYS = 7
# How many sentences after an incident an undated event in another place still takes its date.
_NEXT_REACH = 2
# A text saying when an event happened is not known: "the statement gave no date", "gave no date for
# his death", "it is not clear when he was killed"; never a date of something else or still to come
# ("gave no date for the pull-out", "it is unclear when the road will reopen").
_PAST_EVENT = (
    r"(?:(?:was|were|had been)\s+(?:killed|shot|murdered|slain|abducted|kidnapped|attacked|carried out)"
    r"|died|took place|happened|occurred)\b"
)
_NO_TIME_GIVEN = re.compile(
    r"(?:\b(?:specified|gave|give|gives|provided|disclosed|revealed|mentioned|stated)\s+no\s+(?:date|time|day)"
    r"|\bno\s+(?:date|time|day)\s+(?:was|were|has been|had been)\s+(?:given|specified|disclosed|stated))"
    r"(?:\s+(?:or|nor|and)\s+(?:\w+\s+)?(?:place|location|time|day|date))?"
    r"(?:\s*(?:[.;,]|$)|\s+for\s+(?:the|his|her|their|its|this)\s+"
    r"(?:death|deaths|killing|killings|attack|strike|raid|assault|bombing|shooting|incident)\b)"
    r"|\b(?:it|this) (?:is|was|remains|remained) (?:not (?:clear|known)|unclear|unknown) when\s+"
    rf"(?:[\w'’-]+\s+){{0,4}}?{_PAST_EVENT}",
    re.IGNORECASE,
)
# A date of the event the incident is compared with: "the deadliest since an assault on X in August 2018".
_COMPARED_DATE = re.compile(
    r"\b(?:deadliest|worst|largest|biggest|bloodiest|most \w+)\s+(?:[\w'’]+\s+){0,5}?since\s+[^.;]{0,80}$",
    re.IGNORECASE,
)
_ANNOUNCED = re.compile(r"\b(?:said|says|announced|statement|stated|confirmed)\b", re.IGNORECASE)
# Cues too common outside conflict news to make an incident on their own.
_GENERIC_CUES = frozenset({"explosion", "exploded", "blast"})
# Cues that say someone died, not that someone killed them: an incident only with a perpetrator named.
_BARE_KILLING = frozenset({"killed", "killing"})
_UNARMED = frozenset({CIVILIANS, PROTESTERS, RIOTERS})
_VIOLENT = frozenset({BATTLES, EXPLOSIONS, VIOLENCE, RIOTS})
# Events of crowds (protests, riots): a claim of responsibility refers back to an armed incident.
_CROWD = frozenset({PROTESTS, RIOTS})
# Sentences set aside that still date the scene for the undated event told after them: "On 3 June,
# nurses who have often protested gathered at the ministry. They protested against low pay."
_SCENE_REASONS = frozenset({"habitual", "anniversary"})
# Strategic developments that are acts on a place and a day (not arrests, talks or agreements).
_STRATEGIC_ACTS = frozenset(
    {"Looting/property destruction", "Disrupted weapons use", "Other", "Change to group/activity"}
)


@dataclass(slots=True)
class Draft:
    """An incident being assembled from sentences."""

    members: list[SentenceFacts]
    date: DateMention | None = None
    date_read: SentenceFacts | None = None
    date_value: PartialDate | None = None
    date_reported: bool = False

    def set_date(self, mention: DateMention, read: SentenceFacts, reported: bool) -> None:
        """Date the incident from ``mention`` in ``read`` (``reported``: only a report's date)."""
        self.date, self.date_read, self.date_value, self.date_reported = (
            mention,
            read,
            mention.value,
            reported,
        )


def _background(mention: DateMention, reference: date | None) -> bool:
    """An earlier year stated without month: background, not an incident of the report."""
    value = mention.value
    if value is None or reference is None:
        return False
    if value.precision == "year" and value.year < reference.year:
        return True
    return value.first_day() < reference - timedelta(days=5 * 366)


def _first_place(draft: Draft) -> PlaceMention | None:
    """The first place the incident's sentences name, for comparing with another sentence's."""
    for read in draft.members:
        if read.places and read.places.places:
            return read.places.places[0]
    return None


def _within(place: Place | None, unit: Place | None) -> bool:
    """Whether ``place`` lies in ``unit``, a first- or second-level unit (a town in its county)."""
    if place is None or unit is None or place.country_code != unit.country_code:
        return False
    if unit.kind == "admin2":
        return place.admin2 == unit.admin2
    return unit.kind == "admin1" and place.admin1 == unit.admin1


def _compatible(draft: Draft, read: SentenceFacts) -> bool:
    """Whether a sentence may report the same incident: no other place named (the same one, or one
    that holds the other: a town and its county), or it refers back."""
    own = read.places.places[0] if read.places and read.places.places else None
    if own is not None and after_quote(read.sentence.text, own.start):
        own = None  # '"They shot everyone," said a man who fled to X': where the speaker went
    other = _first_place(draft)
    if own is None or other is None or read.reference or own.name.lower() == other.name.lower():
        return True
    return _within(own.place, other.place) or _within(other.place, own.place)


def after_quote(text: str, start: int) -> bool:
    """Whether ``start`` is in the words after a quotation that opens the sentence (who said it)."""
    if text[:1] not in OPENING_QUOTES:
        return False
    closing = max(text.find('"', 1), text.find("”", 1))
    return 0 < closing < start


def _conflict_signal(read: SentenceFacts) -> bool:
    """Whether an event cue comes with what conflict events carry: actors, casualties, vehicles, weapons."""
    event = read.event
    c = read.casualties
    text = read.sentence.text
    arrest = event is not None and event.sub_event_type == "Arrests"
    if arrest and not (mentions_protest(text) or political_arrest(text)):
        return False  # an arrest alone is police work; of protesters or political opponents it is conflict
    if event is not None and event.outcome == FOUND_DEAD and not _dated_in_full(read):
        return False  # a body found "on Sunday" in a news story is a death in the news
    armed = [a for a in read.actors if not a.victim and a.kind not in _UNARMED]
    if event is not None and event.sub_event_type == "Sexual violence" and not armed:
        return False  # abuse cases in courts and churches; conflict-related rape has armed perpetrators
    # A private guard alone ("a scuffle with a security guard") is no sign of conflict.
    sides = [a for a in read.actors if not a.name.startswith(PRIVATE_SECURITY)]
    if sides or c.fatalities or c.injuries or read.vehicles:
        return True
    if event is None:
        return False
    located = read.places is not None and bool(read.places.places)
    dated = any(m.value is not None and m.value.precision == "day" for m in read.dates)
    # A protest or riot located or on a stated day; a located clash or attack on a stated day ("on
    # 28 April 2020, a shoot-out took place in Bangu"), not a bare death ("killed").
    if (located or dated) and event.event_type in {PROTESTS, RIOTS}:
        return True
    if arrest and located and dated:
        return True  # protesters or opponents arrested somewhere on a stated day, their captors unnamed
    cue = event.cue.lower()
    acted = event.event_type in {BATTLES, VIOLENCE} or event.sub_event_type in _STRATEGIC_ACTS
    if located and dated and acted and cue not in _BARE_KILLING:
        return True
    if dated and event.event_type == BATTLES and names_armed_side(read.sentence.text):
        return True  # "On 28 April, raiders clashed with armed herders" somewhere the gazetteer lacks
    # "Yesterday, the minister was stabbed": someone suffered the attack on a stated day.
    before = read.sentence.text[max(0, event.start - 20) : event.start]
    suffered = event.event_type == VIOLENCE and _PASSIVE.search(before) is not None
    if dated and suffered and cue not in _BARE_KILLING:
        return True
    return event.rank >= 7 and cue not in _GENERIC_CUES


def _dated_in_full(read: SentenceFacts) -> bool:
    """Whether a sentence states a date with its year, as a coder's note or a database summary dates
    an event ("On 3 May 2020", "05/03/2020")."""
    return any(m.year_stated and m.value is not None and m.value.precision == "day" for m in read.dates)


def _located_and_dated(read: SentenceFacts) -> bool:
    """Whether a sentence names a place and a day."""
    located = read.places is not None and bool(read.places.places)
    return located and any(m.value is not None and m.value.precision == "day" for m in read.dates)


def _scene_then_act(previous: SentenceFacts, read: SentenceFacts) -> bool:
    """A sentence that sets the day and place, then the violence or the protest that happened there.

    "On 2 May, police raided a slum in X. A shoot-out broke out." or a body found on a stated day
    and place, then the signs of the killing ("the body was mutilated").
    """
    event = read.event
    if (
        event is None
        or read.sentence.index - previous.sentence.index != 1
        or read.sentence.paragraph != previous.sentence.paragraph
        # a body found that made no incident of its own ("On Monday, a body was found") sets the scene
        or (
            previous.event is not None
            and (previous.event.outcome != FOUND_DEAD or _conflict_signal(previous))
        )
        or previous.reason is not None
        or not _located_and_dated(previous)
    ):
        return False
    if mentions_body_found(previous.sentence.text):
        return event.event_type == VIOLENCE
    # "On 2 May, in X, nurses gathered outside the clinic. They demanded protective gear."
    crowd = event.event_type == PROTESTS
    return (event.event_type in _VIOLENT or crowd) and event.cue.lower() not in _BARE_KILLING | _GENERIC_CUES


def _supports(draft: Draft, read: SentenceFacts) -> bool:
    """Whether a sentence with no event cue adds to the incident just reported (toll, claim, arrest)."""
    last = draft.members[-1].sentence
    near = read.sentence.index - last.index <= 2 and read.sentence.paragraph - last.paragraph <= 1
    if _update(read) and read.sentence.index - last.index <= _TOLL_REACH:
        return True  # "A later toll put the number of dead at 22", "He died today", a few paragraphs on
    c = read.casualties
    stated = c.fatalities is not None or c.injuries is not None or c.split > 1
    # "Police detained nine." right after a protest: the protest's end, not police work of its own.
    arrested = read.event is not None and read.event.sub_event_type == "Arrests" and _protest(draft)
    # "They burned tyres and threw stones." right after a protest: the protest turned violent (not an
    # effigy burned, nor tyres burning at a road block: a protest's routine acts).
    rioted = (
        read.event is not None
        and read.event.event_type == RIOTS
        and _protest(draft)
        and not _ROUTINE_PROTEST_ACT.search(read.sentence.text)
    )
    told = stated or arrested or rioted
    return read.reference or (near and (told or bool(_CLAIM.search(read.sentence.text))))


def _update(read: SentenceFacts) -> bool:
    """Whether a sentence without an event of its own states a toll or someone's death: it may update
    the incident just reported, days later ("Two of the wounded died on Saturday", "He died today")."""
    return read.casualties.toll or bool(read.casualties.fatalities)


def _crime_told(read: SentenceFacts, reference: date | None) -> SentenceFacts:
    """A sentence about legal proceedings that tells the violence they concern with its own day
    ("appeared in court yesterday, charged with murder over a shooting in X on Friday that killed
    50") reports that violence, on that day; any other sentence stays as read."""
    crime = _crime_date(read, reference)
    return read if crime is None else replace(read, reason=None, dates=[crime])


def _crime_date(read: SentenceFacts, reference: date | None) -> DateMention | None:
    """The day a sentence about legal proceedings says the violence they concern happened, when it
    tells both days: the day stated after the event, before the sentence's other day (the hearing's)
    and, in a dated article, within ``RECENT_DAYS`` of its date (an old crime on trial is
    background). None otherwise."""
    event = read.event
    if read.reason != "legal" or event is None or event.event_type not in _VIOLENT:
        return None
    text = read.sentence.text
    days = [
        (m, m.value.first_day())
        for m in read.dates
        if m.value is not None and m.value.precision == "day" and not cited(text, m)
    ]
    told = [(m, day) for m, day in days if m.start > event.start]
    if not told or len(days) < 2:
        return None  # a single day may be the hearing's ("the suspect in a shooting was released Friday")
    crime, day = told[0]
    if any(other <= day for m, other in days if m is not crime):
        return None
    if reference is not None and (reference - day).days > RECENT_DAYS:
        return None
    return crime


def _own_toll(draft: Draft, read: SentenceFacts) -> SentenceFacts | None:
    """A sentence with the toll of an earlier event it compares the incident with dropped ("the highest
    since May 10, 2010, when 300 people died": a date cited as a bound or comparison, before the
    incident's, with no event told before it); None when no casualties of its own are left."""
    if draft.date_value is None or not read.casualties.fatalities:
        return read
    text, day = read.sentence.text, draft.date_value.first_day()
    past = [
        m.start
        for m in read.dates
        if m.value is not None
        and m.value.first_day() < day
        and (cited(text, m) or _COMPARED_DATE.search(text, max(0, m.start - 120), m.start) is not None)
        # the event told after the date, or the incident named again before it ("Monday's raid")
        and (read.event is None or read.event.start > m.start or read.reference)
    ]
    if not past:
        return read
    own = find_casualties(text[: min(past)])
    if own.fatalities is None and own.injuries is None:
        return None
    return replace(read, casualties=own)


def _protest(draft: Draft) -> bool:
    """Whether the incident being assembled is a protest."""
    return any(r.event is not None and r.event.event_type == PROTESTS for r in draft.members)


def group(reads: list[SentenceFacts], reference: date | None) -> list[Draft]:
    """Sort event sentences into incidents, in order of first report."""
    drafts: list[Draft] = []
    current: Draft | None = None
    context: tuple[DateMention, SentenceFacts] | None = None  # the last date stated, event or not
    accident: SentenceFacts | None = None  # the last sentence read as an accident or disaster
    for sentence_read, before in zip(reads, [None, *reads], strict=False):
        read = _crime_told(sentence_read, reference)
        mention, reported = event_date(read)
        if mention is not None and _COMPARED_DATE.search(
            read.sentence.text, max(0, mention.start - 120), mention.start
        ):
            mention = None  # "the deadliest since an assault on X in August 2018": that event's date
        if mention is not None and rise_dated(read.sentence.text, mention.start):
            reported = True  # "the toll rose to 11 on Friday": the update's day, not the attack's
        dates_scene = read.reason is None or read.reason in _SCENE_REASONS
        if _NO_TIME_GIVEN.search(read.sentence.text):
            # "X said on Saturday that Y had been killed. The statement gave no date.": the day is the
            # announcement's, not the event's, whose time is unknown
            context = None
            if current is not None and _announced(current) and _next_to(current, read):
                current.date = current.date_read = current.date_value = None
        if mention is not None and not reported and dates_scene and not _background(mention, reference):
            context = (mention, read)
        if read.reason is not None:
            if read.reason == "accident":
                accident = read
                if current is not None and _found_dead_before(current, read):
                    drafts.remove(current)  # "Two men were found dead. An avalanche had buried them."
                    current = None
            continue
        if accident is not None and _accident_toll(accident, read):
            continue  # "A fire broke out in the slum. It killed nine people."
        if current is not None:
            own = _own_toll(current, read)
            if own is None:
                continue  # "The toll was the highest since May 2010, when 300 died": that event's toll
            read = own  # "The toll rose to 41, the highest since May 2010, when 300 died": 41
        if reported and current is not None and current.date is not None:
            mention = None  # "..., officials said on Sunday": the incident's own date stands
        if before is not None and _scene_then_act(before, read) and not _conflict_signal(read):
            current = Draft([before, read])
            found_on, _ = event_date(before)
            if found_on is not None:
                current.set_date(found_on, before, False)
            drafts.append(current)
            continue
        if read.event is None or not _conflict_signal(read):
            toll = _update(read)
            if current is not None and _supports(current, read) and _same_day(current, mention, toll=toll):
                current.members.append(read)
                undated = current.date is None or (current.date_reported and not reported)
                if mention is not None and not toll and undated:
                    current.set_date(mention, read, reported)
            continue
        if mention is not None and _background(mention, reference):
            continue
        if (claimed := _claimed(drafts, read)) is not None:
            # "X claimed responsibility for the attack on Saturday": the day is the claim's, and the
            # attack is the one told before, not a new event of that day.
            current = claimed
            current.members.append(read)
            continue
        told_apart = read.clause or _SEPARATE.search(read.sentence.text) is not None
        if mention is None and not told_apart and (referred := _referred(drafts, read)) is not None:
            current = referred
            current.members.append(read)
            continue
        separate = told_apart or (current is not None and _other_striker(current, read))
        if mention is None:
            if current is not None and not separate and _compatible(current, read):
                current.members.append(read)
                continue
            current = Draft([read])
            if drafts:
                # "In a separate attack", "Hezbollah later fired": the last stated date carries over;
                # not to a sentence further on that names another place in passing (background, a quote).
                previous = drafts[-1]
                if told_apart or _next_to(previous, read):
                    current.date, current.date_read, current.date_value = (
                        previous.date,
                        previous.date_read,
                        previous.date_value,
                    )
            elif context is not None and read.sentence.paragraph - context[1].sentence.paragraph <= 1:
                # "Venezuelans voted on Sunday. ... gunmen opened fire on voters": the scene's date.
                current.set_date(context[0], context[1], False)
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
        elif current is not None and undated and (read.reference or (_unknown_day(current) and not separate)):
            current.members.append(read)
            if current.date is None or not reported:
                current.set_date(mention, read, reported)
            continue
        current = Draft([read])
        current.set_date(mention, read, reported)
        drafts.append(current)
    return drafts


def _unknown_day(draft: Draft) -> bool:
    """Whether an incident's day is not told yet: undated, or dated only by its toll's rise."""
    read = draft.date_read
    return draft.date is None or (draft.date_reported and read is not None and toll_rose(read.sentence.text))


def _announced(draft: Draft) -> bool:
    """Whether an incident is dated by an announcement ("said on Saturday", "in a statement on Monday")."""
    read = draft.date_read
    return draft.date_reported or (read is not None and _ANNOUNCED.search(read.sentence.text) is not None)


def _armed(draft: Draft) -> bool:
    """Whether an incident is an armed one: none of its sentences tells a crowd's (a protest, a riot)."""
    return all(r.event is None or r.event.event_type not in _CROWD for r in draft.members)


def _claimed(drafts: list[Draft], read: SentenceFacts) -> Draft | None:
    """The armed incident a claim of responsibility refers back to ("X claimed responsibility for the
    attack on Saturday", told after it): the latest armed incident told, or the latest told at the
    place the claim names ("... for the attack on the Kandahar checkpoint"). A claim that states a
    year ("... for the attack on a hotel in March 2019") or names a place no incident was told at
    is another attack's."""
    if not read.reference or not _CLAIM.search(read.sentence.text):
        return None
    if any(mention.year_stated for mention in read.dates):
        return None
    named = _place_names(read)
    return next(
        (
            d
            for d in reversed(drafts)
            if _armed(d) and named <= {n for r in d.members for n in _place_names(r)}
        ),
        None,
    )


def _place_names(read: SentenceFacts) -> set[str]:
    """The names of the known places a sentence puts an event at."""
    mentions = read.places.places if read.places else []
    return {m.place.name for m in mentions if m.place is not None}


def _next_to(draft: Draft, read: SentenceFacts) -> bool:
    """Whether a sentence comes right after the incident's last one (at most ``_NEXT_REACH`` on)."""
    return read.sentence.index - draft.members[-1].sentence.index <= _NEXT_REACH


def _kind(draft: Draft) -> str | None:
    """The sub-event type of the incident's first sentence with an event."""
    return next((r.event.sub_event_type for r in draft.members if r.event is not None), None)


def _referred(drafts: list[Draft], read: SentenceFacts) -> Draft | None:
    """The incident an undated sentence refers back to by its kind ("the airstrike"): the latest of
    that kind, past another told in between ("US forces killed the general in an airstrike. They
    cited the December 31 attack on the embassy. The airstrike hit his convoy at the airport.")."""
    if not read.reference or read.event is None:
        return None
    kind = read.event.sub_event_type
    return next((d for d in reversed(drafts) if _kind(d) == kind and _compatible(d, read)), None)


def _found_dead_before(draft: Draft, accident: SentenceFacts) -> bool:
    """Whether the incident is only a body found in the sentence right before an accident's."""
    if len(draft.members) != 1:
        return False
    found = draft.members[0]
    return (
        found.event is not None
        and found.event.outcome == FOUND_DEAD
        and accident.sentence.index - found.sentence.index == 1
        and accident.sentence.paragraph == found.sentence.paragraph
    )


def _accident_toll(accident: SentenceFacts, read: SentenceFacts) -> bool:
    """Whether a sentence right after an accident gives its toll: someone died, nobody killed them."""
    near = read.sentence.index - accident.sentence.index <= 2
    bare = read.event is not None and read.event.cue.lower() in _BARE_KILLING
    return near and bare and not any(not a.victim for a in read.actors)


def _striker(read: SentenceFacts) -> str | None:
    """Who strikes in a sentence that reports a weapon's toll ("Israeli strikes on Gaza killed 23")."""
    if read.event is None or read.event.rank < _WEAPON_RANK or not read.casualties.fatalities:
        return None
    initiators = [a for a in order_actors(read.actors) if not a.victim]
    return initiators[0].name if initiators else None


def _other_striker(draft: Draft, read: SentenceFacts) -> bool:
    """Whether a sentence reports a strike by someone else than the incident's striker: another event."""
    own = _striker(read)
    if own is None:
        return False
    theirs = next((s for s in map(_striker, draft.members) if s is not None), None)
    return theirs is not None and theirs != own


def _same_day(draft: Draft, mention: DateMention | None, *, toll: bool = False) -> bool:
    """Whether a sentence's date fits the incident (none yet, a report's date, or a ``toll`` update's)."""
    if mention is None or draft.date_value in {None, mention.value} or draft.date_reported:
        return True
    # "By Wednesday the death toll had risen to nine": an update dated after the incident.
    return bool(
        toll
        and mention.value is not None
        and draft.date_value is not None
        and 0 <= (mention.value.first_day() - draft.date_value.first_day()).days <= _TOLL_UPDATE_DAYS
    )
