"""Request and response schemas of the JSON API (they are the OpenAPI document)."""

from __future__ import annotations

from typing import Annotated

from ninja import Field, Schema
from pydantic import StringConstraints

MAX_TEXT = 10_000
MAX_CAPTION = 20_000  # above TikTok's limits on purpose: an over-long caption is scored, not refused
MAX_TAGS = 30
LANGUAGE_PATTERN = r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?$"
Tag = Annotated[str, StringConstraints(max_length=200)]
Keyword = Annotated[str, StringConstraints(max_length=200)]


class SuggestIn(Schema):
    text: str = Field(..., min_length=1, max_length=MAX_TEXT, description="A topic, idea or draft caption.")
    language: str | None = Field(
        None, max_length=16, description="ISO 639-1 code (en, nb, ...); detected if absent."
    )
    niche: str | None = Field(
        None, max_length=50, description="Favour tags of this niche (food, fitness, ...)."
    )
    hashtags: list[Tag] = Field(default_factory=list, max_length=MAX_TAGS, description="Tags already chosen.")
    k: int = Field(10, ge=1, le=50, description="How many hashtags and keywords to return.")
    evidence: bool = Field(
        True,
        description="Include the trending posts behind each suggestion (`examples`, `similar_posts`). "
        "`false` ranks the same tags and keywords and leaves those lists empty: a smaller, faster answer.",
    )


class ScoreIn(Schema):
    caption: str = Field(..., min_length=1, max_length=MAX_CAPTION)
    hook: str = Field("", max_length=1_000, description="What is said in the first 3 seconds.")
    on_screen_text: str = Field("", max_length=1_000)
    hashtags: list[Tag] = Field(default_factory=list, max_length=MAX_TAGS)
    language: str | None = Field(
        None, pattern=LANGUAGE_PATTERN, description="Detected from the text if absent."
    )
    keywords: list[Keyword] | None = Field(
        None,
        max_length=MAX_TAGS,
        description="Target keywords, main first; suggested from the text if absent.",
    )
    niche: str | None = Field(None, max_length=50)


class PostRefOut(Schema):
    video_id: str
    url: str
    author: str
    caption: str
    views: int | None
    similarity: float


class TagOut(Schema):
    tag: str
    score: float
    tier: str
    posts: int
    parts: dict[str, float]
    examples: list[PostRefOut]
    stage: str | None
    source: str = Field(
        description='"corpus" (close trending posts carry it), "your_words" (made from the idea) '
        'or "trending_filler" (trending overall, only filler)'
    )


class KeywordOut(Schema):
    term: str
    score: float
    posts: int
    engagement: float
    placement: list[str]
    parts: dict[str, float]
    examples: list[PostRefOut]
    stage: str | None


class SuggestOut(Schema):
    query: str
    language: str | None
    hashtags: list[TagOut]
    recommended: list[str]
    keywords: list[KeywordOut]
    similar_posts: list[PostRefOut]
    fallback: str | None
    typed_hashtags: list[dict]
    index_version: int | None
    confidence: str = Field(description='"high", "medium" or "low": how many trending posts share the topic')
    confidence_reason: str
    main_keyword: str | None
    filler: list[str] = Field(
        description="trending tags offered only to fill a set, never advice on the topic"
    )


class CheckItemOut(Schema):
    key: str
    label: str
    status: str = Field(..., description="pass, warn or fail")
    points: int
    max_points: int
    why: str


class ScoreOut(Schema):
    score: int = Field(..., ge=0, le=100)
    items: list[CheckItemOut]
    language: str
    language_detected: bool
    keywords: list[str] = Field(..., description="The trending terms the caption was scored against.")
    notes: list[str]


class ErrorOut(Schema):
    detail: str


class RateLimitedOut(Schema):
    detail: str
    retry_after: int


class ValidationErrorOut(Schema):
    detail: list[dict] = Field(
        ..., description="One entry per invalid field: its location, message and type."
    )
