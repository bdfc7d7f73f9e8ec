"""What happened: ACLED event types and sub-event types, and the sentences that are not events.

``classify`` maps the words of one sentence to ACLED's fixed lists (Battles, Explosions/Remote
violence, Violence against civilians, Protests, Riots, Strategic developments) with a rank: the
more specific the weapon or act, the higher. ``not_an_event`` recognises habitual statements
("regularly confront"), legal proceedings (court-martial, trials), opinion and hypotheticals,
which are reported without being incidents.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from summarizer.incidents.counts import HARM
from summarizer.incidents.cues import candidates, cue_text, first, may_match, read
from summarizer.incidents.other_senses import other_sense
from summarizer.incidents.protests import CROWD_ACTS, PROTEST_ACTS, PROTEST_CUES
from summarizer.incidents.strategic import CONFLICT_SETTING, STRATEGIC_CUES

__all__ = [
    "CIVILIAN_TARGET",
    "COMMUNITIES_FIGHTING",
    "EVENT_TYPES",
    "FOUND_DEAD",
    "PROPERTY_TARGET",
    "Classification",
    "attack_target",
    "classify",
    "crowd_attacked",
    "crowd_fought",
    "is_reference",
    "mentions_arrest",
    "mentions_body_found",
    "mentions_protest",
    "names_armed_side",
    "not_an_event",
    "states_demand",
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


# A crowd making a demand in public (ACLED's peaceful protest): a march, a sit-in, a strike, a road
# blocked, a crowd gathered before an office or to demand something. A candidate's campaign rally
# ("spoke at a rally") is not one.
_PEACEFUL_PROTEST = (
    r"protest(?:s|ed|ers|ing)?|demonstrat(?:ion|ions|ors)"
    r"|demonstrat(?:ed|ing)(?! (?:a|an|the|how|that|its|his|her|their)\b)"
    r"|(?<!campaign )(?<!election )(?<!electoral )(?<!political )(?<!in a )(?<!at a )rall(?:y|ies|ied)"
    r"|(?-i:march)(?:ed|es)? (?:to|through|in|on)|sit-in|strike action|took to the streets"
    r"|came out (?:on|onto|into) the (?:roads|streets)"
    r"|(?:went|were|are|is|go|going) on (?:a )?(?:hunger )?strike"
    r"|hunger strike|picket(?:ed|ing|s)?|chant(?:ed|ing) (?:\w+ )?slogans"
    # South Asian news's words for a sit-in, a shutdown, an encirclement of an official
    r"|dharnas?|bandhs?|hartals?|gheraos?|gheraoed"
    r"|(?:gathered|assembled|congregated)\b[^.;]{0,160}\b(?:to (?:protest|denounce|reject|ask|call|express"
    r"|press|voice|draw attention)|demand\w*|complain\w*|in (?:support|solidarity) (?:of|with))"
    r"|(?:gathered|assembled|congregated) (?:in front of|outside)"
    r"|(?:did|held|staged|organi[sz]ed) an? (?:\w+ )?(?:motorcade|caravan|vigil|march)"
    r"|blocked (?:the |a )?(?:\w+ ){0,2}(?:roads?|highways?|streets?|rails|train tracks|railway|entrance"
    r"|bridge)"
    rf"|{PROTEST_ACTS}"
)


# What communities do to each other in "clan clashes", "communal violence", "an inter-tribal feud".
COMMUNITIES_FIGHTING = r"(?:violence|fighting|clash(?:es)?|feuds?|disputes?)"

# Stones and the like thrown at people: what an unarmed crowd fights with ("stone-pelting").
_STONES_THROWN = (
    r"(?:threw|throwing|hurled|hurling|pelted|pelting) (?:\w+ ){0,3}?(?:stones|rocks|bricks|bottles)"
    r"|stone[- ](?:pelting|throwing)"
    # a crowd answering force with them: "the crowd hit back with bottles"
    r"|(?:responded|retaliated|fought back|hit back|replied) with (?:\w+ ){0,2}?(?:stones|rocks|bricks"
    r"|bottles|projectiles)"
)

# What a crowd does that makes its demonstration violent: a riot, fires, barricades, stones, vandalism.
_VIOLENT_CROWD_ACTS = (
    r"(?<!anti-)riot(?:s|ing|ed|ers)?(?! police| gear| squad| control| units?)"
    r"|violent (?:protest\w*|demonstrat\w+|marches|rall(?:y|ies))"
    r"|(?:burn(?:ed|t|ing)|set fire to|set alight|torched|lit|lighting) (?:\w+ ){0,2}?(?:tires|tyres"
    r"|objects|mattresses|effigies|effigy|debris|garbage|rubbish|trash|branches|wood)"
    r"|(?:tires|tyres|branches|debris|garbage|rubbish|mattresses) (?:\w+ ){0,2}?(?:on fire|ablaze|alight)"
    # barricades put up (not people who "barricaded themselves" in a building: a sit-in)
    r"|barricad(?:ed|es|ing)(?! (?:themselves|himself|herself)\b)"
    rf"|pelted|{_STONES_THROWN}|vandali[sz]\w*|burning (?:tires|tyres)"
    # a protest that became a riot; property a protest's crowd wrecked
    r"|(?:protests?|demonstrations?|march(?:es)?|rall(?:y|ies)|sit-ins?|gatherings?)"
    r" (?:[\w,'’-]+ ){0,12}?turned (?:violent|into a riot|ugly)"
    # (not what protesters said someone else did: "protesters said troops destroyed their tents")
    r"|(?:demonstrators|protesters|protestors) (?:(?!(?:said|say|says|accused|claimed|alleged|told|police"
    r"|soldiers|troops|forces|officers|army|militias?|gunmen|they|he|she)\b)\w+ ){0,2}?"
    r"(?:destroyed|damaged|smashed|wrecked)"
)

# The words a report uses for unnamed armed attackers ("gunmen", "unknown assailants", "suspected
# militants", "armed men"): one class for every cue that names who acted.
_ASSAILANTS = (
    r"(?:militants|gunmen|armed (?:men|individuals|elements)|hitmen|assassins|assailants|attackers|rebels"
    r"|insurgents|jihadists|extremists|fighters|militia\w*|bandits)"
)

# The outcome of a body found with no sign of a killing: an incident only on a date stated in full
# (see ``grouping``).
FOUND_DEAD = "found dead"
# A person's body found: "the bodies of two men were discovered", "human remains were recovered"
# (remains only of people: not "the remains of a mammoth").
_BODY_FOUND = (
    r"(?:bod(?:y|ies)|corpses?|human remains|remains of (?:\w+ ){0,3}?(?:m[ae]n|wom[ae]n|boys?|girls?"
    r"|child(?:ren)?|persons?|people|victims?|teenagers?|civilians?|soldiers?|migrants?))"
    r" (?:\w+ ){0,8}?(?:was|were) (?:found|discovered|recovered)"
)
# People out in the mountains or the water, whose death found with no sign of a killing is misadventure.
_OUTDOORS = r"(?:climbers?|mountaineers?|hikers?|trekkers?|skiers?|swimmers?|divers?|kayakers?|cavers?)"

# Whom blows are dealt to: a person, not a ribbon or a sensor tied to a tree.
_VICTIM = (
    r"(?:him|her|them|(?:the |an? |two |three |\d+ )?(?:\w+ )?(?:m[ae]n|wom[ae]n|boys?|girls?|youths?|people"
    r"|persons?|residents|villagers|suspects?|thie(?:f|ves)|traders|civilians|journalists?|reporters?"
    r"|workers|students|protesters|activists?|officials?|officers?|doctors?|nurses?|victims?))"
)

# Unarmed people named as whom an act was done to.
_CIVILIANS = (
    r"(?:civilians?|residents?|villagers?|m[ae]n|wom[ae]n|child(?:ren)?|boys?|girls?|youths?|people|persons?"
    r"|farmers?|herders?|shepherds?|traders?|vendors?|workers?|labou?rers?|students?|teachers?|passengers?"
    r"|worshippers?|fishermen|journalists?|famil(?:y|ies)|community|passers-by|pedestrians?|motorists?"
    r"|drivers?|travell?ers?)"
)

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
        r"suicide (?:bomb(?:er|ing)?s?|attack(?:er)?s?|car bomb|vests?|belts?|blast)"
        r"|explosive (?:vests?|belts?)|blew (?:himself|herself|themselves) up|self-detonat\w*"
        # a vehicle bomb driven into its target has a driver who dies with it
        r"|(?:car|truck|lorry|van|vehicle)[- ]bombs? (?:\w+ ){0,4}?(?:rammed|driven) into",
        EXPLOSIONS,
        "Suicide bomb",
        9,
        None,
    ),
    (
        r"air[- ]?strikes?|air[- ]raids?|(?:drone|UAV) (?:strikes?|attacks?)|bombed by (?:jets|warplanes"
        r"|aircraft)|warplanes? (?:struck|bombed|hit|targeted)|aerial (?:bombardment|attack)|(?:jets"
        r"|warplanes|drones?|helicopters?|aircraft|gunships?|UAVs?|quadcopters?)"
        r"(?: of (?:unknown|unidentified) (?:affiliation|origin|identity))? (?:struck|bombed|hit"
        r"|targeted|fired|attacked|pounded|killed|killing|destroyed|wounded|crashed|exploded|exploding)"
        r"|(?:Israeli|Russian|Turkish|Saudi(?:-led)?|Emirati|Syrian|Iraqi|Iranian|Ukrainian|Pakistani|Egyptian"
        r"|Jordanian|Azerbaijani|Houthi|NATO|coalition|US|American) (?:air |drone )?strikes?"
        r" (?:on|in|hit|killed|targeted)|barrel bombs?|kamikaze drones?|Shahed"
        r"|with (?:\w+ )?drones|launched (?:[\w-]+ ){0,4}?(?:drones?|UAVs?)|(?:hit|struck|targeted"
        r"|destroyed) by (?:an? )?(?:\w+ )?drones?|(?:glide|guided|aerial|cluster) bombs?"
        # An air force or an army that "targeted" or "bombed" a place; bombs dropped from the air.
        r"|air ?forces? (?:\w+ ){0,2}?(?:targeted|bombed|struck|hit|attacked|pounded|raided)"
        r"|(?:forces|military|army|troops)(?: of (?:the )?\w+(?: \w+)?)? bombed"
        # (not flare bombs: lights dropped over a border, a show of force)
        r"|(?:bombs?|explosives) (?:was |were )?dropped|dropped (?:\w+ ){0,2}?(?<!flare )bombs?"
        # aircraft that "carried out strikes", "conducted raids", "launched sorties"
        r"|(?:jets|warplanes|aircraft|drones|helicopters|gunships|air ?forces?) (?:\w+ ){0,2}?(?:carried"
        r" out|conducted|launched|executed|staged) (?:\w+ ){0,3}?(?:strikes|raids|sorties|bombardments?)",
        EXPLOSIONS,
        "Air/drone strike",
        8,
        None,
    ),
    (
        r"(?<!water )(?<!water-)bombings?|packed with explosives|laden with explosives|blew up"
        r"|(?:roadside|car|truck|motorcycle)[- ]bombs?|IEDs?|VBIEDs?|improvised explosive devices?"
        r"|(?:explosives?|bomb)-(?:laden|packed|rigged)|unexploded (?:ordnance|\w+ shells?|mines?)|UXOs?"
        # Bombs or explosives planted, thrown or set off; a place "bombed" by someone on the ground.
        r"|bombs? (?:was |were )?(?:planted|placed|hidden|hurled|thrown|lobbed|went off|detonated)"
        r"|(?:planted|planting|placed|hurled|threw|lobbed|set off|detonated|detonating) (?:\w+ ){0,2}?"
        r"(?<!petrol )(?<!fire )(?:bombs?|explosives|explosive charges?)|bombed|explosive charges?"
        r"|(?:charges?|devices?) (?:\w+ )?(?:went off|detonated|exploded)"
        r"|landmines?|land mines?|mines? (?:blast|explosion)|(?:hit|struck|stepped on|ran over"
        r"|detonated) (?:a |an )?(?:\w+ )?mines?|explosive devices?|bomb (?:blast|explosion|exploded"
        r"|went off)|(?:sticky|magnetic|limpet) bombs?|booby[- ]trap\w*|bomb attack"
        # a bomb that harmed, in a report's past or a headline's present with its dead ("Bomb Kills 12 At
        # Market", "Bomb Explodes In Market"); not a figure of speech ("Vote Bomb Kills 3 Reform Bills",
        # "Bomb Kills Rally Chances", "Bomb Explodes At Box Office")
        r"|(?<!petrol )(?<!fire )bombs? (?:killed|killing|wounded|wounding|injured|injuring|ripped through"
        r"|(?:kills?|wounds?|injures?) (?=(?:at least |up to )?(?:\d[\d,]*|an?|one|two|three|four|five|six"
        r"|seven|eight|nine|ten|eleven|twelve|dozens|scores|several|many)\b(?: [\w-]+)?(?: [\w-]+)?"
        r" (?:people|persons|civilians|soldiers|troops|police\w*|officers|children|women|men|villagers"
        r"|worshippers|students|pupils|passengers|shoppers|pilgrims|guards|workers|others|in|at|near|on"
        r"|outside|inside)\b)"
        r"|(?:explodes|goes off) (?=in|near|outside|inside)\b|rips through)"
        r"|(?:attacked|targeted|struck|hit|destroyed|damaged) (?:[\w-]+ ){0,4}?with explosives",
        EXPLOSIONS,
        "Remote explosive/landmine/IED",
        7,
        None,
    ),
    (
        # (not the police's "tear gas shells")
        r"(?:(?<!tear gas )(?<!teargas )(?<!tear-gas )(?<!tear smoke )shell(?:ing|ed|s)|artillery"
        r"|mortar(?:s|ed)?|(?-i:rockets?)|missiles?"
        # (Grad the launcher, not the "Novi Grad" of a Balkan place name)
        r"|bombard(?:ed|ing|ments?)|(?-i:Grads\b|Grad(?=-type| (?i:rockets?|missiles?|launchers?|systems?"
        r"|multiple|MLRS)))|MLRS"
        r"|howitzers?|projectiles?|grenade launchers?|RPGs?|heavy machine ?guns?|anti-aircraft guns?"
        r"|(?:heavy|large-calibre|large-caliber) weapons|IFVs?)(?!\s+(?:and \w+ )?(?:manufacturers?|makers?"
        r"|producers?|factory|factories|exports?|sales|deals?|contracts?|launch(?:es|ed)? into))",
        EXPLOSIONS,
        "Shelling/artillery/missile attack",
        7,
        None,
    ),
    # Shells or rockets that landed somewhere, a place pounded by an army or its guns.
    (
        r"(?:shells?|rockets?|mortar (?:rounds?|shells?)|projectiles?) (?:\w+ ){0,2}?(?:landed|slammed into"
        r"|rained (?:down )?on)|(?:rockets?|mortars?|shells) fell (?:on|in|near|inside)|(?:army|forces|troops"
        r"|military|artillery|militants|rebels|insurgents) (?:\w+ ){0,3}?pounded",
        EXPLOSIONS,
        "Shelling/artillery/missile attack",
        7,
        None,
    ),
    (r"(?<!stun )(?<!smoke )(?<!flash )grenades?(?! launchers?)", EXPLOSIONS, "Grenade", 7, None),
    # An explosion with no device named: a weapon named in the sentence (listed above, so it wins a
    # tie of rank) says what exploded.
    # Explosions counted with no device named ("nine explosions shook the town", "a series of blasts"): the
    # rounds of artillery or mortars that an observer hears, not one bomb.
    (
        r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens|scores|hundreds|several|multiple|many"
        r"|numerous|a series of|a number of) (?:\w+ )?(?:explosions|blasts)",
        EXPLOSIONS,
        "Shelling/artillery/missile attack",
        7,
        None,
    ),
    # An explosion that hit or targeted something: an attack, not an accident's bang.
    (
        r"(?:explosions?|blasts?) (?:\w+ ){0,4}?(?:hit|struck|targeted|rocked|ripped through|tore through)",
        EXPLOSIONS,
        "Remote explosive/landmine/IED",
        7,
        None,
    ),
    (r"explosions?|exploded|blasts?", EXPLOSIONS, "Remote explosive/landmine/IED", 7, None),
    # Direct fire from both sides is a battle, whatever heavy weapons were also fired (ACLED codes
    # shelling alone as remote violence, an exchange involving small arms as an armed clash).
    (
        r"(?:small|light)(?: and (?:medium|heavy))? (?:arms|weapons)|in both directions|returned fire"
        r"|exchang(?:ed|ing) (?:(?:heavy|intense|sporadic|brief|fierce) )?(?:gun ?)?(?:fire|gunshots|gunfire"
        r"|bullets)"
        r"|exchang(?:ed|ing) (?:gun )?shots with"
        r"|exchanges? of (?:(?:heavy|intense|sporadic|brief|fierce) )?(?:gun ?)?(?:fire|shots|gunshots"
        r"|gunfire)"
        r"|trad(?:ed|ing) (?:gun ?)?fire"
        # (not forces firing "live fire" on a crowd, nor "fire hoses")
        r"|(?:responded|reacted|retaliated|replied|hit back) (?:\w+ )?with (?:(?!live\b)\w+ )?(?:gun ?fire"
        r"|fire(?!\s*(?:hoses?|engines?|trucks?|fighters?|extinguishers?)\b)|gunshots|shots|firing"
        r"|small arms)"
        r"|fired back|opened fire in (?:response|return)"
        # two sides named fighting each other, whatever heavy weapons they used
        r"|(?:clash(?:es)?|fighting|gun ?battles?|firefights?) (?:\w+ ){0,2}?between (?:the )?"
        r"(?:[\w-]+ ){0,3}?(?:forces|troops|army|military|militants|rebels|fighters|militias?|insurgents"
        r"|soldiers) and",
        BATTLES,
        "Armed clash",
        8,
        None,
    ),
    # An ambush laid for unarmed people is an attack on them, not a battle: "ambushed and killed four
    # youths", "while ambushing travellers".
    (
        r"ambush(?:ed|ing) (?:and (?:\w+ )?(?:killed|shot|attacked|robbed|abducted|kidnapped) )?"
        r"(?:an? |the |a group of |several |some |\d+ |two |three |four |five |six |seven |eight |nine"
        r" |ten )?"
        rf"(?:(?!(?:security|armed|army|police|vigilante|militia)\b)[\w-]+ )?{_CIVILIANS}\b",
        VIOLENCE,
        "Attack",
        7,
        None,
    ),
    (r"raped|rapes?|sexual(?:ly)? (?:violence|assault\w*|abuse\w*)", VIOLENCE, "Sexual violence", 8, None),
    (
        r"kidnap(?:p\w+|s)?|abduct\w+|(?:taken|held|seized|(?:took|taking) (?:\w+ ){0,3}?)hostages?"
        r"|hostage[- ]taking"
        # forced into a vehicle, taken away by armed men, made to disappear
        r"|(?:forced|bundled|dragged|pushed) (?:\w+ ){0,3}?into (?:an? |the |their |a waiting )?(?:\w+ )?"
        r"(?:cars?|vehicles?|vans?|trucks?|SUVs?|pick-?ups?)"
        rf"|(?:taken|led|whisked) away by (?:\w+ ){{0,2}}?(?:{_ASSAILANTS}|masked men|unknown men"
        r"|unidentified men)|(?:forcibly|forced) disappear\w*|enforced disappearances?"
        # a vehicle taken with the people in it (terrorism databases' "hijacking")
        r"|hijack(?:ed|ing) (?:an? |the )?(?:[\w-]+ ){0,2}?(?:bus|minibus|plane|aircraft|airliner|flight|ship"
        r"|vessel|boat|train|car|vehicle|truck|lorry)",
        VIOLENCE,
        "Abduction/forced disappearance",
        8,
        None,
    ),
    (
        r"(?:open(?:ed|s|ing)? fire|fired (?:live )?(?:ammunition|rounds|bullets)|shot(?: dead)?|killed"
        r"|killing|shoots? dead|kills?|fired(?=\s+(?:on|at|upon|into)\s))\s+(?:on\s+|at\s+|upon\s+|into\s+)?"
        r"(?:\w+\s+){0,3}?(?:protesters|protestors|demonstrators"
        r"|marchers)|(?:protesters|demonstrators) (?:were|was) (?:shot|killed)",
        PROTESTS,
        "Excessive force against protesters",
        8,
        None,
    ),
    (
        r"(?:dispersed|tear ?gas|water cannons?|rubber(?:-coated)?(?: metal| steel)? bullets|plastic bullets"
        r"|pellet guns?|(?:stun|smoke|flash) grenades"
        r"|baton charge\w*|arrested (?:\w+ )?(?:protesters|demonstrators))",
        PROTESTS,
        "Protest with intervention",
        4,
        "protest dispersed",
    ),
    (
        _VIOLENT_CROWD_ACTS,
        RIOTS,
        "Violent demonstration",
        5,
        None,
    ),
    (r"\bmob\b|(?-i:lynch\w*)|vigilante\w*", RIOTS, "Mob violence", 6, None),
    (_PEACEFUL_PROTEST, PROTESTS, "Peaceful protest", 3, None),
    (
        r"(?:regained|retook|recaptured|took back|liberated|regain(?:ed)? control)",
        BATTLES,
        "Government regains territory",
        6,
        "territory retaken",
    ),
    (
        # "captured" a place, a position or a named place (not a commander, fighters or prisoners)
        r"(?:overran|overrun|seized control of|took over|captured (?:the |a |an )?(?:\w+ )?(?:towns?"
        r"|villages?|city|cities|bases?|districts?|areas?|hills?|positions?|airport|capital|regions?|crossings?"
        r"|roads?|bridges?|camps?|outposts?|headquarters|(?-i:[A-Z]\w+)(?! (?:\w+ )?(?:commanders?|leaders?"
        r"|fighters|militants|members|soldiers|troops|men|suspects?|officers?)\b))"
        r"|(?:took|taken|gained) (?:full "
        r"|complete |total )?control (?:of|over)|seized (?:\w+ ){0,2}(?:town|village|city|base"
        r"|facilities|headquarters|buildings|positions|airport|district))",
        BATTLES,
        "Non-state actor overtakes territory",
        6,
        "territory captured",
    ),
    (
        r"clash(?:es|ed|ing)?|firefights?|gun ?battles?|gunfights?|fire ?fights?|exchanges? of fire"
        r"|repel(?:led|ling|s)?|repuls(?:ed|ing)|fended off|exchanged fire|shoot-?outs?|fighting|fought"
        r"|skirmish\w*"
        r"|battles?|ambush\w*|engaged in (?:\w+ )?combat|counter-?attack\w*|sieges?|besieged"
        r"|destroyed (?:\w+ ){0,3}(?:tanks?|armou?red vehicles|personnel carriers|positions|artillery)"
        rf"|neutrali[sz](?:ed|ing) (?:\w+ ){{0,3}}?(?:{_ASSAILANTS}|terrorists|members)",
        BATTLES,
        "Armed clash",
        6,
        None,
    ),
    (
        r"(?:attack(?:ed|s|ing)?|storm(?:ed|ing)(?! out\b)|raided|open(?:ed|s|ing)? fire"
        r"|shot (?:dead|and killed)?|gun(?:ned|ning) down"
        r"|killed|killing|massacre\w*|executed(?! (?:an? |(?:the|its|their|his|her) )(?:\w+ )?(?:plans?"
        r"|orders?|shutdown|strategy|warrants?|contracts?|programm?e?s?|trades?|transactions?|search\w*))"
        r"|behead(?:ed|ing)|hacked|stabb(?:ed|ing)|burned|torched|assault\w*|burn(?:ed|t) alive"
        r"|bludgeoned|riddled with bullets|sprayed (?:\w+ ){0,2}?with bullets"
        r"|murdered|slaughtered|shooting|gunmen|beat(?:en)? (?:up|to death)"
        r"|(?:severely|brutally|badly) beaten|beaten with|lynched|tortured"
        # wounds dealt with a blade, a blunt weapon or arrows: "macheted", "hit him with an iron bar"
        r"|macheted|knifed|strangled|(?:struck|hit|injured|wounded|cut|attacked) (?:\w+ ){0,3}?with (?:an? )?"
        r"(?:machetes?|knives|knife|axes?|sticks|rods|iron bars|hammers?|stones|bricks|clubs|spears?|arrows)"
        # a vehicle driven into people; limbs cut off
        r"|(?:rammed|drove|driven|ploughed|plowed) (?:\w+ ){0,3}?(?:car|vehicle|truck|lorry|van|SUV)s?"
        r" (?:\w+ )?into (?:\w+ ){0,3}?(?:crowds?|people|pedestrians|protesters|worshippers|shoppers"
        r"|demonstrators)"
        r"|(?:cut|chopped|hacked) off (?:his|her|their|the) (?:hands?|ears?|fingers?|limbs?|noses?|legs?"
        r"|arms?)"
        # blows told in other words: "roughed up", "set upon by", "tied to a tree", "stoned to death"
        r"|roughed (?:\w+ )?up|set upon by (?:an? )?(?:\w+ )?(?:group of \w+|gang|mob|crowd|men|youths"
        r"|assailants|attackers|gunmen|villagers|residents|soldiers|militiamen)"
        rf"|tied {_VICTIM} to (?:an? |the )?(?:tree|pole|post|lamppost|electric pole)"
        r"|(?:was|were) tied to (?:an? |the )?(?:tree|pole|post|lamppost|electric pole) and (?:beaten|flogged"
        r"|whipped|lashed|tortured|burned|set ablaze)"
        r"|stripped (?:\w+ )?naked|(?:hacked|clubbed|stoned|stabbed|burnt|burned) to death)",
        VIOLENCE,
        "Attack",
        4,
        None,
    ),
    # Attacks named by a verb the list above lacks: killings planned ("assassinated"), shots fired
    # at someone, a bullet that hit someone, incendiaries thrown, public humiliation as punishment.
    (
        r"assassinat\w+|fired (?:\w+ ){0,2}?(?:shots|bullets|rounds|gunshots)"
        r"|shots (?:were |was )?fired|(?:stray )?bullets? (?:hit|struck|injured|wounded|killed)"
        r"|(?:hit|struck|injured|wounded) by (?:an? )?(?:stray )?bullets?"
        r"|molotov cocktails?|petrol bombs?|fire[- ]?bomb\w*|acid attacks?"
        # acid, fuel or an unnamed liquid thrown or poured on someone
        r"|(?:threw|thrown|throwing|hurled|splashed|poured|doused) (?:\w+ ){0,3}?(?:acid|corrosive \w+|petrol"
        r"|gasoline|kerosene|an? (?:\w+ )?(?:liquid|substance)) (?:at|on|onto|over|against|in)\b"
        r"|tonsured|paraded naked|flogged|(?:publicly|was|were) whipped|(?:publicly|was|were) lashed"
        # blows or a punishment dealt to people: "the militia whipped two traders", "thrashed a youth"
        rf"|(?:whipped|lashed|caned|flogged|thrashed|slapped|punched|kicked|manhandled) {_VICTIM}\b"
        # people threatened with weapons: "menaced the guards with machetes"
        # water or food poisoned to harm those who take it
        r"|poisoned (?:the )?(?:[\w-]+ ){0,2}?(?:water|wells?|food|supply|supplies)"
        # an attempt on someone's life; someone hit by gunfire; a robbery at gunpoint
        r"|(?:attempted|tried) to (?:kill|assassinate|murder)(?! (?:himself|herself|themselves))"
        r"|attempt on (?:his|her|their) life|(?:injured|wounded|killed|hit) by (?:\w+ )?(?:gunfire|gunshots?"
        r"|sniper fire|live fire|live ammunition)|(?:injured|wounded|hit) by (?-i:[A-Z]\w+) fire"
        r"|(?:was|were|been|being) shot\b|(?:was|were|been|being) sniped\b|robbed at gunpoint"
        r"|held up at gunpoint"
        rf"|(?:{_ASSAILANTS}|robbers) (?:\w+ ){{0,2}}?robbed"
        # people wounded by the assailants: "bandits injured three travellers" (not "were injured")
        rf"|{_ASSAILANTS} (?:(?!(?:was|were|been|being|are|is)\b)\w+ ){{0,2}}?(?:wounded|injured)"
        r"(?= (?!(?:in|at|on|by|during|when|after|while|as|and|or|near|from|with|to|for|were|was)\b)\w)"
        r"|armed robbery"
        # shots fired at people, vehicles or posts (not "fired on Monday": a dismissal)
        r"|(?:fired|shot) (?:at|on|upon|into|against) (?:an? |the )?(?:\w+ ){0,2}?(?:people|crowds?|civilians"
        r"|vehicles?|cars?|bus(?:es)?|houses?|homes?|helicopters?|aircraft|patrols?|convoys?|checkpoints?|posts?|bases?"
        r"|troops|soldiers|police(?:men)?|officers|villagers|residents|worshippers|boats?|ships?|vessels?"
        r"|fishermen|farmers|shepherds)",
        VIOLENCE,
        "Attack",
        4,
        None,
    ),
    # A beating: by a force or a group named before it ("police beat ...", "guards beating ..."), of
    # someone by one named after it ("was beaten by prison guards"), or with what it did ("beat and
    # injured"). A team that beat another in a match names neither.
    (
        r"(?:police\w*|guards?|soldiers|officers|troops|gendarm\w+|personnel|security forces"
        rf"|{_ASSAILANTS}|members of|mob|gang\w*)\b[^.;]{{0,60}}?"
        r"\bbeat(?:s|en|ing)?(?! (?:off|out|back)\b)"
        r"|beat(?:en)?\b[^.;]{0,60}?\bby (?:\w+ ){0,3}?(?:police\w*|guards?|soldiers|officers|troops"
        rf"|gendarm\w+|personnel|security forces|{_ASSAILANTS}|men|members|mob|gang\w*|groups? of \w+)"
        r"|beat(?:en)?\s+and\s+(?:injured|wounded|robbed|tortured|raped|stabbed|kicked|detained|humiliated"
        r"|stripped|abducted|kidnapped)|beat(?:s|ing|en)? up\b|beat(?:ing)? (?:people|civilians|residents"
        r"|villagers"
        r"|passers-by|women|journalists|a (?:man|woman|boy|girl|doctor|journalist))",
        VIOLENCE,
        "Attack",
        4,
        "beating",
    ),
    # Violence between clans, tribes or communities: ACLED codes it as a battle of identity militias.
    (
        r"(?:inter-?(?:clan|communal|ethnic|tribal|religious|community|village)|clan|communal|ethnic|tribal"
        rf"|sectarian) {COMMUNITIES_FIGHTING}",
        BATTLES,
        "Armed clash",
        6,
        None,
    ),
    # Armed confrontations; an offensive launched (not a "charm offensive"); armed men or forces that
    # "targeted" someone, or anyone who targeted a military post.
    (
        r"(?:armed|violent|deadly|fierce|heavy) confrontations?|confrontations? (?:broke out|erupted)"
        r"|(?:launched|mounted|began|started|resumed) (?:an? |the |their |its )?(?:(?!charm\b)\w+ )?"
        r"offensive"
        rf"|(?:{_ASSAILANTS}|forces|troops) (?:\w+ ){{0,3}}?targeted"
        r"|targeted (?:an? |the )?(?:\w+ ){0,3}?(?:positions|checkpoints?|posts?"
        r"|bases?|convoys?|patrols?|barracks|outposts?)",
        BATTLES,
        "Armed clash",
        6,
        None,
    ),
    # Forces or posts that came under fire or attack ("the minister came under fire" is criticism);
    # fighters targeted by forces, told in the passive ("a militant cell was targeted by the army").
    (
        r"(?:troops|soldiers|patrols?|convoys?|positions?|bases?|forces|police(?:men)?|officers|checkpoints?"
        r"|posts?|vehicles?|helicopters?|units?) (?:\w+ ){0,2}?came under (?:\w+ )?(?:fire|attack)"
        rf"|(?:{_ASSAILANTS}|cells?|hideouts?|positions|camps?) (?:\w+ ){{0,2}}?(?:was|were) (?:\w+ )?"
        r"targeted by",
        BATTLES,
        "Armed clash",
        6,
        None,
    ),
    # A fight among people without weapons named: mob violence unless armed groups are named.
    (
        r"(?:fights?|brawls?|scuffles?|fist ?fights?) (?:broke out|erupted|ensued)|(?:fights?|brawls?"
        r"|scuffles?) (?:between|among) (?:\w+ ){0,3}?(?:groups|people|villagers|residents|youths|supporters"
        r"|members|families|inmates|prisoners|students|workers|clans|communities|neighbou?rs)",
        RIOTS,
        "Mob violence",
        5,
        None,
    ),
    (
        r"(?:bod(?:y|ies)|corpses?|remains|victims?|found dead|dead (?:m[ae]n|wom[ae]n|boys?|girls?|persons?"
        r"|people))"
        r"\b[^.;]{0,100}\b(?:(?:gunshot|bullet|stab|firearm)"
        r" (?:wounds?|injuries)|signs of (?:violence|torture)|mutilated|dismembered|decapitated"
        r"|(?:hands|feet|legs) (?:were )?(?:tied|bound)|(?:throats?|necks?) (?:were |was )?(?:slit|cut)"
        r"|wrapped in (?:\w+ ){0,2}?(?:plastic|blankets?|sheets?|bags?|tarps?|carpets?|cloth)"
        r"|(?:in|inside) (?:an? |the )?(?:\w+ )?(?:plastic|garbage|trash|black) bags?|handcuffed)"
        # "a man was found wrapped in blankets", "found dead inside a bag"
        r"|(?:(?:m[ae]n|wom[ae]n|boys?|girls?|child(?:ren)?|persons?|people|victims?|he|she|they)"
        r" (?:\w+ ){0,3}?(?:was|were) found|found dead) (?:dead )?(?:\w+ )?(?:wrapped in|(?:in|inside)"
        r" (?:an? |the )?(?:\w+ )?bags?\b)"
        # "the dismembered body of", "bags that contained the remains of"
        r"|(?:dismembered|mutilated|decapitated|headless|charred|bullet-riddled|handcuffed)"
        r" (?:\w+ )?(?:bod(?:y|ies)|corpses?|remains|dead)"
        r"|(?:bags?|sacks?) (?:that |which )?(?:contained|containing) (?:the )?(?:human )?"
        r"(?:remains|bod(?:y|ies)|corpses?)",
        VIOLENCE,
        "Attack",
        4,
        "body found",
    ),
    # A body found, or someone unnamed ("a man", "two brothers") found dead, with no sign of how they
    # died: a killing when found at a place on a date stated in full (ACLED codes it as an attack), not
    # a person of the news found dead ("the mayor", "the 87-year-old"), anyone found in their room, nor
    # climbers or swimmers (misadventure); a sentence naming an accident is none (``not_an_event``).
    (
        rf"(?:{_BODY_FOUND}"
        r"|(?:an?|two|three|four|five|six|seven|eight|nine|ten|\d+|several) (?!(?:[\w-]+ ){0,3}?"
        rf"{_OUTDOORS}\b)(?:[\w-]+ ){{0,4}}?(?:was|were) found dead)"
        r"(?! (?:\w+ ){0,3}?(?:at|in) (?:his|her|their) (?:own )?(?:\w+ )?(?:home|house|flat"
        r"|apartment|bed|bedroom|room|cell))",
        VIOLENCE,
        "Attack",
        2,
        FOUND_DEAD,
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
        r"looted|looting|plunder\w*|pillag(?:ed|ing)|ransack(?:ed|ing)|demolish\w*|bulldoz(?:ed|ing)|razed"
        r"|razing"
        r"|(?<!\ba )(?<!\ban )(?<!\bthe )destroyed (?:an? |the )?(?:[\w-]+ ){0,2}?(?:homes?|houses?|property"
        r"|crops|church(?:es)?|mosques?"
        r"|shrines?|temples?|synagogues?|schools?|shops?|bridges?|clinics?|statues?|tombs?)"
        r"|uproot(?:ed|ing) (?:\w+ ){0,3}?(?:trees|saplings|seedlings|crops|vines)"
        r"|(?:burned|burnt|torched|set fire to)(?: down)? (?:\w+ )?(?:homes|houses|shops|buildings"
        r"|property|vehicles|cars|offices)|set (?:ablaze|on fire|alight)|set fire to|burn(?:ed|t) down"
        r"|(?:stole|rustled|seized|took) (?:\w+ ){0,3}(?:cattle|cows|livestock|goats|sheep|camels)"
        r"|cattle rustling",
        STRATEGIC,
        "Looting/property destruction",
        4,
        None,
    ),
    # Weapons found, seized, defused or intercepted before use.
    (
        r"defus(?:ed|ing)|(?:dismantled|neutrali[sz]ed|disarmed) (?:an? |the )?(?:\w+ )?(?:IED|bomb"
        r"|explosive)"
        # drones, missiles or rockets intercepted or downed, told actively or passively
        # ("intercepted and destroyed an explosive-laden drone"; not "intercepted the ball and the drone" nor
        # "was intercepted and the thieves stole the rocket parts")
        r"|intercept(?:ed|ing) (?:(?!(?:the|an?) )[\w-]+ ){0,3}?(?:(?:the|an?) )?"
        r"(?:(?!(?:and|or|but|then|the|an?) )[\w-]+ ){0,3}?(?:drones?|missiles?|rockets?|projectiles?|UAVs?)"
        r"|(?:drones?|missiles?|rockets?|projectiles?|UAVs?) (?:\w+ ){0,2}?(?:was|were) (?:intercepted"
        r"|shot down|downed)|air defen[cs]es? (?:\w+ ){0,2}?(?:intercepted|downed)|shot down"
        r"|weapons? caches?|caches? of (?:[\w-]+ ){0,2}?(?:weapons|arms|explosives|ammunition|munitions"
        r"|rifles|guns|firearms|grenades)|(?:seized|recovered|discovered|found|confiscated|uncovered)"
        r" (?:(?!no |any )\w+ ){0,4}?(?:weapons|arms|ammunition|munitions|explosives|rifles|firearms|guns"
        r"|grenades|bombs|IEDs?|(?:improvised )?explosive devices?|mines|detonators)"
        # explosives that went off in the hands of those planting them, or failed to go off
        r"|(?:bombs?|IEDs?|explosives?|(?:explosive )?devices?|(?:land)?mines?|charges?) (?:\w+ ){0,5}?"
        r"(?:exploded|detonated|went off) prematurely|premature (?:explosion|detonation)"
        r"|while (?:they were |he was )?(?:planting|assembling|making|manufacturing|laying|preparing"
        r"|handling) (?:an? |the |their )?(?:\w+ )?(?:bombs?|IEDs?|explosives?|explosive devices?"
        r"|(?:land)?mines?)"
        r"|(?:grenades?|bombs?|IEDs?|explosive devices?|explosives?|(?:land)?mines?|mortar shells?)"
        r" (?:\w+ ){0,5}?(?:did not"
        r"|didn't|failed to) (?:explode|detonate|go off)",
        STRATEGIC,
        "Disrupted weapons use",
        8,
        None,
    ),
    # Shots into the air, prisoners freed: what ACLED files under other strategic developments.
    (
        r"warning shots|(?:fired|shot) (?:\w+ ){0,4}?(?:into|in) the air|released (?:\w+ ){0,4}?(?:prisoners"
        r"|detainees|captives|held as prisoners)|(?:prisoners|detainees|captives) were (?:released|freed)",
        STRATEGIC,
        "Other",
        8,
        None,
    ),
    (
        r"ceasefire agreement|peace (?:deal|agreement|accord)|signed an? (?:agreement|deal)"
        r"|(?:peace|ceasefire|cease-fire) (?:agreements?|accords?|deals?|pacts?|protocols?|treaty)"
        r"|cessation of hostilities"
        r"|prisoner (?:exchange|swap)|truce|(?:agreed|agree|agreeing) (?:to|on|upon) (?:an? |the )?(?:\w+ )?"
        r"(?:ceasefire|cease-fire|truce|peace|prisoner exchange|prisoner swap)",
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
        r"|an )?(?:\w+ ){0,4}?(?:convoy|patrol|column|military vehicles?|passage)|prevented from (?:passing"
        r"|entering|crossing|advancing)",
        STRATEGIC,
        "Non-violent activity",
        5,
        "convoy turned back",
    ),
]
# Violence that is ordinary crime unless the sentence names its setting: molestation or threats with
# weapons by armed groups, a crowd's "jungle justice" dealt to a victim.
_RULES_IN_SETTING: list[tuple[str, str, str, int, str | None, re.Pattern[str] | None]] = [
    (r"molest(?:ed|ing)|indecent(?:ly)? assault\w*", VIOLENCE, "Sexual violence", 8, None, CONFLICT_SETTING),
    (
        r"(?:threatened|menaced|intimidated) (?:[\w-]+ ){0,8}?with (?:an? )?(?:knives|knife|machetes?"
        r"|axes|axe|guns?|pistols?|rifles?|firearms?|weapons|sticks|clubs|bats|iron bars)",
        VIOLENCE,
        "Attack",
        4,
        None,
        CONFLICT_SETTING,
    ),
    (
        r"jungle justice",
        RIOTS,
        "Mob violence",
        6,
        None,
        re.compile(
            r"\b(?:victims?|killed|beat(?:en)?|lynched|burn(?:ed|t)|stoned|set ablaze)\b", re.IGNORECASE
        ),
    ),
]
# Strategic developments and police interventions named with the setting that makes them events
# (see ``strategic`` and ``protests``).
_RULES_RE = [
    (re.compile(rf"\b(?:{p})\b", re.IGNORECASE), t, s, r, o, setting)
    for p, t, s, r, o, setting in [
        *((p, t, s, r, o, None) for p, t, s, r, o in _RULES),
        *_RULES_IN_SETTING,
        *((p, STRATEGIC, s, r, o, setting) for p, s, r, o, setting in STRATEGIC_CUES),
        *((p, PROTESTS, s, r, o, setting) for p, s, r, o, setting in PROTEST_CUES),
    ]
]

_HABITUAL = re.compile(
    r"\b(?:regularly|routinely|often|frequently|usually|occasionally|typically|sometimes"
    r"|periodically|constantly|habitually|on a daily basis|every (?:day|week|month)|time and again"
    # "in the past" of a habit, not "in the past 24 hours"; "repeatedly" of a habit, not "stabbed
    # repeatedly" (an act told with its blows)
    r"|repeatedly(?= (?!(?:in|at|on|with|by|and|until|before|after|during|near|inside|outside)\b)\w)"
    r"|for years|over the years|in recent years"
    r"|in the past(?! (?:\w+ )?(?:hours?|days?|week|night|weekend))|have been known to|tend to"
    r"|ha(?:ve|s) (?:stepped|ramped) up)\b",
    re.IGNORECASE,
)
# Legal proceedings (prosecutors or courts merely quoted as a source do not count).
_LEGAL = re.compile(
    r"\b(?:court-martial\w*|court martial|(?:a|the) court (?:in|ruled|ordered|heard)|court (?:case"
    r"|hearing|ruling)|on trial|trials? of|tribunal|sentenced|convicted|indicted|prosecuted"
    r"|prosecution of|lawsuit|sued|suing|verdict|acquitted|charged with|faces? charges|facing charges"
    r"|pleaded|testif\w+|jury|legal proceedings|jailed|pleads?|guilty|released on bail|the accused"
    r"|suspect in (?:a|the)|sentencing|inquest|(?:public|full|independent|official) inquiry|inquiry into"
    # a court's hearing, not people "hearing gunshots"
    r"|hearing(?! (?:\w+ ){0,2}?(?:gun\w*|shots|explosions?|blasts?|shelling|firing|bangs|screams))"
    r"|judicial review|(?:legal|court|judicial) challenge|appeal court|court of appeal|appeal judges"
    # "a jury in the arson trial was told", "the trial heard"
    r"|(?:murder|criminal|terror|war crimes) trials?|trial (?:was|were|has been|had been) (?:told|shown)"
    r"|(?:lost|won|launched|lodged) (?:\w+ ){0,2}appeal|appeal(?:ed|s)? against (?:a|an|the|his|her|their)"
    r" (?:\w+ )?(?:finding|ruling|conviction|sentence|verdict|decision|judgment))\b",
    re.IGNORECASE,
)
# A denial ("the army denied the report"), not people refused something ("denied access"), or a
# modal of opinion ("should", "must").
_OPINION = re.compile(
    r"\b(?:denied|denies|deny|denying)\b(?! (?:(?:them|him|her|us|the|their|any) )?(?:access|entry"
    r"|permission|passage|bail|visas?|permits?|the right|food|treatment|medical|help))"
    r"|\b(?:should|ought to|must|shouldn[’']t|mustn[’']t)\b",
    re.IGNORECASE,
)
# Sentences that are opinion by their form: a label, a question, an interviewer's turn in a transcript
# ("Q: ...", "Interviewer: ..."; not a wire's or a publication's tag, which also opens news leads).
_OPINION_FORM = re.compile(
    r"^(?:reminder|opinion|analysis|editorial|comment)\b|\?[\"”']?$"
    r"|^\s*(?:q|question|interviewer)\s*:",
    re.IGNORECASE,
)
# A clause that gives a reason or a concession after the main one ("clashed, as one group insisted
# that ... should", "shot by the police, though the police denied it"): its denial or opinion
# leaves the main clause's event standing.
_SUBORDINATE = re.compile(
    # or what a side said and others denied ("claimed the attack, saying ..., a claim police denied")
    r"[,;]\s*(?:as|because|since|while|whereas|although|though|even though|but|saying|a claim|a charge"
    r"|an allegation|an accusation)\b"
    r"|\s(?:although|though)\b",
    re.IGNORECASE,
)
_HYPOTHETICAL = re.compile(
    r"\b(?:would|could|might|will|threaten(?:s|ed|ing)?|vow(?:s|ed)?|warn(?:s|ed)?|plans? to|planning(?: to)?"
    r"|planned|intends? to"
    r"|expected to|aims? to|seeks? to|in order to|fear(?:s|ed)? of|risk of|possible|potential"
    r"|alleged threat|threat posed|election|campaign|re-election"
    # not known: "it was not clear how he was killed", "police suspect he was killed elsewhere"
    r"|whether|how|why|(?:police|investigators|detectives|officers|officials|authorities|they|we)"
    r" suspect(?: that)?)\s+(?:\w+\s+){0,3}$"
    # warnings and calls reach further: "warned the chain about its constant attacks on pay",
    # "urged the fans to turn out for the parade"
    r"|\b(?:warn(?:s|ed|ing)?|urg(?:es|ed|ing)|invit(?:es|ed|ing)|encourag(?:es|ed|ing)|appeal(?:s|ed)?"
    r" (?:to|for)|call(?:s|ed|ing)? on)\s+(?:[\w'’]+\s+){0,6}$",
    re.IGNORECASE,
)
# "rescued 12 kidnapped travellers", "searched for abducted herders": the words after it describe the
# victims, not a new event (up to an "and" that tells the next act: "... and clashed with bandits").
# "The vote follows a drone strike last week": an earlier event given as background to the news.
# "in response to a suspected chemical attack": another event, given as the reason; "weeks of
# protests" is a period, not an incident; "condemned the attack" is a reaction to one.
_RESCUED = re.compile(
    r"\b(?:(?:rescued|freed|released|liberated|recovered|(?:search|look|hunt)(?:ed|ing)? for)"
    r"\s+(?:(?!and\b)\w+\s+){0,3}|in (?:response|retaliation"
    r"|reprisal) (?:to|for)\s+(?:\w+\s+){0,4}|to avenge\s+(?:\w+\s+){0,3}|(?:victims|anniversary|memory"
    r"|aftermath) of\s+(?:the\s+)?(?:\w+\s+){0,3}"
    r"|(?:days|weeks|months|years|decades?) of\s+(?:\w+[\s-]+){0,2}"
    r"|(?:condemn|denounc|deplor|decri|characteri[sz]|describ)(?:ed|es|e|ing)\s+(?:the\s+|this\s+|that\s+|an?\s+)?(?:\w+\s+){0,2}"
    r"|(?:follows|comes after)\b[^.;]*)$",
    re.IGNORECASE,
)
# "a bandit carrying a grenade", "an operation backed by airstrikes": a weapon carried, or
# support to the fight the sentence tells, not an explosion of its own.
_CARRIED_OR_SUPPORTING = re.compile(
    r"\b(?:armed with|carrying|possession of|backed by|supported by|with the support of|covered by)"
    # a list of the weapons carried: "armed with rifles, knives and hand grenades"
    r"\s+(?:an?\s+)?(?:[\w-]+,?\s+){0,4}$",
    re.IGNORECASE,
)
# "it targeted an Islamic State suicide bomber": the bomber is the target, not the event.
_TARGET_BEFORE = re.compile(
    r"\b(?i:targeted|targeting|killed|killing|arrested|detained|captured|shot|foiled"
    r"|intercepted)\s+(?:an?\s+|the\s+)?(?:[A-Z][\w-]*\s+){0,3}$",
)
_REFERENCE = re.compile(
    # "the attack", "that bombing", and one named by its day: "Sunday's bombing", "last week's raid"
    r"(?:\b(?:the|that|this|said|same|latest|deadly|earlier|previous|last)|(?:\b(?:mon|tues|wednes|thurs"
    r"|fri|satur|sun|yester|to)day|\bweek|\bweekend|\bnight|\bmonth)['’]s) (?:\w+ )?(?:incident|attack"
    r"|clash(?:es)?|shootout|firefight|gun ?battle|bombing|blast|explosion|strike|airstrike|raid|ambush"
    r"|assault|shelling|operation|confrontation|standoff|episode|occurrence|event|killings?|violence"
    r"|protest|demonstration|riot)s?\b",
    re.IGNORECASE,
)


# Words that state a demand or a grievance: "demanding", "against", "justice for", "condemning".
_DEMAND_WORDS = r"demand\w*|against|justice for|denounc\w*|condemn\w*"
# What a protest is about: "protested against the arrest of", "demanding a law against rape".
_GRIEVANCE = re.compile(
    rf"\b(?:{_DEMAND_WORDS}|over|release of|protest(?:ed|ing|s)?)"
    r"\s+(?:[\w'’-]+\s+){0,8}$",
    re.IGNORECASE,
)
_RIOT_NOUNS = frozenset({"riot", "riots", "rioting"})
# An arrest a protest names as its grievance, told just before the cue ("for the arrest of").
_ARREST_DESCRIBED = re.compile(
    r"\b(?:for|against|over|condemning|denouncing|protesting) (?:the|his|her|their) $", re.IGNORECASE
)
# Someone described by what was done to them, told in a relative clause: "a trader who was (reportedly)
# shot", "a cleric who had been detained".
_WHO_SUFFERED = re.compile(
    r"\bwho (?:was|were|had been|has been|have been|is|are) (?:(?:allegedly|reportedly|accidentally"
    r"|wrongly|recently|earlier) )?$",
    re.IGNORECASE,
)
# The crowd itself suffered: "protesters who were shot by police" (their own event, not a grievance).
_CROWD_WHO = re.compile(
    r"\b(?:protesters|protestors|demonstrators|marchers|students|strikers|crowds?|rioters) who \w+"
    r"(?: \w+)?(?: \w+)? $",
    re.IGNORECASE,
)
# "the arrested governor": the arrest an adjective of someone named after it.
_DETERMINER_END = re.compile(r"\b(?:the|an?|his|her|their|its)(?: recently| wrongly| unlawfully)? $", re.I)
# Who fires on a crowd: forces or armed men named just before "fired on the protesters" (not an
# official of theirs: "the police commissioner fired at protesters").
_SHOOTERS = re.compile(
    r"\b(?:forces|police\w*|troops|soldiers|officers|snipers|guards|gendarm\w+|army|militia\w*|gunmen"
    r"|militants|men)\b(?! (?:chiefs?|commissioners?|spokes\w+|ministers?|officials?|heads?)\b)",
    re.IGNORECASE,
)
# What was fired, or who fired, makes it no killing force: "fired on protesters with tear gas and rubber
# bullets", "police who were fired on by protesters", "fired at protesters in a press conference".
_NOT_LETHAL_FIRE = re.compile(
    r"\b(?:with (?:[\w-]+ ){0,2}?(?:tear ?gas|tear-gas|teargas|water ?cannons?|rubber(?:-coated)? bullets"
    r"|pellets|pepper spray|batons|stun grenades|plastic bullets|sound bombs)|by (?:the )?(?:protesters"
    r"|demonstrators|marchers|crowds?)|in (?:an? |the )?(?:speech|post|tweet|statement|press conference"
    r"|interview))\b",
    re.IGNORECASE,
)
_FIRED_PASSIVE = re.compile(r"\b(?:was|were|been|being) $", re.IGNORECASE)
# A cue negated by what comes just before it: "without fighting", "without a single clash".
_WITHOUT = re.compile(r"\bwithout (?:(?:a|any|much|a single|heavy) )?$", re.IGNORECASE)
# A place taken over to press a demand (a protest's occupation, not a conquest).
_TO_PROTEST = re.compile(
    r"[^.;]{0,100}?\bto (?:protest|demand|denounce|reject|press|oppose|condemn|ask for|call for|request"
    r"|seek)\b",
    re.IGNORECASE,
)
# "the looting of the depots in the preceding days": an event dated before the one reported.
_EARLIER_PERIOD = re.compile(
    r"[^.;,]*?\b(?:in the (?:previous|preceding|prior) (?:days?|weeks?|months?)"
    r"|the (?:day|week|month) before(?=\s*(?:[.,;]|$)))",
    re.IGNORECASE,
)
_DEMAND = re.compile(
    rf"\b(?:{_DEMAND_WORDS}|call(?:ed|ing) for|to (?:reject|protest)|agitat\w+)\b",
    re.IGNORECASE,
)
# Legislators protesting in their chamber ("interrupted by protesting legislators") are politics;
# legislators who held or joined a protest outside it, or any protest outside, are a protest.
_LEGISLATORS = re.compile(
    r"\b(?:legislators|lawmakers|MPs|deputies|senators|members of (?:the )?(?:parliament|House|Commons"
    r"|Congress|Senate|assembly))\b",
    re.IGNORECASE,
)
_HELD_PROTEST = re.compile(
    r"\b(?:held|staged|organi[sz]ed|took part in|joined|led) (?:[\w-]+ ){0,5}?(?:protests?|demonstrations?"
    r"|rall(?:y|ies)|sit-ins?|marches)\b",
    re.IGNORECASE,
)
_CHAMBER = re.compile(
    r"\b(?:in (?:the )?(?:parliament|chamber|house|senate|assembly|congress)|session|debate|walk-?outs?"
    r"|sitting|plenary)\b",
    re.IGNORECASE,
)
# "victims of the floods blocked the road": the cue is the verb whose subject the victims are, not the
# event they are victims of.
_VERB_OBJECT = re.compile(r"\s+(?:the|a|an|their|his|her|its|\d+)\b", re.IGNORECASE)
_VICTIMS_OF = re.compile(r"\b(?:victims|memory|aftermath) of\s+(?:the\s+)?(?:\w+\s+){1,3}$", re.IGNORECASE)


def _literal(sentence: str, match: re.Match[str]) -> bool:
    """Whether the sentence states harm, or names a weapon besides the cue: a figure of speech is then
    read literally ("shot a video journalist dead", "attacked by rivals with machetes")."""
    harm, first, last = _harm_and_weapons(sentence)
    return harm or first < match.start() or last > match.end()


@functools.lru_cache(maxsize=4)
def _harm_and_weapons(sentence: str) -> tuple[bool, int, int]:
    """Whether the sentence states harm, where its first weapon word starts and its last one ends (each
    sentence read once, however many cues in it are figures of speech)."""
    weapons = [m.span() for m in _WEAPON.finditer(sentence)]
    first, last = (weapons[0][0], weapons[-1][1]) if weapons else (len(sentence), 0)
    return HARM.search(sentence) is not None, first, last


def _skipped(
    sentence: str, lower: str, match: re.Match[str], event_type: str, sub_type: str, *, protest: bool
) -> bool:
    """Whether a cue names no event of its own: a hypothetical, a victim, a grievance, a chamber.

    ``lower`` is the sentence's ``cue_text``."""
    before = sentence[max(0, match.start() - 60) : match.start()]
    if _HYPOTHETICAL.search(before) or _EARLIER_PERIOD.match(sentence[match.end() : match.end() + 80]):
        return True
    fired = sub_type == "Excessive force against protesters" and match.group(0)[:5].lower() == "fired"
    if fired and (
        _SHOOTERS.search(before) is None
        or _FIRED_PASSIVE.search(before)
        or _NOT_LETHAL_FIRE.search(sentence, match.start(), match.end() + 60)
    ):
        return True  # "the senator fired at protesters on television": words, not shots
    if _WITHOUT.search(before):
        return True  # "entered the town without fighting": the fighting did not happen
    if (
        sub_type == "Non-state actor overtakes territory"
        and _TO_PROTEST.match(sentence, match.end())
        and not names_armed_side(sentence)
    ):
        return True  # "students took over the campus of the university to protest": a sit-in
    sense = other_sense(sentence, lower, match.start(), match.end())
    if sense == "other" or (sense == "figure" and not _literal(sentence, match)):
        return True
    if sub_type != "Disrupted weapons use" and _RESCUED.search(before):  # weapons recovered are the event
        # a verb with its object: "blocked the road" (the cue's own words) or "attacked | the police"
        # (or a crowd's act, which needs none: "victims of the floods protested")
        verb, _, rest = match.group(0).lower().partition(" ")
        acted = rest or _VERB_OBJECT.match(sentence, match.end()) or event_type == PROTESTS
        return not (verb.endswith("ed") and acted and _VICTIMS_OF.search(before))
    if sub_type == "Suicide bomb" and _TARGET_BEFORE.search(before):
        return True
    if event_type == EXPLOSIONS and _CARRIED_OR_SUPPORTING.search(before):
        return True
    if sub_type == "Peaceful protest":
        around = sentence[max(0, match.start() - 60) : match.end() + 30]
        if _LEGISLATORS.search(around) is None or re.search(r"\boutside\b", around):
            return False
        return _HELD_PROTEST.search(sentence) is None or _CHAMBER.search(sentence) is not None
    # "protesters angry over last week's riot marched": the riot is the grievance, the march the event.
    cause = event_type == RIOTS and match.group(0).lower() in _RIOT_NOUNS
    if (
        protest
        and event_type not in {PROTESTS, RIOTS}
        and _WHO_SUFFERED.search(before)
        and not _CROWD_WHO.search(before)
    ):
        return True  # "colleagues of a nurse who was killed staged a rally": the killing is the grievance
    if not protest or (event_type in {PROTESTS, RIOTS} and not cause):
        return False
    if _GRIEVANCE.search(before):
        return True
    adjective = match.group(0).lower() in {"arrested", "detained"} and _DETERMINER_END.search(before)
    if sub_type == "Arrests" and (adjective or _ARREST_DESCRIBED.search(before)):
        return True  # "supporters of the arrested governor protested": the arrest is the grievance
    # a demand told at length ("demonstrated to demand ..., including an end to attacks"): an act named
    # by a noun anywhere in it is what is demanded, one named by a past verb ("were attacked") happened
    demand = _DEMAND.search(sentence, sentence.rfind(";", 0, match.start()) + 1, match.start())
    return demand is not None and not match.group(0).partition(" ")[0].lower().endswith("ed")


