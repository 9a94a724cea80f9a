"""Synthetic trend corpora shaped like ../shared/data (for the speed benchmark only).

Captions are walks of a word bigram chain learned from the real captions, with the
real distribution of caption lengths; each post copies the tag count and, mostly,
the tags of a random real post (the rest become long-tail variants so the tag
vocabulary grows with the corpus as it does in reality). Engagement rates are
drawn from the real ones, posting times spread over the real date range.
"""

from __future__ import annotations

import csv
import random
from collections import defaultdict
from contextlib import suppress
from datetime import datetime
from itertools import pairwise
from pathlib import Path

import numpy as np

from seo.index.build import CorpusArrays
from seo.text.hashtags import post_hashtags, strip_hashtags
from seo.text.tokenize import _TOKEN


def _rate(row: dict) -> float:
    try:
        views = float(row["views"] or 0)
        acts = sum(float(row[f] or 0) for f in ("likes", "comments", "shares", "saves"))
    except ValueError:
        return float("nan")
    return acts / views if views > 0 else float("nan")


class Generator:
    def __init__(self, csv_path: Path, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        with open(csv_path, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        self.successors: dict[str, list[str]] = defaultdict(list)
        self.starts: list[str] = []
        self.lengths: list[int] = []
        self.tag_sets: list[list[str]] = []
        self.rates = [r for r in (_rate(row) for row in rows) if r == r]
        stamps = []
        for row in rows:
            tokens = _TOKEN.findall(strip_hashtags(row["caption"]))
            self.lengths.append(len(tokens))
            if tokens:
                self.starts.append(tokens[0])
            for a, b in pairwise(tokens):
                self.successors[a].append(b)
            self.tag_sets.append(post_hashtags(caption=row["caption"], hashtags_field=row["hashtags"]))
            with suppress(ValueError):
                stamps.append(datetime.fromisoformat(row["posted_at"]).timestamp())
        self.vocabulary = list(self.successors) or ["word"]
        self.time_range = (min(stamps), max(stamps))

    def caption(self) -> str:
        length = self.rng.choice(self.lengths)
        if not length:
            return self.rng.choice(["🔥🔥", "😂", ""])
        word = self.rng.choice(self.starts)
        out = [word]
        for _ in range(length - 1):
            nxt = self.successors.get(word)
            word = (
                self.rng.choice(nxt) if nxt and self.rng.random() < 0.85 else self.rng.choice(self.vocabulary)
            )
            out.append(word)
        return " ".join(out)

    def tags(self) -> list[str]:
        tags = list(self.rng.choice(self.tag_sets))
        # A fifth of the tags become long-tail variants: new posts bring new tags.
        return [f"{t}{self.rng.randrange(2000)}" if self.rng.random() < 0.2 else t for t in tags]

    def corpus(self, n_posts: int) -> tuple[CorpusArrays, list[str]]:
        """n_posts posts (post ids 1..n) and the generated captions."""
        captions, tag_lists = [], []
        for _ in range(n_posts):
            captions.append(self.caption())
            tag_lists.append(self.tags())
        names: dict[str, int] = {}
        indices, indptr = [], [0]
        for tags in tag_lists:
            for tag in dict.fromkeys(tags):
                indices.append(names.setdefault(tag, len(names)))
            indptr.append(len(indices))
        np_rng = np.random.default_rng(n_posts)
        corpus = CorpusArrays(
            post_ids=np.arange(1, n_posts + 1, dtype=np.int64),
            captions=captions,
            tag_indptr=np.asarray(indptr, dtype=np.int64),
            tag_indices=np.asarray(indices, dtype=np.int32),
            tag_names=list(names),
            engagement_rate=np_rng.choice(np.asarray(self.rates), n_posts),
            posted_ts=np_rng.uniform(*self.time_range, n_posts),
            languages=["en"] * n_posts,
        )
        return corpus, captions
