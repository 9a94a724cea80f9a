"""Guess a caption's language: writing system first, then a maintained detector.

Captions are short and noisy (hashtags, emoji, slang), so the detector says ""
rather than guess: the editor then keeps the creator's own choice. The order of
evidence is:

1. the writing system (Hangul -> ko, kana -> ja, Han -> zh, Thai, Greek, ...);
2. letters only one language uses (Vietnamese ơ ư đ and stacked tones, the letters
   Ukrainian has and Russian lacks, and the reverse);
3. for Latin text, lingua (seo.text.language_lingua): its n-gram models tell bokmål,
   nynorsk, Danish and Swedish apart, which stopwords cannot on a five-word caption;
4. for Cyrillic text, and where lingua is unsure, stopwords from stopwordsiso, each
   word weighted by how few candidate languages share it, plus marker words that tell
   Norwegian bokmål from Danish and Swedish, and letters such as æ ø å.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from functools import cache, lru_cache
from operator import itemgetter

import stopwordsiso

from seo.text.language_lingua import latin_language

# Latin-script languages the stopword vote considers. Lists that stopwordsiso keeps
# for rarely-captioned languages (Breton, Latin, Esperanto, ...) are large and noisy,
# so they are left out rather than allowed to outvote English.
_LATIN_CANDIDATES = (
    "en", "no", "da", "sv", "de", "nl", "fr", "es", "pt", "it", "id", "tl",
    "tr", "pl", "ro", "fi", "cs", "sk", "hu", "ca", "vi", "hr", "af", "sw",
)  # fmt: skip
_CYRILLIC_CANDIDATES = ("ru", "uk", "bg")
# stopwordsiso calls Norwegian "no"; Hookline speaks of bokmål, "nb".
_REPORTED_AS = {"no": "nb"}
_SCANDINAVIAN_VOTES = frozenset({"nb", "da", "sv"})

# Words that are Norwegian (bokmål) but not Danish or Swedish, and the reverse.
_MARKERS: dict[str, frozenset[str]] = {
    "no": frozenset(
        ["av", "hva", "nå", "mye", "noen", "meg", "deg", "seg", "blir", "gjøre", "gjør", "sånn", "litt",
         "etter", "oss", "dere", "veldig", "kjempe", "lagre", "fortell", "oppskrift", "hvilken"]
    ),
    "da": frozenset(
        ["af", "hvad", "nu", "meget", "mig", "dig", "sig", "bliver", "gøre", "sådan", "lidt", "nogle",
         "efter", "os", "jeres"]
    ),
    "sv": frozenset(["och", "är", "att", "inte", "jag", "hur", "vad", "mycket", "också"]),
}  # fmt: skip
_MARKER_WEIGHT = 1.0
# Letters that point at a few languages; each hit adds this much to each of them.
_LETTER_HINTS: dict[str, tuple[str, ...]] = {
    "æ": ("no", "da"), "ø": ("no", "da"), "å": ("no", "da", "sv"),
    "ä": ("sv", "de", "fi"), "ö": ("sv", "de", "fi", "tr", "hu"), "ü": ("de", "tr", "hu"),
    "ß": ("de",), "ñ": ("es",), "ã": ("pt",), "õ": ("pt",), "ç": ("fr", "pt", "ca", "tr"),
    "ğ": ("tr",), "ş": ("tr", "ro"), "\u0131": ("tr",), "ł": ("pl",), "ą": ("pl",), "ę": ("pl",),
    "ś": ("pl",), "ż": ("pl",), "ő": ("hu",), "ű": ("hu",), "ř": ("cs",), "ů": ("cs",), "ě": ("cs",),
    "ț": ("ro",), "ă": ("ro", "vi"),
}  # fmt: skip
_LETTER_WEIGHT = 0.5

# Letters found in Vietnamese and (practically) nowhere else.
# (ă is Romanian too, so it counts separately below.)
_VIETNAMESE_ONLY = frozenset(
    "đơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịĩọỏốồổỗộớờởỡợụủũứừửữựỳỵỷỹĐƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊĨỌỎỐỒỔỖỘỚỜỞỠỢỤỦŨỨỪỬỮỰỲỴỶỸ"
)

# (script name, character class) in the order they are tested.
_SCRIPTS = {
    "hangul": re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]"),
    "kana": re.compile(r"[\u3040-\u30ff\u31f0-\u31ff]"),
    "han": re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]"),
    "cyrillic": re.compile(r"[\u0400-\u04ff]"),
    "greek": re.compile(r"[\u0370-\u03ff]"),
    "arabic": re.compile(r"[\u0600-\u06ff\u0750-\u077f]"),
    "hebrew": re.compile(r"[\u0590-\u05ff]"),
    "thai": re.compile(r"[\u0e00-\u0e7f]"),
    "devanagari": re.compile(r"[\u0900-\u097f]"),
    "bengali": re.compile(r"[\u0980-\u09ff]"),
    "gujarati": re.compile(r"[\u0a80-\u0aff]"),
    "tamil": re.compile(r"[\u0b80-\u0bff]"),
    "armenian": re.compile(r"[\u0530-\u058f]"),
    "georgian": re.compile(r"[\u10a0-\u10ff]"),
    "latin": re.compile(r"[a-zA-Z\u00c0-\u024f\u1e00-\u1eff]"),
}
# Scripts that name their language outright.
_SCRIPT_LANGUAGE = {
    "hangul": "ko",
    "greek": "el",
    "hebrew": "he",
    "thai": "th",
    "bengali": "bn",
    "gujarati": "gu",
    "tamil": "ta",
    "armenian": "hy",
    "georgian": "ka",
    "devanagari": "hi",
}

_ASCII_LETTER = re.compile(r"[a-zA-Z]")
_NOISE = re.compile(r"https?://\S+|www\.\S+|[#@][^\s#@]+")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# Too little text to judge a stopword vote: below this weighted score we say "".
_MIN_SCORE = 0.9
# The winner must beat the runner-up by this factor.
_MIN_MARGIN = 1.5
# ... or lead it by at least this much and this share of its score.
_MIN_LEAD = 0.5
_MIN_LEAD_SHARE = 0.2


@cache
def _word_weights(candidates: tuple[str, ...]) -> dict[str, dict[str, float]]:
    """word -> {language: weight}: stopwords and marker words together, built once.

    A stopword listed by n candidates weighs 1/sqrt(n) in each (1/n would all but
    silence English, whose short function words "in", "to", "on" happen to be
    stopwords in many other languages too); a marker word adds _MARKER_WEIGHT.
    """
    owners: dict[str, list[str]] = {}
    for language in candidates:
        for word in stopwordsiso.stopwords(language):
            owners.setdefault(word.casefold(), []).append(language)
    table = {word: {lang: 1.0 / math.sqrt(len(langs)) for lang in langs} for word, langs in owners.items()}
    for language, markers in _MARKERS.items():
        if language in candidates:
            for word in markers:
                weights = table.setdefault(word, {})
                weights[language] = weights.get(language, 0.0) + _MARKER_WEIGHT
    return table


@lru_cache(maxsize=8192)
def _script_of(char: str) -> str:
    for name, pattern in _SCRIPTS.items():
        if pattern.match(char):
            return name
    return ""


def _script_counts(text: str) -> Counter[str]:
    """Letters per script; each distinct character is classified once (and cached)."""
    counts: Counter[str] = Counter()
    for char, n in Counter(text).items():
        script = _script_of(char)
        if script:
            counts[script] += n
    return counts


def _vote(words: list[str], candidates: tuple[str, ...], text: str) -> str:
    table = _word_weights(candidates)
    # A plain dict filled in the same order as a Counter would be: the same sums, and ties
    # ranked the same way (sorted is stable, as Counter.most_common is); a third of the time.
    scores: dict[str, float] = {}
    for word in words:
        weights = table.get(word)
        if weights:
            for language, weight in weights.items():
                scores[language] = scores.get(language, 0) + weight
    if not text.isascii():  # every hint letter is outside ASCII
        for letter, languages in _LETTER_HINTS.items():
            if letter in text:
                for language in languages:
                    if language in candidates:
                        scores[language] = scores.get(language, 0) + _LETTER_WEIGHT
    if not scores:
        return ""
    ranked = sorted(scores.items(), key=itemgetter(1), reverse=True)[:2]
    if ranked[0][1] < _MIN_SCORE:
        return ""
    best, best_score = ranked[0]
    # One matching word in a longer text is as likely a loanword or a name ("bio").
    needed = min(2, len(words))
    if needed and len({word for word in words if best in table.get(word, ())}) < needed:
        return ""
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    # Close relatives (Norwegian/Danish, Spanish/Portuguese) share most stopwords, so
    # a lead of a marker word or two also counts when the ratio is small.
    clear_lead = best_score - runner_up >= max(_MIN_LEAD, _MIN_LEAD_SHARE * best_score)
    if best_score < _MIN_MARGIN * runner_up and not clear_lead:
        # Norwegian and Danish share most stopwords; æ/ø/å with no Danish marker
        # is far more likely bokmål for Hookline's creators.
        if {best, ranked[1][0]} == {"no", "da"} and scores.get("no", 0) >= scores.get("da", 0):
            return "nb"
        return ""
    return _REPORTED_AS.get(best, best)


def _cyrillic_language(text: str, words: list[str]) -> str:
    if any(char in text for char in "іїєґІЇЄҐ"):
        return "uk"
    if any(char in text for char in "ўЎ"):
        return "be"
    if any(char in text for char in "ћђЋЂ"):
        return "sr"
    if any(char in text for char in "ѓќѕЃЌЅ"):
        return "mk"
    if any(char in text for char in "ыэёЫЭЁ"):
        return "ru"
    voted = _vote(words, _CYRILLIC_CANDIDATES, text)
    # Without Ukrainian letters, Cyrillic that no vote settles is far more often Russian.
    return voted or "ru"


def _arabic_language(text: str) -> str:
    if any(char in text for char in "ٹڈڑںےھ"):
        return "ur"
    if any(char in text for char in "پچژگکی"):
        return "fa"
    return "ar"


# The opening of a text tells its language; the models' time grows with its length.
DETECT_CHARS = 400


@lru_cache(maxsize=4096)  # the editor asks again for the same text on every refresh
def detect_language(text: str, *, precise: bool = True) -> str:
    """The ISO 639-1 code of `text`'s language ("nb" for Norwegian), or "" when unsure.

    `precise=False` (the importer, a post at a time) skips lingua's high-accuracy
    Scandinavian models (~130 MB per process): a Scandinavian-looking post keeps the
    stopword vote's answer, or the trigram models' when the vote has none."""
    cleaned = _NOISE.sub(" ", unicodedata.normalize("NFC", (text or "")[:DETECT_CHARS]))
    if cleaned.isascii():
        # Most captions: only Latin letters are possible, so no script count, no
        # Vietnamese or Romanian letters, and casefold() is lower().
        if not _ASCII_LETTER.search(cleaned):
            return ""
        return _latin_language(cleaned, _WORD.findall(cleaned.lower()), precise=precise)
    scripts = _script_counts(cleaned)
    if not scripts:
        return ""  # emoji, digits and punctuation only
    letters = sum(scripts.values())
    script, count = scripts.most_common(1)[0]
    if scripts["kana"] and scripts["kana"] + scripts["han"] >= letters / 2:
        return "ja"  # Japanese mixes kana with Han characters
    if count < letters / 2:
        return ""  # no script dominates: a mix we would only guess at
    if script in _SCRIPT_LANGUAGE:
        return _SCRIPT_LANGUAGE[script]
    if script == "han":
        return "zh"
    if script == "arabic":
        return _arabic_language(cleaned)
    words = _WORD.findall(cleaned.casefold().replace("\u2019", "'"))
    if script == "cyrillic":
        return _cyrillic_language(cleaned, words)
    if script == "latin":
        vietnamese = sum(1 for char in cleaned if char in _VIETNAMESE_ONLY)
        if not any(char in cleaned for char in "șşțţîÎ"):
            vietnamese += cleaned.count("ă")  # Romanian's ă comes with ș, ț or î
        if vietnamese >= 2 or (vietnamese and len(words) <= 3):
            return "vi"
        return _latin_language(cleaned.casefold(), words, precise=precise)
    return ""


def _latin_language(folded: str, words: list[str], *, precise: bool) -> str:
    voted = _vote(words, _LATIN_CANDIDATES, folded)
    # A clear stopword vote needs no models (half of all captions), except between the
    # Scandinavian languages, which share most stopwords: there lingua decides, unless the
    # importer asked for speed over that precision.
    if voted and (not precise or voted not in _SCANDINAVIAN_VOTES):
        return voted
    return latin_language(" ".join(words), hint=voted, precise=precise) or voted
