"""Full-length news: which sentences may join an incident and lend it its sides (invented texts)."""

from __future__ import annotations

from datetime import datetime

from summarizer.articles import Article
from summarizer.incidents import extract_incidents
from summarizer.incidents.counts import find_casualties, title_case


def article(text: str, title: str) -> Article:
    return Article(id="a", title=title, text=text, published=datetime(2022, 5, 16))


_RALLY = (
    "Thousands of supporters of the opposition rallied in Kandahar, Afghanistan, on Sunday. The"
    " rally turned violent when marchers threw stones at shops and set cars on fire.\n\n"
    "The opposition leader, Omid Sarwari, has demanded a recount since the winter, and his party"
    " says the vote was rigged.\n\n"
    "At the event, Sarwari said Taliban fighters were behind the attack on his convoy.\n"
)


def test_an_attack_told_two_paragraphs_after_a_riot_lends_it_no_side() -> None:
    incidents = extract_incidents(article(_RALLY, "Opposition rally in Kandahar turns violent"))
    riot = incidents[0]
    assert riot.event_type == "Riots"
    assert "Taliban" not in {riot.actor1, riot.actor2}


def test_an_undated_attack_told_in_passing_after_a_riot_takes_none_of_its_date() -> None:
    incidents = extract_incidents(article(_RALLY, "Opposition rally in Kandahar turns violent"))
    assert [i.event_type for i in incidents] == ["Riots"]


def test_an_attack_told_in_the_next_paragraph_still_joins_the_protest() -> None:
    text = (
        "Hundreds of farmers protested in Kandahar, Afghanistan, on Sunday.\n\n"
        "Gunmen then opened fire on the crowd, killing two farmers.\n"
    )
    incidents = extract_incidents(article(text, "Farmers shot at in Kandahar"))
    assert len(incidents) == 1


def test_a_quoted_account_of_the_other_sides_fire_lends_no_target() -> None:
    text = (
        "Pakistani troops shelled a village near Poonch, India, on Tuesday, Indian officials said.\n\n"
        '"The enemy started it. They fired 20 mortar rounds at Pakistani police checkposts in our sector'
        ' on Tuesday", a spokesman said.\n'
    )
    [incident] = extract_incidents(article(text, "Shelling near Poonch"))
    assert incident.actor1 == "Military Forces of Pakistan"
    assert incident.actor2 != "Police Forces of Pakistan"


def test_a_quoted_sentence_still_names_the_sides_when_the_narrator_names_none() -> None:
    text = (
        "A checkpoint near Tal Afar, Iraq, came under fire on Wednesday.\n\n"
        '"Islamic State fighters attacked our soldiers at the checkpoint on Wednesday", the mayor said.\n'
    )
    [incident] = extract_incidents(article(text, "Checkpoint attacked near Tal Afar"))
    assert incident.actor1 == "Islamic State (Iraq)"


def test_a_headline_in_title_case_counts_its_toll_once() -> None:
    text = (
        "Four Rangers Killed In Ambush Near Garissa\n\n"
        "Gunmen ambushed a ranger patrol near Garissa, Kenya, on Sunday. Four rangers were killed in"
        " the attack, a spokesman said.\n"
    )
    [incident] = extract_incidents(article(text, "Four Rangers Killed In Ambush Near Garissa"))
    assert incident.fatalities == 4


def test_title_case_is_told_from_a_sentence_naming_a_person() -> None:
    assert title_case("Five Killed In Attack On Border Post")
    assert not title_case("Gunmen killed Ilir Dervishi in Peshkopi on Friday.")
    assert find_casualties("Five Killed In Attack On Border Post").fatalities == 5
    assert find_casualties("Gunmen killed Ilir Dervishi in Peshkopi on Friday.").fatalities == 1
    assert find_casualties("Ilir Dervishi Was Killed In Peshkopi").fatalities == 1


def test_forces_holding_the_base_fired_at_are_its_target() -> None:
    text = "Rockets were fired at a Syrian army base near Homs, Syria, on Monday, wounding three soldiers.\n"
    [incident] = extract_incidents(article(text, "Rockets hit base near Homs"))
    assert incident.actor1 != "Military Forces of Syria"
    assert incident.actor2 == "Military Forces of Syria"


def test_forces_the_base_houses_are_its_target_too() -> None:
    text = (
        "Mortar shells were fired on Monday at a Syrian military base near Homs, Syria, that houses"
        " Russian troops, wounding two soldiers.\n"
    )
    [incident] = extract_incidents(article(text, "Mortars hit base near Homs"))
    assert incident.actor1 not in {"Military Forces of Syria", "Military Forces of Russia"}


def test_soldiers_at_a_checkpoint_who_opened_fire_still_lead() -> None:
    text = "Soldiers at an army checkpoint near Homs, Syria, opened fire on a minibus on Monday, killing two."
    [incident] = extract_incidents(article(text, "Soldiers fire on minibus"))
    assert incident.actor1 == "Military Forces of Syria"


