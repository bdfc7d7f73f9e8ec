"""From a group of sentences to an ``Incident``: every field, with its evidence and a confidence."""

from __future__ import annotations

import re
from dataclasses import replace

from summarizer.incidents.acled_units import TERRITORIES
from summarizer.incidents.actors import (
    CIVILIANS,
    EXTERNAL,
    HARMED,
    IDENTITY,
    MILITIA,
    PROTESTERS,
    REBELS,
    RIOTERS,
    STATE,
    ActorMention,
    clash_told,
    counter_protest,
    find_actors,
    fought_among_themselves,
    order_actors,
    own_blast,
    unknown_attacker,
)
from summarizer.incidents.counts import SANE_LIMIT, Count
from summarizer.incidents.events import (
    BATTLES,
    CIVILIAN_TARGET,
    EXPLOSIONS,
    PROPERTY_TARGET,
    PROTESTS,
    RIOTS,
    STRATEGIC,
    VIOLENCE,
    Classification,
    attack_target,
    crowd_attacked,
    crowd_fought,
    crowd_turned_violent,
    mentions_arrest,
    mentions_protest,
    states_demand,
)
from summarizer.incidents.gazetteer import Gazetteer, Place
from summarizer.incidents.grouping import OPENING_QUOTES, Draft, after_quote
from summarizer.incidents.model import Evidence, Incident
from summarizer.incidents.places import DIRECTION_ADJECTIVE, PlaceMention
from summarizer.incidents.reading import SentenceFacts
from summarizer.incidents.roles import assign_roles
from summarizer.incidents.tolls import Figure, combine

__all__ = ["build_incident"]

# Place strength of a name known only from a preposition ("in X"): a landmark is more precise.
_WEAK_PLACE = 3
# Event types that kill: when an incident has dead, one of these names it rather than looting or arson.
_LETHAL = frozenset({BATTLES, EXPLOSIONS, VIOLENCE})
_ARRESTS = "Arrests"
# The sides arrested after an attack who may have done it: armed groups, not crowds or bystanders.
_SUSPECT_KINDS = frozenset({REBELS, MILITIA, IDENTITY})
# Arrested people tied to the attack told before ("suspected of planting", "in connection with the
# bombing", "over the attack").
_TIED_TO_ATTACK = re.compile(
    r"\b(?:suspected of|accused of|in connection with|(?:involved|implicated) in|behind the"
    r"|(?:over|for) the (?:attack|bombing|blast|killing|shooting|ambush|assault|explosion)s?)\b",
    re.IGNORECASE,
)

