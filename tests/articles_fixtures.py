"""Shared helpers for the article-loading tests: the fixture folder and the seed article."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures_articles"
SEED = next((ROOT / "seeds").glob("*.txt"))
