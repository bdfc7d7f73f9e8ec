"""Who blames is a source, who is said to be unknown attacked unseen, who mans a post was its target.

Every sentence is self-written (invented people, wording and events); the names are ACLED's public
actor names. Each rule has probes of ordinary wording that must not change.
"""

from __future__ import annotations

from datetime import date

import pytest
from incident_text import extract

from summarizer.incidents.actors import _title_case_too, find_actors, state_forces, unknown_attacker
from summarizer.incidents.gazetteer import gazetteer


def names(sentence: str, country: str | None) -> list[str]:
    return [a.name for a in find_actors(sentence, gazetteer(), country)]


def sides(text: str, reference: date | None = date(2022, 3, 30)) -> tuple[str | None, str | None]:
    incidents = extract(text, reference)
    assert incidents, text
    return incidents[0].actor1, incidents[0].actor2


# --- A side that blames or accuses another of the attack tells of it; it is no side of it.


@pytest.mark.parametrize(
    ("sentence", "country", "absent"),
    [
        ("Police blamed the Ashara Brigade for the blast.", "Nigeria", "Police Forces of Nigeria"),
        ("Police spokesman Tunde Baba blamed the attack on bandits.", "Nigeria", "Police Forces of Nigeria"),
        ("The army has blamed Boko Haram for the bombing.", "Nigeria", "Military Forces of Nigeria"),
        (
            "Iraqi police accused the Islamic State of carrying out the bombing.",
            "Iraq",
            "Police Forces of Iraq",
        ),
        ("Turkish troops blame the YPG for the car bomb.", "Syria", "Military Forces of Turkey"),
    ],
)
def test_a_side_that_blames_is_a_source(sentence: str, country: str, absent: str) -> None:
    assert absent not in names(sentence, country)


@pytest.mark.parametrize(
    ("sentence", "country", "present"),
    [
        # Blamed, or accused of an act, the side itself did it: it stays.
        ("Police were blamed for the death of a street vendor.", "Kenya", "Police Forces of Kenya"),
        ("Soldiers blamed for the killings were arrested.", "Mali", "Military Forces of Mali"),
        ("Soldiers accused a trader of hoarding and beat him.", "Mali", "Military Forces of Mali"),
        ("Police accused of torture shot two men in Kisumu.", "Kenya", "Police Forces of Kenya"),
        ("Police shot two men who blamed them for a raid.", "Kenya", "Police Forces of Kenya"),
    ],
)
def test_a_side_blamed_or_accused_stays_a_side(sentence: str, country: str, present: str) -> None:
    assert present in names(sentence, country)


def test_the_blamer_is_not_the_target_of_a_bombing() -> None:
    text = (
        "On 3 March 2022, a bomb exploded at a bus park in Gombe, Nigeria, killing six people. "
        "Police blamed Boko Haram for the blast."
    )
    first, second = sides(text)
    assert first is not None
    assert "Boko Haram" in first
    assert second == "Civilians (Nigeria)"


def test_a_spokesman_who_blames_is_a_source_too() -> None:
    text = (
        "On 3 March 2022, a bomb exploded at a market in Gombe, Nigeria, killing four traders. "
        "Police spokesman Tunde Baba blamed the attack on bandits."
    )
    assert sides(text)[1] == "Civilians (Nigeria)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 3 March 2020, Taliban spokesman Qari Nasir said the group's fighters killed eight soldiers "
            "in an attack on a checkpoint in Kandahar province.",
            ("Taliban", "Military Forces of Afghanistan"),
        ),
        (
            "On 3 March 2022, Al-Shabaab spokesman Hassan Omar said its fighters killed 12 Somali soldiers "
            "in an ambush near Baidoa.",
            ("Al Shabaab", "Military Forces of Somalia"),
        ),
        (
            "On 3 March 2022, ISWAP commander Abu Talha said his men attacked an army post in Yobe state.",
            ("Islamic State (West Africa)", "Military Forces of Nigeria"),
        ),
    ],
)
def test_a_spokesman_telling_of_the_groups_own_attack_keeps_it_a_side(
    text: str, expected: tuple[str, str]
) -> None:
    assert sides(text) == expected


