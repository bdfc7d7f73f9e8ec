"""Where an incident happened: places named in a sentence, their relation to a landmark, roads.

``find_places`` reads one sentence and returns what it states about location: named places with
the cue that introduced them ("Hamo village", "the city of Qamishli", "in Marte (Borno)"),
landmarks with a relation ("southwest of" Qamishli, "eastern countryside of" Qamishli), roads
("M4 Motorway"), regions ("Hasakah province") and countries ("in Syria"). The gazetteer resolves
names to countries and coordinates; names it does not know are kept when the text itself marks
them as places.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from summarizer.incidents.city_parts import PART_KM, part_of_city
from summarizer.incidents.cues import scan
from summarizer.incidents.gazetteer import REGION_ALIASES, Context, Gazetteer, Place, fold
from summarizer.incidents.merge import distance_km
from summarizer.incidents.names import short_unit_name
from summarizer.incidents.unit_lists import place_of_list

__all__ = [
    "DIRECTION_ADJECTIVE",
    "Landmark",
    "PlaceMention",
    "SentencePlaces",
    "find_places",
    "mentioned_countries",
]

# Name particles: Arabic articles only when hyphenated ("an-Nabk"; "an", "as", "at" are English words).
_PARTICLE = r"(?:(?:al|el|ibn|bin|de|du|la|le|von|van)\s|(?:[Aa]l|[Ee]l|an|ar|as|ash|ad|at|az)-)"
# A word runs on through hyphens ("Stratford-upon-Avon", "Ras al-Ain" is two words), so up to four
# words are joined only by separators holding a space: a hyphen is never both inside a word and
# between two, which would let a failed match try every way of cutting "A-B-C-..." into words.
# A capital: also one with a mark ("Şırnak", "Ávila", "Čakovec"); Latin Extended-A is taken whole.
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ž"
_WORD = rf"(?:[{_UPPER}][\w'’.-]*[\w]|[{_UPPER}])"
_LINKS = r"(?:al|el|ez|es|ed|ad|az|bin|de|du|la|dos|das|do|da|del|di|des)"
# "de los", "de las", "de la": Spanish names join words with two particles ("Leon de los Aldama").
_JOINER = rf"(?:{_PARTICLE}|{_LINKS}[ -](?:(?:los|las|la) )?)"
_SEPARATOR = rf"(?: {_JOINER}?|-(?:(?:al|el|ibn|bin|de|du|la|le|von|van)\s|{_LINKS} ))"
NAME = rf"(?:{_PARTICLE}?{_WORD}(?:{_SEPARATOR}{_WORD}){{0,3}})"
# Patterns that start with a name: when one fails from a capital, it fails from every later letter
# of the same word too (they reach the same ends), so the alternative after "|" reads past the word
# (a match without ``name``, skipped) instead of trying again from each letter. It stops before a
# particle that ends the word ("...ibn "), since a name may start there and go on past the word.
_PAST_WORD = rf"|[{_UPPER}](?:(?!(?:al|el|ibn|bin|de|du|la|le|von|van)\s)[\w'’.-])*+"

_SETTLEMENT = (
    r"village|town|city|hamlet|neighbou?rhood|district|suburb|settlement|locality|municipality|commune"
    r"|quarter|area|mountains?|hills|valley|desert|forest|island|islands|plains?|streets|villages|towns"
    r"|centre|center|countryside|areas|parts|districts|neighbou?rhoods"
)
_FACILITY = (
    r"checkpoint|base|air ?base|military base|airport|airfield|border crossing|crossing|market|bazaa?r|bridge"
    r"|dam|oil field|gas field|outpost|prison|hospital|mosque|church|school|university|camp"
    r"|refugee camp|port|police station|barracks|junction|roundabout|square|stadium|refinery"
    r"|power plant|station|reserve|national park|displacement camp|displaced persons camp|IDP camp"
    r"|displacement site|nightclub|restaurant|hotel"
)
_REGION = r"province|governorate|state|region|oblast|prefecture|county|department|wilaya"
# A facility's or a region's kind alone ("checkpoint", "province"), compiled once: read for many matches.
_FACILITY_KIND = re.compile(_FACILITY)
_REGION_KIND = re.compile(_REGION)
_DIRECTION = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"

_PAREN = re.compile(
    rf"\b(?:in|at|near|of|around|outside|on|into|hit|struck|shelled|attacked|stormed|captured|seized"
    rf"|targeted)\s+(?:the\s+)?(?P<name>{NAME})\s+\((?P<admins>(?:[A-Z]|[a-z][A-Z])[^()]{{1,79}})\)"
)
# Any parenthesis of capitalized names may list the admin areas: "(Douentza, Mopti)", "(eThekwini, ...)".
_ADMINS = re.compile(r"\((?P<admins>(?:[A-Z]|[a-z][A-Z])[^()]{1,60})\)")
_NAME_KIND = re.compile(
    rf"(?P<name>{NAME})\s+(?P<kind>{_SETTLEMENT}|{_FACILITY}|(?-i:Bridge|Market|Square|Airport|Camp))\b"
    + _PAST_WORD
)
_KIND_NAME = re.compile(
    rf"\b(?P<kind>{_SETTLEMENT}|{_FACILITY}|{_REGION}|(?-i:Municipality|City|Town|Village|District)) of "
    rf"(?:(?:central|northern|southern|eastern|western)\s+)?(?P<name>{NAME})"
)
_DIRECTIONAL = re.compile(
    rf"\b(?P<dist>(?i:(?:about |some |around )?\d+(?:\.\d+)?\s*(?:km|kms|kilomet(?:er|re)s?|miles?"
    rf"|mi)\s+(?:to the\s+)?))?(?P<dir>(?i:{_DIRECTION}))(?P<suffix>ern(?: (?:countryside|outskirts"
    rf"|suburbs|part|side|edge))?)?\s+of\s+(?:the\s+(?:(?:{_SETTLEMENT}|{_REGION}"
    rf"|capital)\s+of\s+)?)?(?P<name>{NAME})"
)
_POSSESSIVE = re.compile(
    rf"(?P<name>{NAME})['’]s\s+(?P<rel>(?:(?:{_DIRECTION})(?:ern)?\s+)?(?:countryside|outskirts|suburbs"
    rf"|province|district|countryside))" + _PAST_WORD,
)
_OUTSKIRTS = re.compile(
    rf"\b(?:outskirts|suburbs|countryside|vicinity"
    rf"|environs) of (?:the\s+(?:{_SETTLEMENT}) of\s+)?(?P<name>{NAME})"
)
_PREPOSITION = re.compile(
    rf"\b(?P<prep>in|at|near|outside|around|into|across|inside|towards?|on|from|between|through|against"
    rf"|throughout|along|over|hit|struck|shelled|attacked|stormed|captured|seized"
    rf"|(?:residents|inhabitants|villagers|townspeople) of"  # "residents of Ahvaz protested"
    rf"|(?:control|capture|recapture) of)"  # "seized control of Hadibu", "announced the capture of X"
    rf"\s+(?:the\s+)?(?:(?:{_SETTLEMENT}|{_REGION}|centre|center|heart|middle) of\s+(?:the\s+)?)?"
    rf"(?:(?:central|northern|southern|eastern|western|downtown|north|south|east"
    rf"|west|(?:north|south)-?(?:east|west)(?:ern)?)\s+)?(?P<rural>rural\s+)?(?P<name>{NAME})"
)
_APPOSITION = re.compile(
    rf"\b(?:capital|city|town|village|port city|provincial capital),?\s+(?P<name>{NAME})"
)
_NAMED_AS_PLACE = 6
_ORIGIN_STRENGTH = 1
# A note that states where it codes the event: "[coded to Athens-Central Athens]", "(coded as Birnin Gwari)".
_CODED = re.compile(
    rf"\b(?i:coded)\s+(?:at\s+(?:the\s+)?approximate\s+location\s+)?(?:to|as|at)\s+(?:the\s+)?(?P<name>{NAME})"
)
_CODED_STRENGTH = 8
_LISTED_STRENGTH = 7
# A title before a name makes it a person's ("of President Jair Bolsonaro", "Governor Zulum's").
# A relative clause the words after it open ("who seized ", "which took ") and a past year after a
# place ("in 2014", "since", "years ago"): background to an event, not its place.
_RELATIVE_BEFORE = re.compile(r"\b(?:who|which|that)\s+(?:had\s+|have\s+|has\s+)?[a-z]+\s+$")
_PAST_TIME_AFTER = re.compile(
    r",?\s+(?:in\s+(?:(?:early|late|mid-?)\s*)?(?:(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December)\s+)?(?:19|20)\d\d\b|since\b|last\s+year\b"
    r"|(?:\w+\s+)?(?:years?|decades?)\s+ago\b)"
)
_TITLE_BEFORE = re.compile(
    r"\b(?:president|prime minister|minister|premier|governor|mayor|senator|colonel|commander|judge"
    r"|dr|mr|mrs|ms|mp|mpa|mla|councill?or|secretary|ambassador|spokes(?:man|woman|person))\.?\s+$",
    re.IGNORECASE,
)
# An unknown facility ("JP hospital") places an event less precisely than any town the text names.
_UNKNOWN_FACILITY = 2
# A camp's kind followed by the units that place it: "camp (Jenin, West Bank)", "refugee camp (Saida, South)".
_CAMP_LISTED = re.compile(r"(?:[Rr]efugee )?[Cc]amp \(")
_UNITS_AFTER = re.compile(rf" \((?P<name>{NAME})")
# The place a parenthesis of units follows: "Kolofata town (Mayo-Sava, Extreme-Nord)", read in a
# window of bounded length before it.
_HEAD = re.compile(rf"(?P<name>{NAME})(?:\s+(?:{_SETTLEMENT}))?\s*$")
_HEAD_REACH = 60
_DATED = re.compile(r"\b\d{4}\b")
# Words of a unit's kind written as part of its name; ACLED's location is the name alone.
# Words before the name of a part of a town ("Barangay Marbel", "Colonia Centro").
_PART_WORD = re.compile(r"(?:Barangay|Colonia)\s")
_UNIT_WORD = re.compile(
    rf"^{_PART_WORD.pattern}+|\s+(?:Upazila|Township|Town|LGA|(?:Rural )?Municipality(?:-\d+)?|District|Payam"
    r"|Tehsil)$"
)
# Parts of a town: ACLED codes the town they belong to ("Bom Jardim neighborhood" in Ipatinga).
_WITHIN_TOWN = frozenset(
    {"neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods", "quarter", "suburb", "streets"}
)
# Kinds of a unit a place lies in, when named in a comma chain after the place ("Sderot, Southern
# district, Israel").
_UNIT_KINDS = frozenset({"district", "municipality", "commune"})
_PLACE_COMMA = re.compile(rf"{NAME},\s+$")
_PLACE_BEFORE_COUNTRYSIDE = re.compile(
    rf"(?P<name>{NAME})(?:,|\s+in(?:\s+the)?)\s+(?:(?:{_DIRECTION}(?:ern)?|rural)\s+)?$"
)
# Words that call a name a town or a part of one: never a first-level region ("Cabanas neighbourhood").
_LOCALITIES = _WITHIN_TOWN | frozenset("village villages town towns city hamlet settlement locality".split())
_LARGE_TOWN = 100_000
# A town this large is meant by its name rather than a first-level unit of the same name elsewhere.
_CITY = 200_000
# A name ending in initials ("Washington D.C"), whose last full stop the sentence's took.
_INITIALS_END = re.compile(r"\b[A-Z]\.[A-Z]$")
# A settlement's numbered part: "Zolote-4", "Sector 7".
_NUMBERED = re.compile(r"(\w[\w' -]*?)[ -]\d{1,2}")
# After a place: the district it lies in ("Kalan area of Bor district": Bor); not a city, whose
# localities ACLED codes to the city.
_OF_PLACE = re.compile(
    rf"(?:\s+(?:{_SETTLEMENT}))?\s+of\s+(?:the\s+)?(?P<name>{NAME})\s+(?i:district|county|LGA|municipality"
    r"|upazila|tehsil|township)\b"
)
_OF_NAME = re.compile(rf"\s+of\s+(?:(?:central|northern|southern|eastern|western)\s+)?{NAME}")
# The second name of a region named "X and Y" ("Sistan and Baluchestan") after the first, the first before it.
_AND_NAME = re.compile(rf"\s+and\s+(?P<name>{NAME})")
_NAME_AND = re.compile(rf"(?P<name>{NAME})\s+and\s+$")
_MAINLY = re.compile(r"\b(?:mainly|mostly|largely|predominantly|majority)\s+$", re.IGNORECASE)
# "(ADF)" after a name spells out an organisation, it does not list admin areas.
_ACRONYM = re.compile(r"[A-Z0-9-]{2,8}")
# "Baghdad's Green Zone": the owner is a place too, and tells the country.
_OWNER = re.compile(rf"(?P<name>{NAME})['’]s\b" + _PAST_WORD)
# The side of a city a part lies in: "central Baghdad", "southwestern Baghdad".
_SIDE = rf"(?:central|{_DIRECTION}(?:ern)?)"
# "the North Zone of Rio de Janeiro", "Cuauhtemoc area of Mexico City": a part of a city ACLED divides.
_PART_OF = re.compile(
    rf"\s+(?:(?:district|area|zone|sector|borough|neighbou?rhood|quarter)\s+)?of\s+"
    rf"(?P<side>{_SIDE}\s+)?(?P<city>{NAME})"  # "the Bayaa neighborhood of southwestern Baghdad"
)
_CITY_WITH_PARTS = 1_000_000
# A town this large is a city: its barangays and colonias are neighbourhoods, not villages.
_CITY_OF_PARTS = 200_000
# Parts of a city named before it ("the Green Zone, Baghdad", "the Old Town of X"), never towns elsewhere.
_PART_NAME = re.compile(r"\b(?:Zone|Quarter|Sector|Old City|Old Town|Bazaar|Medina|Compound)$")
# A city owning the part named next: "Baghdad's " before "Karrada district".
_OWNER_BEFORE = re.compile(rf"(?P<city>{NAME})['’]s\s+(?:the\s+)?$")
_CITY_AFTER = re.compile(rf",\s*(?P<city>{NAME})")
# A place named before a city written with its word, past at most one other part: "Sadr City, Baghdad
# city", "Jamila, Sadr City, Baghdad city" (terrorism-database summaries name a city's parts so).
_CITY_WORD_AFTER = re.compile(rf",\s*(?:{NAME},\s*)?(?P<city>{NAME})\s+city(?=\s*[,.;(]|\s*$)")
_CITY_SIDE_AFTER = re.compile(rf",\s*(?P<side>{_SIDE})\s+(?P<city>{NAME})")
# The town after a part or a facility, past the part's kind word: "Al-Amil neighborhood, Baghdad".
_TOWN_AFTER = re.compile(rf"(?:\s+(?:{_SETTLEMENT})\b)?(?:,\s*|\s*\()(?P<name>{NAME})")
_REGION_AFTER = re.compile(rf"['’]?\s+(?:{_REGION})\b")  # "Ad Dali' governorate"
_GROUP_AFTER = re.compile(
    r"\s+(?:militia\w*|fighters|rebels|insurgents|gunmen|guerrillas|clans?|tribe|tribesmen|forces)\b"
)
# Prepositions after which an unknown capitalized name is still taken as a place.
_PLACE_PREPOSITIONS = frozenset({"in", "near", "at", "outside", "around", "between"})
# Road names: words run on through hyphens and are joined by spaces (see ``NAME``); when a word is
# no road's start, the alternative after "|" reads past it (a match without ``road``).
_ROAD = re.compile(
    rf"\b(?P<road>(?:[A-Z]{{1,2}}-?\d{{1,3}}|[A-Z][\w'’-]+(?:(?: {_LINKS}[ -]| )[A-Z][\w'’-]+){{0,2}})"
    r"\s+(?:Motorway|Highway"
    r"|Expressway|Freeway|Road|motorway|highway|expressway|road))\b|\b[A-Z][\w'’-]*+"
)
# Every road's name ends in one of these words (in either case).
_ROAD_WORDS = ("motorway", "highway", "expressway", "freeway", "road")
# Before a country named as a place: "in (northern) Syria", "of Iraq", ", northern Yemen", or a
# place's name or kind and a comma ("Ataq, Yemen", "(Shabwah), Yemen", "Abyan governorate, Yemen").
DIRECTION_ADJECTIVE = (
    r"(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?"
)
_LOCATIVE = re.compile(
    rf"(?:\b(?:in|into|across|throughout|inside|of)\s+(?:the\s+)?(?:{DIRECTION_ADJECTIVE}\s+)?"
    rf"|,\s+{DIRECTION_ADJECTIVE}\s+|(?:\)|\b(?:{_REGION}|district|city|town|village)),\s+)$",
    re.IGNORECASE,
)
# A name and a comma before a country: the country is where it lies when the name is a place there
# ("Ataq, Yemen"), not when it is another country of a list ("Russia, Iran and Turkey").
_NAME_COMMA = re.compile(rf"(?P<name>{NAME})['’]?,\s+$")
# Who speaks from a place: "a spokesman in Amman said", "officials based in Geneva": where they
# are, not where the events they tell of happened.
_SPEAKER_IN = re.compile(
    r"\b(?:spokes(?:man|woman|person|people)|officials?|sources?|correspondents?|reporters?|journalists?"
    r"|diplomats?|analysts?|embassy|envoys?|ministry|ministers?|government|authorities|monitors?"
    r"|statements?|(?:news |press )?conferences?)"
    r"\s+(?:\w+\s+)?(?:in|from)\s+$",
    re.IGNORECASE,
)
# Where those who act are based: "militants based in Quetta attacked X" (X is where they acted).
_BASED = r"based\s+(?:in|at)\s+(?:the\s+)?$"
_BASED_IN = re.compile(rf"\b{_BASED}", re.IGNORECASE)
# Where someone or something came from or is based: "fighters from Quetta, Pakistan", "fired from the ".
_ORIGIN = re.compile(rf"\b(?:from\s+(?:the\s+)?$|{_BASED})", re.IGNORECASE)
# An open parenthesis: a list of units there may end in a region named like a country ("(Rafi LGA, Niger)").
_OPEN = re.compile(r"\([^()]*$")
# What joins a landmark or a part of a town to the town it lies in ("the Capitol in Washington").
_IN_AFTER = re.compile(r",?\s+in\s+(?:downtown\s+)?")
_REGION_NAME = re.compile(rf"(?P<name>{NAME})['’]?\s+(?:{_REGION})\b" + _PAST_WORD)
# A comma chain of capitalized names: "Daquq city, Kirkuk, Iraq", "Camudlas, Bindoy, Negros Oriental".
# Words are read possessively and at most 40 characters long: a start inside a long hyphenated run
# ("A-A-A-...") then costs a bounded scan, not one to the end of the run. Later names keep their
# particles ("San Jose del Monte", "Rio Grande do Sul", "Gracias a Dios").
_CHAIN_WORD = r"[\w'’.-]{0,40}+"
# A later name may carry its unit's kind ("Libertador municipality, Merida state", "Hit district, Anbar").
_CHAIN_UNIT = rf"(?:{_REGION}|municipality|district|LGA)\b"
# A first-level unit's kind after a listed name, which may name the unit in another country's words.
_KIND_AFTER = re.compile(rf"\s+(?:{_REGION})$")
_CHAIN = re.compile(
    rf"(?P<chain>\b[{_UPPER}]{_CHAIN_WORD}(?: [\w'’.-]{_CHAIN_WORD}){{0,4}}"
    rf"(?:, [{_UPPER}]{_CHAIN_WORD}(?: (?:(?:{_LINKS}|a)[ -])?[{_UPPER}]{_CHAIN_WORD}){{0,3}}"
    rf"(?: {_CHAIN_UNIT})?)+)"
)

# Capitalized words that are never place names on their own.
_NOT_PLACES = frozenset(
    """
    The A An On In At Near Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
    April May June July August September October November December He She It They We I His Her Their Its
    This That These Those There Police Army Sources Officials According Reuters AFP AP Islamic State
    Government Ministry Defense Defence Interior President Prime Minister Sputnik Twitter Facebook Telegram
    Meanwhile However Also Earlier Later Two Three One Four Five Six Several Some Many Local Security
    Forces Military Troops Soldiers Residents Civilians Witnesses Sunni Shia Shiite Kurdish Arab Muslim
    Christian Catholic Orthodox Protestant Anglican Evangelical Coptic Jewish Hindu Buddhist Sikh
    Parliament Congress Senate English Arabic French Islam God Christmas Ramadan Eid Day
    """.split()
)


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A named place the sentence puts an event at."""

    name: str
    start: int
    cue: str
    strength: int
    place: Place | None


