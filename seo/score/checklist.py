"""The caption SEO score: a 0-100 checklist in which every point is explained.

`caption_score` is a pure function of the text and of two lookups the caller makes
once (tag tiers and blocked tags, from seo.suggest.engine), so the editor, the API and
batch scoring all give the same answer and a batch can score thousands of rows a
second. The eleven items and their weights (10 or 15 points, 5 for mix, readability and
stuffing) are listed with what passes, warns and fails in docs/captions.md.
The weights add up to 100, so the score is the plain sum of the points.
Explanations are in English (the interface language) whatever the caption's language.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from seo.text import caption as ct
from seo.text.hashtags import hashtags_in_caption, normalize_hashtag

API_CAPTION_LIMIT = 2200  # characters accepted by TikTok's Content Posting API
APP_CAPTION_LIMIT = 4000  # about what the TikTok app accepts
SHORT_CAPTION = 40  # below this search has little to match
MAX_HASHTAGS = 5  # TikTok accepts at most five hashtags on a post
IDEAL_HASHTAGS = range(3, MAX_HASHTAGS + 1)
HOOK_WORDS_PASS = 10  # ~3 seconds of speech at 3 words a second
HOOK_WORDS_WARN = 14
FIRST_LINE_CHARS = 100  # what the feed shows before "more"
TOP_TERMS = 5  # trending terms checked for coverage
COVERAGE_TARGET = 3  # terms to use for full coverage points
LIX_PASS, LIX_WARN = 45, 55
EMOJI_WARN, EMOJI_FAIL = 5, 10
REPEAT_WARN = 4  # one content word this often reads as keyword stuffing

PASS, WARN, FAIL = "pass", "warn", "fail"


@dataclass(frozen=True)
class CheckItem:
    key: str
    label: str
    status: str  # "pass" | "warn" | "fail"
    points: int
    max_points: int
    why: str


@dataclass
class SeoScore:
    score: int
    items: list[CheckItem] = field(default_factory=list)

    @property
    def failed(self) -> list[CheckItem]:
        return [item for item in self.items if item.status == FAIL]

    @property
    def warned(self) -> list[CheckItem]:
        return [item for item in self.items if item.status == WARN]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class _Caption:
    """Everything the checks ask about a caption, computed once."""

    caption: str
    folded: str  # the caption case-folded (seo.text.caption.fold)
    hook: str
    on_screen_text: str
    hook_is_first_line: bool
    first_line: str
    tags: list[str]  # normalised, deduplicated, caption tags first
    inline_tags: list[str]  # as written in the caption, repeats kept
    duplicate_tags: list[str]
    language: str
    keywords: list[str]
    # The keywords trending posts back (None: every keyword counts, e.g. the creator's own).
    trending: list[str] | None
    full_length: int
    prose: str  # the folded caption without hashtags, mentions and links
    prose_words: list[str]
    hook_index: ct.TextIndex
    first_line_index: ct.TextIndex
    everything_index: ct.TextIndex
    caption_index: ct.TextIndex


class _Check:
    """Makes one checklist item's result: pass earns all points, warn half, fail none."""

    __slots__ = ("key", "label", "max_points")

    def __init__(self, key: str, label: str, max_points: int) -> None:
        self.key, self.label, self.max_points = key, label, max_points

    def __call__(self, status: str, why: str, points: int | None = None) -> CheckItem:
        if points is None:
            points = self.max_points if status == PASS else self.max_points // 2 if status == WARN else 0
        return CheckItem(self.key, self.label, status, points, self.max_points, why)


def _quote(terms: Iterable[str]) -> str:
    return ", ".join(f"“{term}”" for term in terms)


# A caption with words but no topic ("POV: x") fails the keyword checks: it gives search nothing.
_NO_TOPIC = "Your caption names no topic: say what the video is about, the way viewers would search it."


def _no_keyword(c: _Caption, item: _Check) -> CheckItem:
    if c.prose_words:
        return item(FAIL, _NO_TOPIC)
    return item(WARN, "No keyword to check: add a topic or keywords first.")


