"""Who did it, named a paragraph or two after a full-length article tells the attack (invented texts)."""

from __future__ import annotations

import pytest

from summarizer.articles.model import Article
from summarizer.incidents import extract_incidents
from summarizer.incidents.actors import find_actors
from summarizer.incidents.gazetteer import gazetteer

_ATTACK = (
    "Tuesday, March 3, 2020\n\n"
    "A bomb exploded yesterday at a bus station in Bandung, Indonesia, wounding eleven passengers.\n\n"
    "Witnesses said the blast shattered the windows of a nearby bakery. Ambulances took the wounded"
    " to two hospitals.\n\n"
)


def _first_actor(text: str) -> str | None:
    incidents = extract_incidents(Article(id="t", title="", text=text))
    return incidents[0].actor1 if incidents else None


@pytest.mark.parametrize(
    "later",
    [
        "Police blamed the Jamaah Ansharut Daulah network for the bombing.",
        "A police spokesman said the suspects were linked to Jamaah Ansharut Daulah.",
        "Officials believe Jamaah Ansharut Daulah was behind the attack.",
    ],
)
def test_a_side_named_two_paragraphs_later_did_it(later: str) -> None:
    assert _first_actor(_ATTACK + later) == "JAD: Jamaah Ansharut Daulah"


def test_a_side_named_after_another_event_is_that_events() -> None:
    text = (
        _ATTACK + "In a separate incident, gunmen shot a farmer in Garut on Monday.\n\n"
        "Police blamed the Jamaah Ansharut Daulah network for the shooting."
    )
    assert _first_actor(text) == "Unidentified Armed Group (Indonesia)"


def test_a_side_named_far_later_is_not_read() -> None:
    text = _ATTACK + "The mayor visited the station.\n\nTrains ran again.\n\nShops reopened.\n\n"
    text += "Police blamed the Jamaah Ansharut Daulah network."
    assert _first_actor(text) == "Unidentified Armed Group (Indonesia)"


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Police blamed the Red Orchid group for the attack.", "Red Orchid"),
        ("The attackers were linked to the Silver Crescent network.", "Silver Crescent"),
    ],
)
def test_a_group_no_list_names_is_known_by_the_name_it_was_blamed_under(sentence: str, name: str) -> None:
    claimants = [a.name for a in find_actors(sentence, gazetteer(), "Indonesia") if a.claimant]
    assert claimants == [name]
