"""Misreads of markets, works, compound people nouns and phrases of time, each by a general rule;
the ordinary violent wording beside each still reads as before.

Every sentence here is invented for the rule it tests.
"""

from __future__ import annotations

from datetime import date

import pytest
from incident_text import extract

from summarizer.incidents.counts import find_casualties
from summarizer.incidents.dates import find_dates


@pytest.mark.parametrize(
    "sentence",
    [
        # the markets: attacks and raids on currencies, bonds and shares, by the markets' own people
        "Pension funds raided Portuguese bonds in Lisbon on Monday, dealers said.",
        "Speculators attacked the rupee in Colombo on Tuesday.",
        "Short sellers stormed the copper market in Santiago on Tuesday.",
        "The champions raided the transfer market in Porto on Tuesday.",
        "Bond traders hammered the shares of the shipyard in Gdynia on Tuesday.",
        # a deal, a bill, hopes killed; a work that bombed
        "Regional voters killed the tunnel deal in Lucerne on Sunday.",
        "The transport minister's memo killed off hopes of a new bridge in Hobart on Friday.",
        "The new opera bombed in Vienna last month despite its famous cast.",
        "The comedian's third album bombed in Dublin on its release last week.",
    ],
)
def test_market_and_box_office_senses_give_no_incident(sentence: str) -> None:
    assert extract(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "sub_event"),
    [
        # the noun is a person's trade or group, not a deal or a rally killed
        ("Insurgents killed a deal negotiator in Kirkuk on Monday.", "Attack"),
        ("Rebels killed four project engineers of a water charity near Bunia on Monday.", "Attack"),
        ("Soldiers killed three rally-goers in Conakry on Monday.", "Excessive force against protesters"),
        ("Troops killed the rally coordinator in Bulawayo on Monday.", "Excessive force against protesters"),
        # an audience counted in millions saw a real shooting, not a show
        ("Three million watched the mayor shot dead during a live stream from Cali on Monday.", "Attack"),
    ],
)
def test_people_killed_or_seen_killed_are_an_incident(sentence: str, sub_event: str) -> None:
    [incident] = extract(sentence)
    assert incident.sub_event_type == sub_event


@pytest.mark.parametrize(
    "sentence",
    [
        "Gunmen raided the cattle market in Gombe on Monday, killing three herders.",
        "Angry hawkers attacked tax collectors in Onitsha on Monday.",
        "Militants stormed a bank in Baidoa on Monday and shot dead two guards.",
        "Gunmen attacked a currency exchange shop in Herat on Monday, killing the owner.",
        "A cinema showing the film was bombed in Kunduz on Monday.",
        "Brokers were attacked by gunmen in Ibadan on Monday.",
        "Rebels killed the village chief near Butembo on Monday.",
    ],
)
def test_violence_in_the_same_words_still_gives_an_incident(sentence: str) -> None:
    assert len(extract(sentence)) == 1


@pytest.mark.parametrize(
    ("sentence", "dead"),
    [
        ("Three watchmen were killed when bandits raided a quarry near Lokoja on Monday.", 3),
        ("Five tribesmen were shot dead in a cattle raid near Lodwar on Monday.", 5),
        ("Two coastguardsmen were killed when pirates fired on their boat off Bonny on Monday.", 2),
        ("Four townspeople were killed when militants shelled Kidal on Monday.", 4),
        ("Six policewomen were killed in an ambush near Gao on Monday.", 6),
    ],
)
def test_compound_people_nouns_are_counted_as_dead(sentence: str, dead: int) -> None:
    [incident] = extract(sentence)
    assert incident.fatalities == dead


@pytest.mark.parametrize(
    "sentence",
    [
        "Two guards were shot on the last night of the carnival in Tamale.",
        "Two guards were shot on the regatta's last night in Tamale.",
        "Two guards were shot during the last week of the campaign in Tamale.",
        "Two guards were shot on the following Tuesday in Tamale.",
        "Two guards were shot every last Friday of the month in Tamale.",
        "Two guards were shot on the last Friday of June in Tamale.",
        "Two guards were shot on the first Monday of the season in Tamale.",
    ],
)
def test_a_day_word_within_a_longer_phrase_of_time_is_no_relative_date(sentence: str) -> None:
    assert [m for m in find_dates(sentence, date(2021, 10, 21)) if m.relative] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "An overnight rebel raid on Kidal killed four herders, a local official said.",
        "The militia's overnight mortar attack on Goma killed three civilians, the mayor said.",
        "The ambush on Tuesday of a police patrol near Dori killed nine officers, the army said.",
        "Gunmen stormed a church in Makurdi during a Sunday service, killing four, police said.",
    ],
)
def test_an_incident_dated_only_by_overnight_or_a_weekday_keeps_its_date(sentence: str) -> None:
    [incident] = extract(sentence)
    assert incident.event_date is not None


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("Police said that last night gunmen shot two guards in Tamale.", "2021-10-20"),
        ("Gunmen shot one last night in Tamale.", "2021-10-20"),
        ("The army's Friday raid on a camp near Tamale killed two.", "2021-10-15"),
        ("Two guards were shot in the early hours of Friday in Tamale.", "2021-10-15"),
    ],
)
def test_relative_dates_read_as_before(sentence: str, day: str) -> None:
    [mention] = [m for m in find_dates(sentence, date(2021, 10, 21)) if m.relative]
    assert mention.value is not None
    assert mention.value.iso() == day