def classify(sentence: str) -> Classification | None:
    """The most specific event a sentence reports, or None when it names no event."""
    best: Classification | None = None
    lower = cue_text(sentence)
    protest = first(_CROWD_ACTED, sentence, lower) is not None or mentions_protest(sentence)
    for pattern, event_type, sub_type, rank, outcome, setting in candidates(_RULES_RE, lower):
        if best is not None and rank <= best.rank:
            continue  # a cue of this rank cannot replace the one found
        if setting is not None and setting.search(sentence) is None:
            continue
        for match in read(pattern, sentence, lower):
            if _skipped(sentence, lower, match, event_type, sub_type, protest=protest):
                continue
            best = Classification(event_type, sub_type, rank, match.group(0), match.start(), outcome)
            break
    return best


_ARREST = re.compile(r"\b(?:arrest(?:ed|s)?|detained|rounded up|apprehended)\b", re.IGNORECASE)
_PROTEST = re.compile(
    r"\b(?:protest\w*|demonstrat(?:e|es|ed|ing|ions?|ors?)|rall(?:y|ies)|(?-i:march)(?:es|ers)?|sit-ins?)\b",
    re.IGNORECASE,
)


def states_demand(sentence: str) -> bool:
    """Whether the sentence states a demand or a grievance ("demanding food", "against the curfew")."""
    return _DEMAND.search(sentence) is not None