def test_a_square_named_like_a_town_is_placed_in_the_city_named_with_it() -> None:
    text = (
        "Delegates from Ohio and Georgia met on Monday.\n\n"
        "During a riot in Washington, D.C. on Tuesday, rioters set fire to a kiosk at Dayton Square.\n"
    )
    incidents = extract_incidents(article(text, "Riot in Washington"))
    assert incidents[0].admin1 == "District of Columbia"


def test_a_group_that_runs_the_reporting_ministry_is_no_side() -> None:
    text = (
        "An Israeli air strike hit a house in Beit Lahia, Gaza, on Tuesday, killing four people, the"
        " Hamas-run health ministry said.\n"
    )
    [incident] = extract_incidents(article(text, "Air strike in Beit Lahia"))
    assert (incident.actor1, incident.actor2) == ("Military Forces of Israel", "Civilians (Palestine)")


def test_a_group_that_appointed_the_spokesman_is_not_the_bomber() -> None:
    text = (
        "A bomb exploded at a mosque in Taloqan, Afghanistan, on Friday, killing seven worshippers, a"
        " Taliban-appointed police spokesman said.\n"
    )
    [incident] = extract_incidents(article(text, "Mosque blast in Taloqan"))
    assert incident.actor1 != "Taliban"


def test_a_groups_television_reporting_names_no_target() -> None:
    text = (
        "Coalition aircraft struck a market in Saada, Yemen, on Monday, killing 11 civilians, the"
        " Houthis' Al Masirah TV reported.\n"
    )
    [incident] = extract_incidents(article(text, "Market struck in Saada"))
    assert incident.actor2 == "Civilians (Yemen)"


def test_aides_killed_with_a_commander_are_counted() -> None:
    assert find_casualties("A drone strike killed a militia commander and two of his aides.").fatalities == 3
    assert find_casualties("Three aides were killed in the ambush.").fatalities == 3


_VOLLEY = (
    "Militants fired a volley of rockets at Ashkelon, Israel, on Thursday, wounding two residents,"
    " police said. The Israeli army responded with air strikes on militant positions in Gaza.\n"
)


def test_strikes_in_answer_to_rocket_fire_are_another_event() -> None:
    incidents = extract_incidents(article(_VOLLEY, "Rockets hit Ashkelon"))
    assert incidents[0].sub_event_type == "Shelling/artillery/missile attack"
    assert len(incidents) == 2


def test_police_answering_a_protest_stay_part_of_it() -> None:
    text = (
        "Hundreds of students protested in Dhaka, Bangladesh, on Thursday. Police responded with tear"
        " gas and rubber bullets.\n"
    )
    [incident] = extract_incidents(article(text, "Students protest in Dhaka"))
    assert incident.event_type == "Protests"


def test_a_claim_dated_the_day_after_the_attack_names_its_attacker() -> None:
    text = (
        "Dozens of militants attacked an army camp in Tessit, Mali, on Friday, killing nine soldiers, the"
        " army said.\n\n"
        "Jama'at Nasr al-Islam wal Muslimin claimed responsibility for the attack on Saturday.\n"
    )
    incidents = extract_incidents(article(text, "Militants attack army camp in Tessit"))
    assert len(incidents) == 1
    assert incidents[0].event_date == "2022-05-13"
    assert incidents[0].actor1 != "Unidentified Armed Group (Mali)"


def test_police_who_arrested_suspects_after_a_shooting_took_no_side_in_it() -> None:
    text = (
        "Hundreds of traders rallied in Ibadan, Nigeria, on Saturday. Gunmen on motorcycles then opened"
        " fire on the crowd, killing two people.\n\n"
        "Police said they had arrested three suspects.\n"
    )
    [incident] = extract_incidents(article(text, "Gunmen fire on Ibadan rally"))
    assert incident.actor1 == "Unidentified Armed Group (Nigeria)"
    assert "Police Forces of Nigeria" not in {incident.actor1, incident.actor2}


def test_attackers_believed_to_be_members_of_a_group_are_that_group() -> None:
    text = (
        "Gunmen killed four herders in Wajir, Kenya, on Tuesday, police said. The attackers, believed to"
        " be members of al-Shabaab, fled towards the border.\n"
    )
    [incident] = extract_incidents(article(text, "Herders killed in Wajir"))
    assert incident.actor1 == "Al Shabaab"


def test_victims_said_to_be_supporters_of_a_group_do_not_make_it_the_attacker() -> None:
    text = (
        "Gunmen killed four men in Kunduz, Afghanistan, on Tuesday, police said. The victims, said to"
        " be Taliban supporters, were buried the same day.\n"
    )
    [incident] = extract_incidents(article(text, "Four killed in Kunduz"))
    assert incident.actor1 != "Taliban"
