"""ACLED's administrative units where they differ from GeoNames': spellings, levels and parents.

Public conventions of ACLED's codebook and of the boundary sets ACLED codes by (OCHA's, GADM's):
Libya by OCHA's district names ("Almargeb" for GeoNames' "Al Marqab"), Azerbaijan by English
transliterations of its rayons ("Fizuli" for "Füzuli"), Uganda by district (GeoNames' second
level), Malawi by its three regions (GeoNames' first level is the district), the Philippines by
region with the provinces of 2020 (GeoNames files a few provinces under the wrong region and has
split Maguindanao), Nepal by its five development regions (GeoNames: the provinces of 2015), Kyiv
city apart from Kyiv oblast, and Hong Kong and Macau as first-level units of China (GeoNames:
countries of their own, by district), Ghana by its ten regions before 2019.
"""

from __future__ import annotations

from summarizer.incidents.names import fold

__all__ = [
    "ACLED_ADMIN1",
    "CITY_UNITS",
    "PARENT_UNITS",
    "PROVINCE_REGIONS",
    "SPLIT_REGIONS",
    "TERRITORIES",
    "other_spellings",
]

# First-level units by ACLED's spelling -> the names each is looked up by (GeoNames' and the news'
# spellings; not a bare "North" or "Capital", which name regions of many countries). Only names that no
# other unit or town of the country bears; pycountry's ISO names cover the other units.
ACLED_ADMIN1: dict[str, dict[str, tuple[str, ...]]] = {
    "SY": {
        "Al-Hasakeh": ("Hasakah", "Hasaka", "Hasakeh", "Al-Hasakah", "Hassakeh", "Jazira"),
        "Lattakia": ("Latakia", "Lattakia", "Ladhiqiyah"),
        "Quneitra": ("Quneitra", "Qunaytirah"),
        "Ar-Raqqa": ("Raqqa", "Raqqah", "Ar-Raqqa"),
        "As-Sweida": ("Sweida", "Suwayda", "Suwaida", "As-Suwayda"),
        "Dar'a": ("Daraa", "Dara'a", "Deraa", "Dar'a"),
        "Deir-ez-Zor": (
            "Deir ez-Zor",
            "Deir ez-Zour",
            "Deir Ezzor",
            "Deir al-Zour",
            "Dayr az Zawr",
            "Deir el-Zor",
            "Deir el-Zour",
            "Deir al-Zor",
            "Dair al-Zour",
            "Dayr al-Zawr",
        ),
        "Rural Damascus": ("Rural Damascus", "Rif Dimashq", "Damascus countryside", "Reef Damascus"),
        "Aleppo": ("Aleppo", "Halab"),
        "Hama": ("Hama", "Hamah"),
        "Homs": ("Homs", "Hims"),
        "Idleb": ("Idlib", "Idleb"),
        "Damascus": ("Damascus", "Dimashq"),
        "Tartous": ("Tartus", "Tartous"),
    },
    "IQ": {
        "Ninewa": ("Nineveh", "Ninawa", "Ninewa"),
        "Salah al-Din": (
            "Salahuddin",
            "Salah al-Din",
            "Saladin",
            "Salah ad Din",
            "Salaheddin",
        ),
        "Al-Anbar": ("Anbar",),
        "Diyala": ("Diyala", "Diyalah"),
        "Kirkuk": ("Kirkuk", "Tamim"),
        "Baghdad": ("Baghdad",),
        "Basrah": ("Basra", "Basrah"),
        "Erbil": ("Erbil", "Arbil", "Hawler"),
        "Duhok": ("Duhok", "Dohuk", "Dahuk", "Dihok"),
        "Sulaymaniyah": (
            "Sulaymaniyah",
            "Sulaimaniyah",
            "Slemani",
            "Sulaimani",
            "Suleimaniyah",
            "Sulaimaniya",
            "Sulaymaniya",
        ),
        "Kerbala": ("Karbala", "Kerbala"),
        "Wassit": ("Wasit", "Wassit"),
        "Al-Qadissiya": ("Qadisiyah", "Qadissiya", "Qadisiya", "Diwaniyah", "Al-Qadisiyyah", "Qadisiyyah"),
        "Dhi-Qar": ("Dhi Qar", "Thi Qar"),
        "Babil": ("Babil", "Babylon", "Babel"),
        "Najaf": ("Najaf",),
        "Missan": ("Missan", "Maysan", "Misan"),
        "Al-Muthanna": ("Al-Muthanna", "Muthanna"),
    },
    "YE": {
        "Al Hudaydah": ("Hodeidah", "Hudaydah", "Hodeida", "Hudeidah"),
        "Marib": ("Marib",),
        "Taizz": ("Taiz", "Taizz"),
        "Sanaa": ("Sanaa",),
        "Aden": ("Aden", "Adan"),
        "Sadah": ("Saada", "Sadah", "Sa'dah", "Saadah"),
        "Al Jawf": ("Jawf",),
        "Hadramawt": ("Hadramawt", "Hadramout", "Hadhramaut", "Hadhramout", "Hadramaut"),
        "Shabwah": ("Shabwa", "Shabwah"),
        "Abyan": ("Abyan",),
        "Lahij": ("Lahij", "Lahj"),
        "Ad Dali": ("Dhale", "Dhalea", "Dhalee", "Dali", "Ad Dali'", "Al Dhale'e", "Dhale'e"),
        "Al Bayda": ("Bayda", "Baydha"),
        "Hajjah": ("Hajjah",),
        "Al Maharah": ("Al Maharah", "Al Mahrah", "Mahra"),
        "Amran": ("Amran", "'Amran", "Omran"),
        "Socotra": ("Socotra", "Soqatra", "Arkhabil Suqutra"),
    },
    "LB": {
        "Beirut": ("Beirut", "Bayrut", "Beyrouth"),
        "North": ("Ash Shimal", "North Lebanon", "North Governorate"),
        "South": ("Al Janub", "South Lebanon", "South Governorate"),
        "Bekaa": ("Bekaa", "Beqaa", "Biqa"),
        "Nabatieh": ("Nabatiyeh", "Nabatieh", "Nabatiyah", "Nabatiye"),
        "Mount Lebanon": ("Mount Lebanon", "Jabal Lubnan"),
        "Baalbek-Hermel": ("Baalbek-Hermel", "Baalbek Hermel", "Balabak-Al Hirmil"),
        "Akkar": ("Akkar", "'Akkar", "Aakkar"),
    },
    "MX": {
        "Distrito Federal": ("Ciudad de Mexico", "Mexico City", "Distrito Federal", "CDMX"),
    },
    "PH": {
        "Bangsamoro Autonomous Region in Muslim Mindanao": (
            "Bangsamoro Autonomous Region in Muslim Mindanao",
            "Autonomous Region in Muslim Mindanao",
            "ARMM",
            "BARMM",
            "Bangsamoro",
            "Maguindanao",  # the province GeoNames has split in two (2022), whole in ACLED's units
        ),
    },
    "RS": {
        "Belgrade": ("Beograd", "Belgrade"),
    },
    "BH": {
        "Capital": ("Al Asimah", "Capital Governorate"),
        "Northern": ("Ash Shamaliyah", "Northern Governorate"),
        "Southern": ("Al Janubiyah", "Southern Governorate"),
        "Muharraq": ("Muharraq", "Muharraq Governorate"),
    },
    "IL": {
        "HaDarom": ("HaDarom", "Al Janubi", "Southern District"),
        "HaMerkaz": ("HaMerkaz", "Al Awsat", "Central District"),
        "HaZafon": ("HaZafon", "HaTsafon", "Ash Shamali", "Northern District"),
        "Haifa": ("Haifa", "Hayfa", "Haifa District"),
        "Tel Aviv": ("Tel Aviv", "Tall Abib", "Tel Aviv District"),
        "Jerusalem": ("Jerusalem District", "Al Quds"),
    },
    "UA": {
        "Donetsk": ("Donetsk",),
        "Luhansk": ("Luhansk", "Lugansk"),
        "Kharkiv": ("Kharkiv",),
        "Zaporizhia": ("Zaporizhzhia", "Zaporizhia", "Zaporozhye"),
        "Kherson": ("Kherson",),
        "Dnipropetrovsk": ("Dnipropetrovsk",),
        "Mykolaiv": ("Mykolaiv",),
        "Odesa": ("Odesa", "Odessa"),
        "Sumy": ("Sumy",),
        "Chernihiv": ("Chernihiv",),
        "Kyiv": ("Kyiv", "Kiev"),
        "Crimea": ("Crimea",),
        "Kiev City": ("Kiev City", "Kyiv City", "Misto Kyiv"),
    },
    "SO": {
        "Lower Shabelle": ("Lower Shabelle", "Lower Shabelle"),
        "Middle Shabelle": ("Middle Shabelle",),
        "Lower Juba": ("Lower Juba",),
        "Middle Juba": ("Middle Juba",),
        "Banadir": ("Banadir", "Benadir"),
        "Hiraan": ("Hiraan", "Hiran"),
        "Bay": ("Bay",),
        "Bakool": ("Bakool",),
        "Gedo": ("Gedo",),
        "Galgaduud": ("Galgaduud", "Galguduud"),
        "Mudug": ("Mudug",),
    },
    "LY": {
        "Aljfara": ("Aljfara", "Al Jafarah", "Al Jifarah", "Jafara", "Jfara", "Al Jfara"),
        "Almargeb": ("Almargeb", "Al Marqab", "Al Murqub", "Murqub", "Margeb"),
        "Azzawya": ("Azzawya", "Az Zawiyah", "Zawiya District"),
        "Al Jabal Al Gharbi": (
            "Al Jabal al Gharbi",
            "Al Jabl Al Gharbi",
            "Jabal al Gharbi",
            "Nafusa Mountains",
        ),
        "Al Jabal Al Akhdar": (
            "Al Jabal al Akhdar",
            "Al Jabl Al Akhdar",
            "Jabal al Akhdar",
            "Green Mountain",
        ),
        "Misrata": ("Misrata", "Misratah", "Misurata"),
        "Sirt": ("Sirt", "Surt", "Sirte"),
        "Benghazi": ("Benghazi", "Banghazi"),
        "Derna": ("Derna", "Darnah"),
        "Almarj": ("Almarj", "Al Marj"),
        "Aljufra": ("Aljufra", "Al Jufrah"),
        "Alkufra": ("Alkufra", "Al Kufrah"),
        "Alwahat": ("Alwahat", "Al Wahat"),
        "Sebha": ("Sebha", "Sabha"),
        "Wadi Ashshati": ("Wadi Ashshati", "Wadi ash Shati", "Wadi al Shati"),
    },
    "AZ": {
        "Fizuli": ("Fizuli", "Fuzuli", "Fuzuli District"),
        "Aghjabadi": ("Aghjabadi", "Agcabedi", "Agjabedi"),
        "Tartar": ("Tartar", "Terter"),
        "Aghdam": ("Aghdam", "Agdam"),
        "Barda": ("Barda", "Berde"),
        "Beylagan": ("Beylagan", "Beyleqan"),
        "Khojavend": ("Khojavend", "Xocavend"),
        "Jabrayil": ("Jabrayil", "Jabrail", "Cebrayil"),
        "Lachin": ("Lachin", "Lacin"),
        "Kalbajar": ("Kalbajar", "Kelbecer"),
        "Gubadly": ("Gubadly", "Qubadli", "Kubatly"),
        "Zangilan": ("Zangilan", "Zengilan"),
        "Shusha": ("Shusha", "Susa"),
        "Khojaly": ("Khojaly", "Xocali"),
        "Baku": ("Baku", "Baki"),
        "Ganja": ("Ganja", "Gence"),
        "Gadabay": ("Gadabay", "Gedebey"),
        "Dashkasan": ("Dashkasan", "Daskesen"),
        "Gazakh": ("Gazakh", "Qazax"),
        "Agstafa": ("Agstafa", "Akstafa"),
        "Mingachevir": ("Mingachevir", "Mingecevir"),
        "Yevlakh": ("Yevlakh", "Yevlax"),
        "Sumgayit": ("Sumgayit", "Sumgait", "Sumqayit"),
        "Nakhchivan": ("Nakhchivan", "Naxcivan"),
    },
    "RU": {
        "Republic of Sakha": (
            "Republic of Sakha",
            "Sakha Republic",
            "Saha, Respublika",
            "Sakha",
            "Yakutia",
        ),
        "Altai Krai": ("Altai Krai", "Altayskiy kray", "Altai Territory"),
    },
    "CO": {
        "Bogota, D.C.": ("Bogota, D.C.", "Bogota D.C.", "Distrito Capital de Bogota"),
    },
    "IN": {"NCT of Delhi": ("NCT of Delhi", "National Capital Territory of Delhi")},
    "MK": {"City of Skopje": ("City of Skopje", "Grad Skopje")},
    "NG": {"Federal Capital Territory": ("Federal Capital Territory", "Abuja Federal Capital Territory")},
    "KG": {"Chui": ("Chui", "Chuy")},
    "GE": {
        "Inner Kartli": ("Inner Kartli", "Shida Kartli"),
        "Lower Kartli": ("Lower Kartli", "Kvemo Kartli"),
    },
    "TN": {"Manubah": ("Manubah", "La Manouba", "Manouba Governorate")},
    "ML": {"Tombouctou": ("Tombouctou", "Timbuktu Region")},
    "NE": {"Tillaberi": ("Tillaberi", "Tillabery", "Tillaberi Region")},
    # Afghan provinces in the other transliterations news and coders use (GeoNames' own names are ACLED's).
    "AF": {
        "Urozgan": ("Urozgan", "Uruzgan", "Oruzgan"),
        "Kunar": ("Konar", "Konarha"),
        "Paktia": ("Paktya",),
        "Nangarhar": ("Ningarhar", "Nangrahar"),
        "Helmand": ("Hilmand",),
        "Jowzjan": ("Jawzjan", "Jauzjan"),
        "Daykundi": ("Daikundi", "Daikondi"),
        "Panjshir": ("Panjsher",),
        "Herat": ("Hirat",),
        "Bamyan": ("Bamiyan",),
        "Kandahar": ("Qandahar",),
        "Nuristan": ("Nooristan",),
        "Kunduz": ("Konduz", "Qunduz", "Kondoz"),
        "Laghman": ("Lagman",),
        "Logar": ("Lowgar",),
    },
    # Names GeoNames writes with an opening ayn ("'Asir"), a Latin form news rarely uses, or none.
    "SA": {
        "Asir": ("Asir", "'Asir"),
        "Madinah": ("Madinah", "Medina Region", "Al Madinah al Munawwarah"),
        "Makkah": ("Makkah", "Mecca Region", "Makkah al Mukarramah"),
    },
    "IR": {
        "West Azarbaijan": ("West Azarbaijan", "West Azerbaijan", "Azarbayjan-e Gharbi"),
        "East Azarbaijan": ("East Azarbaijan", "East Azerbaijan", "Azarbayjan-e Sharqi"),
        "Sistan and Baluchestan": (
            "Sistan va Baluchestan",
            "Sistan and Baluchistan",
            "Sistan-Baluchestan",
            "Sistan-Baluchistan",
        ),
        "Razavi Khorasan": ("Khorasan-e Razavi", "Khorasan Razavi"),
        "North Khorasan": ("Khorasan-e Shomali",),
        "South Khorasan": ("Khorasan-e Jonubi",),
        "Kohgiluyeh and Boyer-Ahmad": ("Kohgiluyeh va Bowyer Ahmad", "Kohgiluyeh and Boyer Ahmad"),
        "Chaharmahal and Bakhtiari": ("Chahar Mahal va Bakhtiari", "Chaharmahal va Bakhtiari"),
        "Isfahan": ("Esfahan",),
        "Kurdistan": ("Kordestan",),
        "Lorestan": ("Luristan",),
    },
    "AE": {
        "Abu Dhabi": ("Abu Zaby", "Abu Dhabi Emirate"),
        "Sharjah": ("Ash Shariqah", "Sharjah Emirate"),
        "Fujairah": ("Al Fujayrah", "Fujairah Emirate"),
        "Ras Al-Khaimah": ("Ras Al Khaimah", "Ras al-Khaimah"),
        "Umm Al-Quwain": ("Umm al Qaywayn", "Umm al-Quwain", "Umm Al Quwain"),
    },
    "JO": {"Amman": ("Amman", "Al Asimah", "Amman Governorate")},
    "KW": {"Mubarak al Kabeer": ("Mubarak al Kabeer", "Mubarak al Kabir")},
    "EG": {"Beni Suef": ("Beni Suef", "Beni Suweif", "Bani Suwayf")},
    "QA": {"Doha": ("Doha", "Ad Dawhah")},
}