def mentions_protest(sentence: str) -> bool:
    """Whether the sentence is about a protest that took place (not one "planned" or "called for")."""
    return any(
        not _PLANNED_BEFORE.search(sentence[max(0, m.start() - 30) : m.start()])
        for m in read(_PROTEST, sentence, cue_text(sentence))
    )


_PLANNED_BEFORE = re.compile(
    r"\b(?:planned|upcoming|proposed|future|called for|calling for|ahead of|before)\s+(?:a\s+"
    r"|the\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)


_FOUND_DEAD = re.compile(rf"\b(?:found dead|{_BODY_FOUND})\b", re.IGNORECASE)


def mentions_body_found(sentence: str) -> bool:
    """Whether the sentence says someone was found dead or a person's body was found (an incident only
    on a date stated in full or with signs of a killing: see ``grouping``)."""
    return bool(_FOUND_DEAD.search(sentence))


# Unarmed crowds that fight: ACLED codes their clashes as riots, not battles of armed groups.
_CROWD_SIDES = re.compile(
    r"\b(?:(?:two|rival|several) groups|groups? of (?:\w+ ){0,3}?(?:people|youths|villagers|residents|locals"
    r"|workers|men|students|supporters)|youths?|villagers|residents|locals|(?:migrant )?workers|labou?rers"
    r"|migrants|supporters|activists?|students|traders|vendors|sellers|hawkers|merchants|mobs?|crowds?|families"
    r"|citizens|inhabitants"
    r"|journalists|prisoners|inmates|neighbou?rs|relatives|demonstrators|protesters|protestors|rioters"
    r"|communities"
    r"|community members|cadres|(?:party|political) (?:members|workers)"
    r"|members of (?:the )?(?:\w+ ){0,3}party)\b",
    re.IGNORECASE,
)
# What unarmed crowds fight with: stones thrown, sticks.
_CROWD_WEAPONS = re.compile(
    rf"\b(?:{_STONES_THROWN}|with (?:\w+ ){{0,2}}?(?:sticks|stones|rods|clubs))\b",
    re.IGNORECASE,
)


# Words that put armed groups in the fight, whoever else took part ("armed police" and "armed forces"
# are the state's forces, which unarmed crowds also fight).
_ARMED_SIDES = re.compile(
    r"\b(?:armed(?! (?:police|forces)\b)|militants?|gunmen|hitmen|rebels?|insurgents?|fighters|militia\w*"
    r"|gangs?|gangsters"
    r"|shoot-?outs?|gun ?fights?|fire ?fights?|exchanges? of fire|encounter\w*|clans?|clansmen|tribesmen"
    r"|firearms|guns|rifles|small arms|(?:light|medium|heavy|automatic)(?: and (?:light|medium|heavy))?"
    r" weapons)\b",
    re.IGNORECASE,
)


def names_armed_side(sentence: str) -> bool:
    """Whether the sentence names an armed side ("armed herders", "militants", "gunmen") or a gunfight."""
    return _ARMED_SIDES.search(sentence) is not None


_VIOLENT_CROWD = re.compile(rf"\b(?:{_VIOLENT_CROWD_ACTS})\b", re.IGNORECASE)


def crowd_turned_violent(sentence: str) -> bool:
    """Whether the sentence tells a crowd's violent acts (tyres burned, stones thrown, a riot)."""
    return _VIOLENT_CROWD.search(sentence) is not None


def crowd_fought(sentence: str) -> bool:
    """Whether an unarmed crowd fought ("youths clashed with police", "clashed and pelted stones"), with
    no armed group named."""
    crowd = _CROWD_SIDES.search(sentence) is not None or _CROWD_WEAPONS.search(sentence) is not None
    return crowd and not names_armed_side(sentence)


# "was beaten to death by a group of villagers": the crowd named after the act, as its agent.
_BY_CROWD = re.compile(
    rf"\S+(?: \w+){{0,4}}? by (?:an? |the |some |several )?(?:\w+ )?{_CROWD_SIDES.pattern}", re.I
)
# How far before an act its doer is looked for ("a group of about 20 villagers beat up").
_SUBJECT_REACH = 40
_PASSIVE_END = re.compile(r"\b(?:was|were|been|being)\s+(?:\w+\s+)?$", re.IGNORECASE)


# A few people counted as the doers of an act ("six people assaulted a cyclist").
_FEW_PEOPLE = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|some) (?:persons|people)\b", re.I
)


