"""Event words used in another sense give no incident; the same words used of violence still do.

Every sentence here is invented for the rule it tests.
"""

from __future__ import annotations

import pytest
from incident_text import extract, kind

from summarizer.incidents.events import not_an_event


@pytest.mark.parametrize(
    "sentence",
    [
        # figures of speech from business, politics, sport and technology
        "The two supermarket chains are locked in a price war over bread and milk.",
        "Ms Varga is the favourite in the battle for the leadership of the Green Party.",
        "The shadow minister launched a scathing attack on the housing policy.",
        "Opposition leaders attacked the plans as a tax on pensioners.",
        "The folk singer shot to fame after her song topped the charts in Norway.",
        "The prime minister shot hoops with pupils at a school in Dundee.",
        "The director shot the film over six weeks in the hills of Tuscany.",
        "Share prices shot up after the merger was announced.",
        "The cabinet shot down the proposal to raise fuel duty.",
        "Ticket servers were bombarded with requests as the tour went on sale.",
        "Viewers bombarded the channel with complaints after the final episode.",
        "His comedy bombed at the box office despite a huge advertising budget.",
        "The cyclist said he blew up on the last climb and lost two minutes.",
        "The old router blew up and the office lost its connection for a day.",
        "Building a budget app is not rocket science, the founder told investors.",
        "The firm lost the contract for the next rocket programme.",
        "She learned to drive at a rally school in the Welsh hills.",
        "Shares rallied in late trading as oil prices fell.",
        "The visitors staged a late rally but lost by two points.",
        "The hedge fund made a killing on the falling currency.",
        "The young side went into their shells after conceding an early goal.",
        "The club lodged a formal protest with the league over the referee's decision.",
        "Two board members resigned in protest at the new pay scheme.",
        "The charity is fighting poverty in the poorest districts of Leeds.",
        "The airline is fighting the ban on night flights in the courts.",
        "A denial-of-service attack took the bank's website offline for hours.",
        "Health officials said she suffered a heart attack at her home.",
        "The chancellor raided the pension funds to pay for the tax cut.",
        "Tax inspectors raided the offices of the software company last month.",
        "I was really demonstrating how much the pupils had learned.",
        "Our coach reckons you must never let yourself get shot down on a counter.",
        # a term someone is quoted as using, a title of a work, examples
        'The talk-show host apologised after calling the strikers "terrorists and bombers".',
        "The documentary about the siege of the town won the jury prize.",
        "In 1992 the comedy Pond Life beat The Shooting Season to the prize.",
        "Armed guards on the ferries did not deter attacks like the hijacking off Kalmar.",
        "The rail operator pledged to stamp out crimes such as the shooting at Brno station.",
        # a past event named by its year, an inquiry into riots
        "The poet told an audience in Bergen he still dreams of the deadly 1979 stabbing of his teacher.",
        "A retired admiral will chair the official inquiry into last spring's riots in Gdansk.",
        "The union encouraged its members to come to a rally at the docks next week.",
        "The union has warned the bakery chain about its constant attacks on the pay of drivers.",
    ],
)
def test_another_sense_gives_no_incident(sentence: str) -> None:
    assert extract(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Army artillery bombarded the village of Tarsk with shells on 3 May 2021.",
        "On 3 May 2021, a car bomb blew up outside the police headquarters in Mogadishu.",
        "On 3 May 2021, gunmen raided a bar in Kano and shot dead four customers.",
        "On 3 May 2021, rebels attacked an army base in Ituri, killing six soldiers.",
        "On 3 May 2021, militants fired rockets at a military post near Kandahar.",
        "On 3 May 2021, rival clans fought over grazing land near Baidoa, killing five.",
        "On 3 May 2021, the market in Idlib was bombed, killing seven people.",
        "On 3 May 2021, gunmen shot up a bar in Ciudad Juarez, Mexico, killing three.",
        "On 3 May 2021, government troops launched a counter attack on rebels in Ituri, Congo.",
        "On 3 May 2021, bandits attacked a taxi driver near Zaria, Nigeria.",
        # a figure of speech read literally when the sentence states harm, a weapon or a place of fighting
        "On 3 May 2021, police shot a video journalist dead in Lomavi, Kenya.",
        "On 3 May 2021, soldiers shot two film crew members in Mopti, Mali.",
        "On 3 May 2021, a trader was attacked by rivals with machetes and died in Kisii, Kenya.",
        "On 3 May 2021, two soldiers died in fighting Al-Shabaab near Kismayo, Somalia.",
        "On 3 May 2021, herders clashed over grazing plans near Bauchi, Nigeria, leaving four dead.",
        "On 3 May 2021, militiamen made an attack on the plan's surveyors in Beni, Congo, wounding two.",
    ],
)
def test_the_same_words_of_violence_still_give_an_incident(sentence: str) -> None:
    assert len(extract(sentence)) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "The families lost their appeal against the ruling on the shooting of the two farmers.",
        "The soldiers' lawyers appealed against the verdict in the killing of the shepherd.",
        "An inquest into the death of the man shot by police opens in March.",
        "The cousins lost a court bid to force a fresh inquiry into the stabbing.",
    ],
)
def test_appeals_inquests_and_inquiries_are_legal_proceedings(sentence: str) -> None:
    assert not_an_event(sentence) == "legal"


