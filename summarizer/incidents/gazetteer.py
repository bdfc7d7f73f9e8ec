"""An offline gazetteer: countries, demonyms, administrative units and every populated place.

Places come from GeoNames (CC BY 4.0) through the package's own place table (``gazetteer_index``):
every populated place of 500 people or more and the first- and second-level administrative units
(provinces, states, governorates; districts, departments, municipalities), each with its units,
coordinates, population and alternate names. Countries and demonyms come from pycountry and the
tables below; a small curated table adds the ACLED spellings of regions in conflict areas that
GeoNames spells differently ("Al-Hasakeh" for "Al Ḩasakah"), and another a few conflict towns
the list lacks. Nothing is downloaded.
"""

from __future__ import annotations

import functools
import math
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pycountry

from summarizer.incidents.acled_units import (
    ACLED_ADMIN1,
    CITY_UNITS,
    PARENT_UNITS,
    PROVINCE_REGIONS,
    SPLIT_REGIONS,
    TERRITORIES,
)
from summarizer.incidents.gazetteer_index import ADMIN1, ADMIN2, TOWN, PlaceIndex, Row
from summarizer.incidents.names import (
    alike,
    ascii_name,
    fold,
    short_unit_name,
    skeleton,
    spelled_alike,
    unit_keys,
)

__all__ = ["REGION_ALIASES", "Context", "Gazetteer", "Namesake", "Place", "fold", "gazetteer"]

# How close an alternate spelling must be to a town's main name to be trusted outside the article's country.
_ALTERNATE_SIMILARITY = 0.8
# A town abroad this large is trusted when it is the only one of its name (Bakhmut, not El Alto, Peru).
_TOWN = 20_000
# A city this large beats a small namesake in the preferred country.
_CITY = 200_000
# How many times a namesake a city is for a hamlet the article's units place to give way to it.
_HAMLET_TIMES = 100
# A sound-alike name ("Tuz Khormato") is trusted only when its consonants are this many.
_SOUND_LENGTH = 4
# Among one country's first-level units, whose spellings must also be alike, shorter ones do ("Konar").
_REGION_SOUND_LENGTH = 2
# Alternate names this short may be codes (IATA "GNA", ICAO "OAKB"), not names.
_CODE_LENGTH = 4
_KINDS = {ADMIN1: "admin1", ADMIN2: "admin2", TOWN: "town"}


@dataclass(frozen=True, slots=True)
class Place:
    """A place the gazetteer knows: a town, a first- or second-level unit ("admin1", "admin2")."""

    name: str
    kind: str
    country_code: str
    admin1: str | None = None
    admin2: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    population: int = 0


@dataclass(frozen=True, slots=True)
class Namesake:
    """One place a name may stand for, with what a list of names needs to place it ("X, Y, Z").

    ``keys``: the folded names of the place itself; ``within``: those of the units it lies in;
    ``exact``: found by its spelling, not only by a sound-alike one; ``own``: by its own name, not
    by an alternate one.
    """

    place: Place
    keys: frozenset[str]
    within: frozenset[str]
    exact: bool
    own: bool
    row: Row | None = None

    @property
    def unit(self) -> bool:
        """Whether it is an administrative unit rather than a town."""
        return self.place.kind != "town"


# Country names as news writes them, beyond ISO names: alias -> ISO alpha-2.
_COUNTRY_ALIASES = {
    "US": "US",
    "U.S.": "US",
    "USA": "US",
    "U.S.A.": "US",
    "America": "US",
    "United States": "US",
    "UK": "GB",
    "U.K.": "GB",
    "Britain": "GB",
    "Great Britain": "GB",
    "England": "GB",
    "Scotland": "GB",
    "Russia": "RU",
    "Iran": "IR",
    "Syria": "SY",
    "Turkey": "TR",
    "Türkiye": "TR",
    "Turkiye": "TR",
    "South Korea": "KR",
    "North Korea": "KP",
    "DR Congo": "CD",
    "DRC": "CD",
    "Democratic Republic of Congo": "CD",
    "Democratic Republic of the Congo": "CD",
    "Congo-Kinshasa": "CD",
    "Republic of Congo": "CG",
    "Congo-Brazzaville": "CG",
    "Congo": "CD",  # in the news "eastern Congo" is the Democratic Republic; the other is "Congo-Brazzaville"
    "Ivory Coast": "CI",
    "Cote d'Ivoire": "CI",
    "Côte d'Ivoire": "CI",
    "Palestine": "PS",
    "Gaza Strip": "PS",
    "West Bank": "PS",
    "Gaza": "PS",
    "Burma": "MM",
    "Myanmar": "MM",
    "Laos": "LA",
    "Vietnam": "VN",
    "Tanzania": "TZ",
    "Venezuela": "VE",
    "Bolivia": "BO",
    "Moldova": "MD",
    "Czech Republic": "CZ",
    "Czechia": "CZ",
    "Taiwan": "TW",
    "Kosovo": "XK",
    "Macedonia": "MK",
    "North Macedonia": "MK",
    "Cape Verde": "CV",
    "Swaziland": "SZ",
    "Eswatini": "SZ",
    "East Timor": "TL",
    "Vatican": "VA",
    "Brunei": "BN",
    "Micronesia": "FM",
    "Somaliland": "SO",
    "Kurdistan Region": "IQ",
    "Iraqi Kurdistan": "IQ",
    "Darfur": "SD",
    "Donbas": "UA",
    "Donbass": "UA",
    "Crimea": "UA",
    "Sahel": "",
    "Nagorno-Karabakh": "AZ",
    "Nagorno Karabakh": "AZ",
    "Artsakh": "AZ",
    "Kashmir": "IN",
    "Tigray": "ET",
    "Balochistan": "PK",
    "Sinai": "EG",
    "Golan Heights": "SY",
    "the Gambia": "GM",
    "The Gambia": "GM",
    "Gambia": "GM",
    "Bahamas": "BS",
    "Netherlands": "NL",
    "Holland": "NL",
    "Philippines": "PH",
    "UAE": "AE",
    "United Arab Emirates": "AE",
    "Emirates": "AE",
    "Saudi Arabia": "SA",
    "Lebanon": "LB",
}