def crowd_attacked(sentence: str, start: int) -> bool:
    """Whether an unarmed crowd did the act that starts at ``start`` ("locals beat up a thief")."""
    if _ARMED_SIDES.search(sentence):
        return False
    before = sentence[max(0, start - _SUBJECT_REACH) : start]
    doers = _CROWD_SIDES.search(before) or _FEW_PEOPLE.search(before)
    subject = doers is not None and _PASSIVE_END.search(before) is None
    return subject or _BY_CROWD.match(sentence, start) is not None


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
# Many events counted together: "the 90-odd arson incidents", "dozens of attacks".
_BULK = (
    r"(?:(?<![\d,.])(?!(?:19|20)\d\d\b)(?:[1-9]\d{1,2}|[1-9],?\d{3})(?: or so|-odd)?|\b(?:dozens|hundreds"
    r"|scores|thousands) of) (?:(?!in |of |on |at |by )[\w-]+ )?(?:incidents|attacks|bombings|shootings"
    r"|killings|assaults)\b"
)
# "since" a recent day ("since Monday", "since dawn") starts no period.
_NOT_RECENT_DAY = (
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|last night|dawn"
    r"|this morning)\b)"
)
# "has killed ... since 2011": only the first "has killed" of a stretch without "." or ";" is tried
# (atomic group), since a later one could only find the same period after it, so the stretch is read
# a bounded number of times instead of once from every "has killed" in it.
_CUMULATIVE = re.compile(
    rf"(?:^|(?<=[.;]))(?>[^.;]*?\bha(?:s|ve|d) (?:\w+ )?(?:killed|claimed|left|displaced|cost|captured"
    rf"|seized|taken)\b)[^.;]*\b(?:{_LONG_PERIOD})\b"
    rf"|(?:^|(?<=[.;]))(?>[^.;]*?\bha(?:s|ve|d) (?:\w+ )?died\b)[^.;]*\bsince {_NOT_RECENT_DAY}\b"
    # the dead of a period told first: "violence since May 2023, in which 200 people have been killed"
    rf"|(?:^|(?<=[.;]))(?>[^.;]*?\bsince {_NOT_RECENT_DAY})[^.;]*\bha(?:s|ve) been (?:\w+ )?killed\b"
    r"|\b(?:(?:war|conflict|insurgency|violence|unrest|crisis|fighting|offensive|campaign"
    r"|protests)\b[^.;]{0,40}\b(?:has|have) (?:now |so far |already )?(?:killed|claimed|left|displaced)"
    r"|(?:were|have been|had been) killed (?:in|during) the (?:civil )?(?:war|conflict|insurgency|genocide)"
    # a campaign's losses: "suffered thousands of casualties in the battle for the city"
    r"|(?:suffered|sustained|inflicted|caused) (?:\w+ )?(?:(?:tens|hundreds) of )?(?:thousands|millions)"
    r" of (?:casualties|deaths|dead|lives)"
    # a war's toll: "the death toll from the eight-year war now stands at 150,000"
    r"|toll (?:from|of|in) (?:the |this |that )?(?:[\w'’-]+ ){0,3}?(?:war|conflict|insurgency|uprising"
    r"|genocide)\b"
    r"|(?:total|overall|cumulative) (?:death )?toll|under (?:the )?(?:[\w'’]+ ){0,3}(?:regime|rule"
    r"|dictatorship))\b"
    # many events counted as a running tally: "blamed for most of the 90-odd arson incidents", "dozens of
    # attacks since March", "17 shootings so far this year" (not "14 car bombings killed 70 on Tuesday")
    rf"|\b(?:most|many|some|all|half|several|none|each|majority|share) of (?:the |these |those )?{_BULK}"
    rf"|{_BULK}(?:(?!deadliest|worst|bloodiest|biggest|largest|highest)[^.;]){{0,60}}?\b(?:{_LONG_PERIOD}"
    r"|since|so far|last year|over the (?:\w+ )?(?:years?|decades?|months)|in (?:the )?(?:past|last)"
    r" (?:\w+ )?(?:years?|decades?|months))\b"
    rf"|{_BULK} (?:have|has|had) been (?:\w+ )?(?:recorded|reported|registered|counted|logged)\b"
    # "As of 30 September, 790 soldiers had been killed": a toll counted up to a day.
    r"|\bas of\b[^.;]{0,80}\bha(?:s|ve|d) been killed\b"
    # "300 people died this year" (not "killed on Monday, the deadliest attack this year")
    rf"|\b(?:died|killed|deaths|dead)\b(?:(?!deadliest|worst|bloodiest|biggest|largest|highest)[^.;])"
    rf"{{0,80}}\b(?:{_LONG_PERIOD}|last year|this month|in (?:the )?(?:past|last) (?:\w+ )?(?:years?|months"
    r"|decade))\b",
    re.IGNORECASE,
)
_ACCIDENT = re.compile(
    r"\b(?:accident|while working|electrocuted|crash(?:ed)?|collided|collision|traffic|was driving"
    r"|drunk[- ]driv\w+|plunged|overturned"
    r"|derailed|capsized|drowned"
    r"|stampede|landslides?|earthquakes?|flood(?:s|ing)?|storms?|cyclones?|hurricanes?|typhoons?|lightning"
    r"|gas (?:leak|explosion|cylinder)|blaze|(?:house|building|apartment|hotel|slum) fire"
    r"|fire (?:killed|kills)|(?:a|the) fire\b(?! ?fights?)|collapsed?"
    r"|heatwave|(?:fire|blaze) (?:broke out|engulfed)|(?:natural )?disasters?|tsunami|drought|famine"
    # a death by misadventure or natural causes: "found dead after a fall", "died of hypothermia"
    r"|after (?:an? |his |her |their )?(?:apparent )?fall|fell to (?:his|her|their) deaths?|avalanches?"
    r"|hypothermia|overdosed?|heart attack|natural causes"
    # industrial explosions: "an explosion at a chemical plant", "a fireworks factory blast"
    r"|(?:chemical|industrial|fireworks?|factory|plant|refinery|mine|mining|boiler|pipeline|reactor)"
    r" (?:\w+ )?(?:explosions?|blasts?|fires?)"
    r"|(?:explosions?|blasts?|fires?) (?:at|in) (?:an? |the )?(?:\w+ ){0,2}?"
    r"(?:plant|factory|refinery|mine|warehouse|workshop|laborator(?:y|ies)|pipeline|power station))\b",
    re.IGNORECASE,
)
# An epidemic's toll; a protest or an attack during an epidemic is still an event.
_DISEASE = re.compile(
    r"\b(?:epidemic|pandemic|disease|outbreak|cholera|malaria|virus|coronavirus|COVID-19|SARS(?:-CoV-2)?"
    r"|measles|influenza|flu|Ebola|tuberculosis|plague)\b",
    re.IGNORECASE,
)
_TOLL_WORDS = re.compile(r"\b(?:killed|died|deaths?|dead|infected|infections?|cases)\b", re.IGNORECASE)
_WEAPON_WORDS = (
    r"bomb(?:s|ed|ing|ings)?|suicide bombers?|explosives?|IED|drones?|missiles?|rockets?|machetes?"
)
# A weapon named: a figure of speech in the same sentence is read literally ("attacked by rivals
# with machetes").
_WEAPON = re.compile(rf"\b(?:{_WEAPON_WORDS})\b", re.IGNORECASE)
_VIOLENCE_WORDS = re.compile(
    rf"\b(?:(?<!heart )attack\w*|gunm[ae]n|militants?|{_WEAPON_WORDS}|shot|shell\w*|strikes?|rebels?"
    r"|troops|soldiers|insurgents?|ambush\w*|clash\w*|fighting|explod\w+"
    r"|beat(?:en|ing)?|stabb\w+|pelt\w*|vandali[sz]\w*|assault\w*|lynch\w*|riot\w*|hacked)\b",
    re.IGNORECASE,
)


