"""Texts for each part: working title, hook prompt, teaser for the next part, caption draft.

Caption drafts are prefilled from the suggestion engine (seo.suggest) once per series;
when there is no index yet, or it fails, the series' own keywords and hashtags are used
and the series still gets planned.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from seo.text import normalize_hashtag

logger = logging.getLogger(__name__)

MAX_TAGS = 5
MAX_KEYWORDS = 3

# Hook prompts rotate so a long series does not open every video the same way.
FIRST_HOOKS = [
    "Open on the end result of “{topic}” in the first 3 seconds, then say: this is part 1 of {total}.",
]
MIDDLE_HOOKS = [
    "Start with the one mistake people make with {topic}, and show it on screen in 3 seconds.",
    "Ask a question your viewers have about {topic}; answer it by the end of this part.",
    "Recap part {prev} in one sentence, then show what is new today.",
    "Lead with a number: one fact about {topic} that surprises people.",
    "Show the before, promise the after: “by the end of this part …”.",
]
FINAL_HOOKS = [
    "Finale: open with the finished result of the whole series, then how you got there.",
]


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


def part_title(number: int, total: int | None) -> str:
    return f"Part {number}/{total}" if total else f"Part {number}"


def hook_prompt(*, topic: str, number: int, total: int | None) -> str:
    values = {"topic": topic, "total": total or "many", "prev": number - 1}
    if number == 1:
        template = FIRST_HOOKS[0]
    elif total and number == total:
        template = FINAL_HOOKS[0]
    else:
        template = MIDDLE_HOOKS[(number - 2) % len(MIDDLE_HOOKS)]
    return template.format(**values)


def teaser(*, topic: str, number: int, total: int | None) -> str:
    if total and number >= total:
        return f"That's the whole series on {topic}. Tell me in the comments what the next one should be."
    following = part_title(number + 1, total)
    return f"Next up in {following}: the next step of {topic}. Follow so you don't miss it."


def caption_seed(*, series) -> CaptionSeed:
    """Keywords and hashtags for the series' captions, from the suggestion engine when it can help."""
    own_tags = [t for t in (normalize_hashtag(h) for h in series.hashtags or []) if t]
    own_keywords = [k.strip() for k in series.keywords or [] if k and k.strip()]
    query = " ".join(x for x in [series.title, series.topic, *own_keywords] if x).strip()
    try:
        from seo.suggest import suggest
        from seo.suggestions import SuggestError

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


def caption_draft(*, series, number: int, total: int | None, seed: CaptionSeed) -> str:
    """Keywords early (search reads the first line), the part marker, then the hashtags."""
    topic = series.topic or series.title
    lead = f"{series.title} ({part_title(number, total)}): {topic}"
    lines = [lead]
    if seed.keywords:
        lines.append(", ".join(seed.keywords))
    lines.append("Follow for the next part.")
    if seed.hashtags:
        lines.append(" ".join(f"#{t}" for t in seed.hashtags))
    return "\n".join(lines)


def series_texts(*, series, total: int | None, numbers: list[int] | None = None) -> dict[int, PartText]:
    """Texts for parts 1..total (or the given numbers): one suggestion call for the whole series."""
    seed = caption_seed(series=series)
    topic = series.topic or series.title
    shown_total = series.parts_count  # open-ended series say "Part n", not "Part n/N"
    wanted = numbers or list(range(1, (total or 0) + 1))
    return {
        n: PartText(
            title=part_title(n, shown_total),
            hook_prompt=hook_prompt(topic=topic, number=n, total=shown_total),
            teaser=teaser(topic=topic, number=n, total=shown_total),
            caption_draft=caption_draft(series=series, number=n, total=shown_total, seed=seed),
        )
        for n in wanted
    }
