"""The user documentation: the front page's commands, links, license, and what user docs may not name."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
USER_DOCS = [ROOT / "README.md", ROOT / "bot/README.md", ROOT / "summarizer/README.md",
             ROOT / "summarizer/incidents/README.md"]
CONSOLE_COMMAND = "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/newsbot console"
TEST_COMMAND = "python3 -m venv .venv && .venv/bin/pip install -e '.[dev]' && .venv/bin/pytest"
LINK = re.compile(r"\]\(([^)\s]+)\)")


def test_the_front_page_gives_the_two_commands_verbatim_and_stays_short() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert CONSOLE_COMMAND in readme
    assert TEST_COMMAND in readme
    assert len(readme.splitlines()) <= 200


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci/run").read_text(encoding="utf-8")
    assert TEST_COMMAND.replace("pip install -e", "pip install -q -e") in ci


@pytest.mark.parametrize("doc", USER_DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_point_at_files_that_exist(doc: Path) -> None:
    for target in LINK.findall(doc.read_text(encoding="utf-8")):
        if target.startswith(("http://", "https://", "#")):
            continue
        path = target.split("#", 1)[0]
        assert (doc.parent / path).exists(), f"{doc.relative_to(ROOT)} links to missing {target}"


@pytest.mark.parametrize("doc", USER_DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_user_docs_name_no_developer_paths_or_internal_targets(doc: Path) -> None:
    text = doc.read_text(encoding="utf-8").lower()
    for banned in ("../shared", "/work/", "/home/", "moonshot", "goal 10x", "engineers' jobs"):
        assert banned not in text, f"{doc.relative_to(ROOT)} mentions {banned!r}"


def test_the_license_file_is_the_one_pyproject_promises() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    license_text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert project["license"]["text"] == "MIT"
    assert license_text.startswith("MIT License")
    assert "newsdigest contributors" in license_text