# A crowd protesting or rioting during an epidemic or after a crash is an event, not the accident.
_CROWD = re.compile(rf"\b(?:{_PEACEFUL_PROTEST}|riot\w*|strike|mob)\b", re.IGNORECASE)
# A crowd that acted: a protest outside a court or demanding something is still a protest.
_CROWD_ACTED = re.compile(
    r"\b(?:protested|rallied|demonstrated|marched|picketed|(?:staged|held) an? (?:\w+ )?(?:protest"
    rf"|demonstration|sit-in|rally|march)|{CROWD_ACTS})\b",
    re.IGNORECASE,
)


# Remembering a past event: "marked the first anniversary of the massacre".
_COMMEMORATION = re.compile(
    r"\b(?:anniversary|anniversaries|commemorat\w+|memorial (?:service|ceremony|ceremonies)|remembrance"
    r"|to (?:remember|mourn|honou?r) the (?:dead|victims|fallen)|(?:lay|laid|laying) wreaths?"
    r"|paid (?:their |his |her )?(?:respects|tribute) to the (?:dead|victims|fallen))\b",
    re.IGNORECASE,
)
# "clashes broke out during a commemoration": the commemoration is where the event happened.
_AT_COMMEMORATION = re.compile(
    r"\b(?:during|at|after) (?:an? |the )?(?:\w+ ){0,2}?(?:commemorat\w+|memorial (?:service|ceremony"
    r"|ceremonies)|anniversary (?:event|march|rally|ceremony|celebrations?))"
    # a crowd that marked the day: "protesters marking the anniversary of the uprising"
    r"|\b(?:protesters|protestors|demonstrators|marchers|crowds?|rioters) (?:\w+ )?(?:marking|commemorating"
    r"|who (?:marked|commemorated))",
    re.IGNORECASE,
)
# Space flight: a rocket launched into orbit is not an attack.
_SPACE = re.compile(r"\b(?:spacecraft|space station|spaceflight|space center|launch pad|into orbit)\b", re.I)