@dataclass(frozen=True, slots=True)
class Landmark:
    """A known place the event is placed relative to ("southwest of" Qamishli)."""

    name: str
    relation: str
    start: int
    place: Place | None


@dataclass(slots=True)
class SentencePlaces:
    """Everything one sentence says about location."""

    places: list[PlaceMention]
    landmarks: list[Landmark]
    roads: list[str]
    regions: list[Place]
    countries: list[str]
    hints: list[Place]


_DESCRIPTIVE_SUFFIXES = (
    "-majority",
    "-held",
    "-controlled",
    "-dominated",
    "-populated",
    "-led",
    "-backed",
    "-based",
)


@functools.lru_cache(maxsize=4096)
def _clean_name(name: str) -> str:
    name = name.strip(" .,'’-")
    words = name.split()
    owners = [i for i, word in enumerate(words) if word.endswith(("'s", "’s"))]
    if owners:
        words = words[owners[-1] + 1 :]
    if words and words[-1].lower().endswith(_DESCRIPTIVE_SUFFIXES):
        return ""  # "Catholic-majority", "rebel-held": a description, not a name
    while words and words[0] in _NOT_PLACES:
        words = words[1:]
    return " ".join(words)


def _is_actor_word(name: str, gazetteer: Gazetteer) -> bool:
    first = name.split(maxsplit=1)[0] if name else ""
    # "a South Korean town": a demonym of two words is no more a place than one of one word
    return not name or first in gazetteer.demonyms or name in gazetteer.demonyms or name in _NOT_PLACES


