"""Ordinary news that borrows the words of violence: game genres, trials, events counted in bulk."""

from __future__ import annotations

import pytest

from summarizer.incidents.events import classify, not_an_event


@pytest.mark.parametrize(
    "sentence",
    [
        "These days I only play online RPGS at the weekend.",
        "Players meet in the game Starfall Deep, an RPG set on a drowned planet.",
    ],
)
def test_the_game_genre_is_no_weapon(sentence: str) -> None:
    assert classify(sentence) is None


def test_a_grenade_fired_is_still_a_weapon() -> None:
    found = classify("Rebels fired an RPG at a patrol near the river crossing.")
    assert found is not None
    assert found.event_type == "Explosions/Remote violence"


@pytest.mark.parametrize(
    "sentence",
    [
        "The bullet that killed the singer came from a rifle, his murder trial was told on Tuesday.",
        "The trial was told the guard had been stabbed twice.",
    ],
)
def test_what_a_trial_is_told_is_a_legal_proceeding(sentence: str) -> None:
    assert not_an_event(sentence) == "legal"


@pytest.mark.parametrize(
    "sentence",
    [
        "The cell was blamed for most of the 140 or so arson attacks along the coast.",
        "Dozens of shootings were recorded in the province over the decade.",
        "Police recorded 35 racist assaults last year.",
    ],
)
def test_events_counted_in_bulk_are_no_single_incident(sentence: str) -> None:
    assert not_an_event(sentence) == "cumulative"


@pytest.mark.parametrize(
    "sentence",
    [
        "Gunmen killed 12 in attacks on two villages on Monday.",
        "On 4 June, militants carried out 2 attacks on checkpoints near the town.",
        "The 2015 attacks on the capital killed forty people.",
    ],
)
def test_a_count_of_victims_or_a_few_attacks_is_not_a_bulk_count(sentence: str) -> None:
    assert not_an_event(sentence) != "cumulative"


@pytest.mark.parametrize(
    "sentence",
    [
        "That winter, 18 million saw him apparently shot by a stranger holding tulips.",
        "Viewers watched the gardener stabbed to death in the last episode.",
    ],
)
def test_what_an_audience_saw_is_on_a_screen(sentence: str) -> None:
    assert classify(sentence) is None


def test_what_witnesses_saw_is_an_event() -> None:
    assert classify("Witnesses saw him shot by a guard at the gate.") is not None
