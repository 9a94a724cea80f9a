"""Hashtag normalisation and extraction: the one place that decides what a tag is.

`#FYP`, `#fyp.` and `fyp` are one tag. Every script is kept (Vietnamese, Cyrillic,
Japanese, combining marks as in `fypシ゚`); a tag is the run of letters, digits,
combining marks and underscores after the `#`, so trailing punctuation and emoji
end it, as they do on TikTok.

Imports, scoring and suggestions call this for every tag of every caption, thousands
of captions a second, so tag characters are one compiled regex and normalised tags are
memoised. tests/seo/text_reference.py keeps the first, character-by-character version;
tests check that both agree on random input and on the shared data.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

HASHTAG_MAX_LENGTH = 150
_SPLIT = re.compile(r"[\s,;]+")


def _mark_class() -> str:
    """Every combining mark as a regex class body (Python's re has no \\p{M})."""
    marks = [
        code
        for code in (*range(0x300, 0x20000), *range(0xE0100, 0xE01F0))
        if unicodedata.category(chr(code))[0] == "M"
    ]
    ranges: list[str] = []
    start = previous = marks[0]
    for code in [*marks[1:], -1]:
        if code != previous + 1:
            ranges.append(f"\\U{start:08x}-\\U{previous:08x}")
            start = code
        previous = code
    return "".join(ranges)


# A tag's characters: letters, digits and "_" (exactly what \w matches) plus combining
# marks (Vietnamese tones, Japanese dakuten).
_TAG_RUN = re.compile(f"[\\w{_mark_class()}]+")


@lru_cache(maxsize=262_144)
def normalize_hashtag(raw: str) -> str:
    """The canonical spelling of one hashtag, or "" when nothing tag-like is left."""
    text = unicodedata.normalize("NFKC", raw).casefold().strip().lstrip("#").strip()
    match = _TAG_RUN.match(text)
    return match.group() if match else ""


def tag_spans(text: str) -> list[tuple[int, int]]:
    """(start of '#', end of tag) for each inline tag of an NFKC-normalised text.

    A '#' starts a tag unless it sits inside a word ("C#" is no tag), but a '#' right
    after a tag starts the next one: TikTok reads "#fyp#food" as two tags.
    """
    spans = []
    last_end = -1
    at = text.find("#")
    while at != -1:
        if at == 0 or at == last_end or not _TAG_RUN.match(text, at - 1, at):
            run = _TAG_RUN.match(text, at + 1)
            last_end = run.end() if run else at + 1
            spans.append((at, last_end))
        at = text.find("#", at + 1)
    return spans


# ASCII text (most captions and tag columns) needs no NFKC and folds case with lower();
# its tag characters are exactly these. tests/seo/test_text.py checks both paths agree.
_ASCII_HASH_RUN = re.compile(r"#[A-Za-z0-9_]*")
_ASCII_FIELD_TAG = re.compile(r"(?<![^\s,;#])[A-Za-z0-9_]+")
_ASCII_WORD = [chr(code).isalnum() or chr(code) == "_" for code in range(128)]


def _ascii_caption_tags(text: str) -> list[str]:
    """hashtags_in_caption for an ASCII text: tag_spans' rules over each '#' and its run."""
    found = []
    last_end = -1
    text = text.lower()  # folds each tag at once; ASCII case changes no run or word boundary
    for match in _ASCII_HASH_RUN.finditer(text):
        at, end = match.span()
        if at == 0 or at == last_end or not _ASCII_WORD[ord(text[at - 1])]:
            last_end = end
            if end > at + 1:
                found.append(text[at + 1 : min(end, at + 2 + HASHTAG_MAX_LENGTH)])
    return found


def hashtags_in_caption(caption: str) -> list[str]:
    """Normalised tags written inline in a caption, in order of appearance."""
    if caption.isascii():  # most captions; others may hold a full-width '#' (U+FF03)
        return _ascii_caption_tags(caption) if "#" in caption else []
    text = unicodedata.normalize("NFKC", caption)
    found = []
    for start, end in tag_spans(text):
        if end > start + 1 and (
            tag := normalize_hashtag(text[start + 1 : min(end, start + 2 + HASHTAG_MAX_LENGTH)])
        ):
            found.append(tag)
    return found


def hashtags_from_field(value: str) -> list[str]:
    """Normalised tags from a hashtags column: separated by spaces, commas or '#'."""
    value = value or ""
    if value.isascii():  # each piece's tag is the run of tag characters it starts with
        return _ASCII_FIELD_TAG.findall(value.lower())
    tags = []
    for part in _SPLIT.split(unicodedata.normalize("NFKC", value)):
        for piece in part.split("#"):
            if piece and (tag := normalize_hashtag(piece)):
                tags.append(tag)
    return tags


def unique_in_order(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def post_hashtags(*, caption: str, hashtags_field: str = "") -> list[str]:
    """The union of a post's column tags and inline caption tags, deduplicated, in order."""
    return unique_in_order([*hashtags_from_field(hashtags_field), *hashtags_in_caption(caption)])


def hashtags_removed(text: str, *, gap: str = " ") -> str:
    """The text with each inline tag (as tag_spans reads it) replaced by `gap`.

    The one rule for "text without its hashtags": seo.text.caption.plain_text (the prose
    the score reads) and strip_hashtags both go through it. NFKC-normalise the text first
    for a full-width '#' to count."""
    pieces = []
    position = 0
    for start, end in tag_spans(text):
        pieces.append(text[position:start])
        position = end
    pieces.append(text[position:])
    return gap.join(pieces)


def strip_hashtags(caption: str) -> str:
    """The caption with its inline hashtags removed and spaces collapsed (evaluation, text features)."""
    return re.sub(r"\s+", " ", hashtags_removed(unicodedata.normalize("NFKC", caption), gap="")).strip()
