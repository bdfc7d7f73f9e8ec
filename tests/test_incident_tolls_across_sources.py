"""Tolls of one incident told by several sources and updates (invented texts): sources' figures are
alternatives (the lowest kept, as ACLED codes conflicting reports), a risen toll supersedes, the
attackers killed count beside the victims, and figures are never added across sources."""

from __future__ import annotations

from datetime import date

import pytest
from incident_text import extract
from linear_time import LINEAR_GROWTH, growth_ratio, repeated

from summarizer.incidents.counts import find_casualties
from summarizer.incidents.tolls import ALL, ATTACKERS, VICTIMS, Figure, combine, source_of, toll_rose

REFERENCE = date(2023, 9, 14)  # a Thursday


def _figure(text: str) -> Figure:
    casualties = find_casualties(text)
    assert casualties.fatalities is not None, text
    return Figure.of(casualties, text, casualties.fatalities, fatalities=True)


def _total(*sentences: str) -> int | None:
    return combine([_figure(s) for s in sentences])[0]


def test_who_gives_a_figure() -> None:
    assert source_of("At least 30 people died, district officials said.") == "district officials"
    assert source_of("The interior ministry put the toll at 11.") == "interior ministry"
    assert source_of("According to the town's mayor, 14 people were killed.") == "town's mayor"
    assert source_of("Nine people died, said Oren Talik, a hospital director.") == "oren talik"
    assert source_of("Dara Venn, a local councillor, said 20 bodies were found.") == "dara venn"


def test_no_source_is_read_where_nobody_gives_the_figure() -> None:
    assert source_of("Gunmen killed five herders near the river on Monday.") is None
    assert source_of("He said five were dead.") is None
    assert source_of("Rebels shelled a post said to be near the border.") is None


def test_two_sources_for_the_same_dead_keep_the_lowest() -> None:
    assert _total("Police said four people were killed.", "Hospital staff said nine people died.") == 4
    assert _total("At least 30 people died, officials said.", "The health ministry put the toll at 11.") == 11


def test_one_source_telling_more_keeps_the_larger_figure() -> None:
    assert _total("A soldier was killed in the ambush.", "Three soldiers were killed in the ambush.") == 3
    assert _total("Police said one man died.", "Police said three men were killed.") == 3


def test_a_risen_toll_supersedes_the_figures_before() -> None:
    assert toll_rose("The death toll from the blast at the depot rose to 17 on Friday.")
    assert not toll_rose("The death toll stood at 12.")
    assert not toll_rose("The toll stood at 12 as prices rose across the region.")
    first, risen = "Officials said six people were killed.", "The toll rose to 11, the governor said."
    assert _total(first, risen) == 11
    assert _total(risen, "Officials had earlier said six people were killed.") == 11


def test_a_toll_risen_after_a_long_subject_is_read() -> None:
    sentence = "The death toll from a rocket strike on the hospital in the eastern city of Norvel rose to 23."
    assert find_casualties(sentence).fatalities == 23
    assert find_casualties("The toll from a bombing in the port was not known.").fatalities is None


def test_whose_dead_a_sentence_counts() -> None:
    assert _figure("Five attackers were also killed.").side == ATTACKERS
    assert _figure("Six villagers were killed.").side == VICTIMS
    assert _figure("Four police officers and three attackers were killed.").side == ALL


def test_attackers_killed_count_beside_their_victims_but_sources_never_add() -> None:
    assert _total("Gunmen killed four guards, police said.", "Two attackers were killed.") == 6
    mixed = "Police said five civilians and three attackers were killed."
    assert _total(mixed, "The ambulance service said it had collected nine bodies.") == 8


def test_more_of_the_injured_is_not_more_dead() -> None:
    assert not find_casualties("The attack had killed twelve and injured twelve more.").additional
    assert not find_casualties("Seven people were killed and more than a dozen wounded.").additional
    assert find_casualties("Two more soldiers died of their wounds on Friday.").additional