def test_authorities_who_blame_a_group_in_syria_are_no_side() -> None:
    text = (
        "On 9 March 2022, a car bomb exploded near a bakery in Jarabulus, Syria, killing five civilians. "
        "Turkish officials blamed the YPG for the attack."
    )
    assert sides(text) == ("YPG: Peoples Protection Units", "Civilians (Syria)")


# --- The report says nobody knows who attacked: unnamed fire came from an unidentified group.


@pytest.mark.parametrize(
    "sentence",
    [
        "No group claimed responsibility for the incident.",
        "No group has claimed responsibility.",
        "Nobody has yet claimed responsibility for the attack.",
        "No one claimed credit for the rockets.",
        "There was no immediate claim of responsibility.",
        "It was not immediately clear who fired the rockets.",
        "It is not known who set off the bomb.",
        "It remains unclear who was responsible for the raid.",
        "The perpetrators remain unknown.",
        "The attackers are still unidentified.",
    ],
)
def test_unknown_attacker_phrasings(sentence: str) -> None:
    assert unknown_attacker(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The Karam Front claimed responsibility for the attack.",
        "No casualties were reported and the army claimed to have hit a depot.",
        "Monitors recorded 12 explosions involving unknown weapons.",
        "It is unclear whether the strike hit the depot.",
        "It was unclear who would pay for the repairs.",
        "It is not known who owns the warehouse.",
        "No one was hurt, officials said.",
        "Police said the gunmen were unknown to the villagers.",
    ],
)
def test_ordinary_wording_does_not_say_the_attacker_is_unknown(sentence: str) -> None:
    assert not unknown_attacker(sentence)


@pytest.mark.parametrize(
    "text",
    [
        # Database summaries and wire reports of rockets and mortars fired by nobody named.
        "06/11/2019: Assailants fired two rockets at an airfield near Tikrit city, Saladin governorate, "
        "Iraq. No casualties were reported. No group claimed responsibility for the incident.",
        "On 5 March 2022, three rockets struck near an oil company compound in Erbil, Iraq, wounding a "
        "guard. It was not immediately clear who fired them.",
        "On 6 March 2022, mortar shells landed in a market in Ghazni, Afghanistan, wounding four "
        "children. No group has claimed responsibility.",
    ],
)
def test_unclaimed_shelling_is_an_unidentified_group(text: str) -> None:
    first, _ = sides(text, None)
    assert first is not None
    assert first.startswith("Unidentified Armed Group")


def test_unclear_who_pays_for_repairs_leaves_shelling_to_the_military() -> None:
    text = (
        "On 6 March 2022, artillery shells hit a clinic in Galkayo, Somalia. "
        "It was unclear who would pay for the repairs."
    )
    assert sides(text, None)[0] == "Military Forces of Somalia"


def test_unnamed_shelling_still_comes_from_the_military() -> None:
    # Probe: no word of an unknown attacker keeps ACLED's convention for unnamed shelling.
    text = "On 6 March 2022, artillery shelled the outskirts of Kafr Tala, Syria, wounding two farmers."
    assert sides(text)[0] == "Military Forces of Syria"


def test_a_named_attacker_stays_despite_no_claim() -> None:
    text = (
        "On 7 March 2020, Taliban fighters fired mortars at a police post in Ghazni, Afghanistan. "
        "No other group claimed responsibility."
    )
    assert sides(text)[0] == "Taliban"


# --- Forces manning or guarding the place attacked were its target.


