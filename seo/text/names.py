"""Names a caption writes with capitals, as the tags creators make of them.

Vietnamese writes a name as separate capitalised syllables ("Khả Ngân", "Bắc Bling",
"Nguyễn Xuân Son") and tags it joined, without accents (#khangan, #bacbling,
#nguyenxuanson). In the Vietnamese training posts of the multilingual file, 20-30 % of such
runs of two to four capitalised words are the post's own tag (30-50 % when other posts use
that tag already, 13 % when none does), where a single syllable
("thanh", "nguyên") almost never is. A longer run is a title written in capitals ("Viết
Tiếp Câu Chuyện Hoà Bình"), rarely tagged whole: none is made of it.
"""

from __future__ import annotations

import re

# Words of letters (with their marks); digits, punctuation and emoji end a run.
_WORD_OR_STOP = re.compile(r"[^\W\d_]+|\S")
MIN_RUN, MAX_RUN = 2, 4
# Languages written in syllables separated by spaces: a lone syllable ("trở", "đường", "hok") is
# a word only now and then and a tag almost never (0.9 % of the Vietnamese caption syllables
# with a tag form are their post's tag, against 15 % of syllable pairs).
SYLLABLE_LANGUAGES = frozenset({"vi"})


def writes_syllables(language: str | None) -> bool:
    """Whether a lone word of `language` is a syllable: a tag only where creators tag it."""
    return language in SYLLABLE_LANGUAGES


def name_runs(text: str) -> list[str]:
    """Runs of 2-4 capitalised words of `text`, each joined and casefolded ("khảngân")."""
    tokens = _WORD_OR_STOP.findall(text)
    capitalised = [t[0].isalpha() and t[0].isupper() for t in tokens]
    out: list[str] = []
    run: list[str] = []
    for token, upper in zip([*tokens, "."], [*capitalised, False], strict=True):
        if upper:
            run.append(token)
            continue
        if MIN_RUN <= len(run) <= MAX_RUN:
            out.append("".join(run).casefold())
        run = []
    return list(dict.fromkeys(out))
