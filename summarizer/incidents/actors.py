"""Who took part: actor mentions normalized to ACLED-style names with an actor type.

"Syrian forces", "Syrian troops", "the Syrian army" and "a Syrian army checkpoint" are all
"Military Forces of Syria" (State forces); "local residents" in Syria are "Civilians (Syria)";
"gunmen" are an "Unidentified Armed Group"; named groups (Islamic State, al-Shabaab, Taliban,
...) keep their usual names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from summarizer.incidents.cues import candidates, cue_text, matches, read
from summarizer.incidents.events import COMMUNITIES_FIGHTING
from summarizer.incidents.gazetteer import Gazetteer

__all__ = [
    "CIVILIANS",
    "HARMED",
    "INTERNATIONAL",
    "NAF",
    "PRIVATE_SECURITY",
    "PROTESTERS",
    "REBELS",
    "RIOTERS",
    "STATE",
    "UNIDENTIFIED_GANG",
    "UNIDENTIFIED_GROUP",
    "ActorMention",
    "clash_told",
    "counter_protest",
    "dated_actor",
    "find_actors",
    "fought_among_themselves",
    "order_actors",
    "own_blast",
    "state_forces",
    "unknown_attacker",
    "unknown_gang",
]

STATE = "State forces"
REBELS = "Rebel group"
MILITIA = "Political militia"
IDENTITY = "Identity militia"
RIOTERS = "Rioters"
PROTESTERS = "Protesters"
CIVILIANS = "Civilians"
# Guards of private firms: a side when a conflict event is told, but no sign of one by themselves
# (shops, concerts and stadiums have guards).
PRIVATE_SECURITY = "Private Security Forces"
EXTERNAL = "External/Other forces"
UNIDENTIFIED_GROUP = "Unidentified Armed Group"
UNIDENTIFIED_GANG = "Unidentified Gang"
NAF = "NAF: United Armed Forces of Novorossiya"  # ACLED's name of the Donbas separatists' forces
_CROWDS = {PROTESTERS, RIOTERS, CIVILIANS}
_ISWAP = "Islamic State (West Africa)"
_JAS = "Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad"
_BOKO_HARAM = f"{_ISWAP} and/or {_JAS}"
_GROUP_KINDS = {REBELS, MILITIA, IDENTITY}  # non-state armed groups
_AQ = "Al Qaeda"
# "al-Qaeda", "Al Qaida", "al-Qa'ida", "al-Qa’ida", "Al-Qa`ida" (database spelling)
_QAEDA = r"(?i:al[- ]Qa[e'`’]?ida)"
_NATO = "NATO: North Atlantic Treaty Organization"
_AMISOM = "AMISOM: African Union Mission in Somalia"
_ATMIS = "ATMIS: African Union Transition Mission in Somalia"
_MINUSMA = "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali"
_MONUSCO = "MONUSCO: United Nations Organization Stabilization Mission in the Democratic Republic of Congo"
_MINUSCA = (
    "MINUSCA: United Nations Multidimensional Integrated Stabilization Mission in the"
    " Central African Republic"
)
_UNMISS = "UNMISS: United Nations Mission in South Sudan"
_UNIFIL = "UNIFIL: United Nations Interim Force in Lebanon"
_STC = "STC: Southern Transitional Council"
_KIA = "KIO/KIA: Kachin Independence Organization/Kachin Independence Army"
_NRF = "NRF: National Resistance Front"
_KNU = "KNU/KNLA: Karen National Union/Karen National Liberation Army"
_GIANTS = "Giants Brigades"
# Names whose short forms ("STC", "Giants Brigade") other things share abroad (a bus company, a
# football club): they name the side only in its country's events, or followed by a fighters' word.
_AFGHAN_TALIBAN = "Taliban (Afghan)"  # named "Taliban", or by its date (see _DATED)
_ELN = "ELN: National Liberation Army"
_FARC_DISSIDENT = "FARC Dissident: Revolutionary Armed Forces of Colombia Dissident Faction"
_COLOMBIAN_REBELS_HOME = ("Colombia", "Venezuela", "Ecuador")
_HOME = {
    _STC: ("Yemen",),
    _GIANTS: ("Yemen",),
    _ELN: _COLOMBIAN_REBELS_HOME,
    _FARC_DISSIDENT: _COLOMBIAN_REBELS_HOME,
}
_FORMER_BEFORE = re.compile(r"\b(?:former|ex-)\s*$", re.IGNORECASE)
_ASSOCIATE_BEFORE = re.compile(
    r"\b(?:(?:linked|tied|affiliated|allied|loyal|close)\s+(?:to|with)"
    r"|(?:backed|sheltered|harbou?red|hosted|supported|sponsored)\s+by)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_SHELTERING_AFTER = re.compile(
    r"(?:\s+(?:fighters|forces|members|officials|rulers|authorities|leaders))?"
    r"\s+(?:have\s+|had\s+|has\s+)?(?:sheltered|shelters?|harbou?r(?:ed|s)?|host(?:ed|s)?)\b",
    re.IGNORECASE,
)
_FIGHTERS_END = re.compile(
    r"\s(?:forces|fighters|militants|militiamen|troops|units|personnel|guerrillas|rebels|insurgents)$",
    re.IGNORECASE,
)

# (pattern, ACLED-style name, actor type); "{country}" is filled with the incident's country.
_NAMED: list[tuple[str, str, str]] = [
    (r"Islamic State West Africa(?: Province)?|ISWAP", _ISWAP, REBELS),
    (
        r"Islamic State (?:in the )?(?:Greater )?Sahara|ISGS|Islamic State Sahel(?: Province)?",
        "Islamic State (Greater Sahara)",
        REBELS,
    ),
    (
        r"Islamic State(?: Khorasan(?: Province)?| of Iraq and (?:the Levant|Syria|al-Sham))?"
        r"|ISIS(?:-K)?|ISIL|ISKP|IS-K|Daesh"
        # A bare "IS" only before a word that makes it the group ("IS fighters", "IS positions",
        # "an IS-planted mine"), never the verb.
        r"|IS(?= (?:militants|fighters|attacks?|cells?|members|gunmen|insurgents|jihadists|bombers?"
        r"|suicide|positions|hideouts?|remnants|sleeper|targets|commanders?|leaders?|emirs?|claimed)\b"
        r"|-(?:planted|laid|made|held|controlled|claimed|linked|affiliated|inspired)\b)"
        r"|(?<=/)IS|(?<=/ )IS",
        "Islamic State ({province})",
        REBELS,
    ),
    (r"(?i:al[- ]shabaa?b)|Shabaab|AS(?= militants| fighters| members)", "Al Shabaab", REBELS),
    # Pakistan's armed groups, before the Taliban they share a word with.
    (
        r"TTP|Tehr[ei]e?k-[ei]-Taliban(?: Pakistan)?|Pakistani Taliban",
        "TTP: Tehreek-i-Taliban Pakistan",
        REBELS,
    ),
    (r"BLA|Baloch(?:istan)? Liberation Army", "BLA: Baloch Liberation Army", REBELS),
    (r"BLF|Baloch(?:istan)? Liberation Front", "BLF: Baloch Liberation Front", REBELS),
    # The Afghan Taliban by that name (also abroad, unlike the bare "Taliban", which in Pakistan is
    # often the Pakistani Taliban), or as border forces.
    (r"Afghan Taliban|Taliban border (?:forces|guards|police|troops)", _AFGHAN_TALIBAN, REBELS),
    (r"Taliban", "Taliban", REBELS),
    # The press calls both factions "Boko Haram": ACLED then names both; the Shekau faction is JAS.
    (r"JAS|Shekau(?:'s)? (?:faction|group|fighters|loyalists)", _JAS, REBELS),
    (r"Boko Haram", _BOKO_HARAM, REBELS),
    (r"JNIM|Jama'?at Nasr al-Islam wal Muslimin", "JNIM: Group for Support of Islam and Muslims", REBELS),
    (rf"AQAP|{_QAEDA} in the Arabian Peninsula", f"AQAP: {_AQ} in the Arabian Peninsula", REBELS),
    (rf"AQIM|{_QAEDA} in the Islamic Maghreb", f"AQIM: {_AQ} in the Islamic Maghreb", REBELS),
    (_QAEDA, _AQ, REBELS),
    # ACLED codes the Houthis' forces as Yemen's de facto military in the north.
    (r"Houthis?|Ansar Allah", "Military Forces of Yemen Houthi", STATE),
    # Yemen's other sides: the internationally recognised government's forces, the southern
    # separatists (the Security Belt and the Elite forces are coded as the STC), the Giants Brigades.
    (
        r"(?:pro-)?Hadi(?:'s)? (?:government )?(?:forces|troops|loyalists|fighters)"
        r"|forces loyal to (?:President )?(?:Abd ?Rabb?[uo]h? Mansour )?Hadi",
        "Military Forces of Yemen",
        STATE,
    ),
    (
        r"STC|Southern Transitional Council|Security Belt [Ff]orces"
        r"|(?:Hadrami|Shabwani) Elite(?: [Ff]orces)?",
        _STC,
        MILITIA,
    ),
    (r"Giants Brigades?|(?:al-)?Amaliqa(?: Brigades?)?", _GIANTS, MILITIA),
    (r"Hamas|Qassam Brigades", "Hamas Movement", REBELS),
    (r"Fatah(?! al[- ](?:Islam|Sham))(?: [Mm]ovement)?", "Fatah Movement", MILITIA),
    # Fire from Gaza by no named faction: ACLED's unidentified armed group of Palestine; elsewhere
    # ("from southern Lebanon") the event's country's, as ACLED codes unnamed groups.
    (
        r"Palestinian (?:militants|gunm[ae]n|fighters|armed groups?"
        r"|militant(?!\s+(?:group|leader|commander|faction|organi[sz]ation|movement)\b))",
        "{palestinian}",
        REBELS,
    ),
    (r"(?:al[- ])?Aqsa Martyrs'? Brigades?", "Al Aqsa Martyrs Brigade", REBELS),
    (
        r"Palestinian Islamic Jihad|Islamic Jihad|PIJ|(?:al-)?Quds Brigades|Saraya al-Quds",
        "PIJ: Palestinian Islamic Jihad",
        REBELS,
    ),
    # Iraq's Shia militias, before the Lebanese Hezbollah they share a word with.
    (r"Kata'?i?b (?:Hezbollah|Hizbollah|Hizballah|Hizbullah)", "Kataib Hezbollah", MILITIA),
    (r"Asa'?ib Ahl al[- ]Haq", "Asaib Ahl al Haq", MILITIA),
    # The umbrella of Iraq's Iran-aligned militias that claims their strikes since 2023; Hezbollah's
    # armed wing signs its own "Islamic Resistance in Lebanon".
    (r"Islamic Resistance in Iraq", "Islamic Resistance in Iraq", MILITIA),
    (r"Hezbollah|Hizbollah|Hizballah|Islamic Resistance in Lebanon", "Hezbollah", MILITIA),
    (r"Amal (?:[Mm]ovement|militia|militiamen|members|supporters|fighters)", "Amal Movement", MILITIA),
    # Syria's armed opposition and Iran's insurgents by their names.
    (r"Ahrar al[- ]Sham", "Ahrar al Sham", REBELS),
    (r"Jaysh al[- ]Islam|Jaish al[- ]Islam", "Jaish al Islam", REBELS),
    (r"Hurr?as al[- ]Din", "Hurras al Din", REBELS),
    (r"Jaish al[- ]Adl|Jaysh al[- ]Adl", "Jaish al Adl", REBELS),
    (
        r"PJAK|Free Life Party of Kurdistan|Kurdistan Free Life Party",
        "PJAK: Free Life Party of Kurdistan",
        REBELS,
    ),
    # The PKK's armed wing, the HPG, is coded as the PKK; its long name, "People's Defence Forces", is
    # shared with Myanmar's PDF, so it names the PKK only with its abbreviation.
    (
        r"PKK|Kurdistan Workers'? Party|(?:People's Defen[cs]e Forces \()?HPG\)?",
        "PKK: Kurdistan Workers Party",
        REBELS,
    ),
    (r"SDF|QSD|Syrian Democratic Forces", "QSD: Syrian Democratic Forces", REBELS),
    (r"YPG|People'?s Protection Units", "YPG: Peoples Protection Units", REBELS),
    (
        r"HTS|Hay'?at Tahrir al[- ]Sham|Tahrir al[- ]Sham|(?:Jabhat )?al[- ]Nusrah?(?: Front)?|Nusrah? Front"
        r"|Jabhat Fat[ae]h al[- ]Sham",
        "HTS: Hayat Tahrir al Sham",
        REBELS,
    ),
    # Iran's and Iraq's forces known by their own names, units of the state's military in ACLED.
    (
        r"IRGC|(?:Islamic )?Revolutionary Guards?(?: Corps)?|(?:IRGC[- ])?Quds Force",
        "Military Forces of Iran Islamic Revolutionary Guard Corps",
        STATE,
    ),
    (r"Basij(?: Force| militia)?", "Military Forces of Iran Basij Force", STATE),
    (
        r"Popular Mobili[sz]ation (?:Forces|Units)|PMF|PMU|(?:al-)?Hashd al-Shaabi",
        "Military Forces of Iraq Popular Mobilization Forces",
        STATE,
    ),
    (r"(?i:peshmerga)", "Military Forces of Iraq Peshmerga", STATE),
    (r"(?:Israeli|Jewish) settlers", "Settlers (Israel)", IDENTITY),
    # Guards of a private firm, bank, mine or farm (not a state's prison or border guards): ACLED's
    # "Private Security Forces" of the country, an "other force".
    (
        r"(?i:(?:private )?security guards?|private security(?: (?:guards?|officers?|personnel|agents?"
        r"|contractors?|firms?|compan(?:y|ies)))?|(?:bank|mine|company|farm|estate|hotel|factory) guards?)",
        f"{PRIVATE_SECURITY} ({{country}})",
        EXTERNAL,
    ),
    # Syria's armed opposition, unnamed ("opposition fighters", "rebel factions").
    (
        r"(?i:(?:armed |Syrian )?opposition (?:fighters|factions|forces|groups|rebels|militants))"
        r"|(?i:rebel factions)",
        "Opposition Rebels ({country})",
        REBELS,
    ),
    (
        r"Syrian National Army|(?:Turkish|Turkey)-backed (?:Syrian )?"
        r"(?:factions|rebels|fighters|militias?|groups|opposition(?: factions| fighters| groups)?)",
        "Syrian National Army",
        REBELS,
    ),
    (r"NATO|ISAF|Resolute Support(?: [Mm]ission)?", _NATO, EXTERNAL),
    # Somalia's federal states' forces, units of its military in ACLED; Somaliland's are its own.
    (
        r"(?:Puntland(?:'s)? )?Dervish(?: [Ff]orces?)?|Puntland (?:forces|troops|soldiers)",
        "Military Forces of Somalia Puntland Dervish Force",
        STATE,
    ),
    (
        r"Jubaland (?:[Ss]ecurity )?(?:[Ff]orces?|troops|soldiers)",
        "Military Forces of Somalia Jubaland Security Force",
        STATE,
    ),
    (r"Galmudug (?:forces|troops|soldiers)", "Military Forces of Somalia Galmudug Administration", STATE),
    (r"Somaliland (?:forces|troops|soldiers|army|military)", "Military Forces of Somaliland", STATE),
    (r"Somaliland (?:police|policemen|police officers)", "Police Forces of Somaliland", STATE),
    (r"Wagner(?: Group)?|Africa Corps", "Wagner Group", EXTERNAL),
    (r"Rapid Support Forces|RSF", "Rapid Support Forces", REBELS),
    (r"M23|March 23 Movement", "M23: March 23 Movement", REBELS),
    (r"ADF|Allied Democratic Forces", "ADF: Allied Democratic Forces", REBELS),
    (r"CODECO", "CODECO: Cooperative for Development of Congo", IDENTITY),
    (r"ELN|National Liberation Army", _ELN, REBELS),
    # The FARC's armed remnants after the peace deal; its party ("Comunes" from 2021) is no side.
    (
        r"FARC[- ](?:EP )?dissidents?|dissidents? (?:of|from) the FARC|ex-FARC|FARC splinter"
        r"|FARC(?! (?i:party|ex-combatants?|former combatants?|politicians?|lawmakers|senators?)\b)"
        r"(?!'s former\b)",
        _FARC_DISSIDENT,
        REBELS,
    ),
    (
        r"Fulani (?:militia|gunmen|herdsmen|militants|extremists)",
        "Fulani Ethnic Militia ({country})",
        IDENTITY,
    ),
    (r"Dozo", "Dozo Communal Militia ({country})", IDENTITY),
    (r"(?i:pro-government militias?)(?: members)?|Arbaki", "Militia (Pro-Government)", MILITIA),
    (
        r"Malay Muslim (?:separatists|insurgents|militants|rebels)|Patani separatists|BRN",
        "Malay Muslim Separatists ({country})",
        REBELS,
    ),
    (r"(?:Operation )?Barkhane(?: forces)?", "Military Forces of France", STATE),
    # Mai-Mai militias of the Kivus, by faction where one is named.
    (
        r"(?:(?:Mayi|Mai)[- ](?:Mayi|Mai)\s+)?(?:\w+\s+)?Raiy?a[- ]Mutomboki",
        "Mayi Mayi Militia (Raia Mutomboki)",
        IDENTITY,
    ),
    (r"(?:(?:Mayi|Mai)[- ](?:Mayi|Mai)\s+)?Nyatura", "Mayi Mayi Militia (Nyatura)", IDENTITY),
    (r"(?:(?:Mayi|Mai)[- ](?:Mayi|Mai)\s+)?Kifuafua", "Mayi Mayi Militia (Kifuafua)", IDENTITY),
    (r"(?:(?:Mayi|Mai)[- ](?:Mayi|Mai)\s+)?Yakutumba", "Mayi Mayi Militia (Yakutumba)", IDENTITY),
    (r"(?:Mayi|Mai)[- ](?:Mayi|Mai)", "Mayi Mayi Militia", IDENTITY),
    (r"Dan Na Ambassagou", "Dan Na Ambassagou", IDENTITY),
    (r"(?i:dahalo)", "Dahalo Militia", IDENTITY),
    (r"Abu Sayyaf(?: Group)?|ASG", "ASG: Abu Sayyaf", REBELS),
    (r"Dawlah Islamiyah|Dawla Islamiya", "Dawlah Islamiyah", REBELS),
    (r"Jamaah Ansharut Daulah|JAD", "JAD: Jamaah Ansharut Daulah", REBELS),
    (r"Korean People's Army|KPA", "Military Forces of North Korea", STATE),
    (r"BIFF|Bangsamoro Islamic Freedom Fighters", "BIFF: Bangsamoro Islamic Freedom Fighters", REBELS),
    (r"MILF|Moro Islamic Liberation Front", "MILF: Moro Islamic Liberation Front", REBELS),
    (r"MS-13|MS13|Mara Salvatrucha", "MS-13: Mara Salvatrucha", MILITIA),
    (
        r"Ambazonian? (?:separatists|secessionists|fighters|rebels)",
        "Ambazonian Separatists ({country})",
        REBELS,
    ),
    (
        r"CPI ?\(Maoist\)|CPI-Maoist|Communist Party of India[- ]\(?Maoist\)?",
        "CPI (Maoist): Communist Party of India (Maoist)",
        REBELS,
    ),
    (r"Fano(?: militia)?", "Fano Militia", IDENTITY),
    (
        r"(?i:(?:military|armed|defen[cs]e) forces of Artsakh)|Artsakh(?:'s)? (?:forces|army|military)"
        r"|(?:Artsakh|Nagorno-Karabakh) Defen[cs]e Army",
        "Military Forces of Artsakh",
        STATE,
    ),
    (
        r"Tigray (?:People's Liberation Front|forces|Defen[cs]e Forces)"
        r"|Tigrayan (?:forces|fighters|rebels|troops)|TPLF|TDF",
        "TPLF: Tigray People's Liberation Front",
        REBELS,
    ),
    (r"Arakan Army", "ULA/AA: United League of Arakan/Arakan Army", REBELS),
    # Myanmar's other ethnic armed organisations, by ACLED's names.
    (r"Kachin Independence (?:Army|Organi[sz]ation)", _KIA, REBELS),
    (r"KNLA|Karen National (?:Liberation Army|Union)", _KNU, REBELS),
    (r"TNLA|Ta'ang National Liberation Army", "TNLA: Ta'ang National Liberation Army", REBELS),
    (
        r"MNDAA|Myanmar National Democratic Alliance Army",
        "MNDAA: Myanmar National Democratic Alliance Army",
        REBELS,
    ),
    # Afghanistan's armed opposition to the Taliban government from August 2021.
    (r"National Resistance Front(?: of Afghanistan)?", _NRF, REBELS),
    (r"Hizb-?ul-? ?Mujahideen|HM(?= militants| cadres| members)", "HM: Hizb-ul-Mujahideen", REBELS),
    (r"Lashkar-e-Ta[iy]y?i?ba|LeT", "LeT: Lashkar-e-Taiba", REBELS),
    (r"Jaish-e-Moh?amm?[ae]d|JeM", "JeM: Jaish-e-Mohammed", REBELS),
    (r"Ansar Ghazwat-ul-Hind|AGuH", "AGuH: Ansar Ghazwat-ul-Hind", REBELS),
    (r"People's Defen[cs]e Forces?|PDF", "PDF: People's Defense Force", REBELS),
    (
        r"NAF|Novorossiya|(?:Donbass|Donbas|Donetsk|Luhansk|Lugansk) People's (?:Militia|Republic)|DPR|LPR",
        NAF,
        REBELS,
    ),
    (
        r"LNA|Libyan National Army|Haftar(?:'s)? forces|forces loyal to (?:Khalifa )?Haftar",
        "Military Forces of Libya Haftar Faction",
        STATE,
    ),
    (
        r"GNA|Government of National Accord",
        "Military Forces of Libya Government of National Accord",
        STATE,
    ),
    (
        r"Islamist (?:militants?|insurgents?|militia|fighters)|Islamic (?:militants?|insurgents?)",
        "Islamist Militia ({country})",
        REBELS,
    ),
    (r"NPA|New People's Army", "NPA: New People's Army", REBELS),
    (r"Naxal\w*|Maoists?", "Naxal-Maoist Rebels ({country})", REBELS),
    (
        r"CJNG|Jalisco (?:New Generation|Nueva Generacion) Cartel",
        "CJNG: Jalisco New Generation Cartel",
        MILITIA,
    ),
    (r"Comando Vermelho|Red Command", "CV: Red Command", MILITIA),
    (
        r"Imbonerakure",
        "CNDD-FDD-Imbonerakure: National Council for the Defence of Democracy (Imbonerakure Faction)",
        MILITIA,
    ),
    (r"Kurdish (?:forces|fighters|allies|militia)", "Kurdish Militia ({country})", REBELS),
    # Peace operations by their missions (ACLED's names); peacekeepers named by no mission are the
    # mission of the country they serve in.
    (r"AMISOM|African Union Mission in Somalia", _AMISOM, EXTERNAL),
    (r"ATMIS|African Union Transition Mission in Somalia", _ATMIS, EXTERNAL),
    (r"MINUSMA", _MINUSMA, EXTERNAL),
    (r"MONUSCO", _MONUSCO, EXTERNAL),
    (r"MINUSCA", _MINUSCA, EXTERNAL),
    (r"UNMISS", _UNMISS, EXTERNAL),
    (r"UNIFIL", _UNIFIL, EXTERNAL),
    (r"(?:UN |United Nations |African Union |AU )?[Pp]eacekeepers", "{mission}", EXTERNAL),
    # The Saudi-led coalition in Yemen is ACLED's "Operation Restoring Hope"; the coalition against
    # the Islamic State in Iraq and Syria its "Global Coalition Against Daesh".
    (
        r"(?:Saudi|Saudi-Emirati|Saudi and Emirati|Arab)[- ]led (?:Arab |military )?coalition|Arab coalition",
        "Operation Restoring Hope",
        EXTERNAL,
    ),
    (
        r"(?:(?:US|U\.S\.|American)-led |[Ii]nternational |[Ww]estern |anti-(?:IS|ISIS|ISIL) )?"
        r"(?:[Cc]oalition (?:forces|troops|soldiers|personnel|aircraft|jets|warplanes|planes|drones"
        r"|air ?strikes?)"
        r"|[Gg]lobal [Cc]oalition)",
        "{coalition}",
        EXTERNAL,
    ),
]
# A group's name may carry its members' noun ("Boko Haram militants"): one actor, not two.
_MEMBERS = (
    r"(?:\s+(?:militants|fighters|insurgents|rebels|guerrillas|jihadists|extremists|members|gunmen|forces|militia|militiamen"
    r"|soldiers|troops|units|personnel|air force|military|aircraft|warplanes|drones))?"
)
# Abbreviations of state forces, by country (SNA is Somalia's army in Somali news, else Syria's rebels).
_FORCE_ABBREVIATIONS = {
    "IDF": "IL", "SAA": "SY", "FARDC": "CD", "FAMa": "ML", "ISF": "IQ", "UPDF": "UG", "KDF": "KE",
    "SAF": "SD", "ENDF": "ET", "Tatmadaw": "MM", "ANDSF": "AF", "ANA": "AF", "SNA": "SO", "SSPDF": "SS",
}  # fmt: skip
_ABBREVIATION_RE = re.compile(r"\b(?P<abbr>" + "|".join(_FORCE_ABBREVIATIONS) + r")\b")
# Acronyms (and words) that name one force or group only in one country's news ("AA" is the Arakan
# Army in Myanmar).
_LOCAL_ACRONYMS: dict[str, tuple[str, str, str]] = {
    "AA": ("MM", "ULA/AA: United League of Arakan/Arakan Army", REBELS),
    "KIA": ("MM", _KIA, REBELS),  # elsewhere a carmaker, or "killed in action"
    "KNU": ("MM", _KNU, REBELS),
    "NRF": ("AF", _NRF, REBELS),
    "RR": ("IN", "Military Forces of India Rashtriya Rifles", STATE),
    "CRPF": ("IN", "Police Forces of India Central Reserve Police Force", STATE),
    "NDS": ("AF", "Police Forces of Afghanistan National Directorate of Security", STATE),
    "settlers": ("PS", "Settlers (Israel)", IDENTITY),  # in the West Bank, Israeli settlers
}
# An acronym in another sense: a status ("two soldiers were KIA", killed in action) or a brand or
# trade body before its goods ("a KIA car dealer", "the NRF retail forecast").
_ACRONYM_STATUS_BEFORE = re.compile(
    r"\b(?:was|were|been|being|is|are|as|declared|reported)\s+$", re.IGNORECASE
)
_ACRONYM_GOODS_AFTER = re.compile(
    r"\s+(?:cars?|dealers?|dealerships?|showrooms?|motors|vans?|saloons?|sedans?|SUVs?|retail|sales"
    r"|forecasts?|index|survey|shares?|stock)\b",
    re.IGNORECASE,
)
_LOCAL_ACRONYM_RE = re.compile(rf"\b(?P<abbr>{'|'.join(_LOCAL_ACRONYMS)})\b{_MEMBERS}")
# A word of a name may be capitalised (headlines, notes that write "Malay Muslim Separatists"): each
# lowercase word of a name's pattern also matches with a capital.
_WORD_START = re.compile(r"(?<![\\\w\[\]?(<!=-])([a-z])(?=[a-z])")


def _title_case_too(pattern: str) -> str:
    """``pattern`` with each lowercase word also matching capitalised: "rebels" as "[rR]ebels"."""
    return _WORD_START.sub(lambda m: f"[{m[1]}{m[1].upper()}]", pattern)


_NAMED_RE = [(re.compile(_title_case_too(rf"\b(?:{p}){_MEMBERS}\b")), name, kind) for p, name, kind in _NAMED]

_STATE_NOUNS = (
    r"forces|force|troops|soldiers?|army|military|police|policem[ae]n|police officers?|officers?"
    r"|servicem[ae]n|personnel|convoys?|patrols?|checkpoints?|jets|warplanes|aircraft|drones?|navy"
    r"|air force|artillery|units?|marines|guards|gendarmes|gendarmerie|tanks?|helicopters?|airstrikes?"
    r"|air strikes?|strikes|shelling|officials|authorities|government|regime|sergeant|commanders?"
    r"|platoon|missiles?|rockets?|shells?|bombs?|positions|outposts|defen[cs]es|defen[cs]e systems?"
    r"|bulldozers"
)
_STATE_MODIFIERS = (
    r"army|military|armed|government|regime|junta|security|special|border|air|naval|coalition|pro-government"
    r"|national|defen[cs]e|riot|federal|state|machine|gun|turret-equipped|MRAP|troop|occupation"
)
_CIVILIAN = (
    r"(?:local\s+)?(?:civilian\s+)?(?:residents|villagers|civilians|locals|farmers|herders|shepherds"
    r"|fishermen|passengers|worshippers|worshipers|pilgrims|mourners|shoppers|spectators"
    r"|students|pupils|traders|journalists|aid workers|motorists"
    r"|displaced people|IDPs|refugees|a civilian|civilian|a farmer|a journalist|a (?:local )?resident"
    r"|a villager|women and children|children"
    # People harmed, named by who they are: "killed 1 farmer", "three women were wounded".
    r"|(?:an?|one|two|three|four|five|\d+) (?:\w+ )?(?:farmer|herder|shepherd|trader|teacher|driver"
    r"|woman|women|girls?|boys?|child|children|villager|resident|civilian|workers?|passerby|student"
    r"|pupils?|merchant|vendor|businessman|nurse|doctor|pastor|priest|imam)"
    # Or by their people: "a Palestinian man", "two Yazidi men".
    r"|(?:an?|one|two|three|four|five|\d+) (?-i:[A-Z][a-z]+) (?:man|men))"
)
_PROTESTERS = r"protesters|protestors|demonstrators|marchers|strikers|supporters of"
_RIOTERS = r"rioters|a mob|an angry mob|mobs|youths"
# Tried only from the first of a run of modifiers: a later one could only reach the same nouns.
_UNIDENTIFIED = (
    r"(?:(?<!\bunidentified )(?<!\bunknown )(?<!\bsuspected )(?<!\barmed )(?<!\bmasked )"
    r"(?:unidentified |unknown |suspected |armed |masked )*(?:gunm[ae]n|armed men|assailants|attackers"
    r"|militants|insurgents|jihadists|bandits|kidnappers|suicide bombers?|bombers?|terrorists"
    r"|armed group|fighters|rebels|militiamen|militia)"
    # Nouns that name an attacker only with a modifier: "an unknown party", "armed individuals".
    r"|(?:unidentified|unknown|armed|masked) (?:party|parties|perpetrators?|individuals?|persons?|men|man"
    r"|commando|assailant|attacker|gunman)"
    # Or named as the agent of an attack: "was shot by a man", "stabbed by two men".
    r"|(?<=\bby )"
    r"(?:a |an |two |three |several |a group of )?(?:man|men|woman|youths?|individuals?|persons?|suspects?))"
)
# Identity militias by the community they are named after: "Tiv militias" (an ethnic group),
# "militiamen from Tonj South" (a place: a communal militia), "the Garre clan militia".
_NOT_A_NAME = (
    r"(?!(?:The|A|An|Local|Suspected|Presumed|Alleged|Armed|Rival|Unidentified|Unknown|Some|Several|Pro"
    r"|Government|State|Militia|Militias|Communal|Ethnic|Clan|Youth|Both|Other|Islamist|Islamic|One|Two"
    r"|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Dozens|Hundreds|Scores|Those|These|Its|Their"
    r"|Many|On|In|At|Around|Around|Reported|Police|Army|Military)\b)"
)
_COMMUNITY = rf"{_NOT_A_NAME}[A-Z][a-z]+(?:[- ]{_NOT_A_NAME}[A-Z][a-z]+)?"
_MILITIA_NOUN = r"(?i:militias?|militiamen|militia members)"
_ETHNIC_MILITIA = re.compile(
    rf"\b(?P<name>{_COMMUNITY})(?: and (?P<other>{_COMMUNITY}))?\s+"
    rf"(?:(?i:(?P<kind>ethnic|communal|clan))\s+)?{_MILITIA_NOUN}\b"
)
_COMMUNAL_MILITIA = re.compile(
    r"\b(?i:(?:armed\s+)?(?:communal\s+|local\s+)?(?:militias?|militiamen|militia members)\s+from\s+"
    rf"(?:the\s+)?)(?P<name>{_COMMUNITY})(?: and (?:the )?(?P<other>{_COMMUNITY}))?"
    r"(?P<clan>\s+(?i:(?:sub[- ]?)?clans?)\b)?"
)
_CLASHED_AFTER = re.compile(r"\s+(?:[\w(),]+\s+){0,6}?(?:clashed|fought|battled|exchanged)\b", re.IGNORECASE)
# Tribes (ACLED's "Tribal Militia" of the Middle East): "members of the Al-Bu Nimr and Bani Tamim tribes",
# "the Shammar tribe"; communities: "members of the Varoni community" ("Communal Militia"), "Teskel
# ethnic youths" ("Ethnic Militia").
_TRIBE = rf"{_NOT_A_NAME}[A-Z][a-z]+(?:[- ](?:[Bb]u|{_NOT_A_NAME}[A-Z][a-z]+)){{0,2}}"
_TRIBAL_MILITIA = re.compile(
    rf"\b(?:the )?(?P<name>{_TRIBE})(?: and (?:the )?(?P<other>{_TRIBE}))?\s+(?i:tribes?|tribesmen)\b"
)
_COMMUNITY_MEMBERS = re.compile(
    r"\b(?i:members? of|youths? (?:of|from)|(?:armed )?men from|people from|fighters from) the "
    rf"(?P<name>{_COMMUNITY})(?: and (?:the )?(?P<other>{_COMMUNITY}))? (?i:communit(?:y|ies))\b"
)
_ETHNIC_MEMBERS = re.compile(
    rf"\b(?P<name>{_COMMUNITY})(?: and (?P<other>{_COMMUNITY}))? "
    r"(?i:ethnic (?:individuals|youths?|men|groups?|members|fighters|gunmen))\b"
)
_HARMED_BEFORE = re.compile(
    r"\b(?:killed|killing|kill|wounded|wounding|injured|injuring|abducted|abducting|kidnapped|kidnapping"
    r"|attacked|attacking|targeted|targeting|shot|against|on|at)\s+(?:(?:at least|about|some|around|over"
    r"|up to)\s+)?(?:\w+\s+)?(?:(?:members?|people|men|women|elders?|leaders?|sheikhs?) (?:of|from)\s+)?$",
    re.IGNORECASE,
)
# Identity militias nobody named: "inter-clan clashes", "two rival clans", "communal violence".
_UNNAMED_IDENTITY = [
    (
        re.compile(
            rf"\b(?:(?:inter|intra)-?tribal|tribal)\s+(?:{COMMUNITIES_FIGHTING}|militias?|militiamen|gunmen"
            r"|fighters|conflicts?)\b|\b(?:two|rival|warring) tribes\b",
            re.IGNORECASE,
        ),
        "Unidentified Tribal Militia ({country})",
    ),
    (
        re.compile(
            rf"\b(?:(?:inter|intra)-?clan|clan-based|clan)\s+(?:{COMMUNITIES_FIGHTING}|militias?|militiamen)\b"
            r"|\brival clans?\b",
            re.IGNORECASE,
        ),
        "Unidentified Clan Militia ({country})",
    ),
    (
        re.compile(
            rf"\b(?:inter-?communal|communal)\s+(?:{COMMUNITIES_FIGHTING}|militias?|militiamen)\b",
            re.IGNORECASE,
        ),
        "Unidentified Communal Militia ({country})",
    ),
]


# Criminal gangs, and the drive-by shootings they are known by: ACLED's "Unidentified Gang".
_GANG = (
    r"(?:alleged |suspected )?(?:gangs?|gang members|gangsters|criminal groups?|drug traffickers?"
    r"|drug dealers?|hit ?m[ae]n|sicarios|suspects? of drug trafficking)"
)
# Drugs seized and drug labs destroyed belong to a gang: "a ton of marijuana", "a cocaine lab".
_DRUGS = (
    r"(?:(?:tons?|tonnes?|kilos?|kilograms?|\d*kg|pounds|packages|bags|plants|hectares|doses) of (?:\w+ )?"
    r"(?:marijuana|marihuana|cocaine|heroin|cannabis|drugs|methamphetamine|crack|crystal meth|shabu)"
    r"|(?:drug|cocaine|marijuana|narcotics?) (?:(?:processing|production) )?(?:lab|labs|laboratory"
    r"|laboratories|plantations?)"
    r"|clandestine airstrip)"
)
_DRIVE_BY = r"drive-?by(?: shootings?| attacks?| incidents?)?"
# Gangs and cartels the text names, where ACLED codes gang violence: "members of Los Tigres", "the Rio
# Negro gang", "Los Tigres members" are ACLED's "Los Tigres Gang"; a cartel so called keeps "Cartel"
# ("the Gulf cartel", "Sinaloa Cartel gunmen").
_GANG_WORDS = r"(?: (?:(?:de|del|la|las|los|el|y) )?[A-Z0-9][\w'-]*){0,4}"
_CARTEL_FIGHTERS = r"(?:gunmen|members|hitmen|sicarios|fighters|cells?|operatives|assassins|factions?)"
# Words that open a sentence or hedge a name, never part of a cartel's: "Suspected", "On Monday".
_NOT_A_CARTEL = (
    rf"{_NOT_A_NAME}(?!(?:Rival|Purported|Reputed|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|January|February|March|April|May|June|July|August|September|October|November|December)\b)"
)
# A cartel's capitalised name (its last one or two capitalised words, never a possessive "Mexico's").
_CARTEL_NAME = rf"(?:{_NOT_A_CARTEL}(?![\w-]*'s )[A-Z][\w'-]* )?{_NOT_A_CARTEL}[A-Z][\w'-]*"
_NAMED_GANGS = [
    # (never a party's members: "members of the X party")
    re.compile(
        rf"\b(?i:members? of)\s+(?:the\s+)?(?P<name>(?!(?:The|A|An)\b)[A-Z][\w'-]*{_GANG_WORDS})"
        r"(?![\w'-])(?! (?i:party|parties)\b)"
    ),
    re.compile(rf"\bthe (?P<name>[A-Z][\w'-]*{_GANG_WORDS}) (?P<suffix>gang|cartel)\b"),
    re.compile(rf"\b(?P<name>(?:Los|Las|La|El) [A-Z][\w'-]*{_GANG_WORDS}) members\b"),
    # A cartel known by its capitalised name (its last one or two capitalised words), with or without
    # "the", only as fighters: "Sinaloa Cartel gunmen"; a cartel merely written about is no side.
    # "Gulf Cartel and Northeast Cartel gunmen", "the X Cartel's gunmen" are fighters too.
    re.compile(
        rf"\b(?P<name>{_CARTEL_NAME}) (?P<suffix>Cartel)"
        rf"(?=(?:'s)? {_CARTEL_FIGHTERS}\b|(?:,| and| or) (?:the )?[A-Z][\w'-]*(?: [A-Z][\w'-]*)?(?: Cartel)?"
        rf" {_CARTEL_FIGHTERS}\b)"
    ),
    re.compile(rf"\b(?i:{_CARTEL_FIGHTERS}) (?:of|from) the (?P<name>{_CARTEL_NAME}) (?P<suffix>Cartel)\b"),
    # ... and the next of a list: "members of the Gulf Cartel and the Northeast Cartel".
    re.compile(
        rf"\b(?i:{_CARTEL_FIGHTERS}) (?:of|from) the {_CARTEL_NAME} Cartel(?:,| and| or) (?:the )?"
        rf"(?P<next>(?P<name>{_CARTEL_NAME}) (?P<suffix>Cartel))\b"
    ),
]
# A cartel written about or investigated is no side: "a reporter who wrote about X Cartel members".
_WRITTEN_ABOUT = re.compile(
    r"\b(?:about|investigat\w*|reporting\s+on|reported\s+on|covering|exposing|exposed)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# Names that belong to a state body or a public organisation, never to a gang.
_NOT_A_GANG = re.compile(
    r"\b(?:Guards?|Police|Army|Military|Forces?|Navy|Marines?|Council|Party|Congress|Union|Church|Assembly"
    r"|Association|Committee|Movement|Front|Government|Senate|Parliament|Ministry|Office|Commission"
    r"|National|Federal|State|Municipal|Prosecutor'?s?|Attorney|Red Command|CJNG)\b"
)
_GANG_SUFFIX = re.compile(r" (?P<suffix>Gang|Cartel)s?$")


def _fired(sentence: str, before: str, end: int) -> bool:
    """Whether the positions named up to ``end`` open their clause and fire ("X positions shelled Y")."""
    if not _CLAUSE_OPENS.search(before):
        return False
    verb = _FIRST_VERB_AFTER.match(sentence, end)
    return verb is not None and verb.group("verb").split()[0].lower() in _FIRING_VERBS


def _gang_name(match: re.Match[str]) -> str | None:
    """ACLED's name of the gang a match names ("Los Tigres Gang", "Sinaloa Cartel"), if a gang it is."""
    name = match.group("name")
    suffix = match.groupdict().get("suffix") or ""
    named_suffix = _GANG_SUFFIX.search(name)
    if named_suffix:
        name, suffix = name[: named_suffix.start()], named_suffix.group("suffix")
    if _NOT_A_GANG.search(name):
        return None
    return f"{name} {'Cartel' if suffix.lower() == 'cartel' else 'Gang'}"


