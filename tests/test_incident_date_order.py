"""The order of a document's numeric dates (day or month first), decided from the document's evidence."""

from __future__ import annotations

from datetime import date

import pytest
from incident_text import extract

from summarizer.incidents.dates import find_dates, latest_full_date, numeric_order


def test_an_unambiguous_date_fixes_the_order_of_the_others() -> None:
    texts = ["On 04/07/2019 rebels burned the depot at Kilo.", "The raid of 04/23/2019 was repelled."]
    assert numeric_order(texts, None) is True
    assert numeric_order(["Rebels struck on 04/07/2019 and again on 23/04/2019."], None) is False


def test_conflicting_evidence_leaves_each_date_to_itself() -> None:
    assert numeric_order(["Seen on 04/23/2019 and on 23/04/2019, then on 04/07/2019."], None) is None


def test_the_unambiguous_date_beats_the_summary_form() -> None:
    assert numeric_order(["03/04/2018: Bandits raided Tepa. Police came on 14/04/2018."], None) is False


@pytest.mark.parametrize(
    ("reference", "month_first"),
    [(date(2019, 4, 9), True), (date(2019, 7, 5), False), (date(2019, 12, 30), None)],
)
def test_a_reference_date_picks_the_reading_shortly_before_it(
    reference: date, month_first: bool | None
) -> None:
    # 04/07/2019 is 7 April or 4 July; on 30 December both are months old and decide nothing.
    assert numeric_order(["Militia fighters looted Bora on 04/07/2019."], reference) is month_first


def test_a_database_summary_opening_reads_month_first() -> None:
    summary = "06/09/2011: Assailants fired on a patrol in Zawra town, Nahr province, Ostria."
    assert numeric_order([summary], None) is True
    assert numeric_order(["Gunmen fired on a patrol on 06/09/2011."], None) is None
    assert numeric_order(["", summary], None) is True


def test_a_summary_form_later_in_the_document_is_not_its_opening() -> None:
    assert numeric_order(["Bomb at Kerev.", "06/09/2011: Assailants fired on a patrol."], None) is None


def test_find_dates_reads_in_the_given_order_when_that_reading_is_valid() -> None:
    def read(sentence: str, month_first: bool | None) -> list[str]:
        return [m.value.iso() for m in find_dates(sentence, None, month_first=month_first) if m.value]

    assert read("Clashes on 02/11/2016 in Mavo.", True) == ["2016-02-11"]
    assert read("Clashes on 02/11/2016 in Mavo.", False) == ["2016-11-02"]
    assert read("Clashes on 02/11/2016 in Mavo.", None) == ["2016-11-02"]
    assert read("Clashes on 02/21/2016 in Mavo.", False) == ["2016-02-21"]


def test_the_inferred_reference_date_follows_the_summary_form() -> None:
    assert latest_full_date(["09/02/2014: Assailants shot a guard in Telma village."]) == date(2014, 9, 2)


def test_a_database_summary_is_dated_month_first_end_to_end() -> None:
    text = (
        "11/04/2013: Assailants detonated an explosive device near a market in Kadra city, Diyala "
        "governorate, Iraq. Two people were killed."
    )
    assert [i.event_date for i in extract(text, None)] == ["2013-11-04"]


def test_a_publication_date_decides_before_the_summary_form() -> None:
    text = "05/03/2013: Gunmen shot dead two farmers in Bakuba, Diyala governorate, Iraq."
    assert [i.event_date for i in extract(text, date(2013, 3, 6))] == ["2013-03-05"]


@pytest.mark.parametrize(
    ("days", "month_first"),
    [
        ("03/08/2012 and 03/10/2012", True),  # 2 days month first, 61 day first
        ("06/10/2014 and 08/10/2014", False),  # 61 days month first, 2 day first
        ("02/03/2019 and 04/03/2019", False),
        ("05/05/2019 and 05/05/2019", True),  # a tie: the databases' month first
        ("05/09/2019 and 07/02/2019", True),  # day first runs backwards
    ],
)
def test_a_database_summary_opening_with_the_days_it_spans_reads_the_shorter_span(
    days: str, month_first: bool
) -> None:
    summary = f"Between {days}: Assailants held two engineers in Suran town, Ostria."
    assert numeric_order([summary], None) is month_first


def test_a_database_summary_opening_with_the_days_it_spans_needs_its_colon() -> None:
    assert numeric_order(["Between 03/08/2012 and 03/10/2012 gunmen held two engineers."], None) is None
