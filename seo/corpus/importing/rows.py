"""Turn one raw row into the values of a TrendPost, or into field errors."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from seo.corpus.importing.values import FieldError, parse_count, parse_datetime, parse_duration, parse_text
from seo.models import TrendPost
from seo.text.hashtags import HASHTAG_MAX_LENGTH, post_hashtags
from seo.text.language import detect_language

# TikTok allows 4,000 characters of caption; scraped captions run a little over it
# (emoji and joined hashtags), so allow some headroom before calling a caption broken.
CAPTION_MAX_LENGTH = 5000
COUNT_FIELDS = ("views", "likes", "comments", "shares", "saves")
# Up to 18 digits a count is below 2**63 whatever the digits, so int() needs no bounds check.
_QUICK_DIGITS = 18


def _max_length(name: str) -> int:
    return TrendPost._meta.get_field(name).max_length


OPTIONAL_TEXT = ("author", "region", "language", "sound", "url")
TEXT_LIMITS = {name: _max_length(name) for name in ("video_id", *OPTIONAL_TEXT)}


@dataclass(slots=True)
class PostRow:
    line: int
    video_id: str
    caption: str
    author: str
    views: int | None
    likes: int | None
    comments: int | None
    shares: int | None
    saves: int | None
    engagement_rate: float | None
    posted_at: dt.datetime | None
    region: str
    language: str
    sound: str
    duration_s: float | None
    url: str
    hashtags: list[str]


@dataclass(slots=True)
class RowError:
    line: int
    message: str
    field: str | None = None
    # The row's place in a JSON array or a Research API page (seo.corpus.importing.readers.RawRow).
    item: int | None = None

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"line": self.line, "message": self.message}
        if self.item is not None:
            data["item"] = self.item
        if self.field:
            data["field"] = self.field
        return data


def engagement_rate(*, views, likes, comments, shares, saves) -> float | None:
    """(likes + comments + shares + saves) / views; None when views or every interaction is unknown."""
    interactions = [value for value in (likes, comments, shares, saves) if value is not None]
    if not views or not interactions:
        return None
    return sum(interactions) / views


def row_clean(line: int, data: dict[str, Any], *, detect: bool = True) -> PostRow | list[RowError]:
    """The row's values, or its errors. With `detect=False` a row without a language keeps ""
    for the importer to detect a chunk at a time (seo.corpus.importing.languages)."""
    errors: list[RowError] = []
    get = data.get

    def field(name: str, parse, *args, **kwargs):
        try:
            return parse(get(name), *args, **kwargs)
        except FieldError as exc:
            errors.append(RowError(line=line, field=name, message=f"{name} {exc}"))
            return None

    # Most cells are short text or plain digits: those are taken here, anything else goes
    # through the full parsers (the same results, a third of the import's Python time less).
    def text(name: str, max_length: int):
        value = get(name)
        if value.__class__ is str:
            stripped = value.strip()
            if len(stripped) <= max_length:
                return stripped
        elif value is None:
            return ""
        return field(name, parse_text, max_length=max_length)

    def count(name: str):
        value = get(name)
        if value.__class__ is str and len(value) <= _QUICK_DIGITS:
            if value == "":
                return None  # unknown, never zero
            if value.isdigit() and value.isascii():
                return int(value)
        return field(name, parse_count)

    video_id = text("video_id", TEXT_LIMITS["video_id"])
    if video_id == "":
        errors.append(RowError(line=line, field="video_id", message="video_id is empty"))
    caption = text("caption", CAPTION_MAX_LENGTH)
    cells = (get("views"), get("likes"), get("comments"), get("shares"), get("saves"))
    try:
        digits = "".join(cells)  # TypeError unless all five are text (a CSV's cells are)
    except TypeError:
        digits = None
    if (
        digits is not None
        and (digits == "" or (digits.isdigit() and digits.isascii()))
        and (max(map(len, cells)) <= _QUICK_DIGITS)
    ):
        # Every count blank or plain ASCII digits (most CSV rows): one test for the five.
        views, likes, comments, shares, saves = [int(cell) if cell else None for cell in cells]
    else:
        views, likes, comments, shares, saves = (
            count("views"), count("likes"), count("comments"), count("shares"), count("saves")
        )  # fmt: skip
    author, region, language, sound, url = (
        text("author", TEXT_LIMITS["author"]), text("region", TEXT_LIMITS["region"]),
        text("language", TEXT_LIMITS["language"]), text("sound", TEXT_LIMITS["sound"]),
        text("url", TEXT_LIMITS["url"]),
    )  # fmt: skip
    posted = get("posted_at")
    posted_at = None
    if posted.__class__ is str and posted and not (posted[0].isspace() or posted[-1].isspace()):
        try:
            posted_at = dt.datetime.fromisoformat(posted)
        except ValueError:
            pass  # the full parser below says why
        else:
            if posted_at.tzinfo is None:  # as parse_datetime: UTC unless an offset is given
                posted_at = posted_at.replace(tzinfo=dt.UTC)
    if posted_at is None:
        posted_at = field("posted_at", parse_datetime)
    duration = get("duration_s")
    duration_s = None if duration is None or duration == "" else field("duration_s", parse_duration)
    if url and not url.lower().startswith(("http://", "https://")):
        errors.append(RowError(line=line, field="url", message=f"url {url[:60]!r} is not an http(s) address"))
    tags_field = get("hashtags")
    hashtags = post_hashtags(
        caption=caption or "", hashtags_field="" if tags_field is None else str(tags_field)
    )
    for tag in hashtags:
        if len(tag) > HASHTAG_MAX_LENGTH:
            message = f"hashtag #{tag[:30]}… is longer than {HASHTAG_MAX_LENGTH} characters"
            errors.append(RowError(line=line, field="hashtags", message=message))
    if errors:
        return errors
    return PostRow(
        line=line,
        video_id=video_id,
        caption=caption,
        author=author.removeprefix("@"),
        views=views,
        likes=likes,
        comments=comments,
        shares=shares,
        saves=saves,
        engagement_rate=engagement_rate(
            views=views, likes=likes, comments=comments, shares=shares, saves=saves
        ),
        posted_at=posted_at,
        region=region.upper(),
        # A file without languages gets them detected here, once, and stored: the index
        # draws a query's tags from posts in its language (seo.suggest.relevance).
        language=language.lower() or (detect_language(caption or "", precise=False) if detect else ""),
        sound=sound,
        duration_s=duration_s,
        url=url,
        hashtags=hashtags,
    )
