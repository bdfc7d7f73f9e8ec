"""An incident's toll from all the sentences that report it, as ACLED codes conflicting reports.

Figures are never added across sources: the same dead counted by two sources ("police said four
were killed ... hospital sources said nine") are alternatives, and the lowest is kept (ACLED's
conservative figure), the range spanning them all. A figure a later report raised ("the toll rose
to 20") supersedes those before it. Only the dead of another side ("five attackers were also
killed") or said to be more ("another", "two more") add up.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from summarizer.incidents.counts import TOLL_RISE_VERBS, Casualties, Count, add_counts

__all__ = ["Figure", "combine", "rise_dated", "source_of", "toll_rose"]

# A noun phrase of up to seven words (a source: "hospital sources", "a leader of a local militia").
_PHRASE = r"[\w'’.-]{1,40}+(?:\s+[\w'’.-]{1,40}+){0,6}?"
# Who may speak after "said" in lower case ("..., said the army"): a name starts with a capital.
_SOURCE_NOUN = (
    r"(?:police|officials?|army|military|ministry|residents|witnesses|sources|spokes\w+|governor|mayor"
    r"|hospital|doctors?|medics?|rescuers?|officers?|authorities|group|agency)\b"
)
# Who gave a figure, named after a word: "according to X", "..., said X".
_SOURCE = re.compile(
    rf"\baccording to\s+(?P<a>{_PHRASE})(?=\s*(?:[,.;]|$))"
    rf"|,\s*(?:said|says|told reporters)\s+(?![^,.;]*\d)"
    # a name, or a source noun after up to two words ("the district police chief")
    rf"(?=(?-i:[A-Z])|(?:the |a |an )?(?:[\w'’-]{{1,30}}+ ){{0,2}}{_SOURCE_NOUN})"
    rf"(?P<c>{_PHRASE})\s*(?:[,.;]|$)",
    re.IGNORECASE,
)
# Or before its verb: "X said", "X, a spokesman, said", "X put the toll at"; not "a post said to be".
_SAID = re.compile(
    r"\b(?:said|says|say|told|reported|claimed(?! (?:responsibility|credit|the attack))|estimated|described"
    r"|counted|put (?:the|its|their) (?:death )?toll)\b(?!\s+to\b)",
    re.IGNORECASE,
)
# Where the speaker's words before its verb begin: after a stop or a word that opens a clause.
_CLAUSE_OPEN = re.compile(
    r".*(?:[,;:]|\b(?:and|but|while|whereas|that|which|who|as|when|after|before|because|since)\s)", re.DOTALL
)
_SPEAKER_WORDS = 10
# A speaker's own statement after the verb ("said he would send troops"), not a figure's attribution
# unless it holds a count ("said they had found nine bodies").
_OWN_STATEMENT = re.compile(
    r"\s+(?:that\s+)?(?:he|she|it|they|we)\s+(?:would|will|was|were|is|are|had|has|have|could|should"
    r"|might|must|planned|wanted|intended|hoped|did|does)\b(?P<rest>[^.;]{0,300})",
    re.IGNORECASE,
)
_ANY_COUNT = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty"
    r"|dozens?|scores|hundreds?)\b",
    re.IGNORECASE,
)
# How far before a reporting verb its speaker (and an aside naming it) may begin, in characters:
# each verb looks at a bounded stretch, so a long sentence costs linear time.
_SPEAKER_WINDOW = 600
# Articles before a source's name.
_ARTICLES = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
# Words that are not a source before "said": pronouns and the dead themselves.
_NO_SOURCE = frozenset({"he", "she", "it", "they", "we", "i", "who", "which", "that", "this"})
# A toll a later report raised or updated: "the death toll rose to 20", "now stands at", "was revised
# to", "had since reached", "27 bodies have since been recovered"; not a figure then something else
# that rose ("the toll stood at 12 as prices rose").
_ROSE = re.compile(
    rf"\b(?:toll|number of (?:the )?dead|death count|fatalities)\b[^.;\d]{{0,100}}?\b(?:{TOLL_RISE_VERBS}"
    r"|now|since|stands at|(?:has|had) reached)\b"
    r"|\b(?:has|have|had) since\b",
    re.IGNORECASE,
)


_ATTACKERS = re.compile(
    r"\b(?:attackers?|assailants?|militants?|insurgents?|gunmen|jihadists?|terrorists?|bandits?|rebels?|fighters?"
    r"|bombers?|kidnappers?)\b",
    re.IGNORECASE,
)
# Forces that shot the one who attacked: that death is the attacker's, counted beside the victims'.
_ATTACKER_SHOT = re.compile(
    r"\b(?:police|officers?|troops|soldiers|security forces|guards?)\b[^.;]{0,80}?\b(?:shot|killed|gunned)"
    r"\s+(?:him|her|the (?:attacker|assailant|gunman|suspect|shooter|bomber|knifeman))\b",
    re.IGNORECASE,
)
# Others among the dead: a sentence that counts them beside attackers gives the toll of all sides.
_OTHERS = re.compile(
    r"\b(?:people|persons|civilians?|soldiers?|troops|police\w*|officers?|children|women|men|villagers"
    r"|residents|guards?|workers?|personnel)\b",
    re.IGNORECASE,
)


# Who the dead were, when a figure names them: two sources count the same dead when they name the
# same kinds, or one names none ("nine people", "four were killed", "35 bodies").
_KINDS = re.compile(
    r"\b(soldier|troop|police(?:m[ae]n)?|officer|civilian|child|children|wom[ae]n|m[ae]n|villager|fighter"
    r"|militant|rebel|attacker|assailant|gunm[ae]n|student|worker|passenger|trader|farmer|herder|resident"
    r"|guard|worshipper|miner|pilgrim|refugee|prisoner|journalist|driver|teacher|pupil|doctor|nurse|shepherd"
    r"|peacekeeper|bodyguard|hostage|protester|demonstrator|official|employee|member|tribesm[ae]n)s?\b",
    re.IGNORECASE,
)


def _kinds(casualties: Casualties) -> frozenset[str]:
    """The kinds of people a figure counts ("three soldiers and two civilians"), none for anyone."""
    return frozenset(kind.lower() for kind in _KINDS.findall(" ".join(casualties.victims)))


def _side(casualties: Casualties, text: str) -> str:
    """Whose dead a sentence counts: the attackers' ("five attackers were killed", "police shot him
    dead"), the others', or all sides' ("five civilians and three attackers were killed")."""
    victims = " ".join(casualties.victims)
    if _ATTACKERS.search(victims):
        return ALL if _OTHERS.search(_ATTACKERS.sub("", victims)) else ATTACKERS
    return ATTACKERS if _ATTACKER_SHOT.search(text) else VICTIMS


