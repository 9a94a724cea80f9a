"""The JSON shapes people export, mapped onto the canonical row fields (seo.corpus.importing.rows).

- The TikTok Research API video query response, `{"data": {"videos": [...], "cursor", "has_more"}}`,
  one page or several (as JSON Lines or one after another), or a bare list of its videos.
- Scraper dataset items (the common TikTok scrapers' JSON/JSON Lines exports): `id`, `text`,
  `createTime`/`createTimeISO`, `authorMeta.name`, `playCount`, `diggCount`, ...

Each value is recognised by its keys, never by the file name; the mapped row goes through
the same `row_clean` validation as a canonical CSV or JSON Lines row.
"""

from __future__ import annotations

import re
from typing import Any

from seo.corpus.importing.values import UnixSeconds

RESEARCH = "research"
SCRAPER = "scraper"
CANONICAL = "jsonl"
JSON_FORMATS = (RESEARCH, SCRAPER, CANONICAL)
FORMATS = (RESEARCH, SCRAPER, "csv", "xlsx", CANONICAL)
# The shapes that also come as CSV, flattened (`authorMeta/name`, `hashtags/0/name`).
FLAT_SHAPES = (RESEARCH, SCRAPER)
_FLAT_SEPARATOR = re.compile(r"[/.]")

RESEARCH_KEYS = frozenset(
    {
        "video_description", "create_time", "region_code", "username", "view_count", "like_count",
        "comment_count", "share_count", "favorites_count", "hashtag_names", "music_id",
        "video_duration", "voice_to_text",
    }
)  # fmt: skip
SCRAPER_KEYS = frozenset(
    {
        "text", "createTime", "createTimeISO", "authorMeta", "playCount", "diggCount", "commentCount",
        "shareCount", "collectCount", "hashtags", "musicMeta", "videoMeta", "webVideoUrl", "textLanguage",
    }
)  # fmt: skip

_PAGE_KEYS = frozenset({"videos", "cursor", "has_more", "search_id"})
# Canonical field <- the source field it came from, to name both in an error.
RESEARCH_FIELDS = {
    "video_id": "id", "caption": "video_description", "hashtags": "hashtag_names", "author": "username",
    "views": "view_count", "likes": "like_count", "comments": "comment_count", "shares": "share_count",
    "saves": "favorites_count", "posted_at": "create_time", "region": "region_code", "sound": "music_id",
    "duration_s": "video_duration",
}  # fmt: skip
SCRAPER_FIELDS = {
    "video_id": "id", "caption": "text", "hashtags": "hashtags[].name", "author": "authorMeta.name",
    "views": "playCount", "likes": "diggCount", "comments": "commentCount", "shares": "shareCount",
    "saves": "collectCount", "posted_at": "createTimeISO/createTime", "language": "textLanguage",
    "sound": "musicMeta.musicName", "duration_s": "videoMeta.duration", "url": "webVideoUrl",
}  # fmt: skip
SOURCE_FIELDS = {RESEARCH: RESEARCH_FIELDS, SCRAPER: SCRAPER_FIELDS}
# Scrapers write these when they could not tell the language: leave it to detection.
_UNKNOWN_LANGUAGES = {"un", "und", "unknown", "zxx"}


def is_research_page(value: Any) -> bool:
    data = value.get("data") if isinstance(value, dict) else None
    if not isinstance(data, dict):
        return False
    return bool(_PAGE_KEYS & data.keys()) or isinstance(value.get("error"), dict)


def shape_of(value: dict) -> str:
    """CANONICAL, RESEARCH (a page or one video) or SCRAPER, from the keys of one JSON object."""
    if any(str(key).strip().lower() == "video_id" for key in value):
        return CANONICAL
    if is_research_page(value) or (RESEARCH_KEYS & value.keys()):
        return RESEARCH
    if SCRAPER_KEYS & value.keys():
        return SCRAPER
    return CANONICAL


def research_page_videos(page: dict) -> tuple[list[Any] | None, str | None]:
    """A response page's videos, or None and why the page has none to give."""
    videos = page["data"].get("videos")
    error = page.get("error")
    if isinstance(error, dict) and error.get("code") not in (None, "", "ok"):
        detail = error.get("message") or error.get("code")
        return None, f"is a Research API error response ({str(detail)[:200]}), not a page of videos"
    if videos is None:
        return [], None
    if not isinstance(videos, list):
        return None, "has data.videos that is not a list of videos"
    return videos, None


