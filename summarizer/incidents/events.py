"""What happened: ACLED event types and sub-event types, and the sentences that are not events.

``classify`` maps the words of one sentence to ACLED's fixed lists (Battles, Explosions/Remote
violence, Violence against civilians, Protests, Riots, Strategic developments) with a rank: the
more specific the weapon or act, the higher. ``not_an_event`` recognises habitual statements
("regularly confront"), legal proceedings (court-martial, trials), opinion and hypotheticals,
which are reported without being incidents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.incidents.cues import may_match

__all__ = [
    "EVENT_TYPES",
    "Classification",
    "classify",
    "is_reference",
    "mentions_arrest",
    "mentions_protest",
    "not_an_event",
]

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

# ACLED's event types and their sub-event types (plus "Non-violent activity", used in our gold data).
EVENT_TYPES: dict[str, tuple[str, ...]] = {
    BATTLES: ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    EXPLOSIONS: (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    VIOLENCE: ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    PROTESTS: ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    RIOTS: ("Violent demonstration", "Mob violence"),
    STRATEGIC: (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Non-violent activity",
        "Other",
    ),
}


@dataclass(frozen=True, slots=True)
class Classification:
    """The event a sentence reports: type, sub-type, how specific the cue is, and the cue itself."""

    event_type: str
    sub_event_type: str
    rank: int
    cue: str
    start: int
    outcome: str | None = None


# (pattern, event type, sub-event type, rank, outcome or None to use the cue)
_RULES: list[tuple[str, str, str, int, str | None]] = [
    (
        r"chemical (?:weapons?|attack|agents?)|chlorine (?:gas|attack)|sarin|nerve agent",
        EXPLOSIONS,
        "Chemical weapon",
        9,
        None,
    ),
    (
        r"suicide (?:bomb(?:er|ing)?s?|attack(?:er)?s?|car bomb|vest|blast)|blew (?:himself|herself"
        r"|themselves) up|self-detonat\w*",
        EXPLOSIONS,
        "Suicide bomb",
        9,
        None,
    ),
    (
        r"air ?strikes?|air raids?|airstrike|drone (?:strikes?|attacks?)|bombed by (?:jets|warplanes"
        r"|aircraft)|warplanes? (?:struck|bombed|hit|targeted)|aerial (?:bombardment|attack)|(?:jets"
        r"|warplanes|drones?|helicopters?|aircraft) (?:struck|bombed|hit|targeted|fired|attacked|killed"
        r"|killing|destroyed|wounded|crashed|exploded|exploding)|(?:Israeli|Russian|Turkish|Saudi-led"
        r"|coalition|US|American) strikes? (?:on|in|hit|killed)|barrel bombs?|kamikaze drones?|Shahed"
        r"|with (?:\w+ )?drones|launched (?:\w+ ){0,4}drones|(?:hit|struck|targeted"
        r"|destroyed) by (?:an? )?(?:\w+ )?drones?|(?:glide|guided|aerial|cluster) bombs?",
        EXPLOSIONS,
        "Air/drone strike",
        8,
        None,
    ),
    (
        r"(?<!water )(?<!water-)bombings?|packed with explosives|(?:explosives|bomb)-laden"
        r"|laden with explosives|blew up"
        r"|(?:roadside|car|truck|motorcycle) bombs?|IEDs?|VBIEDs?|improvised explosive devices?"
        r"|landmines?|land mines?|mines? (?:blast|explosion)|(?:hit|struck|stepped on|ran over"
        r"|detonated) (?:a |an )?(?:\w+ )?mines?|explosive devices?|bomb (?:blast|explosion|exploded"
        r"|went off)|sticky bombs?|booby[- ]trap\w*|bomb attack|explosions?|exploded|blasts?",
        EXPLOSIONS,
        "Remote explosive/landmine/IED",
        7,
        None,
    ),
    (
        r"(?:shell(?:ing|ed|s)|artillery|mortars?|(?-i:rockets?)|missiles?|bombard(?:ed|ment)|Grad|MLRS"
        r"|howitzers?|projectiles?)(?!\s+(?:manufacturers?|makers?|producers?|factory|factories|exports?"
        r"|sales|deals?|contracts?|launch(?:es|ed)? into))",
        EXPLOSIONS,
        "Shelling/artillery/missile attack",
        7,
        None,
    ),
    (r"(?<!stun )(?<!smoke )(?<!flash )grenades?", EXPLOSIONS, "Grenade", 7, None),
    (r"raped|rapes?|sexual(?:ly)? (?:violence|assault\w*|abuse\w*)", VIOLENCE, "Sexual violence", 8, None),
    (
        r"kidnapp\w+|abduct\w+|taken hostage|held hostage|seized hostages",
        VIOLENCE,
        "Abduction/forced disappearance",
        8,
        None,
    ),
    (
        r"(?:opened fire|fired (?:live )?(?:ammunition|rounds|bullets)|shot(?: dead)?|killed"
        r"|killing)\s+(?:on\s+|at\s+|into\s+)?(?:\w+\s+){0,3}?(?:protesters|protestors|demonstrators"
        r"|marchers)|(?:protesters|demonstrators) (?:were|was) (?:shot|killed)",
        PROTESTS,
        "Excessive force against protesters",
        8,
        None,
    ),
    (
        r"(?:dispersed|tear ?gas|water cannons?|rubber bullets|(?:stun|smoke|flash) grenades"
        r"|baton charge\w*|arrested (?:\w+ )?(?:protesters|demonstrators))",
        PROTESTS,
        "Protest with intervention",
        4,
        "protest dispersed",
    ),
    (
        r"(?<!anti-)riot(?:s|ing|ed|ers)?(?! police| gear| squad| control| units?)|violent protest\w*"
        r"|stone-throwing|threw stones|pelted|vandali[sz]\w*|stone[- ]pelting|burning (?:tires|tyres)",
        RIOTS,
        "Violent demonstration",
        5,
        None,
    ),
    (r"\bmob\b|(?-i:lynch\w*)|vigilante\w*", RIOTS, "Mob violence", 6, None),
    (
        r"protest(?:s|ed|ers|ing)?|demonstrat(?:ing|ion|ions|ors)"
        r"|demonstrated(?! (?:a|an|the|how|that|its|his|her|their)\b)|rall(?:y|ies|ied)|(?-i:march)(?:ed"
        r"|es)? (?:to|through|in|on)|sit-in|strike action|took to the streets|(?:went|were|are|is|go"
        r"|going) on (?:a )?(?:hunger )?strike|hunger strike|picket(?:ed|ing|s)?|gathered\b[^.;]{0,80}\bto"
        r" (?:demand|protest|denounce|reject|ask|call|express)|blocked (?:the )?(?:roads|highway|streets"
        r"|rails|train tracks|railway)",
        PROTESTS,
        "Peaceful protest",
        3,
        None,
    ),
    (
        r"(?:regained|retook|recaptured|took back|liberated|regain(?:ed)? control)",
        BATTLES,
        "Government regains territory",
        6,
        "territory retaken",
    ),
    (
        r"(?:overran|overrun|seized control of|captured|took over|(?:took|taken|gained) (?:full "
        r"|complete |total )?control (?:of|over)|seized (?:\w+ ){0,2}(?:town|village|city|base"
        r"|facilities|headquarters|buildings|positions|airport|district))",
        BATTLES,
        "Non-state actor overtakes territory",
        5,
        "territory captured",
    ),
    (
        r"clash(?:es|ed)?|firefights?|gun ?battles?|gunfights?|fire ?fights?|exchanges? of fire"
        r"|repelled|repulsed|fended off|exchanged fire|shoot-?outs?|fighting|fought|skirmish\w*"
        r"|battles?|ambush\w*|engaged in combat|counter-?attack\w*|sieges?|besieged"
        r"|destroyed (?:\w+ ){0,3}(?:tanks?|armou?red vehicles|personnel carriers|positions|artillery)",
        BATTLES,
        "Armed clash",
        6,
        None,
    ),
    (
        r"(?:attack(?:ed|s|ing)?|stormed|raided|opened fire|shot (?:dead|and killed)?|gunned down"
        r"|killed|killing|massacre\w*|executed|beheaded|hacked|stabbed|burned|torched|assault\w*"
        r"|murdered|slaughtered|shooting|gunmen|beat(?:en)? (?:up|to death)"
        r"|(?:severely|brutally|badly) beaten|beaten with|lynched|tortured)",
        VIOLENCE,
        "Attack",
        4,
        None,
    ),
    (
        r"(?:bod(?:y|ies)|corpses?)\b[^.;]{0,100}\b(?:gunshot|bullet|stab) wounds?|(?:bod(?:y|ies)"
        r"|corpses?)\b[^.;]{0,100}\bsigns of (?:violence|torture)",
        VIOLENCE,
        "Attack",
        4,
        "body found",
    ),
    (
        r"fired\b[^.;]{0,100}\b(?:at|on) (?:the )?(?:\w+ )?positions",
        BATTLES,
        "Armed clash",
        5,
        None,
    ),
    (
        r"arrest(?:ed|s)?|detained|detention|rounded up|apprehended|took into custody",
        STRATEGIC,
        "Arrests",
        4,
        "arrests",
    ),
    (
        r"looted|looting|plunder\w*|demolish\w*|bulldozed|destroyed (?:homes|houses|property|crops)"
        r"|(?:burned|burnt|torched|set fire to)(?: down)? (?:\w+ )?(?:homes|houses|shops|buildings"
        r"|property|vehicles|cars|offices)|set (?:ablaze|on fire|alight)|set fire to|burn(?:ed|t) down",
        STRATEGIC,
        "Looting/property destruction",
        5,
        None,
    ),
    (
        r"defused|dismantled (?:an? )?(?:IED|bomb|explosive)|intercepted (?:a |an |two |the )?(?:drone"
        r"|missile|rocket)s?|shot down|weapons? caches?|seized (?:weapons|arms|ammunition|explosives)",
        STRATEGIC,
        "Disrupted weapons use",
        4,
        None,
    ),
    (
        r"ceasefire agreement|peace (?:deal|agreement|accord)|signed an? (?:agreement|deal)"
        r"|prisoner (?:exchange|swap)|truce|agreed to",
        STRATEGIC,
        "Agreement",
        3,
        None,
    ),
    (
        r"established (?:a |new )?(?:military )?(?:base|headquarters|outpost)|set up (?:a "
        r"|new )?(?:base|headquarters|checkpoint)",
        STRATEGIC,
        "Headquarters or base established",
        3,
        None,
    ),
    (
        r"withdrew from|withdrawal from|handed over (?:control )?|pulled out of|retreated from",
        STRATEGIC,
        "Non-violent transfer of territory",
        3,
        "withdrawal",
    ),
    (
        r"(?:forced|forcing|made|ordered) (?:a |the |an? \w+ )?(?:\w+ ){0,3}(?:convoy|patrol|vehicles?"
        r"|column|it|them) (?:\w+ ){0,4}?to (?:turn (?:around|back)|retreat|withdraw|return|go back)"
        r"|turn(?:ed)? (?:back|around) (?:a |the )?(?:\w+ ){0,3}(?:convoy|patrol|column)|(?:convoy"
        r"|patrol|column) (?:\w+ ){0,4}?(?:turn(?:ed)? (?:back|around)|retreated|withdrew)|(?:blocked"
        r"|blocking|intercepted|intercepting|stopped|prevented|denied passage to|barred) (?:the |a "
        r"|an )?(?:\w+ ){0,4}?(?:convoy|patrol|column|vehicles?|passage)|prevented from (?:passing"
        r"|entering|crossing|advancing)|blocked the (?:way|road|route)",
        STRATEGIC,
        "Non-violent activity",
        5,
        "convoy turned back",
    ),
]
_RULES_RE = [(re.compile(rf"\b(?:{p})\b", re.IGNORECASE), t, s, r, o) for p, t, s, r, o in _RULES]

_HABITUAL = re.compile(
    r"\b(?:regularly|routinely|often|frequently|usually|occasionally|repeatedly|typically|sometimes"
    r"|periodically|constantly|habitually|on a daily basis|every (?:day|week|month)|time and again"
    r"|for years|over the years|in recent years|in the past|have been known to|tend to"
    r"|ha(?:ve|s) (?:stepped|ramped) up)\b",
    re.IGNORECASE,
)
# Legal proceedings (prosecutors or courts merely quoted as a source do not count).
_LEGAL = re.compile(
    r"\b(?:court-martial\w*|court martial|(?:a|the) court (?:in|ruled|ordered|heard)|court (?:case"
    r"|hearing|ruling)|on trial|trials? of|tribunal|sentenced|convicted|indicted|prosecuted"
    r"|prosecution of|lawsuit|sued|suing|verdict|acquitted|charged with|faces? charges|facing charges"
    r"|pleaded|testif\w+|jury|hearing|legal proceedings|jailed|pleads?|guilty|released on bail|the accused"
    r"|suspect in (?:a|the))\b",
    re.IGNORECASE,
)
_OPINION = re.compile(
    r"\b(?:denied|denies|deny|denying)\b|^(?:reminder|opinion|analysis|editorial|comment)\b|\?[\"”']?$"
    r"|\b(?:should|ought to|must)\b",
    re.IGNORECASE,
)
_HYPOTHETICAL = re.compile(
    r"\b(?:would|could|might|will|threatened to|vowed to|plans? to|planning(?: to)?|planned|intends? to"
    r"|expected to|aims? to|seeks? to|in order to|fear(?:s|ed)? of|risk of|possible|potential"
    r"|alleged threat|threat posed|election|campaign|re-election)\s+(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)
# "rescued 12 kidnapped travellers": the words after it describe the victims, not a new event.
# "in response to a suspected chemical attack": another event, given as the reason.
_RESCUED = re.compile(
    r"\b(?:(?:rescued|freed|released|liberated|recovered)\s+(?:\w+\s+){0,3}|in (?:response|retaliation"
    r"|reprisal) (?:to|for)\s+(?:\w+\s+){0,4}|to avenge\s+(?:\w+\s+){0,3}|(?:victims|anniversary|memory"
    r"|aftermath) of\s+(?:the\s+)?(?:\w+\s+){0,3})$",
    re.IGNORECASE,
)
# "it targeted an Islamic State suicide bomber": the bomber is the target, not the event.
_TARGET_BEFORE = re.compile(
    r"\b(?i:targeted|targeting|killed|killing|arrested|detained|captured|shot|foiled"
    r"|intercepted)\s+(?:an?\s+|the\s+)?(?:[A-Z][\w-]*\s+){0,3}$",
)
_REFERENCE = re.compile(
    r"\b(?:the|that|this|said|same|latest|deadly|earlier|previous|last) (?:\w+ )?(?:incident|attack"
    r"|clash(?:es)?|shootout|firefight|gun ?battle|bombing|blast|explosion|strike|airstrike|raid|ambush"
    r"|assault|shelling|operation|confrontation|standoff|episode|occurrence|event|killings?|violence"
    r"|protest|demonstration|riot)s?\b",
    re.IGNORECASE,
)


def classify(sentence: str) -> Classification | None:
    """The most specific event a sentence reports, or None when it names no event."""
    best: Classification | None = None
    lower = sentence.lower()
    for pattern, event_type, sub_type, rank, outcome in _RULES_RE:
        if not may_match(pattern, lower):
            continue
        for match in pattern.finditer(sentence):
            before = sentence[max(0, match.start() - 60) : match.start()]
            if _HYPOTHETICAL.search(before) or _RESCUED.search(before):
                continue
            if sub_type == "Suicide bomb" and _TARGET_BEFORE.search(before):
                continue
            candidate = Classification(event_type, sub_type, rank, match.group(0), match.start(), outcome)
            if best is None or rank > best.rank:
                best = candidate
            break
    return best


_ARREST = re.compile(r"\b(?:arrest(?:ed|s)?|detained|rounded up|apprehended)\b", re.IGNORECASE)
_PROTEST = re.compile(
    r"\b(?:protest\w*|demonstrations?|demonstrators?|rall(?:y|ies)|(?-i:march)(?:es|ers)?|sit-ins?)\b",
    re.IGNORECASE,
)


def mentions_protest(sentence: str) -> bool:
    """Whether the sentence is about a protest that took place (not one "planned" or "called for")."""
    return any(
        not _PLANNED_BEFORE.search(sentence[max(0, m.start() - 30) : m.start()])
        for m in _PROTEST.finditer(sentence)
    )


_PLANNED_BEFORE = re.compile(
    r"\b(?:planned|upcoming|proposed|future|called for|calling for|ahead of|before)\s+(?:a\s+"
    r"|the\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)


def mentions_arrest(sentence: str) -> bool:
    """Whether the sentence reports arrests, whatever else happened in it."""
    return bool(_ARREST.search(sentence))


# A running toll over months or years, not one incident's: "has killed 350,000 since 2011".
_LONG_PERIOD = (
    r"since (?:(?:early |late |mid-)?(?:19|20)\d\d|the (?:start|beginning|outbreak)|January|February"
    r"|March|April|May|June|July|August|September|October|November|December)|so far this year|this year"
    r"|to date|in total|over the (?:past|last) (?:\w+ )?(?:years?|months|decade)|in recent (?:years"
    r"|months)"
)
# "has killed ... since 2011": only the first "has killed" of a stretch without "." or ";" is tried
# (atomic group), since a later one could only find the same period after it, so the stretch is read
# a bounded number of times instead of once from every "has killed" in it.
_CUMULATIVE = re.compile(
    rf"(?:^|(?<=[.;]))(?>[^.;]*?\bha(?:s|ve|d) (?:\w+ )?(?:killed|claimed|left|displaced|cost|captured"
    rf"|seized|taken)\b)[^.;]*\b(?:{_LONG_PERIOD})\b"
    r"|(?:^|(?<=[.;]))(?>[^.;]*?\bha(?:s|ve|d) (?:\w+ )?died\b)[^.;]*\bsince (?!(?:Monday|Tuesday"
    r"|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|last night|dawn|this morning)\b)\b"
    r"|\b(?:(?:war|conflict|insurgency|violence|unrest|crisis|fighting|offensive|campaign"
    r"|protests)\b[^.;]{0,40}\b(?:has|have) (?:now |so far |already )?(?:killed|claimed|left|displaced)"
    r"|(?:were|have been|had been) killed (?:in|during) the (?:civil )?(?:war|conflict|insurgency|genocide)"
    r"|(?:total|overall|cumulative) (?:death )?toll|under (?:the )?(?:[\w'’]+ ){0,3}(?:regime|rule"
    r"|dictatorship))\b",
    re.IGNORECASE,
)
_ACCIDENT = re.compile(
    r"\b(?:accident|crash(?:ed)?|collided|collision|plunged|overturned|derailed|capsized|drowned"
    r"|stampede|landslides?|earthquakes?|flood(?:s|ing)?|storms?|cyclones?|hurricanes?|typhoons?|lightning"
    r"|gas (?:leak|explosion|cylinder)|blaze|(?:house|building|apartment|hotel|slum) fire"
    r"|fire (?:killed|kills)|(?:a|the) fire\b(?! ?fights?)|collapsed?"
    r"|heatwave|(?:fire|blaze) (?:broke out|engulfed)|(?:natural )?disasters?|tsunami|drought|famine)\b",
    re.IGNORECASE,
)
# An epidemic's toll; a protest or an attack during an epidemic is still an event.
_DISEASE = re.compile(
    r"\b(?:epidemic|pandemic|disease|outbreak|cholera|malaria|virus|coronavirus|COVID-19|measles)\b",
    re.IGNORECASE,
)
_TOLL_WORDS = re.compile(r"\b(?:killed|died|deaths?|dead|infected|infections?|cases)\b", re.IGNORECASE)
_VIOLENCE_WORDS = re.compile(
    r"\b(?:attack\w*|gunm[ae]n|militants?|bomb\w*|shot|shell\w*|strikes?|rebels?|troops|soldiers"
    r"|insurgents?|explosives?|IED|ambush\w*|clash\w*|fighting|drones?|missiles?|rockets?|explod\w+)\b",
    re.IGNORECASE,
)


# A crowd protesting or rioting during an epidemic or after a crash is an event, not the accident.
_CROWD = re.compile(
    r"\b(?:protest\w*|demonstrat\w+|rall(?:y|ies|ied)|riot\w*|strike|sit-in|marched|mob)\b", re.IGNORECASE
)


# Space flight: a rocket launched into orbit is not an attack.
_SPACE = re.compile(r"\b(?:spacecraft|space station|spaceflight|space center|launch pad|into orbit)\b", re.I)


def not_an_event(sentence: str) -> str | None:
    """Why a sentence reports no incident, or None.

    "legal" (courts, trials), "cumulative" (a war's running toll: "has killed 350,000 since 2011"),
    "accident" (a bus crash, a flood), "space flight" (a rocket launch), "habitual" ("regularly
    confront"), "opinion" (and denials).
    """
    lower = sentence.lower()

    def found(pattern: re.Pattern[str]) -> bool:
        return may_match(pattern, lower) and pattern.search(sentence) is not None

    if found(_LEGAL):
        return "legal"
    if found(_CUMULATIVE):
        return "cumulative"
    disease_toll = found(_DISEASE) and found(_TOLL_WORDS)
    accident = found(_ACCIDENT) or disease_toll
    if accident and not found(_VIOLENCE_WORDS) and not found(_CROWD):
        return "accident"
    if found(_SPACE):
        return "space flight"
    if found(_HABITUAL) or re.match(r"^\s*(?:When|Whenever|If)\b", sentence):
        return "habitual"
    if found(_OPINION):
        return "opinion"
    return None


def is_reference(sentence: str) -> bool:
    """Whether the sentence refers back to an event already reported ("the incident", "that attack")."""
    return may_match(_REFERENCE, sentence.lower()) and _REFERENCE.search(sentence) is not None