_ROUND_UP = (
    "Quarterly watch: the attacks recorded across Upper East Region in July.\n\n"
    "The figures come from a civic monitoring network and district police.\n\n"
    "On 4 July, gunmen shot dead two traders near Bawku.\n\n"
    "On 19 July, raiders killed three herders near Zebilla.\n\n"
    "On 30 July, attackers shot and wounded a chief near Garu."
)


@pytest.mark.parametrize("published", [date(2021, 8, 2), date(2021, 11, 30)])
def test_a_round_up_keeps_the_events_of_the_period_its_lead_names(published: date) -> None:
    incidents = extract(_ROUND_UP, reference=published)
    assert [i.event_date for i in incidents] == ["2021-07-04", "2021-07-19", "2021-07-30"]


def test_a_lead_with_only_the_report_day_still_drops_old_background() -> None:
    text = (
        "The veteran mayor of Bawku died at home on Monday, aged 90.\n\n"
        "He had led the town for two decades.\n\n"
        "On 4 July 2015, gunmen shot dead two traders near Bawku during his second term."
    )
    assert extract(text, reference=date(2021, 10, 21)) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Bandits injured four travellers near Funtua on Monday.",
        "Unknown assailants wounded a chief near Garu on Monday.",
    ],
)
def test_assailants_who_wound_people_make_an_attack(sentence: str) -> None:
    [incident] = extract(sentence)
    assert (incident.event_type, incident.sub_event_type) == ("Violence against civilians", "Attack")


def test_assailants_wounded_in_an_accident_make_no_attack() -> None:
    assert extract("The militants injured in the bus crash near Gao on Monday were flown to Bamako.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Q: On Monday gunmen killed two farmers near Jos, is that right",
        "Interviewer: On Monday gunmen killed two farmers near Jos.",
    ],
)
def test_an_interviewers_turn_reports_no_incident(sentence: str) -> None:
    assert extract(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "A: On Monday gunmen killed two farmers near Jos.",
        "((XPA)) Gunmen killed six traders in Zaria on Monday.",
    ],
)
def test_an_answer_or_a_tagged_lead_still_reports_its_incident(sentence: str) -> None:
    assert len(extract(sentence)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2021, moped riders marched in Kisii after a police car hit a rider. The protesters wrecked"
        " two police booths.",
        "On 3 May 2021, a march over bread prices in Kisumu, Kenya, turned violent.",
        "On 3 May 2021, traders shut the market in Eldoret over new levies. Officers fired tear gas and"
        " the crowd hit back with bottles.",
    ],
)
def test_a_protest_turned_violent_is_a_riot(text: str) -> None:
    [incident] = extract(text)
    assert incident.event_type == "Riots"


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2021, insurgents threw a grenade at an army post in Jowhar, Somalia. The soldiers reacted"
        " with gunfire.",
        "On 3 May 2021, insurgents shelled an army post near Ansongo, Mali. The troops retaliated with heavy"
        " fire.",
    ],
)
def test_an_attack_answered_with_fire_is_an_armed_clash(text: str) -> None:
    [incident] = extract(text)
    assert (incident.event_type, incident.sub_event_type) == ("Battles", "Armed clash")


