"""Long articles: a sentence that names the incident again ("the airstrike") joins it, even past
another event told in between as background."""

from __future__ import annotations

from incident_text import extract


def test_the_same_kind_named_again_joins_the_first_incident_past_a_background_one() -> None:
    text = (
        "Government troops killed a rebel commander in an airstrike on Tuesday.\n\n"
        "Officials cited the October 3 attack on a police station in Gao, Mali, as the reason.\n\n"
        "The airstrike hit his car near Kidal.\n\n"
        "A bodyguard was also killed in the airstrike."
    )
    first, background = extract(text)
    assert (first.event_date, first.sub_event_type) == ("2021-10-19", "Air/drone strike")
    assert (first.location, first.fatalities) == ("Kidal", 2)
    assert (background.event_date, background.sub_event_type, background.fatalities) == (
        "2021-10-03",
        "Attack",
        0,
    )


def test_another_kind_named_after_an_incident_is_not_drawn_back_to_it() -> None:
    text = (
        "Rebels ambushed an army convoy near Tessit, Mali, on Tuesday, killing three soldiers.\n\n"
        "The convoy was carrying fuel.\n\n"
        "In a separate incident, the airstrike on a market in Menaka killed four traders."
    )
    incidents = extract(text)
    assert [i.fatalities for i in incidents] == [3, 4]


def test_a_sentence_naming_the_county_of_the_incident_town_joins_it() -> None:
    text = (
        "Early on Saturday, a gunman opened fire at a birthday party in Hammond, Indiana, police said.\n\n"
        "Officers said the party, held in Lake County, drew fifty guests, three of whom were wounded"
        " by gunfire."
    )
    [incident] = extract(text)
    assert (incident.location, incident.injuries) == ("Hammond", 3)
