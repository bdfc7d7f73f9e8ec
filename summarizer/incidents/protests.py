"""Protest forms ACLED's codebook counts beyond marches and rallies.

A crowd that blocks a road or a railway, bangs pots and pans, chants slogans, occupies a building to
press a demand, turns a commemoration into a demand, or stands between the police and what they came
for is protesting, whether or not the report uses the word.
``events`` adds ``PROTEST_ACTS`` to its peaceful-protest cues and ``CROWD_ACTS`` to the acts that
make a crowd's gathering an event even where courts, anniversaries or opinion are mentioned.
``PROTEST_CUES`` are the police's interventions (a crowd dispersed, a baton charge) told without the
word protest, and the forms that are a protest only with their setting: placards, black armbands or
full streets with a demand named, a strike where the strikers gather (ACLED counts a strike as a
protest when the strikers demonstrate).
"""

from __future__ import annotations

import re

from summarizer.incidents.strategic import Cue

__all__ = ["CROWD_ACTS", "PROTEST_ACTS", "PROTEST_CUES"]

# What a crowd did that is a protest in itself: a road, railway or bridge blocked (names with an
# apostrophe or hyphen too: "the county's highway"), a commemoration turned into a demand, the police
# kept from acting.
CROWD_ACTS = (
    r"block(?:ed|ing|aded) (?:[\w'’-]+ ){0,3}?(?:roads?|highways?|motorways?|streets?|rails|railways?"
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
    r"|headquarters|square) (?:[\w'’-]+ ){0,4}?to (?:demand|protest|denounce|reject|press)"
    r"|boycotted (?:\w+ )?(?:classes|lectures|work|courts?|exams?|duties)"
    # a human chain, a procession taken out, a shutdown observed
    r"|human chains?|took out (?:an? )?(?:\w+ ){0,2}?(?:procession|rally|march)"
    r"|candle ?light (?:march|procession|vigil)|observed (?:an? |the )?(?:\w+ )?(?:shutdown|bandh|hartal"
    r"|black day)|(?:submitted|handed over|handed in|presented|delivered) (?:an? |their |the )?(?:\w+ )?"
    r"(?:letter|list|charter) of demands"
)

# What makes a crowd's placards, black armbands or full streets a protest rather than a match, a
# premiere, a mourning or a shopping day: a demand or an opposition named.
_AIM = re.compile(
    r"\b(?:protest\w*|demand\w*|against|rall(?:y|ies|ied)|slogans|calling for|called for|denounc\w+"
    r"|condemn\w+|opposing|opposition to|in solidarity|outrage)\b",
    re.IGNORECASE,
)
# Where workers on strike gather (ACLED counts a strike as a protest when the strikers demonstrate).
_GATHERING = re.compile(
    r"\b(?:picket\w*|gathered|assembled|rall(?:y|ies|ied)|marched|demonstrat\w+|protest\w*|sit-in"
    r"|outside|in front of|chant\w*)\b",
    re.IGNORECASE,
)


# Who intervenes in a protest.
_POLICE = re.compile(
    r"\b(?:police\w*|gendarm\w+|security forces|soldiers|troops|authorities|officers)\b", re.IGNORECASE
)

PROTEST_CUES: list[Cue] = [
    # the forms of a protest: placards held, black badges worn, the streets filled, with a demand named
    (
        r"(?:carrying|carried|holding|held|displaying|displayed|waving|waved|brandishing|brandished)"
        r" (?:\w+ ){0,2}?(?:placards|banners|posters)"
        r"|(?:showed|waved|wore|wearing|tied|sporting) (?:\w+ )?black (?:flags|badges|bands|armbands|ribbons"
        r"|clothes|scarves)|(?:hit|poured into|filled|flooded|thronged) the streets",
        "Peaceful protest",
        3,
        None,
        _AIM,
    ),
    # a strike held or work stopped, where the strikers gather (not a military "strike" launched)
    (
        r"(?:staged|held|began|started|observed|continued|joined|declared) (?:an? |the |their )?"
        r"(?:(?!air|drone|missile|military|aerial|pre-?emptive|retaliatory|precision)[\w-]+ ){0,2}?(?:strike"
        r"|walk-?outs?|work stoppages?|stoppages?|boycott)(?! campaign)"
        r"|downed tools|laid down (?:their )?tools|walked off (?:the|their) jobs?|stopped work(?:ing)?"
        r"|(?:struck|abstained from|ceased|suspended) work|(?:general|indefinite|token|sit-down|pen-down"
        r"|tool-down|wildcat) strikes?|work-to-rule",
        "Peaceful protest",
        3,
        None,
        _GATHERING,
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