_ARMED_VICTIMS = re.compile(
    r"\b(?:soldiers?|troops|servicem[ae]n|police(?:m[ae]n| officers)?|militants?|fighters?|insurgents?"
    r"|rebels?|gunmen|militiamen"
    # guards, but not the unarmed ones ACLED counts as civilians ("a school guard", "night guards")
    r"|(?<!school )(?<!night )(?<!shop )(?<!farm )(?<!market )guards?"
    r"|jihadists?|personnel|officers?|rangers?|gang members?|gangsters?"
    r"|(?:drug )?traffickers?|drug dealers?"
    # members of an armed group, named or not, not of a party, a union or a church
    r"|(?:alleged|suspected|presumed) members? of (?!(?:[\w'’-]+ ){0,3}?(?:party|parties|opposition|unions?"
    r"|associations?|clubs?|church|congregation|committee|council|parliament|famil(?:y|ies)|community"
    r"|cooperative|charity|staff|board|press)\b))\b",
    re.IGNORECASE,
)
# Acts that destroy or carry off things ("torched a warehouse", "drove off with the sacks").
# Places that hold customers whenever open: armed men attacking one attack the people in it unless
# the report tells what they did to the building ("gunmen attacked a hotel" is an attack).
_CUSTOMERS_PLACE = re.compile(
    r"\b(?:bars?|restaurants?|hotels?|cafes?|cafés?|nightclubs?|clubs?)\b", re.IGNORECASE
)
_PROPERTY_ACT = re.compile(
    r"\b(?:burn(?:ed|t|ing)|set fire|set (?:\w+ )?(?:ablaze|alight|on fire)|torch\w*|loot\w*|ransack\w*"
    r"|vandali[sz]\w*|smash\w*|break(?:ing)?|broke|destroy\w*|damag\w*|raided|stole|steal\w*|plunder\w*"
    r"|(?:carried|carrying|drove|driving|made) off|took away|taking away"
    # incendiaries thrown at things ("threw Molotov cocktails at two shops")
    r"|molotov|petrol bombs?|fire[- ]?bomb\w*|incendiar\w*)\b",
    re.IGNORECASE,
)
# People gathered where an attack took place: a service, prayers, a class.
_PEOPLE_GATHERED = re.compile(
    r"\b(?:mass|prayers?|services?|sermon|congregations?|worshipp?ers|pupils|classes|lessons|wedding"
    r"|funeral|customers|shoppers|guests|inside)\b",
    re.IGNORECASE,
)
# A possessor in the target ("the guard's wife"): not whom the act was done to.
_POSSESSOR = re.compile(r"\b[\w-]+(?:['’]s|s['’])(?=\s|$)")
# A soldier or police officer off duty, or a former one, is attacked as a civilian (ACLED's codebook).
_OFF_DUTY = re.compile(
    r"\boff[- ]duty\b|\b(?:former|retired|ex-) ?(?:soldiers?|servicem[ae]n|police(?:m[ae]n| officers?)?"
    r"|(?:military |army |police )?officers?)\b",
    re.IGNORECASE,
)
# How ACLED's names of police forces begin ("Police Forces of Kenya").
_POLICE_FORCES_PREFIX = "Police Forces of"
_FAKE = re.compile(r"\b(?:fake|hoax|replica|imitation|dummy)\b", re.IGNORECASE)
# Anything protesters throw, incendiaries and fireworks too (wider than the stones of a riot cue):
# "protesters threw stones and petrol bombs" is a violent demonstration, not an explosion.
# Shots fired into the air or warning shots: how forces break up a crowd without shooting at it (the
# sentence says so: not soldiers who protest by firing into the air).
_SHOTS_IN_AIR = re.compile(r"\b(?:warning shots|(?:into|in) the air)\b", re.IGNORECASE)
_DISPERSAL = re.compile(r"\b(?:dispers\w+|break up|broke up|scatter\w*)\b", re.IGNORECASE)
# A place entered or handed over without a fight (ACLED's non-violent transfer of territory).
_UNOPPOSED = re.compile(
    r"\bwithout (?:(?:a|any|much) )?(?:fight(?:ing)?|resistance|clash(?:es)?|bloodshed"
    r"|a shot (?:being )?fired)\b",
    re.IGNORECASE,
)
# "did not give up without a fight", "refused to surrender it without a fight": there was one.
_NOT_UNOPPOSED = re.compile(
    r"\b(?:not|n't|never|refus\w+ to|vowed not to|won't|would not) (?:[\w-]+ ){0,6}?without\b", re.IGNORECASE
)
# People driven from their homes by fighting: "forced 500 villagers to flee", "were displaced after".
_DISPLACED = re.compile(
    r"\b(?:forc(?:ed|ing) (?:[\w,-]+ ){0,5}?to (?:flee|leave|abandon)|(?:were|was|have been|had been)"
    r" displaced|fled their (?:homes|villages))\b",
    re.IGNORECASE,
)
_TERRITORY_TAKEN = frozenset({"Non-state actor overtakes territory", "Government regains territory"})
_MISSILES_THROWN = re.compile(
    r"\b(?:throw(?:ing|n)?|threw|hurl(?:ed|ing)?)\s+(?:\w+\s+){0,3}?(?:projectiles?|stones?|rocks?|bottles?"
    r"|bricks?|molotov|petrol bombs?|fireworks|eggs)\b",
    re.IGNORECASE,
)
_RECALLED = re.compile(r"(?:After|Following|Since|Before) (?:the|this|that|these|those) [^,]{1,50},")
_ATTRIBUTION = re.compile(
    r"^(?:(?:\w+\s+){0,4}(?:said|say|says|reported|told \w+)(?: that)?,?\s+|according to [^,]{1,60},\s*)",
    re.IGNORECASE,
)


def _casualty_total(
    reads: list[SentenceFacts], attribute: str
) -> tuple[int | None, Count | None, list[SentenceFacts]]:
    """An incident's toll from its sentences (``tolls.combine``): the figure, its range, the sentences."""
    figures: list[Figure] = []
    sources: list[SentenceFacts] = []
    for read in reads:
        value = getattr(read.casualties, attribute)
        if value is None:
            continue
        sources.append(read)
        fatalities = attribute == "fatalities"
        figures.append(Figure.of(read.casualties, read.sentence.text, value, fatalities=fatalities))
    total, span = combine(figures, max((read.casualties.split for read in reads), default=1))
    return total, span, sources


def _summary(text: str) -> str:
    text = _ATTRIBUTION.sub("", text).strip()
    text = text[:1].upper() + text[1:]
    if len(text) <= 220:
        return text
    return text[:220].rsplit(" ", 1)[0] + " …"


def _placed(read: SentenceFacts, *, beyond_speakers: bool = False) -> bool:
    """Whether a sentence names a place; ``beyond_speakers``: one besides where people spoke from
    (strength 0)."""
    found = read.places
    if found is None:
        return False
    places = [m for m in found.places if m.strength > 0] if beyond_speakers else found.places
    return bool(places or found.landmarks or found.regions)


