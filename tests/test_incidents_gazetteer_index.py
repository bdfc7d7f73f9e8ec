"""The place table's index: built once into the cache folder from the shipped table, then only opened."""

from __future__ import annotations

import hashlib
import lzma
import os
import stat
import tempfile
import time
from pathlib import Path

import pytest

from summarizer.errors import SummarizerError
from summarizer.incidents.gazetteer_index import ADMIN1, ADMIN2, INDEX_VERSION, TOWN, PlaceIndex
from summarizer.incidents.names import fold, name_keys, region_display_name, skeleton

_TABLE = [
    f"{ADMIN1}\tKunar\tAF\t1\t\t34.9\t71.1\t0\tKonar Province",
    f"{ADMIN2}\tChowkay\tAF\t1\t2\t34.8\t70.9\t0\tChawkay District",
    f"{TOWN}\tAsadabad\tAF\t1\t2\t34.87\t71.15\t48400\tAsad Abad|Chaghasaray",
]


def _table(folder: Path) -> Path:
    path = folder / "table.tsv.xz"
    path.write_bytes(lzma.compress(("\n".join(_TABLE) + "\n").encode()))
    return path


def test_the_index_is_built_once_and_answers_every_spelling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    table = _table(tmp_path)
    index = PlaceIndex(table)
    built = list((tmp_path / "cache" / "newsdigest").glob("gazetteer-*.sqlite"))
    assert len(built) == 1
    town = index.named("Chaghasaray")[0]
    assert (town.name, town.admin1, town.admin2, town.main) == ("Asadabad", "Kunar", "Chowkay", False)
    assert [r.name for r in index.named("Konar")] == ["Kunar"]  # a unit's alias, "Province" dropped
    assert [r.name for r in index.sounding("Chawkey")] == ["Chowkay"]
    inode = built[0].stat().st_ino
    PlaceIndex(table)  # a second process only opens it
    assert built[0].stat().st_ino == inode  # not rebuilt (a rebuild replaces the file)


def test_opening_an_index_forgets_other_index_files_unused_for_a_day(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "cache" / "newsdigest"
    folder.mkdir(parents=True)
    table = _table(tmp_path)
    PlaceIndex(table)
    stale, recent = folder / "gazetteer-old.sqlite", folder / "gazetteer-recent.sqlite"
    dead_build = folder / "gazetteer-abc.part"
    for path in (stale, recent, dead_build):
        path.write_bytes(b"")
    a_day_ago = time.time() - 86_400 - 60
    os.utime(stale, (a_day_ago, a_day_ago))
    os.utime(dead_build, (a_day_ago, a_day_ago))
    (current,) = folder.glob("gazetteer-v*.sqlite")
    os.utime(current, (a_day_ago, a_day_ago))  # its own file, opened again, is kept
    PlaceIndex(table)  # opened, not built
    assert sorted(p.name for p in folder.iterdir()) == sorted([current.name, recent.name])


# Keys of names as the index stores and looks them up, recorded with the index version they belong
# to. When this test fails, the name keys changed: bump INDEX_VERSION (so every cached index is
# rebuilt) and record the new version and digest here.
_NAMES = [
    "Al-Ḩasakah",
    "Deir ez-Zor",
    "Deir Ezzor",
    "Imam Sahib District",
    "Kunar Province",
    "Konar",
    "Tuz Khurmatu",
    "Beit Hanoun",
    "Salah ad Din Governorate",
    "Muḩāfaz̧at Dimashq",
    "Saint-Louis",
    "Luhansk People's Republic",
    "Ciudad de México",
    "N'Djamena",
    "Lattakia",
    "Ar-Raqqa",
    "Cité Soleil",
    "‘Ayn Tamr",
    "al-Ma'arra",
    "//Karas",
    "Donetska oblast",
    "Donetsk",
    "Michoacán de Ocampo",
    "Michoacan",
    "District of Columbia",
]
_RECORDED = (2, "1b7ca6269263b0e5")


def test_the_index_version_changes_with_the_name_keys() -> None:
    digest = hashlib.sha256()
    for name in _NAMES:
        for unit in (False, True):
            keys = name_keys([name], unit)
            digest.update(repr((name, fold(name), keys, [skeleton(k) for k in keys])).encode())
        digest.update(region_display_name(name, _NAMES).encode())  # "Donetska oblast": "Donetsk"
    assert (INDEX_VERSION, digest.hexdigest()[:16]) == _RECORDED


def test_sound_alikes_of_one_country_come_in_the_index_order_of_all_of_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    table = tmp_path / "sounds.tsv.xz"
    rows = [
        f"{TOWN}\tTorvel\tKE\t\t\t1.0\t36.0\t900\t",
        f"{TOWN}\tTeravil\tUG\t\t\t1.0\t32.0\t800\t",
        f"{TOWN}\tTurvale\tKE\t\t\t1.1\t36.1\t700\t",
    ]
    table.write_bytes(lzma.compress(("\n".join(rows) + "\n").encode()))
    index = PlaceIndex(table)
    everywhere = [(r.name, r.country_code) for r in index.sounding("Tarvil")]
    assert everywhere == [("Torvel", "KE"), ("Teravil", "UG"), ("Turvale", "KE")]
    assert [r.name for r in index.sounding("Tarvil", "KE")] == ["Torvel", "Turvale"]
    assert index.sounding("Tarvil", "TZ") == []


def test_a_damaged_index_file_is_built_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    table = _table(tmp_path)
    PlaceIndex(table)
    (built,) = (tmp_path / "cache" / "newsdigest").glob("gazetteer-*.sqlite")
    built.write_bytes(b"not an index")
    assert [r.name for r in PlaceIndex(table).named("Konar")] == ["Kunar"]


def test_without_a_cache_folder_the_index_goes_to_a_private_folder_of_the_user(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a file"
    blocked.write_bytes(b"")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked / "cache"))  # no folder can be made there
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    shared = tmp_path / "tmp" / f"newsdigest-{os.getuid()}"
    shared.mkdir(mode=0o777)
    shared.chmod(0o777)  # left open by an older version: made private
    assert [r.name for r in PlaceIndex(_table(tmp_path)).named("Konar")] == ["Kunar"]
    assert len(list(shared.glob("gazetteer-*.sqlite"))) == 1
    assert stat.S_IMODE(shared.stat().st_mode) == 0o700


def test_an_index_that_can_be_written_nowhere_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a file"
    blocked.write_bytes(b"")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked / "cache"))
    monkeypatch.setattr(tempfile, "tempdir", str(blocked))
    with pytest.raises(SummarizerError, match="cannot write the place index"):
        PlaceIndex(_table(tmp_path))
