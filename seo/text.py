"""Hashtag normalisation and extraction: the one place that decides what a tag is.

`#FYP`, `#fyp.` and `fyp` are one tag. Every script is kept (Vietnamese, Cyrillic,
Japanese, combining marks as in `fypシ゚`); a tag is the run of letters, digits,
combining marks and underscores after the `#`, so trailing punctuation and emoji
end it, as they do on TikTok.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

HASHTAG_MAX_LENGTH = 150
_SPLIT = re.compile(r"[\s,;]+")


def _is_tag_char(char: str) -> bool:
    if char == "_":
        return True
    # L* letters, N* digits, M* combining marks (Vietnamese tones, Japanese dakuten).
    return unicodedata.category(char)[0] in "LNM"


def normalize_hashtag(raw: str) -> str:
    """The canonical spelling of one hashtag, or "" when nothing tag-like is left."""
    text = unicodedata.normalize("NFKC", raw).casefold().strip()
    text = text.lstrip("#").strip()
    end = 0
    for char in text:
        if not _is_tag_char(char):
            break
        end += 1
    return text[:end]


def hashtags_in_caption(caption: str) -> list[str]:
    """Normalised tags written inline in a caption, in order of appearance."""
    text = unicodedata.normalize("NFKC", caption)
    found = []
    for index, char in enumerate(text):
        # A tag starts at a '#' that does not sit inside a word (so "C#" is not a tag).
        if char == "#" and (index == 0 or not _is_tag_char(text[index - 1])):
            tag = normalize_hashtag(text[index + 1 : index + 1 + HASHTAG_MAX_LENGTH + 1])
            if tag:
                found.append(tag)
    return found


def hashtags_from_field(value: str) -> list[str]:
    """Normalised tags from a hashtags column: separated by spaces, commas or '#'."""
    tags = []
    for part in _SPLIT.split(unicodedata.normalize("NFKC", value or "")):
        for piece in part.split("#"):
            tag = normalize_hashtag(piece)
            if tag:
                tags.append(tag)
    return tags


def unique_in_order(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def post_hashtags(*, caption: str, hashtags_field: str = "") -> list[str]:
    """The union of a post's column tags and inline caption tags, deduplicated, in order."""
    return unique_in_order([*hashtags_from_field(hashtags_field), *hashtags_in_caption(caption)])


def strip_hashtags(caption: str) -> str:
    """The caption with its inline hashtags removed (for evaluation and text features)."""
    text = unicodedata.normalize("NFKC", caption)
    out = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "#" and (index == 0 or not _is_tag_char(text[index - 1])):
            index += 1
            while index < len(text) and _is_tag_char(text[index]):
                index += 1
            continue
        out.append(char)
        index += 1
    return re.sub(r"\s+", " ", "".join(out)).strip()
