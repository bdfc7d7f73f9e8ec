"""The delivery soak in CI, scaled down from 100 channels x 10 slots to keep CI time bounded
(``python tests/soak.py URL`` runs the full size): several scheduler processes, random SIGKILLs
and restarts, one clock an hour ahead, slow sends and refused first attempts. Nothing is lost;
a platform where a retry can find its earlier post (Slack's metadata) gets no duplicate, one
where it cannot gets at most one per kill (a kill between the post and its record)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pg_fixtures import postgres_server, postgres_url  # noqa: F401
from soak import SoakReport, run_soak

pytestmark = pytest.mark.postgres


def check(report: SoakReport, *, lookup: bool) -> None:
    print(report.line())
    assert report.lost == 0
    assert report.sent == report.deliveries == report.slots
    assert report.duplicates <= (0 if lookup else report.kills)
    assert report.posts == report.slots + report.duplicates


@pytest.mark.parametrize("lookup", [True, False], ids=["lookup", "no-lookup"])
def test_soak_four_processes_on_postgresql(postgres_url: str, tmp_path: Path, lookup: bool) -> None:  # noqa: F811
    check(run_soak(postgres_url, tmp_path, channels=25, slots=6, processes=4, kills=4, seed=11,
                   lookup=lookup), lookup=lookup)


@pytest.mark.parametrize("lookup", [True, False], ids=["lookup", "no-lookup"])
def test_soak_two_processes_on_sqlite(tmp_path: Path, lookup: bool) -> None:
    check(run_soak(f"sqlite:///{tmp_path / 'soak.sqlite3'}", tmp_path, channels=15, slots=6, processes=2,
                   kills=3, seed=7, lookup=lookup), lookup=lookup)
