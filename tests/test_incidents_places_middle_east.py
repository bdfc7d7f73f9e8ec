"""Places of the Middle East as terrorism-database summaries and monitors' notes name them:
names GeoNames writes with an ayn, "X city, Y governorate, COUNTRY", Turkish districts, Yemeni
governorates, West Bank and Gaza villages. Every sentence here is invented."""

from __future__ import annotations

from datetime import date

import pytest
from incident_text import where

from summarizer.incidents.gazetteer import Context, gazetteer
from summarizer.incidents.names import fold, name_keys
from summarizer.incidents.places import mentioned_countries
from summarizer.incidents.unit_lists import place_of_list


def _where(text: str) -> tuple[str | None, str | None, str | None]:
    return where(text, date(2020, 12, 31))


def test_a_name_opening_with_an_ayn_or_a_lower_case_article_is_keyed() -> None:
    assert name_keys(["‘Ayn Tamr", "al-Ma'arra", "//Karas"], unit=False) == ["ayn tamr", "maarra", "karas"]
    assert name_keys(["wallonne, Region", "12th Street"], unit=False) == []


@pytest.mark.parametrize(
    ("name", "code", "admin1"),
    [("Ayn Tamr", "IQ", "Kerbala"), ("Urif", "PS", "West Bank"), ("Awarta", "PS", "West Bank")],
)
def test_a_town_geonames_writes_with_an_ayn_is_found(name: str, code: str, admin1: str) -> None:
    town = gazetteer().town(name, code)
    assert town is not None
    assert (town.country_code, town.admin1) == (code, admin1)
    assert fold(town.name) == fold(name)


@pytest.mark.parametrize(
    ("text", "country", "admin1"),
    [
        (
            "On 9 May 2021, protesters clashed with police in California over a shooting.",
            "United States",
            "California",
        ),
        ("On 9 May 2021, truckers blocked a bridge in Texas over fuel taxes.", "United States", "Texas"),
        ("On 9 May 2021, gunmen burned a bus in Guerrero, killing its driver.", "Mexico", "Guerrero"),
    ],
)
def test_a_first_level_unit_named_alone_beats_a_small_namesake_town(
    text: str, country: str, admin1: str
) -> None:
    assert _where(text)[:2] == (country, admin1)


def test_a_unit_named_alone_keeps_its_namesake_capital() -> None:
    assert _where("On 9 May 2021, bandits shot two herders dead in Katsina.") == (
        "Nigeria",
        "Katsina",
        "Katsina",
    )


@pytest.mark.parametrize(
    ("text", "country", "admin1"),
    [
        # a country after a place and a comma is where it lies, not a bigger namesake abroad (Dali, China)
        (
            "07/03/2016: Gunmen raided a farm in Ad Dali', Yemen. No group claimed responsibility.",
            "Yemen",
            "Ad Dali",
        ),
        # a unit's name written with a mark before its kind's word
        (
            "07/03/2016: A mine hit a truck in Ad Dali' governorate, Yemen. Two men were killed.",
            "Yemen",
            "Ad Dali",
        ),
        # a capital with a mark opens a name
        ("07/03/2016: Militants fired rockets at an outpost in Şırnak province, Turkey.", "Turkey", "Sirnak"),
        # another transliteration of a short unit name, in the country the text names
        (
            "07/03/2016: A roadside bomb struck a minibus in Konar province, Afghanistan.",
            "Afghanistan",
            "Kunar",
        ),
        (
            "07/03/2016: Assailants shot a judge in Baydha governorate, Yemen. Nobody claimed it.",
            "Yemen",
            "Al Bayda",
        ),
        (
            "07/03/2016: Gunmen attacked a patrol in Tal Afar city, Ninawa governorate, Iraq.",
            "Iraq",
            "Ninewa",
        ),
        (
            "07/03/2016: A suicide bomber hit a market in Azaz district, Aleppo governorate, Syria.",
            "Syria",
            "Aleppo",
        ),
    ],
)
def test_terrorism_database_places(text: str, country: str, admin1: str) -> None:
    """The first-level unit may keep the text's spelling: it must be one of the unit's names."""
    found_country, found_admin1, _ = _where(text)
    same = gazetteer().same_region(admin1, found_admin1 or "", gazetteer().country(country) or "")
    assert (found_country, same) == (country, True)


