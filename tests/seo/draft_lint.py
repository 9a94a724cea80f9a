"""What every draft must be, checked the way a reader would: used by the drafting tests."""

from __future__ import annotations

import re
from itertools import pairwise

from seo.score.determiners import FRAME_DETERMINERS
from seo.score.drafting import CaptionDraft, draft_language
from seo.text import caption as ct
from seo.text.frames import FRAMES, frame_slot

_TAG_LINE = re.compile(r"(?:^|\s)#\S+")
_DANGLING = re.compile(
    r"\b(?:a|an|the|en|et|ei|of|with|for|med|til|om)\s*(?:[.!?:,]|$)", re.IGNORECASE | re.M
)
PATTERN_WORDS = frozenset(
    w for frame in FRAMES for w in ct.words(frame.template.format(np="", vp="", sentence=""))
) | {"an", *(w for w in FRAME_DETERMINERS.values() if w)}  # "I tried this morning routine"


# "3 mistakes", "Five mistakes", "3 easy high-protein breakfast ideas", "Tre feil": a list's opening.
_LIST_OPENING = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|tre|fire|fem|seks|sju|syv|åtte|ti)"
    r"\s+(?:[\w-]+\s+){0,3}(?:mistakes|ways|tips|things|ideas|hacks|reasons|steps|feil|måter|ting|ideer|triks)\b",
    re.IGNORECASE,
)
# A frame's slot never opens with a pronoun or a conjunction ("... med de lader elbil").
_CLAUSE_OPENING = re.compile(
    r"^(?:i|you|we|they|he|she|jeg|du|vi|de|han|hun|man|when|if|while|because|that|and|når|hvis|mens|"
    r"fordi|som|og)\b",
    re.IGNORECASE,
)


def hook_problems(draft: CaptionDraft) -> list[str]:
    """What is wrong with a drafted hook line itself, read as the first 3 seconds."""
    found = []
    hook = draft.hook
    if len(_LIST_OPENING.findall(hook)) > 1:
        found.append(f"a list frame around a list: {hook!r}")
    # A noun-phrase slot only: "POV: du glemte ..." is how a sentence slot is meant to read.
    slot = frame_slot(hook) if draft.pattern.slot == "np" else None
    if slot and _CLAUSE_OPENING.match(slot):
        found.append(f"a frame around a clause: {hook!r}")
    if re.search(r"\bde (?:lader|gjør|bruker|kjører)\b", hook, re.IGNORECASE):
        found.append(f"a clause fragment: {hook!r}")
    return found


def prose(draft: CaptionDraft) -> str:
    return ct.plain_text(draft.text).strip()


def problems(draft: CaptionDraft, *, idea: str, language: str, keywords: tuple[str, ...] = ()) -> list[str]:
    found = []
    text = prose(draft)
    words = ct.words(text)
    if any(a == b for a, b in pairwise(words)):
        found.append("a doubled word")
    if re.search(r"\b(?:all about|alt om)\b", text, re.IGNORECASE):
        found.append("an 'All about' filler line")
    if _DANGLING.search(text):
        found.append(f"a dangling article or preposition: {_DANGLING.search(text).group(0)!r}")
    if len(ct.words(draft.hook)) > 10:
        found.append("a hook over 10 words")
    allowed = set(ct.words(idea)) | PATTERN_WORDS | {w for k in keywords for w in ct.words(k)}
    strangers = sorted(set(words) - allowed)
    if strangers:
        found.append(f"words from nowhere: {strangers}")
    if draft_language(text) != language:
        found.append(f"reads as {draft_language(text)!r}, not {language!r}")
    return found


def openings(drafts: list[CaptionDraft]) -> set[str]:
    return {" ".join(ct.words(d.text)[:2]) for d in drafts}