def _relation(match: re.Match[str]) -> str:
    direction = match.group("dir").lower().replace("-", "")
    suffix = (match.group("suffix") or "").lower()
    dist = " ".join((match.group("dist") or "").split()).replace(" to the", "")
    if suffix.startswith("ern"):
        rest = suffix[3:].strip()
        relation = f"{direction}ern {rest} of" if rest else f"{direction}ern part of"
    else:
        relation = f"{direction} of"
    return f"{dist} {relation}".strip()


@functools.lru_cache(maxsize=4096)
def mentioned_countries(sentence: str, gazetteer: Gazetteer) -> tuple[tuple[str, int], ...]:
    """Countries named in ``sentence`` or by demonym, each with how strongly it places the events there.

    6: named as a place ("in Syria", "of Iraq"); 4: its officials or media report ("Russian officials
    said"); 2: any other mention; 1: its forces ("Venezuelan security forces" usually act at home,
    "Israeli forces" often abroad); 0: the origin of a weapon ("Ukrainian drones", "Israeli
    warplanes", "Turkish-backed"), which names who struck, not where. A mission or force that works
    in one country only ("AMISOM", "the OSCE SMM") counts 2 for it. An article asks this of a
    sentence several times (its country, then its places): the answer is kept.
    """
    result: list[tuple[str, int]] = []
    for start, end in _country_mentions(sentence, gazetteer):
        word = sentence[start:end]
        code = gazetteer.country(word) or gazetteer.demonyms.get(word)
        before = sentence[max(0, start - 40) : start]
        if code is None:
            code, weight = gazetteer.organisations[word], 2
        elif _ORGAN_OF.search(before):
            weight = 1  # "military forces of Armenia": whose forces, not where they are
        elif _GROUP_OF.search(before):
            weight = 2  # "the Islamic Resistance in Lebanon fired at Metula": a group's name, no place
        elif (
            gazetteer.country(word) is not None
            and (_LOCATIVE.search(before[-20:]) or _placed_in(before, code, gazetteer))
            and not _OPEN.search(before)
        ):
            weight = _NAMED_AS_PLACE
        elif _REPORTERS_AFTER.match(sentence, end):
            weight = 4
        elif _STRIKERS_AFTER.match(sentence, end):
            weight = 0
        elif _FORCES_AFTER.match(sentence, end):
            weight = 1
        else:
            weight = 2
        result.append((code, weight))
    return tuple(result)


