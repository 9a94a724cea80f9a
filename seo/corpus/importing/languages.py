"""Languages of imported rows whose file gives none, detected a chunk at a time.

seo.text.language.detect_language reads only a caption's first DETECT_CHARS characters, so rows
whose captions open alike (reposts, template captions) are detected once per file (up to
MAX_REMEMBERED texts) and share the answer; the stored language is the one the per-row call
gave. Detection runs in the importer's fast mode (`precise=False`: no
high-accuracy Scandinavian models), as it did when each row was detected on its own.
"""

from __future__ import annotations

from collections.abc import Iterable

from seo.corpus.importing.rows import PostRow
from seo.text.language import DETECT_CHARS, detect_language

# Texts a file's import remembers the language of, across its chunks (a caption reposted far apart
# in a file); at most ~10 MB with every caption at its full DETECT_CHARS.
MAX_REMEMBERED = 20_000


def languages_fill(rows: Iterable[PostRow], found: dict[str, str] | None = None) -> int:
    """Set `language` on the rows that have none; returns how many distinct texts were read.
    `found` (text -> language) carries the answers from one chunk to the next."""
    # detect_language's own cache holds texts the editor asks about again; an import's
    # captions are read once, so go past it rather than evict those.
    detect = getattr(detect_language, "__wrapped__", detect_language)
    if found is None:
        found = {}
    elif len(found) > MAX_REMEMBERED:
        found.clear()
    read = len(found)
    for row in rows:
        if not row.language:
            text = row.caption[:DETECT_CHARS]
            language = found.get(text)
            if language is None:
                language = found[text] = detect(text, precise=False) if text else ""
            row.language = language
    return len(found) - read
