"""Places coded as ACLED codes them: Middle East spellings and units, regions ACLED draws or names
another way, the areas monitoring missions work in."""

from __future__ import annotations

from datetime import date

import pytest
from incident_text import extract

from summarizer.incidents.gazetteer import Context, gazetteer
from summarizer.incidents.names import fold, spelled_alike
from summarizer.incidents.places import find_places


def _where(text: str) -> tuple[str | None, str | None, str | None]:
    incidents = extract(text, date(2020, 12, 31))
    assert incidents, text
    record = incidents[0]
    return record.country, record.admin1, record.admin2


@pytest.mark.parametrize(
    ("text", "country", "admin1"),
    [
        (
            "On 4 May 2020, gunmen shot dead a farmer in Al-Shuhayl town, Dayr az Zawr.",
            "Syria",
            "Deir-ez-Zor",
        ),
        ("On 4 May 2020, a mine exploded near Mansoura, Ar-Raqqa, killing a shepherd.", "Syria", "Ar-Raqqa"),
        ("On 4 May 2020, regime artillery shelled Kafr Nabl, Idleb.", "Syria", "Idleb"),
        ("On 4 May 2020, gunmen attacked a patrol in Jasim, Dar'a.", "Syria", "Dar'a"),
        ("On 4 May 2020, assailants detonated a bomb in Balad, Salahuddin, Iraq.", "Iraq", "Salah al-Din"),
        ("On 4 May 2020, assailants attacked a checkpoint in Qayyarah, Ninawa, Iraq.", "Iraq", "Ninewa"),
        ("On 4 May 2020, Houthi forces shelled Hays, Al Hudaydah.", "Yemen", "Al Hudaydah"),
        ("On 4 May 2020, AQAP militants attacked a checkpoint in Mudiyah, Abyan.", "Yemen", "Abyan"),
        (
            "On 4 May 2020, PKK militants attacked a gendarmerie post in Semdinli, Hakkari.",
            "Turkey",
            "Hakkari",
        ),
    ],
)
def test_governorates_and_towns_in_common_spellings(text: str, country: str, admin1: str) -> None:
    """The region may keep the text's spelling ("Ninawa"): it must be the same unit as ACLED's."""
    found_country, found_admin1, _ = _where(text)
    code = gazetteer().country(country)
    assert found_country == country
    assert code is not None
    assert found_admin1 is not None
    assert gazetteer().same_region(admin1, found_admin1, code)


def test_a_governorate_of_palestine_lies_in_the_west_bank_or_the_gaza_strip() -> None:
    assert _where("On 4 May 2020, settlers threw stones at farmers near Nablus.") == (
        "Palestine",
        "West Bank",
        "Nablus",
    )
    assert _where("On 4 May 2020, an air strike hit a workshop in Khan Yunis.")[:2] == (
        "Palestine",
        "Gaza Strip",
    )


def test_a_province_capital_is_found_under_its_usual_spelling_abroad() -> None:
    """GeoNames spells the town Janin, its governorate Jenin; "Israeli forces" do not place it in Israel."""
    assert _where("On 4 May 2020, Israeli forces raided Jenin refugee camp.")[:2] == (
        "Palestine",
        "West Bank",
    )


def test_where_fire_came_from_is_not_where_it_landed() -> None:
    assert _where("On 4 May 2020, a rocket fired from Gaza hit a warehouse in Ashkelon.")[:2] == (
        "Israel",
        "HaDarom",
    )


def test_iraqi_kurdistan_is_coded_by_its_governorates() -> None:
    assert _where("On 4 May 2020, Turkish drones struck a vehicle near Soran, Iraq.")[:2] == ("Iraq", "Erbil")