def _placed_in(before: str, code: str, gazetteer: Gazetteer) -> bool:
    """Whether ``before`` ends in a place of country ``code`` and a comma ("Ataq, "), not where
    someone speaks from ("a spokesman in Amman, ") nor where someone came from ("militants from
    Quetta, Pakistan, raided X": the country of their origin, not of the raid)."""
    named = _NAME_COMMA.search(before)
    if named is None or any(p.search(before, 0, named.start()) for p in (_SPEAKER_IN, _ORIGIN)):
        return False
    name = _clean_name(named.group("name"))
    town = gazetteer.town(name, code) if name else None
    return (town is not None and town.country_code == code) or (
        bool(name) and gazetteer.region(name, code) is not None
    )


_REPORTERS_AFTER = re.compile(
    r"\s+(?:\w+\s+)?(?:officials?|authorities|media|news agency|governor|ministry"
    r"|police)\s+(?:\w+\s+)?(?:said|say|says|reported|told|announced)\b"
)
_STRIKERS_AFTER = re.compile(
    r"(?:-led|-backed\s+\w+)?\s+(?:\w+\s+)?(?:drones?|missiles?|rockets?|warplanes|jets|aircraft"
    r"|air ?strikes?|artillery|shelling|navy)\b|-(?:led|backed)\b"
)
_ORGAN_OF = re.compile(
    r"\b(?:forces|military|army|troops|soldiers|government|president|ministry|minister|embassy|citizens?"
    r"|nationals?|authorities|parliament|navy|air force)\s+of\s+(?:the\s+)?"
    r"(?:[A-Z][\w-]*+(?: [A-Z][\w-]*+)?,?\s+(?:and|or)\s+(?:the\s+)?)?$",  # "forces of India and Pakistan"
    re.IGNORECASE,
)
# A jihadist group whose name holds a country ("Islamic Resistance in Iraq", "Islamic State of Iraq",
# "Al-Qaeda in Iraq"), not a party or front placed in one ("a rebel Front in Uganda").
_GROUP_OF = re.compile(r"\b(?:Islamic Resistance|Islamic State|Qaeda|Qaida)\s+(?:in|of)\s+(?:the\s+)?$")
_FORCES_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:forces|troops|soldiers|army|military|militants|fighters)\b")
_COUNTRY_NAMES: dict[int, tuple[re.Pattern[str], dict[str, list[str]]]] = {}


def _country_names(gazetteer: Gazetteer) -> tuple[re.Pattern[str], dict[str, list[str]]]:
    """Where a country name or demonym may start (a word start with one's first letter), and the
    names by their first two letters, longest first."""
    key = id(gazetteer)
    if key not in _COUNTRY_NAMES:
        known = {*gazetteer.countries, *gazetteer.demonyms, *gazetteer.organisations}
        names = sorted(known, key=len, reverse=True)
        by_start: dict[str, list[str]] = {}
        for name in names:
            by_start.setdefault(name[:2], []).append(name)
        initials = "".join(sorted({re.escape(name[0]) for name in names}))
        _COUNTRY_NAMES[key] = (re.compile(rf"(?<![\w.])[{initials}]"), by_start)
    return _COUNTRY_NAMES[key]


def _country_mentions(sentence: str, gazetteer: Gazetteer) -> Iterator[tuple[int, int]]:
    """Spans of the country names and demonyms in ``sentence``, left to right, each the longest
    name that ends at a word's end (one scan for possible starts, then a few prefix checks)."""
    starts, by_start = _country_names(gazetteer)
    end = 0
    for start in starts.finditer(sentence):
        position = start.start()
        if position < end:
            continue
        for name in by_start.get(sentence[position : position + 2], ()):
            after = position + len(name)
            if sentence.startswith(name, position) and not _word_char(sentence[after : after + 1]):
                end = after
                yield position, after
                break


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


class _Spans:
    """Character ranges of a sentence already read as a place (linear-time overlap checks)."""

    def __init__(self, length: int) -> None:
        self._used = bytearray(length)

    def overlaps(self, start: int, end: int) -> bool:
        return any(self._used[start:end])

    def add(self, start: int, end: int) -> None:
        self._used[start:end] = b"\x01" * (end - start)


