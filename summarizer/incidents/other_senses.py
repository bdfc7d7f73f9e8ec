"""Event words used in another sense: figures of speech, names of works, terms quoted, examples.

News outside conflict borrows the words of violence: a "price war", a "battle for the
leadership", an "attack on the policy", a singer who "shot to fame", a website "bombarded with
requests", a film that "bombed", a player who "blew up" at the finish, "rocket science", a "rally
school", a protest "lodged" with a referee. Other words name no event of their own: a title
("The Shooting Season"), a term someone is quoted as using ("labelled the marchers 'rioters'"), an
example ("attacks like the bombing of ..."), a past event named by its year ("the 2003
shooting"), what an inquiry or a film is about. ``other_sense`` tells whether the event cue
matched in a sentence is one of these; each test reads a bounded window around the cue.
"""

from __future__ import annotations

import re
from typing import Literal

__all__ = ["Sense", "other_sense"]

# "other": another sense whatever the sentence says; "figure": unless it states harm or a weapon.
Sense = Literal["other", "figure"]

# How much text before and after a cue the tests read.
_BEFORE = 70
_AFTER = 70

# Words after the cue that give it another sense (read from the cue's start).
_AFTER_CUE = re.compile(
    # "bombarded with requests", "bombarded it with data" (not with shells, nor by the army)
    r"bombard\w*\s+(?:\w+\s+)?(?:with|by)\s+(?!(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}?(?:shells?|artillery|rockets?"
    r"|missiles?|mortars?|bombs?|fire|gunfire|guns|howitzers|troops|forces|army|military|warplanes|jets"
    r"|drones?|aircraft|militants|rebels|insurgents)\b)(?-i:[a-z])"
    # "rocket science", "rocket work", "rocket launchers" stay weapons
    r"|rockets?\s+(?:science|scientists?|work|engineers?|engineering|programm?es?|technology|fuel|motors?"
    r"|ships?|boosters?|engines?|industry|compan(?:y|ies)|firms?|makers?|salad|league|man)\b"
    # motor sport: "rally school", "rally drivers"
    r"|rall(?:y|ies|ying)\s+(?:school|drivers?|cars?|championships?|racing|stages?|teams?|raid|events?)\b"
    # "shot to fame", "shot hoops", "shares shot up"
    r"|shot\s+(?:\w+\s+)?(?:hoops|baskets?|goals?|pool|a round|par|birdies?)\b"
    r"|shot\s+(?:to\s+(?:fame|prominence|stardom|the top|number|the summit|celebrity)|into the lead"
    r"|up\s+(?:by|to|from|\d))"
    r"|shot down\s+(?:the |his |her |their |a |an )?(?:\w+ )?(?:proposals?|ideas?|plans?|bill|motion"
    r"|suggestions?|claims?|rumou?rs?|bid|amendments?)\b"
    # "raided the fridge", "raided the toy box", investors who "raided the shares" of a firm
    r"|raided\s+(?:the |a |his |her |their |its )?(?:[\w-]+\s+)?(?:box|fridge|wardrobe|coffers|piggy bank"
    r"|funds?|budget|reserves|kitty|archives?|larder|cupboard|pension (?:funds?|pots?)|savings"
    r"|bank account|shares|stocks)\b"
    # the markets: "attacked the pound", "raided Greek bonds", "stormed the transfer market"
    r"|(?:raid|attack|storm|assault|hammer|target)\w*\s+(?:the |a |an |its |their |his |her )?"
    r"(?:[\w-]+\s+){0,2}?"
    r"(?:bonds?|currenc(?:y|ies)|shares|stocks|equities|securities|gilts|treasuries|futures|transfer market"
    r"|(?<=the )(?:pound|dollar|euro|yen|lira|rouble|ruble|rupee|peso|rand|franc|krona|yuan|won|real|naira"
    r"|shilling|cedi|baht|ringgit|dinar|riyal|dirham))\b"
    # "killed the deal", "killed off hopes of a deal", "killing the bill": the abstract noun ends the
    # phrase (not "killed a deal broker", "killed two rally-goers"), and no count comes before it
    r"|kill(?:ed|s|ing)?\s+(?:off\s+)?(?:the |a |an |its |their |his |her |any )?"
    r"(?:(?!(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|scores|several|many|some)\b)"
    r"[\w-]+\s+)?(?:deal|merger"
    r"|takeover|bid|bill|motion|plans?|proposals?|projects?|schemes?|reforms?|talks|hopes?|chances?"
    r"|momentum|idea|story|debate|rumou?rs?|mood|buzz|joke|conversation|competition|rally)\b(?!-)"
    r"(?!\s+(?:staff|workers?|brokers?|organi[sz]ers?|leaders?|members?|officials?|managers?|participants?"
    r"|supporters?|volunteers?|drivers?|guards?|employees?|teams?|crews?|chiefs?|engineers?|contractors?"
    r"|activists?|delegates?|negotiators?|coordinators?|spokes\w+)\b)"
    # fighting poverty, a battle for the leadership, fighting the ban, fighting for his life
    r"|(?:fight(?:s|ing)?|fought|battl(?:e|es|ed|ing))\s+(?:against\s+|for\s+|over\s+|with\s+)?"
    r"(?:the\s+)?(?:poverty|crime|corruption|inflation|cancer|disease|obesity|fires?|flames|blazes?"
    r"|bushfires?|wildfires?|climate change|fraud|piracy|spam|viruses|unemployment|hunger|racism"
    r"|discrimination|illness|addiction|infections?|taxe?s|charges?|allegations?|legislation|bill|ban"
    r"|decision|ruling|case|extradition|deportation|relegation|title|championship|leadership|nomination"
    r"|presidency|custody|seats?|votes?|ratings|market share|customers|sales|contracts?|rights|prize"
    r"|trophy|cup|medals?|injury|injuries|fitness|(?:his|her|their) (?:case|corner|life|lives|place)"
    r"|control of (?:the )?(?:company|firm|board|group|club|party|airline|bank))\b"
    # protesters named as a group, not acting: "did not meet the protesters' demands"
    r"|protest(?:er|or)s['’]"
    # showing something: "a demonstration of how the software works"
    r"|demonstrations?\s+of\s+(?:how|what|why|(?:its|his|her|their|our|the|this) (?:\w+ )?(?:power|strength"
    r"|skills?|might|ability|commitment|resolve|capabilit\w+|technology|products?|software|system|unity))\b"
    # the game genre: "RPGs are the best-selling games"
    r"|(?-i:RPGs?)\s+(?:are|is|games?|fans|players|genre|series|titles?)\b"
    # sport: "a shot past the goalkeeper", "fired against the post", "attacked from the start"
    r"|shot\s+(?:\w+\s+)?(?:past|wide|over the bar|at goal|on goal|on target"
    r"|into the (?:\w+ )?(?:net|corner))"
    r"|(?:fired|shot)\s+(?:\w+\s+)?(?:against|at|onto|off)\s+the\s+(?:post|crossbar|bar|woodwork|upright)\b"
    r"|attack(?:ed|ing)\s+(?:from the (?:start|off|first whistle|kick-off)"
    r"|down the (?:left|right|flanks?|wings?)|in numbers|at will|relentlessly)"
    # business: "under siege from investors"
    r"|sieges?\s+(?:from|by)\s+(?:\w+\s+)?(?:investors|critics|shareholders|fans|reporters|journalists|media"
    r"|the press|photographers|customers|shoppers|tourists|requests|calls|complaints)\b",
    re.IGNORECASE,
)