def test_lebanon_regions_take_acled_names() -> None:
    assert _where("On 4 May 2020, rioters clashed with the Lebanese army in Tripoli.")[:2] == (
        "Lebanon",
        "North",
    )


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("On 4 May 2020, rioters clashed with the Lebanese army in Tripoli.", "Lebanon"),
        (
            "Late on 17 August 2019, Libyan National Army artillery pounded farmland south of Tripoli.",
            "Libya",
        ),
        (
            "On 4 May 2020, assailants detonated a bomb in Al-Arish village, Nineveh governorate, Iraq.",
            "Iraq",
        ),
        ("On 4 May 2020, militants attacked a checkpoint in Al-Arish, North Sinai.", "Egypt"),
    ],
)
def test_ambiguous_names_go_where_the_context_points(text: str, country: str) -> None:
    assert _where(text)[0] == country


def test_transliterations_of_one_name_are_spelled_alike() -> None:
    assert spelled_alike(fold("Deir Ezzor"), fold("Deir ez-Zor"))  # an article written into the word
    assert spelled_alike(fold("Beit Hanoun"), fold("Bayt Hanun"))  # vowels
    assert spelled_alike(fold("Baaqubah"), fold("Baqubah"))  # doubled letters, final h
    assert not spelled_alike(fold("Mosul"), fold("Mawsil"))
    assert not spelled_alike(fold("Berlin"), fold("Bern"))


def test_another_transliteration_finds_a_town_only_in_the_articles_country() -> None:
    town = gazetteer().town("Beit Hanoun", "PS")
    assert town is not None
    assert (town.country_code, town.admin1) == ("PS", "Gaza Strip")
    assert gazetteer().town("Beit Hanoun", "IT") is None


def test_a_name_written_with_an_ayn_is_found_by_its_own_name() -> None:
    """GeoNames writes the town Dar‘a with the mark of an ayn; the news writes "Dar'a" or "Dara"."""
    town = gazetteer().town("Dar'a", "SY")
    assert town is not None
    assert town.country_code == "SY"


def test_a_clan_or_tribe_named_after_a_town_is_a_group_not_a_place() -> None:
    sentence = "On 4 May 2020, militiamen from Marka clan fired at traders in a market section of Afgooye."
    found = find_places(sentence, gazetteer(), "SO", Context.of([sentence]))
    assert "Marka" not in [mention.name for mention in found.places]


def test_a_bare_direction_is_no_region_of_lebanon() -> None:
    found = gazetteer().region("North")
    assert found is None or found.country_code != "LB"


def test_a_village_a_mission_reports_lies_in_the_missions_area() -> None:
    """The OSCE SMM works in Donetsk and Luhansk: a village it names that the gazetteer has only
    elsewhere (Zymna Voda is in Lviv) or not at all lies there, not at a namesake in the west."""
    for village in ("Zymna Voda", "Krasnopilske-Druhe"):
        text = f"On 21 July 2018, OSCE SMM monitors saw shelling hit fields around {village}."
        country, admin1, _ = _where(text)
        assert (country, admin1) == ("Ukraine", "Donetsk")


def test_a_city_outside_the_missions_area_stays_there() -> None:
    text = "On 21 July 2018, former miners from the Donbas picketed the cabinet building in Kyiv."
    assert _where(text)[:2] == ("Ukraine", "Kiev City")


@pytest.mark.parametrize(
    ("text", "country", "admin1"),
    [
        (
            "On 3 June 2019, farmers blocked a road in Leskovac, Serbia, over milk prices.",
            "Serbia",
            "Central Serbia",
        ),
        (
            "On 3 June 2019, nurses protested in Coyoacan, Ciudad de Mexico, over unpaid wages.",
            "Mexico",
            "Distrito Federal",
        ),
    ],
)
def test_regions_acled_groups_or_names_differently(text: str, country: str, admin1: str) -> None:
    assert _where(text)[:2] == (country, admin1)


def test_a_curated_city_missing_from_geonames_places_a_list() -> None:
    assert _where(
        "On 12 February 2021, street vendors marched through El Alto, La Paz, against a market tax."
    )[:2] == (
        "Bolivia",
        "La Paz",
    )


