"""Tolls of a full article's main incident: one person's death told by pronoun, later updates,
the attacker shot by police, and superseded figures (invented texts)."""

from __future__ import annotations

from datetime import date

from incident_text import extract

from summarizer.incidents.counts import find_casualties

REFERENCE = date(2022, 4, 13)


def test_one_person_named_by_a_pronoun_counts_one() -> None:
    assert find_casualties("She died two hours later.").fatalities == 1
    assert find_casualties("Medics worked on him, but he was later pronounced dead.").fatalities == 1
    assert find_casualties("Guards ran over and shot him dead.").fatalities == 1
    assert find_casualties("His driver, Omar Vesk, who was also killed, had worked there.").fatalities == 1


def test_one_person_named_counts_one() -> None:
    assert find_casualties("Mira Dolen Vasko, a clerk, died on Monday after being shot.").fatalities == 1
    assert find_casualties("Mira Dolen Vasko, a clerk, died on Monday aged 90.").fatalities is None
    assert find_casualties("A drone killed militia chief Karel Obst near the border.").fatalities == 1
    assert find_casualties("Gunmen killed Tomas Reyna, 52, at his shop.").fatalities == 1


def test_names_that_are_not_the_dead_count_no_one() -> None:
    assert find_casualties("A teenager was killed by the Border Guard.").fatalities == 1
    assert find_casualties("Crowds marched over the killing of Ivo Bansky in May.").fatalities is None
    assert find_casualties("A film about murdered poet Lara Voss, in 2004.").fatalities is None
    assert find_casualties("Troops killed Red Lance fighters in the hills.").fatalities is None
    assert find_casualties("Troops killed 4 Red Lance in the hills.").fatalities == 4


def test_pronouns_of_groups_and_restrictive_clauses_count_no_one() -> None:
    assert find_casualties("Nine miners who died were buried on Sunday.").fatalities is None
    assert find_casualties("The trader who was killed sold rugs.").fatalities is None
    assert find_casualties("Police shot him in the leg.").fatalities is None


def test_a_toll_an_article_says_was_replaced_is_not_counted() -> None:
    assert find_casualties("Officials lowered an earlier toll of 31 dead.").fatalities is None
    assert find_casualties("That corrected the initial death toll of 14 people killed.").fatalities is None
    assert find_casualties("The blast killed 14 people.").fatalities == 14


def test_a_later_death_of_the_victim_updates_the_incident() -> None:
    text = (
        "On Monday, a gunman shot the mayor of Larkvale at a market in Tirana, Albania.\n\n"
        "The mayor was taken to a hospital in the capital.\n\n"
        "Witnesses said the gunman fled on foot.\n\n"
        "He died on Tuesday."
    )
    [incident] = extract(text, REFERENCE)
    assert (incident.event_date, incident.fatalities) == ("2022-04-11", 1)


def test_the_attacker_shot_by_police_counts_beside_the_victims() -> None:
    text = (
        "On Sunday, a man stabbed shoppers at a market in Tirana, Albania, killing two of them.\n\n"
        "Police arrived minutes later and shot him dead."
    )
    [incident] = extract(text, REFERENCE)
    assert incident.fatalities == 3