# Where ACLED codes gang violence (Latin America and the Caribbean), an execution-style killing is a
# gang's work too, as is a killing with organised crime's signature (a threatening message left with
# the dead, victims blindfolded or gagged, human remains dumped, "armed criminals", a gangland
# killing); in Brazil a gang nobody named may as well be a police militia (ACLED's Brazil notes).
_GANG_REGION = {
    "AG", "AR", "BB", "BO", "BR", "BS", "BZ", "CL", "CO", "CR", "CU", "DM", "DO", "EC", "GD", "GT",
    "GY", "HN", "HT", "JM", "KN", "LC", "MX", "NI", "PA", "PE", "PR", "PY", "SR", "SV", "TT", "UY",
    "VC", "VE",
}  # fmt: skip
# Contraband seized there is a gang's too: "crates of smuggled whisky", "contraband diesel".
_CONTRABAND = re.compile(
    r"\b(?:(?:packs|packets|packages|boxes|cartons|crates|tons?|tonnes?|litres|liters)"
    r" of (?:smuggled|contraband)"
    r"|contraband (?:cigarettes|goods|fuel|diesel|petrol|gasoline|tobacco|liquor|alcohol))\b",
    re.IGNORECASE,
)
_EXECUTION = re.compile(
    r"\b(?:beheaded|decapitated|dismembered|mutilated|executed|(?:hands|feet|legs) (?:were )?tied"
    r"|tied (?:up|hands)|(?:threatening|intimidating) (?:message|note|sign)s?|narco-?(?:messages?|mantas?)"
    r"|blindfolded|gagged|human remains|armed criminals|gangland)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in a sentence: ACLED-style name, type, and where it was named."""

    name: str
    kind: str
    start: int
    end: int
    passive_agent: bool = False
    victim: bool = False
    claimant: bool = False
    responder: bool = False  # repelled an attack, or responded to or investigated one: never its initiator
    acting: bool = False  # did violence in its sentence ("soldiers opened fire", "10 gunmen attacked")
    origin: str | None = None  # the country foreigners named by nationality come from ("Venezuelan migrants")
    opponent: bool = False  # fought back in a clash ("a mob clashed with residents")
    general: bool = False  # state forces named only as "security forces": the police where crowds gather


def _of(country: str) -> str:
    """A country's name after "Forces of", with the article English gives it: unions and republics
    ("the United Arab Emirates", "the Republic of Congo", "the Dominican Republic"), plural names
    ("the Philippines", "the Solomon Islands"), and "the Gambia" and "the Ivory Coast" as ACLED writes
    them."""
    plural = ("Philippines", "Netherlands", "Bahamas", "Maldives", " Islands")
    if country.startswith(("United ", "Republic of ")) or country.endswith((" Republic", *plural)):
        return f"the {country}"
    if country in {"Gambia", "Ivory Coast", "Democratic Republic of Congo"}:
        return f"the {country}"
    return country


def state_forces(country: str, police: bool = False) -> str:
    """ACLED's name of a country's military or police: "Police Forces of the United States"."""
    return f"{'Police' if police else 'Military'} Forces of {_of(country)}"


# Places whose unqualified "troops" or "army" are another state's: in the Palestinian territories
# (the West Bank under Israeli military rule, Gaza's borders) they are Israel's.
_HELD_BY = {"Palestine": "Israel"}
# A sentence that names the territory's own authority's forces ("Palestinian Authority security
# forces", "PA forces", "Palestinian security services"): its unqualified forces are that authority's.
_OWN_AUTHORITY = re.compile(
    r"\b(?:Palestinian\s+(?:Authority|security|police|intelligence)|PA\s+(?:security|forces|police|officers))\b"
)


def _state(country: str | None, mention: str) -> str | None:
    """ACLED's name of a country's forces from how they were named ("Brazilian military police")."""
    if country is None:
        return None
    if _MILITARY_POLICE.search(mention):
        return f"{state_forces(country)} Military Police"
    unit = _POLICE_UNIT.search(mention)
    if unit:
        return f"{state_forces(country, police=True)} {_POLICE_UNITS[unit.group(0).lower().split()[0]]}"
    return state_forces(country, police=_POLICE.search(mention) is not None)


_MILITARY_POLICE = re.compile(r"\bmilitary police\b", re.IGNORECASE)
# Police branches ACLED names after the force: "Police Forces of Brazil Civil Police".
_POLICE_UNITS = {
    "prison": "Prison Guards", "civil": "Civil Police", "federal": "Federal Police",
    "gendarme": "Gendarmerie", "gendarmes": "Gendarmerie", "gendarmerie": "Gendarmerie",
}  # fmt: skip
_POLICE_UNIT = re.compile(
    r"\b(?:prison (?:guards?|officers?|wardens?)|civil police|federal police|gendarmes?|gendarmerie)\b", re.I
)
_POLICE = re.compile(r"\b(?:police|policem[ae]n|policewom[ae]n|gendarm\w*|riot)\b(?! station)", re.IGNORECASE)


_STATE_PATTERNS: dict[int, tuple[re.Pattern[str], re.Pattern[str]]] = {}
# What a country does only with its armed forces: "Iran launched missiles", "Turkey began an offensive".
_COUNTRY_ATTACKS = (
    r"(?:fired|launched|shelled|bombed|struck|attacked|invaded|shot down|exchanged|carried out)"
    r"\s+(?:\w+\s+){0,2}?(?:missiles?|rockets?|drones?|air ?strikes?|strikes?|raids?|shells|artillery|fire"
    r"|attacks?|offensive|invasion|bombs?|positions|targets|bases?)\b"
    r"|(?:began|launched|started) (?:a|an|its) (?:\w+ )?(?:offensive|invasion|operation)\b"
)
# "North and South Korea exchanged fire": two countries sharing a name, both their militaries.
_PAIRED_COUNTRIES = re.compile(
    rf"\b(?P<first>North|South|East|West) and (?P<second>North|South|East|West) (?P<name>[A-Z][a-z]+)"
    rf"(?=\s+(?:(?:has|have|had)\s+)?(?:{_COUNTRY_ATTACKS}))"
)
# "military forces of Armenia", "the police forces of Kenya", "the army of Mali".
_FORCES_OF = r"(?:military|armed|police|security|defen[cs]e|government) forces|army|police|troops|soldiers"


def _state_patterns(gazetteer: Gazetteer) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """ "military forces of Syria"-style mentions, "Syrian army checkpoint"-style ones, and a country
    that acts as an army ("Turkey launched air strikes", "India and Pakistan exchanged fire")."""
    key = id(gazetteer)
    if key not in _STATE_PATTERNS:
        names = sorted(
            {*gazetteer.demonyms, *(n for n in gazetteer.countries if len(n) > 1)}, key=len, reverse=True
        )
        origin = "|".join(re.escape(n) for n in names)
        _STATE_PATTERNS[key] = (
            re.compile(
                rf"\b(?i:(?P<noun>{_FORCES_OF}) of )(?:the )?(?P<origin>{origin})"
                rf"(?: and (?:the )?(?P<second>{origin}))?\b"
            ),
            re.compile(
                rf"(?<![\w.])(?P<origin>{origin})(?: and (?P<second>{origin}))?(?:-led|-backed)?"
                rf"(?:\s+(?i:(?:(?:{_STATE_MODIFIERS})[\s-]+){{0,3}}(?P<noun>{_STATE_NOUNS}))\b"
                rf"|(?=\s+(?:(?:has|have|had)\s+)?(?:{_COUNTRY_ATTACKS})))"
            ),
        )
    return _STATE_PATTERNS[key]


# Units ACLED names after their force ("Police Forces of India Border Security Force"), by their
# public names; a demonym before one tells whose unit it is ("Afghan commandos").
_UNITS: list[tuple[str, bool, str]] = [
    (r"General Command of Police Special Units|GCPSU", True, "General Command of Police Special Units"),
    (r"Special Action Force", True, "Special Action Force"),
    (r"[Bb]order [Gg]uard [Pp]olice|BGP", True, "Border Guard Police"),
    (r"Border Security Force|BSF", True, "Border Security Force"),
    (r"[Ss]tate [Pp]olice", True, "State Police"),
    (r"Rapid Intervention Battalion|BIR", False, "Rapid Intervention Battalion"),
    (r"(?i:special forces|commandos)", False, "Special Forces"),
]
# One scan for every unit (group "u<index>" tells which); whose unit it is is read just before.
_UNIT_RE = re.compile(
    r"\b(?:" + "|".join(f"(?P<u{i}>{p})" for i, (p, _, _) in enumerate(_UNITS)) + rf"){_MEMBERS}\b"
)
_UNIT_OWNER = re.compile(r"(?:(?P<who>[A-Z][A-Za-z]+)\s+)?(?:(?i:military|army|police|elite)\s+)?$")
_BARE_STATE = re.compile(
    rf"\b(?:the |a |an )?(?:(?:{_STATE_MODIFIERS})[\s-]+){{0,2}}(?P<noun>"
    # The places a state's forces hold name them as the side fired at: "shelled government posts".
    r"(?:government(?:al)?|regime|junta|army|military) (?:positions|posts|outposts|bases|barracks)"
    # A junta holds no post but a military one: "a junta base", "a junta checkpoint".
    r"|junta (?:base|post|outpost|camp|position|checkpoint)"
    r"|army|military|troops|soldiers?"
    rf"|security forces"
    r"|government forces|regime forces|armed forces|police|policem[ae]n|policewom[ae]n|police officers"
    r"|gendarmes?|gendarmerie"
    r"|pro-government forces|national army|servicem[ae]n|warplanes|fighter jets|prison guards?"
    r"|prison officers?|prison wardens?|civil police)\b"
    # "Dhanpur Police Station", "Kalu Police Post": a place named after the police, not the police; nor
    # is a newspaper ("the Army Gazette") or an institution the force runs for others ("the Army Public
    # School", "the Police General Hospital").
    r"(?! (?-i:Station|Post|Outpost|Camp|Lines|Chowki|Headquarters|Prefecture|Academy|Times|Gazette"
    r"|Journal|Herald|News|Radio|Television"
    r"|(?:(?!Training )[A-Z][a-z]+ )?(?:School|Hospital|Clinic|Stadium|Club|Museum))\b)",
    re.IGNORECASE,
)
_GROUPS: list[tuple[re.Pattern[str], str, str]] = [
    (
        re.compile(rf"\b(?:a group of |groups of |hundreds of |dozens of )?{_PROTESTERS}\b", re.IGNORECASE),
        "Protesters ({country})",
        PROTESTERS,
    ),
    (re.compile(rf"\b(?:{_RIOTERS})\b", re.IGNORECASE), "Rioters ({country})", RIOTERS),
    (re.compile(rf"\b(?:{_GANG})\b", re.IGNORECASE), f"{UNIDENTIFIED_GANG} ({{country}})", MILITIA),
    (re.compile(rf"\b{_DRIVE_BY}\b", re.IGNORECASE), "{gang}", MILITIA),
    (re.compile(rf"\b{_DRUGS}\b", re.IGNORECASE), f"{UNIDENTIFIED_GANG} ({{country}})", MILITIA),
    (re.compile(rf"\b{_UNIDENTIFIED}\b", re.IGNORECASE), f"{UNIDENTIFIED_GROUP} ({{country}})", MILITIA),
    (
        re.compile(rf"\b(?:a group of |groups of )?{_CIVILIAN}\b", re.IGNORECASE),
        "Civilians ({country})",
        CIVILIANS,
    ),
]


# Foreigners named by nationality ("Venezuelan migrants", "Chinese tourists"): ACLED codes a crowd of
# them by their own country, refugees and asylum seekers of no stated or of mixed nationality as
# "International".
_FOREIGNERS = re.compile(
    r"\b(?:(?P<who>[A-Z][a-z]+)\s+)?(?P<noun>migrants|refugees|asylum seekers|nationals|citizens|tourists"
    r"|expatriates|immigrants)\b"
)
_STATELESS = {"migrants", "refugees", "asylum seekers"}
# "against" or "of" just before them makes foreigners the object of what a crowd did, not the crowd
# ("against Syrian refugees", "against the arrival of Syrian refugees"); "of" after a number or a group
# names the crowd itself ("a group of Chilean tourists", "hundreds of mostly African migrants").
# Prepositions that also open phrases of time or number ("for weeks", "over the weekend", "about two
# hundred") do not count.
_FOREIGNERS_OBJECT = re.compile(
    r"(?:\b(?P<before>[a-z]+) )?\b(?P<prep>against|toward|towards|of)\s+(?:[a-z]+\s+){0,2}$"
)
_CROWD_OF = frozenset(
    "group groups number crowd crowds dozens hundreds thousands tens scores band couple lot all".split()
)
_OBJECT_REACH = 40
INTERNATIONAL = "International"


def _foreigners(match: re.Match[str], gazetteer: Gazetteer) -> str | None:
    """The country a crowd of foreigners comes from, "International" for refugees of no one country."""
    code = gazetteer.demonyms.get(match.group("who") or "")
    if code is not None:
        return gazetteer.country_name(code)
    return INTERNATIONAL if match.group("noun") in _STATELESS else None


# Sides of one kind, fighting each other: "two groups clashed", "a shoot-out between rival gangs",
# "the militants fought among themselves". The fighting must govern the pair: "militants clashed near
# two villages" names one side only, and "two families" named in passing names no fight.
_OF_ONE_KIND = (
    r"(?:(?:two|rival|opposing|warring) (?:\w+ ){0,2}?(?:groups|gangs|factions|clans|tribes|families"
    r"|communities|camps|sides|villages)|rival (?:gang|group|faction|clan|tribe)s?)\b"
)
_FIGHTING_VERB = (
    r"(?:clash(?:ed|es|ing)?|fought|fight(?:ing)?|battled|skirmished"
    r"|(?:exchanged|traded) (?:\w+ )?(?:gun)?(?:fire|shots)"
    r"|brawled|scuffled|came to blows|punch(?:ed|ing)|push(?:ed|ing)(?! for))\b"
)
_FIGHTING_NOUN = (
    r"(?:clash(?:es)?|fighting|fights?|battles?|gunfights?|gun battles?|firefights?|shoot-?outs?"
    r"|skirmish(?:es)?|exchanges? of (?:\w+ )?fire)"
)
_EACH_OTHER = r"(?:(?:with|among|amongst|against) )?(?:each other|one another)\b"
# Words that can stand between a pair and its verb ("two groups of migrant workers from X clashed",
# one aside between commas), never a new clause ("two villages where militants clashed").
_SAME_CLAUSE_WORD = (
    rf"(?!(?:or|but|where|when|while|which|that|who|whom|whose|after|before|as|then|{_FIGHTING_VERB})\b)"
    rf"(?!and (?:\w+ )?{_FIGHTING_VERB})[\w()'-]{{1,30}}"
)
# A pair that "clashed with police" fought someone else.
_WITH_OTHERS = rf"(?! (?:with|against) (?!{_EACH_OTHER}))"
_AMONG_THEMSELVES = re.compile(
    rf"\b{_OF_ONE_KIND}(?: {_SAME_CLAUSE_WORD}){{0,12}}?(?:,[^,.;]{{1,60}},)? {_FIGHTING_VERB}{_WITH_OTHERS}"
    rf"|\b(?:{_FIGHTING_VERB}|{_FIGHTING_NOUN})(?: {_SAME_CLAUSE_WORD}){{0,3}}? "
    rf"(?:(?:between|among|amongst) (?:the )?(?:{_OF_ONE_KIND}|themselves\b)|with (?:a |an |the )?rival \w+"
    rf"|{_EACH_OTHER})",
    re.IGNORECASE,
)


def fought_among_themselves(sentence: str) -> bool:
    """Whether a sentence tells of two sides of one kind fighting each other ("two groups clashed",
    "a shoot-out between rival gangs", "the militants clashed among themselves")."""
    return _AMONG_THEMSELVES.search(sentence) is not None


# A fight told as such ("clashes broke out", "a brawl between", "came to blows"): in a riot no force
# took part in, crowds on both sides.
_CLASH = re.compile(
    r"\b(?:clash(?:ed|es|ing)?|fought|fights?|fighting|brawl(?:s|ed|ing)?|scuffl(?:e|es|ed|ing)"
    r"|skirmish(?:es|ed)?|came to blows)\b",
    re.IGNORECASE,
)


def clash_told(sentence: str) -> bool:
    """Whether a sentence tells of a clash or a fight ("residents clashed", "a brawl broke out")."""
    return _CLASH.search(sentence) is not None


# A counter-protest: a crowd against a crowd ("a counterprotest was held", "counter-demonstrators").
_COUNTER_CROWD = re.compile(
    r"\bcounter[- ]?(?:protests?|protesters|protestors|demonstrations?|demonstrators|rally|rallies)\b",
    re.IGNORECASE,
)


# A counter-protest that did not take place: feared, planned, called for, called off, or none held.
_NO_COUNTER_CROWD = re.compile(
    r"\b(?:fear(?:ed|s|ing)?|plann(?:ed|ing)|call(?:ed|ing)? (?:for|off)|cancel+(?:ed|ing)?|postponed"
    r"|threaten(?:ed|ing)?|expected|urged|none|no|never|failed to|(?:did|was|were|had) ?n[o'’]t)\b",
    re.IGNORECASE,
)


# How far around a counter-protest its clause is read for words that it did not take place.
_CLAUSE_REACH = 80


def counter_protest(sentence: str) -> bool:
    """Whether a sentence tells of a counter-protest that took place ("a counterprotest was held",
    "counter-demonstrators"; not one "feared" or "called off", nor "none took place"), read in its
    clause: up to the sentence's end or a bracketed note ("[crowd size=no figure]")."""
    for match in _COUNTER_CROWD.finditer(sentence):
        start, end = max(0, match.start() - _CLAUSE_REACH), match.end() + _CLAUSE_REACH
        start = max(start, *(sentence.rfind(c, start, match.start()) + 1 for c in ".;[]"))
        end = min([end, *(found for c in ".;[" if (found := sentence.find(c, match.end(), end)) >= 0)])
        if _NO_COUNTER_CROWD.search(sentence, start, end) is None:
            return True
    return False


def unknown_gang(country: str | None) -> str:
    """ACLED's name of an unidentified gang: "Unidentified Gang (Mexico)"; in Brazil, or a police militia."""
    if country == "Brazil":
        return f"{UNIDENTIFIED_GANG} and/or Police Militia"
    return f"{UNIDENTIFIED_GANG} ({country})" if country else UNIDENTIFIED_GANG


# The Islamic State's provinces that span several countries, as ACLED names them.
_PROVINCES = {
    "Nigeria": "West Africa", "Cameroon": "West Africa", "Chad": "West Africa",
    "Mali": "Greater Sahara", "Burkina Faso": "Greater Sahara",
}  # fmt: skip


# Whose coalition strikes where: ACLED's names for the coalitions of the Middle East's wars.
# The peace operation serving in a country, by ACLED's names.
_MISSIONS = {
    "Somalia": _AMISOM, "Mali": _MINUSMA, "Democratic Republic of Congo": _MONUSCO,
    "Central African Republic": _MINUSCA, "South Sudan": _UNMISS, "Lebanon": _UNIFIL,
}  # fmt: skip
_COALITIONS = {
    "Yemen": "Operation Restoring Hope", "Saudi Arabia": "Operation Restoring Hope",
    "Iraq": "Global Coalition Against Daesh", "Syria": "Global Coalition Against Daesh",
    "Afghanistan": _NATO,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Dated:
    """The name and type ACLED gives a side from ``since`` (an ISO date) until the day before
    ``until``, in ``country`` (anywhere when None)."""

    name: str
    kind: str
    country: str | None = None
    since: str = ""
    until: str = "9999"


# Before the Islamic State named its own leader of the group (early August 2016) there was one Boko
# Haram, which ACLED codes as JAS, whatever name it went by ("ISWAP" from 2015).
_BEFORE_SPLIT = (_Dated(_JAS, REBELS, until="2016-08-03"),)
# Foreign forces under NATO while it led the mission in Afghanistan (ISAF, then Resolute Support):
# American and British forces until the withdrawal completed on 30 August 2021.
_NATO_UNTIL_WITHDRAWAL = (_Dated(_NATO, EXTERNAL, "Afghanistan", until="2021-08-31"),)
# Sides whose ACLED name or type changed on a date, by the name they have otherwise.
_DATED: dict[str, tuple[_Dated, ...]] = {
    # AMISOM became ATMIS on its new mandate of 1 April 2022.
    _AMISOM: (_Dated(_ATMIS, EXTERNAL, since="2022-04-01"),),
    "Military Forces of the United States": _NATO_UNTIL_WITHDRAWAL,
    "Military Forces of the United Kingdom": _NATO_UNTIL_WITHDRAWAL,
    # From the fall of Kabul (15 August 2021) the Taliban are Afghanistan's state forces.
    "Taliban": (_Dated(state_forces("Afghanistan"), STATE, "Afghanistan", since="2021-08-15"),),
    # The Afghan Taliban named so are the Taliban government's forces in any country from then on.
    _AFGHAN_TALIBAN: (
        _Dated("Taliban", REBELS, until="2021-08-15"),
        _Dated(state_forces("Afghanistan"), STATE, since="2021-08-15"),
    ),
    _BOKO_HARAM: _BEFORE_SPLIT,
    _ISWAP: _BEFORE_SPLIT,
    # Sudan's Rapid Support Forces were a branch of its military until their war on it (15 April 2023).
    # (abroad too: in Yemen, in Libya).
    "Rapid Support Forces": (
        _Dated(f"{state_forces('Sudan')} Rapid Support Forces", STATE, until="2023-04-15"),
    ),
    # FARC dissidents exist from the peace deal of 24 November 2016; before it the FARC itself fought,
    # whose ACLED name is not known here: the generic name of Colombia's rebels.
    _FARC_DISSIDENT: tuple(
        _Dated(f"Colombian rebels ({home})", REBELS, home, until="2016-11-24")
        for home in _COLOMBIAN_REBELS_HOME
    ),
}


def dated_actor(name: str, kind: str, country: str | None, when: str | None) -> tuple[str, str]:
    """ACLED's name and type of a side in an incident in ``country`` on the ISO date ``when``, for
    sides whose name or type changed on a date (a renamed mission, an alliance's members, a rebel
    movement become the state, a state branch become a rebel side)."""
    if when is not None:
        for dated in _DATED.get(name, ()):
            if dated.country in (None, country) and dated.since <= when < dated.until:
                return dated.name, dated.kind
    return ("Taliban" if name == _AFGHAN_TALIBAN else name), kind


def _fill(template: str, country: str | None) -> str:
    if template == "{gang}":
        return unknown_gang(country)
    if template == "{mission}":
        return _MISSIONS.get(country or "", "United Nations peacekeepers")
    if template == "{palestinian}":
        held = country in (None, "Palestine", "Israel")
        return f"{UNIDENTIFIED_GROUP} (Palestine)" if held else f"{UNIDENTIFIED_GROUP} ({country})"
    if template == "{coalition}":
        return _COALITIONS.get(country or "", "Coalition Forces")
    if "{province}" in template:
        template = template.replace("{province}", _PROVINCES.get(country or "", "{country}"))
    if "{country}" not in template:
        return template
    return template.replace(" ({country})", "") if country is None else template.format(country=country)


# "the Taliban claimed responsibility", "the Islamic State of Iraq (ISI) is suspected": the side
# that acted, though named like a source. The rest of a longer name may come between.
_CLAIM_AFTER = re.compile(
    # "X's local branch", "X's Afghan affiliate, known as Y, claimed": the group's own arm
    r"(?:['’]s|\s+(?:of|in|and|the|affiliate|branch|wing|arm|offshoot|franchise|(?-i:[A-Z])[\w'’`-]*"
    r"|\([^()]{1,30}\))){0,6}?"
    r"(?P<aside>,[^,.;]{1,80},)?"  # "X, which is linked to Y, claimed ..."
    r"\s+(?:\w+\s+)?(?:(?:claimed|claims|claiming|has claimed|have claimed|took|accepted) (?:the )?"
    r"(?:responsibility|credit|to have"
    r"|(?:the|an?) (?:attack|bombing|killing|assault|ambush|raid|shooting|strike))"
    r"|(?:is|are|was|were) (?:widely |also )?(?:suspected|blamed|believed to be responsible)"
    # "JNIM militants are the suspected attackers", "X said it carried out the attack".
    r"|(?:is|are|was|were) (?:the )?(?:suspected|alleged|likely|presumed)"
    r" (?:attackers?|perpetrators?|culprits?)"
    r"|(?:said|says|announced) (?:that )?(?:it|they|its fighters|its members) (?:had )?"
    r"(?:carried out|conducted|was behind|were behind|launched)"
    # "X was behind the bombing", "X is thought to be responsible for the attack".
    r"|(?:is|are|was|were) (?:(?:believed|thought|said|suspected) to (?:be|have been) |likely |probably )?"
    r"(?:behind|responsible for) (?:the|this|that|these|those|both) (?:\w+ )?"
    r"(?:attacks?|bombings?|killings?|assaults?|ambush|raids?|shootings?|strikes?|blasts?|explosions?"
    r"|massacre|stabbings?|murders?|assassination))\b",
    re.IGNORECASE,
)
# Capitalised words before "claimed" that name no group: no one, a pronoun, a generic side.
_NOT_CLAIMANTS = (
    "No", "The", "A", "An", "Nobody", "None", "It", "They", "He", "She", "Police", "Authorities",
    "Officials", "Security", "Army", "Military", "Government", "Militants", "Gunmen", "Rebels",
    "Insurgents", "Assailants", "Attackers",
)  # fmt: skip
# A group the lists above lack, known by the name it claimed an attack under ("Jund al-Aqsa claimed
# responsibility"): that name.
_UNLISTED_CLAIMANT = re.compile(
    rf"\b(?P<name>(?!(?:{'|'.join(_NOT_CLAIMANTS)})\b)"
    r"(?:al-|el-)?[A-Z][\w'-]*(?:\s+(?:(?:al-|el-)?[A-Z][\w'-]*|al|of|the|and|de|la)){0,5}?)"
    r"(?:\s+\([^()]{1,20}\))?\s+(?:has\s+|have\s+)?claimed\s+(?:responsibility|credit|the\s+attack)"
)
# Words before the side an attack is blamed on or its attackers are tied to: "police blamed the X
# group", "the suspects were linked to the X network".
_BLAMED = (
    r"(?i:blamed|accused"
    r"|(?:attackers?|assailants?|suspects?|gunm[ae]n|bombers?|perpetrators?|culprits?|killers?|shooters?)"
    r"(?:\s+(?:\w+\s+){0,2}?(?:linked|tied|affiliated|connected|belonging|belonged)\s+to"
    # "the attackers, believed to be members of X", "gunmen thought to be X fighters"
    r"|,?\s+(?:(?:who|which) (?:are|were|is|was)\s+)?(?:believed|thought|suspected|presumed|alleged|said)"
    r" to (?:be|have been)(?:\s+(?:members|fighters|militants) of)?))"
)
# Or by the name it was blamed under, or its attackers tied to: "police blamed the Red Hand group",
# "the suspects were linked to the Black Lotus network".
_UNLISTED_BLAMED = re.compile(
    rf"\b{_BLAMED}\s+(?:the\s+)?"
    r"(?P<name>(?:al-|el-)?[A-Z][\w'-]*(?:\s+(?:(?:al-|el-)?[A-Z][\w'-]*|al|of|the|and|de|la)){0,4}?)"
    r"\s+(?:group|network|movement|militia|organi[sz]ation|cell|faction)\b"
)
# Words that open a sentence before its subject: "Later X claimed", "On Monday X claimed".
_SENTENCE_OPENERS = frozenset(
    "later earlier yesterday today tonight meanwhile then subsequently afterwards afterward separately"
    " overnight reportedly allegedly also however now on in last this since monday tuesday wednesday"
    " thursday friday saturday sunday january february march april may june july august september"
    " october november december".split()
)


def _unlisted_claimant(name: str, gazetteer: Gazetteer) -> tuple[str, str] | None:
    """The side a name before "claimed" names, without the words that open the sentence: a country
    ("Ukraine claimed") is its military, "Nobody" none, any other name a political militia.

    A demonym with its forces ("Ukrainian forces claimed") is read by the state-force patterns first.
    """
    words = name.split()
    while words and words[0].lower() in _SENTENCE_OPENERS:
        words = words[1:]
    if not words or words[0] in _NOT_CLAIMANTS:
        return None
    named = " ".join(words)
    code = gazetteer.country(named)
    return (state_forces(gazetteer.country_name(code)), STATE) if code is not None else (named, MILITIA)


# "sources attributed the attack to X", "blamed the bombing on X": X made it.
_ATTRIBUTED_BEFORE = re.compile(
    r"\b(?:(?:attributed|blamed)\s+(?:the\s+|this\s+)?(?:attack|bombing|incident|killing|assault|explosion)"
    r"s?\s+(?:to|on)|(?:bore|bears|bearing|had|has) the (?:hallmarks?|signature) of"
    rf"|{_BLAMED})\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# A side blamed for what it did not do ("accused the army of failing to protect them"): no participant;
# not one accused of failing to keep a pledge ("of failing to respect the ceasefire"), which acts.
_FAILED_AFTER = re.compile(
    r"\s+(?:of|for)\s+(?:(?:failing|failure|not)\s+(?:to\s+)?(?:protect|prevent|stop|act|intervene|respond"
    r"|secure|defend|guard|save|help)|neglect\w*|negligence|inaction"
    r"|doing (?:too )?(?:little|nothing)|standing by|ignoring|abandoning)",
    re.IGNORECASE,
)
# "police said", "police spokesman Ali Musa said": a source, not a participant ("fire by an unknown
# party was reported" is no source); so is a side that blames or accuses another of the attack
# ("police blamed X for the blast", "officials accused X of carrying out the bombing"; not "soldiers
# accused of beating a man", "X blamed for").
# The title and name of who speaks for a side ("spokesman Ali Musa", "commander Abu Tariq").
_SPEAKER = (
    r"(?:(?:spokes(?:man|woman|person)|officials?|commander|chief|minister|director|head)"
    r"\s+(?:[A-Z][\w'-]*\s+){0,3})?"
)
_SOURCE_AFTER = re.compile(
    # "the army said", "the army and local officials said", "Taliban administration spokesman said"
    r"\s+(?!(?:was|were|is|are|been|being|has been|have been)\s)"
    r"(?:(?!(?:as|while|when|after|before|because|but|since|until|where)\s)\w+\s+){0,2}?"
    rf"{_SPEAKER}"
    r"(?:(?:said|say|says|told|reported|confirmed|stated|announced|claimed)\b"
    r"|(?:blamed|blames|blame)\b(?!\s+(?:for|in|over)\b)"
    r"|(?:accused|accuses|accuse)\s+(?:[\w'-]+\s+){1,6}?of\s+(?:carrying out|staging|launching|being behind"
    r"|(?:the|this|that)\s+(?:attack|bombing|blast|killing|killings|assault|explosion|shooting|ambush)))"
)
# A source that tells its own act or loss: "the army said it killed", "X said two of its fighters died",
# "X spokesman Ali Musa said the group's fighters attacked", "X commander Abu Tariq said his men raided".
_OWN_REPORT_AFTER = re.compile(
    rf"\s+(?:\w+\s+)?{_SPEAKER}(?:said|says|claimed|announced|confirmed|stated|reported)\s+(?:that\s+)?"
    r"(?:(?:it|they|(?:its|his|her|their|the group'?s|the movement'?s)"
    r" (?:troops|forces|fighters|soldiers|men|members|units|militants))\s+(?:had\s+|have\s+)?"
    r"(?:killed|destroyed|neutrali[sz]ed|shot down|struck|bombed|shelled|captured|seized|ambushed|attacked"
    r"|arrested|detained|raided)\b"
    r"|(?P<lost>(?:(?:\w+|\d+)\s+of\s+)?(?:its|their)\s+(?:\w+\s+)?(?:fighters|members|soldiers|troops"
    r"|officers|personnel|commanders?|militants|men|policemen|guards)\b))",
    re.IGNORECASE,
)
# "according to the Iraqi military": a source too.
_SOURCE_BEFORE = re.compile(r"\baccording to\s+(?:the\s+)?(?:\w+\s+){0,2}$", re.IGNORECASE)
# "repelled a Taliban attack": the group that names the attack made it.
_ATTACK_AFTER = re.compile(
    r"(?:'s)?\s+(?:suicide\s+)?(?:attacks?|ambush|offensive|assault|raids?|incursion|bomber|bombing)\b",
    re.IGNORECASE,
)
_AGENT_BEFORE = re.compile(
    r"(?:\b(?P<being>being\s+)?(?P<verb>\w+)\s+)?(?:(?:over|up|out|off|down|away)\s+)?\bby\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+){0,2}$"
)
# A participle before "by" names its agent as the side that acted only when it tells of violence or of
# wielding a weapon ("killed by", "shot dead by", "carried out by", "a drone operated by"); after any
# other participle the agent did something else ("a checkpoint manned by", "weapons abandoned by", "a
# car driven by", "a hill occupied by"). After a noun ("an attack by", "shot in the market by") the
# agent acted.
_VIOLENT_BY = frozenset(
    "killed murdered massacred executed shot hit struck fired targeted detonated planted blown wounded"
    " injured hurt beaten stabbed hacked lynched tortured raped abducted kidnapped seized captured overrun"
    " destroyed torched burned burnt looted robbed threatened harassed attacked assaulted ambushed raided"
    " stormed bombed shelled carried perpetrated committed launched conducted initiated caused triggered"
    " operated flown piloted used deployed dropped thrown placed set".split()
)
_IRREGULAR_PARTICIPLES = frozenset(
    "held led run left known made kept sent brought built taken driven seen found caught told paid"
    " given won lost sold bought fought".split()
)


def _names_attacker(verb: str) -> bool:
    """Whether the agent of "VERB by X" is a side that acted (see ``_VIOLENT_BY``)."""
    participle = verb.endswith(("ed", "en")) or verb in _IRREGULAR_PARTICIPLES
    return verb in _VIOLENT_BY or not participle


# "repelled by the army", "the army repulsed their attack": the side that repelled was attacked;
# "police responded to reports of a shooting", "police are investigating": they came after it.
_REPELLED_BY = frozenset({"repelled", "repulsed", "foiled", "thwarted"})
_RESPONDING_AFTER = re.compile(
    r"\s+(?:(?!(?:and|who|which|that|attacked|killed|shot|stabbed|opened|fired|clashed|raided)\b)[\w,.'-]+\s+){0,8}?"
    r"(?:repelled|repulsed|foiled|thwarted|fought off|beat back|pushed back|responded"
    r"|arrived|rushed to|were called|was called|(?:are|is|were|was) investigating|investigated"
    r"|(?:launched|opened) an? (?:investigation|inquiry|probe)|cordoned)\b",
    re.IGNORECASE,
)
# "a mob clashed with residents": those the crowd fought fought back.
_FOUGHT_WITH_BEFORE = re.compile(
    r"\b(?:clash(?:ed|es)?|fought|fighting|scuffled|brawled|fights?) (?:with|against) (?:the |some )?$",
    re.IGNORECASE,
)
# "the attacker was shot dead by police": who stopped the attacker answered the attack.
_ATTACKER_STOPPED = re.compile(
    r"\b(?:attacker|gunman|assailant|shooter|perpetrator|bomber|knifeman|suspect)s?\s+(?:was|were)\s+"
    r"(?:\w+\s+){1,3}by\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# "an attack on an air base housing U.S. troops", "fired on a checkpoint manned by X": the side housed
# in the place attacked, or manning or guarding it, was its target;
# so was the side an attack targeted ("a bomb targeting a convoy of the coalition").
_HOUSED_BEFORE = re.compile(
    r"\b(?:housing|hosting|hous(?:es|ed)|hosts|hosted|home to|(?:manned|guarded|garrisoned|defended) by"
    r"|(?<!were )(?<!was )targeting|targeted at"
    r"|targeting (?:an? |the )?(?:\w+\s+){0,2}"
    r"(?:convoy|patrol|vehicle|post|checkpoint|base|position|camp)s? of)"
    r"\s+(?:the\s+)?$"
)
# "rockets were fired at an Iraqi military base", "stormed an army post": forces named as the holders
# of the place hit were its target, also when the report names no attacker.
# A state's forces named by the places they hold ("Ukrainian positions", "Armenian outposts").
_HELD_BY_NAME = re.compile(r"\b(?:positions|outposts)$", re.IGNORECASE)
# ... unless they open their clause and fire: "On Monday, Russian positions shelled a village" (the
# first verb after them is an act of firing, not "were shelled" or "came under fire").
_CLAUSE_OPENS = re.compile(r"(?:^|[,;:]\s*)$")
_FIRST_VERB_AFTER = re.compile(
    r"[^.;]{0,80}?\b(?P<verb>was|were|is|are|came|been|had|fired|opened\s+fire|shelled|shot|targeted|returned"
    r"|launched|attacked|struck|hit|bombarded|ambushed)\b",
    re.IGNORECASE,
)
_FIRING_VERBS = frozenset(
    "fired opened shelled shot targeted returned launched attacked struck hit bombarded ambushed".split()
)
_HELD_PLACE_AFTER = re.compile(
    r"\s+(?:air\s+)?(?:bases?|airbases?|camps?|posts?|outposts?|checkpoints?|barracks|positions?|garrisons?"
    r"|compounds?|installations?)\b",
    re.IGNORECASE,
)
# Only after a verb or a noun of hitting: "tortured at a military camp" is no attack on the camp.
_HIT_BEFORE = re.compile(
    r"\b(?:targeting|targeted|attacked|attacking|stormed|storming|struck|striking|hit|hitting|shelled"
    r"|shelling|raided|raiding|overran|overrunning|bombed|bombing"
    r"|(?:fired|firing|fire|attacks?|assaults?|raids?|strikes?|landed|landing|shells?|rockets?|mortars?)"
    r"(?:\s+(?:on|early|late|last|this)\s+\w+)?\s+(?:at|on|upon|against))\s+"
    r"(?:(?:an?|the|one|two|three|several|its|their)\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_COUNT_BEFORE = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|dozens of|several)\s+(?:\w+\s+)?$", re.I
)
# "10 Imbonerakure attacked": a number counts the attackers, not the victims.
_ACTING_AFTER = re.compile(
    r"\s+(?!(?:was|were|is|are|been|being|had|has|have)\s)(?:\w+\s+)?(?:attacked|attack|killed|kill|shot|raided|stormed|ambushed|abducted|kidnapped"
    r"|opened fire|clashed|burned|torched|looted|fired|assaulted|beat)\b",
    re.IGNORECASE,
)
# "Fulani militias attacked X ... but were engaged by Y": who attacked, not who answered, acted.
_ASSAULTING_AFTER = re.compile(
    r"\s+(?!(?:was|were|is|are|been|being|had|has|have|and|or)\s)(?:\w+\s+)?"
    r"(?:attacked|ambushed|raided|stormed|assaulted|abducted|kidnapped|shelled|bombed)\b"
)
# A side named by what it struck with ("coalition airstrikes", "Turkish drones") that "hit" or "struck"
# a place struck it, unless struck itself ("coalition jets hit by fire").
_WEAPON_END = re.compile(
    r"(?:air ?strikes?|jets|warplanes|aircraft|planes|drones?|helicopters|artillery|missiles|rockets)$",
    re.IGNORECASE,
)
_WEAPON_STRUCK_AFTER = re.compile(r"\s+(?:hit|struck|targeted|pounded)\b(?!\s+(?:\w+\s+){0,2}by\b)")
# Someone harmed, whether or not the article counts them: "was stabbed", "had been shot", "were killed".
_HARM = (
    r"(?:were|was|are|is|(?:(?:have|has|had)\s+)?been)\s+(?:\w+\s+)?"
    r"(?:killed|wounded|injured|hurt|abducted|kidnapped|shot|stabbed|beaten|hacked)\b"
)
HARMED = re.compile(rf"\b{_HARM}")
# "two fighters died when a device they were assembling went off": harmed by their own act.
_OWN_BLAST = re.compile(
    r"\b(?:prematurely|(?:they|he) (?:was|were) (?:planting|making|assembling|handling|transporting)"
    r"|(?:their|his) own (?:bomb|explosives?|device|landmine|grenade))"
)


def own_blast(sentence: str) -> bool:
    """Whether those a blast harmed set it off themselves ("a device they were assembling went off")."""
    return _OWN_BLAST.search(cue_text(sentence)) is not None


# "No group claimed responsibility", "it was not clear who fired the rockets", "the perpetrators
# remain unknown": the report says nobody knows who attacked ("unclear who would pay" says nothing).
_UNKNOWN_ATTACKER = re.compile(
    r"\bno(?:body|\s+one|-one)?\s+(?:\w+\s+){0,3}?(?:claimed|claims)\s+(?:\w+\s+)?(?:responsibility|credit)"
    r"|\bno\s+(?:immediate\s+)?claim\s+of\s+responsibility"
    r"|\b(?:unclear|not\s+(?:immediately\s+)?(?:clear|known)|unknown)\s+who\s+"
    r"(?:(?:was|were|is|are|had|has|have|may have|might have)\s+)?(?:behind|responsible|carried|fired"
    r"|launched|attacked|planted|set|detonated|shot|killed|targeted|struck|staged|conducted|opened)\b"
    r"|\b(?:perpetrators?|attackers?|assailants?|culprits?)\s+(?:\w+\s+)?"
    r"(?:remain|remained|remains|are|were|is|was)\s+(?:still\s+)?(?:unknown|unidentified)",
    re.IGNORECASE,
)


def unknown_attacker(sentence: str) -> bool:
    """Whether ``sentence`` says the attacker is unknown ("No group claimed responsibility")."""
    return _UNKNOWN_ATTACKER.search(sentence) is not None


# "two soldiers were killed", "police constable Joe Mwangi was shot": the side named was harmed.
_HARMED_AFTER = re.compile(
    r"\s+(?:(?:[A-Z][\w.'-]*|\"[\w ]+\"|sergeant|officer|constable|commander|inspector|captain)\s+){0,4}"
    rf"(?:who\s+)?{_HARM}"
    # "the senior Al Qaeda member and son of its founder, was killed": one of its people, set apart.
    r"|\s+(?:members?|leaders?|commanders?|chiefs?|militants?|fighters?|figures?|operatives?)"
    rf"(?:\s+[\w'’-]+){{1,8}}?,\s+{_HARM}"
)


def _origin_spans(match: re.Match[str]) -> list[tuple[str, tuple[int, int]]]:
    """The countries a state-force mention names, each with the span that stands for it."""
    if match.group("second"):
        return [
            ("origin", (match.start(), match.end("origin"))),
            ("second", (match.start("second"), match.end())),
        ]
    return [("origin", match.span())]


# Patterns ``find_actors`` reads one by one: those a sentence cannot match are ruled out in one pass.
_READ_ONE_BY_ONE = [
    _ETHNIC_MILITIA, _COMMUNAL_MILITIA, _TRIBAL_MILITIA, _COMMUNITY_MEMBERS, _ETHNIC_MEMBERS,
    *(pattern for pattern, _ in _UNNAMED_IDENTITY), _LOCAL_ACRONYM_RE, _ABBREVIATION_RE, _UNIT_RE,
    _PAIRED_COUNTRIES, _BARE_STATE, _FOREIGNERS, _UNLISTED_CLAIMANT, _UNLISTED_BLAMED, _EXECUTION,
    _CONTRABAND,
]  # fmt: skip


# Civilians named only as owners of a thing hit ("civilian buildings", "the house of a herder", "a
# farmer's house"): the thing was hit, and they are no side unless harmed.
_THING = (
    r"(?:buildings?|facilit(?:y|ies)|infrastructure|homes?|houses?|compounds?|propert(?:y|ies)|vehicles?"
    r"|cars?|trucks?|shops?|structures?|farms?|fields?|crops|livestock|cattle|land|objects?)"
)
_OWNED_BEFORE = re.compile(rf"\b{_THING}\s+(?:of|belonging to|owned by)\s+$", re.IGNORECASE)
_OWNING_AFTER = re.compile(rf"(?:['’]s?\s+(?:\w+\s+)?|\s+){_THING}\b", re.IGNORECASE)


# Guards of a state office ("the governor's security guards", "guards at the presidential palace")
# are the state's own forces, not a private firm's.
_STATE_OFFICE = (
    r"(?:president|presidential|governor|minister|ministry|mayor|senator|parliament|palace|embassy|consulate"
    r"|state house|government)"
)
_STATE_GUARDS_BEFORE = re.compile(rf"\b{_STATE_OFFICE}(?:'s|’s|s')?\s+(?:\w+\s+)?$", re.IGNORECASE)
_STATE_GUARDS_AFTER = re.compile(
    rf"\s+(?:at|of|guarding|outside)\s+(?:the\s+|a\s+)?(?:[\w'-]+\s+){{0,2}}?{_STATE_OFFICE}\b", re.IGNORECASE
)


def _state_guards(sentence: str, start: int, end: int) -> bool:
    """Whether the guards named at ``start:end`` guard a state office."""
    before = sentence[max(0, start - 40) : start]
    return bool(_STATE_GUARDS_BEFORE.search(before) or _STATE_GUARDS_AFTER.match(sentence, end))


def find_actors(sentence: str, gazetteer: Gazetteer, country: str | None) -> list[ActorMention]:
    """Actors named in ``sentence``, in text order, normalized; ``country`` names the incident's country."""
    found: list[ActorMention] = []
    lower = cue_text(sentence)
    possible = {id(pattern) for pattern in candidates(_READ_ONE_BY_ONE, lower)}

    def found_by(pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """The matches of one of ``_READ_ONE_BY_ONE`` (none when ruled out)."""
        return read(pattern, sentence, lower) if id(pattern) in possible else iter(())

    used = bytearray(len(sentence))  # characters already read as an actor (keeps this linear)

    def overlaps(start: int, end: int) -> bool:
        return any(used[start:end])

    def mark(start: int, end: int) -> None:
        used[start:end] = b"\x01" * (end - start)

    sources: list[str] = []  # state forces quoted as a source ("the IDF said"): their troops are theirs
    set_off_own_bomb = _OWN_BLAST.search(lower) is not None  # those harmed set the bomb off themselves

    def add(name: str, kind: str, start: int, end: int) -> None:
        if overlaps(start, end):
            return
        before = sentence[max(0, start - 40) : start]
        attributed = _ATTRIBUTED_BEFORE.search(before) is not None
        if attributed and _FAILED_AFTER.match(sentence, end):
            mark(start, end)
            return  # "accused security forces of failing to protect farmers": blamed for what they did not do
        claim = _CLAIM_AFTER.match(sentence, end)
        if claim is not None or attributed:
            found.append(ActorMention(name, kind, start, end, claimant=True))
            mark(start, end)
            if claim is not None and claim.group("aside"):
                # A group in the aside that describes the claimant ("which is linked to Y") is no side.
                aside_start, aside_end = claim.span("aside")
                found[:] = [a for a in found if not aside_start <= a.start < aside_end]
                mark(aside_start, aside_end)
            return
        if _SOURCE_AFTER.match(sentence, end) or _SOURCE_BEFORE.search(before):
            own = _OWN_REPORT_AFTER.match(sentence, end)
            if own is not None:
                # "the army said it killed 12 fighters": a side telling what it did, or what it lost
                # ("X said two of its fighters were killed").
                lost = own.group("lost") is not None
                found.append(ActorMention(name, kind, start, end, victim=lost, claimant=not lost))
                mark(start, own.end())  # "its fighters" are the same side
                return
            whose = name.split(" Forces of ", 1)[-1].removeprefix("the ")
            if kind == STATE and gazetteer.country(whose):
                sources.append(whose)
            return
        owner = _OWNED_BEFORE.search(before) or _OWNING_AFTER.match(sentence, end)
        if kind == CIVILIANS and owner and not _HARMED_AFTER.match(sentence, end):
            return  # owners of a thing hit ("civilian buildings"), not harmed themselves
        by = _AGENT_BEFORE.search(before)
        verb = (by.group("verb") or "").lower() if by else ""
        responder = (
            verb in _REPELLED_BY
            or bool(_RESPONDING_AFTER.match(sentence, end))
            or (by is not None and _ATTACKER_STOPPED.search(before) is not None)
        )
        # "a hut being used by X": what X held at the time, not what X did.
        in_use = by is not None and by.group("being") is not None and verb == "used"
        by_agent = by is not None and _names_attacker(verb) and not responder and not in_use
        agent = by_agent or bool(
            _ATTACK_AFTER.match(sentence, end)
            or _ASSAULTING_AFTER.match(sentence, end)
            or (_WEAPON_END.search(sentence, start, end) and _WEAPON_STRUCK_AFTER.match(sentence, end))
        )
        acting = bool(_ACTING_AFTER.match(sentence, end))
        counted = _COUNT_BEFORE.search(before) and not acting
        harmed = (
            (counted and not agent)
            or _HARMED_AFTER.match(sentence, end)
            or _HOUSED_BEFORE.search(before)
            or (kind == STATE and _HELD_PLACE_AFTER.match(sentence, end) and _HIT_BEFORE.search(before))
        )
        # "Ukrainian positions" are a place its forces hold: the target, never the side that acted.
        held = (
            kind == STATE
            and _HELD_BY_NAME.search(sentence, start, end) is not None
            and not _fired(sentence, before, end)
        )
        if held and before.lower().endswith("pro-"):
            return  # "pro-Russian positions": whoever backs that state, not its forces
        victim = (bool(harmed) or held) and not set_off_own_bomb
        agent, acting = agent and not held, acting and not held
        opponent = _FOUGHT_WITH_BEFORE.search(before) is not None
        found.append(
            ActorMention(
                name, kind, start, end, agent, victim, responder=responder, acting=acting, opponent=opponent
            )
        )
        mark(start, end)

    for pattern, template, kind in candidates(_NAMED_RE, lower):
        for match in read(pattern, sentence, lower):
            if template.startswith(PRIVATE_SECURITY) and _state_guards(sentence, *match.span()):
                if country is not None:
                    add(state_forces(country), STATE, match.start(), match.end())
                continue
            before = sentence[max(0, match.start() - 40) : match.start()]
            if (
                _FORMER_BEFORE.search(before)
                or (
                    template == _AFGHAN_TALIBAN
                    and (_ASSOCIATE_BEFORE.search(before) or _SHELTERING_AFTER.match(sentence, match.end()))
                )
                or (
                    country not in _HOME.get(template, (country,))
                    and not _FIGHTERS_END.search(match.group())
                )
            ):
                # "a former FARC fighter" was one once; militants "linked to the Afghan Taliban", or
                # "Afghan Taliban fighters sheltered" others, tell who backs a side, not who acted; another
                # thing of the name abroad ("the National Liberation Army of India") is no side.
                mark(*match.span())
                continue
            add(_fill(template, country), kind, match.start(), match.end())

    def add_militias(match: re.Match[str], label: str, start: int, both: bool) -> None:
        """The identity militias a match names: "Tiv and Jukun militias" are two when ``both``."""
        other = match.group("other") if both else None
        first = _fill(f"{match.group('name')} {label} Militia ({{country}})", country)
        add(first, IDENTITY, start, match.end("name") if other else match.end())
        if other:
            add(
                _fill(f"{other} {label} Militia ({{country}})", country),
                IDENTITY,
                match.start("other"),
                match.end(),
            )

    for match in found_by(_ETHNIC_MILITIA):
        if match.group("name") in gazetteer.demonyms:
            continue  # "Iraqi militias": a country's, not an ethnic community's
        label = "Clan" if (match.group("kind") or "").lower() == "clan" else "Ethnic"
        add_militias(match, label, match.start("name"), both=True)
    for match in found_by(_COMMUNAL_MILITIA):
        # "militias from Tonj South" (a place); "militiamen from the Abgal and Murusade clans": clans.
        # "militias from X and Y attacked": one side, named after the first, unless they clashed.
        clashed = bool(_CLASHED_AFTER.match(sentence, match.end()))
        add_militias(match, "Clan" if match.group("clan") else "Communal", match.start(), both=clashed)
    for pattern, label in (
        (_TRIBAL_MILITIA, "Tribal"),
        (_COMMUNITY_MEMBERS, "Communal"),
        (_ETHNIC_MEMBERS, "Ethnic"),
    ):
        for match in found_by(pattern):
            # "killed seventeen members of the X community": people harmed, not a militia.
            harmed_before = _HARMED_BEFORE.search(sentence, max(0, match.start() - 40), match.start())
            # A community named by its members is a militia only when it fights ("members of the X
            # community attacked", "... clashed with").
            idle = pattern is _COMMUNITY_MEMBERS and not (
                _ACTING_AFTER.match(sentence, match.end()) or _CLASHED_AFTER.match(sentence, match.end())
            )
            if match.group("name") not in gazetteer.demonyms and harmed_before is None and not idle:
                add_militias(match, label, match.start("name"), both=True)
    for pattern, template in _UNNAMED_IDENTITY:
        for match in found_by(pattern):
            add(_fill(template, country), IDENTITY, match.start(), match.end())
    code = gazetteer.country(country) if country else None
    for match in found_by(_LOCAL_ACRONYM_RE):
        where, local_name, local_kind = _LOCAL_ACRONYMS[match.group("abbr")]
        before = sentence[max(0, match.start() - 20) : match.start()]
        other_sense = _ACRONYM_STATUS_BEFORE.search(before) or _ACRONYM_GOODS_AFTER.match(
            sentence, match.end()
        )
        if where == code and not other_sense:
            add(local_name, local_kind, match.start(), match.end())
    for match in found_by(_ABBREVIATION_RE):
        forces_of = gazetteer.country_name(_FORCE_ABBREVIATIONS[match.group("abbr")])
        if match.group("abbr") == "SNA" and country != forces_of:
            add("Syrian National Army", REBELS, match.start(), match.end())
        else:
            add(state_forces(forces_of), STATE, match.start(), match.end())
    for match in found_by(_UNIT_RE):
        _, police, unit = _UNITS[int((match.lastgroup or "u0")[1:])]
        window = max(0, match.start() - 40)
        owner = _UNIT_OWNER.search(sentence, window, match.start())
        who = (owner.group("who") if owner else None) or ""
        whose = gazetteer.demonyms.get(who) or gazetteer.country(who)
        unit_of = gazetteer.country_name(whose) if whose else country
        if unit_of:
            start = owner.start() if owner else match.start()
            add(f"{state_forces(unit_of, police=police)} {unit}", STATE, start, match.end())
    for match in found_by(_PAIRED_COUNTRIES):
        for group in ("first", "second"):
            code = gazetteer.country(f"{match.group(group)} {match.group('name')}")
            if code is not None:
                end = match.end(group) if group == "first" else match.end()
                add(state_forces(gazetteer.country_name(code)), STATE, match.start(group), end)
    for pattern in _state_patterns(gazetteer):
        for match in matches(pattern, sentence, lower):
            # "Indian and Pakistani troops", "military forces of India and Pakistan": two forces.
            for group, (start, end) in _origin_spans(match):
                origin = match.group(group)
                origin_code = gazetteer.country(origin) or gazetteer.demonyms.get(origin)
                name = _state(gazetteer.country_name(origin_code), match.group(0)) if origin_code else None
                if name:
                    add(name, STATE, start, end)
    # "Israeli troops shot a man who stabbed a soldier": a bare "soldier" is of the forces named.
    named_force = next(
        (whose for a in found if a.kind == STATE and gazetteer.country(whose := _whose(a))), None
    )
    for match in found_by(_BARE_STATE):
        whose = sources[0] if sources else named_force or country
        name = _state(whose, match.group(0))
        holder = _HELD_BY.get(whose or "") if not _OWN_AUTHORITY.search(sentence) else None
        if name is not None and holder and not _POLICE.search(match.group(0)):
            name = state_forces(holder)  # troops in the West Bank are Israel's
        if name and not (whose != country and any(a.name == name for a in found)):
            add(name, STATE, match.start(), match.end())
    if country is not None and gazetteer.country(country) in _GANG_REGION:
        for pattern in _NAMED_GANGS:
            for match in pattern.finditer(sentence):
                name = _gang_name(match)
                about = _WRITTEN_ABOUT.search(sentence, max(0, match.start("name") - 30), match.start("name"))
                if name is not None and about is None:
                    # The next cartel of a list is a side of its own: its span alone.
                    start = match.start("next") if "next" in match.groupdict() else match.start()
                    add(name, MILITIA, start, match.end())
    for match in found_by(_FOREIGNERS):
        # Who the crowd is, not what it did: the flags of a side do not apply.
        origin = _foreigners(match, gazetteer)
        if origin is not None and not overlaps(*match.span()):
            # Foreigners a crowd acted about ("protested against the arrival of Syrian refugees") are
            # not the crowd: they keep their nationality, and the crowd its country.
            about = _FOREIGNERS_OBJECT.search(sentence, max(0, match.start() - _OBJECT_REACH), match.start())
            if about is not None and about.group("prep") == "of" and about.group("before") in _CROWD_OF:
                about = None
            found.append(
                ActorMention(
                    f"{CIVILIANS} ({origin})",
                    CIVILIANS,
                    *match.span(),
                    origin=None if about else origin,
                )
            )
            mark(*match.span())
    for unlisted in (_UNLISTED_CLAIMANT, _UNLISTED_BLAMED):
        for match in found_by(unlisted):
            claimant = _unlisted_claimant(match.group("name"), gazetteer)
            if claimant is not None:
                add(*claimant, match.start("name"), match.end("name"))
    for pattern, template, kind in candidates(_GROUPS, lower):
        for match in read(pattern, sentence, lower):
            if template.startswith(PRIVATE_SECURITY) and _state_guards(sentence, *match.span()):
                if country is not None:
                    add(state_forces(country), STATE, match.start(), match.end())
                continue
            add(_fill(template, country), kind, match.start(), match.end())
    if country is not None and gazetteer.country(country) in _GANG_REGION:
        for match in found_by(_EXECUTION):
            add(unknown_gang(country), MILITIA, match.start(), match.end())
        for match in found_by(_CONTRABAND):
            add(f"{UNIDENTIFIED_GANG} ({country})", MILITIA, match.start(), match.end())
    found.sort(key=lambda a: a.start)
    found = [
        replace(a, general=True)
        if a.kind == STATE and _SECURITY_FORCES.search(sentence, a.start, a.end)
        else a
        for a in found
    ]
    return _joined(sentence, _either(sentence, found), gazetteer)


# "security forces", "Malian security personnel": forces named by no branch.
_SECURITY_FORCES = re.compile(r"\bsecurity (?:forces|force|personnel|officers|agents)\b", re.IGNORECASE)


# "JNIM or ISGS militants", "Boko Haram/IS": the source could not tell which, and ACLED names both.
_EITHER_BETWEEN = re.compile(r"\s*(?:/|\bor\b|\band/or\b)\s*")
# ACLED's joint names of groups often confused with each other, in ACLED's order.
_JOINT = {
    frozenset({_ISWAP, _JAS}): _BOKO_HARAM,
    frozenset({_ISWAP, _BOKO_HARAM}): _BOKO_HARAM,
    frozenset({"JNIM: Group for Support of Islam and Muslims", "Islamic State (Greater Sahara)"}): (
        "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)"
    ),
}


def _either(sentence: str, found: list[ActorMention]) -> list[ActorMention]:
    """Two named groups given as alternatives ("ISWAP or Boko Haram") become one "A and/or B" actor."""
    merged: list[ActorMention] = []
    for mention in found:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.kind not in _CROWDS
            and mention.kind not in _CROWDS
            and last.name != mention.name
            and _EITHER_BETWEEN.fullmatch(sentence, last.end, mention.start)
        ):
            pair = frozenset({last.name, mention.name})
            name = _JOINT.get(pair, f"{last.name} and/or {mention.name}")
            merged[-1] = replace(last, name=name, end=mention.end, victim=last.victim and mention.victim)
            continue
        merged.append(mention)
    return merged


# "Turkish forces and the SNA shelled", "the army, police and border guards": sides named together,
# one after another.
_AND_BETWEEN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")
# "security forces comprising RR and CRPF": the general name of a force, then its units.
_COMPRISING_BETWEEN = re.compile(
    r"\s*,?\s+(?:comprising|including|consisting of|made up of|composed of)\s+(?:the\s+)?", re.IGNORECASE
)
# Forces that fight each other though named together: "police and soldiers clashed", "between X and Y".
_FOUGHT_EACH_OTHER_AFTER = re.compile(
    rf"(?:\s+\w+){{0,2}}?\s+{_FIGHTING_VERB}(?!\s+(?:\w+\s+)?(?:with|against|on)\b)", re.IGNORECASE
)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:the\s+)?(?:\w+\s+){0,2}$", re.IGNORECASE)
# State forces of one country that are rival governments' forces, never one side.
_RIVAL_GOVERNMENTS = (" Houthi", " Haftar Faction", " Government of National Accord")


def _whose(mention: ActorMention) -> str:
    """What follows "Forces of" in a state force's name: its country, then any unit."""
    return mention.name.split(" Forces of ", 1)[-1]


def _one_state(first: ActorMention, second: ActorMention, gazetteer: Gazetteer) -> str | None:
    """The country whose forces both state-force mentions are ("the police and the CRPF"), if one."""
    if first.kind != STATE or second.kind != STATE:
        return None
    if first.name.endswith(_RIVAL_GOVERNMENTS) or second.name.endswith(_RIVAL_GOVERNMENTS):
        return None
    shared: list[str] = []
    for one, other in zip(_whose(first).split(), _whose(second).split(), strict=False):
        if one != other:
            break
        shared.append(one)
    country = " ".join(shared)
    return country if gazetteer.country(country.removeprefix("the ")) is not None else None


def _joined(sentence: str, found: list[ActorMention], gazetteer: Gazetteer) -> list[ActorMention]:
    """Sides named together act together: "X and Y attacked" makes both attackers; one country's
    forces named together ("Bihar police and the CRPF", "the army, police and border guards"), and
    armed groups named together ("KIA and PDF fighters"), are one side, the first named, and a
    general name before its units ("security forces comprising RR and CRPF") is the first unit.
    Sides that "clashed" or fought "between" each other stay two."""
    merged: list[ActorMention] = []
    for mention in found:
        last = merged[-1] if merged else None
        if last is None:
            merged.append(mention)
            continue
        listed = _AND_BETWEEN.fullmatch(sentence, last.end, mention.start) is not None
        country = _one_state(last, mention, gazetteer)
        # Only a general name ("security forces") before a unit ("the BSF") is that unit.
        comprising = (
            country == _whose(last) != _whose(mention)
            and _COMPRISING_BETWEEN.fullmatch(sentence, last.end, mention.start) is not None
        )
        fought = _BETWEEN_BEFORE.search(sentence, max(0, last.start - 40), last.start) or (
            _FOUGHT_EACH_OTHER_AFTER.match(sentence, mention.end)
        )
        # Armed groups named together as fighters ("KIA and PDF fighters attacked") are allies: one side.
        allies = (
            listed
            and last.kind in _GROUP_KINDS
            and mention.kind in _GROUP_KINDS
            and _FIGHTERS_END.search(sentence, mention.start, mention.end) is not None
        )
        if (listed or comprising) and not fought and (country is not None or allies):
            first = mention if comprising else last
            merged[-1] = replace(
                first,
                start=last.start,
                end=mention.end,
                passive_agent=last.passive_agent or mention.passive_agent,
                acting=last.acting or mention.acting,
                # Allies share the fighters' noun, and with it what befell them ("were killed").
                victim=mention.victim if allies else last.victim and mention.victim,
            )
            continue
        if listed and not fought and mention.passive_agent and not last.victim and not last.responder:
            merged[-1] = replace(last, passive_agent=True)
        # "fired by X and Y": both fired
        together = listed and not fought and last.passive_agent and not (mention.victim or mention.responder)
        merged.append(replace(mention, passive_agent=True) if together else mention)
    return merged


def _branch_named(name: str, mentions: list[ActorMention]) -> bool:
    """Whether ``name`` is a country's police in general where its military or civil police is named:
    "the police" after "the Military Police" is that branch (a unit of its own, such as a gendarmerie
    or a reserve force, is another force)."""
    if not name.startswith("Police Forces of "):
        return False
    whose = name.removeprefix("Police Forces of ")
    branches = {f"{name} Civil Police", f"Military Forces of {whose} Military Police"}
    return any(other.name in branches for other in mentions)


def order_actors(mentions: list[ActorMention]) -> list[ActorMention]:
    """Distinct actors, initiator first: claimants, agents ("attacked by X"); responders and victims last.

    Unidentified attackers where a gang (or its drive-by shooting) or another armed group is named
    are that group ("an ambush by Zintu fighters, killing two of them"); an unidentified gang where
    a gang is named is that gang.
    """
    named_group = any(a.kind in _GROUP_KINDS and not a.name.startswith(UNIDENTIFIED_GROUP) for a in mentions)
    if named_group or any(a.name.startswith(UNIDENTIFIED_GANG) for a in mentions):
        mentions = [a for a in mentions if not a.name.startswith(UNIDENTIFIED_GROUP)]
    mentions = [a for a in mentions if not _branch_named(a.name, mentions)]
    if any(a.kind == IDENTITY and not a.name.startswith("Unidentified") for a in mentions):
        # "tribal fighting between members of the X tribe": the militia named.
        mentions = [a for a in mentions if not (a.kind == IDENTITY and a.name.startswith("Unidentified"))]
    if any(a.name.endswith((" Gang", " Cartel")) for a in mentions):
        # "members of the Los Tigres gang ... the gang members": the gang named.
        mentions = [a for a in mentions if not a.name.startswith(UNIDENTIFIED_GANG)]
    # Mentions come sentence by sentence, each in text order: a stable sort keeps that order.
    ordered = sorted(mentions, key=lambda a: (not a.claimant, not a.passive_agent, a.responder, a.victim))
    seen: set[str] = set()
    result = []
    for mention in ordered:
        if mention.name not in seen:
            seen.add(mention.name)
            result.append(mention)
    return result
