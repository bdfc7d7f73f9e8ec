"""Where a list of names puts a place: "(Pobe-Mengao, Soum)", "Daquq city, Kirkuk", "(Mulanje, Southern)".

Reports name a place's units from the most specific to the least, in a parenthesis or a comma
chain, after the place itself. Each name may stand for units or towns in several countries; the
list is read as a whole, with the place it follows: the country where most of its names are
places wins, ahead of the country the article seems to be about, and a name inside the next
one's unit counts twice. The most specific unit named in that country is the answer, inside the
first-level unit the list names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from summarizer.incidents.gazetteer import Context, Gazetteer, Namesake, Place
from summarizer.incidents.names import alike, fold, short_unit_name

__all__ = ["place_of_list"]

# A name with a second-level unit's word is that unit, not a province of the same name ("Ilam district").
_DISTRICT_WORD = re.compile(
    r"\s(?:district|LGA|county|sub-county|municipality|upazila|tehsil)$", re.IGNORECASE
)
# A town this large is a likelier namesake than a unit of the same name ("(Tripoli)": the Libyan city).
_CITY = 100_000
# A town this large has parts of its own ("Panama City (Bella Vista)": a part, not the village elsewhere).
_CITY_OF_PARTS = 200_000
# A list of this many first-level units of one country enumerates them.
_ENUMERATION = 3
# How alike a listed name and a unit's name must be to be two spellings of it ("Manubah", "La Manouba").
_SPELLING = 0.7


def place_of_list(
    head: str | None,
    names: Sequence[str],
    gazetteer: Gazetteer,
    prefer: str | None,
    context: Context,
    *,
    closed: bool,
) -> Place | None:
    """The most specific place a list of unit names gives, read from the most specific name on.

    ``head`` is the place the list follows ("Kolofata" in "Kolofata town (Mayo-Sava, Extreme-Nord)"):
    it helps find the country but is not itself the answer. A country the list names is the
    only one considered. A name the gazetteer cannot place in the chosen country, after a name
    that is itself a first-level unit there or after the place alone, is a coarser division the
    text uses ("Mulanje, Southern": the Southern region, which holds Mulanje; "Lilongwe
    (Central)") and becomes the first-level unit, when the list is ``closed`` (a parenthesis: a
    comma chain may run on into the sentence).
    """
    named_countries = {code for name in names if (code := gazetteer.country(name.strip())) is not None}
    units = [name for name in names if gazetteer.country(name.strip()) is None]
    found = [_namesakes(name, gazetteer) for name in ([head] if head else []) + units]
    if named_countries:
        found = [[n for n in namesakes if n.place.country_code in named_countries] for namesakes in found]
    offset = len(found) - len(units)
    grouped = [_by_country(namesakes) for namesakes in found]
    last = units[-1].strip() if closed and units else ""
    scores = {code: _score(grouped, code, prefer, last) for code in sorted({c for g in grouped for c in g})}
    if not scores:
        return None
    best = max(scores, key=scores.__getitem__)
    owner = _sole_region_country(found[-1]) if last else None
    heads = grouped[0].get(best, []) if offset else []
    if (
        owner is not None
        and not any(groups.get(best) for groups in grouped[offset:])
        and not any(n.place.population >= _CITY for n in heads)
    ):
        best = owner  # "Shaqra (Abyan governorate)": the unit is Yemen's only; the Saudi town is not it
    if scores[best][0] == 0 or (best != prefer and not _trusted(grouped, best, prefer)):
        return None
    side_by_side = grouped if grouped[0].get(best) else grouped[offset:]  # the head may be no place
    if _enumerates_regions(side_by_side, best):  # "in Kabul, Ghor, Laghman and Balkh provinces"
        return gazetteer.in_context(
            next(n for n in side_by_side[0][best] if n.place.kind == "admin1"), context
        )
    placed = [groups.get(best, []) for groups in grouped[offset:]]
    first = next((i for i, named in enumerate(placed) if named), None)
    if first is None:  # only the place before the list is known: "Lilongwe (Central)"
        coarse = units[-1].strip() if closed and units else ""
        return Place(coarse, "admin1", best, admin1=coarse) if _region_like(coarse, found[-1]) else None
    later, options = placed[first + 1 :], placed[first]
    chosen = max(options, key=lambda n: (_inside_any(n, later), n.unit, n.own, n.place.population))
    city = next((n for n in (found[0] if offset else []) if _is_city(n, best)), None)
    if city is not None and not chosen.unit and not later:
        return gazetteer.in_context(city, context)  # "Panama City (Bella Vista)": a part of the city
    place = gazetteer.in_context(chosen, context)
    region = next((n.place for named in later for n in named if n.place.kind == "admin1"), None)
    if region is not None:
        inside = _inside_any(chosen, later)
        if (
            not inside
            and chosen.own
            and place.kind != "admin1"
            and not _same_spelled(place.admin1, region.admin1)
        ):
            return (
                place  # "(Gujba LGA, Borno)": the district lies in Yobe; the finer unit is the likelier right
            )
        admin2 = place.admin2 if place.kind != "admin1" and inside else None
        return replace(place, admin1=region.admin1, admin2=admin2)
    coarse = units[-1].strip() if closed and later and not later[-1] else ""
    if place.kind == "admin1" and _region_like(coarse, found[-1]):
        return replace(place, admin1=coarse, admin2=place.name)
    return _region_as_written(place, units, gazetteer)


def _enumerates_regions(grouped: Sequence[dict[str, list[Namesake]]], code: str) -> bool:
    """Whether a list names three or more first-level units of country ``code`` side by side, not
    one inside the next: the first is where the text places events first."""
    units = [{n.place.name for n in groups.get(code, []) if n.place.kind == "admin1"} for groups in grouped]
    return len(units) >= _ENUMERATION and all(units) and len({min(u) for u in units}) == len(units)


def _region_as_written(place: Place, units: Sequence[str], gazetteer: Gazetteer) -> Place:
    """The place with its first-level unit spelled as the list spells it, when the list names it in
    another of its known names ("Dovlatyarli, Fuzuli District": the Fuzuli rayon; "(Sirte)": Surt
    district); a spelling the gazetteer does not know ("Sala al-Din") leaves the unit's own name, and
    a unit ACLED spells its own way keeps ACLED's ("Hilla, Babel": Babil)."""
    region = fold(short_unit_name(place.admin1 or ""))
    written = next((name for unit in units if alike(fold(name := unit.strip()), region, _SPELLING)), None)
    if (
        written in (None, place.admin1)
        or not region
        or not gazetteer.same_region(written or "", place.admin1 or "", place.country_code)
    ):
        return place
    return replace(place, admin1=gazetteer.acled_name(written or "", place.country_code) or written)