def source_of(text: str) -> str | None:
    """Who a sentence attributes its account to ("hospital sources", "the ministry"), in lower case,
    or None when it names nobody."""
    found = _SOURCE.search(text)
    phrase = (found.group("a") or found.group("c")) if found is not None else _speaker(text)
    if phrase is None:
        return None
    name = _ARTICLES.sub("", " ".join(phrase.lower().split())).rstrip(".")
    return None if name in _NO_SOURCE else name


def _speaker(text: str) -> str | None:
    """The words before the first reporting verb that name who speaks: at most ten, none a number,
    from the last stop or clause word, past an aside ("Ali Musa, a police spokesman, said": "Ali Musa")."""
    for verb in _SAID.finditer(text):
        start = max(0, verb.start() - _SPEAKER_WINDOW)
        before = text[start : verb.start()].rstrip()
        if before.endswith(","):
            aside = before.rfind(",", 0, len(before) - 1)
            if aside < 0:
                continue  # "Two died, said ...": the speaker comes after the verb
            before = before[:aside]
        own = _OWN_STATEMENT.match(text, verb.end())
        if own is not None and not _ANY_COUNT.search(own.group("rest")):
            continue  # "..., and the governor said he would send troops": his words hold no figure
        opening = _CLAUSE_OPEN.match(before)
        if opening is None and start > 0:
            continue  # no clause opens within reach: far too many words for a speaker
        words = (before[opening.end() :] if opening else before).split()
        if 0 < len(words) <= _SPEAKER_WORDS and not any(ch.isdigit() for word in words for ch in word):
            return " ".join(words)
    return None


def toll_rose(text: str) -> bool:
    """Whether a sentence says a toll rose: its figure supersedes the ones reported before."""
    return _ROSE.search(text) is not None


def rise_dated(text: str, position: int) -> bool:
    """Whether a date at ``position`` is told after a toll's rise ("the toll rose to 11 on Friday"):
    the day of the update, not of the event."""
    found = _ROSE.search(text)
    return found is not None and found.end() <= position


# A sentence telling of another attack than the one before: "the second", "hours later", "separately".
_ANOTHER_EVENT = re.compile(
    r"\b(?:(?:hours|minutes|days|moments) later|(?:the|a) (?:first|second|third|other|latter)"
    r"|another (?:attack|blast|bomb|bombing|explosion|raid|strike|assault|ambush|incident)|separate(?:ly)?"
    r"|elsewhere)\b",
    re.IGNORECASE,
)
# A sentence telling of an attack itself, not only of its toll: "gunmen stormed a clinic, killing 15".
_ATTACK_TOLD = re.compile(
    r"\b(?:attacked|stormed|raided|ambushed|exploded|detonated|opened fire|shelled|bombed|went off)\b",
    re.IGNORECASE,
)
# A part of the dead counted before: "one of its leaders", "two of the soldiers".
_PART_OF = re.compile(r"[\w-]{1,20}+\s+of\s+(?:its|the|those|them|their|whom|his|her)\b", re.IGNORECASE)

ATTACKERS, VICTIMS, ALL = "attackers", "victims", "all"


