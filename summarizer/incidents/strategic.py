"""Strategic developments: what armed groups and security forces do short of fighting.

ACLED's codebook files under strategic developments the acts of conflict actors that are not
battles or attacks: contraband seized and drug laboratories dismantled by security forces,
weapons destroyed before use, property destroyed or goods seized by armed groups, armed groups
handing out aid, manning checkpoints, patrolling or enforcing curfews, bases set up and positions
reinforced, incendiary balloons sent over a border, fighters surrendering,
aircraft flying over another country's land, prisoners freed, and civilians displaced by fighting
or returning as refugees.

Most of these acts are also ordinary news (police seize drugs at an airport, a charity hands out
food, a town is evacuated before a storm), so each cue here names the setting that makes it a
conflict event: the sentence must also name an armed group, security forces, or the hostilities
people fled. ``STRATEGIC_CUES`` are read by ``events.classify`` alongside its own rules.
"""

from __future__ import annotations

import re

__all__ = ["CONFLICT_SETTING", "STRATEGIC_CUES", "Cue", "political_arrest"]

# (pattern, sub-event type, rank, outcome or None to use the cue, setting the sentence must name)
Cue = tuple[str, str, int, str | None, re.Pattern[str] | None]

# Armed groups known by name alone (public names, as news and ACLED write them).
_NAMED_GROUPS = (
    r"Taliban|al-Shabaa?b|Boko Haram|Islamic State|ISIS|ISIL|Daesh|Hezbollah|Hamas|al-Qaeda|AQAP|PKK"
    r"|Houthis?|HTS|Hayat Tahrir al-Sham"
)
# Non-state armed groups: generic names, and the groups known by name alone.
_ARMED_GROUP = (
    r"gangs?|gangsters|cartels?|militants?|militias?|militiamen|rebels?|insurgents?|jihadists?"
    r"|guerrillas?|gunmen|bandits|paramilitar\w+|fighters|armed (?:men|group|groups|individuals|people"
    r"|youths|civilians|elements)|(?:criminal|armed|terrorist) organi[sz]ations?|colectivos"
    rf"|{_NAMED_GROUPS}"
    r"|CJNG|Jalisco New Generation|Zetas|MS-13|Mara Salvatrucha|Barrio 18|Comando Vermelho"
)
_ARMED = re.compile(rf"\b(?:{_ARMED_GROUP})\b", re.IGNORECASE)
# An army or its soldiers (not the police: a police post opened is public service).
_MILITARY = re.compile(
    r"\b(?:military|army|armies|troops|soldiers|(?:armed|defen[cs]e) forces|peshmerga|marines"
    r"|(?-i:[A-Z][\w-]*) (?:forces|army|military))\b",
    re.IGNORECASE,
)
# Security forces or armed groups: whoever may seize, destroy or search in a conflict.
_FORCES = re.compile(
    rf"\b(?:{_ARMED_GROUP}|police\w*|military|army|soldiers|troops|(?:security|armed|government)"
    r" forces|forces|gendarm\w+|national guard|navy|marines|customs|border guards?|coast ?guards?"
    r"|arsonists|assailants|attackers)\b",
    re.IGNORECASE,
)
# The fighting an act belongs to: a non-state armed group (not "fighters" alone: a boxer is one; not
# "gangs": a ransomware gang is one) or the front, an offensive, clashes, a border standoff.
CONFLICT_SETTING = re.compile(
    r"\b(?:militants?|militias?|militiamen|rebels?|insurgen\w+|jihadists?|guerrillas?|gunmen|bandits"
    r"|paramilitar\w+|armed (?:men|groups?|individuals|elements)|terrorists?|kidnappers|abductors"
    rf"|{_NAMED_GROUPS}|front ?lines?|the front|offensive|counter-?offensive|clashes|fighting|hostilities"
    r"|insurgency|insecurity|rebellion|border (?:standoff|tensions?|clashes)|war zone|conflict zone)\b",
    re.IGNORECASE,
)
# Parties to a peace: armed groups, forces, clans or factions, or the fighting they end.
_PARTIES = re.compile(
    rf"{CONFLICT_SETTING.pattern}|{_FORCES.pattern}|\b(?:clans?|factions?|tribes|communities|warring \w+)\b",
    re.IGNORECASE,
)
# Whoever damages property as an act of conflict: forces, armed groups, or perpetrators unknown.
_PERPETRATORS = re.compile(
    rf"{_FORCES.pattern}|\b(?:unidentified|unknown) (?:\w+ )?(?:people|persons|men|individuals|actors"
    r"|assailants|attackers|arsonists|groups?)\b|\b(?:vandals|saboteurs)\b",
    re.IGNORECASE,
)
# Who flies over a border or fires flares: an armed force, or its aircraft (not a tourist's helicopter).
_AIRCRAFT_OR_FORCES = re.compile(
    rf"{_FORCES.pattern}|\b(?:drones?|UAVs?|warplanes?|fighter jets?|military (?:aircraft|helicopters?|jets?)"
    r"|reconnaissance (?:aircraft|planes?))\b",
    re.IGNORECASE,
)
# What people fled or left their homes over: fighting, not a storm or a fire.
_HOSTILITIES = re.compile(
    rf"\b(?:{_ARMED_GROUP}|hostilities|fighting|clash\w*|violence|attacks?|conflict|insecurity|war"
    r"|bombing|shelling|air ?strikes|feuds?|clans?|military operations?|offensive)\b",
    re.IGNORECASE,
)
# Refugees counted in a group: the mass return or arrival ACLED records, not one person's story.
_COUNTED_REFUGEES = re.compile(
    r"\b(?:\d[\d,.]*|hundreds|thousands|dozens|scores)\s+(?:of\s+)?(?:[\w-]+\s+){0,2}?(?:refugees"
    r"|returnees|migrants|IDPs|displaced (?:people|persons|families)|asylum seekers)\b",
    re.IGNORECASE,
)