def find_places(
    sentence: str, gazetteer: Gazetteer, prefer: str | None, context: Context | None = None
) -> SentencePlaces:
    """What ``sentence`` says about where things happened, resolved with ``gazetteer``.

    ``context`` holds the names the whole article uses: a town whose province or district it names wins.
    """
    context = context or Context()

    def town(name: str) -> Place | None:
        return gazetteer.town(name, prefer, context)

    def district(name: str) -> Place | None:
        return gazetteer.district(name, prefer, context)

    places: list[PlaceMention] = []
    landmarks: list[Landmark] = []
    regions: list[Place] = []
    taken = _Spans(len(sentence))
    countries = [
        code for code, weight in mentioned_countries(sentence, gazetteer) if weight == _NAMED_AS_PLACE
    ]

    def add(name: str, span: tuple[int, int], cue: str, strength: int, keep_unknown: bool) -> None:
        start, end = span
        titled = _TITLE_BEFORE.search(sentence[max(0, start - 30) : start] + name.split(" ", 1)[0] + " ")
        name = _clean_name(name)
        named_at = _name_start(sentence, span, name)
        if _is_actor_word(name, gazetteer) or taken.overlaps(start, end) or titled:
            return
        joined = _AND_NAME.match(sentence, end)
        both = f"{name} and {_clean_name(joined.group('name'))}" if joined else ""
        if both and (region := gazetteer.region(both, prefer)) is not None:
            regions.append(region)  # "in Sistan and Baluchestan": one region's name
            taken.add(start, joined.end() if joined else end)
            return
        if _REGION_AFTER.match(sentence, end) or _GROUP_AFTER.match(sentence, end):
            return  # "Kano state" is a region; "Fano militiamen" a group
        # a country's name is no town's, but for the city named like it ("Gaza city", "Djibouti city")
        place = None if gazetteer.country(name) is not None and cue != "city" else town(name)
        if place is None and name.endswith(" City"):  # "Kharkiv City", as ISW names a city
            place = town(name[:-5])
        part = False
        if place is None and (bare := _UNIT_WORD.sub("", name)) and bare != name:
            part = _PART_WORD.match(name) is not None
            name, place = bare, town(bare)  # "Rupganj Upazila", "Barangay Marbel": the place's own name
        if place is None and _INITIALS_END.search(name):
            place = town(f"{name}.")  # "in Washington D.C.": the sentence's full stop is the initials' last
        if place is None and (numbered := _NUMBERED.fullmatch(name)):
            place = town(numbered.group(1))  # "Zolote-4": a numbered part (a mine's settlement) of Zolote
        if place is None and "-" in name:
            # "Athens-Central Athens", "Lima-Rimac": a part of a city; "Kalynove-Borshchuvate": two
            # villages' joint name, placed by the first when it lies in the article's country
            stem = name.split("-", 1)[0]
            place = _city_of_part(stem, town) or _in_country(town(stem), prefer)
        city_of = _PART_OF.match(sentence, end)
        # a known town's name with "the" before it is a part of a city ("the Old Town, Mostar")
        definite = sentence[max(0, start - 4) : start].lower() == "the "
        city_part = (place is None or definite) and _PART_NAME.search(name) is not None
        # "Hurriya, Baghdad city", "Mansour, western Baghdad": a part of a city named after it, when
        # the name is no town of its own ("Daraya, southwestern Damascus" lies in Rural Damascus)
        side = _CITY_SIDE_AFTER.match(sentence, end) if city_of is None else None
        city_word = _CITY_WORD_AFTER.match(sentence, end) if city_of is None else None
        if side is not None or city_word is not None:
            city_of, city_part = side or city_word, True
        if city_of is None and city_part:
            city_of = _CITY_AFTER.match(sentence, end)  # "the Green Zone, Baghdad": a part, then its city
        city = town(_clean_name(city_of.group("city"))) if city_of else None
        sided = city_of is not None and city_of.groupdict().get("side") is not None
        known = (district(name) or place) if city is not None and (sided or city_word) else None
        if city is not None and sided:
            if not (_part_of_city(known, city) if known else side is None):
                city = None  # "the Birnin Gwari area of southern Kaduna": a town far off, in the state
            elif side is not None and city.population < _CITY_WITH_PARTS:
                city = None  # "Kafr Nabl, southern Idlib": a town in the province
        elif city is not None and known is not None and not _part_of_city(known, city):
            city = None  # "Sadr City, Baghdad city": a large town of its own, as "Baghdad's Sadr City"
        owning = None if city else _owner_city(sentence, named_at, lambda: place or district(name), town)
        if owning is not None:
            city, city_part = owning, True  # "Baghdad's Karrada district", "Beirut's Martyrs Square"
        if city is not None and city.population >= _CITY_WITH_PARTS:
            name, place = (
                f"{city.name}-{name}",
                part_of_city(name, city, gazetteer),
            )  # "Rio de Janeiro-North Zone"
        elif city is not None and city_part:
            name, place = city.name, city  # "the Old City, Hebron": ACLED codes the city
        if place is not None and countries and place.country_code not in countries:
            place = None  # "Palma in northern Mozambique" is not Palma de Mallorca
        if place is None and gazetteer.country(name) is not None:
            # "Darfur", "Crimea": a country's region, and a place; not where fire came "from"
            # ("rockets fired from Gaza hit Ashkelon")
            if name in REGION_ALIASES and cue != "from":
                regions.extend(_region(name, gazetteer, prefer))
            return
        region = (
            None
            if cue in _LOCALITIES or (place and place.population >= _CITY)
            else gazetteer.region(name, prefer)
        )
        if (
            place is not None
            and region is not None
            and not _unit_over_town(name, place, region, prefer, context)
        ):
            region = None
        if region is not None:
            place = None
            regions.append(region)
        elif place is None:
            place = district(name)
        facility = place is None and _is_facility(name)
        if place is not None or (keep_unknown and _may_be_unknown_place(sentence, start, name, cue)):
            taken.add(start, end)
            where = place or (_city_named(name, town) if facility else gazetteer.in_area(name, context))
            places.append(PlaceMention(name, start, cue, strength if place else strength - 1, where))
        if facility or cue in _WITHIN_TOWN:  # "in Ambedkar Hospital, Rohini", "in X neighbourhood, Ipatinga"
            _town_after(end, start)
        elif part:  # a barangay of a city is a neighbourhood, of a rural municipality a village
            _town_after(end, start, _CITY_OF_PARTS)

    def _town_after(end: int, start: int, size: int = 0) -> None:
        """A facility or a part of a town followed by its town ("Ambedkar Hospital, Rohini, Delhi",
        "Barangay Gaya-gaya, San Jose del Monte"): ACLED codes the town (of ``size`` people or more)."""
        after = _TOWN_AFTER.match(sentence, end)
        known = town(_clean_name(after.group("name"))) if after else None
        if (
            after is not None
            and known is not None
            and known.population >= size
            and not taken.overlaps(*after.span("name"))
        ):
            taken.add(*after.span("name"))
            places.append(PlaceMention(_clean_name(after.group("name")), start, "facility town", 6, known))

    for match in scan(_DIRECTIONAL, sentence):
        name = _clean_name(match.group("name"))
        if name and not _is_actor_word(name, gazetteer):
            landmarks.append(Landmark(name, _relation(match), match.start(), town(name)))
            taken.add(*match.span("name"))
    # Both patterns need an owner's "'s": most sentences have none and are not scanned with them.
    owners = "'s" in sentence or "’s" in sentence
    for match in _named(_POSSESSIVE, sentence) if owners else ():
        name = _clean_name(match.group("name"))
        relation = " ".join(match.group("rel").split())
        if name and not _is_actor_word(name, gazetteer) and not relation.endswith(("province", "district")):
            landmarks.append(Landmark(name, f"{relation} of", match.start(), town(name)))
            taken.add(*match.span("name"))
    for match in scan(_OUTSKIRTS, sentence):
        name = _clean_name(match.group("name"))
        if name and not _is_actor_word(name, gazetteer) and not any(lm.name == name for lm in landmarks):
            relation = match.group(0).split(" of ")[0].split()[-1]
            landmarks.append(Landmark(name, f"{relation} of", match.start(), town(name)))
    for match in scan(_CODED, sentence):
        add(match.group("name"), match.span("name"), "coded", _CODED_STRENGTH, keep_unknown=True)
    for match in scan(_PAREN, sentence):
        if _ACRONYM.fullmatch(match.group("admins")):
            continue
        add(match.group("name"), match.span("name"), "paren", 7, keep_unknown=True)
    for match in _named(_NAME_KIND, sentence):
        kind = match.group("kind")
        name = _clean_name(match.group("name"))
        if _FACILITY_KIND.fullmatch(kind.lower()) and _OF_NAME.match(sentence, match.end()):
            continue  # "the Baltic port of Ust-Luga": the name after "of" is the place
        if _MAINLY.search(sentence[max(0, match.start() - 16) : match.start()]):
            continue  # "a mainly Hazara neighbourhood of Kabul": who lives there, not its name
        if _FACILITY_KIND.fullmatch(kind.lower()) and name:
            label = f"{match.group('name').strip()} {kind}"
            if not _is_actor_word(name, gazetteer) and not taken.overlaps(*match.span()):
                taken.add(*match.span())
                known = town(name)
                strength = 5 if known else _UNKNOWN_FACILITY
                where = known or _city_named(name, town)
                after_units = _UNITS_AFTER.match(sentence, match.end("kind"))
                unit_town = _town_spelled(after_units.group("name"), town) if after_units else None
                if (
                    unit_town is not None
                    and known is not None
                    and unit_town.country_code != known.country_code
                ):
                    unit_town = None  # "the Jos hotel (Plateau)": Nigeria's state, not a town abroad
                camp = (
                    after_units is not None and _CAMP_LISTED.match(sentence, match.start("kind")) is not None
                )
                if (camp and (unit_town is None or unit_town.population < _CITY_WITH_PARTS)) or (
                    known and after_units and (unit_town is None or _part_of_city(known, unit_town))
                ):
                    # "Nur Shams camp (Tulkarm, West Bank)": a camp is a place of its own name, placed
                    # by the units after it, unless in a city ACLED divides ("X camp (Maiduguri,
                    # Borno)"); so is the town a facility is named after when it lies by the first
                    # unit ("Huwwara checkpoint (Nablus, West Bank)", not "Kaduna market (Zaria, Kaduna)")
                    label, strength = name, _LISTED_STRENGTH - 1
                    where = known or gazetteer.in_area(name, context)
                places.append(PlaceMention(label, match.start(), "facility", strength, where))
                named_at = _name_start(sentence, match.span("name"), name)
                owning = None if known else _owner_city(sentence, named_at, lambda: None, town)
                if owning is not None:  # "Beirut's Martyrs Square": ACLED codes the city
                    places.append(PlaceMention(owning.name, match.start(), "facility town", 6, owning))
                else:
                    _town_after(match.end(), match.start())
        elif (
            kind.lower() == "countryside"
            and (
                town_before := _PLACE_BEFORE_COUNTRYSIDE.search(
                    sentence, max(0, match.start() - 60), match.start()
                )
            )
            and not _ACRONYM.fullmatch(town_before.group("name"))
            and not _is_actor_word(_clean_name(town_before.group("name")), gazetteer)
        ):  # "Atareb, western Aleppo countryside", "Jasim in the Daraa countryside": the town before, in
            # the first-level unit the countryside is named after, when it is one ("the Nottinghamshire
            # countryside" is a county's)
            taken.add(*match.span("name"))
            regions.extend(unit for unit in _region(name, gazetteer, prefer) if unit.country_code)
        elif sentence[match.start() - 1 : match.start()] != "(" and not (
            kind.lower() in _UNIT_KINDS
            and sentence[match.end() : match.end() + 1] == ","
            and _PLACE_COMMA.search(sentence, max(0, match.start() - 60), match.start())
        ):  # "(Pulwama district, J&K)", "Sderot, Southern district, Israel"
            strength = 2 if kind.lower() in _WITHIN_TOWN else 5
            add(name, match.span("name"), kind, strength, keep_unknown=True)
    for match in scan(_KIND_NAME, sentence):
        if _REGION_KIND.fullmatch(match.group("kind")):
            regions.extend(_region(match.group("name"), gazetteer, prefer))
            continue
        add(
            match.group("name"),
            match.span("name"),
            match.group("kind"),
            4,
            keep_unknown=True,
        )
    for match in scan(_APPOSITION, sentence):
        add(match.group("name"), match.span("name"), "apposition", 4, keep_unknown=True)
    for match in scan(_PREPOSITION, sentence):
        prep = match.group("prep")
        # "militants from A killed six in B", "rockets fired from A hit B", "residents of A marched in
        # B": where they came from counts less than where the event happened
        origin = prep == "from" or (prep.endswith(" of") and not prep.endswith(("control of", "capture of")))
        if not origin and prep.endswith(" of") and (
            _RELATIVE_BEFORE.search(sentence, max(0, match.start() - 40), match.start())
            or _PAST_TIME_AFTER.match(sentence, match.end())
        ):
            # "the Houthis, who seized control of Sanaa in 2014, fired at Jizan": another clause's
            # story, or a dated one, is the group's past, not where this event happened, nor its country
            taken.add(*match.span("name"))
            continue
        strength = _ORIGIN_STRENGTH if origin else 3
        if match.group("rural"):  # "in rural Idlib": a first-level unit's countryside, never a town
            unit = _rural_unit(match.group("name"), gazetteer, prefer)
            if unit is not None:
                regions.append(unit)
            taken.add(*match.span("name"))
            continue
        add(match.group("name"), match.span("name"), prep, strength, keep_unknown=prep in _PLACE_PREPOSITIONS)
    for match in _named(_REGION_NAME, sentence):
        first = _NAME_AND.search(sentence, max(0, match.start() - 40), match.start())
        joined = f"{_clean_name(first.group('name'))} and {match.group('name')}" if first else ""
        both = gazetteer.region(joined, prefer) if joined else None
        if both:  # "Iranshahr county, Sistan and Baluchestan province"
            regions.append(both)
        elif not taken.overlaps(*match.span("name")):
            regions.extend(_region(match.group("name"), gazetteer, prefer))
    heads: list[tuple[str, Place]] = []  # each list's head and the place the list gives
    for match in _ADMINS.finditer(sentence):
        before = _HEAD.search(sentence, max(0, match.start() - _HEAD_REACH), match.start())
        head = before.group("name") if before else None
        admins = match.group("admins").split(",")
        units = _units(head, admins, gazetteer, prefer, context, closed=True)
        listed = [_without_kind(unit) for unit in units]
        regions.extend(listed)
        heads.extend((_clean_name(head), unit) for unit in listed if head)
        if before is not None and any(unit.country_code for unit in listed):
            # "youths from Ubulu-Uku (Aniocha South LGA, Delta)": the name its units follow is a place
            add(before.group("name"), before.span("name"), "paren", _LISTED_STRENGTH - 1, keep_unknown=True)
    for match in _CHAIN.finditer(sentence):  # "in Daquq city, Kirkuk, Iraq", "Bindoy, Negros Oriental"
        if sentence[match.start() - 1 : match.start()] == "(":
            continue  # a parenthesis, read above
        head, *pieces = match.group("chain").split(",")
        dated = _DATED.search(head) is not None and len(pieces) >= 2
        if dated:  # "On 2 May, Acarigua, Portuguesa state, ...": the place named after the date, its units
            head, *pieces = pieces
        pieces = [_KIND_AFTER.sub("", piece) for piece in pieces]  # "Bolivar state": the name is "Bolivar"
        listed = _units(head, pieces, gazetteer, prefer, context, closed=False)
        regions.extend(listed)
        heads.extend((_clean_name(head), unit) for unit in listed)
        if dated and any(unit.country_code for unit in listed):
            start = match.start() + match.group("chain").index(head)
            add(head, (start, start + len(head)), "chain", _LISTED_STRENGTH - 1, keep_unknown=False)
    places = [
        _in_listed_country(mention, heads, context, lambda name, code: gazetteer.town(name, code, context))
        for mention in places
    ]
    places = [_inside_listed(mention, sentence, heads) for mention in places]
    places = [_spoken_from(mention, sentence) for mention in places]
    places = _in_city_after(places, sentence)
    places = _squares_in_town_named(places)
    roads = _roads(sentence)
    hints = [town for road in roads for town in _road_towns(road, gazetteer, prefer, context)]
    for match in _named(_OWNER, sentence) if owners else ():
        owner = _clean_name(re.split(r"['’]s\s+", match.group("name"))[-1])
        owned = town(owner) if owner and not _is_actor_word(owner, gazetteer) else None
        if owned is not None and (owned.country_code == prefer or owned.population >= _LARGE_TOWN):
            hints.append(owned)  # not "St. Anthony's Shrine" -> Anthony, Kansas
    places.sort(key=lambda p: (-p.strength, p.start))
    # The units listed after the place that locates the event come first ("Kosamba village (Bharuch,
    # Gujarat) ... on their way to Odisha"), then known regions ("Tonj South county" is none).
    own = [unit for head, unit in heads if places and head == places[0].name]
    regions.sort(key=lambda region: (region not in own, not region.country_code))
    return SentencePlaces(places, landmarks, roads, regions, countries, hints)