# Every pattern ``not_an_event`` reads: those a sentence cannot match are ruled out in one pass.
_REASONS_READ = [
    _CROWD_ACTED, _LEGAL, _CUMULATIVE, _DISEASE, _TOLL_WORDS, _ACCIDENT, _VIOLENCE_WORDS, _CROWD, _SPACE,
    _COMMEMORATION, _AT_COMMEMORATION, _HABITUAL, _OPINION_FORM,
]  # fmt: skip
_REASON_IDS = frozenset(map(id, _REASONS_READ))


def not_an_event(sentence: str) -> str | None:
    """Why a sentence reports no incident, or None.

    "legal" (courts, trials), "cumulative" (a war's running toll: "has killed 350,000 since 2011"),
    "accident" (a bus crash, a flood), "space flight" (a rocket launch), "anniversary" (a past event
    remembered), "habitual" ("regularly confront"), "opinion" (and denials). A crowd that protested
    is an event even at a court or with a demand ("rallied outside the court demanding ...").
    """
    lower = cue_text(sentence)
    ruled_out = _REASON_IDS.difference(map(id, candidates(_REASONS_READ, lower)))

    def found(pattern: re.Pattern[str]) -> bool:
        return id(pattern) not in ruled_out and next(read(pattern, sentence, lower), None) is not None

    acted = found(_CROWD_ACTED)
    if found(_LEGAL) and not acted:
        return "legal"
    if found(_CUMULATIVE):
        return "cumulative"
    disease_toll = found(_DISEASE) and found(_TOLL_WORDS)
    accident = found(_ACCIDENT) or disease_toll
    if accident and not found(_VIOLENCE_WORDS) and not found(_CROWD):
        return "accident"
    if found(_SPACE):
        return "space flight"
    if found(_COMMEMORATION) and not acted and not found(_AT_COMMEMORATION):
        return "anniversary"
    if found(_HABITUAL) or re.match(r"^\s*(?:When|Whenever|If)\b", sentence):
        return "habitual"
    if not acted and (found(_OPINION_FORM) or _main_clause_opinion(sentence, lower)):
        return "opinion"
    return None