_GOODS = (
    r"vehicles?|trucks?|lorr(?:y|ies)|cars?|motorcycles?|motorbikes?|buses|bus|boats?|phones|goods|fuel"
    r"|food|money|cash|belongings|valuables|medicines?|supplies|livestock"
)
_CONTRABAND = (
    r"marijuana|marihuana|cannabis|cocaine|heroin|opium|methamphetamine|crystal meth|narcotics|drugs"
    r"|contraband|smuggled \w+|(?:packs|cartons) of cigarettes"
)

STRATEGIC_CUES: list[Cue] = [
    # Contraband seized (whatever quantity is named first: "4,6 tonnes of"), property destroyed (told in
    # the passive) and infrastructure sabotaged, by forces, armed groups or perpetrators unknown.
    (
        rf"(?:seized|confiscated|destroyed|burned|discovered|found|intercepted|seizure of|haul of)"
        rf" (?:[\w,.()-]+ ){{0,9}}?(?:{_CONTRABAND})"
        r"|(?:homes|houses|huts|shops|stores|buildings|property|properties|vehicles|cars|offices|schools"
        r"|churches|mosques|crops|granaries|markets?) (?:[\w-]+ ){0,4}?(?:were|was|had been|have been)"
        r" (?:\w+ )?(?:destroyed|burned|burnt|torched|demolished|razed|looted|ransacked|vandali[sz]ed"
        r"|set (?:on fire|ablaze|alight))"
        r"|(?:destroyed|sabotaged|damaged|set fire to) (?:the |a |an )?(?:[\w'’-]+ ){0,3}?(?:water"
        r" (?:schemes?|works|pipes?|pipelines?|plants?|supply)|pipelines?|power (?:lines?|plants?|stations?)"
        r"|pylons?|(?:telecom\w*|mobile phone|cell(?:ular)?|phone) (?:masts?|towers?)|railway lines?"
        r"|infrastructure|tunnels?)",
        "Looting/property destruction",
        5,
        None,
        _PERPETRATORS,
    ),
    # Drug laboratories dismantled: a conflict act whoever is named.
    (
        r"(?:dismantled|destroyed|raided|discovered|found|uncovered) (?:an? |the )?(?:[\w-]+ ){0,3}?(?:drug"
        r"|narcotics|cocaine|marijuana|cannabis|heroin|methamphetamine|meth)(?: processing| production)?"
        r" (?:lab|laboratory|labs|laboratories|plantations?|crops|fields|factory|factories)"
        r"|clandestine (?:airstrip|lab\w*)",
        "Looting/property destruction",
        5,
        None,
        None,
    ),
    # Weapons destroyed before use.
    (
        r"destroyed (?:\w+ ){0,4}?(?:arms|weapons|ammunition|munitions|explosives|arms depots|weapons"
        r" depots|caches|stockpiles)",
        "Disrupted weapons use",
        8,
        None,
        _FORCES,
    ),
    # Armed groups stopping vehicles and taking goods ("rebels halted a lorry").
    (
        rf"(?:stopped|intercepted|hijacked|commandeered|seized|stole|confiscated|looted|robbed|made off"
        rf" with|took away) (?:\w+ ){{0,3}}?(?:{_GOODS})",
        "Looting/property destruction",
        3,
        "goods seized",
        _ARMED,
    ),
    # Armed groups acting as an authority: aid, checkpoints, patrols, curfews, drills, warnings.
    (
        r"(?:deliver(?:ed|ing)|distribut(?:ed|ing)|handed out|handing out|gave (?:out|away)"
        r"|giving (?:out|away)|donat(?:ed|ing)|provid(?:ed|ing)) (?:\w+ ){0,4}?(?:food"
        r"|aid|supplies|groceries|provisions|packages|parcels|boxes|hampers|medicines?|masks)"
        r"|(?:placed|set up|installed|erected|established|mounted|manned|put up) (?:\w+ ){0,3}?(?:check"
        r" ?-?points?|checkposts?|roadblocks?|road blocks?)"
        r"|patroll?(?:ed|ing|s)? (?:the |in |through )?(?:\w+ ){0,2}?(?:streets|roads|towns?|city"
        r"|villages?|areas?|neighbou?rhoods?)"
        r"|(?:enforc\w+|imposed) (?:\w+ ){0,3}?(?:curfews?|lockdowns?|quarantines?|restrictions)"
        r"|(?:conducted|held|carried out|staged) (?:\w+ ){0,2}?(?:exercises|drills|manoeuvres|maneuvers"
        r"|parades?)"
        r"|(?:posted|published|circulated|broadcast\w*|distributed) (?:\w+ ){0,3}?(?:videos?|messages?"
        r"|audios?|pamphlets|leaflets|banners) (?:\w+ ){0,6}?(?:with|containing) (?:\w+ )?(?:threats"
        r"|warnings)",
        "Change to group/activity",
        3,
        "armed group activity",
        _ARMED,
    ),
    # Armed groups changing their ranks or their hold: allegiance pledged, fighters recruited or trained,
    # a new group formed, taxes levied on the people they control.
    (
        r"pledged (?:\w+ )?(?:allegiance|loyalty|bay'?ah)|recruit(?:ed|ing|ment)|(?:trained|graduated)"
        r" (?:\w+ ){0,2}?(?:fighters|recruits|members|militiamen)|announced (?:the )?(?:formation|creation"
        r"|establishment) of|merged with|(?:imposed|collected|levied|extorted) (?:\w+ ){0,3}?(?:taxes|tax"
        r"|levies|zakat|tolls)",
        "Change to group/activity",
        3,
        "armed group activity",
        _ARMED,
    ),
    # Troops or fighters sent somewhere: a deployment, reinforcements, where the sentence names the
    # fighting they go to (troops sent to a flood, a marathon or an exercise are no conflict event).
    (
        r"(?:deployed|dispatched|sent|moved|mobili[sz]ed|massed|stationed|redeployed) (?:\w+ ){0,3}?(?:troops"
        r"|soldiers|reinforcements|militiamen|tanks|armou?red vehicles)"
        r"|(?:troops|reinforcements|soldiers|militiamen) (?:\w+ ){0,2}?(?:were|was|have been"
        r"|had been) (?:\w+ )?(?:deployed|dispatched|sent|moved|stationed)|reinforcements arrived",
        "Change to group/activity",
        3,
        "troop movement",
        CONFLICT_SETTING,
    ),
    # A base or a camp set up by an armed group, or by forces where the sentence names the fighting.
    (
        r"(?:established|set up|built|constructed|erected|opened) (?:an? |new |their |its )?(?:\w+ ){0,2}?"
        r"(?:bases?|headquarters|outposts?|(?:military|army|training) camps?|command posts?|garrisons?"
        r"|(?:military |army |observation |forward ){1,2}posts?)",
        "Headquarters or base established",
        3,
        None,
        CONFLICT_SETTING,
    ),
    # Positions reinforced by an army ("the army reinforced its positions with armoured vehicles").
    (
        r"reinforc(?:ed|ing) (?:its|their|the) (?:\w+ )?(?:positions|posts|bases|outposts|presence"
        r"|deployment)",
        "Change to group/activity",
        3,
        "troop movement",
        _MILITARY,
    ),
    (
        r"(?:established|set up|built|erected) (?:an? |new |their |its |another )?(?:new )?camps?",
        "Headquarters or base established",
        3,
        None,
        _ARMED,
    ),
    # Captives freed against a ransom or after talks, a mass grave found, where the sentence names the
    # armed group or the fighting (not a ransomware gang, an ancient burial or an earthquake's dead).
    (
        r"(?:paid|pay|paying) (?:an? |the )?(?:\w+ )?ransom|ransom (?:was |had been )?paid|mass graves?"
        r"|(?:released|freed) (?:\w+ ){0,3}?(?:unharmed|after (?:\w+ ){0,3}?(?:ransom|negotiations"
        r"|captivity))",
        "Other",
        5,
        None,
        CONFLICT_SETTING,
    ),
    # Positions given up or a town entered unopposed, by forces or an armed group (not a club's
    # training base abandoned, nor a title won "without a fight").
    (
        r"(?:abandoned|evacuated|vacated) (?:\w+ ){0,2}?(?:positions?|bases?|posts?|outposts?|barracks)"
        r"|without (?:a |any )?(?:fight|resistance|fighting|clashes|a shot (?:being )?fired)",
        "Non-violent transfer of territory",
        3,
        "withdrawal",
        _FORCES,
    ),
    # Peace made between parties to a conflict, clans or armed factions (not rappers or companies).
    (
        r"(?:reconciliation|non-aggression|disarmament|power-sharing) (?:agreements?|accords?|deals?|pacts?"
        r"|protocols?|treaty)|made peace|reconciled|agreed to end (?:the |their )?(?:fighting|hostilities"
        r"|feud|conflict)",
        "Agreement",
        3,
        None,
        _PARTIES,
    ),
    # Fighters who give up: surrender, lay down their arms, defect to the other side.
    (
        r"surrender(?:ed|ing)? (?:to|their)|laid down (?:their )?(?:arms|weapons)|defected to",
        "Change to group/activity",
        3,
        "surrender",
        _ARMED,
    ),
    # Military aircraft over another country's land ("a drone violated Lebanese airspace", "warplanes flew
    # at low altitude over the south"), flares fired over a border area: a show of force, no strike.
    (
        r"violat(?:ed|ing|ion of) (?:the )?(?:\w+ )?air ?space|air ?space violations?"
        r"|(?:flew|flying|hovered|hovering|circled|circling) (?:at (?:a )?(?:very )?(?:low|medium|high)"
        r" altitudes? )?(?:over|above)|(?:fired|launched|dropped) (?:\w+ ){0,2}?(?:flares|flare (?:bombs"
        r"|shells))",
        "Other",
        3,
        "show of force",
        _AIRCRAFT_OR_FORCES,
    ),
    # Incendiary balloons or kites sent over a border: fires set from afar, no attack on anyone.
    (r"incendiary (?:and explosive )?(?:balloons?|kites?)", "Other", 5, None, None),
    # Captives freed by those who held them ("nine hostages were freed from rebel jails").
    (
        r"(?:were|was|have been|had been) (?:\w+ )?(?:released from|freed from) (?:\w+ ){0,2}?(?:prisons?"
        r"|jails?|captivity|custody|detention)",
        "Other",
        5,
        "prisoners released",
        _ARMED,
    ),
    # People displaced by hostilities; refugees returning or arriving in number.
    (
        r"evacuated|evacuation|fled|forced to flee|were displaced|have been displaced|displacing"
        r"|abandoned their (?:homes|villages)",
        "Other",
        2,
        "displacement",
        _HOSTILITIES,
    ),
    (
        r"(?:returned|arrived|came back|were repatriated|were returned|crossed back)"
        r"|humanitarian corridor",
        "Other",
        2,
        "refugees returned",
        _COUNTED_REFUGEES,
    ),
]