def test_a_checkpoint_manned_by_a_militia_is_its_target() -> None:
    found = find_actors(
        "Assailants opened fire on a checkpoint manned by Sahwa militia members near Tikrit.",
        gazetteer(),
        "Iraq",
    )
    manning = [a for a in found if "Sahwa" in a.name]
    assert manning
    assert all(a.victim for a in manning)


def test_a_gtd_attack_on_a_manned_checkpoint_is_led_by_the_assailants() -> None:
    text = (
        "04/02/2016: Assailants opened fire on a checkpoint manned by Sahwa militia members near "
        "Dibis town, Kirkuk governorate, Iraq. Two Sahwa members were killed. No group claimed "
        "responsibility for the incident."
    )
    assert sides(text, None)[0] == "Unidentified Armed Group (Iraq)"


@pytest.mark.parametrize(
    "sentence",
    [
        # Probes: a force that mans a post and acts, or is the agent of violence, still acts.
        "Soldiers manning a checkpoint opened fire on a minibus near Gao.",
        "A minibus was fired on by soldiers near Gao.",
    ],
)
def test_forces_that_act_are_no_target(sentence: str) -> None:
    found = find_actors(sentence, gazetteer(), "Mali")
    assert [a.victim for a in found if a.name == "Military Forces of Mali"] == [False]


# --- ACLED writes a country's forces with the article English gives the country's name.


@pytest.mark.parametrize(
    ("country", "expected"),
    [
        ("Ivory Coast", "Police Forces of the Ivory Coast"),
        ("Republic of Congo", "Police Forces of the Republic of Congo"),
        ("Dominican Republic", "Police Forces of the Dominican Republic"),
        ("United Arab Emirates", "Police Forces of the United Arab Emirates"),
        ("Solomon Islands", "Police Forces of the Solomon Islands"),
        ("Gambia", "Police Forces of the Gambia"),
        # Probes: names without an article keep none.
        ("Iraq", "Police Forces of Iraq"),
        ("Cyprus", "Police Forces of Cyprus"),
        ("South Sudan", "Police Forces of South Sudan"),
    ],
)
def test_forces_of_a_country_take_its_article(country: str, expected: str) -> None:
    assert state_forces(country, police=True) == expected


def test_ivorian_police_in_a_report() -> None:
    text = "On 2 March 2022, Ivorian police beat a street vendor in Bouake, Ivory Coast."
    assert sides(text)[0] == "Police Forces of the Ivory Coast"


# --- Public names: a bare "IS" where a word makes it the group; guards of private firms.


@pytest.mark.parametrize(
    ("sentence", "country", "expected"),
    [
        ("Two shepherds were wounded by an IS-planted mine near Rawa.", "Iraq", "Islamic State (Iraq)"),
        ("Coalition jets struck IS hideouts in the Hamrin hills.", "Iraq", "Islamic State (Iraq)"),
        ("IS remnants ambushed a convoy near Sukhnah.", "Syria", "Islamic State (Syria)"),
        ("An IS suicide bomber blew himself up at a checkpoint.", "Iraq", "Islamic State (Iraq)"),
        (
            "A security guard shot a customer at a mall in Polokwane.",
            "South Africa",
            "Private Security Forces (South Africa)",
        ),
        ("Gunmen attacked two bank guards in Escuintla.", "Guatemala", "Private Security Forces (Guatemala)"),
        (
            "Private security personnel fired on villagers near the mine.",
            "Peru",
            "Private Security Forces (Peru)",
        ),
    ],
)
def test_public_names(sentence: str, country: str, expected: str) -> None:
    assert expected in names(sentence, country)