def _main_clause_opinion(sentence: str, lower: str) -> bool:
    """Whether a denial or a modal of opinion stands before any subordinate clause."""
    if not may_match(_OPINION, lower):
        return False
    opinion = _OPINION.search(sentence)
    if opinion is None:
        return False
    subordinate = _SUBORDINATE.search(sentence, 0, opinion.start())
    return subordinate is None


def is_reference(sentence: str) -> bool:
    """Whether the sentence refers back to an event already reported ("the incident", "that attack")."""
    return may_match(_REFERENCE, cue_text(sentence)) and _REFERENCE.search(sentence) is not None


# Whom an act was done to: the words right after an active verb ("stabbed two border guards"), or
# the subject of a passive one ("a customs officer was ambushed by smugglers").
_OBJECT_AFTER = re.compile(
    r"(?:\s+and\s+(?:killed|injured|wounded|disarmed|robbed|burned|burnt|torched|looted|destroyed"
    r"|ransacked|damaged))?\s+((?:(?!(?:in|at|on|near|beside|outside|inside|behind|from|to|for|while|as"
    r"|after|during|with|by|and|who|when|which|that)\b)[\w'’-]+\s+){0,8})",
    re.IGNORECASE,
)
# What a thrown or fired weapon was aimed at, a few words after it.
_AIMED_AT = re.compile(r"\s+(?:[\w'’-]+\s+){0,3}?(?:at|into|onto)\s+((?:[\w'’-]+\s+){0,3}[\w'’-]+)", re.I)
_SUBJECT = r"(?:^|[,;:]\s*|\bwhen\s+|\bwhere\s+)((?:[\w'’()-]+,?\s+){1,10}?)"
_SUBJECT_BEFORE = re.compile(rf"{_SUBJECT}(?:was|were|had been|has been|have been)\s+(?:\w+\s+)?$", re.I)
# A cue that holds its own auxiliary ("was shot"): the subject stands right before it.
_SUBJECT_OF_PASSIVE = re.compile(rf"{_SUBJECT}$", re.IGNORECASE)
_PASSIVE_CUE = re.compile(r"(?:was|were|been|being)\b", re.IGNORECASE)


