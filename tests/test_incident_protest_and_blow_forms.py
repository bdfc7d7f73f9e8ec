"""Protests told by their forms, blows and looting told in other words: invented sentences."""

from __future__ import annotations

import pytest
from incident_text import kind

from summarizer.incidents.events import not_an_event
from summarizer.incidents.strategic import political_arrest

PEACEFUL = ("Protests", "Peaceful protest")
ATTACK = ("Violence against civilians", "Attack")
LOOTING = ("Strategic developments", "Looting/property destruction")


@pytest.mark.parametrize(
    "sentence",
    [
        "On 3 March, bus drivers staged a two-day strike and picketed the depot of Marelli.",
        "Dock workers held a work stoppage and gathered outside the port office of Ostrava Nova.",
        "Teachers downed tools and marched in Kelburn on Tuesday over unpaid allowances.",
        "Law students boycotted classes at the university of Tarnow.",
        "Residents of Hollin handed over a charter of demands to the mayor.",
        "Hundreds of villagers formed a human chain along the canal near Dessa.",
        "Nurses in Pelva held placards against the new shift rota at the clinic gate.",
        "Party workers took out a procession in Karimgaon against the fuel price rise.",
        "Youths held a candlelight march in Sorbel for the missing girl.",
        "Lawyers wore black badges at the court complex of Umaria to protest the new fees.",
        "Traders observed a complete shutdown in Bandipur market.",
        "Thousands poured into the streets of Velmora on Sunday to demand new elections.",
    ],
)
def test_protests_told_by_their_forms(sentence: str) -> None:
    assert kind(sentence) == PEACEFUL


@pytest.mark.parametrize(
    "sentence",
    [
        "The air force launched a strike on a depot near Harrow Flats.",
        "The government began a planned two-day shutdown of its offices.",
        "Fans camped outside the arena in Lomsk for tickets.",
        "The rebels held a precision strike drill near Tavo.",
    ],
)
def test_strikes_and_crowds_that_are_no_protest(sentence: str) -> None:
    assert kind(sentence) != PEACEFUL


@pytest.mark.parametrize(
    "sentence",
    [
        "Militiamen whipped two traders in the market of Baro.",
        "Guards thrashed a youth outside the camp of Nyeri West.",
        "Soldiers manhandled three journalists in Koral.",
        "The foreman was roughed up by unknown men near Gatso.",
        "A cyclist was set upon by a group of men in Pradel.",
        "The suspected thief was tied to a tree and beaten in Mavuno.",
        "A woman accused of witchcraft was stoned to death in Kiboko.",
        "Bandits threatened the shop owner with machetes in Tuvo.",
    ],
)
def test_blows_in_other_words(sentence: str) -> None:
    assert kind(sentence) == ATTACK


@pytest.mark.parametrize(
    "sentence",
    [
        "Hartwell thrashed Dunmore 5-1 in the cup final.",
        "The regulator slapped a fine on the bank.",
        "The striker punched the air after scoring.",
        "The minister lashed out at the opposition.",
        "The council was threatened with legal action over the plan.",
    ],
)
def test_figures_of_speech_are_no_blows(sentence: str) -> None:
    assert kind(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Armed men ransacked the health centre of Mbelo.",
        "Raiders pillaged three villages near Kasongo Ndi.",
    ],
)
def test_looting_in_other_words(sentence: str) -> None:
    assert kind(sentence) == LOOTING


SEXUAL = ("Violence against civilians", "Sexual violence")
MOB = ("Riots", "Mob violence")
TRANSFER = ("Strategic developments", "Non-violent transfer of territory")
AGREEMENT = ("Strategic developments", "Agreement")
ACTIVITY = ("Strategic developments", "Change to group/activity")
BASE = ("Strategic developments", "Headquarters or base established")
OTHER = ("Strategic developments", "Other")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Two militiamen molested a girl at a checkpoint near Rubavo.", SEXUAL),
        ("A suspected cattle thief fell victim to jungle justice in Oturkpo West.", MOB),
        ("Raiders macheted a herder near Tsafe.", ATTACK),
        ("Unknown men struck the teacher with iron bars in Lokoja.", ATTACK),
        ("The rebels abandoned their positions on the ridge above Kalehe.", TRANSFER),
        ("Government troops entered Bir Salem without resistance.", TRANSFER),
        ("The two clans signed a reconciliation agreement in Beledweyne.", AGREEMENT),
        ("The factions announced a cessation of hostilities around Tawila.", AGREEMENT),
        ("The militia pledged allegiance to the Islamic State in a video.", ACTIVITY),
        ("Insurgents imposed taxes on traders in the market of Dangi.", ACTIVITY),
        ("The army deployed reinforcements to Kasindi to counter the insurgents.", ACTIVITY),
        ("Soldiers set up a new military camp near the front line outside Djibo.", BASE),
        ("Relatives paid a ransom of two million naira to the gunmen near Gusau.", OTHER),
        ("Investigators found a mass grave in an area held by militants near Kamako.", OTHER),
    ],
)
def test_strategic_developments_and_violence_in_further_words(
    sentence: str, expected: tuple[str, str]
) -> None:
    assert kind(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The chain signed a supply deal with a dairy.",
        "The company opened a new headquarters in Lyon.",
        "The club is recruiting volunteers for the festival.",
        "The council deployed gritters to the main roads.",
    ],
)
def test_business_and_civic_news_is_no_strategic_development(sentence: str) -> None:
    assert kind(sentence) is None


def test_arrests_of_armed_suspects_are_conflict_events() -> None:
    assert not political_arrest("Gendarmes arrested two men in the market.")
    assert political_arrest("Police detained three suspected separatists.")
    assert political_arrest("Intelligence agents picked up a blogger's brother.")
    assert not political_arrest("Police arrested two shoplifters.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Militants attacked three police posts in Dir in the past 24 hours.",
        "A shopkeeper was stabbed repeatedly by two robbers in Kano on Monday.",
    ],
)
def test_a_recent_period_or_repeated_blows_are_no_habit(sentence: str) -> None:
    assert not_an_event(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Police have repeatedly raided the camp near Ifo.",
        "In the past, bandits attacked travellers on this road.",
    ],
)
def test_habits_stay_habits(sentence: str) -> None:
    assert not_an_event(sentence) == "habitual"


@pytest.mark.parametrize(
    "sentence",
    [
        "Port workers struck work and rallied in Haldia on Monday over the new shift rules.",
        "A general strike shut the shops of Cotonou Nord as strikers gathered at the labour exchange.",
    ],
)
def test_work_stopped_in_other_words(sentence: str) -> None:
    assert kind(sentence) == PEACEFUL


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A man rammed his van into a crowd of shoppers in Lindau.", ATTACK),
        ("The fighters cut off the hands of two suspected thieves in Gao Sud.", ATTACK),
        ("The courier drove his van at high speed through Lindau.", None),
    ],
)
def test_vehicles_driven_into_people_and_limbs_cut_off(
    sentence: str, expected: tuple[str, str] | None
) -> None:
    assert kind(sentence) == expected