# Words after the cue that give it another sense unless the sentence states harm or a weapon (read
# from the cue's start): "shot the film" but "shot a film crew", "attacked by rivals" but "attacked by
# rivals with machetes and died".
_FIGURE_AFTER_CUE = re.compile(
    # filming: "shot the film", "shot two videos" (not "shot a video journalist", "shot two film crew")
    r"shot\s+(?:\w+\s+)?(?:films?|videos?|footage|scenes?|photos?|photographs?|pictures?|episodes?|movies?"
    r"|documentar(?:y|ies)|adverts?|commercials?)\b(?!\s+(?:\w+\s+)?(?:crews?|journalists?|makers?|reporters?"
    r"|producers?|directors?|editors?|students?|staff|teams?|workers?|camera(?:man|men|woman|women)|stars?"
    r"|actors?|actress(?:es)?|critics?|fans?)\b)"
    # "the coach blew up at the referee", "the old kettle blew up": a person or a thing with no explosive
    r"|(?<!bomb )(?<!bombs )(?<!bomber )(?<!device )(?<!devices )(?<!explosives )(?<!mine )(?<!charge )"
    r"(?<!grenade )(?<!shell )(?<!IED )(?<!car )(?<!vehicle )(?<!truck )(?<!tanker )(?<!depot )(?<!bus )"
    r"blew up(?=\s*(?:[.,;:!?'\"’”)]|$|and\b|in the end\b|at (?:the|him|her|them|me)\b|when\b|over\b"
    r"|during\b))"
    # "the film bombed", "the team bombed out" (not "was bombed")
    r"|(?<!was )(?<!were )(?<!been )(?<!being )(?<!be )(?<!is )(?<!are )(?<!ly )"
    r"bombed(?=\s*(?:[.,;:!?'\"’”]|$|at the box office\b|with (?:critics|audiences|viewers)\b|out\b))"
    # a campaign's gains: "took over about a third of the country"
    r"|(?:took over|seized|captured|controlled|overran|(?:seized|took) control of)\s+"
    r"(?:about |around |nearly |almost |more than |over |roughly )?"
    r"(?:(?:a|one|two) (?:third|quarter|half|fifth)|(?:much|most|large parts|swathes|swaths|parts|half) of)\b"
    # a campaign against a named enemy: "allied with them in fighting ISIS" (not "in fighting X near Y")
    r"|(?<=\bin )fighting\s+(?:against\s+)?(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|January|February|March|April|May|June|July|August|September|October|November|December)\b)"
    r"(?-i:[A-Z])(?![^.;]{0,60}?\b(?:near|outside|around|(?:north|south|east|west)(?:-?(?:east|west))? of"
    r"|in the (?:town|city|village|district|province|region|area) of)\b)"
    # politics: "was attacked by backbenchers", "clashed over trade", "a clash between ministers over tax"
    r"|attacked by (?:\w+ ){0,2}?(?:critics|backbenchers|opponents|rivals|MPs|campaigners|commentators"
    r"|newspapers|the press|colleagues|ministers|senators|lawmakers|economists|analysts|unions)\b"
    r"|clash(?:ed|es)? (?:between [^.;,]{1,60}? )?over (?:\w+ ){0,2}?(?:trade|polic(?:y|ies)|budgets?"
    r"|tax(?:es)?|immigration|reforms?"
    r"|spending|the economy|strategy|plans?|leadership|rules?|pay|pensions|the bill|the deal|climate)\b"
    # attacks on policies or computers
    r"|attack(?:s|ed)?\s+(?:on\s+|against\s+)?(?:the\s+|its\s+|his\s+|her\s+|their\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:policy"
    r"|policies|plans?|decision|record|budget|proposals?|bill|reforms?|remarks|comments|claims?|ideas?"
    r"|strategy|manifesto|stance|views|handling|approach|critics|tax(?:es|ation)?|spending|scheme|deal|law"
    r"|legislation|ruling|report|websites?|servers?|networks?|computers?|systems?|software)\b"
    # ... but not people or buildings so named: "attacked tax collectors", "attacked the budget office"
    r"(?!\s+(?:collectors?|officials?|officers?|offices?|inspectors?|agents?|staff|workers?|teams?|buildings?"
    r"|headquarters|centres?|centers?|engineers?|administrators?))",
    re.IGNORECASE,
)

