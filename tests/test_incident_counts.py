"""Rules for fatality counts: one per rule, on self-written sentences."""

from __future__ import annotations

import pytest

from summarizer.incidents.counts import find_casualties


@pytest.mark.parametrize(
    ("sentence", "dead"),
    [
        ("A trader was shot to death by two gunmen.", 1),
        ("A village elder was tortured to death by the militia.", 1),
        ("A former town councillor was shot and killed by unknown men.", 1),
        ("Four farmers were kidnapped and killed by bandits.", 4),
        ("A teacher was fatally shot outside the school.", 1),
        ("The victim died.", 1),
        ("The clash led to the killing of 3 rebels and 1-2 soldiers.", 4),
        ("The battle ended with 12 rebel and 2 army fatalities.", 14),
        ("Police found the bodies of five men near the road.", 5),
        ("Seven corpses were recovered from the river.", 7),
        ("1 fatality.", 1),
        ("Unknown number of fatalities coded as 10.", 10),
        ("Eleven guards were also killed (total of 12 fatalities).", 12),
    ],
)
def test_dead_counted(sentence: str, dead: int) -> None:
    assert find_casualties(sentence).fatalities == dead


def test_animals_killed_are_not_fatalities() -> None:
    assert find_casualties("The raiders killed 40 cattle and burned huts.").fatalities is None


@pytest.mark.parametrize("sentence", ["Fatalities coded as 0 (the militia reported 3).", "2 fatalities."])
def test_coded_figure_is_marked(sentence: str) -> None:
    assert find_casualties(sentence).coded


def test_an_ordinary_count_is_not_coded() -> None:
    assert not find_casualties("Gunmen killed 2 fatalities-free villagers, 3 soldiers died.").coded


def test_coded_figure_replaces_counts_of_the_report() -> None:
    from datetime import date

    from summarizer.articles import Article
    from summarizer.incidents import extract_incidents

    text = (
        "On 3 March 2021, gunmen attacked a police post in Kunduz, Afghanistan, killing 4 policemen. "
        "Fatalities coded as 0 (a local source reported 4)."
    )
    found = extract_incidents(Article(id="x", title="", text=text, reference_date=date(2021, 3, 5)))
    assert [i.fatalities for i in found] == [0]
