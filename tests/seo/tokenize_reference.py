"""The tokeniser written plainly, one text at a time: the reference the fast paths must match.

Frozen from the tokeniser before the batch path (index format 1); since tokeniser
version 2 its bigrams stop at sentence ends (the text is cleaned, then cut at them); since
version 3 a run of Thai letters is cut into words by pythainlp.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import pairwise

import stopwordsiso

from seo.text.tokenize import NOT_STOPWORDS

STOPWORD_LANGUAGES = ("en", "no", "es")
MIN_TOKEN_LENGTH = 2


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
_ASCII_WORDS = bytes(c if chr(c).isalnum() or chr(c) in "_'" else 32 for c in range(256))
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    words: set[str] = set()
    for language in STOPWORD_LANGUAGES:
        for word in stopwordsiso.stopwords(language):
            words.add(unicodedata.normalize("NFKC", word).casefold().replace("\u2019", "'"))
    return frozenset(words - NOT_STOPWORDS)  # the same word list; the algorithm is what is checked


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    # The substring tests are nearly free; the regexes are not, and most captions need none.
    if "http" in text or "www." in text:
        text = _URL.sub(" ", text)
    if "@" in text:
        text = _MENTION.sub(" ", text)
    if "#" in text:
        text = _HASHTAG.sub(" ", text)
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


SENTENCE_END = re.compile(r"[.!?|\n\r\u3002\u061f\u06d4\u0964\u2022\u2028\u2029]")


def sentences(text: str) -> list[list[str]]:
    """The words of each sentence. Whether a text takes the ASCII path is decided for the whole
    text (the two paths differ on runs of apostrophes), then each sentence is tokenised alone."""
    cleaned = _clean(text).replace("\u2019", "'")
    return [_words_of(part, ascii_text=cleaned.isascii()) for part in SENTENCE_END.split(cleaned)]


def words(text: str) -> list[str]:
    """Content words of a text, in order: no URLs, mentions, hashtags, emoji or stopwords."""
    return [word for sentence in sentences(text) for word in sentence]


def _words_of(text: str, *, ascii_text: bool) -> list[str]:
    stop = stopwords()
    if ascii_text:
        # Most captions: a byte table maps non-word bytes to spaces, ten times faster than re.
        raw = text.encode().translate(_ASCII_WORDS).decode().split()
        return [
            t
            for t in (r.strip("'") for r in raw)
            if len(t) >= MIN_TOKEN_LENGTH and t not in stop and not t.isdigit()
        ]
    has_cjk = _CJK.search(text) is not None
    out: list[str] = []
    for token in _TOKEN.findall(text):
        if has_cjk and _CJK.search(token):
            out.extend(_cjk_pairs(token))
        elif re.search(r"[\u0e00-\u0e7f]", token):
            from pythainlp.tokenize import word_tokenize

            token = token.replace("\u0e4d\u0e32", "\u0e33")
            out.extend(w for w in word_tokenize(token, engine="newmm") if len(w.strip()) >= MIN_TOKEN_LENGTH)
        elif len(token) >= MIN_TOKEN_LENGTH and token not in stop and not token.isdigit():
            out.append(token)
    return out


def analyze(text: str) -> list[str]:
    """Unigrams and the bigrams of adjacent words of one sentence."""
    parts = sentences(text)
    return [word for part in parts for word in part] + [
        f"{a} {b}" for part in parts for a, b in pairwise(part)
    ]