def test_a_unit_the_gazetteer_lacks_leaves_the_country_the_text_names() -> None:
    assert _where("07/03/2016: A bomb killed a guard in Qarawil province, Afghanistan.")[0] == "Afghanistan"


def test_a_first_level_district_in_a_list_places_the_town_before_it() -> None:
    """Israel's first-level units are called districts; no second-level unit has the name."""
    assert _where("07/03/2016: A mortar shell hit a barn in Sderot, Southern district, Israel.")[::2] == (
        "Israel",
        "Sderot",
    )


@pytest.mark.parametrize(
    ("name", "code", "admin1"),
    [("Zgharta", "LB", "North"), ("Samarra", "IQ", "Salah al-Din"), ("Karkamis", "TR", "Gaziantep")],
)
def test_a_district_geonames_names_with_its_kind_in_the_local_language_is_found(
    name: str, code: str, admin1: str
) -> None:
    district = gazetteer().district(name, code)
    assert district is not None
    assert district.admin1 == admin1 or gazetteer().same_region(admin1, district.admin1 or "", code)


@pytest.mark.parametrize("units", ["(Nangarhar)", "(Nangarhar province)", ", Nangarhar"])
def test_a_known_village_of_a_listed_district_is_the_location(units: str) -> None:
    """Without the rule the district named in the parenthesis (Achin) would be the location."""
    text = f"On 3 May 2020, gunmen burned a clinic in the Goshta area of Achin district{units}."
    assert _where(text) == ("Afghanistan", "Nangarhar", "Goshta")


def test_a_town_placed_by_a_direction_from_a_city_stays_the_location() -> None:
    text = "On 5 March 2020, a roadside bomb wounded three policemen in Tarmiyah, north of Baghdad."
    assert _where(text) == ("Iraq", "Baghdad", "Tarmiyah")


@pytest.mark.parametrize(
    "speaker",
    [
        "a spokesman in Amman, Jordan,",
        "an official in Dubai, United Arab Emirates,",
        "a reporter in London, England,",
    ],
)
def test_the_place_of_the_event_beats_the_place_of_a_speaker(speaker: str) -> None:
    text = f"On 4 May 2020, {speaker} said gunmen killed two guards in Basra."
    assert _where(text) == ("Iraq", "Basrah", "Basra")


def test_countries_of_a_list_are_not_named_as_places() -> None:
    """Only a place of the country before it and a comma names the country as a place."""
    named = [
        code
        for code, weight in mentioned_countries(
            "Envoys of Russia, Iran and Turkey met in Geneva.", gazetteer()
        )
        if weight == 6
    ]
    assert named == ["RU"]


@pytest.mark.parametrize(
    "text",
    [
        "07/03/2016: Assailants fired rockets at Sderot, Southern district, Israel.",
        "07/03/2016: Militants shelled a farm near Sderot, Southern district, Israel, wounding two.",
    ],
)
def test_a_district_after_a_town_and_a_comma_is_the_towns_unit(text: str) -> None:
    assert _where(text)[::2] == ("Israel", "Sderot")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A list whose last name is the first-level unit holding the town (ACLED's "North" for
        # Lebanon's North governorate) places a town its namesake abroad would take.
        (
            "On 4 March 2020, youths threw stones at an army post in Tripoli (Tripoli, North).",
            ("Lebanon", "North", "Tripoli"),
        ),
        # A unit only one country has decides the country of a town it does not know.
        (
            "On 9 May 2020, gunmen killed two soldiers in Shaqra (Abyan governorate).",
            ("Yemen", "Abyan", "Shaqra"),
        ),
    ],
)
def test_a_listed_unit_places_the_town(text: str, expected: tuple[str, str, str]) -> None:
    assert _where(text) == expected


