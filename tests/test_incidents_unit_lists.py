"""Lists of unit names ("Town (District, Province)", "Town, Province") read as a whole."""

from __future__ import annotations

from summarizer.incidents.gazetteer import Context, gazetteer
from summarizer.incidents.places import find_places
from summarizer.incidents.unit_lists import place_of_list


def test_a_list_of_units_outweighs_a_demonym_prior() -> None:
    place = place_of_list("Mentao", ["Pobe-Mengao", "Soum"], gazetteer(), "ML", Context(), closed=True)
    assert place is not None
    assert (place.country_code, place.admin1, place.admin2) == ("BF", "Sahel", "Soum")


def test_a_coarser_division_after_a_first_level_unit_becomes_the_region() -> None:
    place = place_of_list("Mulange", ["Mulanje", "Southern"], gazetteer(), None, Context(), closed=True)
    assert place is not None
    assert (place.country_code, place.admin1, place.admin2) == ("MW", "Southern", "Mulanje")
    open_chain = place_of_list("Mulange", ["Mulanje", "Southern"], gazetteer(), None, Context(), closed=False)
    assert open_chain is not None  # the district's region as ACLED codes Malawi, not the list's last name
    assert (open_chain.admin1, open_chain.admin2) == ("Southern", "Mulanje")


def test_a_unit_is_found_by_a_sound_alike_spelling() -> None:
    place = place_of_list("Zliten", ["Misratta"], gazetteer(), None, Context(), closed=True)
    assert place is not None
    assert (place.country_code, place.kind) == ("LY", "admin1")
    assert place_of_list(None, ["Misratta"], gazetteer(), None, Context(), closed=True) is None


def test_the_place_before_the_list_and_nesting_pick_the_namesake() -> None:
    place = place_of_list("Hyderabad", ["Hyderabad", "TS"], gazetteer(), None, Context(), closed=True)
    assert place is not None
    assert place.country_code == "IN"
    capital = place_of_list("Ayn Zarah", ["Tripoli"], gazetteer(), None, Context(), closed=True)
    assert capital is not None
    assert capital.country_code == "LY"


def test_a_district_word_asks_for_a_district() -> None:
    place = place_of_list("Barung", ["Ilam district"], gazetteer(), None, Context(), closed=True)
    assert place is not None
    assert place.country_code == "NP"


def test_a_country_in_the_list_is_the_only_one_considered() -> None:
    place = place_of_list("Cordoba", ["Cordoba", "Spain"], gazetteer(), None, Context(), closed=False)
    assert place is not None
    assert place.country_code == "ES"


def test_a_lone_alternate_spelling_abroad_is_not_trusted() -> None:
    assert place_of_list(None, ["Nowhereville"], gazetteer(), "FR", Context(), closed=True) is None


def test_a_region_name_after_a_known_town_is_its_coarser_division() -> None:
    place = place_of_list("Lilongwe", ["Central"], gazetteer(), None, Context(), closed=True)
    assert place is not None
    assert (place.country_code, place.admin1) == ("MW", "Central")
    assert place_of_list("Lilongwe", ["J&K"], gazetteer(), None, Context(), closed=True) is None


def test_a_parenthesis_may_open_with_a_camel_case_name() -> None:
    sentence = "Two men were assaulted by residents in Verulam (eThekwini, KwaZulu-Natal) on Monday."
    found = find_places(sentence, gazetteer(), None, Context.of(["Verulam", "KwaZulu-Natal"]))
    assert [region.country_code for region in found.regions] == ["ZA"]


def test_a_region_may_be_named_by_its_iso_code() -> None:
    place = place_of_list("Pakdi", ["Ballia district", "UP"], gazetteer(), None, Context(), closed=True)
    assert place is not None
    assert (place.country_code, place.admin1) == ("IN", "Uttar Pradesh")
    assert not gazetteer().region_code("BLA")


