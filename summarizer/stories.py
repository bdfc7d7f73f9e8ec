"""One story, many versions: group near-duplicate articles (syndicated wire copy, updates, edits).

Each article becomes a MinHash (``datasketch``) of its word 3-shingles (title and body,
lowercased). A ``MinHashLSH`` index finds the candidates that share enough shingles without
comparing against every stored article; a candidate is the same story when the estimated share
of the shorter article's shingles found in the other (the overlap coefficient) reaches
``SAME_STORY``. Overlap rather than Jaccard keeps a story whose update added a long paragraph,
or whose copy was cut short, in one group; distinct reports on the same subject share few
three-word runs and stay apart.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from summarizer.articles.model import Article
from summarizer.text import words

if TYPE_CHECKING:
    from datasketch import LeanMinHash

__all__ = [
    "SAME_STORY", "Fingerprint", "Story", "StoryIndex", "StoryPick", "fingerprint", "group_stories",
    "sources_label",
]

K = TypeVar("K", bound=Hashable)

SHINGLE = 3
NUM_PERM = 128
# Share of the shorter version's shingles the longer one must hold to be the same story.
SAME_STORY = 0.6
# Jaccard similarity the LSH index is tuned to find: low enough that a short article inside a
# much longer version is still a candidate (overlap 0.6 with a version twice its length is
# Jaccard 0.25).
_CANDIDATE_JACCARD = 0.2


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """An article's MinHash and how many distinct shingles it has."""

    minhash: LeanMinHash
    size: int

    def overlap(self, other: Fingerprint) -> float:
        """Estimated share of the smaller shingle set found in the other (0 when either is empty)."""
        if not self.size or not other.size:
            return 0.0
        jaccard = float(self.minhash.jaccard(other.minhash))
        common = jaccard * (self.size + other.size) / (1.0 + jaccard)
        return min(1.0, common / min(self.size, other.size))


def _shingles(article: Article) -> set[bytes]:
    tokens = [w.lower() for w in words(f"{article.title}\n{article.text}")]
    if len(tokens) < SHINGLE:
        return {" ".join(tokens).encode("utf-8")} if tokens else set()
    return {" ".join(tokens[i : i + SHINGLE]).encode("utf-8") for i in range(len(tokens) - SHINGLE + 1)}


def fingerprint(article: Article) -> Fingerprint:
    """The article's fingerprint (computed from its title and text only)."""
    from datasketch import LeanMinHash, MinHash  # noqa: PLC0415 - datasketch (and scipy) load only to group

    shingles = _shingles(article)
    minhash = MinHash(num_perm=NUM_PERM)
    minhash.update_batch(shingles)
    return Fingerprint(LeanMinHash(minhash), len(shingles))


class StoryIndex(Generic[K]):
    """Fingerprints of known articles under keys of the caller's choice, searchable for the
    articles that tell the same story as a new one."""

    def __init__(self, threshold: float = SAME_STORY) -> None:
        from datasketch import MinHashLSH  # noqa: PLC0415 - datasketch (and scipy) load only to group

        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=_CANDIDATE_JACCARD, num_perm=NUM_PERM)
        self._prints: dict[K, Fingerprint] = {}

    def __len__(self) -> int:
        return len(self._prints)

    def __contains__(self, key: object) -> bool:
        return key in self._prints

    def keys(self) -> list[K]:
        """The indexed keys, in the order they were added."""
        return list(self._prints)

    def add(self, key: K, article: Article | Fingerprint) -> Fingerprint:
        """Index ``article`` under ``key`` (a key already known keeps its first fingerprint)."""
        known = self._prints.get(key)
        if known is not None:
            return known
        found = article if isinstance(article, Fingerprint) else fingerprint(article)
        self._prints[key] = found
        if found.size:
            self._lsh.insert(key, found.minhash, check_duplication=False)
        return found

    def remove(self, key: K) -> None:
        """Forget ``key`` (nothing happens when it is unknown)."""
        found = self._prints.pop(key, None)
        if found is not None and found.size:
            self._lsh.remove(key)

    def same_story(self, article: Article | Fingerprint) -> list[K]:
        """Keys of the indexed articles that tell the same story, most similar first."""
        probe = article if isinstance(article, Fingerprint) else fingerprint(article)
        if not probe.size:
            return []
        scored = [(probe.overlap(self._prints[key]), key) for key in self._lsh.query(probe.minhash)]
        return [key for score, key in sorted(scored, key=lambda s: -s[0]) if score >= self.threshold]


class StoryPick(Generic[K]):
    """Up to ``stories`` stories, each with every version offered: a version of a story already
    taken is always taken; a new story only while fewer than ``stories`` are taken."""

    def __init__(self, stories: int) -> None:
        self.stories = stories
        self.taken: list[K] = []  # in the order offered
        self._taken: set[K] = set()
        self._count = 0

    def offer(self, key: K, same_story: Collection[K]) -> bool:
        """Take ``key`` (``same_story``: the keys known to tell its story); whether it was taken."""
        if self._taken.isdisjoint(same_story):
            if self._count >= self.stories:
                return False
            self._count += 1
        self.taken.append(key)
        self._taken.add(key)
        return True


@dataclass(frozen=True, slots=True)
class Story:
    """Versions of one story, in the order they were given; ``lead`` is the most complete one."""

    articles: tuple[Article, ...]

    @property
    def lead(self) -> Article:
        """The version with the longest body (the first of them on a tie)."""
        return max(self.articles, key=lambda a: len(a.text))

    @property
    def sources(self) -> tuple[str, ...]:
        """Distinct outlet names, the lead's first (articles without a source are left out)."""
        names = (a.source.strip() for a in (self.lead, *self.articles) if a.source and a.source.strip())
        return tuple(dict.fromkeys(names))


def sources_label(sources: Sequence[str], shown: int = 2) -> str:
    """``Reuters, AP +2``: the first ``shown`` names and how many more."""
    label = ", ".join(sources[:shown])
    rest = len(sources) - shown
    return f"{label} +{rest}" if rest > 0 else label


def group_stories(articles: Sequence[Article], threshold: float = SAME_STORY,
                  prints: Sequence[Fingerprint] | None = None) -> list[Story]:
    """Group ``articles`` into stories, each placed where its first version came (``prints``:
    their fingerprints, when the caller has them already).

    An article joins the story of the most similar earlier article, so every version of a
    story that changes step by step stays in one group.
    """
    if prints is not None and len(prints) != len(articles):
        raise ValueError(f"{len(prints)} fingerprints for {len(articles)} articles")
    index: StoryIndex[int] = StoryIndex(threshold)
    members: list[list[Article]] = []
    story_of: dict[int, int] = {}
    for position, article in enumerate(articles):
        matches = index.same_story(index.add(position, article if prints is None else prints[position]))
        earlier = [key for key in matches if key != position]
        if earlier:
            story_of[position] = story_of[earlier[0]]
            members[story_of[position]].append(article)
        else:
            story_of[position] = len(members)
            members.append([article])
    return [Story(tuple(group)) for group in members]
