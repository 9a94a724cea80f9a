"""Three caption drafts for an idea, each through a different hook pattern that works in
the creator's trend corpus, each scored exactly like the creator's own caption.

A draft is: the pattern's hook filled from the idea's own subject phrase
(seo.text.subject.subject), the idea restated in the creator's words, one call to
action that fits the pattern, then the hashtags. Patterns come from the serving
index (seo.score.patterns): mined ones by lift, then seeds that say they are seeds.
English and bokmål have written frames; other languages use label shapes mined
from their own posts ("Receta: …") or the creator's own sentence, never an English
frame. A draft adds no word that is not in the idea, an accepted keyword or the
pattern. Deterministic: the same input gives the same drafts.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from seo.score.checklist import MAX_HASHTAGS, SeoScore
from seo.score.inputs import caption_score_for
from seo.score.patterns import Pattern, patterns_for
from seo.suggest.main_keyword import main_keyword
from seo.text import caption as ct
from seo.text.filler import is_filler
from seo.text.frames import WRITTEN_LANGUAGES
from seo.text.hashtags import normalize_hashtag
from seo.text.idea_language import idea_language
from seo.text.subject import Subject, clean_text, starts_a_sentence_only, subject, topic_phrase

DRAFTS = 3
HOOK_WORDS = 10  # the score's 3-second rule: a drafted hook never breaks it
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
_LIKED_FRAMES = frozenset({"if_you", "i_love"})
# Things nobody loves: "I love debt, and here is why" reads as a joke the creator did not make.
_UNLOVED = frozenset(
    [
        "debt",
        "loan",
        "loans",
        "bills",
        "taxes",
        "acne",
        "pimples",
        "pain",
        "anxiety",
        "stress",
        "burnout",
        "breakup",
        "divorce",
        "grief",
        "mistakes",
        "gjeld",
        "lån",
        "regninger",
        "skatt",
        "kviser",
        "smerte",
        "angst",
        "stress",
        "utbrenthet",
        "brudd",
        "sorg",
        "feil",
    ]
)
_LIST_FRAMES = frozenset({"mistakes", "feil"})
# Frames that speak about the viewer's or everyone's thing: not "3 mistakes everyone makes
# with my student loan", "Stop scrolling if you care about my student loan".
_AUDIENCE_FRAMES = frozenset({"mistakes", "feil", "stop", "slutt", "if_you"})
_FIRST_PERSON = frozenset(["my", "our", "min", "mitt", "mine", "vår", "vårt", "våre"])


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A noun-phrase slot never takes a clause: "3 feil alle gjør med de lader elbil".
_CLAUSE_OPENERS = _words(
    """i you we they he she it jeg du vi han hun man when if while because that and or
    når hvis mens fordi som og eller"""
)
_TRIAL_FRAMES = frozenset({"tried", "testet", "rating", "worth_it", "verdt", "when_you", "this_is"})
_POSSESSIVE_OR_INDEFINITE = frozenset(
    [
        "my",
        "our",
        "your",
        "his",
        "her",
        "their",
        "a",
        "an",
        "min",
        "mitt",
        "mine",
        "vår",
        "våre",
        "din",
        "ditt",
        "dine",
        "en",
        "et",
        "ei",
    ]
)
_QUESTION_WORDS = frozenset(
    [
        "how",
        "why",
        "what",
        "when",
        "which",
        "who",
        "hvordan",
        "hvorfor",
        "hva",
        "når",
        "hvilken",
        "hvem",
        "slik",
    ]
)
_ENGLISH_HINTS = frozenset(
    [
        "the",
        "a",
        "an",
        "to",
        "how",
        "my",
        "your",
        "for",
        "with",
        "of",
        "and",
        "on",
        "in",
        "is",
        "it",
        "this",
        "why",
        "what",
        "i",
        "you",
    ]
)
_NORWEGIAN_HINTS = frozenset(
    [
        "og",
        "på",
        "med",
        "til",
        "av",
        "jeg",
        "du",
        "min",
        "mitt",
        "mine",
        "det",
        "er",
        "hvordan",
        "slik",
        "hva",
        "ikke",
        "som",
    ]
)
_WORD = re.compile(r"[^\W_]+(?:[-'\u2019][^\W_]+)*")


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


@dataclass
class _Idea:
    subject: Subject
    body: str
    words: frozenset[str] = field(default_factory=frozenset)


def draft_language(idea: str, given: str | None = "") -> str:
    """The language to write in: the creator's choice, else seo.text.idea_language's reading."""
    return idea_language(idea, given or "")


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        return ""
    text = text[0].upper() + text[1:]
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


_CONJUNCTION = re.compile(r",\s+|\s+(?:and|but|og|men)\s+", re.IGNORECASE)


def _first_part(sentence: str) -> str:
    """The sentence up to its first conjunction or comma ("Why my sourdough starter keeps dying
    and how I fixed it" -> "Why my sourdough starter keeps dying"), for a hook that must be
    short; "" when that part is under three words."""
    first = _CONJUNCTION.split(sentence, maxsplit=1)[0].strip()
    return first if first != sentence and len(first.split()) >= 3 else ""


def _lower_start(text: str) -> str:
    return text[:1].lower() + text[1:] if starts_a_sentence_only(text.split()) else text


def _doubled(text: str) -> bool:
    """A word twice in a row, or a content word twice in one line ("budget and budget")."""
    words = [w.casefold() for w in _WORD.findall(text)]
    if any(a == b for a, b in pairwise(words)):
        return True
    content = [w for w in words if len(w) > 3]
    return len(set(content)) < len(content)


def _repeats_across(first: str, second: str) -> bool:
    last = (_WORD.findall(first) or [""])[-1].casefold()
    return bool(last) and last == (_WORD.findall(second) or [""])[0].casefold()


def _fits(pattern: Pattern, idea: _Idea) -> bool:
    """Frames that read wrong around some ideas: "I tried my cat", "POV: how to ..."."""
    first = (idea.subject.phrase.split() or [""])[0].casefold()
    kind = idea.subject.kind
    if pattern.slot == "np" and first in _CLAUSE_OPENERS:
        return False
    if kind == "list" and (pattern.name in _LIST_FRAMES or pattern.name in _TRIAL_FRAMES):
        return False  # "3 mistakes everyone makes with 3 easy ... ideas", "I tried five mistakes ..."
    if first in _FIRST_PERSON and (
        pattern.name in _AUDIENCE_FRAMES or (kind == "clause" and pattern.name in _LIKED_FRAMES)
    ):
        return False  # "I love my student loan" for "How I paid off my student loan"
    if kind == "clause" and pattern.name in _TRIAL_FRAMES:
        return False  # "How I paid off my debt" is a story, not a thing to try or rate
    if pattern.name in _LIKED_FRAMES and first in ("a", "an", "en", "et", "ei"):
        return False  # "I love a blazer"
    named = f"{idea.subject.head} {topic_phrase(idea.subject)}".casefold().split()
    if pattern.name in _LIKED_FRAMES and _UNLOVED.intersection(named):
        return False  # "If you love debt"
    if pattern.name == "when_you" and first.endswith("ing"):
        return False  # "When you finally get packing carry-on only right"
    if pattern.name in _TRIAL_FRAMES:  # things one tries or rates: not "my cat", "Jon Stewart", "3 months"
        phrase = idea.subject.phrase
        return (
            not idea.subject.verb_phrase  # "Jeg testet penger": the idea is the doing, not the object
            and first not in _POSSESSIVE_OR_INDEFINITE
            and not re.search(r"\d", phrase)
            and not any(word[:1].isupper() for word in phrase.split())
        )
    if pattern.slot == "sentence" and pattern.source != "own":
        opening = (idea.subject.sentence.split() or [""])[0].casefold()
        # "POV: five mistakes almost everyone makes ...": a list idea is already its own hook
        return opening not in _QUESTION_WORDS and not opening.isdigit() and kind != "list"
    return True


def _fill(pattern: Pattern, idea: _Idea) -> str | None:
    """The pattern's hook for this idea, or None when the idea cannot fill it well."""
    if not _fits(pattern, idea):
        return None
    # After the slot the frame goes on ("... for 30 days"): the short head reads better there.
    # "3 mistakes ... after 3 months": a frame with its own number takes the phrase without one.
    tail = not pattern.template.rstrip(".!?:").endswith("}") or (
        bool(re.search(r"\d", pattern.template)) and bool(re.search(r"\d", idea.subject.phrase))
    )
    head = topic_phrase(idea.subject) or idea.subject.head
    phrase = (
        idea.subject.phrase
        if idea.subject.phrase.startswith(idea.subject.head) and head == idea.subject.head
        else head
    )
    phrases = [head, phrase] if tail else [phrase, head]
    # Only the pattern's own slot is read (the keyword slot costs a main-keyword lookup).
    options = {
        "np": lambda: phrases,
        "vp": lambda: [idea.subject.verb_phrase],
        "sentence": lambda: [
            _lower_start(text) if pattern.name != "own" else text
            for text in (idea.subject.sentence, _first_part(idea.subject.sentence))
        ],
        # Languages without written frames: the idea's own words, opened three ways.
        "keyword": lambda: _keyword_lines(idea),
        "later": lambda: [_later_clause(idea.body)],
    }.get(pattern.slot, list)()
    for value in dict.fromkeys(v for v in options if v):
        hook = pattern.template.replace("{" + pattern.slot + "}", value)
        hook = hook[:1].upper() + hook[1:]
        if len(ct.words(hook)) <= HOOK_WORDS and not _doubled(hook):
            return hook
    return None


def _keyword_lines(idea: _Idea) -> list[str]:
    """The main keyword as a hook, or, when it only modifies the subject's head ("high-protein"
    in "high-protein breakfast"), the subject phrase from the keyword on."""
    keyword = main_keyword(idea.subject.sentence) or ""
    phrase = idea.subject.phrase.split()
    head = idea.subject.head.split()
    wanted = keyword.split()
    if not wanted:
        return []
    folded = [w.casefold() for w in phrase]
    for at in range(len(phrase) - len(wanted) + 1):
        if folded[at : at + len(wanted)] == wanted:
            if at + len(wanted) >= len(head):  # the keyword ends the head: it names the thing
                return [keyword]
            return [" ".join(phrase[at:]), " ".join(head[at:])]
    return [keyword]


def _after(body: str, line: str) -> str:
    """The body without what the hook line already said ("Hook. Rest." -> "Rest.")."""
    said = line.rstrip(".!?…").casefold()
    if said and body.casefold().startswith(said):
        return _sentence(body[len(said) :].lstrip(" .,:;!?…"))
    return body


def _later_clause(body: str) -> str:
    """The idea's second sentence or clause, when it has one."""
    parts = [p.strip() for p in re.split(r"[.!?…;:,]", body) if p.strip()]
    return parts[1] if len(parts) > 1 and len(parts[1].split()) >= 2 else ""


def _own_patterns(idea: _Idea, language: str, niche: str) -> list[Pattern]:
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
    """Up to `count` drafts, each through a different pattern; [] when the idea names nothing.

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
    idea = _Idea(subject=subject(topic or hook, language), body=_body(topic or hook))
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
        line = _fill(pattern, idea)
        opening = " ".join(ct.words(line or "")[:2])
        if not line or opening in openings:
            continue
        cta = _pick_cta(pattern, ctas, used_ctas)
        lines = [line]
        said = idea.subject.sentence if idea.subject.sentence.casefold() in line.casefold() else line
        body = _after(idea.body, said)
        if body and not ct.TextIndex(line).contains(body.rstrip(".!?…")):
            # "… hvis du elsker fjelltur / Fjelltur i …" reads as a stutter: that pattern waits.
            if _repeats_across(line, body):
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