# GeoNames first-level units whose second level is ACLED's first: Uganda's four regions (ACLED codes
# Uganda by district).
SPLIT_REGIONS = frozenset(("UG", fold(region)) for region in ("Central", "Eastern", "Northern", "Western"))

# Malawi's districts (GeoNames' first level) in ACLED's regions.
_MALAWI = {
    "Northern": ("Chitipa", "Karonga", "Likoma", "Mzimba", "Nkhata Bay", "Rumphi"),
    "Central": (
        "Dedza",
        "Dowa",
        "Kasungu",
        "Lilongwe",
        "Mchinji",
        "Nkhotakota",
        "Ntcheu",
        "Ntchisi",
        "Salima",
    ),
    "Southern": (
        "Balaka",
        "Blantyre",
        "Chikwawa",
        "Chiradzulu",
        "Machinga",
        "Mangochi",
        "Mulanje",
        "Mwanza",
        "Neno",
        "Nsanje",
        "Phalombe",
        "Thyolo",
        "Zomba",
    ),
}
# Ghana's regions of 2019 (GeoNames) in the ten earlier regions ACLED codes Ghana by.
_GHANA = {
    "North East": "Northern",
    "Savannah": "Northern",
    "Bono": "Brong Ahafo",
    "Bono East": "Brong Ahafo",
    "Ahafo": "Brong Ahafo",
    "Oti": "Volta",
    "Western North": "Western",
}
# (country, GeoNames first-level unit) -> (country, ACLED's first-level unit holding it).
PARENT_UNITS = {
    **{("GH", fold(new)): ("GH", old) for new, old in _GHANA.items()},
    **{("MW", fold(district)): ("MW", region) for region, names in _MALAWI.items() for district in names},
}

