"""Precision and recall of story grouping on real articles turned into wire-service variants.

    python -m summarizer.stories_eval DIRECTORY [--variants 3] [--seed 1] [--bench 10000]

Every article of DIRECTORY (e.g. a folder of Wikinews articles) gets ``--variants`` versions of
the kind syndication and updates produce: retitled, a paragraph added or cut, light word edits,
the sentences of the last paragraphs reordered, another outlet's URL and boilerplate line. All
versions of an article form one story; different articles are different stories, and the most
similar other article of each (by shared rare words: the same subject) is a hard negative.
Grouping is scored over pairs of documents. ``--bench N`` also times grouping a new article
against an index of N articles built from the same texts.
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import combinations
from pathlib import Path

from summarizer.articles import Article, load
from summarizer.methods.terms import stop_words
from summarizer.stories import StoryIndex, group_stories
from summarizer.text import split_sentences, words

__all__ = ["Labelled", "Scores", "hard_negatives", "labelled_set", "main", "score", "wire_variant"]

_OUTLETS = [
    ("Reuters", "https://www.reuters.com/world/{slug}", "(Reuters) - "),
    ("AP", "https://apnews.com/article/{slug}", "Copyright The Associated Press. All rights reserved."),
    ("AFP", "https://www.afp.com/en/news/{slug}", "AFP contributed to this report."),
    ("BBC", "https://www.bbc.com/news/{slug}", "Follow us for the latest updates on this story."),
    ("Al Jazeera", "https://www.aljazeera.com/news/{slug}", "Source: Al Jazeera and news agencies."),
]
_EDITS = {"said": "told reporters", "says": "stated", "percent": "per cent", "about": "around",
          "however": "but", "also": "additionally", "people": "persons", "killed": "left dead"}
_EDIT_WORD = re.compile(r"\b(" + "|".join(_EDITS) + r")\b")


@dataclass(frozen=True, slots=True)
class Labelled:
    """A document of the set and the story (original article number) it belongs to."""

    article: Article
    story: int


@dataclass(frozen=True, slots=True)
class Scores:
    """Pairwise grouping scores, and how many hard-negative pairs were wrongly merged."""

    documents: int
    stories: int
    precision: float
    recall: float
    hard_pairs: int
    hard_merged: int


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def _retitle(rng: random.Random, paras: list[str], title: str, _other: Article) -> tuple[list[str], str]:
    opening = " ".join(words(paras[0])[:10]) if paras else title
    return paras, rng.choice([f"UPDATE 1-{title}", opening, f"{title} - officials"])


def _add_paragraph(
    rng: random.Random, paras: list[str], title: str, other: Article
) -> tuple[list[str], str]:
    extra = _paragraphs(other.text)
    if extra:
        paras = [*paras, rng.choice(extra)]
    return paras, title


def _cut_paragraph(
    rng: random.Random, paras: list[str], title: str, _other: Article
) -> tuple[list[str], str]:
    if len(paras) > 2:
        cut = rng.randrange(1, len(paras))
        paras = paras[:cut] + paras[cut + 1 :]
    return paras, title


def _light_edits(rng: random.Random, paras: list[str], title: str, _other: Article) -> tuple[list[str], str]:
    def edit(match: re.Match[str]) -> str:
        return _EDITS[match.group(1)] if rng.random() < 0.5 else match.group(1)

    return [_EDIT_WORD.sub(edit, p) for p in paras], title


def _reorder_tail(rng: random.Random, paras: list[str], title: str, _other: Article) -> tuple[list[str], str]:
    def shuffled(paragraph: str) -> str:
        sentences = [s.text for s in split_sentences(paragraph)]
        rng.shuffle(sentences)
        return " ".join(sentences)

    return [*paras[:-2], *(shuffled(p) for p in paras[-2:])], title


_CHANGES: Sequence[Callable[[random.Random, list[str], str, Article], tuple[list[str], str]]] = (
    _retitle, _add_paragraph, _cut_paragraph, _light_edits, _reorder_tail,
)


def wire_variant(article: Article, other: Article, rng: random.Random, number: int) -> Article:
    """Another outlet's version of ``article``: two or three random changes (``other`` gives an
    added paragraph), its own URL, source name and boilerplate line."""
    paras, title = _paragraphs(article.text), article.title
    for change in rng.sample(list(_CHANGES), rng.randint(2, 3)):
        paras, title = change(rng, paras, title, other)
    outlet, address, boilerplate = rng.choice(_OUTLETS)
    if boilerplate.endswith("- "):
        paras = [boilerplate + paras[0], *paras[1:]] if paras else [boilerplate]
    else:
        paras = [*paras, boilerplate]
    slug = "-".join(w.lower() for w in words(title)[:8]) or "story"
    return replace(article, id=f"{article.id}-v{number}", title=title, text="\n\n".join(paras),
                   source=outlet, url=address.format(slug=f"{slug}-{number}"))


def labelled_set(originals: Sequence[Article], variants: int, seed: int) -> list[Labelled]:
    """Each original and ``variants`` versions of it, shuffled."""
    rng = random.Random(seed)  # noqa: S311 (made-up variants, not security)
    documents: list[Labelled] = []
    for story, article in enumerate(originals):
        documents.append(Labelled(article, story))
        for number in range(1, variants + 1):
            other = originals[rng.randrange(len(originals))]
            documents.append(Labelled(wire_variant(article, other, rng, number), story))
    rng.shuffle(documents)
    return documents


def _content_words(article: Article) -> set[str]:
    stops = stop_words("english")
    found = (w.lower() for w in words(f"{article.title} {article.text}"))
    return {w for w in found if w not in stops and len(w) > 2}


def hard_negatives(originals: Sequence[Article]) -> set[tuple[int, int]]:
    """For each article, the other article sharing the most rare words (idf-weighted cosine):
    pairs of original numbers, smaller first."""
    bags = [_content_words(a) for a in originals]
    frequency = Counter(w for bag in bags for w in bag)
    idf = {w: math.log(len(bags) / n) for w, n in frequency.items()}
    norms = [math.sqrt(sum(idf[w] ** 2 for w in bag)) or 1.0 for bag in bags]
    pairs: set[tuple[int, int]] = set()
    for i, bag in enumerate(bags):
        best = max(
            (j for j in range(len(bags)) if j != i),
            key=lambda j: sum(idf[w] ** 2 for w in bag & bags[j]) / (norms[i] * norms[j]),
        )
        pairs.add((min(i, best), max(i, best)))
    return pairs


def score(documents: Sequence[Labelled], hard: set[tuple[int, int]]) -> Scores:
    """Group the documents and score the grouping over all pairs of documents."""
    stories = group_stories([d.article for d in documents])
    found = {article.id: number for number, story in enumerate(stories) for article in story.articles}
    label = {d.article.id: d.story for d in documents}
    cells = Counter((found[d.article.id], d.story) for d in documents)
    pairs = sum(n * (n - 1) // 2 for n in cells.values())
    predicted = sum(len(s.articles) * (len(s.articles) - 1) // 2 for s in stories)
    true = sum(n * (n - 1) // 2 for n in Counter(d.story for d in documents).values())
    hard_merged = sum(
        1 for story in stories
        for a, b in combinations({label[x.id] for x in story.articles}, 2)
        if (min(a, b), max(a, b)) in hard
    )
    return Scores(len(documents), len(stories), pairs / predicted if predicted else 1.0,
                  pairs / true if true else 1.0, len(hard), hard_merged)


def _bench(originals: Sequence[Article], size: int, seed: int) -> tuple[float, float]:
    """Seconds to index ``size`` articles mixed from the originals' paragraphs, and mean seconds
    to fingerprint, look up and index one new variant against them."""
    rng = random.Random(seed)  # noqa: S311 (made-up variants, not security)
    paragraphs = [p for a in originals for p in _paragraphs(a.text)]
    index: StoryIndex[int] = StoryIndex()
    began = time.perf_counter()
    for number in range(size):
        text = "\n\n".join(rng.sample(paragraphs, 4))
        index.add(number, Article(id=str(number), title=rng.choice(originals).title, text=text))
    built = time.perf_counter() - began
    probes = [wire_variant(rng.choice(originals), rng.choice(originals), rng, n) for n in range(200)]
    began = time.perf_counter()
    for number, probe in enumerate(probes, start=size):
        index.same_story(index.add(number, probe))
    return built, (time.perf_counter() - began) / len(probes)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the grouping scores (and, with ``--bench``, the lookup time)."""
    parser = argparse.ArgumentParser(prog="python -m summarizer.stories_eval",
                                     description="Precision and recall of story grouping.")
    parser.add_argument("directory", type=Path, help="folder of articles (e.g. Wikinews Markdown files)")
    parser.add_argument("--variants", type=int, default=3, help="versions made of each article")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--bench", type=int, default=0, metavar="N",
                        help="also time lookups against N articles")
    args = parser.parse_args(argv)
    if not args.directory.is_dir():
        parser.error(f"{args.directory} is not a folder")
    originals = [a for a in load(str(args.directory)) if isinstance(a, Article)]
    if len(originals) < 2:
        parser.error(f"{args.directory} holds fewer than two readable articles")
    result = score(labelled_set(originals, args.variants, args.seed), hard_negatives(originals))
    print(f"documents {result.documents} · stories found {result.stories} (true {len(originals)})")
    print(f"pairwise precision {result.precision:.3f} · recall {result.recall:.3f}")
    print(f"hard-negative pairs merged: {result.hard_merged} of {result.hard_pairs}")
    if args.bench:
        built, per_article = _bench(originals, args.bench, args.seed)
        print(f"index of {args.bench} articles built in {built:.1f} s; "
              f"a new article grouped in {per_article * 1000:.1f} ms on average")
    return 0


if __name__ == "__main__":
    sys.exit(main())