# What joins a place to the known place it lies in: an optional kind word, then a comma, "in" or "of",
# then maybe "the" and a direction ("Zlat village in northern Y", "Zlat, Y district").
_ATTACHMENT = re.compile(
    rf"(?: [a-z]+)?(?:, | in | of )(?:the )?(?:{DIRECTION_ADJECTIVE} )?(?:parts? of (?:the )?)?"
)


def _attached(text: str, unknown: PlaceMention, known: PlaceMention) -> bool:
    """Whether the known place follows the unknown one as the place it lies in."""
    end = unknown.start + len(unknown.name)
    return known.start > end and _ATTACHMENT.fullmatch(text, end, known.start) is not None


def _unspoken(read: SentenceFacts) -> SentenceFacts:
    """A sentence without the places named after a quotation it opens with ('"They shot at everyone,"
    said a man who fled to X': where the speaker went, not where it happened)."""
    found, text = read.places, read.sentence.text
    if found is None:
        return read
    kept = [m for m in found.places if not after_quote(text, m.start)]
    return read if len(kept) == len(found.places) else replace(read, places=replace(found, places=kept))


def _place_reads(draft: Draft, setting: list[SentenceFacts]) -> list[SentenceFacts]:
    """The sentences that place an incident: its own, else the nearest of its paragraph naming a place.

    ACLED notes and short reports name the place once ("In San Luis Potosi, San Luis Potosi, ...")
    and tell the event in the next sentence; an earlier sentence wins a tie.
    """
    members = [_unspoken(r) for r in draft.members]
    if any(_placed(r) for r in members):
        return members
    first, paragraph = draft.members[0].sentence.index, draft.members[0].sentence.paragraph
    placed = [r for r in setting if r.sentence.paragraph == paragraph and _placed(r)]
    nearest = min(
        placed, key=lambda r: (abs(r.sentence.index - first), r.sentence.index > first), default=None
    )
    return [nearest] if nearest is not None else draft.members


def _place_fields(
    incident: Incident, draft: Draft, gaz: Gazetteer, dominant: str | None, setting: list[SentenceFacts]
) -> list[Evidence]:
    members = _place_reads(draft, setting)
    evidence: list[Evidence] = []
    best = None
    best_read = None
    for read in members:
        if read.places and read.places.places:
            candidate = read.places.places[0]
            # where someone speaks from (strength 0) locates nothing when another sentence of the
            # incident locates it; sentences that only say where people spoke keep their place
            if candidate.strength == 0 and any(
                _placed(other, beyond_speakers=True) for other in members if other is not read
            ):
                continue
            if best is None or candidate.strength > best.strength:
                best, best_read = candidate, read
    landmark = next(((r, lm) for r in members if r.places for lm in r.places.landmarks), None)
    fallback_admin1 = None
    if (
        landmark is not None
        and best is not None
        and best.place is not None
        and best.place.kind != "town"
        and best.strength <= _WEAK_PLACE
    ):
        fallback_admin1 = best.place.admin1
        # "in northern Hasakah ... the countryside of Tal Tamr": the landmark is the more precise place.
        best = PlaceMention(landmark[1].name, landmark[1].start, "landmark", _WEAK_PLACE, landmark[1].place)
        best_read = landmark[0]
    road = next((road for r in members if r.places for road in r.places.roads), None)
    region = next(((r, reg) for r in members if r.places for reg in r.places.regions), None)
    if (
        region is not None
        and best is not None
        and best.strength == 0
        and best.place is not None
        and region[1].country_code == best.place.country_code
        and not gaz.same_region(best.place.admin1 or "", region[1].admin1 or "", region[1].country_code)
    ):
        best = best_read = None  # "fighters based in X attacked ... in Y province": Y, not a place outside it
    if (
        region is not None
        and best_read is not None
        and region[0] is not best_read
        and best is not None
        and best.place is not None
        and best.place.admin1
        and region[1].country_code == best.place.country_code
    ):
        region = None  # a region another sentence names does not move a place found in its own sentence
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
    if region is None and located is None and best is not None and best_read is not None and best_read.places:
        # "in Kafr Bassem town in northern Aleppo": a place the gazetteer lacks lies in the known
        # place its sentence puts the event at, whose units and country it takes
        # only a place attached to it ("X village of Y", "X, Y"), not where victims were taken or
        # attackers fled; its first-level unit only, the second may not hold the village
        text = best_read.sentence.text
        region = next(
            (
                (best_read, replace(m.place, admin2=None))
                for m in best_read.places.places
                if m.place is not None and m.strength > 1 and _attached(text, best, m)
            ),
            None,
        )
    unit_country = region[1].country_code if region is not None else ""
    here = best_read.places.countries if best_read is not None and best_read.places else []
    if located is not None and unit_country not in {"", located.country_code}:
        if located.country_code in here:
            region = None  # "fired from Gaza City at Sderot, Israel": the place and its country named stand
        else:
            located = None  # "Mabai (Kankara LGA, Katsina)": the units named say where, not a namesake abroad
            incident.latitude = incident.longitude = incident.geo_precision = None
    code = located.country_code if located else None
    if region is not None:
        read, place = region
        incident.admin1 = place.admin1
        code = code or place.country_code or None  # a unit the gazetteer lacks leaves the country open
        evidence.append(Evidence("admin1", read.sentence.index, read.sentence.text))
        if incident.location is None:
            incident.location = place.name
            incident.geo_precision = 3
    elif located is not None:
        incident.admin1 = located.admin1
    incident.admin1 = incident.admin1 or fallback_admin1
    if region is not None and region[1].admin2:
        incident.admin2 = region[1].admin2
    elif located is not None and (region is None or region[1].country_code in {"", located.country_code}):
        incident.admin2 = located.admin2
    if code is None:
        # The country the place's own sentence names; else the article's, before one another sentence
        # names in passing ("the Islamic State of Iraq claimed it"); else any its sentences name.
        named = [c for r in members if r.places for c in r.places.countries]
        code = next(iter(here), None) or dominant or next(iter(named), None)
    if code is None:
        code = next((h.country_code for r in members if r.places for h in r.places.hints), None)
    if code is not None:
        incident.country, incident.iso = gaz.country_name(code), code
    if code in TERRITORIES:  # "protesters marched in Hong Kong": the territory is the unit and the place
        incident.admin1 = incident.admin1 or TERRITORIES[code]
        incident.location = incident.location or TERRITORIES[code]
    return evidence


