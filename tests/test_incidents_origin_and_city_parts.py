"""Where an event happened: not where its attackers came from ("militants from A killed six in B"),
and a part of a city named before its city ("the Green Zone, Baghdad") is in that city."""

from __future__ import annotations

from datetime import datetime

from summarizer.articles import Article
from summarizer.incidents import extract_incidents
from summarizer.incidents.gazetteer import gazetteer
from summarizer.incidents.places import find_places


def incidents(text: str, title: str = "Attack") -> list[tuple[str | None, str | None, str | None]]:
    found = extract_incidents(Article(id="a", title=title, text=text, published=datetime(2021, 3, 10)))
    return [(i.location, i.admin1, i.country) for i in found]


def test_the_place_of_the_act_wins_over_where_the_attackers_came_from() -> None:
    text = "Gunmen from Tetovo, North Macedonia, shot dead six shepherds in Kumanovo on Monday, police said."
    assert incidents(text) == [("Kumanovo", "Kumanovo", "North Macedonia")]


def test_an_origin_after_the_place_of_the_act_loses_too() -> None:
    text = "On Monday, six farmers were killed in Kirkuk by militants who had come from Mosul."
    assert incidents(text)[0][0] == "Kirkuk"


def test_fighters_from_one_province_attacking_a_post_in_another() -> None:
    text = "Fighters from Kandahar stormed an army post in Herat on Monday, killing six soldiers."
    assert incidents(text)[0][:2] == ("Herat", "Herat")


def test_an_origin_alone_still_places_the_event() -> None:
    text = "Gunmen from Tetovo shot dead six shepherds on Monday, police said."
    assert incidents(text) == [("Tetovo", "Tetovo", "North Macedonia")]


def test_a_part_of_a_large_city_named_before_it_is_in_that_city() -> None:
    text = "A rocket struck near an embassy in the Green Zone, Baghdad, on Monday, wounding two guards."
    assert incidents(text) == [("Baghdad-Green Zone", "Baghdad", "Iraq")]


def test_a_foreign_embassy_named_does_not_move_the_city_part_abroad() -> None:
    sentence = "A rocket struck near the US embassy in the Green Zone, Baghdad, on Monday."
    found = find_places(sentence, gazetteer(), "US").places
    assert [(m.place.name, m.place.country_code) for m in found if m.place] == [("Baghdad", "IQ")]


def test_the_old_town_named_before_a_smaller_city_is_that_city() -> None:
    found = find_places("A car bomb went off in the Old Town, Mostar, on Monday.", gazetteer(), None).places
    assert [(m.name, m.place.country_code if m.place else None) for m in found] == [("Mostar", "BA")]


def test_a_town_whose_name_ends_like_a_city_part_keeps_its_own_name() -> None:
    found = find_places("Police shot a man in Old Town, Maine, on Monday.", gazetteer(), None).places
    assert [(m.name, m.place.admin1 if m.place else None) for m in found] == [("Old Town", "Maine")]


def test_tourists_from_a_city_crowding_an_old_town_are_no_incident() -> None:
    text = (
        "Tourists from Lyon crowded the Old Town, Dubrovnik, on Saturday as the summer season opened.\n\n"
        "Cafe owners said the quarter had not been this busy for years.\n"
    )
    assert incidents(text, "Summer season opens in Dubrovnik") == []
