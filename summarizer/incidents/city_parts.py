"""Where a named part of a large city lies: "the Coyoacán area of Mexico City", "a district of Bangkok".

ACLED names such a place after the city ("Mexico City-Coyoacán"); its point is the part's own when
the gazetteer knows a place of that name inside the city, else the city's.
"""

from __future__ import annotations

from dataclasses import replace

from summarizer.incidents.gazetteer import Gazetteer, Place
from summarizer.incidents.merge import distance_km

__all__ = ["PART_KM", "part_of_city"]

# A namesake this close to the city's centre is the part named (boroughs of the largest cities lie
# within about 20 km of it), not a town of the same name elsewhere.
PART_KM = 25.0


def part_of_city(part: str, city: Place, gazetteer: Gazetteer) -> Place:
    """The city with the point of its part ``part`` when the gazetteer has one, else the city itself."""
    if city.latitude is None or city.longitude is None:
        return city
    centre = (city.latitude, city.longitude)
    near = [
        (distance, namesake.place)
        for namesake in gazetteer.namesakes(part)
        if namesake.place.country_code == city.country_code
        and namesake.place.latitude is not None
        and namesake.place.longitude is not None
        and (distance := distance_km(centre, (namesake.place.latitude, namesake.place.longitude))) <= PART_KM
    ]
    if not near:
        return city
    _, inside = min(near, key=lambda pair: pair[0])
    return replace(city, latitude=inside.latitude, longitude=inside.longitude)
