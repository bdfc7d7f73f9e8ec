"""Fast paths of place resolution give what the plain computation gives, on invented inputs."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from summarizer.incidents.gazetteer import Context
from summarizer.incidents.names import alike, fold, short_unit_name, similarity, skeleton
from summarizer.incidents.places import _ROAD, _roads

_LETTERS = st.text(alphabet="abdehiklmnorstuz ", max_size=14)
_NAMES = st.lists(
    st.sampled_from(["Vellora", "Tarsin Kunel", "Obrada", "Kunel District", "Sar Vell"]), max_size=4
)


@settings(max_examples=300, deadline=None)
@given(_LETTERS, _LETTERS, st.sampled_from([0.0, 0.5, 0.7, 0.8, 0.85, 1.0]))
@example("kunel", "kunel", 1.0)
@example("", "", 0.7)
def test_alike_is_similarity_at_least(first: str, second: str, least: float) -> None:
    assert alike(first, second, least) == (similarity(first, second) >= least)


@settings(max_examples=100, deadline=None)
@given(
    _NAMES,
    st.lists(st.sampled_from(["Kunel", "Tarsin", "Vellora Province", "Obrada", "", "Sar"]), max_size=6),
)
def test_a_context_answers_each_unit_as_a_fresh_one_does(names: list[str], units: list[str]) -> None:
    kept = Context.of(names)
    for unit in units + units:  # each asked twice: the second answer comes from what was found
        for besides in ("", "kunel"):
            assert kept.spelling(unit, besides) == Context.of(names).spelling(unit, besides)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Kelvar",
                "Tosh-Marin",
                "B-7",
                "ROAD",
                "Road",
                "road",
                "Highway",
                "freeway",
                "on",
                "the",
                ",",
                "Ring",
            ]
        ),
        max_size=9,
    )
)
@example(["the", "Tosh-Marin", "Highway"])
@example(["Kelvar", "ROAD"])
def test_roads_found_without_the_full_read_as_with_it(words: list[str]) -> None:
    sentence = " ".join(words)
    read = [" ".join(m.group("road").split()) for m in _ROAD.finditer(sentence) if m.group("road")]
    assert _roads(sentence) == read


def _plain_spelling(context: Context, unit: str, besides: str) -> str | None:
    """The spelling rule without the early answer for units the article names in no spelling."""
    for key in (fold(unit), fold(short_unit_name(unit))):
        if f" {key} " in f" {besides} ":
            return None
        if key in context.keys:
            return context.keys[key]
        sound = context.sounds.get(skeleton(key))
        if sound is not None and fold(sound) != besides and fold(sound)[:1] == key[:1]:
            return sound
    return None


@settings(max_examples=150, deadline=None)
@given(
    _NAMES,
    st.sampled_from(["Kunel", "Kunnel Oblast", "Tarsin", "Vellora Province", "Obrada", "Sar", "Wbrd", ""]),
    st.sampled_from(["", "kunel", "tarsin kunel", "sar"]),
)
def test_a_unit_named_in_no_spelling_is_answered_early_as_the_plain_rule_answers(
    names: list[str], unit: str, besides: str
) -> None:
    context = Context.of(names)
    assert context.spelling(unit, besides) == (_plain_spelling(context, unit, besides) if unit else None)