# A sentence of its own right after the incident whose subject is the victim and whose predicate
# makes them armed or a criminal ("The victim was armed.", "The victims
# were known drug dealers.", "The victim had a long criminal record."): ACLED codes the killing of
# such a victim as an armed clash. The predicate follows the verb directly, so armed men, dealers or
# gangs the victim wrote about, campaigned against or was attacked by ("was ambushed by armed men")
# do not count, nor does a negation ("was not armed").
_VICTIM_TOLD_ARMED = re.compile(
    r"\bthe victims? (?:\w+ ){0,2}?"
    r"(?:(?:was|were) (?:(?:reportedly|allegedly|also|heavily|(?:believed|said|known) to be) )?armed\b"
    r"|(?:was|were) (?:an? )?(?:(?:known|suspected|alleged|reputed|notorious|former) )?"
    r"(?:drug[- ]traffickers?|traffickers?|drug dealers?|gang members?|members? of (?:an? |the )?(?:\w+ )?"
    r"(?:gang|cartel))\b"
    r"|(?:had|has|have) (?:an? )?(?:long |lengthy |extensive )?(?:criminal|police) records?\b"
    r"|(?:had|has|have) (?:previously )?been (?:charged with|convicted of|wanted for|jailed for|arrested for)"
    r" (?:drug[- ])?trafficking\b)",
    re.IGNORECASE,
)


def _victim_told_armed(draft: Draft, setting: list[SentenceFacts]) -> bool:
    """Whether a sentence within two after the incident's last, in its paragraph, tells the victim armed."""
    last = draft.members[-1].sentence
    return any(
        r.sentence.paragraph == last.paragraph
        and 0 < r.sentence.index - last.index <= 2
        and _VICTIM_TOLD_ARMED.search(r.sentence.text) is not None
        for r in setting
    )


