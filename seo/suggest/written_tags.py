"""Tags a query writes out in separate words, for languages written in syllables (Vietnamese).

"Khả Ngân" is tagged #khangan and "hài hước vui nhộn" #haihuocvuinhon: the tag joins words the
caption keeps apart. Pairs of words the corpus knows are seo.suggest.rank.lexical_candidates';
this module adds the names written in capitals and the longer runs.
"""

from __future__ import annotations

from seo.index.store import LoadedIndex
from seo.suggest.rank import LEXICAL_MIN_LENGTH, LEXICAL_WEIGHT
from seo.text.hashtags import normalize_hashtag
from seo.text.names import name_runs, writes_syllables
from seo.text.spelling import fold, tag_spelling
from seo.text.tokenize import sentence_windows

# A name written in capitals (seo.text.names) is its post's tag this often in the Vietnamese
# training posts (tuning split of the multilingual file): when other posts carry it as a tag
# already, and when none does.
NAME_TAG_CHANCE, NEW_NAME_TAG_CHANCE = 0.3, 0.12
WRITTEN_TAG_CHANCE = 0.2  # ... and a run of three or four words joining into a tag other posts carry


def written_out_candidates(index: LoadedIndex, text: str, language: str | None) -> dict[str, float]:
    """Tags the query writes out in separate syllables, at the rate such a run is its post's tag:
    the names it writes in capitals ("Khả Ngân" -> #khangan, seo.text.names), and runs of three
    or four words that join into a tag creators use ("hài hước vui nhộn" -> #haihuocvuinhon;
    pairs are lexical_candidates'). Spelled as the corpus spells tags."""
    out: dict[str, float] = {}
    for run in name_runs(text):
        name = normalize_hashtag(run)
        if len(name) >= LEXICAL_MIN_LENGTH:
            name = tag_spelling(index, name, language)
            chance = NAME_TAG_CHANCE if index.tag_id(name) is not None else NEW_NAME_TAG_CHANCE
            out[name] = chance / LEXICAL_WEIGHT
    # Runs are looked up without accents, all in one lookup: Vietnamese creators drop them in
    # tags, and a lookup per run cost as much as a tenth of the whole suggestion. Words are folded
    # after tokenising (folded first, "và", "bà", "ăn" read as the stopwords "va", "ba", "an" and
    # drop out of the runs), in one call for all of them (fold is slow per call).
    windows = sentence_windows(text, (3, 4))
    words = list(dict.fromkeys(word for window in windows for word in window))
    folded = dict(zip(words, fold(" ".join(words)).split(" ") if words else [], strict=True))
    runs = list(dict.fromkeys("".join(folded[word] for word in window) for window in windows))
    for run, position in zip(runs, index.tags.positions(runs).tolist(), strict=True):
        if position >= 0 or run in index.aliases:
            out[run] = max(out.get(run, 0.0), WRITTEN_TAG_CHANCE / LEXICAL_WEIGHT)
    return out


def written_first(
    index: LoadedIndex, text: str, language: str | None, made: dict[str, float] | None = None
) -> list[str]:
    """The tags a query writes out (written_out_candidates, or `made` when the caller has them),
    likeliest first: they lead an answer no trending post backs ("Khả Ngân ... với Thanh Sơn" ->
    #khangan #thanhson, before the pairs of side words #leloi, #xuathien that the idea's own words
    give). Only in the languages written in syllables (Vietnamese), where the chances were
    measured; leading with them in Spanish and Russian measured worse (the English file's posts
    in those languages, tuning split)."""
    if not writes_syllables(language):
        return []
    if made is None:
        made = written_out_candidates(index, text, language)
    return sorted(made, key=lambda name: -made[name])