# Demonyms and adjectives -> ISO alpha-2 (capitalized forms only; "US" doubles as an adjective).
_DEMONYMS = {
    "Afghan": "AF",
    "Albanian": "AL",
    "Algerian": "DZ",
    "American": "US",
    "Angolan": "AO",
    "Argentine": "AR",
    "Argentinian": "AR",
    "Armenian": "AM",
    "Australian": "AU",
    "Austrian": "AT",
    "Azerbaijani": "AZ",
    "Azeri": "AZ",
    "Bahraini": "BH",
    "Bangladeshi": "BD",
    "Belarusian": "BY",
    "Belgian": "BE",
    "Beninese": "BJ",
    "Bolivian": "BO",
    "Bosnian": "BA",
    "Brazilian": "BR",
    "British": "GB",
    "Bulgarian": "BG",
    "Burkinabe": "BF",
    "Burkinabè": "BF",
    "Burmese": "MM",
    "Burundian": "BI",
    "Cambodian": "KH",
    "Cameroonian": "CM",
    "Canadian": "CA",
    "Central African": "CF",
    "Chadian": "TD",
    "Chilean": "CL",
    "Chinese": "CN",
    "Colombian": "CO",
    "Congolese": "CD",
    "Croatian": "HR",
    "Cuban": "CU",
    "Cypriot": "CY",
    "Czech": "CZ",
    "Danish": "DK",
    "Djiboutian": "DJ",
    "Dutch": "NL",
    "Ecuadorian": "EC",
    "Egyptian": "EG",
    "Emirati": "AE",
    "Eritrean": "ER",
    "Estonian": "EE",
    "Ethiopian": "ET",
    "Finnish": "FI",
    "French": "FR",
    "Gabonese": "GA",
    "Gambian": "GM",
    "Georgian": "GE",
    "German": "DE",
    "Ghanaian": "GH",
    "Greek": "GR",
    "Guatemalan": "GT",
    "Guinean": "GN",
    "Haitian": "HT",
    "Honduran": "HN",
    "Hungarian": "HU",
    "Indian": "IN",
    "Indonesian": "ID",
    "Iranian": "IR",
    "Iraqi": "IQ",
    "Irish": "IE",
    "Israeli": "IL",
    "Italian": "IT",
    "Ivorian": "CI",
    "Jamaican": "JM",
    "Japanese": "JP",
    "Jordanian": "JO",
    "Kazakh": "KZ",
    "Kenyan": "KE",
    "Kosovar": "XK",
    "Kuwaiti": "KW",
    "Kyrgyz": "KG",
    "Lao": "LA",
    "Latvian": "LV",
    "Lebanese": "LB",
    "Liberian": "LR",
    "Libyan": "LY",
    "Lithuanian": "LT",
    "Malagasy": "MG",
    "Malawian": "MW",
    "Malaysian": "MY",
    "Malian": "ML",
    "Mauritanian": "MR",
    "Mexican": "MX",
    "Moldovan": "MD",
    "Mongolian": "MN",
    "Montenegrin": "ME",
    "Moroccan": "MA",
    "Mozambican": "MZ",
    "Namibian": "NA",
    "Nepalese": "NP",
    "Nepali": "NP",
    "New Zealand": "NZ",
    "Nicaraguan": "NI",
    "Nigerien": "NE",
    "Nigerian": "NG",
    "North Korean": "KP",
    "Norwegian": "NO",
    "Omani": "OM",
    "Pakistani": "PK",
    "Palestinian": "PS",
    "Panamanian": "PA",
    "Paraguayan": "PY",
    "Peruvian": "PE",
    "Filipino": "PH",
    "Philippine": "PH",
    "Polish": "PL",
    "Portuguese": "PT",
    "Qatari": "QA",
    "Romanian": "RO",
    "Russian": "RU",
    "Rwandan": "RW",
    "Saudi": "SA",
    "Senegalese": "SN",
    "Serbian": "RS",
    "Sierra Leonean": "SL",
    "Singaporean": "SG",
    "Slovak": "SK",
    "Slovenian": "SI",
    "Somali": "SO",
    "South African": "ZA",
    "South Korean": "KR",
    "South Sudanese": "SS",
    "Spanish": "ES",
    "Sri Lankan": "LK",
    "Sudanese": "SD",
    "Swedish": "SE",
    "Swiss": "CH",
    "Syrian": "SY",
    "Taiwanese": "TW",
    "Tajik": "TJ",
    "Tanzanian": "TZ",
    "Thai": "TH",
    "Togolese": "TG",
    "Tunisian": "TN",
    "Turkish": "TR",
    "Turkmen": "TM",
    "Ugandan": "UG",
    "Ukrainian": "UA",
    "Uruguayan": "UY",
    "Uzbek": "UZ",
    "Venezuelan": "VE",
    "Vietnamese": "VN",
    "Yemeni": "YE",
    "Zambian": "ZM",
    "Zimbabwean": "ZW",
    "Kurdish": "",
    "Arab": "",
}

