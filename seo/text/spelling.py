"""Tags spelled the way the corpus spells them.

Vietnamese creators write "hài hước" in a caption and #haihuoc as a tag; Norwegian ones
keep their letters (#løping). When a caption word becomes a tag, the corpus decides: an
existing tag in either spelling wins (the more used one), and a new one drops its
diacritics where the index measured that creators of that language drop them
(`diacritic_languages`, stored in the index meta at build).
"""

from __future__ import annotations

import unicodedata

import numpy as np

from seo.text.word_frequency import bokmal_indefinite

# Letters that are not a base letter plus a mark, and their ASCII spelling in tags.
_LETTERS = str.maketrans({"đ": "d", "Đ": "D", "ł": "l", "Ł": "L"})
# A language drops diacritics from tags when its tags carry them this much less often
# than its caption words do.
DROP_RATIO = 0.5
MIN_WORDS = 200  # caption words with diacritics needed to judge a language
# Languages whose marked letters are letters of their own alphabet (å, ä, ö): "studielånet" is not
# "studielanet", whatever share of a corpus' tags happens to be English.
OWN_LETTERS = frozenset({"nb", "nn", "no", "da", "sv", "fi", "is", "et"})


def _is_latin(char: str) -> bool:
    return char.isascii() or "\u00c0" <= char <= "\u024f" or "\u1e00" <= char <= "\u1eff"


def fold(name: str) -> str:
    """`name` without the diacritics of Latin letters ("hàihước" -> "haihuoc"); other scripts
    keep their marks (a Thai vowel sign is a letter, not an accent)."""
    if name.isascii():
        return name
    out = []
    base_is_latin = False
    for char in unicodedata.normalize("NFD", name.translate(_LETTERS)):
        if unicodedata.combining(char):
            if not base_is_latin:
                out.append(char)
            continue
        base_is_latin = _is_latin(char)
        out.append(char)
    return unicodedata.normalize("NFC", "".join(out))


def has_diacritics(word: str) -> bool:
    return not word.isascii() and fold(word) != word


def _marked(names: list[str]) -> np.ndarray:
    """Per name: 1 when it is a Latin word with diacritics, 0 when a plain Latin word, -1 otherwise."""
    # Most names are plain ASCII: one C-level test each; only the rest are read closely.
    return np.array([0 if n.isascii() else _judged(n) for n in names], dtype=np.int8)


def _judged(name: str) -> int:
    if not all(_is_latin(c) or c in "_' " for c in name):  # a word pair counts as its words
        return -1
    return 1 if has_diacritics(name) else 0


def diacritic_languages(
    languages: list[str],
    post_language: np.ndarray,
    word_rows: np.ndarray,
    word_ids: np.ndarray,
    word_names: list[str],
    tag_rows: np.ndarray,
    tag_ids: np.ndarray,
    tag_names: list[str],
) -> list[str]:
    """Languages (codes into `languages`, 0 = unknown) whose creators drop diacritics in tags:
    caption words and tags counted per post language, each distinct name judged once."""

    def shares(rows: np.ndarray, ids: np.ndarray, names: list[str]) -> tuple[np.ndarray, np.ndarray]:
        marked = _marked(names)[ids]
        latin = marked >= 0
        code = np.asarray(post_language)[rows[latin]].astype(np.int64)
        size = len(languages) + 1
        return (
            np.bincount(code, minlength=size).astype(np.float64),
            np.bincount(code, weights=marked[latin].astype(np.float64), minlength=size),
        )

    words, words_marked = shares(word_rows, word_ids, word_names)
    tags, tags_marked = shares(tag_rows, tag_ids, tag_names)
    out = []
    for code, language in enumerate(languages, start=1):
        if words_marked[code] < MIN_WORDS or not tags[code] or language in OWN_LETTERS:
            continue
        if tags_marked[code] / tags[code] < DROP_RATIO * words_marked[code] / words[code]:
            out.append(language)
    return out


BOKMAL = frozenset({"nb", "no"})


def tag_spelling(index, name: str, language: str | None = None) -> str:
    """The spelling of a caption-made tag: the corpus' own (either spelling, the more used),
    else without diacritics where the query's language drops them; a bokmål noun in its
    definite form as its indefinite unless the corpus tags the definite one (#baby of "babyen",
    #fjell of "fjellet")."""
    if (language or "") in BOKMAL and index.tag_id(name) is None:
        name = bokmal_indefinite(name)
    folded = fold(name)
    if folded == name:
        return name
    known = [(int(index.tag_df[t]), n) for n in (name, folded) if (t := index.tag_id(n)) is not None]
    if known:
        return max(known)[1]
    dropping = set(index.meta.get("diacritic_languages", [])) - OWN_LETTERS  # (indexes built before)
    return folded if (language or "") in dropping else name