def _present(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _names(items: Any, key: str | None = None) -> Any:
    """A list of tag names (or of {key: name} objects) as the space-separated hashtags field."""
    if not isinstance(items, list):
        return items
    names = (item.get(key) if key and isinstance(item, dict) else item for item in items)
    return " ".join(str(name) for name in names if _present(name) and not isinstance(name, (dict, list)))


def _get(value: Any, key: str) -> Any:
    return value.get(key) if isinstance(value, dict) else None


def _unix(value: Any) -> Any:
    """Unix seconds (a number or a string of digits) marked as such for parse_datetime."""
    if isinstance(value, bool) or not _present(value):
        return value
    if isinstance(value, (int, float)) or (isinstance(value, str) and value.strip().lstrip("-").isdigit()):
        return UnixSeconds(value)
    return value


def research_row(video: dict) -> dict[str, Any]:
    video_id, username = video.get("id"), video.get("username")
    url = ""
    if _present(video_id) and _present(username) and not isinstance(username, (dict, list)):
        url = (
            f"https://www.tiktok.com/@{str(username).strip().removeprefix('@')}/video/{str(video_id).strip()}"
        )
    return {
        "video_id": video_id,
        "caption": video.get("video_description"),
        "hashtags": _names(video.get("hashtag_names")),
        "author": username,
        "views": video.get("view_count"),
        "likes": video.get("like_count"),
        "comments": video.get("comment_count"),
        "shares": video.get("share_count"),
        "saves": video.get("favorites_count"),
        "posted_at": _unix(video.get("create_time")),
        "region": video.get("region_code"),
        "sound": video.get("music_id"),
        "duration_s": video.get("video_duration"),
        "url": url,
    }


def scraper_row(item: dict) -> dict[str, Any]:
    language = item.get("textLanguage")
    if isinstance(language, str) and language.strip().lower() in _UNKNOWN_LANGUAGES:
        language = ""
    posted = item.get("createTimeISO")
    return {
        "video_id": item.get("id"),
        "caption": item.get("text"),
        "hashtags": _names(item.get("hashtags"), "name"),
        "author": _get(item.get("authorMeta"), "name"),
        "views": item.get("playCount"),
        "likes": item.get("diggCount"),
        "comments": item.get("commentCount"),
        "shares": item.get("shareCount"),
        "saves": item.get("collectCount"),
        "posted_at": posted if _present(posted) else _unix(item.get("createTime")),
        "language": language,
        "sound": _get(item.get("musicMeta"), "musicName"),
        "duration_s": _get(item.get("videoMeta"), "duration"),
        "url": item.get("webVideoUrl"),
    }


def _nested(data: dict[str, Any]) -> str | None:
    """The first field holding an object or a list where a value belongs, named."""
    for name, value in data.items():
        if isinstance(value, (dict, list)):
            return name
    return None


def flat_shape(header: list[str]) -> str | None:
    """SCRAPER or RESEARCH for a CSV header of the flattened fields of one, else None."""
    roots = {_FLAT_SEPARATOR.split(name, maxsplit=1)[0] for name in header}
    if "id" not in roots or "video_id" in {name.lower() for name in header}:
        return None
    if len(RESEARCH_KEYS & roots) >= 2:
        return RESEARCH
    if len(SCRAPER_KEYS & roots) >= 2:
        return SCRAPER
    return None


def unflatten(flat: dict[str, Any]) -> dict[str, Any]:
    """{"authorMeta/name": "x", "hashtags/0/name": "y"} -> {"authorMeta": {"name": "x"},
    "hashtags": [{"name": "y"}]}, as the scrapers' CSV and flattened JSON exports write them."""
    if not any(_FLAT_SEPARATOR.search(str(key)) for key in flat):
        return flat
    root: dict[str, Any] = {}
    for key, value in flat.items():
        *parents, last = _FLAT_SEPARATOR.split(str(key))
        node = root
        for part in parents:
            node = node.setdefault(part, {})
            if not isinstance(node, dict):
                break
        else:
            node.setdefault(last, value)
    return _lists(root)


def _lists(node: Any) -> Any:
    if not isinstance(node, dict):
        return node
    items = {key: _lists(value) for key, value in node.items()}
    if items and all(key.isdigit() for key in items):
        return [items[key] for key in sorted(items, key=int)]
    return items


def mapped_row(value: Any, shape: str) -> tuple[dict[str, Any] | None, str | None]:
    """The canonical fields of one Research API video or scraper item, or the problem with it."""
    if not isinstance(value, dict):
        return None, _not_object(shape)
    value = unflatten(value)
    if not _present(value.get("id")):
        example = "id, video_description, create_time" if shape == RESEARCH else "id, text, createTime"
        return None, f"has no id (a {_label(shape)} has {example}, …)"
    data = research_row(value) if shape == RESEARCH else scraper_row(value)
    nested = _nested(data)
    if nested:
        source = SOURCE_FIELDS[shape].get(nested, nested)
        return None, f"has an object or a list in {source}, where {nested} needs a single value"
    return data, None


def _label(shape: str) -> str:
    return "Research API video" if shape == RESEARCH else "scraper item"


def _not_object(shape: str) -> str:
    return f"is not a JSON object ({{...}}) with a {_label(shape)}'s fields"
