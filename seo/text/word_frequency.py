"""English or bokmål by how common an idea's words are in each (wordfreq's "small" lists).

lingua reads letters; a short idea of ordinary words ("Summer tanning tips for pale skin")
can look Scandinavian to it. wordfreq's frequency lists say which language uses the words:
the mean Zipf frequency (log10 of uses per billion words, 0 for an unknown word) of the
idea's words in English against bokmål. A clear lead decides; anything closer is left to
lingua ("Pasta pesto" is both). The two lists load on first use (about 7 MB).
"""

from __future__ import annotations

import re
from functools import cache

# Mean Zipf lead that decides: short bokmål ideas with English loanwords ("Skole outfit")
# lead by about 0.5, English ideas by 0.8 and more.
LEAD = 0.7
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _zipf():
    """wordfreq's lookup, imported on first use: importing wordfreq takes ~0.1 s, which every
    process would pay at start-up whether it reads an idea or not."""
    from wordfreq import zipf_frequency

    return zipf_frequency


def zipf(word: str, language: str) -> float:
    return _zipf()(word, language, wordlist="small")


# Every word must be one the winning language uses (Zipf >= KNOWN): "video nhu long dai" is
# Vietnamese without its accents, not English because "video" and "long" are English words.
KNOWN = 1.0
MIN_WORDS = 2  # one word ("Hi", "draft") says too little


def words_lean(text: str) -> str:
    """ "en" or "nb" when the idea's words are all words of one of them and clearly more common
    there, else ""."""
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return ""
    for language, other in (("en", "nb"), ("nb", "en")):
        mine = [zipf(w, language) for w in words]
        if min(mine) < KNOWN:
            continue
        theirs = [zipf(w, other) for w in words]
        if (sum(mine) - sum(theirs)) / len(words) >= LEAD:
            return language
    return ""


# A bokmål noun in its definite form ("babyen", "badet", "barna", "hundene") and the indefinite
# it may come from: creators tag the indefinite (#baby, #bad, #barn, #hund).
_DEFINITE_ENDINGS = (("ene", ""), ("en", ""), ("et", ""), ("a", ""), ("a", "e"), ("n", ""))
# The indefinite must be an ordinary word (Zipf >= COMMON) and more used than the definite form:
# "garderoben" stays (garderobe 3.3 against 3.8), so does "mamma" (no "mamm").
COMMON = 3.0


def bokmal_indefinite(word: str) -> str:
    """The indefinite form of a bokmål noun written in its definite form, else the word itself."""
    if len(word) < 5 or not word.isalpha():
        return word
    own = zipf(word, "nb")
    candidates = {
        word[: -len(ending)] + added
        for ending, added in _DEFINITE_ENDINGS
        if word.endswith(ending) and len(word) - len(ending) >= 3
    }
    scored = [(zipf(c, "nb"), c) for c in candidates]
    best = max(scored, default=(0.0, word))
    return best[1] if best[0] >= COMMON and best[0] > own else word
