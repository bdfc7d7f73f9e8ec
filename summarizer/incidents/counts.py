"""Numbers in conflict reports: casualties (killed, injured) and vehicle or equipment counts.

Numbers may be digits ("12", "1,200"), words ("twenty-one", "a dozen"), ranges ("10 to 12",
"10-12": the lower bound, as ACLED codes conflicting figures) or vague quantities ("dozens" 12,
"several" 3, "scores" 20, "hundreds" 100). "At least 12" and "more than 12" count as 12.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from summarizer.incidents.cues import candidates, cue_text, first, matches, read, read_at

__all__ = [
    "SANE_LIMIT",
    "Casualties",
    "Count",
    "add_counts",
    "find_casualties",
    "find_vehicles",
    "parse_number",
    "parse_range",
    "title_case",
]

# A count as a range: the lowest and the highest figure (None: no upper bound).
Count = tuple[int, int | None]

# A single incident with more victims than this is flagged rather than trusted.
SANE_LIMIT = 5000

_UNITS = {
    "zero": 0,
    "no": 0,
    "one": 1,
    "a": 1,
    "an": 1,
    "single": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# Vague quantities: the figure ACLED codes ("dozens" 12, "hundreds" 100, the conservative reading)
# and the highest the word allows ("dozens" is under a hundred).
_VAGUE: dict[str, tuple[int, int]] = {
    "a couple of": (2, 2),
    "a pair of": (2, 2),
    "a few": (3, 5),
    "several": (3, 9),
    "a dozen": (12, 12),
    "dozens of": (12, 99),
    "dozens": (12, 99),
    "scores of": (20, 99),
    "scores": (20, 99),
    "hundreds of": (100, 999),
    "hundreds": (100, 999),
    "a handful of": (3, 5),
    "a number of": (3, 9),
    "many": (10, 99),
    "both": (2, 2),
}
_WORD_NUMBER = (
    r"(?:(?:"
    + "|".join(_TENS)
    + r")(?:[- ](?:"
    + "|".join(k for k in _UNITS if _UNITS[k] and len(k) > 2)
    + r"))?"
    r"|" + "|".join(sorted((k for k in _UNITS if k not in {"no", "a", "an"}), key=len, reverse=True)) + r")"
    r"(?:[- ](?:hundred|thousand))?"
)
_SIMPLE = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|{_WORD_NUMBER})"
# "both assailants", not "both soldiers and civilians" (two groups of any size)
_BOTH = r"both(?!(?:\s+[\w-]+){1,3}?\s+(?:and|or)\b)"
_VAGUE_RE = "|".join([*sorted((re.escape(k) for k in _VAGUE if k != "both"), key=len, reverse=True), _BOTH])
_QUALIFIER_WORDS = (
    r"at least|more than|over|some|about|around|nearly|almost|up to|as many as|an estimated"
    r"|approximately|roughly|a total of|another|an additional|a further|at most|fewer than|all"
)
_QUALIFIER = rf"(?:(?:{_QUALIFIER_WORDS})\s+)?"
NUMBER = (
    rf"{_QUALIFIER}(?:between\s+{_SIMPLE}\s+and\s+{_SIMPLE}|{_VAGUE_RE}|{_SIMPLE}(?:\s*(?:-|–|to"
    rf"|or)\s*{_SIMPLE})?|a|an)\b"
)
_NUMBER_RE = re.compile(rf"^{NUMBER}$", re.IGNORECASE)
_QUALIFIER_RE = re.compile(rf"^({_QUALIFIER_WORDS})\s+")

# Up to three words before the noun ("12 Afghan army soldiers"). A word is read at most 60 letters
# far and never given back (no word is longer, and a word cut short is not followed by a space), so
# each number costs a bounded read even inside a long run of letters and hyphens.
_VICTIM_NOUN = (
    # (no word that opens a clause: "a statement that seven soldiers died" counts seven, not "a")
    r"(?:(?:(?!(?:that|which|who|whom)\s)[A-Za-z’'-]{1,60}+\s++|\d{1,60}+-year-old\s++){0,3}?(?:people|persons?|civilians?|soldiers?|troops"
    r"|officers?|police officers?|police|fighters?|militants?|insurgents?"
    r"|rebels?|attackers?|assailants?|bombers?|perpetrators?|members?|children|child|women|woman|men|man|others?|girls?"
    r"|boys?|bab(?:y|ies)|infants?|teen(?:ager)?s?|villagers?|residents?|farmers?|workers?|drivers?"
    r"|thieves|students?|protesters?|demonstrators?|journalists?|worshippers?|passengers?|guards?"
    r"|personnel|recruits?|militia members|jihadists?|terrorists?|bandits?|herders?|pupils?"
    r"|staff|individuals?|bodies|wom[ae]n and children|of them|of whom|among them|marines?|sailors?"
    r"|pilots?|victims?|suspects?|security forces|troopers?|miners?|traders?|motorists?|pedestrians?"
    r"|family members|relatives|sons?|daughters?|brothers?|sisters?|wi(?:fe|ves)|husbands?|bodyguards?"
    r"|doctors?|medics?|nurses?|teachers?|elders?|leaders?|commanders?|chiefs?|guides?|interpreters?"
    r"|translators?|priests?|imams?|pastors?|fathers?|mothers?|uncles?|nephews?|cousins?|constables?"
    r"|sergeants?|captains?|colonels?|lieutenants?|cadets?|volunteers?|employees?|contractors?|engineers?"
    r"|reporters?|photographers?|cooks?|shepherds?|aides?|assistants?|escorts?"
    r"|pilgrims?|refugees?|migrants?|patients?|guests?|peacekeepers?|citizens?|nationals?|locals?|youths?"
    r"|prisoners?|detainees?|inmates?|hostages?|mourners?|(?-i:[A-Z][a-z]+s)"
    # people named by a compound, in any case a headline uses: watchmen, Tribesmen, POLICEWOMEN, kinsfolk
    r"|(?-i:[A-Za-z][a-z]{1,19}(?:m[ae]n|people|folk)|[A-Z]{2,20}(?:M[AE]N|PEOPLE|FOLK)))\b)"
)


def _victim_after(gap: str) -> str:
    r"""``gap`` (``\s*`` or ``\s+``), then a victim noun, or nothing when a space or a stop follows.

    The spaces before a noun are all read (a noun never starts with one); with no noun, the first
    way to leave a space (or a stop) next is kept: everything after starts by reading spaces, so
    another way would only hand it the same run again, once per space of a long run.
    """
    return rf"(?:{gap}+{_VICTIM_NOUN}|(?>{gap}(?=\s|[.,;]|$)))"


_GAP_VICTIM = _victim_after(r"\s*")
_SPACE_VICTIM = _victim_after(r"\s+")
_BE = (
    r"(?:\s+(?:who\s+)?(?:were|was|are|is|have been|has been|had been|got|being|reportedly|allegedly"
    r"|also|later|were also|all|each|(?:have|has|had)(?=\s+(?:died|perished|lost)\b)))*"
)
# "shot to death", "tortured to death": any such verb
_TO_DEATH = (
    r"(?:shot|stabbed|beaten|beat|hacked|burned|burnt|stoned|tortured|bludgeoned|clubbed|hanged) to death"
)
_KILLED = (
    # "neutralised", as military statements tell enemies killed, often in quotation marks
    rf"(?:killed|found dead|dead|died|slain|martyred|perished|shot dead|gunned down|executed|massacred"
    rf"|[\"'‘“]?neutrali[sz]ed"
    rf"|beheaded|murdered|assassinated|lynched|lost their lives|lost his life|lost her life|{_TO_DEATH}"
    r"|fatally (?:shot|stabbed|wounded|injured)|(?:(?:shot|kidnapped|abducted|attacked|ambushed"
    r"|captured|tortured|stabbed|beaten|raped) and (?:then )?(?:killed|executed|murdered)))"
)
_HURT = r"(?:injured|wounded|hurt|hospitali[sz]ed|maimed)"
# "the killing of 3 rebels", not a protest "over the killing of a driver" nor one death "of a patient"
_CAUSE_BEFORE = r"(?<!over )(?<!for )(?<!after )(?<!against )(?<!following )(?<!into )(?<!about )"
_KILLING_OF = (
    rf"(?:{_CAUSE_BEFORE}the |{_CAUSE_BEFORE}(?<!the ))(?:killings?|deaths?) of"
    r"(?!\s+(?:the\s+|all\s+)?an?\b)"
)
# The present-tense verb "massacre(s)" ("Gunmen Massacre 12 Villagers"), not the noun ("the massacre 25
# years ago", "a massacre") nor a figure of years after it.
_MASSACRE_VERB = (
    r"(?<!to )(?<!\bthe )(?<!\ba )(?<!\bthis )(?<!\bthat )(?<!\bits )(?<!\btheir )massacres?"
    r"(?![ ]+[\w-]{1,20}+[ ]+(?:years?|decades?|months?|weeks?)\b)"
)
_KILL_VERB = (
    rf"(?:killed|killing|kills|(?<!to )kill|martyred|claimed the lives of|claiming the lives of|executed"
    rf"|assassinated|assassinating"
    rf"|executing|massacred|massacring|shot dead|shooting dead|murdered|murdering|beheaded|slaughtered"
    # a headline's present tense: "Police Shoot Dead Three Protesters", "Gunmen Behead Two Farmers"
    rf"|(?<!to )shoots? dead|(?<!to )shoots? and kills?|(?<!to )behead(?:s)?\b|{_MASSACRE_VERB}"
    rf"|lynched|lynching|{_TO_DEATH}|hacking to death|shot and killed|fatally (?:shot|stabbed)"
    rf"|{_KILLING_OF})"
)
_HURT_VERB = r"(?:injured|injuring|injures|injure|wounded|wounding|wounds|wound|hurt|hurting)"
# Harm a sentence states: a death or an injury ("died", "shot dead", "leaving two wounded").
HARM = re.compile(rf"\b(?:{_KILLED}|{_HURT}|{_KILL_VERB}|{_HURT_VERB})\b", re.IGNORECASE)

# One person named by role: "the bomber", "a policeman".
_ONE = (
    r"(?:the|a) (?:suspected |lone |suicide )?(?:suspect|gunman|attacker|assailant|bomber|perpetrator"
    r"|shooter|victim|man|woman|boy|girl|child|officer|policeman|soldier|civilian|driver|guard|hostage)"
)
# "N victims (and M others)(, including ...,) were killed", "the bomber and 16 others were killed"
_GROUP = (
    rf"(?:(?:(?P<n0>{NUMBER}){_GAP_VICTIM}|(?P<one>{_ONE}))\s+(?:and|as well as)\s+"
    rf"(?:(?:his|her|their)\s+)?)?"
    rf"(?P<n>{NUMBER}){_GAP_VICTIM}"
)
# ", including two children," / "(three of them women)" / "of the Afghan security forces" / "on board"
_ASIDE = (
    r"(?:\s*,[^,.;]{1,60},|\s*\([^)]{0,60}\)|\s+of\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?(?:forces|army"
    r"|police|group|family|militia|unit|battalion|brigade|guard|movement|injured|wounded)"
    r"|\s+(?:on|from) (?:both|each"
    r"|either) sides?|\s+(?:on board|aboard|inside)(?:\s+(?:the|a|an)\s+[\w’'-]{1,30}+)?)?"
)
_PASSIVE_DEAD = re.compile(rf"\b{_GROUP}{_ASIDE}{_BE}\s+{_KILLED}\b", re.IGNORECASE)
_PASSIVE_HURT = re.compile(
    rf"\b{_GROUP}{_ASIDE}{_BE}\s+(?:seriously |critically |slightly |badly )?{_HURT}\b",
    re.IGNORECASE,
)
# Animals killed are not fatalities.
_ANIMALS = r"(?:livestock|cattle|cows?|goats?|sheep|camels?|animals?|donkeys?|horses?|dogs?|chickens?|pigs?)"
# A second group after a comma must be a real count ("killing 3 soldiers, 2 civilians"), not "a".
_MORE = r"(?:,\s+(?!an?\b)|\s+and\s+|\s+as well as\s+)(?!\w+ of (?:them|whom)\b)"
_ACTIVE_DEAD = re.compile(
    rf"\b{_KILL_VERB}\s+(?:(?P<one>{_ONE})\s+and\s+)?(?:the\s+|all\s+)?(?P<n>{NUMBER})(?!\s+(?:[a-z]+\s+)?{_ANIMALS}\b){_GAP_VICTIM}"
    rf"(?!\s+(?:injured|wounded|hurt))(?:{_MORE}(?:(?:her|his|their)\s+)?(?P<n2>{NUMBER}){_SPACE_VICTIM}(?!\s+(?:injured|wounded"
    rf"|hurt)))?",
    re.IGNORECASE,
)
_ACTIVE_HURT = re.compile(
    rf"\b{_HURT_VERB}\s+(?P<n>{NUMBER}){_GAP_VICTIM}(?!\s+dead)(?:{_MORE}(?P<n2>{NUMBER}){_SPACE_VICTIM}(?!\s+dead))?",
    re.IGNORECASE,
)
# "The suspect was wounded": one person, named by role.
_ROLE = rf"(?P<n>{_ONE})"
# "a former town councillor was shot dead": one person, whatever the noun (up to five words).
_SINGLE_DEAD = re.compile(
    rf"\b(?P<n>an?|one)\s+(?:[\w’'-]{{1,40}}+\s+){{0,4}}?[\w’'-]{{1,40}}+\s+(?:was|has been|had been)"
    rf"\s+(?:\w+\s+)?{_KILLED}\b",
    re.IGNORECASE,
)
_ROLE_DEAD = re.compile(
    rf"\b{_ROLE}\s+(?:(?:was|has been|had been)\s+(?:\w+\s+)?{_KILLED}|(?:later\s+)?died)\b", re.IGNORECASE
)
_ROLE_HURT = re.compile(rf"\b{_ROLE}\s+(?:was|has been|had been)\s+(?:\w+\s+)?{_HURT}\b", re.IGNORECASE)
# A named person killed counts one: "Ali Hassan Musa was killed". Each later word of a name is
# read one way only (a hyphen before the next word joins the two), and when a name is not followed
# by the verb, the alternative after "|" reads past it, since every later word of it would fail
# too: such a match has no ``n`` and is skipped. Both keep the pattern linear.
_NAME_PARTICLE = r"(?:al|el|bin|ibn|de|van|von)?[ -]?[A-Z]"
_NAME_WORDS = rf"[A-Z][a-z]+(?:[ -]{_NAME_PARTICLE}[a-z'’-](?:[a-z'’]|-(?!{_NAME_PARTICLE}))*+)"
# "In addition to the bomber, 16 people were killed": the bomber died too.
_BESIDES = re.compile(
    rf"\bin addition to (?P<n>{_ONE}),?\s+(?=[^.;]{{0,80}}?\b(?:killed|died|dead)\b)", re.IGNORECASE
)
# Or died of a wound, an aside maybe before the verb: "Ivo Ban, a driver, died on Monday after being shot".
_NAMED_DEAD = re.compile(
    rf"(?P<n>(?-i:{_NAME_WORDS}+))(?:\s+(?:was|has been|had been)\s+(?:\w+\s+)?(?:killed|shot dead"
    rf"|assassinated|executed|murdered|gunned down)|(?:,[^,.;]{{1,80}},)?\s+(?:later\s+)?died\b"
    rf"(?=[^.;]{{0,80}}?\b(?:after|from|of)\s+(?:being\s+)?(?:shot|stabbed|beaten|gunshot|stab)))\b"
    rf"|(?-i:{_NAME_WORDS}*+)",
    re.IGNORECASE,
)
# A person named as the one killed, maybe after a title: "the strike killed army chief Omar Dast, ...";
# not the agent ("killed by the Border Police"), nor "the killing of" a name (often a cause of protests),
# nor a participle before a name ("a school founded by murdered poet Ivo Ban").
_KILLED_VERB = (
    rf"\b{_CAUSE_BEFORE}(?<!by )(?<!of )(?<!the )(?<!a )"
    rf"(?:killed|killing|assassinated|assassinating|murdered|shot dead)(?!\s+(?:by|of)\b)\s+"
)
_NAMED_AFTER = (
    rf"(?:[\w’'-]{{1,40}}+\s+){{0,4}}?"
    rf"(?P<n>(?-i:{_NAME_WORDS}))(?=\s*[,.;(]|\s+(?:in|on|at|near|during|while|after|as)\b)"
)
_KILLED_NAMED = re.compile(_KILLED_VERB + _NAMED_AFTER, re.IGNORECASE)
# In a headline in title case ("Three Policemen Killed In Ambush") what a preposition opens after
# "killed" is a place or a cause, no person; a title still names one ("Killed Village Chief Musa Bello").
_TITLE_CASE_KILLED_NAMED = re.compile(
    _KILLED_VERB
    + r"(?!(?:in|at|on|near|after|amid|during|outside|inside|across|over|from|with|by|for|as)\b)"
    + _NAMED_AFTER,
    re.IGNORECASE,
)
# One person named by a pronoun: "he was later pronounced dead", "He died today", "police shot him
# dead", "..., who was also killed in the strike".
_PRONOUN_DEAD = re.compile(
    r"(?:\b(?P<n>(?-i:[Hh]e|[Ss]he))\s+(?:later\s+|subsequently\s+)?died|(?:\b(?-i:[Hh]e|[Ss]he)|(?<=, )who)"
    r"\s+(?:was|had been|has been)\s+(?:\w+\s+)?(?P<k>killed|pronounced dead|shot dead|murdered|assassinated"
    r"|executed))\b"
    r"|\b(?:shot|stabbed|beat|hacked|gunned)\s+(?P<m>him|her)\s+(?:dead|to death|down)\b",
    re.IGNORECASE,
)
# Verbs telling that a toll went up or was updated ("rose to", "was revised to"), shared with tolls.py.
TOLL_RISE_VERBS = (
    r"rose|risen|rising|rises|climbed|climbing|climbs|increased|increasing|jumped|grew|has grown|mounted"
    r"|went up|gone up|revised|raised|updated"
)
_TOLL = re.compile(
    rf"(?<!earlier )(?<!previous )(?<!initial )(?<!preliminary )(?<!prior )(?<!earlier death )"
    rf"(?<!previous death )(?<!initial death )\b(?:death toll|toll|number of (?:the )?dead|fatalities)\b"
    # the figure a toll rose to, however long the words naming the attack ("the toll from the ... rose to 11")
    rf"(?:[^.;]{{0,100}}?\b(?:{TOLL_RISE_VERBS}) to"
    rf"|[^.;]{{0,40}}?\b(?:to|of|at|reached|hit|is|was|now|stands at|stood at|from))"
    rf"\s+(?!an?\b)(?P<n>{NUMBER})\b",
    re.IGNORECASE,
)
_NOUN_DEAD = re.compile(
    rf"\b(?P<n>{NUMBER})\s+(?:deaths?\b|fatalit(?:y|ies)\b|dead\b|killed\b|casualties\s+dead)", re.IGNORECASE
)
# "25 rebel and 6 military fatalities": counts of each side's dead named by a word before the noun.
_SIDE_DEAD = re.compile(rf"\b{_GROUP}\s+(?:[a-z-]{{1,30}}+\s+)?(?:deaths|fatalit(?:y|ies))\b", re.IGNORECASE)
# "the bodies of 5 men were found", "five corpses": the dead found.
_BODIES = re.compile(
    rf"\b(?P<n>{NUMBER})\s+(?:[A-Za-z-]{{1,30}}+\s+){{0,2}}?(?:bodies|corpses)\b", re.IGNORECASE
)
_BODY_OF = re.compile(rf"\b(?:body|bodies|corpses?)\s+of\s+(?:the\s+)?(?P<n>{NUMBER})\s", re.IGNORECASE)
# The toll a report states as its total: "a total of 12 fatalities".
_TOTAL = re.compile(
    rf"\btotal of (?P<n>{NUMBER})\s+(?:fatalities|deaths|dead|people killed)\b", re.IGNORECASE
)
# The coded figure stated outright, which replaces every other count: "Fatalities coded as 0",
# or a sentence that is only a count, "2 fatalities."
# ACLED notes that split one toll between several coded events: "1 fatality split among 12 events".
_SPLIT = re.compile(
    r"\b(?:split|distributed|divided|coded)\s+(?:\w+\s+)?(?:among|between|across)\s+(?P<n>\d{1,3}|two"
    r"|three|four|five|six|seven|eight|nine|ten)\s+(?:events|days|incidents)\b",
    re.IGNORECASE,
)
_CODED = re.compile(r"\bfatalities (?:were |are )?coded as (?P<n>\d{1,6})\b", re.IGNORECASE)
_COUNT_ONLY = re.compile(
    r"\W*(?:(?P<n>\d{1,6}) (?:fatality|fatalities|deaths?)|fatalities:? (?P<m>\d{1,6})\b.*?)\W*",
    re.IGNORECASE | re.DOTALL,
)
_NOUN_HURT = re.compile(
    rf"\b(?P<n>{NUMBER})\s+(?:injuries|injured\b|wounded\b)(?!\s+(?:by|in))", re.IGNORECASE
)
_NO_CASUALTIES = re.compile(
    r"\b(?:no (?:immediate )?(?:reports? of )?(?:casualties|causalities|victims)"
    r"|without (?:causing )?casualties|no one was (?:killed or )?(?:hurt|killed|injured|harmed|wounded)"
    r"|nobody was (?:hurt|killed|injured|harmed)|no (?:one|body) (?:was|were) (?:hurt|killed|injured)"
    r"|no (?:reported )?(?:fatalities|deaths|loss of life)|casualties were not reported"
    r"|there were no (?:reported )?casualties|no casualties (?:were|have been) reported"
    r"|caused no casualties|did not cause (?:any )?casualties)\b",
    re.IGNORECASE,
)
_NO_INJURIES = re.compile(r"\bno (?:reported |other )?(?:injuries|one was injured|wounded)\b", re.IGNORECASE)
_NO_DEATHS = re.compile(
    r"\b(?:no (?:reported )?(?:fatalities|deaths)|no one was killed|nobody was killed)\b", re.IGNORECASE
)
_NEGATION = re.compile(r"\b(?:no|not|nobody)\s+$", re.IGNORECASE)
# Every casualty phrase contains one of these: sentences without them are skipped quickly. Read in
# the lower-cased sentence, as _HURT_WORDS: a case-sensitive scan is several times faster.
_CASUALTY_WORDS = re.compile(
    r"kill|dead|death|died|die\b|slain|martyr|perish|execut|massacr|behead|murder|lynch|assassinat"
    r"|gunned|wound|injur|hurt|hospitali|maim|casualt|causalit|fatal|toll|li(?:fe|ves)|harmed|victims"
    r"|bod(?:y|ies)|corpse|neutrali"
)
# A list of victims, each item a count or one person: "six aid workers, their guide and a driver",
# "3 police officers, 2 militiamen and 1 soldier", "a village elder and his son". At most eight items
# are read, so each place a list may start costs a bounded read.
_LIST_ITEM = (
    rf"(?:(?P<count>{NUMBER})\s+{_VICTIM_NOUN}|(?:his|her|their)\s+(?:(?P<owned>{NUMBER})\s+)?{_VICTIM_NOUN}"
    rf"|(?P<person>{_ONE}))"
)
_LIST_ITEM_RE = re.compile(_LIST_ITEM, re.IGNORECASE)
_ITEM = re.sub(r"\?P<\w+>", "?:", _LIST_ITEM)
_LIST = rf"(?P<n>{_ITEM}(?:,\s+{_ITEM}){{0,6}},?\s+(?:and|as well as)\s+{_ITEM})"
# The list ends where the clause goes on: a stop, a place, a time, another verb joined by "and".
_LIST_END = (
    r"(?=\s*[,.;:()]|\s*$|\s+(?:in|on|at|near|during|while|when|after|before|as|and|inside|outside)\b)"
)
_ACTIVE_LIST = re.compile(rf"\b{_KILL_VERB}\s+(?:the\s+|all\s+)?{_LIST}{_LIST_END}", re.IGNORECASE)
_PASSIVE_LIST = re.compile(rf"\b{_LIST}{_ASIDE}{_BE}\s+{_KILLED}\b", re.IGNORECASE)
_LISTS = (_ACTIVE_LIST, _PASSIVE_LIST)
# Lists are read only in sentences with a last item after "and" (a search that starts only where
# "and" is); a passive list, which may start at any word, only where that item is followed by the verb.
_LIST_LAST = re.compile(rf"\b(?:and|as well as)\s+{_ITEM}", re.IGNORECASE)
_PASSIVE_LIST_END = re.compile(rf"\b(?:and|as well as)\s+{_ITEM}{_ASIDE}{_BE}\s+{_KILLED}\b", re.IGNORECASE)
_DEAD_PATTERNS = [_PASSIVE_DEAD, _ACTIVE_DEAD, _SIDE_DEAD, _NOUN_DEAD, _BODIES, _BODY_OF]
_DEAD_PATTERNS += [_NAMED_DEAD, _ROLE_DEAD, _SINGLE_DEAD, _BESIDES, _PRONOUN_DEAD, _KILLED_NAMED]
_HURT_PATTERNS = [_PASSIVE_HURT, _ACTIVE_HURT, _NOUN_HURT, _ROLE_HURT]
_TITLE_CASE_DEAD_PATTERNS = [_TITLE_CASE_KILLED_NAMED if p is _KILLED_NAMED else p for p in _DEAD_PATTERNS]
# Words of four letters or more, the first of a text aside: in title case they all open with a capital.
_LONG_WORD = re.compile(r"(?<=\s)[^\W\d_]{4,}")
_LOWER_WORD = re.compile(r"(?<=\s)[^\W\d_A-Z][^\W\d_]{3}")
_TITLE_CASE_MIN_WORDS = 3
# The patterns every match of which starts with a count or with one person named by role: they are
# tried only where one starts (``_count_starts``), not at every place of the sentence.
_COUNT_LED = frozenset(map(id, [_PASSIVE_DEAD, _SIDE_DEAD, _NOUN_DEAD, _BODIES, _PASSIVE_HURT, _NOUN_HURT]))
# Where a count or one person named by role can start, read in the cue text: the alternatives are
# all in lower case, so read there they find at least the places they find in the sentence ignoring case.
_COUNT_START = re.compile(rf"\b(?=(?:{NUMBER}|{_ONE}))")
# What the hurt patterns need: a sentence without it is not read for injuries.
_HURT_WORDS = re.compile(r"wound|injur|hurt|hospitali|maim")
# Words of a death told: read before the injuries of a sentence, they tell whose count "more" qualifies.
_DEATH_WORDS = re.compile(r"kill|dead|death|died|slain|perish|lives")
_ONE_PERSON = (
    _NAMED_DEAD, _ROLE_DEAD, _ROLE_HURT, _SINGLE_DEAD, _BESIDES, _PRONOUN_DEAD, _KILLED_NAMED,
    _TITLE_CASE_KILLED_NAMED,
)
_INCLUDING = re.compile(r"\b(?:including|among them|among whom|of whom|of them)\s*$", re.IGNORECASE)
# A figure a later one replaced: "this revised an earlier toll of 27 dead", "an initial count of 9".
_SUPERSEDED = re.compile(
    r"\b(?:earlier|initial|previous|preliminary|prior|first)\s+(?:death\s+)?(?:toll|figure|count|estimate|report)s?"
    r"\s+(?:of\s+)?$",
    re.IGNORECASE,
)


# Dead added to those counted before: "another", "two more", "a second soldier", "one of the wounded".
_ADDITIONAL = re.compile(
    r"\b(?:also|another|other|additional|further|more|a (?:second|third|fourth|fifth)"
    r"|of the (?:injured|wounded))\b(?! than)",
    re.IGNORECASE,
)


def parse_number(text: str) -> int | None:
    """The value of a number phrase ("12", "1,200", "twenty-one", "at least five", "dozens").

    Ranges give their lower bound. Returns None when ``text`` is not a number phrase.
    """
    found = parse_range(text)
    return None if found is None else found[0]


def parse_range(text: str) -> tuple[int, int | None] | None:
    """The lowest and highest count a number phrase allows (None: no upper bound).

    "10-12" is (10, 12), "at least 5" (5, None), "dozens" (12, 99): the low end is the figure
    ACLED codes. Returns None when ``text`` is not a number phrase.
    """
    phrase = " ".join(text.lower().replace("–", "-").split())
    if not _NUMBER_RE.match(phrase):
        return None
    qualifier = _QUALIFIER_RE.match(phrase)
    open_ended = qualifier is not None and qualifier.group(1) in {"at least", "more than", "over"}
    phrase = phrase[qualifier.end() :] if qualifier else phrase
    if phrase in _VAGUE:
        low, high = _VAGUE[phrase]
        return low, None if open_ended else high
    phrase = re.sub(r"^between\s+", "", phrase)
    parts = re.split(r"\s*(?:\bto\b|\bor\b|\band\b|(?<=\d)-(?=\d)|\s-\s|–)\s*", phrase)
    values = [_simple_value(part) for part in (parts[0], parts[-1])]
    if values[0] is None:
        return None
    last = values[-1] if values[-1] is not None else values[0]
    return values[0], None if open_ended else max(values[0], last)


def _simple_value(phrase: str) -> int | None:
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", phrase):
        return int(phrase.replace(",", ""))
    total = 0
    for part in re.split(r"[- ]", phrase):
        if part in _UNITS:
            total += _UNITS[part]
        elif part in _TENS:
            total += _TENS[part]
        elif part == "hundred":
            total = max(total, 1) * 100
        elif part == "thousand":
            total = max(total, 1) * 1000
        else:
            return None
    return total


@dataclass(frozen=True, slots=True)
class Casualties:
    """Casualties stated in one sentence: None where the sentence says nothing.

    ``fatalities`` is the figure ACLED would code (the low end of a range, "dozens" 12);
    ``fatalities_high`` the highest the sentence allows (None: no upper bound, "at least 5");
    ``split`` how many coded events share the report's toll ("split among 12 events").
    """

    fatalities: int | None = None
    injuries: int | None = None
    additional: bool = False
    toll: bool = False
    coded: bool = False
    victims: tuple[str, ...] = ()
    fatalities_high: int | None = None
    split: int = 1


def add_counts(first: Count, second: Count) -> Count:
    """The sum of two counts (low and high; no upper bound stays unbounded)."""
    high = None if first[1] is None or second[1] is None else first[1] + second[1]
    return first[0] + second[0], high


def _sum_matches(
    patterns: list[re.Pattern[str]], sentence: str, lower: str, leading: tuple[re.Pattern[str], ...] = ()
) -> tuple[Count | None, list[str]]:
    """Sum distinct numbers of victims found by ``patterns``, skipping 'including N' sub-counts.

    Returns the total (low and high) and the matched phrases (which say who the victims were).
    ``lower`` is the sentence's ``cue_text``; ``leading`` are patterns read before all others.
    """
    spans: dict[tuple[int, int], Count] = {}
    counted = bytearray(len(sentence))  # characters already read as a count (keeps this linear)
    victims: list[str] = []
    for pattern in (*leading, *candidates(patterns, lower)):
        if id(pattern) in _COUNT_LED:
            found = read_at(pattern, sentence, _count_starts(lower))
        else:
            found = read(pattern, sentence, lower)
        for match in found:
            person = next((g for g in ("m", "k") if g in pattern.groupindex and match.group(g)), "n")
            if match.group(person) is None:
                continue
            start, end = match.span(person)
            # one person named by a phrase that holds a count already read is that count
            whole = counted[match.start() : match.end()]
            if any(counted[start:end]) or (pattern in _ONE_PERSON and any(whole)):
                continue
            before = sentence[max(0, start - 20) : start]
            if _INCLUDING.search(before) or _NEGATION.search(before):
                continue
            if _SUPERSEDED.search(sentence[max(0, start - 40) : start]):
                continue
            counted[start:end] = b"\x01" * (end - start)
            if pattern in _LISTS:
                value: Count | None = _list_count(match.group(person))
            else:
                value = (1, 1) if pattern in _ONE_PERSON else parse_range(match.group(person))
            if value is not None:
                spans[(start, end)] = value
            for extra_group in ("n0", "n2", "one"):
                if extra_group in pattern.groupindex and match.group(extra_group):
                    extra = (1, 1) if extra_group == "one" else parse_range(match.group(extra_group))
                    if extra is not None:
                        spans[match.span(extra_group)] = extra
                        extra_start, extra_end = match.span(extra_group)
                        counted[extra_start:extra_end] = b"\x01" * (extra_end - extra_start)
            victims.append(match.group(0))
    return (functools.reduce(add_counts, spans.values()) if spans else None), victims


def _list_count(phrase: str) -> Count:
    """The sum of a list of victims: each counted item its count, each person named by role one."""
    total: Count = (0, 0)
    for item in _LIST_ITEM_RE.finditer(phrase):
        count = item.group("count") or item.group("owned")
        total = add_counts(total, (parse_range(count) or (1, 1)) if count else (1, 1))
    return total


def _lists(sentence: str) -> tuple[re.Pattern[str], ...]:
    """The list patterns that may find the dead in ``sentence``: none unless a list may end in it."""
    if _LIST_LAST.search(sentence) is None:
        return ()
    return _LISTS if _PASSIVE_LIST_END.search(sentence) else (_ACTIVE_LIST,)


@functools.lru_cache(maxsize=4)
def _count_starts(lower: str) -> tuple[int, ...]:
    """Where a count can start in a sentence whose cue text is ``lower`` (kept for its reading of
    injuries after that of deaths)."""
    return tuple(match.start() for match in _COUNT_START.finditer(lower))


def _adds_dead(sentence: str, lower: str) -> bool:
    """Whether a sentence's dead add to those counted before ("another", "two more", "one of the
    wounded died"): not a word of the injuries told after its dead ("killed twelve and injured
    twelve more")."""
    found = first(_ADDITIONAL, sentence, lower)
    if found is None:
        return False
    if found.group(0).lower().startswith("of the"):
        # "one of the wounded died", not "many of the wounded were taken to a clinic"
        return _DEATH_WORDS.search(lower, found.end()) is not None
    hurt = _HURT_WORDS.search(lower)
    if hurt is None or found.start() < hurt.start():
        return True
    dead = _DEATH_WORDS.search(lower, 0, hurt.start())
    return dead is None