# Nepal's districts (GeoNames' second level) in the five development regions ACLED codes Nepal by
# (GeoNames' first level is the seven provinces of 2015).
_NEPAL = {
    "East": (
        "Taplejung Panchthar Ilam Jhapa Sankhuwasabha Terathum Dhankuta Bhojpur Sunsari Morang Solukhumbu"
        " Okhaldhunga Khotang Udayapur Saptari Siraha"
    ),
    "Central": (
        "Dolakha Ramechhap Sindhuli Dhanusa Mahottari Sarlahi Sindhupalchowk Rasuwa Nuwakot Dhading Kathmandu"
        " Bhaktapur Lalitpur Kavrepalanchok Makwanpur Rautahat Bara Parsa Chitwan"
    ),
    "West": "Gorkha Lamjung Tanahun Syangja Kaski Manag Mustang Myagdi Parbat Baglung Gulmi Palpa"
    " Arghakhanchi Nawalparasi Rupandehi Kapilbastu",
    "Mid-Western": "Rukum Rolpa Pyuthan Salyan Dang Dailekh Jajarkot Surkhet Banke Bardiya Dolpa Mugu Jumla"
    " Kalikot Humla",
    "Far-Western": "Bajura Bajhang Achham Doti Kailali Darchula Baitadi Dadeldhura Kanchanpur",
}

