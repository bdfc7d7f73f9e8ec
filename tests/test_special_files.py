"""Devices, FIFOs and /proc files: the cap bounds what is read, and nothing waits (issue 9, point 6)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from summarizer.articles.loader import load, load_one
from summarizer.articles.model import Article, LoadFailure
from summarizer.articles.options import LoadOptions
from summarizer.errors import InputError


def test_a_fifo_in_a_folder_is_skipped_with_a_note_and_the_rest_go_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A first sentence here. A second one follows it.\n")
    os.mkfifo(tmp_path / "b.txt")  # no writer: opening it to read would wait for ever
    (tmp_path / "c.txt").write_text("A third sentence here. A fourth one follows it.\n")
    items = list(load(tmp_path))
    assert [type(item) for item in items] == [Article, LoadFailure, Article]
    assert items[1].origin == str(tmp_path / "b.txt")
    assert "a FIFO, not a regular file: skipped" in str(items[1])


def test_a_fifo_named_directly_is_refused_without_waiting(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(InputError, match="a FIFO, not a regular file"):
        load_one(tmp_path / "pipe.txt")


def test_dev_zero_is_refused_instead_of_read_without_end() -> None:
    with pytest.raises(InputError, match="/dev/zero: a character device, not a regular file"):
        load_one("/dev/zero")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_a_proc_file_that_says_zero_bytes_is_read_only_up_to_the_cap() -> None:
    assert Path("/proc/self/status").stat().st_size == 0
    with pytest.raises(InputError, match="over the size cap"):
        load_one("/proc/self/status", LoadOptions(max_bytes=100))


def test_a_regular_file_over_the_cap_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 100)
    with pytest.raises(InputError, match="over the size cap"):
        load_one(path, LoadOptions(max_bytes=100))