def _refine_type(
    event: Classification, actors: list[ActorMention], draft: Draft, setting: list[SentenceFacts]
) -> tuple[str, str]:
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
    killed = any(r.casualties.fatalities for r in draft.members)
    told = next((r.sentence.text for r in draft.members if r.event is event), "")
    by_crowd = event_type in {VIOLENCE, STRATEGIC} and crowd_attacked(told, event.start)
    if by_crowd and sub_type in {"Attack", "Looting/property destruction"}:
        # "protesters burned a bank", "locals beat up a suspected thief": a crowd's violence is a riot.
        return RIOTS, "Violent demonstration" if protest else "Mob violence"
    if protest and event_type == EXPLOSIONS and _MISSILES_THROWN.search(told):
        # "protesters threw stones and projectiles": a violent demonstration, not shelling.
        return RIOTS, "Violent demonstration"
    protested = any(r.event is not None and r.event.event_type == PROTESTS for r in draft.members)
    if sub_type == _ARRESTS and (protest or protested):
        return PROTESTS, "Protest with intervention"  # "... marched in a town. Police detained nine."
    air_shots = sub_type == "Other" and bool(_SHOTS_IN_AIR.search(event.cue) and _DISPERSAL.search(told))
    if air_shots and protest and not any(crowd_turned_violent(r.sentence.text) for r in draft.members):
        return PROTESTS, "Protest with intervention"  # "fired into the air to disperse the protesters"
    hurt = killed or any(r.casualties.injuries for r in draft.members)
    if sub_type == "Armed clash" and not hurt and len(actors) < 2 and _DISPLACED.search(told):
        return STRATEGIC, "Other"  # "villagers fled fighting nearby": no sides named, the flight is the event
    if (
        sub_type in _TERRITORY_TAKEN
        and not hurt
        and _UNOPPOSED.search(told)
        and not _NOT_UNOPPOSED.search(told)
    ):
        return STRATEGIC, "Non-violent transfer of territory"  # "entered the town without resistance"
    if sub_type == "Protest with intervention" and killed:
        return PROTESTS, "Excessive force against protesters"  # "tear gas ... one protester died"
    if protest and event_type in {VIOLENCE, BATTLES, STRATEGIC}:
        state_first = bool(actors) and actors[0].kind == STATE
        state_killing = killed and any(
            a.kind == STATE for a in actors
        )  # "clashed with soldiers ... 8 killed"
        if event_type != STRATEGIC and ((state_first and (victims or sub_type == "Attack")) or state_killing):
            return PROTESTS, "Excessive force against protesters"
        if PROTESTERS in kinds or RIOTERS in kinds:
            return RIOTS, "Violent demonstration"
    organised = kinds & {REBELS, MILITIA, IDENTITY, EXTERNAL}
    if sub_type == "Government regains territory" and not organised:
        # "inmates protested ... police regained control of the prison": the crowd's event, not a battle
        if any(crowd_turned_violent(r.sentence.text) for r in draft.members):
            return RIOTS, "Violent demonstration" if protest else "Mob violence"
        end = told.find(";", event.start)
        clause = told[told.rfind(";", 0, event.start) + 1 : end if end >= 0 else len(told)]
        if mentions_protest(clause):  # the protest told with the regaining: "protested until guards regained"
            return PROTESTS, "Protest with intervention"
    if (
        sub_type == "Armed clash"
        and not organised
        and (protested or any(crowd_fought(r.sentence.text) for r in draft.members))
    ):
        # "two groups clashed over land", "youths clashed with police", a clash when the police broke up
        # a protest: a riot, not a battle.
        return RIOTS, "Violent demonstration" if protest or STATE in kinds else "Mob violence"
    if sub_type == "Abduction/forced disappearance" and killed:
        sub_type = "Attack"  # taken and then killed: the killing is the event
    if sub_type == "Attack":
        refined = _attack_type(
            event, told, actors, draft, setting, armed=armed, armed_victims=armed_victims, kinds=kinds
        )
        return refined or (event_type, sub_type)
    if sub_type == "Armed clash" and len(armed) < 2 and CIVILIANS in kinds and victims and not armed_victims:
        return VIOLENCE, "Attack"
    if (
        sub_type == "Violent demonstration"
        and not protest
        and not any(states_demand(r.sentence.text) for r in draft.members)
    ):
        return RIOTS, "Mob violence"  # stones thrown, a riot, with no demonstration or demand: a mob's
    return event_type, sub_type


def _attack_type(
    event: Classification,
    told: str,
    actors: list[ActorMention],
    draft: Draft,
    setting: list[SentenceFacts],
    *,
    armed: list[ActorMention],
    armed_victims: bool,
    kinds: set[str],
) -> tuple[str, str] | None:
    """What an attack told in ``told`` is when not violence against civilians: things destroyed or
    people arrested with nobody hurt, a fight of armed sides; None when it stays an attack. Each
    test is read only when the ones before leave the answer open (``armed``: the sides not unarmed;
    ``kinds``: the kinds of every side)."""
    # Whom the act was done to: "stabbed two border guards", "a customs officer was ambushed" (armed);
    # "shot dead two brothers", "killed a driver" (unarmed, whatever forces the sentence names in
    # passing: "intruders wearing army fatigues"); "looted four grain stores" (things).
    target = _POSSESSOR.sub("", attack_target(told, event.start, event.start + len(event.cue.rstrip())))
    armed_target = bool(_ARMED_VICTIMS.search(target))
    unarmed_target = not armed_target and bool(CIVILIAN_TARGET.search(target))
    harmed = any(
        r.casualties.fatalities or r.casualties.injuries or HARMED.search(r.sentence.text)
        for r in draft.members
    )
    if not harmed:
        # Things attacked with nobody hurt: destroyed or carried off ("torched a warehouse"), or attacked
        # by armed men with nobody there; never "attacked a church during mass" (people present).
        destroyed = _PROPERTY_ACT.search(told) is not None or (
            bool(armed)
            and not CIVILIAN_TARGET.search(told)
            and not _PEOPLE_GATHERED.search(told)
            and not _CUSTOMERS_PLACE.search(target)
        )
        if not unarmed_target and destroyed and PROPERTY_TARGET.search(target):
            return STRATEGIC, "Looting/property destruction"  # "raided four grain stores": nobody hurt
        if any(mentions_arrest(r.sentence.text) for r in draft.members):
            return STRATEGIC, _ARRESTS
    if any(_OFF_DUTY.search(r.sentence.text) for r in draft.members):
        return None
    # Forces named only as harmed ("a police sergeant was shot") are armed victims too.
    forces_harmed = any(a.kind == STATE and a.victim for a in actors)
    armed_sides = len(armed) >= 2 or (CIVILIANS not in kinds and (armed_victims or forces_harmed))
    if (armed_sides and not unarmed_target) or armed_target or _victim_told_armed(draft, setting):
        return BATTLES, "Armed clash"
    return None