# (country, GeoNames second-level unit) -> ACLED's first-level unit, where GeoNames files the province
# under another region: the Philippines' regions as of 2019-2020, Nepal's development regions.
PROVINCE_REGIONS = {
    **{("NP", fold(district)): region for region, names in _NEPAL.items() for district in names.split()},
    ("PH", fold("South Cotabato")): "Soccsksargen",
    ("PH", fold("Sarangani")): "Soccsksargen",
    ("PH", fold("Lanao del Norte")): "Northern Mindanao",
    ("PH", fold("Basilan")): "Bangsamoro Autonomous Region in Muslim Mindanao",
    ("PH", fold("Cotabato City")): "Bangsamoro Autonomous Region in Muslim Mindanao",
}

# Capitals that are a first-level unit of their own beside the province of the same name, which
# GeoNames' short names do not tell apart: (country, folded city) -> ACLED's name of the city unit.
CITY_UNITS = {("UA", fold("Kyiv")): "Kiev City"}

# Territories GeoNames counts as countries that ACLED codes as a first-level unit of China: country code
# -> the unit (their districts, GeoNames' first level, become the second).
TERRITORIES = {"HK": "Hong Kong", "MO": "Macau"}


def _spellings() -> dict[str, tuple[str, ...]]:
    """Each curated first-level unit's spellings, by the folded key of any of them."""
    spellings: dict[str, tuple[str, ...]] = {}
    for regions in ACLED_ADMIN1.values():
        for display, aliases in regions.items():
            names = (display, *aliases)
            for name in names:
                spellings[fold(name)] = (*spellings.get(fold(name), ()), *names)
    return spellings


_SPELLINGS = _spellings()


def other_spellings(name: str) -> tuple[str, ...]:
    """The other spellings of a curated first-level unit this name spells ("Saada": "Sadah", the
    spelling GeoNames files its districts under), none for any other name."""
    return _SPELLINGS.get(fold(name), ())