def title_case(text: str) -> bool:
    """Whether a text is written in title case, as headlines often are ("Five Killed In Attack On
    Army Base"): each of its words of four letters or more after the first opens with a capital."""
    if _LOWER_WORD.search(text):
        return False  # most sentences: found within their first words
    return len(_LONG_WORD.findall(text)) >= _TITLE_CASE_MIN_WORDS


def find_casualties(sentence: str) -> Casualties:
    """Fatalities and injuries stated in one sentence ("left one soldier dead and two injured")."""
    lower = cue_text(sentence)
    split = first(_SPLIT, sentence, lower)
    share = (parse_number(split.group("n")) or 1) if split else 1
    if not _CASUALTY_WORDS.search(lower):
        return Casualties(split=share)
    coded = first(_CODED, sentence, lower) or _COUNT_ONLY.fullmatch(sentence)
    toll = coded or first(_TOLL, sentence, lower) or first(_TOTAL, sentence, lower)
    patterns = _TITLE_CASE_DEAD_PATTERNS if title_case(sentence) else _DEAD_PATTERNS
    dead, victims = _sum_matches(patterns, sentence, lower, _lists(sentence))
    if toll:
        dead = parse_range(toll.group("n") or toll.groupdict()["m"])
    hurt = None
    if _HURT_WORDS.search(lower):
        hurt, _ = _sum_matches(_HURT_PATTERNS, sentence, lower)
    injuries = None if hurt is None else hurt[0]
    if first(_NO_CASUALTIES, sentence, lower):
        dead = dead or (0, 0)
        injuries = 0 if injuries is None else injuries
    if dead is None and first(_NO_DEATHS, sentence, lower):
        dead = (0, 0)
    if injuries is None and first(_NO_INJURIES, sentence, lower):
        injuries = 0
    return Casualties(
        fatalities=None if dead is None else dead[0],
        injuries=injuries,
        additional=_adds_dead(sentence, lower),
        toll=toll is not None,
        coded=coded is not None,
        victims=tuple(victims),
        fatalities_high=None if dead is None else dead[1],
        split=share,
    )


