"""A frozen copy of the first, plainly written seo.text.hashtags: the reference the fast one is checked against.

Do not change it: tests/seo/test_text.py compares seo.text.hashtags with it on random input and
on the shared data, so a faster seo.text.hashtags cannot drift from what a tag was defined to be.

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


def tag_spans(text: str) -> list[tuple[int, int]]:
    """(start of '#', end of tag) for each inline tag of an NFKC-normalised text.

    A '#' starts a tag unless it sits inside a word ("C#" is no tag), but a '#' right
    after a tag starts the next one: TikTok reads "#fyp#food" as two tags.
    """
    spans = []
    last_end = -1
    index = text.find("#")
    while index != -1:
        if index == 0 or index == last_end or not _is_tag_char(text[index - 1]):
            end = index + 1
            while end < len(text) and _is_tag_char(text[end]):
                end += 1
            spans.append((index, end))
            last_end = end
        index = text.find("#", index + 1)
    return spans


def hashtags_in_caption(caption: str) -> list[str]:
    """Normalised tags written inline in a caption, in order of appearance."""
    text = unicodedata.normalize("NFKC", caption)
    found = []
    for start, end in tag_spans(text):
        tag = normalize_hashtag(text[start + 1 : min(end, start + 1 + HASHTAG_MAX_LENGTH + 1)])
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
    pieces = []
    position = 0
    for start, end in tag_spans(text):
        pieces.append(text[position:start])
        position = end
    pieces.append(text[position:])
    return re.sub(r"\s+", " ", "".join(pieces)).strip()
