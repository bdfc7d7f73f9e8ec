"""The listing grows in place: a newly stored article costs about the same however many are listed."""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from bot.core.catalog import Catalog
from bot.vocabulary import ArticleHead
from summarizer.articles.model import Article

START = datetime(2020, 1, 1, tzinfo=UTC)


class ListArchive:
    """An archive whose heads are a list (the store's role)."""

    name = "list"

    def __init__(self, count: int) -> None:
        self.heads = [self.head(i) for i in range(count)]

    @staticmethod
    def head(number: int, minute: int | None = None) -> ArticleHead:
        published = START + timedelta(minutes=number if minute is None else minute)
        return ArticleHead(f"{number:08x}", f"Story {number}", "Wire", None, published, published.date())

    def heads_after(self, cursor: int) -> list[tuple[int, ArticleHead]]:
        return [(i + 1, head) for i, head in enumerate(self.heads[cursor:], start=cursor)]

    def load(self, article_id: str) -> Article | None:
        return None

    def search(self, terms: Sequence[str], *, offset: int = 0, limit: int, titles_only: bool = False
               ) -> tuple[list[str], int]:
        return [], 0

    def extractions(self) -> dict[str, list[dict[str, object]]]:
        return {}


def _cpu_to_list_new_articles(listed: int, new: int = 300) -> float:
    archive = ListArchive(listed)
    catalog = Catalog([archive])
    catalog.refresh(force=True)
    began = time.process_time()
    for number in range(listed, listed + new):
        archive.heads.append(archive.head(number, listed // 2))  # lands in the middle of the listing
        catalog.refresh(force=False)
    spent = time.process_time() - began
    assert len(catalog.ordered) == listed + new
    assert catalog.number(archive.heads[-1]) == catalog.ordered.index(archive.heads[-1]) + 1
    return spent


def test_a_new_article_is_listed_without_sorting_the_others_again() -> None:
    small, large = _cpu_to_list_new_articles(2_000), _cpu_to_list_new_articles(40_000)
    assert large < 4 * small  # sorting every listed article again would cost about 20 times more