def _recalled(read: SentenceFacts) -> bool:
    """Whether the sentence's event cue only opens it as a time ("After the clashes, the army said ...")."""
    opening = _RECALLED.match(read.sentence.text)
    return opening is not None and read.event is not None and read.event.start < opening.end()


def _bystander(
    actor: ActorMention, read: SentenceFacts, primary: SentenceFacts, event: Classification
) -> bool:
    """State forces that answered an attack on civilians rather than made it, unless named as its
    agent or claimant: those that "responded" or "arrived", police named only in other sentences
    than the one telling the attack (called, giving the toll, hurt, or shooting the attacker), and
    other forces named there without acting ("the Mexican government said"; not "soldiers opened fire").
    Forces harmed are the target when the sentence telling the attack names none ("Assailants opened
    fire on a checkpoint. Two soldiers were killed.")."""
    if actor.kind != STATE or event.event_type != VIOLENCE or actor.passive_agent or actor.claimant:
        return False
    if read is primary:
        return actor.responder
    if actor.victim and not any(a.victim or a.kind == CIVILIANS for a in primary.actors):
        return False
    return actor.name.startswith(_POLICE_FORCES_PREFIX) or not actor.acting


def _arrest_after(read: SentenceFacts, primary: SentenceFacts, event: Classification) -> bool:
    """Whether a sentence of a killing, a bombing or a fight only tells arrests after it: those who
    made them answered the violence, they took no side in it."""
    return (
        read is not primary
        and event.event_type in _LETHAL
        and read.event is not None
        and read.event.sub_event_type == _ARRESTS
        and read.sentence.index > primary.sentence.index
    )


def _suspects(
    read: SentenceFacts, actors: list[ActorMention], known: list[ActorMention]
) -> list[ActorMention]:
    """The sides a sentence of arrests after an attack names: never the force that made them, which
    answered the violence; the armed group its suspects belong to only when the sentence ties them
    to the attack and no side named so far acted ("Police arrested three Boko Haram members
    suspected of planting the bomb"), since forces that killed fighters often arrest their comrades
    too ("troops killed 6 militants and arrested 4 members"), who did not attack."""
    if any(_initiator(a) for a in known) or not _TIED_TO_ATTACK.search(read.sentence.text):
        return []
    return [replace(a, victim=False, claimant=True) for a in actors if a.kind in _SUSPECT_KINDS]


def _quoted(setting: list[SentenceFacts], paragraphs: set[int]) -> frozenset[int]:
    """The indexes of the sentences of ``paragraphs`` that open inside a quotation: with a quotation
    mark, or after an odd number of straight quotation marks (or more opening than closing curly
    ones) earlier in their paragraph."""
    inside: set[int] = set()
    paragraph, straight, curly = -1, 0, 0
    for read in setting:
        if read.sentence.paragraph not in paragraphs:
            continue
        text = read.sentence.text
        if read.sentence.paragraph != paragraph:
            paragraph, straight, curly = read.sentence.paragraph, 0, 0
        if straight or curly or text[:1] in OPENING_QUOTES:
            inside.add(read.sentence.index)
        straight = (straight + text.count('"')) % 2
        curly = max(0, curly + text.count("“") - text.count("”"))
    return frozenset(inside)


def _lead_in(draft: Draft, setting: list[SentenceFacts]) -> SentenceFacts | None:
    """The sentence just before an incident's first, in its paragraph, when it reports no event itself.

    Notes and reports often name a side first and tell the fight next ("The Military Police carried
    out an operation in X. A shoot-out broke out ...").
    """
    anchor = draft.members[0].sentence
    return next(
        (
            r
            for r in setting
            if r.sentence.index == anchor.index - 1
            and r.sentence.paragraph == anchor.paragraph
            and r.event is None
        ),
        None,
    )