def _is_city(namesake: Namesake, code: str) -> bool:
    """Whether a namesake is a city of country ``code``, large enough to have parts a list may name."""
    return (
        namesake.place.country_code == code
        and not namesake.unit
        and namesake.place.population >= _CITY_OF_PARTS
    )


def _same_spelled(first: str | None, second: str | None) -> bool:
    """Whether two names of first-level units are spellings of one ("Hiiran", "Hiraan"); no name is none."""
    keys = [fold(short_unit_name(name or "")) for name in (first, second)]
    return not keys[0] or alike(keys[0], keys[1], _SPELLING)


def _region_like(name: str, namesakes: list[Namesake]) -> bool:
    """Whether a name unknown in the chosen country reads as a region's name: one elsewhere, not a code."""
    return bool(name) and not name.isupper() and any(n.place.kind == "admin1" for n in namesakes)


def _namesakes(name: str, gazetteer: Gazetteer) -> list[Namesake]:
    """The places a name may stand for; one with a district's word is a district when one has the name,
    else a town, else a first-level unit (Israel's "Southern district")."""
    namesakes = gazetteer.namesakes(name)
    if _DISTRICT_WORD.search(name):
        districts = [n for n in namesakes if n.place.kind == "admin2"]
        return districts or [n for n in namesakes if n.place.kind != "admin1"] or namesakes
    return namesakes


