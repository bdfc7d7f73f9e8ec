"""Ordinary news told with the words of the newer detection rules yields no incident: invented sentences."""

from __future__ import annotations

from datetime import date

import pytest
from incident_text import extract, kind

from summarizer.incidents.strategic import political_arrest

MONDAY = date(2024, 5, 10)


@pytest.mark.parametrize(
    "sentence",
    [
        # troops sent to a disaster, an exercise, an event; a boxer moved up a class
        "The army deployed soldiers to help with snow clearance in Aberdeen on Monday.",
        "Troops were sent to the flooded town of Tewkesbury on Monday.",
        "The president sent troops to help fight the wildfires in Sacramento, California, on Monday.",
        "NATO deployed troops to Tallinn, Estonia, on Monday for a routine exercise.",
        "Troops in Berlin were deployed on Monday to help with the marathon.",
        "Soldiers were stationed at airports in London on Monday to cover for striking border staff.",
        "The coach in Las Vegas moved two fighters up a weight class on Monday.",
        # headquarters and camps opened by the police or an army at peace
        "On Monday the police in Oslo opened a new headquarters.",
        "The military in Lima opened a new training camp on Monday for recruits.",
        # ransomware, archaeology, a hostage release with no armed group named
        "The hospital in Dublin paid the ransom to the ransomware gang on Monday.",
        "The ransom was paid in Bitcoin by a firm in Berlin on Monday.",
        "Archaeologists found a mass grave of Roman soldiers in York on Monday.",
        "Rescuers in Antakya buried earthquake victims in a mass grave on Monday.",
        "The hostages were released unharmed in Lagos on Monday after negotiations.",
        # arrests by gendarmes or guardsmen for ordinary offences
        "Gendarmes arrested three men for drink-driving near Lyon on Monday.",
        "The national guard in Ohio arrested a man for speeding on Monday.",
        # crowds, banners and armbands with no demand; a petition; a military strike campaign
        "Shoppers filled the streets of Oxford on Boxing Day, Monday.",
        "Supporters in Liverpool waved banners and placards as the team bus arrived on Monday.",
        "Fans at Anfield in Liverpool wore black armbands on Saturday in memory of the former manager.",
        "Actors in Cannes waved banners on the red carpet on Monday.",
        "Campaigners in Bristol handed in a petition with 10,000 signatures to the council on Monday.",
        "Ukraine started a new strike campaign against Crimea on Monday.",
        "Junior doctors in Manchester began a five-day strike on Monday.",
        # ribbons and sensors tied to trees, a footballer set upon by defenders, a shop threat
        "Volunteers in Bristol tied ribbons to a tree on Monday.",
        "On Monday researchers tied the sensor to a tree in Kielder, Northumberland.",
        "The striker in Madrid was set upon by defenders all afternoon on Sunday but still scored twice.",
        "A man threatened staff with a knife at a shop in Leeds on Monday.",
        # justice programmes and a householder's confrontation
        "Community justice programmes in Glasgow help offenders repay victims, the council said on Monday.",
        "The judge in Cardiff said on Monday the man took the law into his own hands when he confronted"
        " a burglar.",
        "The council in Leeds launched a summary justice scheme for parking fines on Monday.",
        "A festival of street justice and popular justice opened in Dublin on Monday.",
    ],
)
def test_ordinary_news_yields_no_incident(sentence: str) -> None:
    assert extract(sentence, MONDAY) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "City won the title without a fight.",
        "The bill passed parliament without resistance.",
        "Investors abandoned their positions in tech stocks.",
        "Manchester United abandoned their training base.",
        "The two rappers agreed to end the feud.",
        "Apple and Samsung agreed to end the feud over patents.",
        "The senator reconciled with his party.",
        "The parties signed a power-sharing agreement in parliament.",
        "The teacher was accused of molesting pupils, the court heard.",
    ],
)
def test_sports_business_and_courts_are_no_conflict_event(sentence: str) -> None:
    assert kind(sentence) is None


def test_the_captor_alone_makes_no_conflict_arrest() -> None:
    assert not political_arrest("Gendarmes arrested three men for drink-driving near Lyon.")
    assert not political_arrest("The national guard arrested a man for speeding.")
    assert political_arrest("Gendarmes arrested two suspected separatists near Bastelica.")