def _gather_actors(
    draft: Draft,
    primary: SentenceFacts,
    setting: list[SentenceFacts],
    gaz: Gazetteer,
    *,
    event: Classification,
    country: str | None,
    same_country: bool,
) -> list[ActorMention]:
    """The sides an incident's sentences name, its event sentence first, until two are known.

    Event sentences were read for actors with the article's country (``same_country``): they are
    read again only for another. A later claim ("JNIM claimed responsibility") still counts once two
    sides are known; with fewer, the sentence before the incident is read too. Bystanders (forces
    that only answered an attack on civilians) are left out.
    """
    actors: list[ActorMention] = []
    complete = False
    quoted = _quoted(setting, {r.sentence.paragraph for r in draft.members})
    reads = [primary, *[r for r in draft.members if r is not primary]]
    # The narrator's sentences first: a quoted statement is one side's account, read only for what
    # the narrator's sentences leave untold.
    reads.sort(key=lambda r: r.sentence.index in quoted)
    for read in reads:
        known = same_country and read.event is not None
        if complete and not known and "claim" not in read.sentence.text:
            continue  # two sides are known: only a claim of the attack can still change them
        read_actors = read.actors if known else find_actors(read.sentence.text, gaz, country)
        read_actors = [a for a in read_actors if not _bystander(a, read, primary, event)]
        if _arrest_after(read, primary, event):
            read_actors = _suspects(read, read_actors, actors)
        told_by: set[str] = set()
        if actors and read.sentence.index in quoted:
            # "They fired 36 shells at our posts", said the agency: what a side's own account says
            # happened to it names no side the narrator's sentences have not; the attacker it names
            # does, when the narrator named none by name ("Gunmen attacked the post, the army said").
            narrated = any(_initiator(a) for a in actors)
            read_actors = [a for a in read_actors if a.claimant or not (a.victim or narrated)]
            told_by = {a.name for a in read_actors if _initiator(a)}
        # Every mention of a side named in this sentence counts ("killed ... attacks by Taliban").
        seen = {x.name for x in actors}
        actors.extend(
            a for a in read_actors if a.claimant or a.name in told_by or (not complete and a.name not in seen)
        )
        complete = len({a.name for a in actors}) >= 2
    lead_in = _lead_in(draft, setting) if not complete else None
    if lead_in is not None:
        seen = {x.name for x in actors}
        lead_actors = find_actors(lead_in.sentence.text, gaz, country)
        actors.extend(
            a for a in lead_actors if a.name not in seen and not _bystander(a, lead_in, primary, event)
        )
    if not any(_initiator(a) for a in actors):
        actors.extend(_named_later(draft, setting, gaz, country))
    return actors


# How many paragraphs after an incident a full-length article may still name who did it, and the
# words such a sentence uses ("Police blamed the X group", "the suspects were linked to X").
_CLAIM_PARAGRAPHS = 2
_CLAIM_CUE = re.compile(r"claim|blame|suspect|attribut|behind|responsib|linked|hallmark|accuse", re.I)


def _named_later(
    draft: Draft, setting: list[SentenceFacts], gaz: Gazetteer, country: str | None
) -> list[ActorMention]:
    """Who did it, when the incident's sentences name nobody who did: the first sentence among or after
    the incident's that names a claimant, within two paragraphs of its last sentence and before the
    article tells another event (whose sides are that event's); the next sentence of its paragraph
    may name them as the agent as well ("The mine was planted by X", "X are the suspected attackers")."""
    first, last = draft.members[0].sentence, draft.members[-1].sentence
    members = {r.sentence.index for r in draft.members}
    named: list[ActorMention] = []
    for read in setting:
        index, paragraph = read.sentence.index, read.sentence.paragraph
        if index <= first.index or index in members:
            continue
        if paragraph > last.paragraph + _CLAIM_PARAGRAPHS or (read.event is not None and index > last.index):
            break
        follow_up = index == last.index + 1 and paragraph == last.paragraph
        if read.event is None and (follow_up or _CLAIM_CUE.search(read.sentence.text)):
            found = find_actors(read.sentence.text, gaz, country)
            named += [
                a for a in found if a.claimant or (follow_up and a.passive_agent and a.kind != CIVILIANS)
            ]
            if any(a.claimant for a in named) or any(_initiator(a) for a in named):
                return named
    return named


def _initiator(actor: ActorMention) -> bool:
    """Whether a side named in an incident may have started it: not harmed nor answering, not a crowd,
    and known by name ("gunmen" may still be named in the next sentence)."""
    return (
        actor.kind != CIVILIANS
        and not actor.victim
        and not actor.responder
        and not actor.name.startswith("Unidentified")
    )


