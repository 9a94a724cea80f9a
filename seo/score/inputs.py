"""What caption_score needs besides the text, gathered from the suggestion engine.

The API, batch scoring and the editor all score a caption against the same
evidence: trending keywords for its text (seo.suggest.engine), the tiers of its tags, and
the blocked tags. One function gathers them so the three doors agree.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from seo.index.serving import active_index, index_derived
from seo.score.checklist import SeoScore, caption_score
from seo.suggest.engine import blocked_tags, suggest, tag_tiers
from seo.suggest.main_keyword import main_keyword
from seo.suggest.suggestions import SuggestError, Suggestions
from seo.text import caption as ct
from seo.text.frames import CTA_LINES, frame_slot
from seo.text.hashtags import hashtags_in_caption, normalize_hashtag
from seo.text.language import detect_language

KEYWORDS_ASKED = 10
SUGGESTIONS_REMEMBERED = 512


@dataclass
class ScoreInputs:
    language: str  # the language scored in ("en" when unknown)
    language_detected: bool  # True when detected rather than given
    keywords: list[str]
    tiers: dict[str, str]
    blocked: set[str]
    suggestions: Suggestions | None = None
    notes: list[str] = field(default_factory=list)  # why something is missing, for the creator
    # The keywords trending posts use; None when the keywords were given (the creator's picks count).
    trending: list[str] | None = None


def topic_words(text: str) -> str:
    """What the score asks the engine about: the text's own words, once each, in order.

    Hashtags are left out, a line written through one of Hookline's hook frames counts
    as what fills it, and its calls to action not at all (seo.text.frames): three
    drafts of one idea then mostly ask the engine one question, and a caption is
    judged on its topic rather than on how it sells it.
    """
    seen: dict[str, None] = {}
    for line in ct.plain_text(text).splitlines():
        line = " ".join(line.split())
        if not line or line.casefold() in CTA_LINES:
            continue
        for word in ct.words(frame_slot(line) or line):
            seen.setdefault(word, None)
    return " ".join(seen)


def _suggested(text: str, language: str | None, niche: str | None, tags: bool = False) -> Suggestions:
    """suggest() for a scored text, remembered on the loaded index version.

    The editor re-scores the same caption and drafts on every refresh; kept on the
    index object, the memory lives and dies with the version it was computed from.
    """
    index = active_index()
    if index is None:
        return suggest(text=text, language=language, niche=niche, k=KEYWORDS_ASKED, tags=tags)  # raises
    cache: OrderedDict = index_derived(index, "score_suggestions", OrderedDict)
    key = (text, language, niche, tags)
    if key not in cache:
        # The score reads the keywords only (tags=False: no tag ranking, no evidence queries);
        # they are the same either way, so every door gives the same number.
        cache[key] = suggest(text=text, language=language, niche=niche, k=KEYWORDS_ASKED, tags=tags)
        if len(cache) > SUGGESTIONS_REMEMBERED:
            cache.popitem(last=False)
    return cache[key]


def score_inputs(
    *,
    caption: str,
    hook: str = "",
    on_screen_text: str = "",
    hashtags: Iterable[str] = (),
    language: str | None = None,
    keywords: Sequence[str] | None = None,
    niche: str | None = None,
    tags: bool = False,
) -> ScoreInputs:
    """Language, keywords, tag tiers and blocked tags for scoring this caption.

    The main keyword (first) is seo.suggest.main_keyword's: the first real pick, else the
    text's subject. Explicit `keywords` win; otherwise they come from suggest() on the topic words of
    the caption, hook and on-screen text (topic_words: no hashtags, hook or CTA words). When the engine refuses (no index yet, empty text) the
    caption is still scored, without keywords, and `notes` says why.
    """
    hashtags = [tag for tag in hashtags if tag]
    text = "\n".join(part for part in (hook, on_screen_text, caption) if part and part.strip())
    given = (language or "").strip().lower()
    detected = "" if given else detect_language(text)
    used_language = given or detected or "en"
    notes: list[str] = []
    found: Suggestions | None = None
    picked = list(keywords or [])
    trending: list[str] | None = None
    if keywords is None:
        try:
            # The words only: the score judges the caption's prose, and its tags are checked on
            # their own, so the engine's typed-tag matching (the dear part) is not asked for.
            found = _suggested(topic_words(text), given or detected or None, niche, tags)
            keywords = [kw.term for kw in found.keywords]
            trending = [kw.term for kw in found.keywords if kw.posts > 0]
            if found.fallback:
                notes.append(found.fallback)
        except SuggestError as exc:
            keywords = []
            notes.append(f"Scored without trending keywords: {exc}")
    # The main keyword is the idea's (or the creator's first real pick), never a CTA or filler word.
    main = main_keyword(text, picked=picked, language=used_language)
    if main:
        keywords = [main, *(term for term in keywords if term.casefold() != main)]
    tags = [*hashtags_in_caption(caption), *(normalize_hashtag(tag) for tag in hashtags)]
    return ScoreInputs(
        language=used_language,
        language_detected=not given,
        keywords=list(keywords),
        tiers=tag_tiers([tag for tag in tags if tag]),
        blocked=blocked_tags(),
        suggestions=found,
        notes=notes,
        trending=trending,
    )


def caption_score_for(
    *,
    caption: str,
    hook: str = "",
    on_screen_text: str = "",
    hashtags: Iterable[str] = (),
    language: str | None = None,
    keywords: Sequence[str] | None = None,
    niche: str | None = None,
    tags: bool = False,
) -> tuple[SeoScore, ScoreInputs]:
    """caption_score with its inputs gathered by score_inputs (what the API and batch call).

    `tags=True` also ranks the text's hashtags (inputs.suggestions.recommended, for batch
    rows); the score is the same either way."""
    hashtags = list(hashtags)
    inputs = score_inputs(
        caption=caption, hook=hook, on_screen_text=on_screen_text, hashtags=hashtags,
        language=language, keywords=keywords, niche=niche, tags=tags,
    )  # fmt: skip
    score = caption_score(
        caption=caption, hook=hook, on_screen_text=on_screen_text, hashtags=hashtags,
        keywords=inputs.keywords, language=inputs.language, tiers=inputs.tiers, blocked=inputs.blocked,
        trending=inputs.trending,
    )  # fmt: skip
    return score, inputs