def test_an_article_with_sources_that_differ_codes_the_lowest() -> None:
    text = (
        "A car bomb exploded outside a police station in Marvo, Kenya, on Tuesday.\n\n"
        "Dozens were killed in the blast, witnesses said. Ilan Beko, a county councillor, said he counted "
        "40 bodies at the hospital.\n\n"
        "Zora Kett, a spokeswoman for the county governor, said the attack had killed nine and wounded "
        "nine more."
    )
    [incident] = extract(text, REFERENCE)
    assert (incident.event_date, incident.fatalities) == ("2023-09-12", 9)


def test_a_risen_toll_told_first_dates_the_update_not_the_attack() -> None:
    text = (
        "The death toll from a rocket strike on the town of Kovel, Ukraine, rose to 14 on Thursday, "
        "the regional governor said.\n\n"
        "The strike hit the town on Tuesday. Officials had earlier said five people were killed."
    )
    [incident] = extract(text, REFERENCE)
    assert (incident.event_date, incident.fatalities) == ("2023-09-12", 14)


def test_an_attack_named_by_its_day_is_the_attack_told_before() -> None:
    text = (
        "Gunmen attacked a bus in Lodwar, Kenya, on Sunday, killing six passengers.\n\n"
        "Police said on Wednesday that they had arrested two men over Sunday's attack. The county "
        "commissioner said the bus had been travelling at night."
    )
    incidents = extract(text, REFERENCE)
    assert incidents[0].event_date == "2023-09-10"
    assert incidents[0].fatalities == 6


def test_enemies_neutralised_in_a_military_statement_are_dead() -> None:
    assert find_casualties('Nine insurgents were "neutralised" near the ford, the army said.').fatalities == 9
    assert find_casualties("Two explosive devices were neutralised.").fatalities is None
    assert find_casualties("The bomb squad neutralised two explosive devices.").fatalities is None


def test_a_clause_word_ends_the_words_before_the_victims_noun() -> None:
    sentence = "The army said in a statement that six soldiers died and that 11 attackers were killed."
    assert find_casualties(sentence).fatalities == 17


def test_the_speaker_of_a_figure_past_an_aside_or_after_the_verb() -> None:
    assert (
        source_of("Ilse Marr, spokeswoman for the regional governor, said the raid killed ten.")
        == "ilse marr"
    )
    assert source_of("Four died, said the district police chief.") == "district police chief"
    assert source_of("Four died, said the hospital director.") == "hospital director"
    assert source_of("Rebels attacked a post, killing five, the army said.") == "army"


def test_sources_counting_other_dead_are_not_alternatives() -> None:
    one, more = "A guard was killed, police said.", "Hospital staff said three guards and two drivers died."
    assert _total(one, more) == 5
    assert _total("Police said four guards were killed.", "Medics said six guards died.") == 4


def test_the_wounded_taken_to_hospital_are_no_added_dead() -> None:
    assert not find_casualties(
        "He said 30 had been killed and many of the wounded were flown out."
    ).additional
    assert find_casualties("One of the wounded died in hospital on Friday.").additional


def test_where_the_speaker_of_a_quotation_went_is_not_the_incidents_place() -> None:
    text = (
        "Gunmen killed 14 villagers in an attack on Dori, Burkina Faso, on Tuesday, the governor said.\n\n"
        '"They shot at everyone," said a farmer who fled to the capital Ouagadougou.\n\n'
        "No group claimed responsibility for Tuesday's attack."
    )
    incidents = extract(text, REFERENCE)
    assert [(i.location, i.fatalities) for i in incidents] == [("Dori", 14)]


def test_finding_the_speaker_stays_linear_in_a_long_sentence() -> None:
    """Each reporting verb looks back a bounded stretch: many verbs in one sentence cost linear time."""
    unit = " x said"
    ratio = growth_ratio(source_of, lambda n: repeated(unit, n, prefix="Gunmen killed 3 people in Orvaza"))
    assert ratio < LINEAR_GROWTH