@pytest.mark.parametrize(
    ("sentence", "country", "absent"),
    [
        # Probes: the verb "is" in capitals, and the state's own guards.
        ("THE SITUATION IS TENSE IN THE TOWN, POLICE SAID.", "Iraq", "Islamic State (Iraq)"),
        ("What IS known is that the bridge was hit.", "Iraq", "Islamic State (Iraq)"),
        ("Prison guards beat an inmate in Naivasha.", "Kenya", "Private Security Forces (Kenya)"),
        (
            "Border guards fired warning shots near the crossing.",
            "Tajikistan",
            "Private Security Forces (Tajikistan)",
        ),
        ("The Security Council condemned the attack.", "Mali", "Private Security Forces (Mali)"),
    ],
)
def test_no_public_name_from_ordinary_words(sentence: str, country: str, absent: str) -> None:
    assert absent not in names(sentence, country)


def test_a_guard_who_shot_a_man_leads() -> None:
    text = (
        "On 4 March 2022, a security guard shot dead a man after an argument at a mall in Polokwane, "
        "South Africa."
    )
    assert sides(text) == ("Private Security Forces (South Africa)", "Civilians (South Africa)")


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        ("Gunmen stormed a district office, but the governor's security guards drove them off.", "Somalia"),
        ("A grenade landed near security guards at the presidential palace in Mogadishu.", "Somalia"),
        ("Two security guards of the embassy were hurt when a crowd threw stones.", "Kenya"),
    ],
)
def test_guards_of_a_state_office_are_not_private(sentence: str, country: str) -> None:
    found = names(sentence, country)
    assert f"Private Security Forces ({country})" not in found
    assert f"Military Forces of {country}" in found


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("On 7 March 2022, a man shot a pharmacy's private security guard in Cali, Colombia.", "Colombia"),
        (
            "On 7 March 2022, attackers shot two farm guards at an estate near Nakuru, Kenya.",
            "Kenya",
        ),
    ],
)
def test_a_lone_guard_harmed_is_the_target_of_an_unnamed_attacker(text: str, country: str) -> None:
    assert sides(text) == (
        f"Unidentified Armed Group ({country})",
        f"Private Security Forces ({country})",
    )


def test_a_scuffle_with_a_guard_in_ordinary_news_is_no_incident() -> None:
    # Probe: a guard named in an ordinary story is no sign of a conflict event.
    text = (
        "A fan climbed onto the stage at a festival in Leeds on Saturday and shoved the drummer, who "
        "then got into a scuffle with a security guard, the band's manager said."
    )
    assert extract(text, date(2022, 3, 30)) == []


# --- Civilians named only as owners of a thing hit are no side unless harmed.


@pytest.mark.parametrize(
    "sentence",
    [
        "Rockets fell on civilian buildings in Gharyan.",
        "Jets bombed the house of a herder near Spin Boldak.",
        "Mortar rounds hit a shepherd's house near Tal Abyad.",
        "Shells damaged residents' mud houses in Sirte.",
    ],
)
def test_owners_of_things_hit_are_no_side(sentence: str) -> None:
    assert not [a for a in find_actors(sentence, gazetteer(), "Libya") if a.kind == "Civilians"]


@pytest.mark.parametrize(
    "sentence",
    [
        # Probes: people harmed, acting or fleeing stay.
        "Rockets killed three civilians near Gharyan.",
        "Shells hit a farmer's house and two farmers were wounded.",
        "Residents lost their homes when shells fell on Sirte.",
        "Villagers fled their homes after the shelling.",
    ],
)
def test_people_harmed_or_acting_stay(sentence: str) -> None:
    assert [a for a in find_actors(sentence, gazetteer(), "Libya") if a.kind == "Civilians"]


def test_shelling_that_only_damaged_buildings_has_no_target() -> None:
    text = (
        "On 6 March 2022, shells fired by the army fell on civilian buildings in Gharyan, Libya, "
        "causing heavy damage. No casualties were reported."
    )
    first, second = sides(text)
    assert first == "Military Forces of Libya"
    assert second is None


# --- Middle East: whose troops, and public names of armed wings.