# Display names as ACLED writes them where they differ from pycountry's common names.
# Missions and forces whose name tells the one country they work in (public mandates): news
# and monitors' reports often name only them ("SMM patrols heard gunfire near a village").
_ORGANISATIONS = {
    "OSCE SMM": "UA",
    "Special Monitoring Mission": "UA",
    "AMISOM": "SO",
    "ATMIS": "SO",
    "MINUSMA": "ML",
    "MONUSCO": "CD",
    "UNMISS": "SS",
    "UNAMID": "SD",
    "MINUSCA": "CF",
    "UNIFIL": "LB",
    "UNAMA": "AF",
    "UNSMIL": "LY",
    "KFOR": "XK",
    "Libyan National Army": "LY",
    "LNA": "LY",
    "Government of National Accord": "LY",
    "GNA": "LY",
}

# The first-level units a mission or region works in or spans (public mandates and geography):
# a village such a text names is looked for there first ("SMM patrols recorded blasts near Novoselivka").
_AREAS = {
    "OSCE SMM": ("Donetsk", "Luhansk"),
    "Special Monitoring Mission": ("Donetsk", "Luhansk"),
    "Donbas": ("Donetsk", "Luhansk"),
    "Donbass": ("Donetsk", "Luhansk"),
}

_DISPLAY = {
    "US": "United States",
    "GB": "United Kingdom",
    "RU": "Russia",
    "IR": "Iran",
    "SY": "Syria",
    "KR": "South Korea",
    "KP": "North Korea",
    "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo",
    "PS": "Palestine",
    "TZ": "Tanzania",
    "VE": "Venezuela",
    "BO": "Bolivia",
    "MD": "Moldova",
    "VN": "Vietnam",
    "LA": "Laos",
    "TW": "Taiwan",
    "XK": "Kosovo",
    "CI": "Ivory Coast",
    "TR": "Turkey",
    "SZ": "eSwatini",
    "HK": "China",
    "MO": "China",
    "CZ": "Czech Republic",
    "MK": "North Macedonia",
    "BN": "Brunei",
    "FM": "Micronesia",
}


# Where ACLED's first-level units differ from GeoNames': (country, GeoNames first-level unit) ->
# (country, ACLED's first-level unit). ACLED codes Serbia by Belgrade, Vojvodina and Central Serbia
# (GeoNames: also by district), Palestine by the West Bank and the Gaza Strip,
# with the governorate (GeoNames' first level) as the second, and the West Bank's Israeli
# settlements (GeoNames' "Judea and Samaria" of Israel) in Palestine's West Bank.
_WEST_BANK = (
    "West Bank",
    "Jenin",
    "Tubas",
    "Tulkarm",
    "Nablus",
    "Qalqilya",
    "Salfit",
    "Ramallah",
    "Jericho",
    "Jerusalem",
    "Bethlehem",
    "Hebron",
)
# Serbia outside Belgrade and Vojvodina: ACLED's Central Serbia, GeoNames' districts (okrugs).
_CENTRAL_SERBIA = (
    "Borski okrug",
    "Branicevo",
    "Jablanica",
    "Kolubara",
    "Macva",
    "Morava",
    "Nisava",
    "Pcinja",
    "Pirot",
    "Podunavlje",
    "Pomoravlje",
    "Rasina",
    "Raska",
    "Sumadija",
    "Toplica",
    "Zajecar",
    "Zlatibor",
)
_GAZA_STRIP = ("Gaza Strip", "North Gaza", "Gaza", "Deir El Balah", "Khan Yunis", "Rafah")
_PARENT_UNITS = {
    **{("PS", fold(unit)): ("PS", "West Bank") for unit in _WEST_BANK},
    **{("PS", fold(unit)): ("PS", "Gaza Strip") for unit in _GAZA_STRIP},
    ("IL", fold("Judea and Samaria")): ("PS", "West Bank"),
    **{("RS", fold(unit)): ("RS", "Central Serbia") for unit in _CENTRAL_SERBIA},
    **PARENT_UNITS,
}
# GeoNames' first-level units whose second level is ACLED's first: Iraq's Kurdistan Region (Erbil,
# Duhok, Sulaymaniyah).
_SPLIT_UNITS = frozenset({("IQ", fold("Iqlim Kurdistan"))}) | SPLIT_REGIONS

