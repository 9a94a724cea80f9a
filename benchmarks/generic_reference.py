"""The generic-tag reference of benchmarks/evaluate.py: tags that say "put me on the feed"
(#fyp, #viral, #xuhuong), written from general TikTok knowledge and independent of
Hookline's own learned generic factor, so "specific" recall is measured against a list
the engine never saw.
"""

from __future__ import annotations

import re

GENERIC_NAMES = {
    "fyp",
    "fy",
    "foryou",
    "foryoupage",
    "fypage",
    "fypシ",
    "fypシ゚",
    "fypシ゚viral",
    "viral",
    "viralvideo",
    "viraltiktok",
    "trending",
    "trend",
    "tiktok",
    "xyzbca",
    "xyzcba",
    "parati",
    "paratii",
    "xuhuong",
    "explore",
    "explorepage",
    "blowthisup",
    "capcut",
    "creatorsearchinsights",
    "foryourpage",
    "fypツ",
    "tiktokviral",
    "trendingvideo",
    "viralvideos",
    "goviral",
    "relatable",
    "funny",
    "funnyvideos",
    "lol",
    "meme",
    "memes",
    "4u",
    "4you",
    "foru",
    "pourtoi",
    "fürdich",
    "perte",
    "keşfet",
    "keşfetteyiz",
}
GENERIC_PATTERN = re.compile(r"^(fy+p+\w*|foryou\w*|viral\w*|trending\w*|xyz\w*|parati\w*)$")
# Added for the multilingual file (and the Russian tags of the English one): platform-wide
# tags that say "put me on the feed" in Vietnamese, Thai, Indonesian and Russian, and the
# fyp/viral misspellings. Without them "xuhuongtiktok" (423 posts) and "xh" (496) count as
# specific. --legacy-generic drops them, for figures comparable with the first list.
EXTENDED_GENERIC_NAMES = {
    "trend",
    "hottrend",
    "thinhhanh",
    "vairal",
    "videoviral",
    "funnyvideo",
    "abcxyz",
    "xybca",
    "j4f",
    "justforfun",
    "ilovetiktok",
    "tiktokviral",
    "makemefamous",
    "blowup",
    "beranda",
    "rekomendasi",
    "ฟีด",
    "ฟีดด",
    "ฟีดดด",
    "ฟีดดดシ",
    "เทรนด์",
    "เทรนด์วันนี้",
    "рек",
    "реки",
    "врек",
    "вреки",
    "хочуврек",
    "рекомендации",
    "рекомендації",
    "хочуврекомендации",
}
EXTENDED_GENERIC_PATTERN = re.compile(
    r"^(\w*xu_?h[uư][oớ]ng\w*|(ctx|fbt|ddn)?x+h+(u+o+n+g+)?\w*|fp+y+\w*|fyb+\w*|flyp\w*|fypdong\w*"
    r"|\w*goviral\w*|\w*blowthisup\w*|makemefamous\w*)$"
)


def is_generic(tag: str, *, legacy: bool = False) -> bool:
    """In the reference list; `legacy` (--legacy-generic): the first list only."""
    if tag in GENERIC_NAMES or GENERIC_PATTERN.match(tag):
        return True
    if legacy:
        return False
    return tag in EXTENDED_GENERIC_NAMES or bool(EXTENDED_GENERIC_PATTERN.match(tag))
