"""Text helpers the caption score and the drafts share: words, keyword matching,
calls to action (English and Norwegian), emoji, readability.

Kept apart from seo.score.checklist so that the checklist reads as a list of rules and the
regular expressions live in one place. Everything here is pure and fast: the score
must run at thousands of captions a second.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import stopwordsiso

from seo.text.hashtags import hashtags_in_caption, hashtags_removed

# A word: letters, digits and combining marks (Vietnamese tones stay inside words).
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_HAS_LETTER = re.compile(r"[^\W\d_]")
# A word with at least one letter: "10" and "2025" are not words, "10min" is.
# Linear on any input: a match may only start where a word does (the lookbehind), and the
# possessive quantifiers never give characters back, so a run of 100,000 digits is read once
# instead of once per starting position ("[^\W_]*[^\W\d_]" was quadratic on digit runs).
_LETTER_WORD = re.compile(r"(?<![^\W_])\d*+[^\W\d_][^\W_]*+(?:'[^\W_]+)*+")
_SENTENCE_END = re.compile(r"[.!?…]+|\n+")
_MENTION = re.compile(r"(?<![\w@])@[\w.]+")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# Pictographs, dingbats, symbols, flags and their joiners; a ZWJ sequence such as
# a family emoji counts once because the joiner and modifiers are not counted.
_EMOJI = re.compile(
    "[\U0001f1e6-\U0001f1ff]{2}|[\U0001f300-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2300-\u23ff\u3030\u303d]"
)


# Endings that still name the same thing: plural, definite (nb) and genitive forms.
_SUFFIXES = ("s", "es", "'s", "er", "en", "et", "ene", "a", "e", "r")
_MIN_STEM = 3

# Calls to action. Each pattern names what it invites, so the score can say so.
_CTA_PATTERNS: dict[str, re.Pattern[str]] = {
    "comments": re.compile(
        r"\b(?:comment\w*|let me know|tell me|tell us|drop (?:a|an|your)|which (?:one|would|do)|"
        r"what do you think|what would you|would you|who else|reply|answer below|"
        r"kommenter\w*|kommentarfelt\w*|skriv (?:i|en|hva|ned)|fortell (?:meg|oss)|si ifra|"
        r"hvilken (?:foretrekker|velger|er|av)|hva (?:synes|tenker|ville) (?:du|dere)|hvem andre|svar)\b"
    ),
    "saves": re.compile(
        r"\b(?:save (?:this|it|for|the|these|them)|bookmark|"
        r"lagre (?:denne|dette|den|videoen|til|for)|lagre)\b"
    ),
    "shares": re.compile(
        r"\b(?:share (?:this|it|with|to)|send (?:this|it|to)|tag (?:a|your|someone|somebody|\w+ who)|"
        r"del (?:denne|dette|den|videoen|med|gjerne)|send (?:denne|den|videoen|til)|tagg \w+)\b"
    ),
    "follows": re.compile(
        r"\b(?:follow (?:for|me|along|us)|subscribe|part 2|"
        r"følg (?:med|for|meg|oss)|del 2)\b"
    ),
}
# Scripts written without spaces between words: word-based readability does not apply.
_UNSPACED_LANGUAGES = frozenset({"ja", "zh", "th", "lo", "my", "km"})


def fold(text: str) -> str:
    """The comparable form of text: compatibility-normalised and case-folded."""
    return (
        unicodedata.normalize("NFKC", text or "").casefold().replace("\u2019", "'")
    )  # typographic apostrophe


def words(text: str, *, folded: bool = False) -> list[str]:
    """Words with at least one letter ("10" and emoji are not words), folded."""
    return _LETTER_WORD.findall(text if folded else fold(text))


def plain_text(text: str) -> str:
    """Text without inline hashtags (seo.text.hashtags's rule), @mentions and links: what a viewer reads as prose."""
    return _URL.sub(" ", _MENTION.sub(" ", hashtags_removed(text or "")))


def final_caption(caption: str, hashtags: Iterable[str]) -> str:
    """What gets pasted into TikTok: the caption, then the chosen tags it does not already carry.

    The editor shows it, its copy button copies it and the score counts its length, so all
    three name the same text (the browser has no rule of its own)."""
    inline = set(hashtags_in_caption(caption or ""))
    extra = [f"#{tag}" for tag in dict.fromkeys(hashtags) if tag not in inline]
    text = (caption or "").rstrip()
    if not extra:
        return text
    return f"{text}\n\n{' '.join(extra)}" if text else " ".join(extra)


def first_line(caption: str) -> str:
    for line in (caption or "").strip().splitlines():
        if line.strip():
            return line.strip()
    return ""


@lru_cache(maxsize=4096)
def _forms(word: str) -> frozenset[str]:
    """Spellings that count as the same word: "recipe" also matches "recipes"."""
    forms = {word}
    forms.update(word + suffix for suffix in _SUFFIXES)
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            stem = word[: -len(suffix)]
            forms.add(stem)
            forms.update(stem + other for other in _SUFFIXES)
    return frozenset(forms)


@lru_cache(maxsize=4096)
def keyword_parts(keyword: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(keyword).lstrip("#")))


