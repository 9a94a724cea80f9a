"""The languages of the loaded index as the suggestions count them: bokmål, nynorsk and the
"no" of older files are one group, and a group counts only with enough posts in it."""

from __future__ import annotations

import numpy as np

from seo.index.serving import index_derived
from seo.index.store import LoadedIndex

# A language counts for the floor only when the index has this many posts in it: a few
# short English captions misread as Tagalog must not make Tagalog a language of the corpus.
LANGUAGE_MIN_POSTS = 30
# Bokmål, nynorsk and the "no" of older files are one language for tags.
LANGUAGE_GROUPS = {"nn": "nb", "no": "nb"}


def language_group(code: str | None) -> str:
    code = (code or "").lower()
    return LANGUAGE_GROUPS.get(code, code)


def corpus_language(index: LoadedIndex, language: str | None) -> bool:
    """Whether the index holds enough posts in `language`'s group to call the others foreign."""
    return bool(language) and language_group(language) in index_language_codes(index)


def index_language_codes(index: LoadedIndex) -> dict[str, np.ndarray]:
    """Language group -> the index's language codes in it, for languages with enough posts."""

    def compute() -> dict[str, np.ndarray]:
        counts = np.bincount(np.asarray(index.post_language), minlength=len(index.languages) + 1)
        groups: dict[str, list[int]] = {}
        for name, code in index.languages.items():
            groups.setdefault(language_group(name), []).append(code)
        return {
            group: np.asarray(codes, dtype=np.int64)
            for group, codes in groups.items()
            if int(counts[codes].sum()) >= LANGUAGE_MIN_POSTS
        }

    return index_derived(index, "language_groups", compute)
