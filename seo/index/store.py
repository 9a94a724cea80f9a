"""One loaded index version: memory-mapped arrays plus the two searches over them.

`search` walks only the postings of the query's terms (term-major, statically pruned
at build), adding into a per-thread score array and resetting just the touched
entries, so a query costs O(its postings), never O(posts). A query whose lists are
long together reads at most SEARCH_BUDGET postings: every term's strongest posts (its
impact head) and the tails that can add the most (see _segments).
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from functools import cached_property
from pathlib import Path

import numpy as np

from seo.index.build import FORMAT, TIERS
from seo.index.packed import concat_ranges, packed_ids
from seo.index.sets import sorted_unique
from seo.index.string_table import StringTable
from seo.text.tokenize import analyze

# Postings one search reads at most. Below it the search is exact; a long caption of common
# words (a hundred terms, 100,000 postings) reads its terms' heads and the strongest tails.
SEARCH_BUDGET = 16_384
TRENDING_BLOCK = 65_536  # posts per step of trending(): no temporary array of all tag uses

_MAPPED = (
    "postings_indptr",
    "postings_heads",
    "postings_tail_max",
    "postings_posts",
    "postings_weights",
    "idf",
    "term_tag_rate",
    "term_specific",
    "forward_indptr",
    "forward_terms",
    "post_ids",
    "post_engagement",
    "post_rate",
    "post_recency",
    "post_language",
    "post_tag_indptr",
    "post_tags",
    "tag_df",
    "tag_generic",
    "tag_lift",
    "tag_tier",
    "tag_blocked",
    "tag_niche",
    "alias_targets",
    "tag_posts_indptr",
    "tag_posts",
)


def _lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return text.split("\n") if text else []


class LoadedIndex:
    def __init__(self, path: Path, version: int | None = None) -> None:
        self.path = Path(path)
        self.version = version
        self.meta = json.loads((self.path / "meta.json").read_text(encoding="utf-8"))
        if self.meta.get("format") != FORMAT:
            # Term numbering and array layout change between formats: an older artifact would
            # answer with the wrong terms. Rebuild the index (manage.py or the admin) instead.
            raise ValueError(
                f"index at {self.path} has format {self.meta.get('format')}, this code reads format {FORMAT}"
            )
        self.arrays: dict[str, np.ndarray] = {
            # Plain ndarray views of the mapping: memmap's own __getitem__ is slow Python.
            name: np.asarray(np.load(self.path / f"{name}.npy", mmap_mode="r"))
            for name in _MAPPED
        }
        for name, array in self.arrays.items():
            setattr(self, name, array)
        # Optional (versions built before it have none): each post's author, 0 when unknown.
        author_file = self.path / "post_author.npy"
        self.post_author: np.ndarray | None = (
            np.asarray(np.load(author_file, mmap_mode="r")) if author_file.exists() else None
        )
        # Post, tag and term numbers are stored in three bytes (seo.index.packed): read through views
        # that unpack (slices and index arrays give integer arrays, as the plain arrays did).
        for name in ("postings_posts", "tag_posts", "post_tags", "forward_terms"):
            setattr(self, name, packed_ids(self.arrays[name]))
        self.posts: int = self.meta["posts"]
        self.tags = StringTable(self.path, "tags")
        self.terms = StringTable(self.path, "terms")
        self.aliases = {
            alias: int(target)
            for alias, target in zip(_lines(self.path / "aliases.txt"), self.alias_targets, strict=False)
        }
        self._tag_names: list[str] | None = None
        self.languages = {lang: i + 1 for i, lang in enumerate(self.meta["languages"])}
        self.niches = {niche: i + 1 for i, niche in enumerate(self.meta["niches"])}
        self._local = threading.local()
        self._most_used: np.ndarray | None = None
        # Data other modules compute from this version (seo.index.serving.index_derived).
        self.derived: dict[str, tuple[object, object]] = {}
        self._trending: dict[tuple[str | None, str | None], list[tuple[int, float]]] = {}

    # --- terms and tags ---------------------------------------------------------------
    def tag_id(self, name: str) -> int | None:
        """The canonical tag's position for a normalised name or alias; None when unknown."""
        position = self.tags.get(name)
        return self.aliases.get(name) if position is None else position

    def tag_name(self, tag: int) -> str:
        return self.tags[tag]

    @cached_property
    def top_idf(self) -> float:
        """The rarest term's idf (a word the corpus never saw counts as that rare); read once per
        version: a max over every term's idf, 190,000 at a million posts, was ~1 % of a suggestion."""
        return float(np.max(self.idf)) if len(self.idf) else 1.0

    @property
    def tag_names(self) -> list[str]:
        # Every name as a list, only for fuzzy matching of misspelt typed tags.
        if self._tag_names is None:
            self._tag_names = self.tags.all()
        return self._tag_names

    def feature_ids(self, features: list[str]) -> tuple[list[str], np.ndarray, np.ndarray]:
        """Distinct features, their term ids (-1 when unknown) and counts."""
        counts = Counter(features)
        distinct = list(counts)
        ids = np.full(len(distinct), -1, dtype=np.int64)
        if distinct:
            ids = self.terms.positions(distinct)
        return distinct, ids, np.fromiter(counts.values(), np.float32, len(counts))

    def vectorize(
        self, text: str | None = None, *, features: list[str] | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """The query's TF-IDF vector (sublinear tf, l2-normalised), as (term ids, weights)."""
        _, ids, tf = self.feature_ids(analyze(text or "") if features is None else features)
        return self.weigh(ids, tf)

    def weigh(self, ids: np.ndarray, tf: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """TF-IDF weights (sublinear tf, l2-normalised) of known term ids (-1 = unknown, dropped)."""
        known = ids >= 0
        ids, tf = ids[known], tf[known]
        if not len(ids):
            return ids, tf
        weights = (1.0 + np.log(tf)) * self.idf[ids]
        return ids, (weights / np.linalg.norm(weights)).astype(np.float32)

    # --- search ------------------------------------------------------------------
    def _accumulator(self) -> np.ndarray:
        acc = getattr(self._local, "acc", None)
        if acc is None:
            acc = self._local.acc = np.zeros(self.posts, dtype=np.float32)
        return acc

    def _segments(
        self, ids: np.ndarray, weights: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The postings ranges to read (starts, ends), the query weight and term of each.

        Every list whole when they fit SEARCH_BUDGET together (exact). Otherwise the
        ranges, heads and tails alike, are taken by the most any of their posts can add
        (query weight x strongest stored weight; a head counts its bound as 255) until
        the budget is spent: what is left out adds at most a little to any post.
        """
        terms = np.asarray(ids, dtype=np.int64)
        starts = np.asarray(self.postings_indptr[terms], dtype=np.int64)
        ends = np.asarray(self.postings_indptr[terms + 1], dtype=np.int64)
        if int((ends - starts).sum()) <= SEARCH_BUDGET:
            return starts, ends, weights, terms
        splits = starts + self.postings_heads[terms]
        # Each term's head, then its tail; a head's bound is 255, so it comes before its tail.
        range_starts, range_ends = np.concatenate([starts, splits]), np.concatenate([splits, ends])
        bound = np.concatenate([weights * 255.0, weights * self.postings_tail_max[terms]])
        order = np.argsort(-bound, kind="stable")
        order = order[np.cumsum(range_ends[order] - range_starts[order]) <= SEARCH_BUDGET]
        order = order[range_ends[order] > range_starts[order]]
        return range_starts[order], range_ends[order], np.tile(weights, 2)[order], np.tile(terms, 2)[order]

    def search(
        self,
        ids: np.ndarray,
        weights: np.ndarray,
        k: int,
        *,
        extra_posts: np.ndarray | None = None,
        extra_weight: float | np.ndarray = 0.0,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Top-k posts by cosine similarity to the query vector: (post indices, scores)."""
        acc = self._accumulator()
        starts, ends, range_weights, range_terms = self._segments(ids, weights)
        bounds = list(zip(starts.tolist(), ends.tolist(), strict=True))
        # All ranges gathered, scaled and added at once; np.add.at adds a post's entries in
        # range order, as adding one list after another did.
        hits = np.asarray(concat_ranges(self.postings_posts, bounds), dtype=np.int64)
        stored = concat_ranges(self.postings_weights, bounds)
        scale = (np.asarray(range_weights, dtype=np.float64) / 255.0).astype(np.float32)
        np.add.at(acc, hits, stored * np.repeat(scale, ends - starts))
        lists = len(sorted_unique(range_terms))
        if extra_posts is not None and len(extra_posts):
            acc[extra_posts] += np.asarray(extra_weight, dtype=np.float32)  # one weight, or one per post
            hits = np.concatenate([hits, np.asarray(extra_posts, dtype=np.int64)])
            lists += 1
        if not len(hits):
            return np.zeros(0, np.int64), np.zeros(0, np.float32)
        scores = acc[hits]
        acc[hits] = 0.0
        # A post appears at most once per term's list, so the best k*lists entries hold k distinct posts.
        take = min(len(hits), k * lists)
        if take < len(hits):
            top = np.argpartition(-scores, take - 1)[:take]
            hits, scores = hits[top], scores[top]
        unique, first = sorted_unique(hits, first=True)
        scores = scores[first]
        order = np.argsort(-scores, kind="stable")[:k]
        return unique[order], scores[order]

    def posts_with_terms(self, terms: np.ndarray, posts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Every (term, position in `posts`) where the post is in the term's stored postings.

        The heads and tails of all the terms are read at once. Each part is sorted by post, so
        (part number, post) keys are sorted across all parts: one binary search answers all pairs.
        """
        terms = np.asarray(terms, dtype=np.int64)
        posts = np.asarray(posts, dtype=np.int64)
        starts = np.asarray(self.postings_indptr[terms], dtype=np.int64)
        ends = np.asarray(self.postings_indptr[terms + 1], dtype=np.int64)
        splits = starts + self.postings_heads[terms]
        # Each term's head, then its tail (interleaved by assignment: np.stack costs ~10 us a call).
        part_starts = np.empty(2 * len(terms), dtype=np.int64)
        part_starts[0::2], part_starts[1::2] = starts, splits
        part_ends = np.empty(2 * len(terms), dtype=np.int64)
        part_ends[0::2], part_ends[1::2] = splits, ends
        listed = np.asarray(
            concat_ranges(
                self.postings_posts, list(zip(part_starts.tolist(), part_ends.tolist(), strict=True))
            ),
            dtype=np.int64,
        )
        if not len(listed) or not len(posts):
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        parts = np.arange(len(part_starts), dtype=np.int64)
        keys = (np.repeat(parts, part_ends - part_starts) << 32) | listed
        asked = ((parts[:, None] << 32) | posts[None, :]).ravel()
        where = np.minimum(np.searchsorted(keys, asked), len(keys) - 1)
        part, position = np.divmod(np.flatnonzero(keys[where] == asked), len(posts))
        return terms[part // 2], position

    # --- posts and tags ------------------------------------------------------------
    def posts_with_tag(self, tag: int) -> np.ndarray:
        start, end = int(self.tag_posts_indptr[tag]), int(self.tag_posts_indptr[tag + 1])
        return np.asarray(self.tag_posts[start:end], dtype=np.int64)

    def most_used_tags(self, count: int) -> np.ndarray:
        """Positions of the `count` tags on most posts (cached per loaded version)."""
        if getattr(self, "_most_used", None) is None or len(self._most_used) < min(count, len(self.tag_df)):
            df = np.asarray(self.tag_df)
            top = np.argpartition(-df, count - 1)[:count] if count < len(df) else np.arange(len(df))
            self._most_used = top[np.argsort(-df[top], kind="stable")]
        return self._most_used[:count]

    def tier(self, tag: int) -> str:
        return TIERS[int(self.tag_tier[tag])]

    def trending(self, language: str | None, niche: str | None) -> list[tuple[int, float]]:
        """Tags weighted by recency x engagement over (optionally) one language's posts, best first."""
        key = (language, niche)
        if key not in self._trending:
            score = self._tag_weights(self.languages.get(language or "", None))
            score[np.asarray(self.tag_blocked)] = 0.0
            niche_code = self.niches.get(niche or "", None)
            if niche_code is not None:
                score *= np.asarray(self.tag_niche) == niche_code
            top = np.argsort(-score)[:100]
            self._trending[key] = [(int(t), float(score[t])) for t in top if score[t] > 0]
        return self._trending[key]

    def _tag_weights(self, language_code: int | None) -> np.ndarray:
        """Sum over posts (of one language) of recency x engagement, per tag.

        A block of posts at a time: one pass over all 4 million tag uses made ~100 MB of
        temporaries, and the allocator kept ~20 MB of them in every process for good.
        np.add.at adds in the same order as one bincount would, so the sums are the same.
        """
        score = np.zeros(len(self.tags))
        indptr = np.asarray(self.post_tag_indptr, dtype=np.int64)
        for start in range(0, self.posts, TRENDING_BLOCK):
            stop = min(start + TRENDING_BLOCK, self.posts)
            weight = np.asarray(self.post_engagement[start:stop], np.float32) * np.asarray(
                self.post_recency[start:stop], np.float32
            )
            if language_code is not None:
                weight = weight * (np.asarray(self.post_language[start:stop]) == language_code)
            counts = np.diff(indptr[start : stop + 1])
            tags = self.post_tags[indptr[start] : indptr[stop]]
            np.add.at(score, tags, np.repeat(weight, counts).astype(np.float64))
        return score

    def size_bytes(self) -> int:
        return sum(f.stat().st_size for f in self.path.iterdir() if f.is_file())
