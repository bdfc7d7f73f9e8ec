"""Rules of ``events.classify``: which words make which ACLED event and sub-event type."""

from __future__ import annotations

import pytest

from summarizer.incidents.events import EVENT_TYPES, classify


def kind(sentence: str) -> tuple[str, str] | None:
    """The event type and sub-event type ``classify`` gives a sentence, or None."""
    found = classify(sentence)
    if found is None:
        return None
    assert found.sub_event_type in EVENT_TYPES[found.event_type]
    return found.event_type, found.sub_event_type


SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
CLASH = ("Battles", "Armed clash")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Heavy weapons alone are shelling, even grenade launchers and heavy machine guns.
        ("The rebels fired grenade launchers at army positions near the village.", SHELLING),
        ("Troops fired heavy machine guns at the rebel positions.", SHELLING),
        ("Monitors counted 40 explosions caused by mortars near the town.", SHELLING),
        # Small arms or fire in both directions make it an exchange: a battle.
        ("The rebels fired mortars and small arms at army positions.", CLASH),
        ("Monitors recorded 12 explosions and shots in both directions near the bridge.", CLASH),
        ("Militants threw a grenade at a patrol and the soldiers returned fire.", CLASH),
        # A grenade thrown is still a grenade; an explosion with no weapon named is a device.
        ("A man threw a hand grenade into the bar.", ("Explosions/Remote violence", "Grenade")),
        (
            "An explosion hit the market on Friday.",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
    ],
)
def test_weapons_decide_between_shelling_and_battle(sentence: str, expected: tuple[str, str]) -> None:
    assert kind(sentence) == expected
