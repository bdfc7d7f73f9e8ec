"""The GeoNames gazetteer: villages, units, alternate spellings, and namesakes settled by context."""

from __future__ import annotations

from datetime import date

from summarizer.articles.model import Article
from summarizer.incidents.extract import extract_incidents
from summarizer.incidents.gazetteer import Context, gazetteer
from summarizer.incidents.names import fold, skeleton
from summarizer.incidents.places import find_places, mentioned_countries


def test_transliterations_share_a_skeleton() -> None:
    assert skeleton(fold("Tuz Khurmatu")) == skeleton(fold("Tuz Khormato"))
    assert skeleton(fold("Salah ad-Din")) == skeleton(fold("Sala al-Din")) == skeleton(fold("Saladin"))
    assert skeleton(fold("Kunar")) == skeleton(fold("Konar"))
    assert skeleton(fold("Kunar")) != skeleton(fold("Kunduz"))


def test_towns_carry_both_units() -> None:
    town = gazetteer().town("Imam Sahib", "AF")
    assert town is not None
    assert (town.country_code, town.admin1, town.admin2) == ("AF", "Kunduz", "Imam Sahib")


def test_a_village_under_5000_people_is_known() -> None:
    town = gazetteer().town("Daquq", "IQ")
    assert town is not None
    assert town.admin1 == "Kirkuk"


def test_units_named_nearby_settle_namesakes() -> None:
    lebanon = gazetteer().town("Tripoli", None, Context.of(["Tripoli", "North Governorate", "Ash Shimal"]))
    libya = gazetteer().town("Tripoli", "LY")
    assert lebanon is not None
    assert lebanon.country_code == "LB"
    assert libya is not None
    assert libya.country_code == "LY"


def test_a_sound_alike_spelling_counts_only_inside_a_named_unit() -> None:
    assert gazetteer().town("Tuz Khormato", None) is None
    town = gazetteer().town("Tuz Khormato", None, Context.of(["Tuz Khormato", "Salah al-Din"]))
    assert town is not None
    assert town.name == "Tuz Khurmatu"


def test_districts_and_regions_are_places() -> None:
    district = gazetteer().district("Chawkay", None, Context.of(["Chawkay district", "Kunar"]))
    assert district is not None
    assert (district.country_code, district.admin1) == ("AF", "Kunar")
    region = gazetteer().region("Veracruz", "MX")
    assert region is not None
    assert region.admin1 == "Veracruz"


def test_a_comma_chain_gives_district_and_province() -> None:
    context = Context.of(["Baharak", "Takhar"])
    sentence = "Militants were killed in an airstrike in Baharak district, Takhar."
    found = find_places(sentence, gazetteer(), None, context)
    assert found.places[0].place is not None
    assert (found.places[0].place.admin1, found.places[0].place.admin2) == ("Takhar", "Baharak")


def test_forces_of_a_country_do_not_place_the_event_there() -> None:
    sentence = "Military forces of Armenia fired at positions in Azerbaijan."
    weights = dict(mentioned_countries(sentence, gazetteer()))
    assert weights["AZ"] > weights["AM"]


def test_a_parenthesis_of_units_names_the_country_of_an_unknown_village() -> None:
    sentence = "Locals protested in Purudu village (Nellore, AP) against the decision."
    found = find_places(sentence, gazetteer(), None, Context.of(["Purudu", "Nellore", "AP"]))
    assert [region.country_code for region in found.regions] == ["IN"]


def test_acled_codes_the_town_not_the_facility_or_the_unit_word() -> None:
    sentence = "Health workers staged a protest at Ambedkar Hospital, Rohini, Delhi, over wages."
    found = find_places(sentence, gazetteer(), "IN", Context.of(["Ambedkar Hospital", "Rohini", "Delhi"]))
    assert found.places[0].name == "Rohini"
    found = find_places("A leader was stabbed in Rupganj Upazila (Narayanganj).", gazetteer(), "BD")
    assert found.places[0].name == "Rupganj"


def test_a_note_that_names_its_place_first_places_the_event_told_next() -> None:
    text = (
        "On 5 May 2020, in Ensenada, Baja California, police were deployed. "
        "A man was shot dead by two armed individuals."
    )
    incidents = extract_incidents(Article(id="note", title="", text=text, reference_date=date(2020, 5, 10)))
    places = [(i.location, i.admin1, i.country) for i in incidents]
    assert places == [("Ensenada", "Baja California", "Mexico")]


def test_a_part_of_a_large_city_is_named_as_acled_names_it() -> None:
    sentence = "A shoot-out broke out in the North Zone of Rio de Janeiro, Rio de Janeiro."
    found = find_places(sentence, gazetteer(), "BR", Context.of(["North Zone", "Rio de Janeiro"]))
    assert found.places[0].name == "Rio de Janeiro-North Zone"


def test_a_chain_keeps_particles_and_a_named_district_beats_a_province() -> None:
    sentence = "Two suspects were killed in Barangay Minuyan Proper, San Jose del Monte, Bulacan."
    found = find_places(sentence, gazetteer(), None, Context.of(["San Jose", "Monte", "Bulacan"]))
    assert {region.country_code for region in found.regions} == {"PH"}
    found = find_places("A clash was reported in Barung locality (Ilam district).", gazetteer(), None)
    assert [region.country_code for region in found.regions] == ["NP"]


def test_spelling_variants_of_town_and_province_meet() -> None:
    text = "On 1 June 2018, a roadside bomb killed three policemen in Tuz Khormato, Sala al-Din."
    incidents = extract_incidents(Article(id="note", title="", text=text, reference_date=date(2018, 6, 5)))
    places = [(i.admin1, i.admin2, i.country) for i in incidents]
    assert places == [("Salah al-Din", "Tooz District", "Iraq")]


def test_a_city_is_found_by_its_other_name_but_not_by_a_code() -> None:
    city = gazetteer().town("Nur-Sultan", "FR")
    assert city is not None
    assert (city.name, city.country_code) == ("Astana", "KZ")
    assert gazetteer().town("GNA", "LY") is None


def test_a_mission_looks_for_villages_in_the_units_it_works_in() -> None:
    text = "On 3 May 2020, OSCE SMM patrols recorded two blasts near Novoselivka."
    incidents = extract_incidents(Article(id="note", title="", text=text, reference_date=date(2020, 5, 4)))
    assert [(i.country, i.admin1) for i in incidents] == [("Ukraine", "Donetsk")]


def test_a_name_and_its_own_words_are_no_evidence_for_a_namesake() -> None:
    context = Context.of(["San Salvador", "International Workers"])
    assert not context.names_unit("El Salvador", fold("San Salvador"))
    assert not context.names_unit("Veracruz")  # sounds like "Workers", starts otherwise
    assert Context.of(["Sala al-Din"]).names_unit("Salah ad Din")