def test_a_unit_many_countries_name_leaves_the_town_in_its_country() -> None:
    place = place_of_list("Lilongwe", ["Central"], gazetteer(), None, Context(), closed=True)
    assert place is not None
    assert (place.country_code, place.admin1) == ("MW", "Central")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A part a city owns ("Baghdad's Karrada district") is ACLED's "City-Part", in the city's unit.
        (
            "On 8 June 2020, a sticky bomb wounded a driver in Baghdad's Karrada district.",
            ("Iraq", "Baghdad", "Baghdad-Karrada"),
        ),
        (
            "On 8 June 2020, police detained twenty marchers in Istanbul's Kadikoy district.",
            ("Turkey", "Istanbul", "Istanbul-Kadikoy"),
        ),
        # A square a smaller city owns is the city.
        (
            "On 8 June 2020, riot officers turned water cannon on marchers in Beirut's Martyrs Square.",
            ("Lebanon", "Beirut", "Beirut"),
        ),
        # A district of the province named after its capital is no part of the city.
        (
            "On 8 June 2020, a roadside bomb killed two soldiers in Kirkuk's Hawija district.",
            ("Iraq", "Kirkuk", "Hawija"),
        ),
    ],
)
def test_a_city_owns_its_parts(text: str, expected: tuple[str, str, str]) -> None:
    assert _where(text) == expected


def test_residents_of_a_town_place_their_protest() -> None:
    text = "On 2 August 2020, residents of Ahvaz protested the water cuts outside the governor's office."
    assert _where(text) == ("Iran", "Khuzestan", "Ahvaz")


@pytest.mark.parametrize(
    "text",
    [
        "10/03/2020: An explosive device detonated in Al-Jadida neighborhood, Baghdad, Iraq, killing 2.",
        "On 3 June 2020, gunmen shot a trader dead in the Al-Mansour neighbourhood, Baghdad.",
    ],
)
def test_a_neighbourhood_before_its_city_is_the_city(text: str) -> None:
    assert _where(text)[::2] == ("Iraq", "Baghdad")


def test_a_province_word_names_the_only_unit_of_that_name() -> None:
    # "Babel" alone is also a village abroad; with "province" it is Iraq's Babil.
    text = "On 4 June 2020, a roadside bomb killed 3 farmers near a market in Babel province."
    assert _where(text)[:2] == ("Iraq", "Babil")


def test_a_road_named_for_towns_places_the_event_in_their_country() -> None:
    # "Deir ez-Zor" keeps its particle; "Palmyra" is read in the country of the larger end.
    text = "On 2 November 2020, a mine hit a bus on the Palmyra-Deir ez-Zor road near Qabajib, killing 4."
    assert _where(text)[0] == "Syria"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "rural X" is the countryside of the first-level unit X; "rural Damascus" is the governorate
        # ACLED calls Rural Damascus.
        ("On 3 May 2020, gunmen shot a former fighter dead in rural Damascus.", ("Syria", "Rural Damascus")),
        ("On 3 May 2020, artillery hit two farms in rural Idlib, killing a boy.", ("Syria", "Idleb")),
        ("On 3 May 2020, soldiers and PKK militants fought in rural Hakkari; 2 died.", ("Turkey", "Hakkari")),
    ],
)
def test_rural_before_a_name_is_its_countryside(text: str, expected: tuple[str, str]) -> None:
    assert _where(text)[:2] == expected


def test_a_unit_word_inside_a_parenthesis_is_no_part_of_the_units_name() -> None:
    text = "On 3 May 2020, gunmen killed a shopkeeper in Kermanshah (Kermanshah province)."
    assert _where(text) == ("Iran", "Kermanshah", "Kermanshah")


def test_a_unit_word_tells_one_countrys_unit_from_anothers() -> None:
    text = "On 10 April 2020, unemployed graduates demonstrated in Diraz (Northern governorate). [size=none]"
    assert _where(text)[:2] == ("Bahrain", "Northern")


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("On 3 March 2019, Houthi fighters shelled a farm in Razih, Saada governorate, Yemen.", "Sadah"),
        ("On 3 March 2019, a sniper shot a herder near Qataba, Dhale governorate, Yemen.", "Ad Dali"),
        ("On 3 March 2019, a drone struck a car outside Nabatieh, Lebanon.", "Nabatieh"),
        (
            "On 3 March 2019, gunmen shot two border guards in Saravan, Sistan and Baluchestan, Iran.",
            "Sistan and Baluchestan",
        ),
        ("On 3 March 2019, riot police beat students in Mashhad, Iran.", "Razavi Khorasan"),
        ("On 3 March 2019, riot police beat shopkeepers in Isfahan, Iran.", "Isfahan"),
        ("On 3 March 2019, a drone hit a fuel depot in Abu Dhabi, United Arab Emirates.", "Abu Dhabi"),
        ("On 3 March 2019, police dispersed rioters in Amman, Jordan.", "Amman"),
    ],
)
def test_middle_east_units_are_spelled_as_acled_spells_them(text: str, admin1: str) -> None:
    assert _where(text)[1] == admin1


