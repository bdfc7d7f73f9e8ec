"""Rules for fatality counts: one per rule, on self-written sentences."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.articles import Article
from summarizer.incidents import Incident, counts, extract_incidents
from summarizer.incidents.counts import find_casualties, parse_range
from summarizer.incidents.cues import cue_text, read_at


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
        ("One forest ranger was killed.", 1),
        ("A supporter of a local council member was killed in the attack.", 1),
        ("Two Somali citizens and four Kenyan citizens died in the crash of the plane.", 6),
        ("Information on fatalities range from 1 to 2.", 1),
    ],
)
def test_dead_counted(sentence: str, dead: int) -> None:
    assert find_casualties(sentence).fatalities == dead


@pytest.mark.parametrize(
    "sentence",
    [
        "Residents protested over the killing of a taxi driver.",
        "Nurses demonstrated to report the death of a patient.",
        "The detainee was responsible for the killing of several activists.",
    ],
)
def test_a_killing_given_as_a_cause_is_not_counted(sentence: str) -> None:
    assert find_casualties(sentence).fatalities is None


def test_a_toll_split_among_events_is_marked() -> None:
    assert find_casualties("Fatalities split between 2 events.").split == 2
    assert find_casualties("One soldier was killed [1 fatality split among 12 events].").split == 12


def test_a_split_toll_counts_its_share() -> None:
    incident = _only_incident(
        "On 3 March 2021, the army shelled rebel positions near Goma, Congo, on two days. "
        "9 rebels were killed. Fatalities split between 2 events."
    )
    assert incident.fatalities == 4


def test_animals_killed_are_not_fatalities() -> None:
    assert find_casualties("The raiders killed 40 cattle and burned huts.").fatalities is None


@pytest.mark.parametrize("sentence", ["Fatalities coded as 0 (the militia reported 3).", "2 fatalities."])
def test_coded_figure_is_marked(sentence: str) -> None:
    assert find_casualties(sentence).coded


def test_an_ordinary_count_is_not_coded() -> None:
    assert not find_casualties("Gunmen killed 2 fatalities-free villagers, 3 soldiers died.").coded


def test_coded_figure_replaces_counts_of_the_report() -> None:
    incident = _only_incident(
        "On 3 March 2021, gunmen attacked a police post in Kunduz, Afghanistan, killing 4 policemen. "
        "Fatalities coded as 0 (a local source reported 4)."
    )
    assert (incident.fatalities, incident.fatality_bounds) == (0, (0, 4))


@pytest.mark.parametrize(
    ("phrase", "span"),
    [
        ("12", (12, 12)),
        ("10-12", (10, 12)),
        ("between 3 and 7", (3, 7)),
        ("at least 5", (5, None)),
        ("dozens", (12, 99)),
        ("more than a dozen", (12, None)),
        ("hundreds", (100, 999)),
    ],
)
def test_number_phrases_give_their_range(phrase: str, span: tuple[int, int | None]) -> None:
    assert parse_range(phrase) == span


def _only_incident(text: str) -> Incident:
    found = extract_incidents(Article(id="x", title="", text=text, reference_date=date(2021, 3, 5)))
    assert len(found) == 1
    return found[0]


def test_dozens_stay_a_range_in_the_record() -> None:
    incident = _only_incident(
        "On 3 March 2021, gunmen attacked a market in Kano, Nigeria, killing dozens of traders."
    )
    assert (
        incident.fatalities,
        incident.to_dict()["fatalities_low"],
        incident.to_dict()["fatalities_high"],
    ) == (
        12,
        12,
        99,
    )


def test_figures_of_different_sources_are_a_range_not_a_sum() -> None:
    incident = _only_incident(
        "On 3 March 2021, militants attacked the town of Baga, Nigeria, killing at least 40 villagers. "
        "Government figures said 25 villagers were killed in the attack."
    )
    assert incident.fatalities == 40
    assert incident.fatality_bounds == (25, None)


COUNT_TEXTS = [
    "AT LEAST FIVE herders and Two Women were killed, and The gunman was wounded near Olvera.",
    "Between 3 and 7 deaths; dozens of bodies; twenty-one soldiers and 12 others were injured.",
    "The bodies of 4 Velani fishermen were found; both attackers, 1,200 people, a few were hurt.",
    "An officer and a guard were killed. A nurse was hospitalised: 3-4 wounded, scores dead.",
    "Eleven  Korvans   were  wounded,ten killed;a man and an elder died; one hundred fatalities",
    "x2 soldiers killed, 5people dead, the-suspect was killed, ALL seven were killed",
]


@pytest.mark.parametrize("text", COUNT_TEXTS)
def test_patterns_led_by_a_count_are_read_where_a_count_starts(text: str) -> None:
    """Property of the fast path: tried only where a count can start, each pattern led by a count
    finds exactly what ``finditer`` finds (counts in any letter case, glued or spaced oddly)."""
    led = [p for p in counts._DEAD_PATTERNS + counts._HURT_PATTERNS if id(p) in counts._COUNT_LED]
    assert len(led) == len(counts._COUNT_LED)
    starts = counts._count_starts(cue_text(text))
    for pattern in led:
        assert [m.span() for m in read_at(pattern, text, starts)] == [
            m.span() for m in pattern.finditer(text)
        ]