def _check_keyword_hook(c: _Caption) -> CheckItem:
    item = _Check("keyword_hook", "Main keyword in the hook", 10)
    if not c.keywords:
        return _no_keyword(c, item)
    main = c.keywords[0]
    if c.hook_is_first_line and not c.on_screen_text:
        return item(
            WARN, f"No spoken hook or on-screen text given: say or show “{main}” in the first 3 seconds."
        )
    if c.hook_index.contains(main):
        return item(PASS, f"The hook says or shows “{main}”, so viewers and search know at once.")
    return item(FAIL, f"Say or show “{main}” in the first 3 seconds (hook or on-screen text).")


def _check_keyword_first_line(c: _Caption) -> CheckItem:
    item = _Check("keyword_first_line", "Main keyword in the first line", 10)
    if not c.keywords:
        return _no_keyword(c, item)
    main = c.keywords[0]
    if c.first_line_index.contains(main):
        return item(PASS, f"“{main}” is in the first line, before the feed cuts it off.")
    if c.caption_index.contains(main):
        return item(
            WARN, f"“{main}” appears only later: move it into the first {FIRST_LINE_CHARS} characters."
        )
    return item(FAIL, f"The caption never says “{main}”: put it in the first line.")


def _check_keyword_coverage(c: _Caption) -> CheckItem:
    item = _Check("keyword_coverage", "Trending keywords used", 15)
    top = (c.keywords if c.trending is None else c.trending)[:TOP_TERMS]
    if not top and c.trending is not None and c.keywords:  # a new topic, or no topic at all
        why = f"No trending post uses the words of your topic, so nothing shows that people search “{c.keywords[0]}”"
        return item(FAIL, f"{why}: name the topic the way viewers would search it.")
    if not top and not c.keywords:
        return _no_keyword(c, item)
    if not top:
        return item(WARN, "No trending terms to compare with: add a topic or keywords.")
    used = [term for term in top if c.everything_index.contains(term)]
    missing = [term for term in top if term not in used]
    target = min(COVERAGE_TARGET, len(top))
    points = round(item.max_points * min(1.0, len(used) / target))
    if len(used) >= target:
        return item(PASS, f"Uses {len(used)} of the top {len(top)} trending terms.", points)
    status = WARN if used else FAIL
    return item(
        status,
        f"Uses {len(used)} of the top {len(top)} trending terms; work in {_quote(missing[: target - len(used)])}.",
        points,
    )


def _check_hashtag_count(c: _Caption) -> CheckItem:
    item = _Check("hashtag_count", "Number of hashtags", 10)
    count = len(c.tags)
    if count in IDEAL_HASHTAGS:
        return item(PASS, f"{count} hashtags: within the ideal 3 to 5.")
    if count > MAX_HASHTAGS:
        return item(FAIL, f"{count} hashtags: TikTok allows at most {MAX_HASHTAGS}; keep 3 to 5.")
    if count == 0:
        return item(FAIL, "No hashtags: add 3 to 5 so TikTok knows who to show the video to.")
    return item(WARN, f"Only {count} hashtag{'s' if count > 1 else ''}: 3 to 5 reach further.")


def _check_hashtag_mix(c: _Caption, tiers: Mapping[str, str] | None) -> CheckItem:
    item = _Check("hashtag_mix", "Broad and niche hashtags", 5)
    if not c.tags:
        return item(FAIL, "No hashtags to mix: combine one broad tag with niche ones.")
    if tiers is None:
        return item(WARN, "Tag popularity was not looked up, so the mix is unknown.")
    # A tag no trending post carries can only be niche.
    kinds = Counter(tiers.get(tag, "niche") for tag in c.tags)
    if len(kinds) >= 2:
        mix = ", ".join(f"{n} {tier}" for tier, n in sorted(kinds.items()))
        return item(PASS, f"A mix of reach and focus: {mix}.")
    only = next(iter(kinds))
    advice = (
        "add a niche tag to rank where there is less competition"
        if only == "broad"
        else "add a broader tag for reach"
    )
    return item(WARN, f"All tags are {only}: {advice}.")


def _check_hashtag_hygiene(c: _Caption, blocked: Collection[str]) -> CheckItem:
    item = _Check("hashtag_hygiene", "No blocked or duplicate hashtags", 10)
    banned = [tag for tag in c.tags if tag in blocked]
    if banned:
        names = ", ".join(f"#{tag}" for tag in banned)
        return item(FAIL, f"Remove {names}: blocked tags can hide the video.")
    if c.duplicate_tags:
        names = ", ".join(f"#{tag}" for tag in c.duplicate_tags)
        return item(WARN, f"{names} appears more than once: each tag counts once.")
    return item(PASS, "No blocked or repeated tags.")


