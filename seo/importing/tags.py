"""seo.text.post_hashtags, made fast for bulk imports by memoising normalize_hashtag.

Results are identical to seo.text (a test compares them on the shared data): the
column is split exactly as hashtags_from_field does, and a caption tag is normalised
over the same spans (seo.text.tag_spans), memoised.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from seo.text import HASHTAG_MAX_LENGTH, normalize_hashtag, tag_spans, unique_in_order

_SPLIT = re.compile(r"[\s,;]+")


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
    for start, end in tag_spans(text):
        if end > start + 1 and (
            tag := _normalized(text[start + 1 : min(end, start + 2 + HASHTAG_MAX_LENGTH)])
        ):
            found.append(tag)
    return found


def row_hashtags(*, caption: str, hashtags_field: str) -> list[str]:
    """Same as seo.text.post_hashtags: column tags, then caption tags, deduplicated."""
    return unique_in_order([*field_tags(hashtags_field), *caption_tags(caption)])
