"""Protest forms ACLED's codebook counts beyond marches and rallies.

A crowd that blocks a road or a railway, bangs pots and pans, chants slogans, occupies a building
to press a demand, turns a commemoration into a demand, or stands between the police and what
they came for is protesting, whether or not the report uses the word. ``events`` adds
``PROTEST_ACTS`` to its peaceful-protest cues and ``CROWD_ACTS`` to the acts that make a crowd's
gathering an event even where courts, anniversaries or opinion are mentioned.
"""

from __future__ import annotations

__all__ = ["CROWD_ACTS", "PROTEST_ACTS"]

# What a crowd did that is a protest in itself: a road, railway or bridge blocked (names with an
# apostrophe or hyphen too: "the train's rails"), a commemoration turned into a demand, the police
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
    r"|(?:gathered|assembled|congregated|converged)\b[^.;]{0,160}\b(?:demands?|complain\w*"
    r"|to draw attention)"
    r"|(?-i:march)(?:ed|es)? towards? (?:the )?(?:[\w'’-]+ ){0,3}?(?:ministry|parliament|palace|offices?"
    r"|headquarters|embassy|consulate|square|city hall|town hall|presidency|residence|court|police station"
    r"|governorate|legislature|assembly|congress|senate)"
    r"|(?:occupied|entered|took over) (?:the )?(?:\w+ ){0,3}?(?:premises|buildings?|offices?|campus"
    r"|headquarters|square) to (?:demand|protest|denounce|reject|press)"
)