def _by_country(namesakes: list[Namesake]) -> dict[str, list[Namesake]]:
    """A name's namesakes by their country, in their order: a list is scored country by country."""
    groups: dict[str, list[Namesake]] = {}
    for namesake in namesakes:
        groups.setdefault(namesake.place.country_code, []).append(namesake)
    return groups


def _score(
    grouped: list[dict[str, list[Namesake]]], code: str, prefer: str | None, last: str = ""
) -> tuple[float, bool, bool, int, bool]:
    """How well a country fits a list (each name's namesakes by country): its names placed there (by
    their own name 2, by an alternate one 1, by sound 0, each divided by the number of countries
    sharing the name: "Southern" says little) and nested (2 each; a name placed in a first-level
    unit called as the ``last`` name of a parenthesis counts as nested in it: "Tripoli (Tripoli,
    North)" is Lebanon's, whose Tripoli lies in its North governorate), its being preferred, the last
    name being a first-level unit there (lists end with one), its largest city of those names, a
    unit of those names."""
    placed = [groups.get(code, []) for groups in grouped]
    shared = [len(groups) or 1 for groups in grouped]
    support = sum(
        max((_quality(n) for n in named), default=0) / ways
        for named, ways in zip(placed, shared, strict=True)
    )
    nested = sum(
        any(_inside(inner, outer) for inner in placed[i] for outer in placed[i + 1])
        for i in range(len(placed) - 1)
    )
    everyone = [n for named in placed for n in named if n.exact]
    city = max((n.place.population for n in everyone if n.place.population >= _CITY), default=0)
    held = bool(last) and not placed[-1] and any(_held_by(n, last) for named in placed for n in named)
    region_last = held or any(n.place.kind == "admin1" for n in placed[-1])
    return support + 2 * (nested + held), code == prefer, region_last, city, any(n.unit for n in everyone)


def _held_by(namesake: Namesake, region: str) -> bool:
    """Whether a namesake lies in a first-level unit written ``region`` (ACLED's "North" for Lebanon's
    North governorate, which GeoNames spells otherwise)."""
    return namesake.place.kind != "admin1" and fold(namesake.place.admin1 or "") == fold(region)


def _sole_region_country(namesakes: list[Namesake]) -> str | None:
    """The country of a name that is a first-level unit of one country only ("Abyan governorate"),
    none for a name many countries' units bear ("Central") or a name that is also a town."""
    codes = {n.place.country_code for n in namesakes}
    regions = [n for n in namesakes if n.place.kind == "admin1"]
    sole = bool(regions) and len(codes) == 1 and len(regions) == len(namesakes)
    return regions[0].place.country_code if sole else None


def _quality(namesake: Namesake) -> int:
    return 2 if namesake.own else 1 if namesake.exact else 0


def _trusted(grouped: list[dict[str, list[Namesake]]], code: str, prefer: str | None) -> bool:
    """Whether a list may place its place outside the preferred country (or with none preferred).

    It must name two different places there, or a unit (by its own name, when another country is
    preferred), or a town by its own name that is a city or that no other country shares (a
    sound-alike namesake abroad does not count as shared).
    """
    placed = [groups.get(code, []) for groups in grouped]
    if len({tuple(named) for named in placed if named}) >= 2:  # "Mal (Mal)": one name, said twice
        return True
    unique = len({c for groups in grouped for c, named in groups.items() if any(n.exact for n in named)}) == 1
    free = prefer is None or unique
    return any(
        n.exact and (n.own or free) if n.unit else n.own and (free or n.place.population >= _CITY)
        for named in placed
        for n in named
    )


def _inside(inner: Namesake, outer: Namesake) -> bool:
    return outer.unit and bool(inner.within & outer.keys)


def _inside_any(inner: Namesake, later: list[list[Namesake]]) -> bool:
    return any(_inside(inner, outer) for named in later for outer in named)
