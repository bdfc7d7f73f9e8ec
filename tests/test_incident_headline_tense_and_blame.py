"""Headlines in the present tense, sides blamed for what they did not do, and the dead of a period
told with a passive perfect (invented texts)."""

from __future__ import annotations

from incident_text import kind

from summarizer.incidents.actors import find_actors
from summarizer.incidents.counts import find_casualties
from summarizer.incidents.events import not_an_event
from summarizer.incidents.gazetteer import gazetteer


def test_a_headline_in_the_present_tense_gives_the_event_and_toll() -> None:
    assert kind("Bomb Kills 14 At Bus Station") == (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    )
    assert find_casualties("Bomb Kills 14 At Bus Station").fatalities == 14
    assert kind("Police Shoot Dead Two Protesters") == ("Protests", "Excessive force against protesters")
    assert find_casualties("Police Shoot Dead Two Protesters").fatalities == 2
    assert find_casualties("Gunmen Behead Three Loggers").fatalities == 3


def test_present_tense_words_that_tell_no_event() -> None:
    assert kind("The play bombed on its opening night.") is None
    assert kind("Petrol bomb kills a man") != ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert kind("He says police will not kill protesters.") is None
    assert find_casualties("He vowed to shoot dead anyone near the gate.").fatalities is None


def test_a_side_blamed_for_what_it_did_not_do_is_no_side() -> None:
    gaz = gazetteer()
    failed = find_actors("The union accused police of failing to protect the miners.", gaz, "Kenya")
    assert not any(a.name.startswith("Police Forces") for a in failed)
    blamed = find_actors("Officials accused the rebels of carrying out the bombing.", gaz, "Kenya")
    assert any(a.claimant for a in blamed)


def test_the_dead_of_a_period_told_with_a_passive_perfect_are_no_event() -> None:
    text = "The valley has seen clashes since June 2022, in which about 90 people have been killed."
    assert not_an_event(text) == "cumulative"
    assert not_an_event("Since Sunday, four people have been killed in clashes in the valley.") is None


def test_a_source_named_by_its_role_alone_is_no_side() -> None:
    gaz = gazetteer()
    sourced = find_actors("Shells hit a camp, killing nine, the army and local officials said.", gaz, "Kenya")
    assert sourced == []
    spoken = find_actors(
        "A blast killed six in Kisumu, a Taliban administration spokesman said.", gaz, "Kenya"
    )
    assert not any(a.name == "Taliban" for a in spoken)
    acted = find_actors("Rebels attacked the army as officials said talks had failed.", gaz, "Kenya")
    assert any(a.name.startswith("Military Forces") for a in acted)


def test_a_group_claiming_through_its_arm_is_the_claimant() -> None:
    text = "Islamic State's Somali affiliate, known locally as ISS, claimed responsibility for the blast."
    assert any(
        a.claimant and a.name.startswith("Islamic State") for a in find_actors(text, gazetteer(), "Somalia")
    )


def test_a_claim_others_denied_is_still_a_claim() -> None:
    text = "The Red Dawn Front claimed the attack, saying the men were spies, a claim the police denied."
    assert not_an_event(text) is None
    assert not_an_event("The army denied that its troops had shelled the village.") == "opinion"
