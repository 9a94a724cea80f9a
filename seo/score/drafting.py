"""Three caption drafts for an idea, each through a different hook pattern that works in
the creator's trend corpus, each scored exactly like the creator's own caption.

A draft is: the pattern's hook filled from the idea's own subject phrase
(seo.text.subject.subject), the idea restated in the creator's words, one call to
action that fits the pattern, then the hashtags (which patterns fit an idea, and the
hook filled from it: seo.score.hook_fit). Patterns come from the serving
index (seo.score.patterns): mined ones by lift, then seeds that say they are seeds.
English and bokmål have written frames; other languages use label shapes mined
from their own posts ("Receta: …") or the creator's own sentence, never an English
frame. A draft adds no word that is not in the idea, an accepted keyword or the
pattern. Deterministic: the same input gives the same drafts.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from seo.score.checklist import MAX_HASHTAGS, SeoScore
from seo.score.hook_fit import Idea, capitalised, hook_fill, repeats_across
from seo.score.inputs import caption_score_for
from seo.score.patterns import Pattern, patterns_for
from seo.suggest.main_keyword import main_keyword
from seo.text import caption as ct
from seo.text.filler import is_filler
from seo.text.frames import WRITTEN_LANGUAGES
from seo.text.hashtags import normalize_hashtag
from seo.text.idea_language import idea_language
from seo.text.subject import clean_text, subject

DRAFTS = 3
BODY_CHARS = 220
# What each frame does for the viewer, as the editor and the draft command name it.
_KINDS = {
    "pov": "story", "wait": "story", "vent": "story",
    "mistakes": "list", "feil": "list", "save_this": "list", "lagre": "list",
    "easiest": "tutorial", "how_to": "tutorial", "this_is_how": "tutorial", "enkleste": "tutorial",
    "slik": "tutorial",
    "nobody": "curiosity", "ingen": "curiosity", "stop": "curiosity", "slutt": "curiosity",
    "if_you": "curiosity", "when_you": "story", "this_is": "reveal", "i_love": "opinion",
    "tried": "test", "testet": "test", "rating": "review", "worth_it": "review", "verdt": "review",
}  # fmt: skip


@dataclass
class CaptionDraft:
    kind: str  # story, list, tutorial, curiosity, test, review, label, own
    pattern: Pattern
    hook: str  # what is said in the first 3 seconds (the creator's hook when given)
    text: str  # the whole caption, hashtags last
    hashtags: list[str]
    score: SeoScore
    cta: Pattern | None = None
    language: str = ""

    @property
    def style(self) -> str:
        return self.pattern.title

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "pattern": self.pattern.evidence(),
            "hook": self.hook,
            "caption": self.text,
            "hashtags": list(self.hashtags),
            "score": self.score.score,
        }


def draft_language(idea: str, given: str | None = "") -> str:
    """The language to write in: the creator's choice, else seo.text.idea_language's reading."""
    return idea_language(idea, given or "")


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        return ""
    text = capitalised(text)
    return text if text[-1] in ".!?…" else f"{text}."


_SENTENCE = re.compile(r"[^.!?…]+[.!?…]*")


def _without_calls_to_action(text: str) -> str:
    """`text` without its sentences made only of call-to-action and filler words ("Lagre denne
    til helgen!"): each draft ends on one call to action of its own, never two."""
    kept = [
        part.strip()
        for part in _SENTENCE.findall(text)
        if part.strip() and not all(is_filler(w) for w in re.findall(r"[^\W\d_]+", part))
    ]
    return " ".join(kept) if kept else text


def _body(idea: str) -> str:
    """The idea in the creator's words: its first sentences, cut at a word, hashtags and its
    own calls to action removed."""
    cleaned = _without_calls_to_action(clean_text(idea))
    if len(cleaned) > BODY_CHARS:
        cut = cleaned[:BODY_CHARS]
        end = max(cut.rfind(". "), cut.rfind("! "), cut.rfind("? "))
        cleaned = cut[: end + 1] if end > 40 else cut.rsplit(" ", 1)[0]
    return _sentence(cleaned)


def _after(body: str, line: str) -> str:
    """The body without what the hook line already said ("Hook. Rest." -> "Rest.")."""
    said = line.rstrip(".!?…").casefold()
    if said and body.casefold().startswith(said):
        return _sentence(body[len(said) :].lstrip(" .,:;!?…"))
    return body


def _own_patterns(idea: Idea, language: str, niche: str) -> list[Pattern]:
    """Label shapes mined from the language's own posts, then the creator's own sentence."""
    mined = (
        [p for p in patterns_for(language=language, kind="hook", niche=niche) if p.template]
        if language
        else []
    )
    own = Pattern(
        name="own", kind="hook", language=language, niche="", template="{sentence}", slot="sentence", cta=(),
        title="Your own words", posts=0, lift=None, example="", source="own",
    )  # fmt: skip
    keyword_first = Pattern(
        name="own-keyword", kind="hook", language=language, niche="", template="{keyword}", slot="keyword",
        cta=(), title="Your main keyword first", posts=0, lift=None, example="", source="own",
    )  # fmt: skip
    later_clause = Pattern(
        name="own-later", kind="hook", language=language, niche="", template="{later}", slot="later", cta=(),
        title="Your second thought first", posts=0, lift=None, example="", source="own",
    )  # fmt: skip
    return [*mined, own, keyword_first, later_clause]


def _pick_cta(hook: Pattern, ctas: list[Pattern], used: set[str]) -> Pattern | None:
    fitting = [c for c in ctas if set(c.cta) & set(hook.cta)]
    for choice in (*fitting, *ctas):
        if choice.name not in used:
            return choice
    return fitting[0] if fitting else (ctas[0] if ctas else None)


def _tags(hashtags: Iterable[str], blocked: Collection[str]) -> list[str]:
    tags = [tag for tag in (normalize_hashtag(raw) for raw in hashtags) if tag and tag not in blocked]
    return list(dict.fromkeys(tags))[:MAX_HASHTAGS]


def draft_score(
    *, caption: str, hook: str, hashtags: Sequence[str], language: str, niche: str | None = None
) -> SeoScore:
    """The draft's score, computed exactly as `manage.py score` and the API score its text.

    Passing the language changes nothing when detection on the draft finds it (the
    engine is asked in that language either way), and is right when it does not: so a
    caller scoring the same caption, hook and hashtags gets this number with or
    without the language.
    """
    score, _ = caption_score_for(
        caption=caption, hook=hook, hashtags=list(hashtags), language=language or None, niche=niche
    )
    return score


def caption_drafts(
    *,
    topic: str,
    hook: str = "",
    keywords: Sequence[str] = (),
    hashtags: Iterable[str] = (),
    language: str = "",
    niche: str = "",
    count: int = DRAFTS,
    blocked: Collection[str] | None = None,
    score_niche: str | None = None,
    prefer: str = "",
) -> list[CaptionDraft]:
    """Up to `count` drafts, each through a different pattern; [] when the idea names nothing
    (no main keyword, no hook, no accepted keyword).

    `language` is the creator's choice ("" to detect from the idea); `keywords` are
    accepted keywords, used when the idea lacks them; blocked tags are left out.
    `score_niche` is the niche the score asks the engine about (the editor's), None
    for a draft scored on its text alone (`manage.py draft`, like `manage.py score`).
    """
    topic = " ".join((topic or "").split())
    hook = " ".join((hook or "").split())
    if not clean_text(topic) and not hook:
        return []
    language = draft_language(topic or hook, language)
    if not hook and not keywords and main_keyword(topic, language=language or None) is None:
        return []  # "x", "🔥": a frame around nothing ("3 mistakes everyone makes with their x")
    idea = Idea(subject=subject(topic or hook, language), body=_body(topic or hook), language=language)
    tags = _tags(hashtags, blocked or ())
    written = language in WRITTEN_LANGUAGES
    hooks = patterns_for(language=language, kind="hook", niche=niche) if written else []
    # A frame the corpus measured below its median (lift < 1) drafts only after the untested
    # seed frames: the evidence says it does worse (stable sort: the order is otherwise kept).
    hooks = sorted(hooks, key=lambda p: p.lift is not None and p.lift < 1.0)
    if idea.subject.verb_phrase:  # "how to ..." ideas read best through a how-to frame that works
        hooks = sorted(hooks, key=lambda p: not (p.slot == "vp" and (p.is_seed or (p.lift or 0) >= 1)))
    hooks = [*hooks, *_own_patterns(idea, "" if written else language, niche)]
    if prefer:  # the creator picked this pattern on the Hooks page: it drafts first when it fits
        hooks = sorted(hooks, key=lambda p: p.name != prefer)
    ctas = patterns_for(language=language, kind="cta", niche=niche) if written else []
    extra = [k for k in keywords if k and not ct.TextIndex(topic, hook).contains(k)][:2]
    drafts: list[CaptionDraft] = []
    openings: set[str] = set()
    used_ctas: set[str] = set()
    for pattern in hooks:
        if len(drafts) >= max(0, min(count, DRAFTS)):
            break
        line = hook_fill(pattern, idea)
        opening = " ".join(ct.words(line or "")[:2])
        if not line or opening in openings:
            continue
        cta = _pick_cta(pattern, ctas, used_ctas)
        lines = [line]
        said = idea.subject.sentence if idea.subject.sentence.casefold() in line.casefold() else line
        body = _after(idea.body, said)
        if body and not ct.TextIndex(line).contains(body.rstrip(".!?…")):
            # "… hvis du elsker fjelltur / Fjelltur i …" reads as a stutter: that pattern waits.
            if repeats_across(line, body):
                continue
            lines.append(body)
        if extra:
            lines.append(_sentence(", ".join(extra)))
        if cta:
            lines.append(cta.template)
            used_ctas.add(cta.name)
        text = "\n".join(lines) + ("\n\n" + " ".join(f"#{tag}" for tag in tags) if tags else "")
        spoken = hook or line
        drafts.append(
            CaptionDraft(
                kind=_KINDS.get(pattern.name, "label" if pattern.source == "mined" else "own"),
                pattern=pattern,
                hook=spoken,
                text=text,
                hashtags=tags,
                score=draft_score(
                    caption=text, hook=spoken, hashtags=tags, language=language, niche=score_niche
                ),
                cta=cta,
                language=language,
            )
        )
        openings.add(opening)
    return drafts
