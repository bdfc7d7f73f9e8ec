"""Protest forms ACLED's codebook counts beyond marches and rallies.

A crowd whose size a coder noted, or that blocks a road or a railway, bangs pots and pans, chants
slogans, occupies a building to press a demand, turns a commemoration into a demand, or stands
between the police and what they came for is protesting, whether or not the report uses the word.
``events`` adds ``PROTEST_ACTS`` to its peaceful-protest cues and ``CROWD_ACTS`` to the acts that
make a crowd's gathering an event even where courts, anniversaries or opinion are mentioned.
``PROTEST_CUES`` are a group's demand made on a day, and the police's interventions (a crowd
dispersed, a baton charge) told without the word protest, in the sentence after the protest.
"""

from __future__ import annotations

import re

from summarizer.incidents.strategic import Cue

__all__ = ["CROWD_ACTS", "PROTEST_ACTS", "PROTEST_CUES", "crowd_size_noted"]

# What a crowd did that is a protest in itself: a road, railway or bridge blocked (names with an
# apostrophe or hyphen too: "the county's highway"), a commemoration turned into a demand, the police
# kept from acting.
# The size of a crowd noted by a coder ("[size=a few dozen]", "[size=no report]"): ACLED's codebook
# notes it for demonstrations only, whatever words the note uses for the gathering.
_CROWD_SIZE = r"(?<=\[)size=[^\]\n]{0,60}"

CROWD_ACTS = (
    _CROWD_SIZE
    + r"|block(?:ed|ing|aded) (?:[\w'’-]+ ){0,3}?(?:roads?|highways?|motorways?|streets?|rails|railways?"
    r"|railroad|tracks|bridges?|junctions?|intersections?|avenues?|traffic)"
    r"|commemorated (?:[\w'’-]+ ){1,4}?and (?:demanded|called for|protested|denounced)"
    r"|(?:blocked|prevented|stopped|obstructed) (?:the )?police (?:\w+ )?from"
)

PROTEST_ACTS = (
    CROWD_ACTS
    + r"|(?:bang|beat|clang|clatter)(?:ed|ing)? (?:\w+ ){0,2}?(?:pots|pans|utensils|plates)|cacerolazos?"
    r"|(?:chant|shout|rais)(?:ed|ing) (?:[\w'’-]+ ){0,2}?slogans"
    r"|(?:gathered|assembled) and (?:chanted|shouted)"
    r"|(?-i:march)(?:ed|es)? towards? (?:the )?(?:[\w'’-]+ ){0,3}?(?:ministry|parliament|palace|offices?"
    r"|headquarters|embassy|consulate|square|city hall|town hall|presidency|residence|court|police station"
    r"|governorate|legislature|assembly|congress|senate)"
    r"|(?:occupied|entered|took over) (?:the )?(?:\w+ ){0,3}?(?:premises|buildings?|offices?|campus"
    r"|headquarters|square) to (?:demand|protest|denounce|reject|press)"
)

_CROWD_SIZE_NOTED = re.compile(rf"\[{_CROWD_SIZE}\]")


def crowd_size_noted(sentence: str) -> bool:
    """Whether a coder noted the size of a crowd in the sentence: a demonstration took place."""
    return "[size=" in sentence and _CROWD_SIZE_NOTED.search(sentence) is not None


# Who intervenes in a protest.
_POLICE = re.compile(
    r"\b(?:police\w*|gendarm\w+|security forces|soldiers|troops|authorities|officers)\b", re.IGNORECASE
)

# People who make a demand together: workers, residents, relatives, a union's members, a group.
_CROWD = re.compile(
    r"\b(?:workers|employees|staff|labou?rers|miners|drivers|farmers|peasants|teachers|students|nurses"
    r"|doctors|traders|vendors|merchants|residents|villagers|inhabitants|locals|neighbou?rs|relatives"
    r"|families|parents|mothers|women|youths|people|citizens|pensioners|retirees|unions?|unionists"
    r"|members|supporters|activists|protesters|protestors|demonstrators|participants|victims|survivors"
    r"|inmates|prisoners|groups? of|crowds?|communit(?:y|ies)|associations?|collectives?)\b",
    re.IGNORECASE,
)

PROTEST_CUES: list[Cue] = [
    # A group that voiced a demand in public on a day ("farm workers demanded their unpaid wages"), not
    # a standing demand ("have demanded", "are now demanding") nor one made in writing ("a letter
    # demanding").
    (
        r"(?<!have )(?<!has )(?<!had )(?<!are )(?<!is )(?<!now )(?<!letter )(?<!letters )(?<!statement )"
        r"(?<!petition )(?<!email )(?<!message )demand(?:ed|ing)",
        "Peaceful protest",
        2,
        None,
        _CROWD,
    ),
    (
        r"(?:disperse|dispel|break up|scatter)d? (?:the |a )?(?:\w+ )?(?:protesters|protestors|demonstrators"
        r"|crowds?|protests?|demonstrations?|gatherings?|rall(?:y|ies)|sit-ins?|marchers)"
        r"|intervened|interfered|(?:lathi|baton|cane)[- ]charge\w*|(?:used|resorted to|using) (?:\w+ )?force"
        r"|(?:controlled|brought) the situation(?: under control)?|blocked the (?:path|way|route)",
        "Protest with intervention",
        4,
        "protest dispersed",
        _POLICE,
    ),
]