@pytest.mark.parametrize(
    "text",
    [
        "03/02/2011: Assailants detonated a car bomb in Karrada, Baghdad city, Baghdad governorate, Iraq.",
        "03/02/2011: Assailants detonated a bomb at a shop in Hurriya, Kadhimiya, Baghdad city, Baghdad"
        " governorate, Iraq.",
    ],
)
def test_a_place_named_before_a_city_with_its_word_is_that_city(text: str) -> None:
    assert where(text, None)[2] == "Baghdad"


def test_a_town_before_a_city_named_without_its_word_stays_the_town() -> None:
    assert _where("On 3 May 2019, gunmen shot a trader in Ikeja, Lagos state.")[2] == "Ikeja"


@pytest.mark.parametrize(
    ("text", "admin1", "location"),
    [
        (
            "On 6 June 2022, Israeli forces raided Nur Shams camp (Tulkarm, West Bank), killing a youth.",
            "West Bank",
            "Nur Shams",
        ),
        (
            "On 6 June 2022, an air strike hit a house in Nuseirat refugee camp (Deir al-Balah, Gaza Strip).",
            "Gaza Strip",
            "Nuseirat",
        ),
        (
            "On 6 June 2022, rival gunmen clashed in Ain el Hilweh camp (Saida, South).",
            "South",
            "Ain el Hilweh",
        ),
    ],
)
def test_a_camp_placed_by_units_is_the_camp_not_the_town_they_name(
    text: str, admin1: str, location: str
) -> None:
    assert _where(text)[1:] == (admin1, location)


def test_a_country_in_a_groups_name_is_no_place() -> None:
    text = "On 6 March 2024, the Islamic Resistance in Lebanon fired two rockets at Metula, Israel."
    assert _where(text) == ("Israel", "HaZafon", "Metula")
    assert dict(mentioned_countries("The Islamic Resistance in Iraq said it hit Eilat.", gazetteer())) == {
        "IQ": 2
    }
    assert dict(mentioned_countries("Police said the attack in Iraq killed two.", gazetteer())) == {"IQ": 6}


@pytest.mark.parametrize(
    ("text", "admin1", "location"),
    [
        (
            "On 8 April 2020, warplanes struck a bakery in Atareb, western Aleppo countryside.",
            "Aleppo",
            "Atareb",
        ),
        (
            "On 8 April 2020, gunmen shot a council member in Jasim in the Daraa countryside.",
            "Dar'a",
            "Jasim",
        ),
        (
            "On 8 April 2020, regime artillery shelled Kafr Nabl, southern Idlib countryside.",
            "Idleb",
            "Kafr Nabl",
        ),
    ],
)
def test_a_town_before_a_units_countryside_is_the_place(text: str, admin1: str, location: str) -> None:
    assert _where(text)[1:] == (admin1, location)


def test_a_countryside_named_alone_is_its_unit() -> None:
    assert (
        _where("On 8 April 2020, regime artillery shelled the Idlib countryside, killing two.")[1] == "Idleb"
    )


def test_a_place_whose_control_was_taken_is_where_it_happened() -> None:
    text = "On 9 June 2020, separatist fighters seized control of Hadibu, the capital of Socotra."
    assert _where(text) == ("Yemen", "Socotra", "Hadibu")


def test_the_town_a_facility_is_named_after_is_placed_by_the_units_after_it() -> None:
    text = "On 3 March 2023, a gunman fired at a bus near Huwwara checkpoint (Nablus, West Bank)."
    assert _where(text) == ("Palestine", "West Bank", "Huwwara")


