"""seo.text.post_hashtags, made fast for bulk imports by memoising normalize_hashtag.

Results are identical to seo.text (a test compares them on the shared data): the
column is split exactly as hashtags_from_field does, and a caption tag is normalised
from the text after its '#' up to the first whitespace, which cannot change the result
because whitespace ends a tag and the caption is already NFKC-normalised as a whole.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from seo.text import HASHTAG_MAX_LENGTH, _is_tag_char, normalize_hashtag, unique_in_order

_SPLIT = re.compile(r"[\s,;]+")
_SPACE = re.compile(r"\s")


@lru_cache(maxsize=262_144)
def _normalized(piece: str) -> str:
    return normalize_hashtag(piece)


def field_tags(value: str) -> list[str]:
    tags = []
    for part in _SPLIT.split(unicodedata.normalize("NFKC", value)):
        for piece in part.split("#"):
            if piece and (tag := _normalized(piece)):
                tags.append(tag)
    return tags


def caption_tags(caption: str) -> list[str]:
    if "#" not in caption:
        return []
    text = unicodedata.normalize("NFKC", caption)
    found = []
    index = text.find("#")
    while index != -1:
        if index == 0 or not _is_tag_char(text[index - 1]):
            tail = text[index + 1 : index + 2 + HASHTAG_MAX_LENGTH]
            if not tail or tail[0] == "#" or tail[0].isspace():
                tag = normalize_hashtag(tail)  # rare: normalize_hashtag strips these first
            else:
                space = _SPACE.search(tail)
                tag = _normalized(tail[: space.start()] if space else tail)
            if tag:
                found.append(tag)
        index = text.find("#", index + 1)
    return found


def row_hashtags(*, caption: str, hashtags_field: str) -> list[str]:
    """Same as seo.text.post_hashtags: column tags, then caption tags, deduplicated."""
    return unique_in_order([*field_tags(hashtags_field), *caption_tags(caption)])
