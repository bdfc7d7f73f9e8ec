"""Stones thrown: one pattern makes both a riot cue and an unarmed crowd's weapon."""

from __future__ import annotations

import pytest

from summarizer.incidents.events import classify, crowd_fought


@pytest.mark.parametrize(
    "sentence",
    [
        "Villagers were pelting the patrol with stones near the market.",
        "Supporters hurled rocks at the convoy.",
        "Youths threw bottles at the bus.",
        "Stone-pelting was reported near the bridge.",
    ],
)
def test_stones_thrown_are_a_riot_and_a_crowd_fight(sentence: str) -> None:
    found = classify(sentence)
    assert found is not None
    assert (found.event_type, found.sub_event_type) == ("Riots", "Violent demonstration")
    assert crowd_fought(sentence)


def test_stones_sold_at_a_market_are_no_riot() -> None:
    assert classify("Traders sold stones and bricks at the market.") is None