def test_an_abbreviation_with_an_ampersand_names_the_region_of_those_initials() -> None:
    place = place_of_list("Tangdhar", ["Kupwara district", "J&K"], gazetteer(), None, Context(), closed=True)
    assert place is not None
    assert (place.country_code, place.admin1) == ("IN", "Jammu and Kashmir")


def test_a_place_takes_the_country_of_the_units_listed_after_it() -> None:
    sentence = "On Friday, teachers rallied in Kapkot (Uttarakhand) against new fees."
    found = find_places(sentence, gazetteer(), None, Context.of(["Kapkot", "Uttarakhand"]))
    assert found.places[0].name == "Kapkot"
    assert found.places[0].place is None or found.places[0].place.country_code == "IN"
    assert [region.country_code for region in found.regions] == ["IN"]


def test_a_neighbourhood_is_never_taken_for_a_region() -> None:
    sentence = "A man was stabbed in Envigado, Antioquia, in La Paz neighbourhood."
    found = find_places(sentence, gazetteer(), "CO", Context.of(["Envigado", "Antioquia", "La Paz"]))
    assert {region.country_code for region in found.regions} == {"CO"}


def test_a_region_named_in_another_spelling_keeps_the_lists_spelling() -> None:
    place = place_of_list("Dovlatyarli", ["Fizuli"], gazetteer(), "AZ", Context(), closed=False)
    assert place is not None
    assert (place.country_code, place.admin1) == ("AZ", "Fizuli")
    city = place_of_list("Thessaloniki", ["Thessaloniki"], gazetteer(), "GR", Context(), closed=True)
    assert city is not None
    assert city.admin1 != "Thessaloniki"


def test_a_chain_keeps_a_region_joined_by_a() -> None:
    sentence = "On Tuesday, police seized a boat in Puerto Lempira, Gracias a Dios."
    found = find_places(sentence, gazetteer(), None, Context.of(["Puerto Lempira", "Gracias a Dios"]))
    assert [region.admin1 for region in found.regions] == ["Gracias a Dios"]


def test_a_name_repeated_as_its_own_unit_is_one_piece_of_evidence() -> None:
    # "Genk (Genk)": a town and its district of the same name say no more than "Genk" alone, so they do
    # not outweigh the article's country; two different names there would.
    assert place_of_list("Genk", ["Genk"], gazetteer(), "MR", Context(), closed=True) is None
    place = place_of_list("Genk", ["Limburg"], gazetteer(), "MR", Context(), closed=True)
    assert place is not None
    assert place.country_code == "BE"


def test_a_district_keeps_its_own_province_when_the_list_names_another() -> None:
    # The district is the finer and likelier right unit: Damboa LGA lies in Borno, not in Yobe.
    place = place_of_list("Wajiroko", ["Damboa LGA", "Yobe"], gazetteer(), "NG", Context(), closed=True)
    assert place is not None
    assert (place.admin1, place.admin2) == ("Borno", "Damboa")
    inside = place_of_list("Wajiroko", ["Damboa LGA", "Borno"], gazetteer(), "NG", Context(), closed=True)
    assert inside is not None
    assert inside.admin1 == "Borno"


def test_a_town_in_brackets_after_a_city_is_a_part_of_it() -> None:
    # "Lima (Miraflores)": a district of the city, not the town of that name in another region
    place = place_of_list("Lima", ["Miraflores"], gazetteer(), "PE", Context(), closed=True)
    assert place is not None
    assert (place.name, place.kind, place.country_code) == ("Lima", "town", "PE")


def test_a_list_of_three_provinces_side_by_side_gives_the_first() -> None:
    sentence = "Around 5 May 2020, commandos raided hideouts in Kunduz, Baghlan, Takhar and Faryab provinces."
    found = find_places(sentence, gazetteer(), "AF", Context.of(["Kunduz", "Baghlan", "Takhar", "Faryab"]))
    assert [region.admin1 for region in found.regions] == ["Kunduz"]