# Regions news names like countries: they tell the country and are places in their own right.
REGION_ALIASES = (
    "Somaliland",
    "Kurdistan Region",
    "Iraqi Kurdistan",
    "Darfur",
    "Donbas",
    "Donbass",
    "Crimea",
    "Nagorno-Karabakh",
    "Nagorno Karabakh",
    "Artsakh",
    "Kashmir",
    "Tigray",
    "Balochistan",
    "Sinai",
    "Golan Heights",
    "Gaza Strip",
    "West Bank",
    "Gaza",
)


@dataclass(frozen=True, slots=True)
class Context:
    """The names an article uses, by folded key and by consonant skeleton, each with the article's spelling.

    They pick among namesakes, and a unit the article names keeps the article's spelling.
    ``areas``: the units the missions or regions the article names span ("OSCE SMM": Donetsk, Luhansk).
    """

    keys: Mapping[str, str] = field(default_factory=dict)
    sounds: Mapping[str, str] = field(default_factory=dict)
    areas: tuple[str, ...] = ()
    # Each unit's spelling, once found: an article asks for the same units of many namesakes.
    _spelled: dict[tuple[str, str], str | None] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    @classmethod
    def of(cls, names: Iterable[str], areas: tuple[str, ...] = ()) -> Context:
        """The context of these names and of every run of their words ("In Imam Sahib District":
        "Imam Sahib", "Sahib", ...), each also without the words naming a unit's kind."""
        keys: dict[str, str] = {}
        for name in dict.fromkeys(names):  # each name once: a later one adds nothing
            # a road's first end keeps no hyphen ("the Kano-Zaria road": Kano)
            for key, spelled in _spans(name.strip("-–")):
                keys.setdefault(key, spelled)
        keys.pop("", None)
        # The units the article itself names come first ("Luhansk People's Republic": Luhansk).
        areas = tuple(sorted(areas, key=lambda area: fold(area) not in keys))
        for area in areas:
            keys.setdefault(fold(area), area)
        sounds: dict[str, str] = {}
        for key, spelled in keys.items():
            if len(sound := skeleton(key)) >= _SOUND_LENGTH:
                sounds.setdefault(sound, spelled)
        return cls(keys, sounds, areas)

    def spelling(self, unit: str | None, besides: str = "") -> str | None:
        """How the article spells this unit, in any spelling of it, or None when it does not name it.

        A name is not its own evidence: ``besides`` (the name being placed) does not count, nor
        do its words ("Salvador" in "San Salvador" names no unit "El Salvador").
        """
        if not unit or not (self.keys or self.sounds):
            return None
        if (unit, besides) not in self._spelled:
            self._spelled[unit, besides] = self._find_spelling(unit, besides)
        return self._spelled[unit, besides]

    def _find_spelling(self, unit: str, besides: str) -> str | None:
        keys = unit_keys(unit)
        for key, sound in keys:
            if key in self.keys or sound in self.sounds:
                break
        else:
            return None  # named in no spelling: most units of a common name's namesakes
        for key, sound in keys:
            if f" {key} " in f" {besides} ":
                return None
            if key in self.keys:
                return self.keys[key]
            spelled = self.sounds.get(sound)
            if spelled is not None and fold(spelled) != besides and fold(spelled)[:1] == key[:1]:
                return spelled  # not "Workers" for "Veracruz": sound-alikes share their first letter
        return None

    def names_unit(self, unit: str | None, besides: str = "") -> bool:
        """Whether the article names this unit (other than as the name ``besides`` being placed)."""
        return self.spelling(unit, besides) is not None


_NO_CONTEXT = Context()


# Names whose word runs are cached: at most this many words and characters. A name's runs take
# memory growing with the square of its words times its length, so longer "names" (text read as
# one) would let a full cache hold hundreds of megabytes; with these limits it stays under 64 MB.
# Such names are rare, and their runs are found each time.
_CACHED_NAME_WORDS, _CACHED_NAME_LENGTH = 6, 64


def _spans(name: str) -> tuple[tuple[str, str], ...]:
    """Every run of a name's words, and each without the words naming a unit's kind, with its key
    (articles repeat names: each short name's runs are found once)."""
    if len(name) <= _CACHED_NAME_LENGTH and len(name.split()) <= _CACHED_NAME_WORDS:
        return _cached_spans(name)
    return _word_runs(name)


