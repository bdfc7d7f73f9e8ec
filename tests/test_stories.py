"""Story grouping: the rule on small texts, and precision/recall on real Wikinews articles turned
into wire-service variants."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from summarizer.articles import Article, load
from summarizer.stories import StoryIndex, StoryPick, group_stories, sources_label
from summarizer.stories_eval import hard_negatives, labelled_set, main, score, wire_variant

WIKINEWS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "wikinews"

FLOOD = Article(
    id="flood", source="Reuters", title="Floods cut roads in the north",
    text="Heavy rain flooded the northern valley on Monday, cutting the main road to the coast and "
    "forcing hundreds of families from their homes. Rescue teams reached three villages by boat.\n\n"
    "The regional governor said schools would stay closed until the water receded, and asked "
    "residents to avoid the river banks while engineers inspected two damaged bridges.",
)
BUDGET = Article(
    id="budget", source="AP", title="Parliament passes the budget",
    text="Parliament passed next year's budget late on Tuesday after a long debate over health "
    "spending, with the opposition voting against it and two members abstaining.",
)


def test_versions_of_a_story_group_and_a_different_story_stays_apart() -> None:
    update = replace(FLOOD, id="flood-2", source="AP", title="UPDATE 1-Floods in the north",
                     text=FLOOD.text + "\n\nOn Tuesday the army sent helicopters to the valley.")
    stories = group_stories([FLOOD, BUDGET, update])
    assert [[a.id for a in s.articles] for s in stories] == [["flood", "flood-2"], ["budget"]]
    assert stories[0].lead.id == "flood-2"  # the longest body
    assert stories[0].sources == ("AP", "Reuters")


def test_an_empty_article_is_its_own_story() -> None:
    empty = Article(id="empty", title="", text="")
    assert [len(s.articles) for s in group_stories([empty, replace(empty, id="again")])] == [1, 1]


def test_index_forgets_removed_keys() -> None:
    index: StoryIndex[str] = StoryIndex()
    index.add("a", FLOOD)
    assert index.same_story(FLOOD) == ["a"]
    index.remove("a")
    assert index.same_story(FLOOD) == []
    assert "a" not in index
    assert len(index) == 0


def test_sources_label_names_two_and_counts_the_rest() -> None:
    assert sources_label(["Reuters", "AP", "AFP", "BBC"]) == "Reuters, AP +2"
    assert sources_label(["Reuters"]) == "Reuters"


def test_a_wire_variant_has_its_own_outlet_and_url() -> None:
    variant = wire_variant(FLOOD, BUDGET, random.Random(3), 1)
    assert variant.url != FLOOD.url
    assert variant.id != FLOOD.id
    assert variant.source in {"Reuters", "AP", "AFP", "BBC", "Al Jazeera"}


@pytest.fixture(scope="module")
def wikinews() -> list[Article]:
    if not WIKINEWS.is_dir():
        pytest.skip(f"SKIPPED LOUDLY: the Wikinews corpus is absent ({WIKINEWS})")
    return [a for a in load(str(WIKINEWS)) if isinstance(a, Article)]


def test_grouping_of_wikinews_wire_variants_is_precise_and_complete(wikinews: list[Article]) -> None:
    result = score(labelled_set(wikinews, 3, 1), hard_negatives(wikinews))
    assert result.precision >= 0.98
    assert result.recall >= 0.97
    assert result.hard_merged == 0


def test_evaluation_command_reports_scores(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "flood.txt").write_text(f"{FLOOD.title}\n\n{FLOOD.text}", encoding="utf-8")
    (tmp_path / "budget.txt").write_text(f"{BUDGET.title}\n\n{BUDGET.text}", encoding="utf-8")
    assert main([str(tmp_path), "--variants", "2"]) == 0
    assert "pairwise precision" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main([str(tmp_path / "missing")])


def test_a_pick_takes_every_version_of_its_stories_and_no_further_story() -> None:
    pick: StoryPick[str] = StoryPick(2)
    assert pick.offer("flood", ["flood"])
    assert pick.offer("budget", ["budget"])
    assert not pick.offer("vote", ["vote"])  # a third story
    assert pick.offer("flood-2", ["flood-2", "vote", "flood"])  # a version of a story taken
    assert not pick.offer("vote-2", ["vote-2", "vote"])  # a version of the story left out
    assert pick.taken == ["flood", "budget", "flood-2"]
