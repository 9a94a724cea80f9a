"""Column mappings: which column of someone else's CSV or spreadsheet holds which post field.

Staff map the columns of a file Hookline does not recognise in the admin upload (or name a
saved preset on the command line). `columns_guess` proposes a mapping from the header names
alone, comparing them with rapidfuzz to the canonical field names and the names exports
usually give them ("Video views", "Plays", "playCount" -> views); `mapping_problems` says
what is wrong with a mapping before any row is read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from rapidfuzz import fuzz

from seo.corpus.importing.lines import FileRejected

REQUIRED_FIELDS = ("video_id", "caption")
FIELD_LABELS = {
    "video_id": "video id",
    "caption": "caption",
    "hashtags": "hashtags",
    "author": "author",
    "views": "views",
    "likes": "likes",
    "comments": "comments",
    "shares": "shares",
    "saves": "saves",
    "posted_at": "posted at",
    "region": "region",
    "language": "language",
    "sound": "sound",
    "duration_s": "duration (s)",
    "url": "url",
}
# The names exports give each field, besides the field's own name (compared normalised).
SYNONYMS = {
    "video_id": ["video id", "id", "post id", "item id", "aweme id", "tiktok id"],
    "caption": ["caption", "description", "text", "video description", "desc", "title", "post text"],
    "hashtags": ["hashtags", "hashtag", "tags", "hashtag names", "challenges"],
    "author": ["author", "username", "user name", "creator", "account", "handle", "author name", "unique id"],
    "views": ["views", "video views", "plays", "play count", "view count", "total views"],
    "likes": ["likes", "like count", "digg count", "hearts"],
    "comments": ["comments", "comment count"],
    "shares": ["shares", "share count"],
    "saves": ["saves", "favorites", "favourites", "favorites count", "collect count", "bookmarks"],
    "posted_at": [
        "posted at", "date posted", "date", "post date", "create time", "create time iso", "created",
        "created at", "published", "publish time", "upload date", "posted", "time posted", "timestamp",
    ],
    "region": ["region", "country", "region code", "market"],
    "language": ["language", "lang", "text language", "locale"],
    "sound": ["sound", "music", "song", "audio", "music name", "sound name", "music id"],
    "duration_s": ["duration", "duration s", "video duration", "length", "duration seconds"],
    "url": ["url", "link", "video url", "web video url", "video link", "permalink"],
}  # fmt: skip
# A header must reach this score (0-100) against a name before it is guessed.
GUESS_MIN_SCORE = 80
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_NOT_WORD = re.compile(r"[\W_]+")


def header_key(name: str) -> str:
    """A header name as compared: "playCount", "Play_count" and " play count " are one key."""
    return _NOT_WORD.sub(" ", _CAMEL.sub(" ", str(name))).strip().casefold()


def _score(key: str, synonym: str) -> float:
    # token_set_ratio alone calls "Video" a perfect "video duration" (a subset of it), so a
    # subset match counts a little less than the same words in any order.
    return max(fuzz.token_sort_ratio(key, synonym), 0.9 * fuzz.token_set_ratio(key, synonym))


def columns_guess(header: Iterable[str]) -> dict[str, str]:
    """{column name: field} for the columns whose names are close to one field's names.

    Each field goes to at most one column, the closest; a column as close to two fields
    as to each other (a plain "Video") is left for staff to choose.
    """
    scored: list[tuple[float, int, str, str]] = []
    names = list(header)
    for index, name in enumerate(names):
        key = header_key(name)
        if not key:
            continue
        best = sorted(
            (
                (max(_score(key, s) for s in [field.replace("_", " "), *SYNONYMS[field]]), field)
                for field in SYNONYMS
            ),
            reverse=True,
        )
        (top, field), (second, _) = best[0], best[1]
        if top >= GUESS_MIN_SCORE and top > second:
            scored.append((top, -index, name, field))
    guess: dict[str, str] = {}
    for _, _, name, field in sorted(scored, reverse=True):
        if field not in guess.values() and name not in guess:
            guess[name] = field
    return {name: guess[name] for name in names if name in guess}


def mapping_problems(columns: Mapping[str, str]) -> list[str]:
    """What stops a mapping ({column: field}, unmapped columns left out) from importing."""
    problems = []
    chosen: dict[str, list[str]] = {}
    for column, field in columns.items():
        if field not in FIELD_LABELS:
            problems.append(f"Column '{column}' is mapped to '{field}', which is not a post field.")
            continue
        chosen.setdefault(field, []).append(column)
    for field, names in chosen.items():
        if len(names) > 1:
            listed = " and ".join(f"'{name}'" for name in names)
            problems.append(
                f"{FIELD_LABELS[field].capitalize()} is chosen for {len(names)} columns ({listed}); pick one."
            )
    for field in REQUIRED_FIELDS:
        if field not in chosen:
            problems.append(
                f"No column is mapped to {FIELD_LABELS[field]}: every post needs one "
                f"({'the id that makes re-imports update a post' if field == 'video_id' else 'its text'})."
            )
    return problems


def mapping_columns(columns: Mapping[str, str], header: list[str]) -> list[tuple[int, str]]:
    """(index in `header`, field) for each mapped column; FileRejected when a mapped
    required field's column is not in this file's header."""
    wanted = {header_key(column): field for column, field in columns.items() if field}
    found = [
        (index, wanted[header_key(name)]) for index, name in enumerate(header) if header_key(name) in wanted
    ]
    fields = {field for _, field in found}
    lost = [column for column, field in columns.items() if field in REQUIRED_FIELDS and field not in fields]
    if lost:
        raise FileRejected(
            f"the column mapping reads {', '.join(f'{columns[c]} from column {c!r}' for c in lost)}, "
            f"but this file's header has no such column (found: {', '.join(h for h in header if h) or 'nothing'})",
            line=1,
        )
    return found