def _word_runs(name: str) -> tuple[tuple[str, str], ...]:
    words = name.split()
    spans = (" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1))
    return tuple((fold(spelled), spelled) for span in spans for spelled in (span, short_unit_name(span)))


_cached_spans = functools.lru_cache(maxsize=4_096)(_word_runs)


# Conflict-area towns and cities GeoNames' list lacks: name -> (country, ACLED admin1, lat, lon).
# Villages the text alone places (Hamo, "in Qamishli's eastern countryside") need no entry.
_CURATED_TOWNS = {
    "Ras al-Ain": ("SY", "Al-Hasakeh", 36.8503, 40.0706),
    "Tal Abyad": ("SY", "Ar-Raqqa", 36.6975, 38.9567),
    "Tal Tamr": ("SY", "Al-Hasakeh", 36.6475, 40.3722),
    "Ain Issa": ("SY", "Ar-Raqqa", 36.3853, 38.8594),
    "Kobani": ("SY", "Aleppo", 36.8906, 38.3536),
    "Ain al-Arab": ("SY", "Aleppo", 36.8906, 38.3536),
    "Cite Soleil": ("HT", "Ouest", 18.5836, -72.3319),
    "Oicha": ("CD", "Nord-Kivu", 0.7000, 29.5167),
    "El Alto": ("BO", "La Paz", -16.5047, -68.1633),  # a city of 900,000 missing from the list
}


class Gazetteer:
    """Name lookups for countries, demonyms, administrative units and towns."""

    def __init__(self, index: PlaceIndex | None = None) -> None:
        self.countries: dict[str, str] = {}
        for country in pycountry.countries:
            for attribute in ("name", "common_name", "official_name"):
                value = getattr(country, attribute, None)
                if value:
                    self.countries[value] = country.alpha_2
        self.countries.update({k: v for k, v in _COUNTRY_ALIASES.items() if v})
        self.countries.update({ascii_name(k): v for k, v in self.countries.items() if not k.isascii()})
        self.organisations = dict(_ORGANISATIONS)
        self.areas = dict(_AREAS)
        self.demonyms = {k: v for k, v in _DEMONYMS.items() if v}
        self._index = index or PlaceIndex()
        self._regions: dict[str, list[Place]] = {}
        for alias in REGION_ALIASES:
            code = _COUNTRY_ALIASES[alias]
            self._regions.setdefault(fold(alias), []).append(Place(alias, "admin1", code, admin1=alias))
        # ACLED's name of each curated unit by any of its spellings, its own included ("Helmand")
        self._acled_names: dict[tuple[str, str], str] = {}
        for code, regions in ACLED_ADMIN1.items():
            for display, aliases in regions.items():
                place = Place(display, "admin1", code, admin1=display)
                for alias in {fold(a) for a in aliases}:
                    self._regions.setdefault(alias, []).append(place)
                self._acled_names.update({(code, fold(a)): display for a in (display, *aliases)})
        self._curated = {
            fold(name): Place(name, "town", code, admin1=admin1, latitude=latitude, longitude=longitude)
            for name, (code, admin1, latitude, longitude) in _CURATED_TOWNS.items()
        }
        self._exact = functools.lru_cache(maxsize=65_536)(self._index.named)
        self._named = functools.lru_cache(maxsize=16_384)(self._named_or_short)
        self._sounding = functools.lru_cache(maxsize=16_384)(self._index.sounding)
        self._namesakes = functools.lru_cache(maxsize=16_384)(self._find_namesakes)
        self._coded: dict[str, list[tuple[str, str]]] = {}
        for sub in pycountry.subdivisions:
            if sub.parent_code is None:
                self._coded.setdefault(sub.code.split("-", 1)[1], []).append((sub.country_code, sub.name))

    def country_name(self, code: str) -> str:
        """ACLED's name for an ISO alpha-2 country code."""
        return _country_name(code)

    def _named_or_short(self, name: str) -> list[Row]:
        """Places of this name, else of its name without a unit word ("Pulwama district": Pulwama)."""
        rows = self._exact(name)
        short = short_unit_name(name)
        return rows if rows or short == name else self._exact(short)

    def _sounding_in(self, name: str, country: str) -> list[Row]:
        """Places of ``country`` whose name sounds like this one: those of a long name are taken from
        its places in every country (looked up first, see ``town``), the index's order kept."""
        if len(skeleton(fold(name))) >= _SOUND_LENGTH:
            return [r for r in self._sounding(name) if r.country_code == country]
        return self._sounding(name, country)

    def region(self, name: str, prefer: str | None = None) -> Place | None:
        """A first-level region by name, preferring one in country ``prefer``.

        ACLED's spellings of conflict areas come first; other regions keep the spelling the text
        uses when it is one of the region's names ("Veracruz", "Luhansk").
        """
        curated = self._regions.get(fold(name), [])
        preferred = [p for p in curated if p.country_code == prefer]
        if preferred:
            return preferred[0]
        curated = [p for p in curated if not self._named_elsewhere(name, p)]
        rows = [r for r in self._named(name) if r.kind == ADMIN1]
        in_country = [r for r in rows if r.country_code == prefer]
        if in_country:
            return self._unit(in_country[0], name)
        if curated:
            return curated[0] if len(curated) == 1 else None
        if not rows and prefer is not None:
            return self._region_by_sound(short_unit_name(name), prefer)
        return self._unit(rows[0], name) if len({r.country_code for r in rows}) == 1 else None

    def _named_elsewhere(self, name: str, region: Place) -> bool:
        """Whether a curated region's other spelling is also a place of another country ("Babel",
        Iraq's Babil, is an alternate name of a Ukrainian village and of theatres and towers):
        it then names the region only in an article already placed in its country."""
        return fold(name) != fold(region.name) and any(
            r.country_code != region.country_code for r in self._exact(name)
        )

    def _region_by_sound(self, name: str, code: str) -> Place | None:
        """A region of country ``code`` named in another transliteration ("Sala al-Din governorate":
        Salah ad Din), spelled by its own (or ACLED's) name, which a reader can look up, not the
        text's variant."""
        key = fold(name)
        if len(skeleton(key)) < _REGION_SOUND_LENGTH:
            return None
        rows = [
            r for r in self._sounding(name, code) if r.kind == ADMIN1 and spelled_alike(key, fold(r.name))
        ]
        if len(rows) != 1:
            return None
        return self._unit(rows[0], self._acled_spelling(rows[0].name, code) or rows[0].name)

    def namesakes(self, name: str) -> list[Namesake]:
        """Every unit or town this name may stand for, in any country (``in_context`` spells its units).

        A name no place has is looked up by sound among units only ("Misrata" for Misratah).
        """
        return list(self._namesakes(name))

    def in_context(self, namesake: Namesake, context: Context) -> Place:
        """A namesake's place with its units spelled as the article spells them."""
        row = namesake.row
        if row is None:
            return namesake.place
        return self._town(row, context) if row.kind == TOWN else self._unit(row, namesake.place.name, context)

    def region_code(self, name: str) -> bool:
        """Whether a name is the ISO 3166-2 code of first-level units ("UP", "J&K" for JK)."""
        return name.replace("&", "") in self._coded and name.isupper()

    def _find_namesakes(self, name: str) -> tuple[Namesake, ...]:
        if self.region_code(name):  # "(Ballia district, UP)": a region by its ISO code
            return tuple(
                Namesake(place, frozenset({fold(place.name)}), frozenset(), exact=True, own=False, row=row)
                for code, region in self._coded[name.replace("&", "")]
                if "&" not in name or _initials(region) == name.replace("&", "")
                for row in self._named(region)
                if row.kind == ADMIN1 and row.country_code == code
                for place in (self._unit(row, row.name),)
            )
        key = fold(name)
        found = [
            Namesake(
                place,
                frozenset({fold(place.name), key}),
                frozenset(),
                exact=True,
                own=not self._named_elsewhere(name, place),
            )
            for place in self._regions.get(key, [])
        ]
        if (curated := self._curated.get(key)) is not None:
            region = frozenset({fold(short_unit_name(curated.admin1 or ""))})
            found.append(Namesake(curated, frozenset({key}), region, exact=True, own=True))
        rows = self._named(name)
        exact, exact_name = bool(rows), bool(self._exact(name))
        if not rows and len(skeleton(key)) >= _SOUND_LENGTH:
            rows = [r for r in self._sounding(name) if r.kind != TOWN]
        for row in rows:
            # "Rakhine State": "Rakhine"; a unit found by sound only keeps its own name ("Sala al-Din")
            spelled = (
                name
                if row.kind != ADMIN1 or exact_name
                else short_unit_name(name)
                if exact
                else self._acled_spelling(row.name, row.country_code) or row.name
            )
            place = self._town(row) if row.kind == TOWN else self._unit(row, spelled)
            own = {fold(short_unit_name(n)) for n in (row.name, place.name)}
            above = {ADMIN1: (), ADMIN2: (row.admin1,)}.get(row.kind, (row.admin1, row.admin2))
            within = {fold(short_unit_name(u)) for u in above if u}
            keys, inside = frozenset(own | {key}), frozenset(within)
            found.append(Namesake(place, keys, inside, exact, exact and row.main, row))
        return tuple(found)

    def district(self, name: str, prefer: str | None = None, context: Context = _NO_CONTEXT) -> Place | None:
        """A second-level unit (district, department, municipality) by name, read like ``town``."""
        key = fold(name)
        rows = [r for r in self._named(name) if r.kind == ADMIN2]
        if not rows and len(skeleton(key)) >= _SOUND_LENGTH:
            rows = [r for r in self._sounding(name) if r.kind == ADMIN2 and context.names_unit(r.admin1, key)]
        fitting = [r for r in rows if context.names_unit(r.admin1, key)] or [
            r for r in rows if r.country_code == prefer
        ]
        if fitting:
            return self._unit(fitting[0], name, context)
        return self._unit(rows[0], name, context) if len(rows) == 1 and prefer is None else None

    def _unit(self, row: Row, spelled: str, context: Context = _NO_CONTEXT) -> Place:
        name = (
            self.acled_name(row.name, row.country_code) or " ".join(spelled.split())
            if row.kind == ADMIN1
            else row.name
        )
        admin1 = name if row.kind == ADMIN1 else self._admin1(row, context)
        code, admin1, admin2 = self._acled_units(row, admin1, context.spelling(row.admin2) or row.admin2)
        return Place(
            name,
            _KINDS[row.kind],
            code,
            admin1=admin1,
            admin2=admin2,
            latitude=row.latitude,
            longitude=row.longitude,
        )

    def _admin1(self, row: Row, context: Context) -> str | None:
        """A place's region as ACLED spells it: the curated spelling ("Al Hasakah": "Al-Hasakeh"), else
        the article's ("Luhansk" for Luhanska oblast), else GeoNames'."""
        if row.admin1 is None:
            return None
        if row.kind == TOWN and fold(row.admin1) == fold(row.name):
            city = CITY_UNITS.get((row.country_code, fold(row.name)))
            if city is not None:  # Kyiv city, not the oblast of the same short name
                return city
        return (
            self._acled_spelling(row.admin1, row.country_code) or context.spelling(row.admin1) or row.admin1
        )

    def acled_name(self, unit: str, code: str) -> str | None:
        """ACLED's name of a curated first-level unit of ``code`` in any of its spellings ("Hilmand":
        Helmand), None for any other unit."""
        return self._acled_names.get((code, fold(unit)))

    def _acled_spelling(self, unit: str, code: str) -> str | None:
        """A curated first-level unit of ``code`` as ACLED spells it ("Al Hasakah": "Al-Hasakeh")."""
        return self.acled_name(unit, code) or next(
            (p.name for p in self._regions.get(fold(unit), []) if p.country_code == code), None
        )

    def _acled_units(
        self, row: Row, admin1: str | None, admin2: str | None
    ) -> tuple[str, str | None, str | None]:
        """A place's country, admin1 and admin2 as ACLED codes them where its units differ from
        GeoNames': a governorate of Palestine is the second level under the West Bank or the Gaza
        Strip (``_PARENT_UNITS``); one of Iraq's Kurdistan Region is the first (``_SPLIT_UNITS``)."""
        unit = row.name if row.kind == ADMIN1 else row.admin1
        if (territory := TERRITORIES.get(row.country_code)) is not None:
            return row.country_code, territory, unit
        key = (row.country_code, fold(unit or ""))
        if key in _SPLIT_UNITS and row.kind != ADMIN1:
            governorate = row.name if row.kind == ADMIN2 else row.admin2
            return (
                row.country_code,
                (governorate and self._acled_spelling(governorate, row.country_code)) or governorate,
                None,
            )
        province = row.name if row.kind == ADMIN2 else row.admin2
        if row.kind != ADMIN1 and (region := PROVINCE_REGIONS.get((row.country_code, fold(province or "")))):
            return row.country_code, region, admin2
        parent = _PARENT_UNITS.get(key)
        if parent is None:
            return row.country_code, admin1, admin2
        code, region = parent
        governorate = admin1 if code == row.country_code and fold(admin1 or "") != fold(region) else None
        return code, region, admin2 or governorate

    def _town(self, row: Row, context: Context = _NO_CONTEXT) -> Place:
        code, admin1, admin2 = self._acled_units(
            row, self._admin1(row, context), context.spelling(row.admin2) or row.admin2
        )
        return Place(
            row.name,
            "town",
            code,
            admin1=admin1,
            admin2=admin2,
            latitude=row.latitude,
            longitude=row.longitude,
            population=row.population,
        )

    def town(self, name: str, prefer: str | None = None, context: Context = _NO_CONTEXT) -> Place | None:
        """A town by name: the one the article's other names place ("Daquq city, Kirkuk"), else by country.

        A town whose first- or second-level unit the article names wins, in any spelling, and is
        found even by a sound-alike spelling ("Tuz Khormato" in Salah al-Din). Otherwise the town
        in country ``prefer`` is taken when one exists, else the most populous. Outside ``prefer``
        a town is taken when its main name is the only town of that name, or when it is large
        (100,000 people) or named like its province ("Jenin", capital of Jenin governorate); an
        alternate spelling counts only when it is close to the town's main name ("Mykolaiv" for
        "Mykolayiv", not "Hamo" for "Hamm").
        """
        key = fold(name)
        if key in self._curated:
            return self._curated[key]  # curated for the conflict areas it names: trusted as is
        named = self._exact(name)
        rows = [r for r in named if r.kind == TOWN]
        placed = [r for r in rows if context.names_unit(r.admin1, key) or context.names_unit(r.admin2, key)]
        if not rows and len(skeleton(key)) >= _SOUND_LENGTH:
            placed = [r for r in self._sounding(name) if r.kind == TOWN and context.names_unit(r.admin1, key)]
        if not rows and prefer is not None and len(skeleton(key)) >= _SOUND_LENGTH - 1:
            # In the article's country, another transliteration of a town's name ("Deir Ezzor", "Beit
            # Hanoun") is as good as its own; abroad it may be any name with the same consonants.
            rows = [
                r._replace(main=True)
                for r in self._sounding_in(name, prefer)
                if r.kind == TOWN and spelled_alike(key, fold(r.name))
            ]
        if placed:
            return self._town(_placed_or_city(placed, rows), context)
        units = [r for r in named if r.kind == ADMIN2 and context.names_unit(r.admin1, key)]
        if units:  # "Baharak district, Takhar": the district there, not the town in Badakhshan
            return self._unit(units[0], name, context)
        if rows and all(r.population < _CITY for r in rows) and (village := self.in_area(name, context)):
            return village  # not a namesake outside the mission's area
        if not rows:
            return None
        # Only the town chosen is spelled out (its units as the article spells them): a common name
        # has dozens of namesakes.
        chosen = self._choose_town(key, rows, prefer)
        return None if chosen is None else self._town(chosen, context)

    def _choose_town(self, key: str, rows: list[Row], prefer: str | None) -> Row | None:
        """The town ``town`` takes among namesakes no unit the article names places (see there)."""
        preferred = [r for r in rows if self._country_of(r) == prefer]
        largest = max((r for r in rows if r.main), key=lambda r: r.population, default=None)
        if preferred:
            best = max(preferred, key=lambda r: r.population)
            if (
                largest is not None
                and largest.population >= _CITY
                and largest.population > 10 * best.population
            ):
                return largest  # Donetsk, Ukraine, not the small Donetsk in Russia
            return best
        unique = len(rows) == 1 and rows[0].main and rows[0].population >= _TOWN
        floor = 0 if prefer is None or unique else 100_000

        # A town named like the province it lies in, its capital, is trusted abroad ("Jenin": Janin).
        usable = [
            r
            for r in rows
            if (
                r.population >= floor
                or (r.population >= _TOWN and fold(short_unit_name(r.admin1 or "")) == key)
            )
            and (r.main or alike(key, fold(r.name), _ALTERNATE_SIMILARITY))
        ]
        if usable:
            return max(usable, key=lambda r: r.population)
        # A city's other name ("Nur-Sultan" for Astana, "Leningrad"), when no place has it as its own
        # name; not a short one, which may be an airport's code among the alternates ("GNA", "Bir").
        cities = [r for r in rows if r.population >= _CITY]
        if len(cities) != 1 or len(key) <= _CODE_LENGTH or any(r.main for r in rows):
            return None
        return cities[0]

    def _country_of(self, row: Row) -> str:
        """The country ACLED codes a place in (a governorate of Palestine's is Palestine)."""
        return self._acled_units(row, None, None)[0]

    def in_area(self, name: str, context: Context) -> Place | None:
        """A village a mission reports that the gazetteer lacks in the mission's area: it lies there, in
        the area's unit the article names ("Luhansk People's Republic"), else its first (the OSCE SMM's:
        Donetsk, where it recorded most violations), without a point; None when the article names no
        such area."""
        area = self.region(context.areas[0]) if context.areas else None
        return None if area is None else Place(name, "town", area.country_code, admin1=area.admin1)

    def country(self, name: str) -> str | None:
        """ISO alpha-2 code of a country name or alias."""
        return self.countries.get(name)

    def same_region(self, first: str, second: str, code: str) -> bool:
        """Whether two names name one first-level unit of country ``code`` ("Beograd", "Belgrade").

        A unit is named by its GeoNames name or alternate names (not by a sound-alike spelling),
        or by one of a curated region's spellings.
        """
        return bool(self._region_ids(first, code) & self._region_ids(second, code))

    def _region_ids(self, name: str, code: str) -> set[str]:
        curated = [p.name for p in self._regions.get(fold(name), []) if p.country_code == code]
        rows = [r for n in (name, *curated) for r in self._named(n)]
        return {f"curated {spelled}" for spelled in curated} | {
            str(r.id) for r in rows if r.kind == ADMIN1 and r.country_code == code
        }


def _placed_or_city(placed: list[Row], rows: list[Row]) -> Row:
    """The namesake a unit the article names places, unless it is a hamlet and another of its country
    is a city a hundred times its size: an article naming Michigan anywhere does not move Atlanta."""
    best = max(placed, key=lambda r: (r.main, _size(r)))
    same_country = (r for r in rows if r.main and r.country_code == best.country_code)
    city = max(same_country, key=lambda r: r.population, default=best)
    small = best.population < _TOWN and city.population > _HAMLET_TIMES * best.population
    return city if city.population >= _CITY and small else best


@functools.lru_cache(maxsize=1_024)
def _country_name(code: str) -> str:
    """ACLED's name for a country code, kept once found: extraction asks for the same few countries
    again and again, and each of pycountry's look-ups costs as much as reading a short clause."""
    if code in _DISPLAY:
        return _DISPLAY[code]
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


def _initials(name: str) -> str:
    """The initials of a name's words but "and" ("Jammu and Kashmir": "JK"), as "J&K" abbreviates it."""
    return "".join(word[0].upper() for word in name.split() if word.lower() != "and")


def _size(row: Row) -> float:
    """How much a place's size counts when namesakes compete: its population's order of magnitude."""
    return math.log10(row.population + 1)


_BUILD_LOCK = threading.Lock()


@functools.cache
def _shared() -> Gazetteer:
    return Gazetteer()


def gazetteer() -> Gazetteer:
    """The shared gazetteer, built once on first use (threads asking meanwhile wait for it)."""
    with _BUILD_LOCK:
        return _shared()
