"""Remove the noise real articles carry, conservatively: keep the body and its real quotes.

Dropped: embedded social-media posts (their attribution line and the short lines of post text
right above it), trailing footnotes (``* ...``), share/read-more/subscribe lines, photo and
video credits, picture captions, navigation and breadcrumb lines, label lines ("Tags:",
"Category:"), bylines, datelines, publication stamps, cookie, newsletter and subscription
prompts (whole short paragraphs, or their sentences in long ones), and paragraphs that repeat
earlier text. Every rule looks at one paragraph (plus a bounded window
for embedded posts), so cleaning is linear in the length of the text.
"""

from __future__ import annotations

import re
from itertools import pairwise

import ahocorasick

from summarizer.text import paragraphs, split_sentences

__all__ = ["clean_text", "fold_words"]

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}})"

# "— Name (@handle) October 19, 2021", Instagram's "A post shared by Name (@handle) on ...".
_ATTRIBUTION = re.compile(
    rf"^(?:[—–―-]{{1,2}}\s*.{{0,80}}\(@\w{{1,30}}\)\s*(?:on\s+)?{_DATE}\b.{{0,40}}"
    rf"|a post shared by .{{0,80}}\(@[\w.]{{1,30}}\).{{0,60}})$",
    re.IGNORECASE,
)
# The most text one embedded post may hold above its attribution line (a tweet is 280
# characters; links and a handle or two add a little).
_POST_BUDGET = 320
_POST_MAX_LINES = 4

_FOOTNOTE = re.compile(r"^(?:\*{1,3}|†|‡)\s*\S")
_FOOTNOTE_MARKER = re.compile(r"(?<=[\w)\]])(?:\*{1,3}|†|‡)(?=[\s,.;:]|$)")

