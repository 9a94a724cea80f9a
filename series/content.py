"""Texts for each part: working title, spoken hook, teaser for the next part, caption draft.

The hook and caption come from the caption drafter (seo.score.drafting), so a series
speaks its own language and opens through hook patterns that work in the corpus:
the series' three drafts take turns, part by part, so a long series does not open
every video the same way. Hooks keep the 10-word rule; nothing addressed to the
creator ("Open on the end result …") is ever written into a caption. Keywords
and hashtags come from the suggestion engine once per series; when there is no
index yet, or it fails, the series' own keywords and hashtags are used and the
series still gets planned.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from seo.score.drafting import CaptionDraft, caption_drafts, draft_language
from seo.text.hashtags import normalize_hashtag
from seo.text.subject import subject

logger = logging.getLogger(__name__)

MAX_TAGS = 5
MAX_KEYWORDS = 3

# The part marker, the teaser and the last part's farewell, per written language.
_PART = {"en": "Part", "nb": "Del"}
_NEXT = {
    "en": "Next up in {next}: more {topic}. Follow so you don't miss it.",
    "nb": "Neste gang i {next}: mer om {topic}. Følg så du ikke går glipp av den.",
}
_LAST = {
    "en": "That's the whole series on {topic}. Tell me in the comments what the next one should be.",
    "nb": "Det var hele serien om {topic}. Fortell meg i kommentarene hva neste serie skal handle om.",
}


@dataclass(frozen=True)
class PartText:
    title: str
    hook_prompt: str
    teaser: str
    caption_draft: str


@dataclass(frozen=True)
class CaptionSeed:
    """What every caption of the series starts from."""

    keywords: list[str]
    hashtags: list[str]
    source: str  # "suggestions" or "series" (the fallback)


def part_title(number: int, total: int | None, language: str = "en") -> str:
    word = _PART.get(language, _PART["en"])
    return f"{word} {number}/{total}" if total else f"{word} {number}"


def _marker(number: int, total: int | None, language: str) -> str:
    """ "Part 2/6" in English and bokmål; "2/6" in a language Hookline does not write."""
    if language in _PART:
        return part_title(number, total, language)
    return f"{number}/{total}" if total else f"#{number}"


def teaser(*, topic: str, number: int, total: int | None, language: str = "en") -> str:
    """The last line spoken in a part, in the series' language ("" for a language we do not write)."""
    about = subject(topic, language).phrase or topic
    if total and number >= total:
        return _LAST[language].format(topic=about) if language in _LAST else ""
    following = _marker(number + 1, total, language)
    return _NEXT[language].format(next=following, topic=about) if language in _NEXT else f"→ {following}"


def caption_seed(*, series) -> CaptionSeed:
    """Keywords and hashtags for the series' captions, from the suggestion engine when it can help."""
    own_tags = [t for t in (normalize_hashtag(h) for h in series.hashtags or []) if t]
    own_keywords = [k.strip() for k in series.keywords or [] if k and k.strip()]
    query = " ".join(x for x in [series.title, series.topic, *own_keywords] if x).strip()
    try:
        from seo.suggest.engine import suggest
        from seo.suggest.suggestions import SuggestError

        try:
            found = suggest(
                text=query or series.title,
                language=series.language or None,
                niche=series.niche or None,
                hashtags=own_tags,
                k=10,
            )
        except SuggestError as exc:
            logger.info("series %s: no suggestions (%s); using its own keywords", series.pk, exc)
            return CaptionSeed(own_keywords[:MAX_KEYWORDS], own_tags[:MAX_TAGS], "series")
    except Exception:
        # Suggestions are a nicety here: a broken index must not stop a creator planning.
        logger.exception("series %s: suggestion engine failed; using its own keywords", series.pk)
        return CaptionSeed(own_keywords[:MAX_KEYWORDS], own_tags[:MAX_TAGS], "series")
    tags = _merge(own_tags, list(found.recommended), MAX_TAGS)
    keywords = _merge(own_keywords, [k.term for k in found.keywords], MAX_KEYWORDS)
    return CaptionSeed(keywords, tags, "suggestions")


def _merge(first: list[str], second: list[str], limit: int) -> list[str]:
    out: list[str] = []
    for item in [*first, *second]:
        if item and item.lower() not in {o.lower() for o in out}:
            out.append(item)
    return out[:limit]


def _part_draft(drafts: list[CaptionDraft], number: int) -> CaptionDraft | None:
    return drafts[(number - 1) % len(drafts)] if drafts else None


def caption_draft(
    *, series, number: int, total: int | None, seed: CaptionSeed, draft: CaptionDraft | None, language: str
) -> str:
    """The part's caption: the drafted hook line, the part marker, the call to action, the hashtags."""
    marker = _marker(number, total, language)
    topic = series.topic or series.title
    if draft is None:
        lines = [f"{series.title} ({marker})" if series.title else marker, topic]
    else:
        body = draft.text.split("\n\n#", 1)[0].splitlines()
        lines = [body[0], f"{marker}: {series.title}" if series.title else marker, *body[1:]]
    if seed.hashtags:
        lines += ["", " ".join(f"#{t}" for t in seed.hashtags)]
    return "\n".join(line for line in lines if line is not None)


def series_texts(*, series, total: int | None, numbers: list[int] | None = None) -> dict[int, PartText]:
    """Texts for parts 1..total (or the given numbers): one suggestion call and one drafting per series."""
    seed = caption_seed(series=series)
    topic = series.topic or series.title
    language = draft_language(topic, series.language)
    drafts = caption_drafts(
        topic=topic, keywords=[k for k in series.keywords or [] if k], hashtags=seed.hashtags,
        language=language, niche=series.niche or "",
    )  # fmt: skip
    shown_total = series.parts_count  # open-ended series say "Part n", not "Part n/N"
    wanted = numbers or list(range(1, (total or 0) + 1))
    texts = {}
    for n in wanted:
        draft = _part_draft(drafts, n)
        texts[n] = PartText(
            title=part_title(n, shown_total),
            hook_prompt=draft.hook if draft else "",
            teaser=teaser(topic=topic, number=n, total=shown_total, language=language),
            caption_draft=caption_draft(
                series=series, number=n, total=shown_total, seed=seed, draft=draft, language=language
            ),
        )
    return texts