@dataclass(frozen=True, slots=True)
class Figure:
    """One sentence's count: its value and range, whom it counts, who gave it, and how it relates."""

    value: int
    stated: Count
    side: str = VICTIMS
    kinds: frozenset[str] = frozenset()
    source: str | None = None
    additional: bool = False
    toll: bool = False
    rose: bool = False
    coded: bool = False
    separate: bool = False
    narrated: bool = False
    part: bool = False

    @classmethod
    def of(cls, casualties: Casualties, text: str, value: int, *, fatalities: bool) -> Figure:
        """The figure a sentence reads (``value`` its fatalities or its injuries)."""
        high = casualties.fatalities_high if fatalities else value
        return cls(
            value=value,
            stated=(value, high),
            side=_side(casualties, text) if fatalities else VICTIMS,
            kinds=_kinds(casualties),
            source=source_of(text),
            additional=casualties.additional,
            toll=casualties.toll,
            # "two more have since died" adds to the toll; "the toll rose to 11 as two more died" updates it
            rose=fatalities and toll_rose(text) and (casualties.toll or not casualties.additional),
            coded=fatalities and casualties.coded,
            separate=_ANOTHER_EVENT.search(text) is not None,
            narrated=_ATTACK_TOLD.search(text) is not None,
            part=any(_PART_OF.match(victims) for victims in casualties.victims),
        )


def _widen(first: Count | None, second: Count) -> Count:
    """The range covering two alternative counts of the same dead (reports that differ)."""
    if first is None:
        return second
    high = None if first[1] is None or second[1] is None else max(first[1], second[1])
    return min(first[0], second[0]), high


def _same_source(first: str, second: str) -> bool:
    """Whether two sources are one institution: one name's words within the other's ("army" and "army
    spokesman Ali Musa", "police" and "police spokeswoman")."""
    first_words, second_words = set(first.split()), set(second.split())
    return first_words <= second_words or second_words <= first_words


def _alternatives(first: Figure, second: Figure) -> bool:
    """Whether two figures are two sources' accounts of the same dead, then the lowest is kept: two
    different sources naming the same kinds of dead (or one naming none: "nine bodies"), the later
    one reporting a figure, not telling of an attack ("gunmen stormed a clinic, killing 15"), and
    neither telling of another attack ("the second", "hours later"); not a source telling of one
    soldier killed and another of three soldiers and two civilians."""
    if first.source is None or second.source is None or _same_source(first.source, second.source):
        return False
    same_dead = not first.kinds or not second.kinds or first.kinds == second.kinds
    return same_dead and not (first.separate or second.separate or second.narrated)


@dataclass(slots=True)
class _Side:
    """The figure kept so far for one side's dead, and the range of every account of them."""

    kept: Figure
    value: int
    span: Count

    def add(self, figure: Figure) -> None:
        if figure.part and not figure.additional:
            return  # "one of its leaders died": some of the dead counted before, no other count
        if figure.additional and figure.value:
            self.value += figure.value
            self.span = add_counts(self.span, figure.stated)
            return
        # A repeated figure is the same dead: the larger when one source says more as it goes on
        # ("a soldier was killed ... three soldiers were killed"), the lower between two sources.
        lower = _alternatives(self.kept, figure)
        if (figure.value < self.value) == lower and figure.value != self.value:
            self.kept, self.value = figure, figure.value
        self.span = _widen(self.span, figure.stated)


def _lowest(first: _Side | None, figure: Figure) -> _Side:
    if first is None:
        return _Side(figure, figure.value, figure.stated)
    first.add(figure)
    return first


def combine(figures: Sequence[Figure], share: int = 1) -> tuple[int | None, Count | None]:
    """The figure of an incident's toll and its low-high range from each sentence's figure, in order,
    ``share`` the number of coded events its report splits the toll among ("split among 2 events").

    A coded figure ("Fatalities coded as 0") replaces all others; the latest risen toll supersedes
    those before it; the dead of each side add up, and a stated toll (all sides) is their floor
    unless another source gives it; a toll split among N coded events counts its share.
    """
    sides: dict[str, _Side] = {}
    toll: _Side | None = None
    coded: int | None = None
    for figure in figures:
        if figure.coded:
            coded = figure.value
        elif figure.rose:
            sides, toll = {}, _lowest(None, figure)
        elif figure.toll or figure.side == ALL:
            toll = _lowest(toll, figure)
        else:
            sides[figure.side] = _lowest(sides.get(figure.side), figure)
    total = sum(side.value for side in sides.values()) if sides else None
    span = functools.reduce(add_counts, (side.span for side in sides.values())) if sides else None
    if toll is not None:
        kept = next(iter(sides.values())).kept if len(sides) == 1 else None
        lower = kept is not None and not toll.kept.rose and _alternatives(kept, toll.kept)
        total = toll.value if total is None else (min if lower else max)(total, toll.value)
        span = _widen(span, toll.span)
    if coded is not None:
        total, span = coded, _widen(span, (coded, coded))
    if share > 1 and total is not None and span is not None:
        total, span = total // share, (span[0] // share, None if span[1] is None else span[1] // share)
    return total, span
