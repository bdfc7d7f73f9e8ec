"""Detection of events told in phrasings no other cue covers: invented sentences, one class each."""

from __future__ import annotations

import pytest
from incident_text import extract, kind

ATTACK = ("Violence against civilians", "Attack")
ABDUCTION = ("Violence against civilians", "Abduction/forced disappearance")
IED = ("Explosions/Remote violence", "Remote explosive/landmine/IED")
PEACEFUL = ("Protests", "Peaceful protest")


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(i.event_type, i.sub_event_type) for i in extract(text)]


@pytest.mark.parametrize(
    "text",
    [
        "On 5 June 2021, a porter was hurt in a blast at a shrine in Dargai village of Swat District.",
        "On 6 June 2021, two farmers were killed by an explosion on a track near Kolvani.",
        "On 7 June 2021, an explosion wounded three guards at the gate of the Tamsi customs post.",
    ],
)
def test_someone_harmed_by_an_explosion_is_an_incident(text: str) -> None:
    assert _kinds(text) == [IED]


def test_an_explosion_at_a_factory_that_hurt_workers_is_an_accident() -> None:
    text = "On 8 June 2021, four workers were injured in an explosion at a fertiliser plant in Doru."
    assert extract(text) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Four armed men stopped the trader and ordered him to come with them.",
        "Masked men dragged her away from the market stall.",
        "The riders took them to an unknown location outside Pemba.",
        "The headman's whereabouts remain unknown since the raid.",
    ],
)
def test_abductions_told_by_what_the_captors_did(sentence: str) -> None:
    assert kind(sentence) == ABDUCTION


@pytest.mark.parametrize(
    "sentence",
    [
        "Soldiers opened fired on a canoe near Balota.",
        "Guards fired against villagers near Omari.",
    ],
)
def test_shots_fired_with_a_slip_or_against_someone_are_an_attack(sentence: str) -> None:
    assert kind(sentence) == ATTACK


def test_a_body_found_and_perpetrators_unknown_is_a_killing() -> None:
    text = (
        "On 3 June 2021, in Lomar, Cartago, the corpse of a teacher was found on a farm near the river. "
        "Perpetrators unknown."
    )
    assert _kinds(text) == [ATTACK]


def test_victims_of_a_disaster_who_protested_are_protesting() -> None:
    text = "On 4 June 2021, victims of the dam collapse protested outside the town hall in Bellavista."
    assert _kinds(text) == [PEACEFUL]


def test_a_group_that_demanded_something_on_a_day_protested() -> None:
    text = "On 9 June 2021, in Monterrey, Nuevo Leon, bus drivers demanded the payment of overdue wages."
    assert _kinds(text) == [PEACEFUL]


@pytest.mark.parametrize(
    "text",
    [
        "On 9 June 2021, the mayor of Nakuru demanded that the council publish its accounts.",
        "Ramblers have demanded better signs on the coastal path near Truro.",
        "The regulator is now demanding that the bank repay its customers.",
    ],
)
def test_one_persons_demand_or_a_standing_demand_is_no_protest(text: str) -> None:
    assert extract(text) == []


def test_a_scene_set_by_day_and_place_then_a_protest_is_one_protest() -> None:
    text = (
        "On 10 June 2021, nurses gathered at the gate of the district hospital in Kisumu, Kenya. "
        "They chanted slogans against the delayed pay."
    )
    assert _kinds(text) == [PEACEFUL]


@pytest.mark.parametrize(
    "text",
    [
        "On 11 June 2021, in Arequipa, market vendors met the regional council. [size=around 40]",
        "On 12 June 2021, in Rivas, parents gathered at a school. The head read a letter. [size=no report]",
        "On 13 June 2021, villagers of Bogo marked a year since the flood with a walk. [size=hundreds]",
    ],
)
def test_a_crowd_whose_size_a_coder_noted_demonstrated(text: str) -> None:
    assert _kinds(text) == [PEACEFUL]


def test_arrests_in_a_note_of_a_crowds_size_are_a_conflict_event() -> None:
    text = "On 14 June 2021, in Tacna, police arrested five of the fishermen at the port. [size=dozens]"
    assert extract(text) != []


def test_a_size_in_brackets_without_the_coders_tag_is_no_protest() -> None:
    assert extract("On 14 June 2021, the shop in Tacna sold a coat [size 40] to a tourist.") == []