def test_a_later_update_supersedes_whatever_its_source() -> None:
    first = "Raiders killed 20 people at a depot in Ostrava, police said."
    assert _total(first, "The death toll now stands at 31, a hospital spokesman said on Saturday.") == 31
    assert _total(first, "The number of dead has since reached 26, a state official said.") == 26
    assert _total(first, "Clinic officials said on Monday that the number of dead had reached 24.") == 24
    assert _total(first, "The death toll was revised to 23 on Tuesday, a local official said.") == 23
    assert _total(first, "Local officials said on Wednesday that 27 bodies had since been recovered.") == 27
    assert _total(first, "The regional minister later said the toll was now 29.") == 29


def test_an_update_word_must_tell_of_the_toll() -> None:
    assert not toll_rose("The toll stood at 12 as prices rose across the region.")
    assert not toll_rose("Nine people died, officials said, and the river was revised upward on maps.")
    # more dead told since are added, not an update that replaces the toll
    assert (
        _total(
            "Rebels killed 5 farmers, officials said.", "Two more bodies have since been found, medics said."
        )
        == 7
    )


def test_one_institution_in_two_forms_is_one_source() -> None:
    assert (
        _total(
            "A mine killed four soldiers, the army said.",
            "Army spokesman Tal Oberin said nine soldiers died.",
        )
        == 9
    )
    assert (
        _total(
            "Police said 4 protesters were shot dead.", "A police spokeswoman said 7 protesters were killed."
        )
        == 7
    )
    # two institutions still give alternatives: the lowest is kept
    assert (
        _total("Police said 4 protesters were shot dead.", "Hospital staff said 7 protesters were killed.")
        == 4
    )


def test_two_attacks_told_in_one_article_are_not_alternatives() -> None:
    school = "A bomb at a school in Veldar killed 6 children on Tuesday, police said."
    later = "Hours later, gunmen attacked a clinic in the town, killing 15 people, the health ministry said."
    assert _total(school, later) == 15
    first = "The first, at a bus depot, killed 7 people, police said."
    assert _total(first, "The second, near a shrine, killed 19 people, according to medics.") == 19
    # a second source telling the same toll is still an alternative
    assert _total("A bomb at a depot killed 19 people, police said.", "Medics said 7 people died.") == 7


def test_the_noun_massacre_with_years_is_no_kill_count() -> None:
    assert (
        find_casualties("Mourners gathered in Tarvel to mark the massacre 25 years ago.").fatalities is None
    )
    assert find_casualties("The massacre two decades ago left deep scars.").fatalities is None
    assert find_casualties("Survivors of a massacre 12 years ago marched on Monday.").fatalities is None
    # the present-tense verb of a headline still counts its dead
    assert find_casualties("Gunmen Massacre 14 Villagers In Dorvan").fatalities == 14


def test_a_part_of_the_dead_is_no_competing_figure() -> None:
    strike = "A drone strike killed 2 commanders near Olvet, a monitor said."
    assert _total(strike, "The group said one of its leaders died.") == 2
    assert _total(strike, "The group said two of the commanders were killed.") == 2
    # one of the wounded who died later adds to the toll
    assert _total(strike, "One of the wounded died later, medics said.") == 3


def test_a_speakers_own_statement_is_not_the_source_of_a_figure() -> None:
    assert (
        source_of("Raiders killed 12 herders near Olvet, and the governor said he would send troops.") is None
    )
    assert source_of("Nine died in the raid, and the governor said they had found nine bodies.") == "governor"
    raid = "Raiders killed 12 herders near Olvet, and the governor said he would send troops."
    assert _total(raid, "Hospital staff said 15 bodies had been brought in.") == 15


@pytest.mark.parametrize(
    ("update", "fatalities"),
    [
        ("The death toll from the eight-year war now stands at 150,000.", 9),
        ("The toll of the insurgency has since reached 40,000, rights groups said.", 9),
        ("The toll now stands at 14, a hospital official said.", 14),
    ],
)
def test_a_wars_toll_is_no_update_of_the_strikes(update: str, fatalities: int) -> None:
    text = f"On 3 May 2021, an air strike hit a market in Saada, Yemen, killing 9 people. {update}"
    assert [incident.fatalities for incident in extract(text, None)] == [fatalities]