_BOILERPLATE = re.compile(
    r"""^(?:
        read\ more\b | read\ also\b | also\ read\b | see\ also\b | more\ on\ this\b
      | related\s*(?::|articles?\b|stories\b|coverage\b|news\b|content\b|links?\b|posts?\b|videos?\b)
      | (?:categor(?:y|ies)|tags?|filed\ under|topics?|keywords?|release\ date|credits?)\s*(?::|$)
      | leave\ a\ (?:reply|comment)\b | cancel\ reply\b | (?:post|add|write)\ a\ comment\b
      | (?:view|show|load|read)\ (?:all\ )?comments\b | \d+\ comments?\s*$ | comments?\s*(?:\(\d+\))?\s*$
      | join\ the\ (?:conversation|discussion)\b | you\ (?:may|might)\ (?:also\ )?like\b
      | (?:recommended|trending|most\ (?:read|popular|viewed|shared)|popular)
        (?:\ (?:for\ you|now|stories|articles|posts|reading|videos))?\s*(?::|$)
      | more\ from\ (?:the\ )?(?:author|section|this\ author)\b
      | (?:written|posted|words|text)\ by\s*: | (?:corresponding\ )?authors?\s*: | about\ the\ authors?\b
      | share\ (?:this|on|via)\b | share\s*:?\s*$ | subscribe\b | sign\ up\b | follow\ us\b
      | click\ here\b | advertisement\s*$ | sponsored(?:\ content)?\s*$ | story\ continues\b
      | continue\ reading\b | (?:watch|listen)\s*: | watch\ (?:the\ )?video\b | media\ playback\b
      | reporting\ by\b | additional\ reporting\b | editing\ by\b | writing\ by\b
      | (?:published|updated|posted|last\ updated|last\ modified)\b\s*(?:on\b|:|\d)
      | \(credits?\s*: | contact(?:\ us)?\s*:\s*(?:[+(\d]|\S+@|\[email|(?:e-?mail|phone|tel)\b)
      | (?:submit|send|write)\ (?:us\ )?(?:your|a)\ letters?\ (?:to\ (?:the|our)\ editor|for\ publication)\b
      | [\w ]{0,30}?(?::|\bat)?\s*\[email\ protected\]\.?$
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_CREDIT = re.compile(
    r"""^(?:
        (?:photo|photograph|image|picture|video|footage|illustration|graphic|file\ photo)s?
        \s*(?:credit|courtesy|copyright|by|source|caption)?\s*[:©/|]
      | (?:photo|image|video|picture)s?\ (?:credit|courtesy|copyright|by|source|caption)\b
      | \(?(?:photo|image|picture|video)s?\ by\b
      | (?:figure|fig\.|chart|graph|map|table|exhibit)\s*\d{1,3}[a-z]?\s*[:.]
      | .{0,160}?(?:©
        | \b(?:getty\ images|afp|reuters|ap\ photo|epa|anadolu\ agency|sputnik|tass)
          (?:\s*/\s*[\w\ .'-]{1,40})?\s*\)?$)
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# A paywall's prompt; the paragraphs from one such prompt to the last are the paywall's pitch.
_PAYWALL = (
    r"\bsubscribe (?:now|today|to (?:our|my))\b|\bplease subscribe\b|\balready a subscriber\b"
    r"|\bunlimited (?:digital )?access\b"
    r"|\bto (?:view|read|continue reading) the (?:full|rest of the|entire) (?:story|article)\b"
)
_PAYWALL_PROMPT = re.compile(_PAYWALL, re.IGNORECASE)
_PAYWALL_MAX_BLOCKS = 15
_PAYWALL_LINE_WORDS = 15  # every line between two prompts is shorter: a pitch, not news
_BANNER = re.compile(
    _PAYWALL + r"|\b(?:we|this (?:web)?site|our (?:web)?site|the site)\s+uses?\s+cookies\b"
    r"|\baccept (?:all )?cookies\b"
    r"|\bby (?:continuing|using) (?:to (?:use|browse) )?(?:this|our) (?:web)?site\b"
    r"|\b(?:sign up|subscribe)\b.{0,60}\bnewsletters?\b"
    r"|\bnewsletters?\b.{0,60}\b(?:sign up|subscribe|your inbox)\b"
    r"|\bget (?:the|our) .{0,40}newsletter\b"
    r"|\b(?:download (?:the|our)|get our) .{0,40}\bapps?\b"
    r"|\bfollow (?:us|.{1,40}) on (?:twitter|facebook|instagram|linkedin|youtube)\b"
    r"|\bnever miss (?:a|the|an|our)\b.{0,40}\b(?:sign|subscrib)",
    re.IGNORECASE,
)
# A copyright or reprint notice: a paragraph opening with "©", "Copyright 2020" or "All rights
# reserved", or a short footer in a notice's words with "©", or with a year and "All rights
# reserved"; never a quotation or a reported statement.
_NOTICE_OPENING = re.compile(
    r"^(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4})|all rights reserved\b)", re.IGNORECASE
)
_NOTICE = re.compile(
    r"\bcopyrighted (?:property|material)\b|\ball rights reserved\b"
    r"|\b(?:reprint|reproduc|republish|redistribut)\w* (?:this |our |any )?(?:content|material|article)s?"
    r" without\b"
    r"|\b(?:this|our) (?:article|material|content|story)\b[^.]{0,40}\bmay not be\b"
    r"|\bpermission (?:must be obtained|is required)\b.{0,40}\b(?:reprint|reproduc|republish|redistribut)",
    re.IGNORECASE,
)
_ALL_RIGHTS = re.compile(r"\ball rights reserved\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_NOTICE_FOOTER_WORDS = 15
# A quotation or a reported statement is news, whatever its words.
_QUOTES = ('"', "“", "”")
_REPORTED = re.compile(
    r"\b(?:said|says|told|tells|according to|ruled|asks|asked|asking|urged|added)\b", re.IGNORECASE
)
# A prompt or an affiliate disclosure to the reader opening its paragraph ("We'd love to hear
# from you: ...", "This post contains affiliate links"); a police appeal quoted in a story
# ("'We would like to hear from you,' the inspector said") is news.
_READER_PROMPT = re.compile(
    r"^(?:we(?: would|'d|’d)? (?:want|like|love) to hear (?:what you think|from you)\b"
    r"|do you want to (?:be|stay|keep) (?:kept )?(?:informed|up to date|updated)\b"
    r"|(?:disclosure:\s*)?(?:this|our) (?:post|article|page|story|review|guide|site) (?:may )?contains?"
    r" (?:references to products|affiliate links)\b"
    r"|(?:disclosure:\s*)?we may (?:earn|receive) (?:a )?(?:small )?(?:commission|compensation)\b)",
    re.IGNORECASE,
)
# Every _BANNER alternative needs one of these (lower case): most paragraphs skip the pattern.
_BANNER_WORDS = (
    "cookie", "this site", "our site", "this web", "our web", "newsletter", "subscri", "unlimited",
    "to view the", "to read the", "continue reading the", "download the", "download our",
    "get our", " on twitter", " on facebook", " on instagram", " on linkedin", " on youtube", "never miss",
)  # fmt: skip


def _finder(words: tuple[str, ...]) -> ahocorasick.Automaton:
    """An automaton that finds any of ``words`` in one pass over a text."""
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


_BANNER_WORD_FINDER = _finder(_BANNER_WORDS)
# A long paragraph holds a banner, a notice or a prompt sentence only if it holds one of these.
_SENTENCE_HINT_FINDER = _finder((
    *_BANNER_WORDS, "©", "copyright", "rights reserved", "without", "may not be", "permission", "to hear ",
    "do you want",
))  # fmt: skip
# A caption: a picture's description ending with its credit ("... election. Photo: AP"), or a
# short paragraph pointing at people in a picture ("Jane Doe (left) looks on as ...").
_CREDIT_TAIL = re.compile(
    r"\b(?:photo|image|picture|credit|courtesy|getty|afp|reuters|ap|epa|file)\b", re.IGNORECASE
)
_PICTURE_POSITION = re.compile(
    r"\((?:(?:far|second|third|from|front|back|top|bottom)\s+)?(?:left|right|centre|center)\)", re.IGNORECASE
)
# A share bar: nothing but the names of networks and share buttons.
_SHARE_WORDS = frozenset(
    "facebook twitter x whatsapp email e-mail mail linkedin pinterest reddit print share tweet telegram "
    "copy link tumblr messenger sms flipboard pocket on via this article story the".split()
)
_NETWORKS = frozenset(
    "facebook twitter whatsapp linkedin pinterest reddit telegram tumblr messenger flipboard".split()
)
# A keyword list: many short items between commas or semicolons, and no sentence end.
_LIST_ITEMS = re.compile(r"\s*[,;|]\s*")
_MIN_KEYWORDS = 5
_MAX_KEYWORD_WORDS = 3
_CODE_MARKS = "()[]{}=#<>"  # code and data, not keywords
# Navigation or a breadcrumb: several short items between separators.
_SEPARATORS = re.compile(r"\s[|›»]\s|^[|›»]\s|\s[|›»]$")
_MIN_SEPARATORS = 3
# A breadcrumb or navigation run opening a paragraph ("Home › News › ...", "| | Home Archives
# FAQ | | The entry..."): from "Home", short link texts with no sentence end up to the last
# separator (each step consumes one separator, so the match is linear).
_LEADING_NAVIGATION = re.compile(r"^[|›»\s]*home\b(?:[^.!?|›»]{0,60}[|›»])+\s*", re.IGNORECASE)
_MIN_WORDS_AFTER_NAVIGATION = 5  # a shorter rest is the navigation's last item ("Home | News | World")
_NAME = r"[A-Z][\w.'’-]*"
_BYLINE = re.compile(
    rf"^(?:By|BY)\s+{_NAME}(?:\s+(?:{_NAME}|and|&|de|da|van|von|der|al|bin))*"
    r"(?:\s*(?:,|\||·|•|-|—|–|\bfor\b|\bin\b).{0,80})?(?<![.!?\"”])$"
)
_STAMP = re.compile(
    rf"^(?:\w+day,?\s+)?{_DATE}(?:\s*(?:at\s+)?\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{{2,4}})?)?$",
    re.IGNORECASE,
)
# A web address alone, or a bare domain name in one case standing as a source line
# ("EXAMPLENEWS.COM"; only the common generic endings, so a file or code name such as
# "bookmarks.el" stays, and a company named by its domain, "Amazon.com", keeps its capital).
_URL_ONLY = re.compile(r"^(?:https?://|www\.|pic\.twitter\.com/)\S*$", re.IGNORECASE)
_DOMAIN_ONLY = re.compile(
    r"^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|gov|edu|info|news|co|ac)(?:\.[a-z]{2})?"
    r"|[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.(?:COM|ORG|NET|GOV|EDU|INFO|NEWS|CO|AC)(?:\.[A-Z]{2})?)/?$"
)
# A post's metadata line: a label ("Category:", "Last Modified:", "View Comments") and a date.
_META_LABEL = re.compile(
    r"\b(?:categor(?:y|ies)|tags|filed under|last (?:modified|updated)|news date)\s*:"
    r"|\b(?:view|\d+) comments\b",
    re.IGNORECASE,
)
_META_LINE_WORDS = 12
_META_DATE = re.compile(
    rf"\b\d{{1,4}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}\b|\b\d{{1,2}}:\d{{2}}\b|{_DATE}", re.IGNORECASE
)
# A word of Latin letters with two or more Cyrillic or Greek letters that look like Latin ones
# ("Аdvеrtіѕе"): text disguised to slip past filters, which is promotion. Real words keep to one
# script, and the Greek letters of science ("μg/m3", "Aβ42", "α-helix", "Ω") are no look-alikes.
_LOOKALIKES = frozenset("аеорсухіѕјԁһӏАВЕКМНОРСТХІЈЅονρΑΒΕΖΗΙΚΜΝΟΡΤΥΧ")
_MIN_LOOKALIKES = 2
_MIN_DISGUISED_LENGTH = 4
_MIN_DISGUISED_WORDS = 2
# A teaser of another story, cut short and ending in its link ("... delivered... more").
_TEASER_TAIL = re.compile(r"(?:\.\.\.|…)\s*(?:read )?more\s*[»›>]*$", re.IGNORECASE)
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]+){0,3}"
    r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?))?"
    r"(?:\s*\([A-Z][\w .&]{0,30}\))?"
    r"|\([A-Z][\w .&]{0,30}\))\s*(?:--|[—–-])\s+(?=\S)"
)
# A dateline glued to the first word by a lost space ("London (CNN)It was ...").
_GLUED_DATELINE = re.compile(rf"^(?:{_NAME}(?: {_NAME}){{0,3}} )?\([A-Z][\w .&]{{0,30}}\)(?=[A-Z][a-z])")
# A publication stamp the first paragraph opens with, its own line joined to it ("Friday, March 6,
# 2026 On Tuesday, ..."): a weekday and a date before a capital, so a date that is the sentence's
# subject ("March 6, 2026 was ...") stays.
_OPENING_STAMP = re.compile(rf"^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+(?i:{_DATE})\s+(?=[A-Z])")
# A byline opening the first paragraph ("By Jane Doe: The council ...", "By Jane Doe - The ...").
_OPENING_BYLINE = re.compile(rf"^(?:By|BY) {_NAME}(?: {_NAME}){{1,3}} ?(?::|[—–|]| -) (?=\S)")
_WORD_RUN = re.compile(r"\w+")
# A reference-list entry: a journal citation ("2013;31:5339-48", "2015;72(2):246–52"), a PubMed
# number, or the database links a journal page puts after each reference ("CrossrefGoogle Scholar").
# Every citation holds ";" or "[": most paragraphs skip the pattern.
_CITATION = re.compile(
    r"\b(?:1[89]|20)\d\d;\d{1,4}(?:\(\d{1,4}\))?:[a-z]{0,3}\d{1,6}\b|\[pmid:?\s?\d{3,9}\]", re.IGNORECASE
)
# A reference-list entry in the Vancouver style, with or without a volume and page citation: two
# or more authors as surname and initials, or one and "et al", then a full stop, a title and a
# source ending in a year ("- 2. Moreau H, Lind K, Abara T. Skin reactions to common drugs. In
# Seminars in medicine. 1996."). Without a year ("Lin I-C et al. Liver injury ...") such a line
# is an entry only next to one. A news line opening with names alike ("Chelsea FC, Arsenal FC.
# The two clubs drew ...") has no source after its sentence and stays.
_UPPER = "A-ZÀ-ÖØ-Þ"
_REFERENCE_AUTHOR = (
    rf"(?:(?:van|von|de|da|del|der|di|du|le|la) )?[{_UPPER}][\w'’‐-]+(?: [{_UPPER}][\w'’‐-]+)?"
    rf" [{_UPPER}]{{1,3}}(?:[-‐][{_UPPER}])?"
)
_AUTHOR_LIST = re.compile(
    rf"^(?:[-•*] )?(?:\[?\d{{1,3}}[.)\]] )?(?:•+ )?{_REFERENCE_AUTHOR}"
    rf"(?:(?:, {_REFERENCE_AUTHOR})+|,? et al)\. (?=\S)"
)
# The year of a source after a title: after a full stop or ";" and before a citation or the end
# ("Allergol Int. 2016.", "London: Example Press; 2005.", "Lancet. 2005;366").
_SOURCE_YEAR = re.compile(r"[.;] (?:1[89]|20)\d\d(?:[;.(:]|$)")
_REFERENCE_LINKS = ("google scholar", "pubmed", "crossref", "medline", "web of science", "scopus")
_REFERENCE_MAX_WORDS = 120
# The back matter of a scholarly article: disclosures, acknowledgments, author details.
_BACK_MATTER = re.compile(
    r"^(?:current\s|editors'?\s)?(?:disclaimer|acknowledge?ments?|grant\ssupport|disclosures?|conflicts?\sof\sinterests?"
    r"|competing\sinterests?|corresponding\sauthors?|author\scontributions|author\saddress(?:es)?"
    r"|reproducible\sresearch\sstatement|data\savailability(?:\sstatement)?)\s*:",
    re.IGNORECASE,
)
# A credit line naming people by initials only ("Analysis of the data: M.L. Doe, C. Roe.").
_INITIALS_CREDIT = re.compile(
    r"^[^:]{1,80}:\s(?:[A-Z]\.(?:[A-Z]\.)*\s[A-Z][\w'’-]+(?:,\s(?:and\s)?|\sand\s|\.?$))+$"
)
# A teaser or lead line that the next paragraph repeats: at least this many words, nearly all of
# them in that longer paragraph, and most of its word pairs too (a list item next to a longer one
# shares its pattern, not its particular words: "Wheelchairs up to 70cm", "Scooters up to 60cm").
_TEASER_MIN_WORDS = 8
_TEASER_SHARED_WORDS = 0.9
_TEASER_SHARED_PAIRS = 0.8
# A label line of a promotion box: an upper-case label, a colon, and a value that is no
# sentence ("CARD HIGHLIGHTS: 2X points on travel", "WELCOME OFFER: 80,000 Points").
_CAPS_LABEL = re.compile(r"^[A-Z][A-Z0-9'’&*.-]+(?:\s[A-Z0-9][A-Z0-9'’&*.-]*){0,4}:\s+\S")
_SENTENCE_END = (".", "!", "?", "…", '"', "”", ":")

_SHORT_LINE_WORDS = 25
# Longer than this is not one paragraph of a web page but a whole article on one line.
_PAGE_PARAGRAPH_WORDS = 300
# How far from a paragraph's end its credit may start ("Photo: Jane Doe/Reuters").
_CREDIT_WINDOW = 80


def clean_text(text: str) -> str:
    """Return ``text`` without noise, one paragraph per line (empty when nothing is left)."""
    blocks = [_fold_spaces(p) for p in paragraphs(text)]
    blocks = [_strip_leading_navigation(b) for b in blocks]
    blocks = _drop_paywall(_drop_embedded_posts(blocks))
    blocks, had_footnotes = _drop_trailing_footnotes(blocks)
    blocks = _drop_references([b for b in blocks if not _is_noise_line(b)])
    blocks = [kept for b in blocks if (kept := _drop_banner_sentences(b))]
    blocks = _strip_dateline(blocks)
    blocks = _drop_duplicates(blocks)
    blocks = _drop_repeated_teasers(blocks)
    if had_footnotes:
        blocks = [_FOOTNOTE_MARKER.sub("", b) for b in blocks]
    return "\n".join(blocks)


def _fold_spaces(paragraph: str) -> str:
    """``paragraph`` with every whitespace run as one space and none at either end."""
    # Whitespace other than the ASCII space is not printable: a printable paragraph with no
    # double space and no space at either end is already folded (the common case, no copy).
    if paragraph.isprintable() and "  " not in paragraph and paragraph[:1] != " " and paragraph[-1:] != " ":
        return paragraph
    return " ".join(paragraph.split())  # str.split and re's \s agree on what whitespace is


def _drop_embedded_posts(blocks: list[str]) -> list[str]:
    """Drop each attribution line and the short lines of post text directly above it."""
    keep = [True] * len(blocks)
    for i, block in enumerate(blocks):
        if not _ATTRIBUTION.match(block):
            continue
        keep[i] = False
        used = 0
        j = i - 1
        while j >= 0 and i - j <= _POST_MAX_LINES and keep[j]:
            line = blocks[j]
            if used + len(line) > _POST_BUDGET or line.endswith(":"):
                break
            used += len(line)
            keep[j] = False
            j -= 1
    return [b for b, k in zip(blocks, keep, strict=True) if k]


def _drop_trailing_footnotes(blocks: list[str]) -> tuple[list[str], bool]:
    """Drop footnote lines (``* ...``) at the end of the article.

    A trailing ``*`` line counts as a footnote when the body carries a footnote marker
    (``(ISIS)*``) or when it is a lone line after prose (not the end of a bulleted list).
    """
    end = len(blocks)
    while end > 0 and _FOOTNOTE.match(blocks[end - 1]):
        end -= 1
    if end == len(blocks) or end == 0:
        return blocks, False
    body = blocks[:end]
    marked = any(_FOOTNOTE_MARKER.search(b) for b in body)
    lone = len(blocks) - end == 1 and not body[-1].startswith(("*", "-", "•"))
    if marked or lone:
        return body, True
    return blocks, False


def _is_noise_line(block: str) -> bool:
    """A whole paragraph that is boilerplate, a credit, a byline, a stamp, a URL or a banner."""
    n_words = block.count(" ") + 1
    if n_words > _SHORT_LINE_WORDS * 2:
        return False
    if _URL_ONLY.match(block) or _DOMAIN_ONLY.match(block) or _STAMP.match(block):
        return True
    if n_words <= _SHORT_LINE_WORDS and (
        _BOILERPLATE.match(block)
        or _CREDIT.match(block)
        or _BYLINE.match(block)
        or _is_metadata(block, n_words)
    ):
        return True
    if _TEASER_TAIL.search(block, max(0, len(block) - 16)) or _is_disguised(block):
        return True
    if _is_navigation(block) or _is_caption(block) or _is_share_bar(block) or _is_keyword_list(block):
        return True
    if n_words <= _SHORT_LINE_WORDS and _CAPS_LABEL.match(block) and not block.endswith(_SENTENCE_END):
        return True
    return (
        (_is_banner(block) and not _is_reported(block))
        or _is_notice(block, n_words)
        or _is_reader_prompt(block)
    )


def _is_reader_prompt(block: str) -> bool:
    """A paragraph opening with a prompt to the reader, neither quoted nor reported."""
    return _READER_PROMPT.match(block) is not None and not _is_reported(block)


def _is_notice(block: str, n_words: int) -> bool:
    """A copyright or reprint notice (never a paragraph quoting or reporting one)."""
    notice = _NOTICE_OPENING.match(block) is not None or _is_notice_footer(block, n_words)
    return notice and not _is_reported(block)  # the pattern first: most paragraphs are no notice


def _is_notice_footer(block: str, n_words: int) -> bool:
    """A short footer in a notice's words with "©", or with a year and "All rights reserved"."""
    if n_words > _NOTICE_FOOTER_WORDS or not _NOTICE.search(block):
        return False
    return "©" in block or (_ALL_RIGHTS.search(block) is not None and _YEAR.search(block) is not None)


def _is_reported(block: str) -> bool:
    """A paragraph holding a quotation or a reported statement ("..., the minister said")."""
    return any(mark in block for mark in _QUOTES) or _REPORTED.search(block) is not None


def _is_disguised(block: str) -> bool:
    """Text written with look-alike letters of another script in several of its words."""
    if block.isascii():
        return False
    found = 0
    for token in _WORD_RUN.finditer(block):
        word = token.group()
        if len(word) >= _MIN_DISGUISED_LENGTH and not word.isascii() and _is_disguised_word(word):
            found += 1
            if found == _MIN_DISGUISED_WORDS:
                return True
    return False


def _is_disguised_word(word: str) -> bool:
    """A word of Latin letters with two or more look-alike letters of another script."""
    lookalikes = sum(letter in _LOOKALIKES for letter in word)
    return lookalikes >= _MIN_LOOKALIKES and any("a" <= letter.lower() <= "z" for letter in word)


def _is_metadata(block: str, n_words: int) -> bool:
    """A post's metadata line: a label such as "Category:" or "View Comments" and a date.

    The label opens the line, or the line is short and no sentence ("1,200 comments were
    removed before 10:30 on Monday." is news).
    """
    label = _META_LABEL.search(block)
    if label is None or _META_DATE.search(block) is None:
        return False
    return label.start() == 0 or (n_words <= _META_LINE_WORDS and not block.endswith((".", "!", "?")))


def _drop_paywall(blocks: list[str]) -> list[str]:
    """``blocks`` without a paywall's pitch after the body: its first prompt, its last, and the
    short lines between them (a story quoting two prompts has paragraphs of news between them).
    """
    short = _SHORT_LINE_WORDS * 2
    prompts = [i for i, b in enumerate(blocks) if b.count(" ") < short and _PAYWALL_PROMPT.search(b)]
    if len(prompts) < 2 or prompts[0] == 0 or not prompts[-1] - prompts[0] <= _PAYWALL_MAX_BLOCKS:
        return blocks
    inside = blocks[prompts[0] + 1 : prompts[-1]]
    if any(b.count(" ") >= _PAYWALL_LINE_WORDS - 1 for b in inside):
        return blocks
    return blocks[: prompts[0]] + blocks[prompts[-1] + 1 :]


def _drop_references(blocks: list[str]) -> list[str]:
    """``blocks`` without reference-list entries and back matter.

    An author list with neither a citation nor a year goes when it stands next to an entry.
    """
    entries = [_is_reference(b) for b in blocks]
    return [
        b
        for i, b in enumerate(blocks)
        if not entries[i] and not (_opens_with_authors(b) and any(entries[max(i - 1, 0) : i + 2]))
    ]


def _opens_with_authors(block: str) -> bool:
    """A short paragraph opening with a Vancouver-style author list ("Doe J, Roe R. ...")."""
    return block.count(" ") < _REFERENCE_MAX_WORDS and _AUTHOR_LIST.match(block) is not None


def _is_reference(block: str) -> bool:
    """A reference-list entry ("Doe J. Title. Lancet. 2005;366:1165-74.") or an article's back matter."""
    if _BACK_MATTER.match(block):
        return True
    n_words = block.count(" ") + 1
    if n_words <= _SHORT_LINE_WORDS and _INITIALS_CREDIT.match(block):
        return True
    if n_words > _REFERENCE_MAX_WORDS:
        return False
    if block[-16:].lower().endswith(_REFERENCE_LINKS):
        return True
    authors = _AUTHOR_LIST.match(block)
    if authors is not None and _SOURCE_YEAR.search(block, authors.end()) is not None:
        return True
    return (";" in block or "[" in block) and _CITATION.search(block) is not None


def _is_banner(text: str) -> bool:
    """A cookie, newsletter, subscription, app or follow-us prompt."""
    return next(_BANNER_WORD_FINDER.iter(text.lower()), None) is not None and _BANNER.search(text) is not None


def _drop_banner_sentences(block: str) -> str:
    """A long paragraph without its subscription or newsletter prompts (short ones go whole).

    A paragraph longer than a web page's paragraphs (a whole article on one line) is left alone.
    """
    if not _SHORT_LINE_WORDS * 2 <= block.count(" ") < _PAGE_PARAGRAPH_WORDS:
        return block
    if next(_SENTENCE_HINT_FINDER.iter(block.lower()), None) is None:
        return block
    sentences = [s.text for s in split_sentences(block)]
    return " ".join(s for s in sentences if not _is_short_banner(s))


def _is_short_banner(sentence: str) -> bool:
    """A sentence of a long paragraph that is a prompt or a notice."""
    n_words = sentence.count(" ") + 1
    if n_words > _SHORT_LINE_WORDS * 2:
        return False
    return _is_banner(sentence) or _is_notice(sentence, n_words) or _is_reader_prompt(sentence)


def _is_navigation(block: str) -> bool:
    """Several short items between separators ("Home | News | World", "News › World")."""
    if "|" not in block and "›" not in block and "»" not in block:
        return False
    return len(_SEPARATORS.findall(block)) >= _MIN_SEPARATORS


def _strip_leading_navigation(block: str) -> str:
    """``block`` without a breadcrumb at its start, when a text of some words follows it."""
    if block[:12].lstrip("|›» ")[:4].lower() != "home" or not (run := _LEADING_NAVIGATION.match(block)):
        return block
    rest = block[run.end() :]
    return rest if rest.count(" ") >= _MIN_WORDS_AFTER_NAVIGATION - 1 else block


def _is_share_bar(block: str) -> bool:
    """Share buttons ("Facebook Twitter WhatsApp Email")."""
    networks = set()
    for token in _WORD_RUN.finditer(block.lower()):
        word = token.group()
        if word not in _SHARE_WORDS:
            return False  # read no further: the first other word decides (most paragraphs' first)
        if word in _NETWORKS:
            networks.add(word)
    return len(networks) >= 2


def _is_keyword_list(block: str) -> bool:
    """An SEO keyword or tag list: five or more short comma-separated items, no sentence end."""
    if block.endswith(_SENTENCE_END) or any(c in block for c in _CODE_MARKS):
        return False
    items = _LIST_ITEMS.split(block)
    short = all(item.count(" ") < _MAX_KEYWORD_WORDS for item in items)
    return len(items) >= _MIN_KEYWORDS and short


def _is_caption(block: str) -> bool:
    """A picture's caption: it points at people in the picture, or its last sentence is a credit."""
    if _PICTURE_POSITION.search(block):
        return True
    if not _CREDIT_TAIL.search(block, max(0, len(block) - _CREDIT_WINDOW)):
        return False
    sentences = split_sentences(block)
    return len(sentences) > 1 and bool(_CREDIT.match(sentences[-1].text))


def _strip_dateline(blocks: list[str]) -> list[str]:
    """Remove a publication stamp, a byline and a dateline opening the first paragraph.

    "Friday, March 6, 2026 ", "By Jane Doe: ", "WASHINGTON (Reuters) -", "(CNN) --", "London
    (CNN)It was" (glued).
    """
    if not blocks:
        return blocks
    first = _OPENING_BYLINE.sub("", _OPENING_STAMP.sub("", blocks[0], count=1), count=1)
    first = _GLUED_DATELINE.sub("", _DATELINE.sub("", first, count=1), count=1)
    return [first, *blocks[1:]] if first else blocks[1:]


def fold_words(text: str) -> str:
    """Lower-cased words separated by single spaces (punctuation and spacing ignored)."""
    return " ".join(_WORD_RUN.findall(text.lower()))


def _drop_duplicates(blocks: list[str]) -> list[str]:
    """Drop paragraphs that repeat an earlier paragraph or one earlier sentence (pull quotes)."""
    seen_blocks: set[str] = set()
    seen_sentences: set[str] = set()
    out: list[str] = []
    last = len(blocks) - 1
    for number, block in enumerate(blocks):
        if number == last and not seen_blocks:
            # nothing to compare it with (one block, CNN/DailyMail style): keep it if it has a word
            # (no need to lower-case first: lower-casing never makes or removes a word character)
            if _WORD_RUN.search(block):
                out.append(block)
            break
        folded = fold_words(block)
        if not folded:
            continue
        if folded in seen_blocks or (folded.count(" ") >= 4 and folded in seen_sentences):
            continue
        seen_blocks.add(folded)
        if number < last:  # nothing follows the last block, so its sentences are never looked up
            seen_sentences.update(fold_words(s.text) for s in split_sentences(block))
        out.append(block)
    return out


def _repeats(own: list[str], longer: list[str]) -> bool:
    """Whether nearly all words ``own`` are, mostly in the same order, in ``longer``."""
    words = set(own)
    if len(words.difference(longer)) > (1 - _TEASER_SHARED_WORDS) * len(words):
        return False
    pairs = set(pairwise(own))
    return len(pairs & set(pairwise(longer))) >= _TEASER_SHARED_PAIRS * len(pairs)


def _drop_repeated_teasers(blocks: list[str]) -> list[str]:
    """Drop a paragraph whose words the next, longer paragraph repeats (a teaser above the lead).

    Each paragraph is compared with its neighbour only, so this stays linear in the text.
    """
    out: list[str] = []
    following: list[str] | None = None  # the words of the next block, once read
    for number, block in enumerate(blocks):
        known, following = following, None
        if number + 1 < len(blocks) and len(block) < len(blocks[number + 1]):
            # only a block shorter than the next is read for words (never the last one)
            own = known if known is not None else _WORD_RUN.findall(block.lower())
            if len(own) >= _TEASER_MIN_WORDS:
                following = _WORD_RUN.findall(blocks[number + 1].lower())
                if len(own) < len(following) and _repeats(own, following):
                    continue
        out.append(block)
    return out