# Arrests that are part of a conflict: of opponents, activists, party members or fighters, or by the
# army or a country's or a party's forces ("Israeli forces", "SDF forces"; not the police's).
_POLITICAL = re.compile(
    rf"\b(?:{_NAMED_GROUPS}|(?:members|supporters|activists|leaders) of (?:both |the )?(?-i:[A-Z][\w-]*)"
    # the Islamic State's short name, not a capitalised "IS" of a headline ("IS THIS THE END")
    r"|(?:(?<=linked to )|(?<=affiliated with )|(?<=loyal to )|(?<=claimed by )|(?<=suspected )|(?<=joined )"
    r"|(?<=joining )|(?<=ties to ))(?-i:IS)\b"
    r"|(?-i:IS)(?=[- ](?:fighters|militants|cells?|members|group|linked|jihadists)\b)"
    r"|(?-i:[A-Z][\w-]*) (?:security |armed |military |regime |government )?forces(?<!police forces)"
    r"|election campaigns?"
    r"|opposition|activists?|dissidents?|journalists?|bloggers?|human rights defenders?|party"
    r" (?:members?|leaders?|officials?|supporters?|candidates?)|running mate|insurrection|rebellion"
    r"|coup|treason|subversion|sedition|anti-government|militants?|rebels?|insurgents?|jihadists?|guerrillas?"
    r"|militia\w*|soldiers|troops|army|military"
    # armed or separatist suspects (the captor alone makes no conflict arrest: gendarmes stop drunk drivers)
    r"|terrorists?|terror suspects?|separatists?|secessionists?|bandits|gunmen|kidnappers|pirates)\b",
    re.IGNORECASE,
)


def political_arrest(sentence: str) -> bool:
    """Whether an arrest the sentence reports involves opponents, activists, fighters or the army."""
    return _POLITICAL.search(sentence) is not None
