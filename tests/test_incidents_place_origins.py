"""Places that are not where the event happened: where attackers came from or are based, a group
named after a place, and a note's place named right after its date."""

from __future__ import annotations

from datetime import date

from incident_text import extract, where

from summarizer.incidents.gazetteer import gazetteer
from summarizer.incidents.places import find_places, mentioned_countries


def _where(text: str) -> tuple[str | None, str | None, str | None]:
    return where(text, date(2022, 6, 30))


def test_the_country_named_after_the_attackers_origin_is_not_the_events() -> None:
    text = "On 12 June 2022, raiders from Peshawar, Pakistan, shot dead three traffic policemen in Jalalabad."
    assert _where(text)[0] == "Afghanistan"
    assert dict(mentioned_countries("Raiders from Peshawar, Pakistan, struck.", gazetteer())) == {"PK": 2}


def test_where_the_attackers_are_based_is_not_the_place() -> None:
    text = "On 12 June 2022, gunmen based in Kandahar attacked a wedding party in Herat, killing four guests."
    assert _where(text)[2] == "Herat"


def test_a_group_named_after_a_place_is_not_the_place() -> None:
    text = (
        "On 14 June 2022, fighting broke out between Zawiya forces and a rival brigade in Gharyan, "
        "killing two fighters."
    )
    assert _where(text)[2] == "Gharyan"


def test_the_place_named_right_after_the_date_is_the_location() -> None:
    text = "On 15 June 2022, Acarigua, Portuguesa state, nurses marched to demand the payment of their wages."
    assert _where(text) == ("Venezuela", "Portuguesa", "Acarigua")


def test_a_district_is_found_in_the_province_named_in_another_spelling() -> None:
    text = (
        "On 16 June 2022, a coalition air strike hit a house in Sahar in the northern province of "
        "Saada, killing two farmers."
    )
    [incident, *_] = extract(text, date(2022, 6, 30))
    assert (incident.admin1, incident.admin2) == ("Sadah", "Sahar")


def test_a_place_before_a_countryside_is_the_location() -> None:
    text = "On 17 June 2022, an IED wounded two fighters in Maarat al-Numan, Idlib countryside."
    assert _where(text)[2] == "Maarat al-Numan"


def test_an_unknown_village_takes_the_units_of_the_known_place_it_lies_in() -> None:
    text = "On 18 June 2022, a roadside bomb killed a shepherd in Zqwarta village in eastern Homs."
    assert _where(text)[:3] == ("Syria", "Homs", "Zqwarta")


def test_a_region_whose_name_joins_two_names_with_and_is_read_whole() -> None:
    text = "On 19 June 2022, border guards clashed with smugglers near Mirjaveh in Sistan and Baluchestan."
    assert _where(text)[:2] == ("Iran", "Sistan and Baluchestan")


def test_a_city_named_like_its_country_is_the_city() -> None:
    text = "06/20/2022: Assailants threw a grenade at a patrol in Gaza city, Gaza Strip. Two were hurt."
    assert _where(text)[1:] == ("Gaza Strip", "Gaza")


def test_where_a_statement_was_issued_is_not_the_place() -> None:
    sentence = "Gunmen killed a guard in Karak, the ministry said in a statement issued in Amman."
    found = find_places(sentence, gazetteer(), "JO")
    assert [mention.name for mention in found.places if mention.strength > 0] == ["Karak"]


def test_provinces_are_known_in_other_transliterations_without_a_country_to_prefer() -> None:
    regions = {name: gazetteer().region(name) for name in ("Konar", "Dair al-Zour", "Hadhramaut", "Luristan")}
    assert {name: (r.country_code, r.name) for name, r in regions.items() if r} == {
        "Konar": ("AF", "Kunar"),
        "Dair al-Zour": ("SY", "Deir-ez-Zor"),
        "Hadhramaut": ("YE", "Hadramawt"),
        "Luristan": ("IR", "Lorestan"),
    }
    text = "On 21 June 2022, a roadside bomb killed two policemen in Asadabad city, Konar province."
    assert _where(text)[:2] == ("Afghanistan", "Kunar")


def test_where_officials_speak_from_does_not_locate_an_event_another_sentence_places() -> None:
    text = (
        "On 22 June 2022, a bomb hidden in a handcart exploded in a crowded market, killing nine people. "
        "The blast hit the old bazaar of Charikar, the capital of Parwan province. "
        "The ministry in Tashkent condemned the attack."
    )
    assert _where(text) == ("Afghanistan", "Parwan", "Charikar")


def test_where_officials_speak_from_locates_an_event_no_sentence_places_otherwise() -> None:
    text = (
        "A police spokesman in Ghazni said gunmen killed four policemen at a checkpoint on 23 May. "
        "Officials in Ghazni said the attackers fled on motorbikes after the attack."
    )
    assert _where(text)[2] == "Ghazni"


def test_an_unknown_village_takes_no_units_from_where_victims_were_taken_or_attackers_fled() -> None:
    taken = "On 24 June 2022, gunmen killed five traders in Tsauni-Bako village; the hurt were taken to Kano."
    fled = "On 24 June 2022, bandits killed three herders in Tsauni-Bako village, then fled towards Katsina."
    assert [_where(text)[1:] for text in (taken, fled)] == [(None, "Tsauni-Bako"), (None, "Tsauni-Bako")]
    attached = "On 24 June 2022, gunmen killed five traders in Tsauni-Bako village of northern Kano."
    assert _where(attached)[1:] == ("Kano", "Tsauni-Bako")


def test_where_attackers_are_based_is_no_location_outside_the_province_attacked() -> None:
    text = "On 25 June 2022, militants based in Homs shelled army posts in Tartus province, killing two."
    country, admin1, location = _where(text)
    assert (country, admin1) == ("Syria", "Tartous")
    assert location != "Homs"