# Unarmed people named as the target of an act.
CIVILIAN_TARGET = re.compile(rf"\b{_CIVILIANS}\b", re.IGNORECASE)


# Things, not people, named as the target of an act: what ACLED files under property destruction
# when nobody was harmed ("looted four grain stores", "threw firebombs at a kiosk").
PROPERTY_TARGET = re.compile(
    r"\b(?:shops?|stores?|houses?|homes?|huts?|buildings?|schools?|vehicles?|cars?|trucks?|lorries|buses"
    r"|motorcycles?|tractors?|offices?|churche?s?|mosques?|temples?|premises|property|properties|warehouses?"
    r"|markets?|businesses|bars?|restaurants?|kiosks?|stalls?|garages?|granar(?:y|ies)|crops|fields|cattle"
    r"|livestock|goats|sheep|supplies|equipment)\b",
    re.IGNORECASE,
)


def attack_target(sentence: str, start: int, end: int) -> str:
    """The words naming whom the act told from ``start`` to ``end`` was done to ("" when unnamed)."""
    subject = _SUBJECT_OF_PASSIVE if _PASSIVE_CUE.match(sentence, start) else _SUBJECT_BEFORE
    before = subject.search(sentence[max(0, start - 120) : start])
    if before is not None:
        return before.group(1)
    after = _OBJECT_AFTER.match(sentence, end)
    if after is not None and after.group(1):
        return after.group(1)
    # a weapon thrown or fired at someone or something: "threw Molotov cocktails from a car at two shops"
    aimed = _AIMED_AT.match(sentence, end)
    return aimed.group(1) if aimed is not None else ""