def _event_fields(
    incident: Incident, draft: Draft, gaz: Gazetteer, dominant: str | None, setting: list[SentenceFacts]
) -> list[Evidence]:
    scored = [r for r in draft.members if r.event is not None]
    if any(r.casualties.fatalities for r in draft.members):
        # People were killed: the killing, not the burning or looting that came with it, is the event.
        scored = [r for r in scored if r.event is not None and r.event.event_type in _LETHAL] or scored
    # "a fake suicide vest": a weapon said to be fake was not used; "After the exchange of fire, X
    # said ...": an event recalled in passing. Another sentence tells the event.
    real = [r for r in scored if not _FAKE.search(r.sentence.text) and not _recalled(r)] or scored
    # Weapons seized or shot down, looting told in another sentence than a fight or an attack: part of it.
    if any(r.event is not None and r.event.event_type in _LETHAL for r in real):
        real = [r for r in real if r.event is not None and r.event.event_type != STRATEGIC]
    best = max(real, key=lambda r: r.event.rank if r.event else 0)
    assert best.event is not None
    event = best.event
    country = incident.country
    primary = scored[0]
    same_country = country == (gaz.country_name(dominant) if dominant else None)
    ordered = order_actors(
        _gather_actors(draft, primary, setting, gaz, event=event, country=country, same_country=same_country)
    )
    event_type, sub_type = _refine_type(event, ordered, draft, setting)
    incident.event_type, incident.sub_event_type = event_type, sub_type
    incident.outcome = event.outcome or event.cue.lower()
    # Only a sentence that tells the fight can say who fought whom ("two families" named elsewhere do not).
    among_themselves = any(
        fought_among_themselves(r.sentence.text) for r in draft.members if r.event is not None
    )
    paragraphs = {r.sentence.paragraph for r in draft.members}
    if event_type == PROTESTS and not among_themselves:
        # A counter-protest told anywhere in the protest's paragraphs: protesters against protesters.
        among_themselves = any(
            counter_protest(r.sentence.text) for r in setting if r.sentence.paragraph in paragraphs
        )
    where = (
        (incident.latitude, incident.longitude)
        if incident.latitude is not None and incident.longitude is not None
        else None
    )
    actor1, actor2 = assign_roles(
        event_type,
        sub_type,
        ordered,
        country,
        when=incident.event_date,
        where=where,
        among_themselves=among_themselves,
        crowds_clashed=event_type == RIOTS
        and any(clash_told(r.sentence.text) for r in draft.members if r.event is not None),
        people_harmed=bool(incident.fatalities or incident.injuries)
        and not _ARMED_VICTIMS.search(" ".join(v for r in draft.members for v in r.casualties.victims)),
        own_blast=any(own_blast(r.sentence.text) for r in draft.members),
        unknown_attacker=any(
            unknown_attacker(r.sentence.text) for r in setting if r.sentence.paragraph in paragraphs
        ),
    )
    if actor1 is not None:
        incident.actor1, incident.actor1_type = actor1
    if actor2 is not None:
        incident.actor2, incident.actor2_type = actor2
    incident.summary = _summary(primary.sentence.text)
    evidence = [Evidence("event_type", best.sentence.index, best.sentence.text)]
    if ordered:
        evidence.append(Evidence("actors", primary.sentence.index, primary.sentence.text))
    return evidence


def build_incident(
    draft: Draft, gaz: Gazetteer, dominant: str | None, setting: list[SentenceFacts]
) -> Incident:
    """The incident a draft reports; ``setting`` (every sentence read) places it when its own do not."""
    incident = Incident()
    evidence: list[Evidence] = []
    if draft.date is not None:
        incident.flags.extend(draft.date.flags)
    if draft.date_value is not None and draft.date_read is not None:
        incident.event_date, incident.date_precision = draft.date_value.iso(), draft.date_value.precision
        evidence.append(Evidence("event_date", draft.date_read.sentence.index, draft.date_read.sentence.text))
    elif "impossible_date" not in incident.flags:
        incident.flags.append("undated")
    evidence.extend(_place_fields(incident, draft, gaz, dominant, setting))
    for attribute in ("fatalities", "injuries"):
        total, span, sources = _casualty_total(draft.members, attribute)
        if total is not None and total > SANE_LIMIT:
            incident.flags.append(f"implausible_{attribute}")
        setattr(incident, attribute, total or 0)
        if attribute == "fatalities" and span is not None:
            incident.fatalities_range = span
        evidence.extend(Evidence(attribute, r.sentence.index, r.sentence.text) for r in sources)
    # Who was harmed decides the roles (people a blast hurt are its target): the toll is read first.
    evidence.extend(_event_fields(incident, draft, gaz, dominant, setting))
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
