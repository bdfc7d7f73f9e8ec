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
        "A jury in the arson trial was told on Friday that the warehouse keeper had been beaten.",
        "Jurors heard the ferryman had been stabbed twice, the trial was told.",
    ],
)
def test_what_a_trial_is_told_is_a_legal_proceeding(sentence: str) -> None:
    assert not_an_event(sentence) == "legal"


@pytest.mark.parametrize(
    "sentence",
    [
        "The gang was linked to many of the 60-odd van thefts and 37 warehouse attacks since March.",
        "Dozens of shootings were recorded in the province over the decade.",
        "Police recorded 35 racist assaults last year.",
        "Some 120 arson attacks have been recorded in the county.",
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
        "A wave of 16 truck bombings across Tarsun killed at least 52 people on Wednesday.",
        "Rebels carried out 13 attacks in Orvel district on Sunday, killing 19 villagers.",
        "Raiders launched dozens of attacks on farms near Kessa on Monday.",
    ],
)
def test_a_count_of_victims_or_a_few_attacks_is_not_a_bulk_count(sentence: str) -> None:
    assert not_an_event(sentence) != "cumulative"


@pytest.mark.parametrize(
    "sentence",
    [
        "In the finale of the soap, nine million viewers saw the innkeeper shot by his twin.",
        "Viewers watched the gardener stabbed to death in the last episode.",
    ],
)
def test_what_an_audience_saw_is_on_a_screen(sentence: str) -> None:
    assert classify(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Witnesses saw him shot by a guard at the gate.",
        "Millions of viewers saw the mayor shot at a rally in Corvenna.",
        "Viewers watched a cameraman stabbed to death on live television in Port Esk on Sunday.",
    ],
)
def test_what_witnesses_or_viewers_of_live_news_saw_is_an_event(sentence: str) -> None:
    assert classify(sentence) is not None