def test_a_grenade_thrown_with_no_answer_stays_an_explosion() -> None:
    [incident] = extract("On 3 May 2021, insurgents threw a grenade at an army post in Jowhar, Somalia.")
    assert incident.event_type == "Explosions/Remote violence"


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2021, gunmen ambushed and killed three herders near Lafia, Nigeria.",
        "On 3 May 2021, bandits killed one person while ambushing travellers near Gusau, Nigeria.",
        "On 3 May 2021, militants shot dead a school guard in Djibo, Burkina Faso.",
    ],
)
def test_an_ambush_on_unarmed_people_or_a_school_guard_killed_is_an_attack_on_civilians(text: str) -> None:
    [incident] = extract(text)
    assert (incident.event_type, incident.sub_event_type) == ("Violence against civilians", "Attack")


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2021, militants ambushed an army patrol near Djibo, Burkina Faso, killing two soldiers.",
        "On 3 May 2021, militants shot dead two border guards near Djibo, Burkina Faso.",
    ],
)
def test_an_ambush_on_forces_stays_a_battle(text: str) -> None:
    [incident] = extract(text)
    assert incident.event_type == "Battles"


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2021, in Tampico, Mexico, two men on a scooter threw Molotov cocktails at two shops. No"
        " injuries were reported.",
        "On 3 May 2021, in Tampico, Mexico, masked men threw petrol bombs from a car at a bar. No injuries"
        " were reported.",
    ],
)
def test_incendiaries_thrown_at_property_with_nobody_hurt_destroy_property(text: str) -> None:
    [incident] = extract(text)
    assert (incident.event_type, incident.sub_event_type) == (
        "Strategic developments",
        "Looting/property destruction",
    )


def test_petrol_bombs_thrown_at_people_are_an_attack_not_an_explosion() -> None:
    [incident] = extract("On 3 May 2021, in Tampico, Mexico, men threw petrol bombs at two guests of a bar.")
    assert (incident.event_type, incident.sub_event_type) == ("Violence against civilians", "Attack")


@pytest.mark.parametrize(
    ("told", "expected"),
    [
        ("The victim was armed with a pistol.", "Battles"),
        ("The victims were suspected gang members.", "Battles"),
        ("The victim had a lengthy criminal record.", "Battles"),
        ("The victim had been convicted of drug trafficking in 2015.", "Battles"),
        ("The victim was not armed.", "Violence against civilians"),
        ("The victim ran a bakery.", "Violence against civilians"),
        ("The victim had written about drug traffickers for a local paper.", "Violence against civilians"),
        ("The victim had campaigned against drug dealing for years.", "Violence against civilians"),
        ("The victim was a witness in a drug trafficking trial.", "Violence against civilians"),
        ("The victim was the reporter who exposed a drug dealing ring.", "Violence against civilians"),
    ],
)
def test_a_victim_told_armed_or_a_criminal_makes_an_armed_clash(told: str, expected: str) -> None:
    text = f"Gunmen on a motorbike shot dead a taxi driver in Cuiabá on Sunday night, police said. {told}"
    [incident] = extract(text)
    assert incident.event_type == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # live rounds fired at a stone-throwing demonstration: its riot, not an exchange of fire
        (
            "Demonstrators threw rocks in Mombasa on Monday and police responded with live fire, killing"
            " three people, witnesses said.",
            "Riots",
        ),
        # fire hoses turned on a demonstration are no gunfire
        (
            "Demonstrators blocked a road in Mombasa on Monday and police responded with fire hoses.",
            "Protests",
        ),
        # security men are armed: an ambush of them is a battle
        ("Raiders ambushed four security men near Zurmi on Monday, killing all of them.", "Battles"),
        # pilots who bombed a market: an air strike, not a flop
        (
            "Government pilots bombed the cattle market in Kutum on Monday, killing nine people.",
            "Explosions/Remote violence",
        ),
        # what protesters said others destroyed is not their riot
        ("Protesters said soldiers destroyed their tents in Omdurman on Monday.", "Protests"),
        # sticks as a policy are no weapons of a crowd
        ("The council responded with sticks rather than carrots in Brussels on Monday.", None),
    ],
)
def test_forces_crowds_and_policies_keep_their_event_type(sentence: str, expected: str | None) -> None:
    found = [incident.event_type for incident in extract(sentence)]
    assert found == ([expected] if expected else [])


def test_gunmen_attacking_a_restaurant_are_no_property_destruction() -> None:
    [incident] = extract("Gunmen attacked a restaurant in Bobo-Dioulasso on Monday, police said.")
    assert incident.sub_event_type == "Attack"


@pytest.mark.parametrize(
    ("headline", "dead"),
    [("Two Gunmen Were Killed By Troops Near Tessalit", 2), ("Five Tribesmen Were Shot Dead Near Sabha", 5)],
)
def test_compound_people_nouns_in_title_case_are_counted(headline: str, dead: int) -> None:
    assert find_casualties(headline).fatalities == dead