def _squares_in_town_named(places: list[PlaceMention]) -> list[PlaceMention]:
    """A square lies in a town and is often named after someone ("Lafayette Square"): with another
    known place named in the sentence, the town its name names does not place it; alone it does
    ("protested at Kano Square")."""
    squares = [p for p in places if p.cue == "facility" and p.name.lower().endswith(" square")]
    if not squares or not any(p.place is not None for p in places if p not in squares):
        return places
    return [replace(p, strength=_UNKNOWN_FACILITY, place=None) if p in squares else p for p in places]


def _in_listed_country(
    mention: PlaceMention,
    heads: list[tuple[str, Place]],
    context: Context,
    town_in: Callable[[str, str], Place | None],
) -> PlaceMention:
    """A place as the list of units after it places it: "Kapkot (Uttarakhand)" is the Indian Kapkot,
    not a namesake abroad. The namesake in the list's country is taken, else the place stays unresolved
    (the list gives its units). A namesake whose own units the article names keeps its place.

    A place whose units are listed is the one the text locates precisely ("troops based at A shelled
    positions near B, Fizuli": B): it counts as much as a place in a parenthesis.
    """
    countries = {unit.country_code for head, unit in heads if unit.country_code and head == mention.name}
    if countries and not _is_facility(mention.name):
        mention = replace(mention, strength=max(mention.strength, _LISTED_STRENGTH - (mention.place is None)))
    found = mention.place
    if found is None or not countries or found.country_code in countries:
        return mention
    key = fold(mention.name)
    if context.names_unit(found.admin1, key) or context.names_unit(found.admin2, key):
        return mention
    again = (town_in(mention.name, code) for code in sorted(countries))
    place = next((p for p in again if p is not None and p.country_code in countries), None)
    return replace(mention, place=place, strength=mention.strength - (place is None))