@pytest.mark.parametrize(
    ("sentence", "country", "expected"),
    [
        ("Soldiers shot a teenager near Qabatiya.", "Palestine", "Military Forces of Israel"),
        ("The army demolished two houses in Beita.", "Palestine", "Military Forces of Israel"),
        (
            "Al-Aqsa Martyrs Brigades gunmen fired at troops near Tubas.",
            "Palestine",
            "Al Aqsa Martyrs Brigade",
        ),
        ("HPG fighters ambushed a Turkish patrol near Amedi.", "Iraq", "PKK: Kurdistan Workers Party"),
        (
            "The People's Defence Forces (HPG) shelled a Turkish outpost near Zakho.",
            "Iraq",
            "PKK: Kurdistan Workers Party",
        ),
        # Myanmar's People's Defense Forces share the HPG's long name but are the PDF.
        (
            "The local People's Defense Forces raided a police post in Magway region.",
            "Myanmar",
            "PDF: People's Defense Force",
        ),
        # The territory's own authority named: its unqualified forces are its own.
        (
            "Palestinian Authority security forces detained three gunmen in Salfit.",
            "Palestine",
            "Military Forces of Palestine",
        ),
        (
            "PA forces surrounded a camp near Tammun, and soldiers shot a wanted man.",
            "Palestine",
            "Military Forces of Palestine",
        ),
        # Probes: police keep their own country, and troops elsewhere theirs.
        ("Police arrested two men in Qalqilya.", "Palestine", "Police Forces of Palestine"),
        ("Soldiers raided a house in Menaka.", "Mali", "Military Forces of Mali"),
    ],
)
def test_middle_east_sides(sentence: str, country: str, expected: str) -> None:
    assert expected in names(sentence, country)


def test_the_palestinian_authoritys_forces_are_not_israels() -> None:
    sentence = "Palestinian Authority security forces detained three gunmen in Salfit."
    assert "Military Forces of Israel" not in names(sentence, "Palestine")


def test_troops_in_the_west_bank_are_israels() -> None:
    text = "On 8 March 2022, troops shot and wounded two Palestinian youths near Qabatiya, West Bank."
    assert sides(text)[0] == "Military Forces of Israel"


# --- Names written in title case, as headlines and some notes write them.


@pytest.mark.parametrize(
    ("sentence", "country", "expected"),
    [
        (
            "Malay Muslim Separatists shot a ranger in Narathiwat.",
            "Thailand",
            "Malay Muslim Separatists (Thailand)",
        ),
        ("Ambazonian Separatists burned a school in Kumba.", "Cameroon", "Ambazonian Separatists (Cameroon)"),
        ("Boko Haram Fighters Raid Village Near Gwoza", "Nigeria", "Boko Haram"),
        ("Kurdish Fighters Clash With Rebels Near Manbij", "Syria", "Kurdish Militia (Syria)"),
    ],
)
def test_names_in_title_case(sentence: str, country: str, expected: str) -> None:
    assert any(expected in name for name in names(sentence, country))


@pytest.mark.parametrize(
    ("sentence", "country", "absent"),
    [
        # Probes: capitals elsewhere name no group.
        ("The Separatists Of The Story Is A New Play.", "Thailand", "Malay Muslim Separatists (Thailand)"),
        ("Kurdish Cuisine Festival Opens In Erbil", "Iraq", "Kurdish Militia (Iraq)"),
    ],
)
def test_title_case_probes(sentence: str, country: str, absent: str) -> None:
    assert absent not in names(sentence, country)


def test_title_case_of_every_lowercase_word() -> None:
    assert (
        _title_case_too(r"Malay (?:rebels|[Ff]orces)\s+(?-i:Post)")
        == r"Malay (?:[rR]ebels|[Ff]orces)\s+(?-i:Post)"
    )


def test_armed_men_killed_in_a_blast_are_never_both_sides() -> None:
    text = (
        "On 2 March 2022, an explosion tore through a van in Orsk, Russia, killing two people. "
        "A regional outlet said four militants were later killed in a gunfight."
    )
    first, second = sides(text)
    assert first != second
