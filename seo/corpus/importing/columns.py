"""Clean a batch of raw rows a column at a time: row_clean's result, for the rows that need none
of its error handling.

Most rows of a real file are plain: short text, digit-only counts, ISO dates. For those,
row_clean spends its time calling a small function per cell. Here each column of a batch is
checked and converted at once (one `str.strip` over the column, one `isdigit` over all its
digits joined, one maximum length), and only the columns that hold something else go cell
by cell through the same parsers row_clean uses (seo.corpus.importing.values). A row with any cell
that would be an error, or that the quick checks do not cover, is left out (None) for
row_clean, which reports its errors in its own order and words: the quick path never
decides that a row is invalid. tests/seo/test_import_columns.py checks that both agree.
"""

from __future__ import annotations

from itertools import repeat
from typing import Any

from seo.corpus.importing.rows import (
    CAPTION_MAX_LENGTH,
    QUICK_DIGITS,
    TEXT_LIMITS,
    PostRow,
    engagement_rate,
)
from seo.corpus.importing.values import FieldError, parse_count, parse_datetime, parse_duration, parse_text
from seo.text.hashtags import HASHTAG_MAX_LENGTH, post_hashtags

# A cell the quick path leaves to row_clean (it may be an error, or need row_clean's parser).
_LEFT = object()
_STR_ONLY = {str}
_URL_SCHEMES = ("http://", "https://")


def _column(data: list[dict[str, Any]], name: str) -> list[Any]:
    return list(map(dict.get, data, repeat(name)))


def _texts(values: list[Any], max_length: int) -> list[Any]:
    """Stripped text; "" for a missing cell (row_clean's `text`)."""
    if set(map(type, values)) <= _STR_ONLY:
        stripped = list(map(str.strip, values))
        if max(map(len, stripped), default=0) <= max_length:
            return stripped
    return [_parsed(parse_text, value, max_length=max_length) for value in values]


def _counts(values: list[Any]) -> list[Any]:
    """Whole counts, None for empty or missing (row_clean's `count`)."""
    if set(map(type, values)) <= _STR_ONLY and max(map(len, values), default=0) <= QUICK_DIGITS:
        digits = "".join(values)
        if digits.isascii() and (digits.isdigit() or not digits):
            return [int(value) if value else None for value in values]
    return [_parsed(parse_count, value) for value in values]


def _parsed(parse, value: Any, **kwargs) -> Any:
    try:
        return parse(value, **kwargs)
    except FieldError:
        return _LEFT


def rows_quick(lines: list[int], data: list[dict[str, Any]]) -> list[PostRow | None]:
    """Each row as row_clean(line, data, detect=False) cleans it, or None where row_clean must
    look at it (an error, or a value the quick checks do not cover)."""
    video_ids = _texts(_column(data, "video_id"), TEXT_LIMITS["video_id"])
    captions = _texts(_column(data, "caption"), CAPTION_MAX_LENGTH)
    views, likes, comments, shares, saves = (
        _counts(_column(data, name)) for name in ("views", "likes", "comments", "shares", "saves")
    )
    authors, regions, languages, sounds, urls = (
        _texts(_column(data, name), TEXT_LIMITS[name])
        for name in ("author", "region", "language", "sound", "url")
    )
    posted = [_parsed(parse_datetime, value) for value in _column(data, "posted_at")]
    durations = [_parsed(parse_duration, value) for value in _column(data, "duration_s")]
    tag_fields = _column(data, "hashtags")
    columns = (video_ids, captions, views, likes, comments, shares, saves, authors, regions, languages,
               sounds, urls, posted, durations)  # fmt: skip
    left = {at for values in columns if _LEFT in values for at, value in enumerate(values) if value is _LEFT}
    cleaned: list[PostRow | None] = []
    for at, line in enumerate(lines):
        video_id, caption, url = video_ids[at], captions[at], urls[at]
        if at in left or not video_id or (url and not url.lower().startswith(_URL_SCHEMES)):
            cleaned.append(None)
            continue
        tags_field = tag_fields[at]
        hashtags = post_hashtags(
            caption=caption, hashtags_field="" if tags_field is None else str(tags_field)
        )
        if hashtags and max(map(len, hashtags)) > HASHTAG_MAX_LENGTH:
            cleaned.append(None)
            continue
        row_views, row_likes, row_comments, row_shares, row_saves = (
            views[at], likes[at], comments[at], shares[at], saves[at]
        )  # fmt: skip
        rate = engagement_rate(
            views=row_views, likes=row_likes, comments=row_comments, shares=row_shares, saves=row_saves
        )
        row = PostRow(
            line, video_id, caption, authors[at].removeprefix("@"), row_views, row_likes, row_comments,
            row_shares, row_saves, rate, posted[at], regions[at].upper(), languages[at].lower(), sounds[at],
            durations[at], url, hashtags,
        )  # fmt: skip
        cleaned.append(row)
    return cleaned