def _unit_over_town(name: str, town: Place, unit: Place, prefer: str | None, context: Context) -> bool:
    """Whether a first-level unit named alone ("in California") is meant rather than a namesake town
    of under ``_CITY`` people elsewhere (California, Maryland): yes, unless the town lies in the unit
    (its capital, "in Katsina"), or in the article's country while the unit does not, or the article
    names the town's own units."""
    if not unit.country_code or (
        town.country_code == unit.country_code and _same_unit(town.admin1, unit.admin1)
    ):
        return False
    if town.country_code == prefer != unit.country_code:
        return False
    key = fold(name)
    return not (context.names_unit(town.admin1, key) or context.names_unit(town.admin2, key))


def _town_spelled(name: str, town: Callable[[str], Place | None]) -> Place | None:
    """The town of a name spelled as the gazetteer spells it, not one only a sound-alike finds
    ("Kaimur" is a district, not the village Kaimori)."""
    name = _clean_name(name)
    found = town(name)
    return found if found is not None and fold(found.name) == fold(name) else None


def _same_unit(first: str | None, second: str | None) -> bool:
    return fold(short_unit_name(first or "")) == fold(short_unit_name(second or ""))


def _inside_listed(mention: PlaceMention, sentence: str, heads: list[tuple[str, Place]]) -> PlaceMention:
    """A known place named as a part of the place a list of units follows ("in the Kalan area of Bor
    district (Herat)"): it lies there, in the list's first-level unit, and is the more precise place,
    so it counts as much as that place (and comes first in the sentence)."""
    found = mention.place
    at = sentence.find(mention.name, mention.start)
    of = _OF_PLACE.match(sentence, at + len(mention.name)) if found is not None and at >= 0 else None
    if of is None or found is None or mention.strength >= _LISTED_STRENGTH:
        return mention
    whole = _clean_name(of.group("name"))
    if any(
        head == whole and _same_unit(found.admin1, unit.admin1) for head, unit in heads if unit.country_code
    ):
        return replace(mention, strength=_LISTED_STRENGTH)
    return mention


def _in_city_after(places: list[PlaceMention], sentence: str) -> list[PlaceMention]:
    """Places without those a larger town named right after ("X in Y", "X, in Y") contains: the
    first is a landmark or part of that town, so a namesake town in another first-level unit
    ("the White House in Washington", "Capitol Hill in Seattle") is not where it happened."""
    by_start = {mention.start: mention for mention in places if mention.place is not None}
    kept = []
    for mention in places:
        after = _IN_AFTER.match(sentence, mention.start + len(mention.name))
        city = by_start.get(after.end()) if after is not None else None
        if (
            city is None
            or mention.place is None
            or city.place is None
            or city.place.kind != "town"
            or city.place.population <= mention.place.population
            or (
                city.place.country_code == mention.place.country_code
                and _same_unit(city.place.admin1, mention.place.admin1)
            )
        ):
            kept.append(mention)
    return kept


def _spoken_from(mention: PlaceMention, sentence: str) -> PlaceMention:
    """A place someone speaks from ("a spokesman in Amman, Jordan, said gunmen killed two guards in
    Basra") or is based at ("fighters based in Quetta raided X") counts least: the events they tell
    of or take part in happened elsewhere."""
    window = max(0, mention.start - 40)
    if any(pattern.search(sentence, window, mention.start) for pattern in (_SPEAKER_IN, _BASED_IN)):
        return replace(mention, strength=0)
    return mention


def _rural_unit(name: str, gazetteer: Gazetteer, prefer: str | None) -> Place | None:
    """The first-level unit "rural X" names: ACLED's "Rural X" ("rural Damascus": Rural Damascus),
    else the unit X ("rural Idlib"); none when X names no first-level unit ("rural Santa Cruz", a
    unit of several countries), since the countryside of a town is no place to code, or names a
    country ("rural Mexico": the country's countryside, not Mexico state)."""
    if gazetteer.country(name) is not None:
        return None
    return gazetteer.region(f"Rural {name}", prefer) or gazetteer.region(name, prefer)


def _is_facility(name: str) -> bool:
    """Whether a name is a facility's ("Ambedkar Hospital")."""
    return _FACILITY_KIND.fullmatch(name.rsplit(" ", 1)[-1].lower()) is not None


