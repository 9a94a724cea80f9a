"""One loaded index version: memory-mapped arrays plus the two searches over them.

`search` walks only the postings of the query's terms (term-major, impact-ordered,
statically pruned at build), adding into a per-thread score array and resetting
just the touched entries, so a query costs O(its postings), never O(posts).
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from pathlib import Path

import numpy as np

from seo.index_build import FORMAT, TIERS
from seo.string_table import StringTable
from seo.tokenize import analyze

_MAPPED = (
    "postings_indptr",
    "postings_posts",
    "postings_weights",
    "idf",
    "term_tag_rate",
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
        # Added within format 2: an artifact built before it has no word specificity (neutral).
        specific = self.path / "term_specific.npy"
        self.term_specific = np.asarray(np.load(specific, mmap_mode="r")) if specific.exists() else None
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
        self.ref_cache: dict[int, tuple] = {}  # evidence rows by post id (seo.suggest)
        self._trending: dict[tuple[str | None, str | None], list[tuple[int, float]]] = {}

    # --- terms and tags ---------------------------------------------------------------
    def tag_id(self, name: str) -> int | None:
        """The canonical tag's position for a normalised name or alias; None when unknown."""
        position = self.tags.get(name)
        return self.aliases.get(name) if position is None else position

    def tag_name(self, tag: int) -> str:
        return self.tags[tag]

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

    def search(
        self,
        ids: np.ndarray,
        weights: np.ndarray,
        k: int,
        *,
        extra_posts: np.ndarray | None = None,
        extra_weight: float = 0.0,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Top-k posts by cosine similarity to the query vector: (post indices, scores)."""
        acc = self._accumulator()
        touched = []
        indptr, posts, stored = self.postings_indptr, self.postings_posts, self.postings_weights
        for term, weight in zip(ids.tolist(), weights.tolist(), strict=True):
            start, end = int(indptr[term]), int(indptr[term + 1])
            hit = posts[start:end]
            acc[hit] += stored[start:end] * np.float32(weight / 255.0)
            touched.append(hit)
        if extra_posts is not None and len(extra_posts):
            acc[extra_posts] += np.float32(extra_weight)
            touched.append(extra_posts)
        if not touched:
            return np.zeros(0, np.int64), np.zeros(0, np.float32)
        candidates = np.concatenate(touched)
        scores = acc[candidates]
        acc[candidates] = 0.0
        # A post appears at most once per list, so the best k*lists entries hold k distinct posts.
        take = min(len(candidates), k * len(touched))
        if take < len(candidates):
            top = np.argpartition(-scores, take - 1)[:take]
            candidates, scores = candidates[top], scores[top]
        unique, first = np.unique(candidates, return_index=True)
        scores = scores[first]
        order = np.argsort(-scores, kind="stable")[:k]
        return unique[order].astype(np.int64), scores[order]

    # --- posts and tags ------------------------------------------------------------
    def post_tags_arr(self, post: int) -> np.ndarray:
        start, end = int(self.post_tag_indptr[post]), int(self.post_tag_indptr[post + 1])
        return self.arrays["post_tags"][start:end]

    def post_terms(self, post: int) -> np.ndarray:
        start, end = int(self.forward_indptr[post]), int(self.forward_indptr[post + 1])
        return self.forward_terms[start:end]

    def posts_with_tag(self, tag: int) -> np.ndarray:
        start, end = int(self.tag_posts_indptr[tag]), int(self.tag_posts_indptr[tag + 1])
        return np.asarray(self.arrays["tag_posts"][start:end], dtype=np.int64)

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
            weight = np.asarray(self.post_engagement, np.float32) * np.asarray(self.post_recency, np.float32)
            code = self.languages.get(language or "", None)
            if code is not None:
                weight = weight * (np.asarray(self.post_language) == code)
            counts = np.diff(np.asarray(self.post_tag_indptr))
            score = np.bincount(
                np.asarray(self.arrays["post_tags"]),
                weights=np.repeat(weight, counts),
                minlength=len(self.tags),
            )
            score[np.asarray(self.tag_blocked)] = 0.0
            niche_code = self.niches.get(niche or "", None)
            if niche_code is not None:
                score *= np.asarray(self.tag_niche) == niche_code
            top = np.argsort(-score)[:100]
            self._trending[key] = [(int(t), float(score[t])) for t in top if score[t] > 0]
        return self._trending[key]

    def size_bytes(self) -> int:
        return sum(f.stat().st_size for f in self.path.iterdir() if f.is_file())
