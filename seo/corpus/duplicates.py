"""Propose hashtag merges: spelling variants and decorated forms of one tag.

`fypシ`/`fypシ゚` -> `fyp` (same letters once decorations and accents go), `foryoupage`
-> `foryou` (a filler suffix), `recipes`/`recipe`, `makeuptutorial`/`makuptutorial`
(rapidfuzz ratio). Tags are compared only within blocks that share their first two
skeleton letters, so a vocabulary of 100,000 tags stays a matter of seconds; the cost
is that a typo in the first two letters is not proposed.

Close spelling is not enough: `trening` (Norwegian: training) is one letter from
`trending`. A spelling or suffix variant is dropped when the two tags' posts are in
different languages, or when both tags are used in their own right on many posts (a
typo rides along on a few). Each pair carries example posts of both tags, so staff
see what they would merge.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from django.db.models import Count, F
from rapidfuzz import fuzz, process

from seo.models import Hashtag, PostHashtag

FILLER_SUFFIXES = ("s", "es", "page", "tok", "tiktok", "oftiktok", "vibes")
MAX_PAIRS = 500
_BLOCK_ROWS = 2000
_DIGITS = re.compile(r"\d+")
SAME_SKELETON = "same letters, different accents or decorations"
# "Used in its own right": the smaller tag has at least this many posts and this share of the bigger's.
OWN_RIGHT_POSTS = 20
OWN_RIGHT_SHARE = 0.2
# A tag's language: the one at least this share of its posts (with a detected language) are in.
LANGUAGE_SHARE = 0.6
EXAMPLES = 2


def tag_skeleton(name: str) -> str:
    """The tag without accents, underscores and decorative non-Latin marks on a Latin tag."""
    text = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    text = text.replace("_", "")
    latin = [c for c in text if c.isascii()]
    # "fypシ": a Latin tag with one or two decorative characters keeps only its Latin part.
    if len(latin) >= 2 and len(text) - len(latin) <= 2:
        text = "".join(latin)
    return text


def _suffix_variant(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and long.startswith(short) and long[len(short) :] in FILLER_SUFFIXES


def _pair(a: dict[str, Any], b: dict[str, Any], score: float, reason: str) -> dict[str, Any]:
    # Keep the tag more posts use; on a tie the shorter spelling.
    keep, fold = sorted((a, b), key=lambda t: (-t["post_count"], len(t["name"]), t["name"]))
    return {
        "keep": keep["name"],
        "fold": fold["name"],
        "keep_posts": keep["post_count"],
        "fold_posts": fold["post_count"],
        "score": round(score, 1),
        "reason": reason,
    }


def hashtag_duplicates_find(
    *, min_score: float = 85.0, progress: Callable[[int, int], None] | None = None
) -> list[dict[str, Any]]:
    """Likely duplicate pairs among canonical tags that are in use, best first."""
    tags = list(
        Hashtag.objects.filter(canonical__isnull=True, post_count__gt=0)
        .values("name", "post_count")
        .order_by()
    )
    blocks: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for tag in tags:
        tag["skeleton"] = tag_skeleton(tag["name"])
        if len(tag["skeleton"]) >= 3:
            blocks[tag["skeleton"][:2]].append(tag)
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for done, block in enumerate(blocks.values(), start=1):
        _compare_block(block, min_score=min_score, pairs=pairs)
        if progress and (done % 50 == 0 or done == len(blocks)):
            progress(done, len(blocks))
    ranked = sorted(pairs.values(), key=lambda p: (-p["score"], -(p["keep_posts"] + p["fold_posts"])))
    ranked = [p for p in ranked if not _used_in_own_right(p)]
    ranked = _same_language_only(ranked)[:MAX_PAIRS]
    _attach_examples(ranked)
    return ranked


def _used_in_own_right(pair: dict[str, Any]) -> bool:
    """Both tags carry many posts: two words, not one word and its typo (decorations aside)."""
    if pair["reason"] == SAME_SKELETON:
        return False
    small, big = sorted((pair["keep_posts"], pair["fold_posts"]))
    return small >= OWN_RIGHT_POSTS and small >= OWN_RIGHT_SHARE * big


def _tag_languages(names: set[str]) -> dict[str, str]:
    """Tag -> the language most of its posts are in ("" when mixed or unknown)."""
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    rows = (
        PostHashtag.objects.filter(hashtag__name__in=names)
        .exclude(post__language="")
        .values_list("hashtag__name", "post__language")
        .annotate(n=Count("id"))
        .order_by()
    )
    for name, language, n in rows:
        counts[name][language] = n
    found = {}
    for name, by_language in counts.items():
        language, n = max(by_language.items(), key=lambda item: item[1])
        if n >= LANGUAGE_SHARE * sum(by_language.values()):
            found[name] = language
    return found


def _same_language_only(pairs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop spelling and suffix variants whose tags live in different languages.

    Same-skeleton pairs stay: `café` and `cafe`, `fyp` and `fypシ` are one tag whoever writes it.
    """
    languages = _tag_languages({name for p in pairs for name in (p["keep"], p["fold"])})
    kept = []
    for pair in pairs:
        keep, fold = languages.get(pair["keep"], ""), languages.get(pair["fold"], "")
        pair["keep_language"], pair["fold_language"] = keep, fold
        if pair["reason"] != SAME_SKELETON and keep and fold and keep != fold:
            continue
        kept.append(pair)
    return kept


def _attach_examples(pairs: list[dict[str, Any]]) -> None:
    """Up to two of the most viewed captions of each tag, for staff to look at before merging."""
    names = {name for p in pairs for name in (p["keep"], p["fold"])}
    examples: dict[str, list[str]] = defaultdict(list)
    rows = (
        PostHashtag.objects.filter(hashtag__name__in=names)
        .order_by("hashtag__name", F("post__views").desc(nulls_last=True), "post_id")
        .values_list("hashtag__name", "post__caption")
    )
    for name, caption in rows.iterator(chunk_size=2000):
        if len(examples[name]) < EXAMPLES:
            examples[name].append((caption or "")[:160])
    for pair in pairs:
        pair["keep_examples"] = examples.get(pair["keep"], [])
        pair["fold_examples"] = examples.get(pair["fold"], [])


def _compare_block(block: list[dict[str, Any]], *, min_score: float, pairs: dict) -> None:
    skeletons = [tag["skeleton"] for tag in block]
    for start in range(0, len(block), _BLOCK_ROWS):
        scores = process.cdist(
            skeletons[start : start + _BLOCK_ROWS],
            skeletons,
            scorer=fuzz.ratio,
            score_cutoff=min(min_score, 70),
        )
        for row, column in zip(*scores.nonzero(), strict=True):
            i, j = start + int(row), int(column)
            if j <= i:
                continue
            a, b = block[i], block[j]
            score = float(scores[row, column])
            if _DIGITS.findall(a["skeleton"]) != _DIGITS.findall(b["skeleton"]):
                continue  # trend2025 and trend2026 are different tags
            if a["skeleton"] == b["skeleton"]:
                reason, score = SAME_SKELETON, 100.0
            elif _suffix_variant(a["skeleton"], b["skeleton"]):
                reason, score = "same tag with a filler suffix", max(score, 90.0)
            elif score >= min_score:
                reason = "spelling variant"
            else:
                continue
            key = tuple(sorted((a["name"], b["name"])))
            pairs[key] = _pair(a, b, score, reason)