# ACLED units where they differ from GeoNames' (acled_units): spellings, levels, parents, city units.
@pytest.mark.parametrize(
    ("text", "country", "admin1"),
    [
        (
            "On 9 March 2021, militiamen shelled farms outside Tarhuna, killing a shepherd.",
            "Libya",
            "Almargeb",
        ),
        (
            "On 9 March 2021, a drone strike hit a depot in Zuwarah, Libya, killing two guards.",
            "Libya",
            "An Nuqat al Khams",
        ),
        ("On 2 October 2021, artillery fire hit houses in Fuzuli, wounding a woman.", "Azerbaijan", "Fizuli"),
        (
            "On 5 July 2021, a crowd lynched a man accused of stealing goats in Iganga town, Uganda.",
            "Uganda",
            "Iganga",
        ),
        ("On 5 July 2021, traders rioted over market fees in Salima, Malawi.", "Malawi", "Central"),
        (
            "On 1 June 2021, gunmen shot dead a vendor in Polomolok, South Cotabato.",
            "Philippines",
            "Soccsksargen",
        ),
        (
            "On 1 June 2021, two families feuded with rifles in Talitay, Maguindanao, killing one man.",
            "Philippines",
            "Bangsamoro Autonomous Region in Muslim Mindanao",
        ),
        (
            "On 8 August 2021, pensioners picketed the parliament in Kyiv over tariffs.",
            "Ukraine",
            "Kiev City",
        ),
        ("On 8 August 2021, villagers fought police in Bila Tserkva over a landfill.", "Ukraine", "Kyiv"),
    ],
)
def test_places_get_acled_first_level_units(text: str, country: str, admin1: str | None) -> None:
    found = _where(text)
    assert found[0] == country
    if admin1 is not None:
        assert found[1] == admin1


@pytest.mark.parametrize(
    ("acled", "other", "code"),
    [
        ("Aljfara", "Al Jafarah", "LY"),
        ("Almargeb", "Al Marqab", "LY"),
        ("Fizuli", "Fuzuli", "AZ"),
        ("Kiev City", "Kyiv City", "UA"),
        ("Republic of Sakha", "Yakutia", "RU"),
        ("Missan", "Maysan", "IQ"),
        ("Bogota, D.C.", "Distrito Capital de Bogota", "CO"),
        ("Akkar", "'Akkar", "LB"),
        ("Asir", "'Asir", "SA"),
    ],
)
def test_acled_spellings_name_the_same_unit(acled: str, other: str, code: str) -> None:
    assert gazetteer().same_region(acled, other, code)


def test_kyiv_city_and_kyiv_oblast_stay_apart() -> None:
    assert not gazetteer().same_region("Kiev City", "Kyiv Oblast", "UA")


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        (
            "07/22/2020: Gunmen stormed a police post in Samarra city, Salahaddeen governorate, Iraq."
            " Four officers were killed.",
            "Salah al-Din",
        ),
        (
            "07/22/2020: A car bomb exploded near a shrine in Karbala city, Karbalaa governorate, Iraq."
            " Six people were killed.",
            "Kerbala",
        ),
    ],
)
def test_a_unit_in_another_transliteration_is_given_its_known_name(text: str, admin1: str) -> None:
    assert _where(text)[:2] == ("Iraq", admin1)


@pytest.mark.parametrize(
    ("text", "admin1", "admin2"),
    [
        (
            "On 4 October 2020, riot police fired tear gas at protesters in Sha Tin, Hong Kong.",
            "Hong Kong",
            "Sha Tin",
        ),
        (
            "On 4 October 2020, thousands of protesters marched in Hong Kong against the new security law.",
            "Hong Kong",
            None,
        ),
    ],
)
def test_hong_kong_is_a_first_level_unit_of_china(text: str, admin1: str, admin2: str | None) -> None:
    assert _where(text) == ("China", admin1, admin2)