@pytest.mark.parametrize(
    ("text", "location"),
    [
        (
            "04/12/2012: Assailants detonated a bomb in the Zayouna area of eastern Baghdad, Baghdad"
            " governorate, Iraq.",
            "Baghdad-Zayouna",
        ),
        (
            "On 4 May 2021, bandits killed 3 villagers in the Birnin Gwari area of southern Kaduna.",
            "Birnin Gwari",
        ),
    ],
)
def test_a_part_of_a_city_named_with_the_citys_side(text: str, location: str) -> None:
    assert where(text, None)[2] == location


def test_a_venue_named_like_a_far_village_is_placed_by_its_city() -> None:
    text = "On 2 February 2018, a gunman shot dead 11 guests at the Reina nightclub in Istanbul."
    assert where(text, None) == ("Turkey", "Istanbul", "Istanbul")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a town of its own size, a second-level unit, or a town across the city's boundary
        ("On 3 May 2021, robbers shot dead a trader in Ikorodu, eastern Lagos.", ("Lagos", "Ikorodu")),
        (
            "On 3 May 2021, police shot a protester in Guarulhos, northeastern Sao Paulo.",
            ("Sao Paulo", "Guarulhos"),
        ),
        (
            "On 3 May 2021, gunmen killed five people in Ecatepec, northern Mexico City.",
            ("Mexico", "Ecatepec"),
        ),
        ("On 3 May 2021, a bomb exploded in Paghman, western Kabul, killing two.", ("Kabul", "Paghman")),
        (
            "On 3 May 2021, shelling hit Daraya, southwestern Damascus, killing two.",
            ("Rural Damascus", "Daraya"),
        ),
        (
            "On 3 May 2021, a bomb hit a patrol in Abu Ghraib, western Baghdad, killing two.",
            ("Baghdad", "Abu Ghraib"),
        ),
        (
            "On 3 May 2021, a drone hit a house in Bani Hushaysh, northern Sanaa, killing two.",
            ("Sanaa", "Bani Hushaysh"),
        ),
        ("On 3 May 2021, gunmen killed a man in Eslamshahr, southern Tehran.", ("Tehran", "Eslamshahr")),
        (
            "On 3 January 2024, regime guns shelled Kafr Nabl, southern Idlib, killing two.",
            ("Idleb", "Kafr Nabl"),
        ),
    ],
)
def test_a_town_before_the_side_of_a_city_stays_a_town(text: str, place: tuple[str, str]) -> None:
    assert _where(text)[1:] == place


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2021, bandits killed three farmers in Unguwan Dogo, southern Kano.",
        "On 3 May 2021, a roadside bomb killed two soldiers near Albu Hassan, northern Baghdad.",
        "On 3 January 2024, a drone hit a flat in Dahiyeh, southern Beirut, killing two.",
    ],
)
def test_an_unknown_name_before_the_side_of_a_city_is_no_part_of_it(text: str) -> None:
    assert "-" not in (_where(text)[2] or "")


@pytest.mark.parametrize(
    "text",
    [
        "03/02/2011: Assailants detonated a car bomb in Sadr City, Baghdad city, Baghdad governorate, Iraq.",
        "03/02/2011: Assailants detonated a car bomb in Sadr City, eastern Baghdad, Iraq.",
        "03/02/2011: Assailants detonated a car bomb in the Sadr City area of eastern Baghdad, Iraq.",
        "03/02/2011: Assailants detonated a car bomb in Sadr City, Baghdad, Iraq.",
        "03/02/2011: Assailants detonated a car bomb in Baghdad's Sadr City, Iraq.",
    ],
)
def test_a_large_district_of_a_city_has_one_name_however_written(text: str) -> None:
    """A town of its own size is no part of the city, whichever way the city is named after it."""
    assert where(text, None) == ("Iraq", "Baghdad", "Sadr City")


def test_a_part_named_with_the_centre_of_a_city() -> None:
    text = "04/12/2012: Assailants detonated a bomb in the Karrada district of central Baghdad, Iraq."
    assert where(text, None) == ("Iraq", "Baghdad", "Baghdad-Karrada")


