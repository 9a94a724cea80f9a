"""Three finished caption drafts for an idea, each scored with seo.scoring.

Every draft follows what the score rewards: the hook is the first line, the main
keyword is within the first ~100 characters, a call to action invites comments,
saves or shares, and the hashtags (at most five) come last. The phrasing is English
or Norwegian bokmål; other languages get the English frame around the creator's
own words. Deterministic: the same input gives the same drafts.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from seo import caption_text as ct
from seo.scoring import MAX_HASHTAGS, SeoScore, caption_score
from seo.text import normalize_hashtag


@dataclass(frozen=True)
class _Style:
    name: str
    hook: str  # used when the creator gave no hook; {main} is the main keyword
    cta: str


@dataclass
class CaptionDraft:
    text: str
    score: SeoScore
    style: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_STYLES: dict[str, tuple[_Style, ...]] = {
    "en": (
        _Style("save-worthy", "{Main} the easy way", "Save this for later and share it with someone who needs it."),
        _Style("question", "Have you tried {main} like this?", "Which would you try first? Tell me in the comments 👇"),
        _Style("tips", "3 things I wish I knew about {main}", "Follow for part 2 and drop your best tip in the comments."),
    ),
    "nb": (
        _Style("save-worthy", "{Main} på den enkle måten", "Lagre denne til senere og del den med noen som trenger den."),
        _Style("question", "Har du prøvd {main} sånn her?", "Hva ville du prøvd først? Kommenter under 👇"),
        _Style("tips", "3 ting jeg skulle ønske jeg visste om {main}", "Følg for del 2 og skriv ditt beste tips i kommentarfeltet."),
    ),
}  # fmt: skip
_ALSO = {"en": ("All about {terms}.", " and "), "nb": ("Alt om {terms}.", " og ")}
_TOPIC_WORDS = 5  # without keywords, the main keyword is the topic's opening words


def _template_language(language: str) -> str:
    primary = (language or "").lower().replace("_", "-").split("-")[0]
    return "nb" if primary in ("nb", "nn", "no") else "en"


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?…" else f"{text}."


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _draft_tags(hashtags: Iterable[str], keywords: Sequence[str], blocked: Collection[str]) -> list[str]:
    """The creator's tags (normalised, unblocked, at most five); keyword tags when none were chosen."""
    tags = [tag for tag in (normalize_hashtag(raw) for raw in hashtags) if tag and tag not in blocked]
    if not tags:
        joined = (normalize_hashtag("".join(ct.keyword_parts(term))) for term in keywords)
        tags = [tag for tag in joined if tag and tag not in blocked]
    return list(dict.fromkeys(tags))[:MAX_HASHTAGS]


def _compose(
    *,
    style: _Style,
    language: str,
    hook: str,
    main: str,
    topic: str,
    extra_terms: Sequence[str],
    tags: list[str],
) -> str:
    first = hook or style.hook.format(main=main, Main=_capitalised(main))
    lines = [first]
    body = _sentence(topic)
    # The main keyword must be read before the feed cuts the caption off.
    if main and not ct.TextIndex(first).contains(main):
        body = f"{_capitalised(main)}: {body}" if body else _sentence(main)
    if body and not ct.TextIndex(first).contains(body.rstrip(".!?…")):
        lines.append(body)
    unused = [term for term in extra_terms if not ct.TextIndex(*lines).contains(term)]
    if unused:
        template, joiner = _ALSO[language]
        lines.append(template.format(terms=joiner.join(unused)))
    lines.append(style.cta)
    text = "\n".join(lines)
    if tags:
        text += "\n\n" + " ".join(f"#{tag}" for tag in tags)
    return text


def caption_drafts(
    *,
    topic: str,
    hook: str = "",
    keywords: Sequence[str] = (),
    hashtags: Iterable[str] = (),
    language: str = "en",
    count: int = 3,
    tiers: Mapping[str, str] | None = None,
    blocked: Collection[str] | None = None,
) -> list[CaptionDraft]:
    """Up to `count` (at most 3) distinct drafts, one per style, each with its score.

    Returns [] when there is nothing to write about (no topic, hook or keyword).
    `tiers` and `blocked` are passed on to the score; blocked tags are left out.
    """
    topic = " ".join((topic or "").split())
    hook = " ".join((hook or "").split())
    terms = [term for term in (" ".join(ct.keyword_parts(k)) for k in keywords) if term]
    main = terms[0] if terms else " ".join(topic.split()[:_TOPIC_WORDS])
    if not (main or hook):
        return []
    blocked = blocked or frozenset()
    tags = _draft_tags(hashtags, terms, blocked)
    template_language = _template_language(language)
    drafts = []
    for style in _STYLES[template_language][: max(0, min(count, 3))]:
        text = _compose(
            style=style, language=template_language, hook=hook, main=main,
            topic=topic, extra_terms=terms[1:3], tags=tags,
        )  # fmt: skip
        score = caption_score(
            caption=text, hook=hook or ct.first_line(text), hashtags=tags,
            keywords=terms or [main], language=language, tiers=tiers, blocked=blocked,
        )  # fmt: skip
        drafts.append(CaptionDraft(text=text, score=score, style=style.name))
    return drafts
