"""Text features for the suggestion index: one tokeniser for building and querying.

Every script is kept: a token is a run of letters, digits and combining marks (so
Vietnamese tones, Devanagari vowel signs and Japanese dakuten stay inside words).
Han and kana have no spaces between words, so their runs become overlapping
character pairs, the usual way to index CJK without a segmenter; Thai runs are cut
into words by pythainlp's segmenter. URLs, @mentions
and #hashtags are removed before tokenising: hashtags are what we predict, and
letting them leak into the text features made every caption "similar" through
#fyp. Emoji are dropped from the text features (they decorate, they rarely say
what a video is about), so an emoji-only query has no features and falls back to
trending content. Stopwords come from stopwordsiso (English, Norwegian — which
covers bokmål and nynorsk — and Spanish, the corpus' second language).

Bigrams join adjacent words of one sentence only: "…my sourdough. Comment below"
is not about a "sourdough comment". Sentence ends are . ! ? | line breaks and the
full stops of other scripts (NFKC makes the ellipsis and fullwidth ! ? ASCII).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

import numpy as np
import stopwordsiso

STOPWORD_LANGUAGES = ("en", "no", "es")
# Function words of other scripts, and Vietnamese (only their words with a letter outside
# ASCII, so none is an English, Norwegian or Spanish word: Vietnamese lists "ban", "cho").
# They stay features: in a mostly English corpus they carry a post's language, so a Russian
# caption finds Russian posts and their tags (#рек). Dropping them cost 0.0016 of tag recall
# on the tuning split. But they are never offered as keywords nor counted as trends
# (`keyword_words`, `is_function_term`): "как" (how) is nothing to search for.
OTHER_SCRIPT_STOPWORDS = ("ru", "uk", "bg", "el", "ar", "fa", "ur", "he", "hi", "mr", "bn", "vi", "th")
MIN_TOKEN_LENGTH = 2
# Bumped when the features of a text change; recorded in each index's meta.json. An index
# built with an older version still answers (same layout), and a rebuild gives it the new features.
TOKENISER_VERSION = (
    5  # 3: Thai runs segmented into words (pythainlp); 4: NOT_STOPWORDS are terms; 5: more of them
)
# Words stopwords-iso's long English list holds that name what a video is about: "home workout",
# "room makeover", "face mask", "small business", "line dance", "packing orders".
NOT_STOPWORDS = frozenset(
    ["home", "work", "world", "face", "room", "line", "group", "problem", "system", "man", "men", "show",
     "shows", "year", "place", "area", "state", "number", "order", "orders", "small", "case", "point",
     "date", "dates", "computer", "fire", "run"]
)  # fmt: skip
BREAK = "."  # stands between two tokens of different sentences (never part of a token)
_ASCII_BREAKS = ".!?|\n\r"
_BREAKS = _ASCII_BREAKS + "\u3002\u061f\u06d4\u0964\u2022\u2028\u2029"


def _mark_ranges() -> str:
    """A regex class body of the combining marks (Python's re has no \\p{M}).

    Only the Basic Multilingual Plane: a class reaching past it makes re test each
    character against every range in turn (five times slower on every caption), and
    the marks beyond it belong to historic scripts; letters there still match \\w.
    """
    ranges: list[str] = []
    start = None
    for code in range(0x300, 0x10001):
        is_mark = code <= 0xFFFF and unicodedata.category(chr(code))[0] == "M"
        if is_mark and start is None:
            start = code
        elif not is_mark and start is not None:
            ranges.append(f"\\u{start:04x}-\\u{code - 1:04x}")
            start = None
    return "".join(ranges)


_MARKS = _mark_ranges()
_WORD = f"[\\w{_MARKS}]"
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_MENTION = re.compile(r"(?<![\w@])@[\w.]+")
_HASHTAG = re.compile(f"(?<!{_WORD})#{_WORD}*")
_TOKEN = re.compile(f"{_WORD}+(?:['\u2019]{_WORD}+)*")
_TOKEN_OR_BREAK = re.compile(f"{_WORD}+(?:['\u2019]{_WORD}+)*|[{re.escape(_BREAKS)}]")
# Word bytes stay, sentence-ending bytes become BREAK, every other byte a space.
_ASCII_WORDS = bytes(
    c if chr(c).isalnum() or chr(c) in "_'" else 0x2E if chr(c) in _ASCII_BREAKS else 32 for c in range(256)
)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_THAI = re.compile(r"[\u0e00-\u0e7f]")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    words: set[str] = set()
    for language in STOPWORD_LANGUAGES:
        for word in stopwordsiso.stopwords(language):
            words.add(unicodedata.normalize("NFKC", word).casefold().replace("\u2019", "'"))
    return frozenset(words - NOT_STOPWORDS)


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    words: set[str] = set()
    for language in OTHER_SCRIPT_STOPWORDS:
        for word in stopwordsiso.stopwords(language):
            if not word.isascii():
                words.add(unicodedata.normalize("NFKC", word).casefold())
    return frozenset(words)


def is_function_term(term: str) -> bool:
    """Whether a feature (a word or "word word") holds another script's function word."""
    function = function_words()
    return any(word in function for word in term.split(" "))


def _clean(text: str) -> str:
    return _without_noise(unicodedata.normalize("NFKC", text).casefold(), _URL, _MENTION, _HASHTAG)


def _without_noise(
    text: str, url: re.Pattern[str], mention: re.Pattern[str], hashtag: re.Pattern[str]
) -> str:
    """`text` without links, mentions and hashtags. The substring tests are nearly free; the
    regexes are not, and most captions need none."""
    if "http" in text or "www." in text:
        text = url.sub(" ", text)
    if "@" in text:
        text = mention.sub(" ", text)
    if "#" in text:
        text = hashtag.sub(" ", text)
    return text


def _cjk_pairs(token: str) -> list[str]:
    out: list[str] = []
    position = 0
    for run in _CJK_RUN.finditer(token):
        if run.start() > position:
            out.append(token[position : run.start()])
        chars = run.group()
        if len(chars) == 1:
            out.append(chars)
        else:
            out.extend(chars[i : i + 2] for i in range(len(chars) - 1))
        position = run.end()
    if position < len(token):
        out.append(token[position:])
    return out


@lru_cache(maxsize=65_536)
def _thai_words(token: str) -> tuple[str, ...]:
    """A run of Thai letters (Thai writes no spaces between words) cut into words by
    pythainlp's dictionary segmenter (newmm), a maintained one, not character pairs."""
    from pythainlp.tokenize import word_tokenize  # ~60 ms to import: only when Thai is met

    # NFKC (see _clean) splits SARA AM into NIKHAHIT + SARA AA; the dictionary spells it whole.
    token = token.replace("\u0e4d\u0e32", "\u0e33")
    return tuple(
        w for w in word_tokenize(token, engine="newmm", keep_whitespace=False) if len(w) >= MIN_TOKEN_LENGTH
    )


def _tokens(text: str) -> list[str]:
    """Content words of a text in order, with BREAK between sentences (possibly repeated)."""
    stop = stopwords()
    text = _clean(text).replace("\u2019", "'")
    if text.isascii():
        # Most captions: a byte table maps non-word bytes to spaces, ten times faster than re.
        raw = text.encode().translate(_ASCII_WORDS).decode()
        if BREAK in raw:
            raw = raw.replace(BREAK, f" {BREAK} ")
        return [
            t
            for t in (r.strip("'") for r in raw.split())
            if t == BREAK or (len(t) >= MIN_TOKEN_LENGTH and t not in stop and not t.isdigit())
        ]
    has_cjk = _CJK.search(text) is not None
    out: list[str] = []
    for token in _TOKEN_OR_BREAK.findall(text):
        if len(token) == 1 and token in _BREAKS:
            out.append(BREAK)
        elif has_cjk and _CJK.search(token):
            out.extend(_cjk_pairs(token))
        elif _THAI.search(token):
            out.extend(_thai_words(token))
        elif len(token) >= MIN_TOKEN_LENGTH and token not in stop and not token.isdigit():
            out.append(token)
    return out


def words(text: str) -> list[str]:
    """Content words of a text, in order: no URLs, mentions, hashtags, emoji or stopwords."""
    return [t for t in _tokens(text) if t != BREAK]


def sentence_windows(text: str, sizes: tuple[int, ...]) -> list[tuple[str, ...]]:
    """Runs of `sizes` adjacent content words within one sentence, in order (no duplicates)."""
    tokens = _tokens(text)
    out: dict[tuple[str, ...], None] = {}
    for size in sizes:
        for i in range(len(tokens) - size + 1):
            window = tuple(tokens[i : i + size])
            if BREAK not in window:
                out[window] = None
    return list(out)


def keyword_words(text: str) -> list[str]:
    """`words` without other scripts' function words: the words a creator may be offered."""
    function = function_words()
    return [t for t in words(text) if t not in function]


def analyze(text: str) -> list[str]:
    """Unigrams and the bigrams of adjacent words of one sentence: the features TF-IDF counts."""
    tokens = _tokens(text)
    if BREAK not in tokens:
        return tokens + [f"{a} {b}" for a, b in pairwise(tokens)]
    return [t for t in tokens if t != BREAK] + [
        f"{a} {b}" for a, b in pairwise(tokens) if a != BREAK and b != BREAK
    ]


# --- many captions at once (index build) ------------------------------------------------
#
# Per caption, `words` spends most of its time in Python calls per token. A build instead
# joins all captions, normalises and cleans the whole text once, turns it into UTF-8 and lets
# a byte table cut it at ASCII spaces and punctuation (C speed). What each DISTINCT piece
# ("chunk") becomes is decided once, with the same rules as `words` (`_chunk_tokens`); the
# token sequence of every caption then comes out of numpy indexing, not a Python loop.

BATCH_CAPTIONS = 20_000
_SEPARATOR = "\x1e"  # record separator between captions; never part of a word
_JOIN = f" {_SEPARATOR} "
# Already casefolded text: the same matches as _URL/_MENTION/_HASHTAG, but starting with a
# literal character lets re skip ahead instead of trying the pattern at every position.
_URL_FOLDED = re.compile(r"(?:https?://|www\.)\S+")
_MENTION_FOLDED = re.compile(r"@(?<![\w@]@)[\w.]+")
_HASHTAG_FOLDED = re.compile(f"#(?<!{_WORD}#){_WORD}*")
_PIECE_OR_BREAK = re.compile(f"[\\w{_MARKS}']+|[{re.escape(_BREAKS)}]")
# ASCII letters, digits, _ and ' stay, as does every byte of a multi-byte UTF-8 character
# (those chunks go through the Unicode rules); sentence-ending bytes become BREAK (a chunk
# of its own once spaced out), other ASCII bytes become spaces.
_CHUNK_BYTES = bytes(
    c
    if c >= 0x80 or c == 0x1E or chr(c).isalnum() or chr(c) in "_'"
    else 0x2E
    if chr(c) in _ASCII_BREAKS
    else 32
    for c in range(256)
)


def _chunk_tokens(chunk: str, *, ascii_caption: bool) -> list[str]:
    """What `words` makes of one chunk (text between ASCII spaces and punctuation)."""
    stop = stopwords()
    if chunk == BREAK:
        return [BREAK]
    if ascii_caption:
        token = chunk.strip("'")
        keep = len(token) >= MIN_TOKEN_LENGTH and token not in stop and not token.isdigit()
        return [token] if keep else []
    out: list[str] = []
    for piece in _PIECE_OR_BREAK.findall(chunk):
        if len(piece) == 1 and piece in _BREAKS:
            out.append(BREAK)
            continue
        for token in _TOKEN.findall(piece):
            if _CJK.search(token):
                out.extend(_cjk_pairs(token))
            elif _THAI.search(token):
                out.extend(_thai_words(token))
            elif len(token) >= MIN_TOKEN_LENGTH and token not in stop and not token.isdigit():
                out.append(token)
    return out


def _clean_joined(captions: list[str]) -> str:
    """`_clean` of every caption, joined by _JOIN (no caption keeps a separator of its own)."""
    text = _JOIN.join(c if c.isascii() else unicodedata.normalize("NFKC", c) for c in captions)
    if text.count(_SEPARATOR) != len(captions) - 1:
        # A caption holds the separator itself: to every rule here it is just a space.
        text = _JOIN.join(
            (c if c.isascii() else unicodedata.normalize("NFKC", c)).replace(_SEPARATOR, " ")
            for c in captions
        )
    text = _without_noise(text.casefold(), _URL_FOLDED, _MENTION_FOLDED, _HASHTAG_FOLDED)
    return text.replace("\u2019", "'")


def _block_chunk_ids(
    captions: list[str], vocabulary: dict[bytes, int], doubled: list[int]
) -> tuple[np.ndarray, np.ndarray]:
    """Chunk ids and caption index (within the block) of every chunk of a block of captions.

    `words` takes a byte-table path for ASCII captions, which keeps an apostrophe run
    inside a word ("rock''n") where its Unicode path splits it: such a chunk in a
    non-ASCII caption comes back as -(id + 1), to be given an id of its own.
    """
    text = _clean_joined(captions)
    chunks = text.encode().translate(_CHUNK_BYTES).replace(b".", b" . ").split()
    for chunk in dict.fromkeys(chunks):
        if chunk not in vocabulary:
            if b"''" in chunk and chunk.isascii():
                doubled.append(len(vocabulary))
            vocabulary[chunk] = len(vocabulary)
    ids = np.fromiter(map(vocabulary.__getitem__, chunks), np.int32, len(chunks))
    del chunks
    is_separator = ids == 0
    rows = np.cumsum(is_separator, dtype=np.int32)
    ids, rows = ids[~is_separator], rows[~is_separator]
    if doubled and "''" in text:
        at = np.flatnonzero(np.isin(ids, doubled))
        if len(at):
            ascii_rows = np.fromiter(map(str.isascii, text.split(_JOIN)), bool, len(captions))
            at = at[~ascii_rows[rows[at]]]
            ids[at] = -ids[at] - 1
    return ids, rows


class TokenArrays(NamedTuple):
    """Every caption's words as arrays, in `words` order within a caption."""

    rows: np.ndarray  # caption index per token
    tokens: np.ndarray  # token id per token (an index into names)
    names: list[str]
    joined: np.ndarray  # joined[i]: tokens i and i + 1 make a bigram (one caption, one sentence)


def words_batch(captions: list[str]) -> TokenArrays:
    """`words` of every caption at once, and which adjacent tokens `analyze` pairs into bigrams."""
    if not captions:
        return TokenArrays(np.zeros(0, np.int32), np.zeros(0, np.int32), [], np.zeros(0, bool))
    vocabulary: dict[bytes, int] = {_SEPARATOR.encode(): 0}
    doubled: list[int] = []
    id_blocks, row_blocks = [], []
    # Blocks keep the chunk objects of one block in the CPU cache: one pass over a million
    # captions at once spends more time allocating and missing cache than tokenising.
    for start in range(0, len(captions), BATCH_CAPTIONS):
        ids, rows = _block_chunk_ids(captions[start : start + BATCH_CAPTIONS], vocabulary, doubled)
        id_blocks.append(ids)
        row_blocks.append(rows + np.int32(start))
    ids, rows = np.concatenate(id_blocks), np.concatenate(row_blocks)
    del id_blocks, row_blocks
    distinct = [chunk.decode() for chunk in vocabulary]
    variants = [(chunk, chunk.isascii()) for chunk in distinct]
    unicode_at = np.flatnonzero(ids < 0)
    if len(unicode_at):
        originals = -ids[unicode_at] - 1
        unicode_ids = np.unique(originals)
        remap = np.zeros(len(variants), np.int32)
        remap[unicode_ids] = np.arange(len(variants), len(variants) + len(unicode_ids), dtype=np.int32)
        ids[unicode_at] = remap[originals]
        variants += [(distinct[i], False) for i in unicode_ids.tolist()]
    token_of: dict[str, int] = {}
    expansion: list[int] = []
    starts = np.zeros(len(variants) + 1, np.int64)
    for position, (chunk, is_ascii) in enumerate(variants):
        for token in _chunk_tokens(chunk, ascii_caption=is_ascii):
            expansion.append(token_of.setdefault(token, len(token_of)))
        starts[position + 1] = len(expansion)
    # Every chunk becomes zero, one or (Han/kana pairs, apostrophe runs) several tokens.
    lengths = np.diff(starts)[ids]
    first = np.repeat(starts[:-1][ids] - (np.cumsum(lengths) - lengths), lengths)
    tokens = np.asarray(expansion, np.int32)[first + np.arange(len(first), dtype=np.int64)]
    rows = np.repeat(rows, lengths)
    joined = rows[1:] == rows[:-1]
    if BREAK in token_of:
        # Sentence breaks only cut pairs: number the sentences, then drop the break tokens.
        # (The BREAK name stays in names, unused by any token.)
        is_break = tokens == token_of[BREAK]
        sentence = np.cumsum(is_break, dtype=np.int32)[~is_break]
        rows, tokens = rows[~is_break], tokens[~is_break]
        joined = (rows[1:] == rows[:-1]) & (sentence[1:] == sentence[:-1])
    return TokenArrays(rows, tokens, list(token_of), joined)


def analyze_batch(captions: list[str]) -> list[list[str]]:
    """`analyze` of every caption, through the batch path (tests compare the two)."""
    rows, tokens, names, joined = words_batch(captions)
    unigrams: list[list[str]] = [[] for _ in captions]
    bigrams: list[list[str]] = [[] for _ in captions]
    for row, token in zip(rows.tolist(), tokens.tolist(), strict=True):
        unigrams[row].append(names[token])
    for i in np.flatnonzero(joined).tolist():
        bigrams[int(rows[i])].append(f"{names[tokens[i]]} {names[tokens[i + 1]]}")
    return [u + b for u, b in zip(unigrams, bigrams, strict=True)]