def test_a_city_word_must_end_the_citys_name() -> None:
    assert (
        _where("On 4 May 2021, police shot two men in Downtown, Kansas city officials said.")[2] != "Kansas"
    )


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "On 3 May 2021, the Houthis, who seized control of Sanaa in 2014, fired a missile at Jizan.",
            ("Saudi Arabia", "Jizan", "Jizan"),
        ),
        (
            "On 3 May 2021, the Taliban, who took control of Kabul in August, said they killed three IS"
            " fighters in Jalalabad.",
            ("Afghanistan", "Nangarhar", "Jalalabad"),
        ),
        (
            "On 3 May 2021, rebels who have held control of Marib since 2015 shelled a school in Sirwah.",
            ("Yemen", "Marib", "Sirwah"),
        ),
        (
            "On 3 May 2021, the army said it had taken control of Hadibu after clashes that killed four.",
            ("Yemen", "Socotra", "Hadibu"),
        ),
        (
            "On 3 May 2019, the Houthis, who seized control of Sanaa, fired a missile at Jizan, Saudi Arabia,"
            " wounding two people.",
            ("Saudi Arabia", "Jizan", "Jizan"),
        ),
        (
            "On 3 May 2019, the Houthis, who seized control of Sanaa years ago, fired a missile at Jizan"
            " (Jizan), Saudi Arabia.",
            ("Saudi Arabia", "Jizan", "Jizan"),
        ),
        (
            "On 3 May 2022, the Taliban, who took control of Kabul in August 2021, killed three IS fighters"
            " in Jalalabad.",
            ("Afghanistan", "Nangarhar", "Jalalabad"),
        ),
    ],
)
def test_control_of_a_place_places_only_the_event_it_tells(text: str, place: tuple[str, str, str]) -> None:
    assert _where(text) == place


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "On 3 May 2021, Kenyan officials said fighters of a rebel Front in Uganda attacked a post.",
            "Uganda",
        ),
        (
            "On 3 May 2021, Kenyan media said backers of the opposition Party in Uganda clashed with police.",
            "Uganda",
        ),
        (
            "On 3 May 2021, Nigerian officials said a Movement in Niger attacked a border post, killing two.",
            "Niger",
        ),
    ],
)
def test_a_party_or_front_placed_in_a_country_is_placed_there(text: str, country: str) -> None:
    """Only a jihadist group's name holds a country that is no place; a party or front lies in one."""
    assert _where(text)[0] == country


@pytest.mark.parametrize(
    ("text", "location"),
    [
        # the units name the town: the facility's namesake lies far off
        ("On 3 May 2021, gunmen shot two guards at the Kaduna market (Zaria, Kaduna), then fled.", "Zaria"),
        # a unit named like a town abroad is no town the namesake must lie by
        ("On 4 May 2021, soldiers raided the Jos hotel (Plateau), killing two suspects.", "Jos"),
        # a camp in a city ACLED divides into parts is the city's
        ("On 3 May 2021, gunmen attacked Muna camp (Maiduguri, Borno), killing two.", "Maiduguri"),
        ("On 3 May 2021, gunmen attacked the Bakassi camp (Maiduguri, Borno), killing two.", "Maiduguri"),
    ],
)
def test_a_facility_or_camp_listed_with_a_far_or_large_town_is_that_towns(text: str, location: str) -> None:
    assert _where(text)[2] == location


def test_a_second_level_unit_before_countryside_is_no_first_level_unit() -> None:
    text = "On 8 April 2020, gunmen killed a farmer near Mansfield in the Nottinghamshire countryside."
    assert _where(text)[:2] == ("United Kingdom", "England")


@pytest.mark.parametrize(
    "text",
    [
        "On 8 April 2020, HTS in the Idlib countryside shelled a regime post, killing two.",
        "On 8 April 2020, shelling hit villages on Sunday in the southern Idlib countryside, killing two.",
    ],
)
def test_a_group_or_a_day_before_a_countryside_is_no_town(text: str) -> None:
    """The countryside is placed as when named alone."""
    plain = _where("On 8 April 2020, regime artillery shelled the Idlib countryside, killing two.")
    assert _where(text) == plain == ("Syria", "Idleb", "Idlib")