# Words before the cue, and the cue, that give it another sense (read up to the cue's end), written
# in lower case to be read in the lower-cased sentence: a pattern without case folding is tried only
# where its first letters are, several times faster.
_BEFORE_CUE = re.compile(
    r"(?:"
    # a price war, a legal battle, a war of words is no war; a verbal attack, a cyber attack, a heart attack
    r"\b(?:legal|court|courtroom|takeover|bidding|price|pricing|political|leadership|boardroom|custody"
    r"|ratings|pr|public relations|uphill|trade|tariff|turf|format|browser|console|culture|title"
    r"|relegation|ideological|bureaucratic)[- ](?:battles?|wars?|fight(?:s|ing)?|fighting|clash(?:es)?)"
    r"|\b(?:verbal|personal|scathing|stinging|blistering|withering|outspoken|cyber|online|computer|net"
    r"|internet|denial[- ]of[- ]service|ddos|hack(?:er|ing)|virus|worm|phishing|malware|spam|heart|asthma"
    r"|panic|anxiety|shark|dog)[- ]attacks?"
    # fighting as a share of a war: "the Kurds did most of the fighting"
    r"|\b(?:do|did|does|doing|done) (?:\w+ ){0,3}?fighting"
    # allegations listed: "other allegations included the shooting of"
    r"|\ballegations? (?:\w+ ){0,3}?(?:included|include|including) (?:[\w'’-]+ ){0,6}[\w-]+"
    # mines lying in the ground: "removing the thousands of landmines along the old frontier"
    r"|\b(?:numbers?|thousands|millions|hundreds|fields?|clearance|clearing|removal|removing|legacy) of"
    r" (?:\w+ )?(?:land ?mines?|mines)"
    # a protest named as the cause of a resignation or a loss: "lost the contract after mass protests"
    r"|\b(?:resign\w*|quit|stepped down|step down|lost|scrapp\w+|dropp\w+|abandon\w*|shelved)\b[^.;]{0,80}?"
    r"\b(?:after|following|amid|in the wake of|because of|due to) (?:the |weeks of |months of |days of )?"
    r"(?:\w+ )?(?:protests|demonstrations|riots|unrest)"
    # a list of what a game or an army has: "the hero's arsenal includes a harpoon, rockets"; a game's name
    r"|\b(?:weapons|arsenal|armou?ry|equipment) (?:\w+ )?(?:include|includes|range from|such as)"
    r"\s+(?:[\w-]+,?\s+){0,8}[\w-]+"
    r"|\b(?:role-playing|computer|video|online|board) games? \(?[\w-]+"
    # the game genre named beside a game: "online RPGs", "the game Starfall, an RPG"
    r"|\b(?:online|multiplayer|fantasy|console|mobile|tabletop) rpgs?"
    r"|\bgames? (?:[\w'’-]+ ){0,3}?[\w'’-]+, an? (?:[\w-]+ )?rpgs?"
    # what is still to come: "the next round of arrests"
    r"|\bnext (?:round|wave|series|phase|stage) of [\w-]+"
    # computers attacked: "hackers attacked the servers"
    r"|\b(?:hackers?|cyber ?criminals|cyber-?attackers) (?:\w+ ){0,2}?"
    r"(?:attack\w*|targeted|hit|struck|raided)"
    # a past event as a time: "ten years after the massacre"
    r"|\b(?:\w+|\d+) (?:years|decades|months) (?:after|since|on from) (?:the )?[\w-]+"
    # attacks prevented or not tolerated are none: "measures to prevent attacks"
    r"|\b(?:prevent(?:s|ed|ing)?|avert(?:s|ed|ing)?|deter(?:s|red|ring)?|tolerate|combat(?:s|ing)?"
    r"|tackl(?:e|es|ed|ing)) (?:\w+ ){0,2}?(?:attacks?"
    r"|violence|bombings?|killings?|shootings?|riots?)"
    # the markets' own people, acting: "speculators attacked the lira", "hedge funds raided bonds"
    r"|\b(?:hedge funds?|speculators|investors|short[- ]sellers|bond traders|currency traders|bulls"
    r"|fund managers) (?:(?!(?:was|were|been|being|is|are|got|get|be)\b)\w+ ){0,2}?"
    r"(?:raid|attack|storm|assault|hammer|target)\w*"
    # a work or a product that failed: "the sequel bombed in Paris", "the album bombed"
    r"|\b(?:films?|movies?|musicals?|plays?|shows?|sequels?|prequels?|remakes?|albums?|singles?|series"
    r"|comed(?:y|ies)|dramas?|sitcoms?|operas?|ballets?|concerts?|podcasts?|novels?|books?|products?|apps?"
    r"|flotations?|ipos?)(?: (?!(?:was|were|been|being|is|are|be|had|has|have)\b)\w+)? bombed"
    # a late rally in a match, shares that rallied, a killing made on the markets
    r"|\b(?:late|comeback|second-half|fightback|market|stock|share|relief|year-end)[- ]rall(?:y|ies)"
    r"|\b(?:shares|stocks|markets?|prices|the dollar|the pound|the euro|the yen|index|bonds) (?:\w+ )?rall\w+"
    r"|\b(?:made|make|makes|making) a killing"
    # shells that are not fired: "go into their shells", "spent shells", "egg shells"
    r"|\b(?:(?:into|in|out of|from) (?:their|his|her|its|our|my|your)|spent|egg|sea|nut|snail|turtle|crab"
    r"|pastry)[- ]shells?"
    # "lodged a formal protest" with a referee or an embassy; "resigned in protest"
    r"|\b(?:lodg|fil|register|submitt|issu|deliver)\w* (?:an? |their |his |her |its )?(?:formal |official "
    r"|diplomatic |strong |written )?protests?"
    r"|\b(?:resign\w*|quit|walk(?:ed|s)? out|stormed out|boycott\w*|abstain\w*|stepped down) (?:\w+ ){0,4}"
    r"in protest"
    # a term quoted: "what the minister called 'an ambush'", "so-called attacks"
    r"|\b(?:called|calling|dubbed|labell?ed|branded|described (?:\w+ )?as|termed|referred to as)"
    r"\s+(?:\w+\s+)?[\"“‘'](?:[\w-]+\s+){0,2}[\w-]+|\bso-called (?:[\w-]+\s+){0,2}[\w-]+"
    # an example: "attacks like the Madrid bombing", "incidents such as last week's shooting"
    r"|\b(?:attacks|incidents|events|atrocities|tragedies|outrages|crimes|violence|those) (?:such as|like)"
    r" (?:the )?(?:[\w'’-]+ ){0,4}[\w-]+"
    # what an inquiry, a film or a book is about
    r"|\b(?:inquiry|inquiries|inquest|probe|documentary|film|movie|book|novel|memoir|study|exhibition|play"
    r"|ballet|opera|musical|poem|painting|podcast|song|album|video game|game)"
    r" (?:\w+ ){0,3}?(?:into|on|about|of|over|depicting|portraying)\s+(?:the\s+"
    r"|a\s+|an\s+)?(?:[\w'’-]+\s+){0,4}[\w-]+"
    r")$"
)
# What an audience saw, read as _BEFORE_CUE, is on a screen or a stage when the sentence names a show
# ("in the finale, nine million viewers saw the innkeeper shot"; not viewers who saw a shooting live).
_AUDIENCE_SAW = re.compile(
    r"\b(?:viewers|audiences?|theatregoers|cinemagoers|millions|(?:\d+(?:\.\d+)? |\w+ )million)"
    r" (?:\w+ )?(?:saw|watched|see|watch) (?:[\w'’-]+ ){0,4}?(?:shot|stabbed|killed|murdered|attacked"
    r"|kidnapped|abducted|bombed)(?: dead| to death)? ?$"
)
_FICTION = re.compile(
    r"\b(?:shows?(?! (?:that|how|what|the|him|her|them|a|an)\b)|episodes?|films?|characters?|soaps?|series"
    r"|dramas?|sitcoms?|serials?|finale|(?<!at the )(?<!the crime )scenes?)\b"
)
# Words before the cue, and the cue, that give it another sense unless the sentence states harm or
# a weapon, read as _BEFORE_CUE: people of politics, business or criticism clashing or attacking ("the
# two premiers clashed", "critics attacked the design").
_FIGURE_BEFORE_CUE = re.compile(
    r"\b(?:leaders|premiers?|ministers?|mps|politicians|candidates|lawmakers|legislators|senators|backbenchers"
    r"|chancellors?|presidents|prime ministers|governors|mayors|economists|executives|shareholders|bosses"
    r"|critics|commentators|reviewers|columnists|opponents)"
    r" (?:\w+ ){0,2}?(?:clash(?:ed|es)?|attack(?:ed|s))$"
)
# A fight or an exchange of (not gun-) fire told of a debate, a budget or a vote: figurative unless the
# sentence states harm or a weapon ("the candidates exchanged heavy fire in a televised debate").
_FIGHT_CUE = re.compile(r"exchang(?:ed|ing) (?:\w+ )?fire\b|fight|clash|battle", re.IGNORECASE)
_ARENA = re.compile(
    r"\b(?:debates?|parliament\w*|budgets?|elections?|campaign|votes?|ballots?|talk shows?|interviews?"
    r"|televised|press conferences?|hearings?|boardroom|negotiations?|committee|funding|contracts?)\b"
)
# An animal as the agent right before the cue ("wolves attacked sheep", "a bear raided homes").
_ANIMAL_BEFORE = re.compile(
    r"\b(?:wolf|wolves|bears?|dogs?|lions?|lionesses|tigers?|leopards?|elephants?|crocodiles?|alligators?"
    r"|sharks?|snakes?|hyenas?|bees|wasps|hornets|monkeys|baboons|boars?|pumas?|cougars?|jaguars?|foxes"
    r"|rats|locusts)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# A past event named by its year: "the deadly 1979 stabbing" (the year found first: it is rare).
_YEAR_BEFORE = re.compile(r"\b(?:1[89]|20)\d\d (?:[\w-]+ )?[\w-]+$")
_NAMING_YEAR = re.compile(r"\b(?:the|a|an|its|his|her|their|this|that) (?:\w+ )?$", re.IGNORECASE)

# Police searching premises ("police raided a file-sharing site"): a search, not an attack.
_POLICE_BEFORE = re.compile(
    r"\b(?:police|officers|investigators|inspectors|agents|authorities|officials|regulators?|detectives)"
    r"\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_PREMISES_RAIDED = re.compile(
    r"raided\s+(?:the |a |an |its |their )?(?:[\w-]+ ){0,3}?(?:site|website|offices?|premises|compan\w+"
    r"|firms?|shops?|stores?|factor(?:y|ies)|warehouses?|servers?|brothels?|clubs?|bars?|restaurants?)\b",
    re.IGNORECASE,
)

# A name: a capitalised cue after "The" in the middle of a sentence ("beat The Shooting Season"), or
# after what names it ("the band Explosion", "a film titled Killing Time").
_NAMED = re.compile(
    r"(?:\S\s+The|\b(?i:band|film|movie|song|album|single|ship|vessel|horse|show|series|novel|play|game"
    r"|codenamed|titled|entitled|named|called|dubbed)(?: [A-Z][\w'’-]*){0,3})\s+$"
)


def other_sense(sentence: str, lower: str, start: int, end: int) -> Sense | None:
    """How the cue at ``sentence[start:end]`` is used when not of a violent event: ``"other"`` whatever
    the sentence says, ``"figure"`` unless it also states harm or a weapon; None when of an event.

    ``lower`` is the sentence's ``cue_text`` (lower-cased, its positions kept).
    """
    window = max(0, start - _BEFORE)
    if _AFTER_CUE.match(sentence, start, end + _AFTER) or _BEFORE_CUE.search(lower, window, end):
        return "other"
    if _ANIMAL_BEFORE.search(sentence, window, start):
        return "other"
    if _AUDIENCE_SAW.search(lower, window, end) and _FICTION.search(lower):
        return "other"
    year = _YEAR_BEFORE.search(sentence, window, end)
    if year is not None and _NAMING_YEAR.search(sentence, window, year.start()):
        return "other"
    if _PREMISES_RAIDED.match(sentence, start, end + _AFTER):
        return "other" if _POLICE_BEFORE.search(sentence, window, start) is not None else None
    if sentence[start : start + 1].isupper() and _NAMED.search(sentence, window, start) is not None:
        return "other"
    figure = _FIGURE_AFTER_CUE.match(sentence, start, end + _AFTER) or _FIGURE_BEFORE_CUE.search(
        lower, window, end
    )
    fight = _FIGHT_CUE.match(sentence, start, end) is not None
    arena = fight and _ARENA.search(lower, window, end + _AFTER) is not None
    return "figure" if figure or arena else None