def test_a_part_of_a_large_city_keeps_the_city_name_and_takes_its_own_point() -> None:
    text = "On 12 June 2020, two men on a scooter stabbed a baker in the Coyoacán area of Mexico City."
    record = extract(text, date(2020, 12, 31))[0]
    assert record.location == "Mexico City-Coyoacán"
    assert record.latitude is not None
    assert record.longitude is not None
    assert abs(record.latitude - 19.35) < 0.03  # Coyoacán, 9 km south of the city's centre (19.43)
    assert abs(record.longitude + 99.16) < 0.03


def test_a_demonym_of_two_words_before_town_is_not_a_place() -> None:
    text = "On 9 April 2021, shells fell near Cheorwon, a South Korean town by the border, wounding a farmer."
    record = extract(text, date(2021, 12, 31))[0]
    assert (record.country, record.location) == ("South Korea", "Cheorwon")


@pytest.mark.parametrize(
    ("text", "country", "admin1", "admin2"),
    [
        (
            "On 3 May 2021, police shot a man dead in Chapellin, Libertador municipality, Merida state.",
            "Venezuela",
            "Merida",
            "Libertador",
        ),
        (
            "On 3 May 2021, in Guarataro, Sucre municipality, Miranda state, gunmen killed a trader.",
            "Venezuela",
            "Miranda",
            "Sucre",
        ),
        (
            "On 3 May 2021, in Bayunca, Cartagena, Bolivar state, fishermen rallied against a port fee.",
            "Colombia",
            "Bolivar",
            "Cartagena de Indias",
        ),
    ],
)
def test_a_comma_chain_reads_on_past_a_units_kind(text: str, country: str, admin1: str, admin2: str) -> None:
    # "X municipality, Y state": the municipality of that name inside the state, not the state named X
    assert _where(text) == (country, admin1, admin2)


def test_nepal_is_coded_by_development_region() -> None:
    text = "On 11 June 2020, villagers clashed with police in Birgunj, Parsa district, over a new road toll."
    assert _where(text)[:2] == ("Nepal", "Central")


def test_ghana_is_coded_by_its_regions_before_2019() -> None:
    text = (
        "On 14 March 2021, youths clashed with police in Langbinsi, North East region, Ghana, over farmland."
    )
    assert _where(text)[:2] == ("Ghana", "Northern")  # the North East region of 2019 was part of it


def test_a_numbered_part_of_a_settlement_is_placed_by_the_settlement() -> None:
    text = "On 2 June 2020, shelling damaged a school in Zolote-3, wounding a guard."
    assert _where(text)[:2] == ("Ukraine", "Luhansk")


def test_a_joint_name_of_two_villages_is_placed_by_the_first() -> None:
    text = "On 2 June 2020, the OSCE SMM recorded twelve explosions near Kalynove-Sokilnyky."
    assert _where(text)[:2] == ("Ukraine", "Luhansk")


def test_a_place_ending_in_initials_at_a_sentences_end_is_found() -> None:
    text = "On 5 December 2020, protesters clashed with police in Washington D.C. Two officers were hurt."
    record = extract(text, date(2020, 12, 31))[0]
    assert (record.country, record.latitude is not None) == ("United States", True)


def test_a_region_named_in_another_sentence_does_not_move_a_placed_town() -> None:
    text = (
        "On 5 December 2020, rioters clashed with police in Toledo, injuring three officers. The rioters"
        " had come by bus from Michigan state."
    )
    assert _where(text)[:2] == ("United States", "Ohio")


def test_a_missions_village_lies_in_the_unit_the_report_names() -> None:
    """A village the gazetteer lacks lies in the mission's unit the report itself names."""
    text = (
        "On 21 July 2018, OSCE SMM monitors saw shelling hit fields around Krasnopilske-Druhe,"
        " held by fighters of the Luhansk People's Republic."
    )
    assert _where(text)[:2] == ("Ukraine", "Luhansk")
