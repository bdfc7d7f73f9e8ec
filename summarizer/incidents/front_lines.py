"""Front lines between two sides ACLED names, and which side holds a place behind one.

Fire whose source goes unnamed on such a front came from one of its two sides: from across the
line, so a place the state holds was fired at by the other side and a place the other side holds by
the state. The Donbas war until Russia's invasion of 24 February 2022 is one: the Ukrainian military
against the separatists' United Armed Forces of Novorossiya (NAF). Who held a place is read against
the line of contact from the Minsk II ceasefire of 15 February 2015 on; in the mobile war before it
(when Sloviansk, say, was the separatists') it is not known, and the state's side leads.

The line follows the line of contact of 2015-2022 as the OSCE Special Monitoring Mission to Ukraine's
daily reports describe it and Wikipedia's maps of the War in Donbas show it: its corners lie between
the front-line towns each side held, government-held Mariupol, Vuhledar, Maryinka,
Krasnohorivka, Pisky, Opytne, Avdiivka, Toretsk, Svitlodarsk, Luhanske, Popasna, Zolote, Shchastia
and Stanytsia Luhanska, and separatist-held Novoazovsk, Dokuchaievsk, Donetsk, Yasynuvata, Horlivka,
Debaltseve, Kadiivka, Pervomaisk and Luhansk.
"""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.incidents.actors import NAF, REBELS, STATE, state_forces

__all__ = ["Actor", "FrontLine", "Point", "firing_state", "front_line"]

Actor = tuple[str, str]  # ACLED-style name, actor type
Point = tuple[float, float]  # latitude, longitude


@dataclass(frozen=True, slots=True)
class FrontLine:
    """Two sides facing each other in one country between two ISO dates.

    ``rebel_area`` is a polygon of (latitude, longitude) corners around the land the non-state side
    holds from ISO date ``settled`` on: the line of contact, then a wide loop through land outside the
    country back to its start.
    """

    start: str
    end: str
    state: Actor
    rebels: Actor
    settled: str
    rebel_area: tuple[Point, ...]

    def active(self, when: str | None) -> bool:
        """Whether the front was held on ISO date ``when`` (an undated incident is on none)."""
        return when is not None and self.start <= when < self.end

    def holder(self, where: Point, when: str) -> Actor | None:
        """The side that held the place at ``where`` on ISO date ``when``; None before the line settled."""
        if when < self.settled:
            return None
        return self.rebels if _inside(where, self.rebel_area) else self.state


def _inside(point: Point, polygon: tuple[Point, ...]) -> bool:
    """Whether ``point`` lies inside ``polygon`` (ray casting: odd crossings of a ray eastwards)."""
    lat, lon = point
    inside = False
    for (lat1, lon1), (lat2, lon2) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
        if (lat1 > lat) != (lat2 > lat):
            crossing = lon1 + (lat - lat1) * (lon2 - lon1) / (lat2 - lat1)
            if lon < crossing:
                inside = not inside
    return inside


# The Donbas line of contact of 2015-2022 from the Sea of Azov east of Shyrokyne north past
# Avdiivka and Horlivka, east along the Svitlodarsk bulge and around Debaltseve, past Popasna and
# Zolote, then along the Siverskyi Donets past Shchastia and Stanytsia Luhanska to the Russian
# border; closed through Russia and the Sea of Azov.
_DONBAS_HELD = (
    (47.09, 37.87), (47.16, 37.80), (47.24, 37.82), (47.32, 37.83), (47.40, 37.92), (47.55, 37.84),
    (47.63, 37.79), (47.72, 37.62), (47.79, 37.60), (47.86, 37.58), (47.94, 37.525), (47.99, 37.53),
    (48.055, 37.68), (48.09, 37.73), (48.12, 37.78), (48.16, 37.81), (48.20, 37.85), (48.25, 37.92),
    (48.35, 37.94), (48.40, 37.98), (48.425, 38.03), (48.415, 38.06), (48.418, 38.10), (48.421, 38.14),
    (48.415, 38.17), (48.41, 38.25), (48.45, 38.33), (48.56, 38.40), (48.61, 38.45), (48.655, 38.47),
    (48.672, 38.53), (48.69, 38.545), (48.70, 38.58), (48.735, 38.68), (48.73, 38.78), (48.745, 38.84),
    (48.76, 38.90), (48.72, 39.10), (48.71, 39.25), (48.66, 39.45), (48.62, 39.50), (48.595, 39.58),
    (48.60, 39.80), (48.62, 40.30), (46.90, 40.30), (46.90, 37.90),
)  # fmt: skip
_FRONT_LINES = {
    "Ukraine": FrontLine(
        "2014-04-06",
        "2022-02-24",
        (state_forces("Ukraine"), STATE),
        (NAF, REBELS),
        "2015-02-15",
        _DONBAS_HELD,
    ),
}


def front_line(country: str | None, when: str | None) -> FrontLine | None:
    """The front line held in ``country`` on ISO date ``when``, if any."""
    front = _FRONT_LINES.get(country or "")
    return front if front is not None and front.active(when) else None


# Crimea, which Russia held throughout its war on Ukraine: the peninsula south of the Perekop and
# Chonhar isthmuses, Karkinit Bay's northern shore (Skadovsk) and Henichesk left outside.
_CRIMEA = (
    (45.40, 32.40), (45.80, 33.00), (46.00, 33.50), (46.17, 33.60), (46.17, 34.10), (46.00, 34.60),
    (45.60, 35.20), (45.60, 36.70), (44.30, 36.70), (44.30, 32.40),
)  # fmt: skip
# Wars between states, from an ISO date: the enemy, and the land in the country the enemy held
# throughout (Russia's full invasion of Ukraine on 24 February 2022: the Donbas it held before, and
# Crimea; Ukraine's strikes back into Russia).
_WARS: dict[str, tuple[str, str, tuple[tuple[Point, ...], ...]]] = {
    "Ukraine": ("2022-02-24", "Russia", (_DONBAS_HELD, _CRIMEA)),
    "Russia": ("2022-02-24", "Ukraine", ()),
}


def firing_state(
    country: str, when: str | None, where: Point | None = None, target: str | None = None
) -> str | None:
    """The state whose military fired unseen in ``country`` on ISO date ``when`` in a war between
    states: at one side's military (``target``), the other's; at a place the enemy held
    (``where``), the country's own; anywhere else, the enemy's. None outside such a war."""
    war = _WARS.get(country)
    if war is None or when is None or when < war[0]:
        return None
    _, enemy, enemy_held = war
    if target is not None:
        return {state_forces(country): enemy, state_forces(enemy): country}.get(target)
    held = where is not None and any(_inside(where, area) for area in enemy_held)
    return country if held else enemy
