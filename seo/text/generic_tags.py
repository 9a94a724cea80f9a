"""A shipped seed list of platform-wide generic and engagement-bait tags, in many languages.

The index learns which tags are generic (seo.text.specificity: a tag whose posts have nothing
in common), but an uncurated import of a few thousand posts cannot tell #blowthisup on 3
posts from a niche tag. These tags say nothing about any video in any corpus, so they
are generic from the first build, below what the corpus measures, and never reach a
recommended set; staff can still block or curate more in the admin.
"""

from __future__ import annotations

import re

import numpy as np

SEED_GENERIC_FACTOR = 0.1
# Below this learned factor a tag is generic: ranked by its base rate, kept out of
# recommended sets and out of the tiers (seo.index.build, seo.suggest.rank).
GENERIC_CUTOFF = 0.5

SEED_GENERIC = frozenset(
    [
        "fyp",
        "fy",
        "fypage",
        "fypp",
        "fypシ",
        "fypシ゚",
        "fypツ",
        "foryou",
        "foryoupage",
        "foryourpage",
        "fyppage",
        "fypviral",
        "viral",
        "viralvideo",
        "viralvideos",
        "viraltiktok",
        "tiktokviral",
        "goviral",
        "makemeviral",
        "gofyp",
        "trend",
        "trending",
        "trendingvideo",
        "trendy",
        "tiktoktrend",
        "tiktok",
        "tiktoker",
        "tiktokers",
        "tiktokindia",
        "explore",
        "explorepage",
        "explorar",
        "blowthisup",
        "blowup",
        "makemefamous",
        "famous",
        "getfamous",
        "letsgoviral",
        "xyzbca",
        "xyzcba",
        "xyzabc",
        "xybca",
        "abcxyz",
        "capcut",
        "creatorsearchinsights",
        "duet",
        "stitch",
        "4u",
        "4you",
        "foru",
        "4yp",
        "4upage",
        "forupage",
        "forypu",
        "parati",
        "paratii",
        "paratodos",
        "fyyyyyp",
        "viralizar",
        "viraliza",
        "pourtoi",
        "pourtoii",
        "fürdich",
        "fürdichseite",
        "fy",
        "perte",
        "perteee",
        "keşfet",
        "keşfetteyiz",
        "xuhuong",
        "xuhướng",
        "xh",
        "xuhuongtiktok",
        "trendingtiktok",
        "lenxuhuong",
        "viraltiktokvietnam",
        "fypindonesia",
        "fyptiktok",
        "fypdong",
        "fypdongggggggg",
        "masukberanda",
        "berandatiktok",
        "ฟีด",
        "ฟีดดดシ",
        "ขึ้นฟีด",
        "ขึ้นฟีดเถอะ",
        "tiktokthailand",
        "レコメンド",
        "おすすめ",
        "おすすめにのりたい",
        "推荐",
        "热门",
        "上热门",
        "рекомендации",
        "рек",
        "реки",
        "врек",
        "хочуврек",
        "foryoupageofficiall",
        "fypageシ",
        "viralpost",
        "likeforlike",
        "like4like",
        "follow4follow",
        "followme",
        "likes",
        "follow",
        "comment",
        "share",
    ]
)
# Spellings the list cannot enumerate: #fyyyp, #foryoupage2025, #viralvideo_, #xuhuong2025.
SEED_GENERIC_PATTERN = re.compile(
    r"^(?:f+y+p+\w*|for+you+\w*|viral\w*|trending\w*|xuhuong\w*|xyz\w*|parati+\w*|fy+|4u\w*)$"
)


def is_seed_generic(name: str) -> bool:
    return name in SEED_GENERIC or bool(SEED_GENERIC_PATTERN.match(name))


def with_seed_generic(names: list[str], factor: np.ndarray) -> np.ndarray:
    """`factor` (the learned generic factor per tag) capped at SEED_GENERIC_FACTOR for seeds."""
    seeds = np.fromiter((is_seed_generic(n) for n in names), bool, len(names))
    return np.where(seeds, np.minimum(factor, SEED_GENERIC_FACTOR), factor)