# Canonical vehicle or equipment name -> pattern for its singular or plural mentions.
_VEHICLES: dict[str, str] = {
    "MRAP": r"MRAPs?|mine[- ]resistant(?:,)? (?:ambush[- ]protected|armou?red) vehicles?",
    "Humvee": r"Humvees?|HMMWVs?",
    "tank": r"(?<!think )(?<!fuel )(?<!water )(?<!oil )(?<!gas )(?<!septic )tanks?",
    "APC": r"APCs?|armou?red personnel carriers?",
    "IFV": r"IFVs?|infantry fighting vehicles?",
    "BMP": r"BMPs?(?:-\d)?",
    "BTR": r"BTRs?(?:-\d+)?",
    "armoured vehicle": r"armou?red (?:military )?vehicles?",
    "military vehicle": r"military vehicles?",
    "pickup truck": r"pick-?up(?: truck)?s?|technicals",
    "truck": r"(?:military |army )?trucks?(?! bomb)",
    "drone": r"drones?|UAVs?",
    "helicopter": r"helicopters?|gunships?",
    "aircraft": r"warplanes?|fighter jets?|jets?|aircraft|bombers?",
    "boat": r"boats?|vessels?|ships?",
    "artillery piece": r"artillery pieces?|howitzers?|guns? emplacements?",
    "rocket launcher": r"rocket launchers?|MLRS|Grads?",
}
_VEHICLE_KINDS = "|".join(f"(?P<v{i}>{p})" for i, p in enumerate(_VEHICLES.values()))
_VEHICLE_RE = re.compile(
    rf"\b(?P<n>{NUMBER})\s+(?:(?:US|U\.S\.|[A-Z][a-z]+|military|army|armou?red|armed|heavy|light|enemy"
    rf"|more|other|machine[- ]gun|turret[- ]equipped|Russian[- ]made"
    rf"|American[- ]made)[,]?\s+){{0,3}}?(?P<kind>{_VEHICLE_KINDS})\b",
    re.IGNORECASE,
)
_VEHICLE_NAMES = list(_VEHICLES)
# A stem of every kind above, read in the lower-cased sentence: most sentences name no vehicle and
# are not read for counts.
_VEHICLE_STEMS = re.compile(
    r"mrap|mine|humvee|hmmwv|tank|apc|armou?red|ifv|infantry|bmp|btr|military|pick|technical|truck|drone"
    r"|uav|helicopter|gunship|plane|jet|aircraft|bomber|boat|vessel|ship|artiller|howitzer|gun|launcher"
    r"|mlrs|grad"
)


def find_vehicles(sentence: str) -> dict[str, int]:
    """Counted vehicles and equipment: "five US MRAPs", "three MRAPs and a Humvee"."""
    counts: dict[str, int] = {}
    lower = cue_text(sentence)
    if not _VEHICLE_STEMS.search(lower):
        return counts
    for match in matches(_VEHICLE_RE, sentence, lower):
        value = parse_number(match.group("n"))
        if not value:
            continue
        kind = next(_VEHICLE_NAMES[i] for i in range(len(_VEHICLE_NAMES)) if match.group(f"v{i}"))
        counts[kind] = counts.get(kind, 0) + value
    return counts
