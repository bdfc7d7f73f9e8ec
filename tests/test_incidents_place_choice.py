"""Which named place locates an event: towns over unknown facilities, never people or groups."""

from __future__ import annotations

from summarizer.incidents.gazetteer import Context, gazetteer
from summarizer.incidents.places import find_places


def _names(sentence: str, prefer: str | None = None) -> list[str]:
    found = find_places(sentence, gazetteer(), prefer, Context.of([sentence]))
    return [mention.name for mention in found.places]


def test_a_name_after_a_title_is_a_person() -> None:
    names = _names(
        "Crowds rallied in Recife, Pernambuco, in support of President Joao Silva (no party).", "BR"
    )
    assert "Joao Silva" not in names
    assert names[0] == "Recife"


def test_unknown_acronyms_and_groups_after_the_are_not_places() -> None:
    names = _names("Soldiers clashed between the XYZ and the Abu Tayyib in Barangay Dumalag, Capiz.", "PH")
    assert "XYZ" not in names
    assert "Abu Tayyib" not in names


def test_a_known_town_beats_an_unknown_facility() -> None:
    names = _names("Nurses of the Kumar Memorial hospital protested in Bhopal city over pay.", "IN")
    assert names[0] == "Bhopal"


def test_a_note_that_says_where_it_codes_the_event_is_followed() -> None:
    names = _names("Teachers protested at Freedom square [coded to Athens-Central Athens] on Friday.", "GR")
    assert names[0] == "Athens-Central Athens"


def test_a_town_after_an_unknown_facility_is_still_read() -> None:
    names = _names("Workers protested in the Civil Hospital, Ludhiana (Punjab) over safety gear.", "IN")
    assert names[0] == "Ludhiana"


def test_a_known_region_comes_before_a_unit_only_the_text_names() -> None:
    sentence = "Raiders attacked the Mapel area of Kuajiena county (Western Bahr el Ghazal state)."
    found = find_places(sentence, gazetteer(), None, Context.of([sentence]))
    assert found.regions[0].country_code == "SS"


def test_a_part_of_a_city_named_after_it_is_placed_in_the_city() -> None:
    found = find_places("Residents protested in Lima-Barrios Altos over water cuts.", gazetteer(), "PE")
    assert found.places[0].name == "Lima-Barrios Altos"
    assert found.places[0].place is not None
    assert found.places[0].place.name == "Lima"


def test_a_unit_in_the_parenthesis_after_a_village_is_not_the_place() -> None:
    sentence = "Locals clashed with police at Dangerpora town (Pulwama district, Jammu and Kashmir)."
    found = find_places(sentence, gazetteer(), "IN", Context.of([sentence]))
    assert found.places[0].name == "Dangerpora"
    assert found.regions[0].admin2 == "Pulwama"


def test_a_barangay_of_a_city_is_coded_to_the_city_and_of_a_small_town_to_itself() -> None:
    city = _names("Police raided a house in Barangay Kalawag, General Santos, South Cotabato.", "PH")
    village = _names("Rebels attacked a farm in Barangay Kalawag, Bindoy, Negros Oriental.", "PH")
    assert (city[0], village[0]) == ("General Santos", "Kalawag")


def test_a_place_whose_units_are_listed_is_the_precise_one() -> None:
    sentence = "Troops based at Xuvalli shelled positions believed to be near Yuxarli, Fizuli."
    assert _names(sentence, "AZ")[0] == "Yuxarli"


def test_a_capitalized_facility_word_makes_an_unknown_facility_yield_to_the_town() -> None:
    assert _names("Police beat protesters at Freedom Square in Tirana on Monday.", "AL")[0] == "Tirana"


def test_the_units_listed_after_the_event_place_come_before_other_regions() -> None:
    sentence = (
        "Labourers fought police at Kosamba village (Bharuch, Gujarat), on their way to Odisha, Jharkhand."
    )
    found = find_places(sentence, gazetteer(), "IN", Context.of([sentence]))
    assert found.regions[0].admin1 == "Gujarat"


def test_a_municipality_is_named_as_written_with_its_particles_and_without_its_unit_words() -> None:
    assert _names("In the Municipality of San Juan de los Lagos, Jalisco, a man was hurt.", "MX")[0] == (
        "San Juan de los Lagos"
    )
    assert _names("In Dolores Hidalgo municipality, Guanajuato, two men were wounded.", "MX")[0] == (
        "Dolores Hidalgo"
    )
    assert _names("Traders marched in Kamal Rural Municipality (Jhapa district).", "NP")[0] == "Kamal"


def test_the_name_a_parenthesis_of_units_follows_is_a_place_after_any_word() -> None:
    names = _names("Youths from Ubulu-Uku (Aniocha South LGA, Delta) fought with herders.", "NG")
    assert names[0] == "Ubulu-Uku"


def test_a_facility_named_after_a_city_lies_in_its_region() -> None:
    sentence = "Observers noted blasts near Luhansk Pumping Station on Monday."
    found = find_places(sentence, gazetteer(), "UA", Context.of([sentence]))
    mention = found.places[0]
    assert mention.name == "Luhansk Pumping Station"
    assert mention.place is not None
    assert mention.place.admin1 == "Luhansk"
