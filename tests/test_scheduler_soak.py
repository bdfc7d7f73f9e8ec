"""The delivery soak, at full size: 4 scheduler processes on one PostgreSQL and 2 on SQLite,
100 channels x 10 slots each, 8 random SIGKILLs and restarts, one clock an hour ahead, slow
sends and refused first attempts (``python tests/soak.py URL`` runs the same outside pytest).

Nothing is lost. A duplicate needs a post that its process could not record: a process killed
between a post and its record (a kill lands while up to one post per channel is in flight, so
one kill can leave many), or a process stalled past its lease while posting (an "overrun", which
the scheduler logs and the soak counts). Where a retry can find its earlier post (Slack's
metadata), only overruns may repeat; where it cannot, every repeat must come from a killed
process ("unexplained" counts repeats among the posts of processes never killed).
Only counts are asserted, never timings: kills are triggered by progress, a busy machine may
cause overruns, and the bounds hold either way. The timeouts are safety nets only, far above
the 2 to 10 minutes a full-size run takes on two shared cores.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pg_fixtures import postgres_server, postgres_url  # noqa: F401
from soak import SoakReport, run_soak

pytestmark = pytest.mark.postgres

FULL = {"channels": 100, "slots": 10, "kills": 8}
SAFETY_TIMEOUT = 3600  # seconds; the suite's default (300) is for ordinary tests


def check(report: SoakReport, *, lookup: bool) -> None:
    print(report.line())
    assert report.lost == 0
    assert report.sent == report.deliveries == report.slots
    assert report.unexplained <= report.overruns
    if lookup:
        assert report.duplicates <= report.overruns
    assert report.posts == report.slots + report.duplicates


@pytest.mark.timeout(SAFETY_TIMEOUT)
def test_soak_four_processes_on_postgresql(postgres_url: str, tmp_path: Path) -> None:  # noqa: F811
    check(run_soak(postgres_url, tmp_path, processes=4, seed=11, lookup=False, **FULL), lookup=False)


@pytest.mark.timeout(SAFETY_TIMEOUT)
def test_soak_two_processes_on_sqlite(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'soak.sqlite3'}"
    check(run_soak(database, tmp_path, processes=2, seed=7, lookup=False, **FULL), lookup=False)


@pytest.mark.parametrize("url", ["sqlite", "postgresql"])
def test_soak_with_lookup_never_repeats_a_recorded_post(url: str, request: pytest.FixtureRequest,
                                                        tmp_path: Path) -> None:
    """Where a retry finds its earlier post (Slack), a kill between post and record repeats
    nothing; scaled down, as the full-size runs above already cover the load."""
    database = (f"sqlite:///{tmp_path / 'soak.sqlite3'}" if url == "sqlite"
                else str(request.getfixturevalue("postgres_url")))
    check(run_soak(database, tmp_path, channels=25, slots=6, processes=4 if url == "postgresql" else 2,
                   kills=4, seed=11, lookup=True), lookup=True)