class TextIndex:
    """A text's words and word set, built once and asked about many keywords."""

    __slots__ = ("set", "words")

    def __init__(self, *texts: str, base: TextIndex | None = None, folded: bool = False) -> None:
        self.words: list[str] = list(base.words) if base else []
        for text in texts:
            if text:
                self.words.extend(_WORD.findall(text if folded else fold(text)))
        self.set = frozenset(self.words)

    def contains(self, keyword: str) -> bool:
        parts = keyword_parts(keyword)
        if not parts:
            return False
        if len(parts) == 1:
            return not self.set.isdisjoint(_forms(parts[0]))
        # A phrase: written as one hashtag ("#pastarecipe") or as consecutive words.
        if not self.set.isdisjoint(_forms("".join(parts))):
            return True
        if not all(part in self.set or not self.set.isdisjoint(_forms(part)) for part in parts):
            return False
        last_forms = _forms(parts[-1])
        head = parts[:-1]
        size = len(parts)
        for start in range(len(self.words) - size + 1):
            window = self.words[start : start + size]
            if window[:-1] == list(head) and window[-1] in last_forms:
                return True
        return False


def calls_to_action(text: str, *, folded: bool = False) -> list[str]:
    """What the text explicitly invites: any of comments, saves, shares, follows."""
    folded_text = text if folded else fold(text)
    return [kind for kind, pattern in _CTA_PATTERNS.items() if pattern.search(folded_text)]


def count_emoji(text: str) -> int:
    return len(_EMOJI.findall(text or ""))


def lix(text: str, found: list[str] | None = None) -> float | None:
    """LIX readability (words per sentence + percentage of words over six letters).

    LIX was made for Swedish and works for English and Norwegian alike, which is
    why it is used instead of Flesch (whose syllable counting is English-only).
    None when there are too few words to judge. `found` is words(text) when the
    caller has it already.
    """
    sentences = [part for part in _SENTENCE_END.split(text) if _HAS_LETTER.search(part)]
    found = words(text) if found is None else found
    if len(found) < 4 or not sentences:
        return None
    long_words = sum(1 for word in found if len(word) > 6)
    return len(found) / len(sentences) + 100 * long_words / len(found)


def is_unspaced(language: str) -> bool:
    return language in _UNSPACED_LANGUAGES


@lru_cache(maxsize=64)
def stopwords_for(language: str) -> frozenset[str]:
    """Function words of the language plus English (captions mix in English freely)."""
    code = {"nb": "no", "nn": "no"}.get(language, language)
    words_ = set(stopwordsiso.stopwords("en"))
    if code and stopwordsiso.has_lang(code):
        words_ |= stopwordsiso.stopwords(code)
    return frozenset(words_)