def _check_caption_length(c: _Caption) -> CheckItem:
    item = _Check("caption_length", "Caption length", 10)
    length = c.full_length
    if length > APP_CAPTION_LIMIT:
        why = f"{length:,} characters: over the ~{APP_CAPTION_LIMIT:,} the TikTok app accepts; shorten it."
        return item(FAIL, why)
    if length > API_CAPTION_LIMIT:
        why = f"{length:,} characters: over the {API_CAPTION_LIMIT:,} scheduling tools can post; fine only in the app."
        return item(WARN, why)
    if not c.caption.strip():
        return item(FAIL, "The caption is empty.")
    if length < SHORT_CAPTION:
        return item(WARN, f"{length} characters: a sentence more gives search something to match.")
    return item(PASS, f"{length:,} characters: within TikTok's limits.")


def _check_call_to_action(c: _Caption) -> CheckItem:
    item = _Check("call_to_action", "Call to action", 10)
    kinds = ct.calls_to_action(f"{c.folded}\n{ct.fold(c.hook)}\n{ct.fold(c.on_screen_text)}", folded=True)
    if kinds:
        return item(PASS, f"Invites {' and '.join(kinds)}, which tell TikTok the video is worth it.")
    if "?" in c.prose:
        return item(WARN, "A question invites comments; also ask viewers to save or share.")
    return item(FAIL, "Ask for comments, saves or shares (e.g. “Save this for later” or “Kommenter under”).")


def _check_hook_length(c: _Caption) -> CheckItem:
    item = _Check("hook_length", "Hook lands in 3 seconds", 10)
    source = "first line" if c.hook_is_first_line else "hook"
    count = len(ct.words(ct.plain_text(c.hook)))
    if count == 0:
        return item(FAIL, "No hook: open with one short line that makes people stay.")
    if count <= HOOK_WORDS_PASS:
        return item(PASS, f"The {source} has {count} words: it lands within 3 seconds.")
    if count <= HOOK_WORDS_WARN:
        why = f"The {source} has {count} words: cut to {HOOK_WORDS_PASS} or fewer to land in 3 seconds."
        return item(WARN, why)
    why = f"The {source} has {count} words: viewers scroll on before it ends; keep it to {HOOK_WORDS_PASS}."
    return item(FAIL, why)


def _check_readability(c: _Caption) -> CheckItem:
    item = _Check("readability", "Easy to read", 5)
    if ct.is_unspaced(c.language):
        return item(PASS, "Readability is measured on space-separated scripts only.")
    score = ct.lix(c.prose, c.prose_words)
    if score is None:
        return item(PASS, "Short enough to read at a glance.")
    if score <= LIX_PASS:
        return item(PASS, f"Short sentences and plain words (LIX {score:.0f}).")
    if score <= LIX_WARN:
        return item(WARN, f"Fairly dense (LIX {score:.0f}): split long sentences.")
    return item(FAIL, f"Hard to read on a phone (LIX {score:.0f}): shorter sentences, simpler words.")


def _check_stuffing(c: _Caption) -> CheckItem:
    item = _Check("stuffing", "No emoji, hashtag or keyword stuffing", 5)
    prose_words = c.prose_words
    emoji = ct.count_emoji(c.caption)
    inline_tags = len(c.inline_tags)
    stop = ct.stopwords_for(c.language)
    repeats = Counter(word for word in prose_words if len(word) > 2 and word not in stop)
    repeated = [word for word, n in repeats.most_common(3) if n >= REPEAT_WARN]
    problems: list[tuple[str, str]] = []
    if emoji > EMOJI_FAIL or (emoji > 3 and emoji > len(prose_words)):
        problems.append((FAIL, f"{emoji} emoji crowd out the words"))
    elif emoji > EMOJI_WARN:
        problems.append((WARN, f"{emoji} emoji: a few go a long way"))
    if inline_tags > MAX_HASHTAGS and inline_tags > len(prose_words):
        problems.append((FAIL, f"{inline_tags} hashtags outnumber the words"))
    if repeated:
        problems.append(
            (WARN, f"{_quote(repeated)} repeated {repeats[repeated[0]]} times reads as keyword stuffing")
        )
    if not problems:
        return item(PASS, "Emoji, hashtags and keywords are used in moderation.")
    status = FAIL if any(status == FAIL for status, _ in problems) else WARN
    why = "; ".join(text for _, text in problems)
    return item(status, why[0].upper() + why[1:] + ".")


