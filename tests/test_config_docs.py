"""The documented settings stay in step with bot/config.py: the operator's guide table and .env.example."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from bot import config_table
from bot.config import SETTING_SOURCES, Settings

ROOT = Path(__file__).resolve().parent.parent
ENV_LINE = re.compile(r"^#?\s*([A-Z][A-Z0-9_]+)=(.*)$", re.MULTILINE)
CONFIG_FILE_VARIABLE = "NEWSDIGEST_CONFIG"  # names the TOML file itself, so it is not a setting


def test_the_guide_shows_the_settings_table_generated_from_the_source() -> None:
    guide = config_table.GUIDE_PATH.read_text(encoding="utf-8")
    assert config_table.guide_with_table(guide) == guide, (
        "bot/README.md's settings table is stale: python -m bot.config_table --update")


def test_the_table_has_one_row_per_setting_with_its_variable_and_default() -> None:
    rows = config_table.settings_table().splitlines()[2:]
    assert [row.split(" | ")[1] for row in rows] == [f"`{name}`" for name in SETTING_SOURCES]
    assert "| `NEWSDIGEST_PREFIX` | `prefix` | `!` |" in config_table.settings_table()
    settable = {f.name for f in fields(Settings)} - {"config_file"}
    assert set(SETTING_SOURCES) == settable


def test_update_refuses_a_guide_without_markers() -> None:
    with pytest.raises(ValueError, match="lacks the markers"):
        config_table.guide_with_table("# a guide without a table\n")


def test_env_example_lists_every_setting_and_nothing_else() -> None:
    listed = {name for name, _ in ENV_LINE.findall((ROOT / ".env.example").read_text(encoding="utf-8"))}
    assert listed - {CONFIG_FILE_VARIABLE} == {source.variable for source in SETTING_SOURCES.values()}


def test_env_example_values_are_valid_settings(tmp_path: Path) -> None:
    no_file_settings = tmp_path / "empty.toml"
    no_file_settings.write_text("", encoding="utf-8")
    pairs = ENV_LINE.findall((ROOT / ".env.example").read_text(encoding="utf-8"))
    given = {name: value for name, value in pairs if value and name != CONFIG_FILE_VARIABLE}
    assert len(given) > 10
    settings = Settings.load(given, config_file=no_file_settings)
    assert settings.prefix == "!"
