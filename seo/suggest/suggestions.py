"""What a suggestion looks like: the contract between the engine (seo.suggest.engine) and
everything that shows suggestions (editor, API, CLI, series planner, batch scoring)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class SuggestError(ValueError):
    """Input the engine refuses, with a message fit to show the creator."""


@dataclass(frozen=True)
class PostRef:
    """A trending post offered as evidence."""

    video_id: str
    url: str
    author: str
    caption: str  # shortened for display
    views: int | None
    similarity: float


@dataclass
class TagSuggestion:
    tag: str  # normalised, without '#'
    score: float
    tier: str  # "broad" | "mid" | "niche"
    posts: int  # posts in the corpus carrying the tag
    parts: dict[str, float] = field(default_factory=dict)  # score parts: similarity, engagement, ...
    examples: list[PostRef] = field(default_factory=list)
    stage: str | None = None  # trend stage (rising, peaking, ...) when known
    # "corpus": trending posts like the query carry it; "your_words": made from the idea's own
    # words; "trending_filler": trending overall, offered only to fill a set (say so).
    source: str = "corpus"


@dataclass
class KeywordSuggestion:
    term: str  # a word or two-word phrase
    score: float
    posts: int  # similar trending posts using it
    engagement: float  # their median engagement rate
    placement: list[str] = field(default_factory=list)  # where to use it: "hook", "on_screen", "caption"
    parts: dict[str, float] = field(default_factory=dict)
    examples: list[PostRef] = field(default_factory=list)
    stage: str | None = None


@dataclass
class Suggestions:
    query: str
    language: str | None
    hashtags: list[TagSuggestion]
    recommended: list[str]
    keywords: list[KeywordSuggestion]
    similar_posts: list[PostRef] = field(default_factory=list)
    # Set when the query matched nothing and trending content was used instead; says so.
    fallback: str | None = None
    # The creator's own typed tags: {"input": "#Fodd", "tag": "food", "corrected": True}
    typed_hashtags: list[dict[str, Any]] = field(default_factory=list)
    index_version: int | None = None
    # How far the answer can be trusted (seo.suggest.relevance): "high" | "medium" | "low", and why.
    confidence: str = "high"
    confidence_reason: str = ""
    # The idea's main keyword (seo.suggest.main_keyword): what the hook and caption must say.
    main_keyword: str | None = None
    # Trending tags offered only to fill a set when the idea's own topic has little data.
    filler: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """This answer as plain JSON-ready data, equal to dataclasses.asdict(self).

        Built row by row because asdict's recursive deep copy of every row, part and example
        was a fifth of the API's time per request; nothing mutable is shared with self."""
        return {
            **vars(self),
            "hashtags": [_row_dict(row) for row in self.hashtags],
            "recommended": list(self.recommended),
            "keywords": [{**_row_dict(row), "placement": list(row.placement)} for row in self.keywords],
            "similar_posts": [dict(vars(ref)) for ref in self.similar_posts],
            "typed_hashtags": [dict(typed) for typed in self.typed_hashtags],
            "filler": list(self.filler),
        }


def _row_dict(row: TagSuggestion | KeywordSuggestion) -> dict[str, Any]:
    # PostRef is frozen and holds only strings and numbers: a shallow copy is a full one.
    return {**vars(row), "parts": dict(row.parts), "examples": [dict(vars(ref)) for ref in row.examples]}