def test_a_riot_cited_as_the_grievance_of_a_march_is_a_protest() -> None:
    sentence = "On 3 May 2021, shopkeepers angry over last week's riot marched to the town hall in Leeds."
    assert kind(sentence) == ("Protests", "Peaceful protest")


def test_a_riot_that_a_crowd_started_is_still_a_riot() -> None:
    sentence = "Protesters against the new tax rioted in the city centre."
    assert kind(sentence) == ("Riots", "Violent demonstration")


def test_a_fire_bombing_campaign_over_years_is_no_incident() -> None:
    sentence = "The harbour cafes endured a decade-long campaign of petrol bombings in the 1990s."
    assert kind(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministers did not meet the protesters' demands for a new vote.",
        "Western troops arrived after the rebels took over about half of the province.",
        "The monarchy had been allied with the northern clans in fighting Red Banner rebels.",
        "He said the militias did most of the fighting and the dying.",
        "Further allegations about the battalion included the stabbing of a fisherman near Tarsus.",
        "Removing the thousands of landmines buried along the old frontier is slow work.",
        "The bus operator dropped its routes in Graz after noisy protests by passengers.",
        "The ministry described the attack as a grave breach of the treaty.",
        "RPGs are his favourite genre, with goblins to hunt and a crossbow to upgrade.",
        "Her guild meets each night in a role-playing game (RPG) set on a frozen moon.",
        "The hero's arsenal includes a harpoon, rockets, grenades and a plasma whip.",
        "The launch gave investors a live demonstration of how the new scanner works in Oslo.",
        "Prosecutors said the next round of arrests could reach senior bankers in Zurich.",
        # sport, politics and business on a stated day and place
        "On Saturday the winger curled a shot past the keeper at Hampden Park in Glasgow.",
        "Dundee attacked from the start at Tannadice Park on Saturday and led at half-time.",
        "The finance minister was attacked by backbenchers over the pension plan in Canberra on Monday.",
        "The two premiers clashed over fishing quotas and trade at the summit in Reykjavik on Monday.",
        "The retailer has been under siege from activist shareholders in Boston since Monday.",
        "Hackers attacked the insurer's servers in Rotterdam on Monday.",
        "The energy regulator raided the offices of the utility in Lyon on Monday.",
        # a past event as a time, a name, a remembrance, an industrial accident
        "Twenty years after the massacre, the town of Kestel in Turkey has a new mayor.",
        "On Monday the punk band Explosion played to a full hall in Tromsø.",
        "On Monday, survivors gathered in Ardenne to remember the dead of the 1993 bombing.",
        "An explosion at a fertiliser plant in Sfax killed nine workers on Monday.",
        "A fireworks factory blast killed four people in Puebla, Mexico, on Monday.",
        "It was not clear how the man whose body was found near Lake Tarn was killed.",
    ],
)
def test_campaigns_allegations_and_reactions_give_no_incident(sentence: str) -> None:
    assert extract(sentence) == []


def test_a_campaign_s_losses_in_thousands_are_a_running_toll() -> None:
    sentence = "The militia suffered thousands of casualties in the long battle for Korvel."
    assert not_an_event(sentence) == "cumulative"


def test_a_death_at_work_is_an_accident() -> None:
    assert (
        not_an_event("Early on Monday, a technician was killed while working on an escalator in Brno.")
        == "accident"
    )


def test_a_body_found_in_the_news_is_an_incident_only_with_signs_of_a_killing() -> None:
    found = "On Monday, the body of a man was found in a field near Eldoret, Kenya. "
    assert extract(found + "Police suspect he was killed elsewhere.") == []
    assert extract(found + "Detectives are trying to find out whether he was murdered.") == []
    assert len(extract(found + "He had been stabbed in the chest.")) == 1
    assert len(extract("On 3 May 2021, a trader was found dead with gunshot wounds in Eldoret, Kenya.")) == 1
