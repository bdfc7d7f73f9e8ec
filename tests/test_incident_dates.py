"""Rules for dates: one per rule, on self-written sentences."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.articles import Article
from summarizer.incidents import extract_incidents
from summarizer.incidents.dates import find_dates, latest_full_date

REFERENCE = date(2021, 3, 10)


@pytest.mark.parametrize(
    ("sentence", "iso"),
    [
        ("YESTERDAY gunmen attacked the market.", "2021-03-09"),
        ("Tonight the army shelled the town.", "2021-03-10"),
        ("Three days ago rebels raided the camp.", "2021-03-07"),
        ("On Monday's raid, two men died.", "2021-03-08"),
    ],
)
def test_relative_dates_in_any_case(sentence: str, iso: str) -> None:
    assert [m.value.iso() for m in find_dates(sentence, REFERENCE) if m.value] == [iso]


def test_a_sentence_without_a_date_cue_has_no_dates() -> None:
    assert find_dates("Gunmen attacked the market and fled.", REFERENCE) == []


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed two traders on 2 March 2021, ahead of the 14 March 2021 elections.",
        "Gunmen killed two traders on 2 March 2021, the worst attack since 1 May 2019.",
        "Gunmen killed two traders on 2 March 2021, more than the 5 March 2021 raid killed.",
    ],
)
def test_a_bound_or_comparison_is_not_the_reference_date(text: str) -> None:
    assert latest_full_date([text]) == date(2021, 3, 2)


def test_a_comparison_date_does_not_date_the_event() -> None:
    text = "In Kano, Nigeria, gunmen killed four traders, the deadliest attack since 3 March 2021."
    found = extract_incidents(Article(id="x", title="", text=text, reference_date=REFERENCE))
    assert [i.event_date for i in found] in ([], [None])


@pytest.mark.parametrize(
    ("sentence", "iso"),
    [
        ("On 01/05/2012 militants attacked the base.", "2012-01-05"),
        ("On 13/05/2012 militants attacked the base.", "2012-05-13"),
        ("On 05/13/2012 militants attacked the base.", "2012-05-13"),
    ],
)
def test_numeric_dates_take_the_valid_reading_nearest_before_the_reference(sentence: str, iso: str) -> None:
    assert [m.value.iso() for m in find_dates(sentence, date(2012, 1, 20)) if m.value] == [iso]


@pytest.mark.parametrize(
    ("sentence", "stated"),
    [
        ("On 3 May 2021 rebels raided the camp.", [True]),
        ("On 05/03/2021 rebels raided the camp.", [True]),
        ("On 3 May rebels raided the camp.", [False]),
        ("Yesterday rebels raided the camp.", [False]),
    ],
)
def test_a_date_says_whether_its_year_was_stated(sentence: str, stated: list[bool]) -> None:
    assert [m.year_stated for m in find_dates(sentence, REFERENCE)] == stated


@pytest.mark.parametrize(
    ("reference", "iso"),
    [
        (date(2021, 3, 1), "2021-03"),  # a Monday: the week began that day, not in February
        (date(2021, 9, 1), "2021-08"),  # a Wednesday: Monday and Tuesday were in August
        (date(2021, 9, 15), "2021-09"),  # a Wednesday mid-month
    ],
)
def test_earlier_this_week_stays_in_the_week(reference: date, iso: str) -> None:
    found = find_dates("Earlier this week rebels raided the camp.", reference)
    assert [m.value.iso() for m in found if m.value] == [iso]