def _city_named(name: str, town: Callable[[str], Place | None]) -> Place | None:
    """The city a facility is named after ("Luhansk Pumping Station", "Kabul University"): it
    lies in or near it."""
    city = town(name.split(maxsplit=1)[0])
    return city if city is not None and city.population >= _LARGE_TOWN else None


def _name_start(sentence: str, span: tuple[int, int], name: str) -> int:
    """Where a cleaned name begins in the span it was read from, past an owner the span opens with
    ("Baghdad's Karrada"); the span's start when the name is not found in it."""
    start, end = span
    return start + max(0, sentence.rfind(name, start, end) - start)


def _owner_city(
    sentence: str, start: int, place_of: Callable[[], Place | None], town: Callable[[str], Place | None]
) -> Place | None:
    """The city whose part a name is when the city owns it ("Istanbul's Kadikoy district",
    "Beirut's Martyrs Square"): a town of ``_LARGE_TOWN`` people or more named just before with
    "'s", unless the name is a large town of the city's country ("Delhi's Noida suburb"), a district
    of the city's province ("Kirkuk's Hawija district": named after its capital), a town beyond the
    city's parts in its province, or a town across a boundary within the parts' distance ("Damascus's
    Douma suburb" lies in Rural Damascus). A name only known far away, in another province or
    country, is the city's part the gazetteer lacks."""
    owner = _OWNER_BEFORE.search(sentence, max(0, start - _HEAD_REACH), start)
    city = town(_clean_name(owner.group("city"))) if owner else None
    if city is None or city.population < _LARGE_TOWN:
        return None
    place = place_of()
    return city if place is None or _part_of_city(place, city) is not False else None


def _part_of_city(place: Place, city: Place) -> bool | None:
    """Whether a known place is a part of a city: True for a smaller town of the city's unit within
    its parts' distance; False for a large town of the city's country, a district of its unit
    ("Kirkuk's Hawija district": named after its capital), a town beyond the parts in its unit, or a
    town across a boundary within their distance ("Douma" lies in Rural Damascus); None for a place
    only known far off in another unit or country (the part's namesake: the gazetteer lacks the part)."""
    same_country = place.country_code == city.country_code
    inside = same_country and _same_unit(place.admin1, city.admin1)
    if (same_country and place.population >= _LARGE_TOWN) or (inside and place.kind != "town"):
        return False
    if not (
        place.latitude is None or place.longitude is None or city.latitude is None or city.longitude is None
    ):
        near = distance_km((place.latitude, place.longitude), (city.latitude, city.longitude)) <= PART_KM
        if near != inside:
            return False
    return True if inside else None


def _city_of_part(name: str, town: Callable[[str], Place | None]) -> Place | None:
    """The large city a part is named after, as ACLED names a city's parts ("Mogadishu-Bondhere")."""
    city = town(name)
    return city if city is not None and city.population >= _LARGE_TOWN else None


def _in_country(place: Place | None, code: str | None) -> Place | None:
    """The place when it lies in country ``code``, else None."""
    return place if place is not None and place.country_code == code else None


def _may_be_unknown_place(sentence: str, start: int, name: str, cue: str) -> bool:
    """Whether a name the gazetteer does not know may still be kept as a place.

    Not an acronym ("between the NPA and the army"), nor a name after "the" that only a
    preposition introduces ("between the Abu Sayyaf and ..."): those name groups.
    """
    if _ACRONYM.fullmatch(name):
        return False
    return cue not in _PLACE_PREPOSITIONS or sentence[max(0, start - 4) : start].lower() != "the "


def _units(
    head: str | None,
    pieces: list[str],
    gazetteer: Gazetteer,
    prefer: str | None,
    context: Context,
    *,
    closed: bool,
) -> list[Place]:
    """The place a list of unit names after ``head`` gives ("Mifi, Ouest": the district Mifi in Ouest).

    Acronyms ("BLA") name groups, not units, unless they are a region's ISO code ("UP"); a list
    after a date ("On 3 May 2020, BLA ...") is the sentence going on, not a list of units.
    """
    names = [
        name
        for piece in pieces
        if (name := _clean_name(piece)) and (not _ACRONYM.fullmatch(name) or gazetteer.region_code(name))
    ]
    head = _clean_name(head) if head else None
    if not names or (head and _DATED.search(head)):
        return []
    place = place_of_list(head, names, gazetteer, prefer, context, closed=closed)
    return [] if place is None else [place]


def _named(pattern: re.Pattern[str], sentence: str) -> Iterator[re.Match[str]]:
    """The matches of a pattern that starts with a name, without those that only read past a word."""
    return iter(scan(pattern, sentence, "name"))


def _roads(sentence: str) -> list[str]:
    """The roads a sentence names ("the Kaduna-Abuja highway"); a sentence without a road's word
    names none and is not read."""
    lower = sentence.lower()
    if not any(word in lower for word in _ROAD_WORDS):
        return []
    return [" ".join(m.group("road").split()) for m in _ROAD.finditer(sentence) if m.group("road")]


def _road_towns(road: str, gazetteer: Gazetteer, prefer: str | None, context: Context) -> list[Place]:
    """Towns a road is named after ("the Kaduna-Abuja highway"): they tell the country. A piece that
    names no town is read with the next ("Palmyra-Deir ez-Zor road": Deir ez-Zor, not "Deir ez")."""
    towns: list[Place] = []
    pending = ""
    for piece in re.split(r"([-–])", road.rsplit(" ", 1)[0]):
        pending += piece
        if piece in "-–" or not pending.strip():
            continue
        town = gazetteer.town(pending.strip(" -–"), prefer, context)
        if town is not None:
            towns.append(town)
            pending = ""
    if prefer is None and len({town.country_code for town in towns}) > 1:  # ends in one country
        largest = max(towns, key=lambda town: town.population).country_code
        again = (gazetteer.town(town.name, largest, context) for town in towns)
        towns = [town for town in again if town is not None and town.country_code == largest]
    return towns


def _region(name: str, gazetteer: Gazetteer, prefer: str | None) -> list[Place]:
    """A named first-level region: from the gazetteer, or as the text names it (country unknown)."""
    name = _clean_name(name)
    if not name or _is_actor_word(name, gazetteer):
        return []
    if gazetteer.country(name) is not None and name not in REGION_ALIASES:
        return []  # "the region of Niger" is the country, not Nigeria's Niger state
    region = gazetteer.region(name, prefer) or _only_unit_named(name, gazetteer)
    return [region if region is not None else Place(name, "admin1", "", admin1=name)]


def _without_kind(unit: Place) -> Place:
    """A unit a list names with its kind's word, as ACLED writes it: without the word ("(Kermanshah
    province)": Kermanshah). The word still helps find the unit ("Northern governorate": Bahrain's)."""
    bare = _KIND_AFTER.sub("", unit.admin1 or "")
    if not unit.admin1 or bare == unit.admin1:
        return unit
    return replace(unit, admin1=bare, name=bare if unit.name == unit.admin1 else unit.name)


def _only_unit_named(name: str, gazetteer: Gazetteer) -> Place | None:
    """The first-level unit a curated spelling written with a unit's word stands for when one country
    alone has a unit of that name ("Babel province": Iraq's Babil, though a Ukrainian village is also
    called Babel, which keeps "Babel" alone from naming the province)."""
    units = {n.place.country_code: n.place for n in gazetteer.namesakes(name) if n.place.kind == "admin1"}
    code, unit = next(iter(units.items())) if len(units) == 1 else ("", None)
    # not a name curated for another country's unit ("Northern governorate": Bahrain's, not Fiji's)
    return unit if gazetteer.acled_name(name, code) is not None else None