def _tags_and_duplicates(inline: list[str], hashtags: Iterable[str]) -> tuple[list[str], list[str]]:
    """The post's tags (caption first, then chosen ones) and tags repeated within one source.

    A tag both written in the caption and chosen in the tag list counts once: the
    editor passes both, and the posted caption carries it once.
    """
    chosen = [tag for tag in (normalize_hashtag(raw) for raw in hashtags) if tag]
    duplicates = [
        tag
        for source in (inline, chosen)
        if len(set(source)) < len(source)  # most captions repeat nothing: skip counting
        for tag, n in Counter(source).items()
        if n > 1
    ]
    return list(dict.fromkeys([*inline, *chosen])), list(dict.fromkeys(duplicates))


def _terms(keywords: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(t for t in (" ".join(ct.keyword_parts(k)) for k in keywords) if t))


def _prepare(
    *,
    caption: str,
    hook: str,
    on_screen_text: str,
    hashtags: Iterable[str],
    keywords: Iterable[str],
    language: str,
    trending: Iterable[str] | None = None,
) -> _Caption:
    caption = caption or ""
    inline = hashtags_in_caption(caption)
    tags, duplicates = _tags_and_duplicates(inline, hashtags)
    opening = ct.first_line(caption)[:FIRST_LINE_CHARS]
    spoken = (hook or "").strip()
    screen = (on_screen_text or "").strip()
    folded = ct.fold(caption)  # case-folded once; the checks below all read it
    prose = ct.plain_text(folded)
    caption_index = ct.TextIndex(folded, folded=True)
    return _Caption(
        caption=caption,
        folded=folded,
        hook=spoken or ct.plain_text(opening).strip(),
        on_screen_text=screen,
        hook_is_first_line=not spoken,
        first_line=opening,
        tags=tags,
        inline_tags=inline,
        duplicate_tags=duplicates,
        language=(language or "").lower().replace("_", "-").split("-")[0],  # "nb-NO" -> "nb"
        keywords=_terms(keywords),
        trending=None if trending is None else _terms(trending),
        full_length=len(ct.final_caption(caption, tags)),  # what is pasted: the chosen tags appended
        prose=prose,
        prose_words=ct.words(prose, folded=True),
        hook_index=ct.TextIndex(spoken, screen),
        first_line_index=ct.TextIndex(opening),
        everything_index=ct.TextIndex(spoken, screen, " ".join(tags), base=caption_index),
        caption_index=caption_index,
    )


def caption_score(
    *,
    caption: str,
    hook: str = "",
    on_screen_text: str = "",
    hashtags: Iterable[str] = (),
    keywords: Sequence[str] = (),
    language: str = "en",
    tiers: Mapping[str, str] | None = None,
    blocked: Collection[str] | None = None,
    trending: Sequence[str] | None = None,
) -> SeoScore:
    """Score a caption 0-100 with an explained checklist.

    keywords: trending terms, most important first (keywords[0] is the main keyword).
    hashtags: the tags chosen for the post, with or without '#'; tags written in the
      caption are merged in (a tag in both counts once).
    tiers: tag -> "broad" | "mid" | "niche" (seo.suggest.engine.tag_tiers); None when unknown.
    blocked: normalised blocked tags (seo.suggest.engine.blocked_tags()).
    trending: the keywords trending posts use (None: all count); coverage is judged on these only,
      so an idea's own words no post uses ("asdf qwer") earn nothing for being in the caption.
    """
    c = _prepare(
        caption=caption, hook=hook, on_screen_text=on_screen_text,
        hashtags=hashtags, keywords=keywords, language=language, trending=trending,
    )  # fmt: skip
    items = [
        _check_keyword_hook(c),
        _check_keyword_first_line(c),
        _check_keyword_coverage(c),
        _check_hashtag_count(c),
        _check_hashtag_mix(c, tiers),
        _check_hashtag_hygiene(c, blocked or ()),
        _check_caption_length(c),
        _check_call_to_action(c),
        _check_hook_length(c),
        _check_readability(c),
        _check_stuffing(c),
    ]
    return SeoScore(score=sum(item.points for item in items), items=items)
