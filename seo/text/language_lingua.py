"""Latin-script languages through lingua (lingua-language-detector), the part of
seo.text.language that needs a statistical model.

Two detectors, both loaded on first use and kept for the process:

- a broad one over the Latin-script languages TikTok captions are written in, in
  lingua's low-accuracy mode (trigram models only: ~25 MB and ~0.4 ms a caption,
  where high accuracy over the same set needs ~800 MB);
- one over English, bokmål, nynorsk, Danish and Swedish in high-accuracy mode
  (~150 MB), asked only when the text looks Scandinavian (or, by seo.text.idea_language, when
  a short idea could be English or Norwegian). Its one- to five-letter
  models tell "Min morgenrutine før jobb" (bokmål) from Danish and Swedish, which the
  broad detector and a stopword vote both get wrong on a short caption.

Norwegian is Hookline's home language: bokmål and nynorsk together against Danish and
Swedish, then "nb" unless nynorsk leads and the text has a word only nynorsk uses (Hookline treats the two as one
language for tags, see seo.text.language.same_language).
"""

from __future__ import annotations

import threading
from functools import cache

from lingua import Language, LanguageDetectorBuilder

_BROAD = (
    "ENGLISH", "BOKMAL", "NYNORSK", "DANISH", "SWEDISH", "GERMAN", "DUTCH", "FRENCH", "SPANISH",
    "PORTUGUESE", "ITALIAN", "INDONESIAN", "MALAY", "TAGALOG", "VIETNAMESE", "TURKISH", "POLISH",
    "ROMANIAN", "FINNISH", "CZECH", "SLOVAK", "HUNGARIAN", "CATALAN", "CROATIAN", "AFRIKAANS",
    "ESTONIAN", "LITHUANIAN", "LATVIAN", "SLOVENE", "ICELANDIC",
)  # fmt: skip
_ENGLISH_AND_SCANDINAVIAN = ("ENGLISH", "BOKMAL", "NYNORSK", "DANISH", "SWEDISH")
_SCANDINAVIAN_CODES = frozenset({"nb", "nn", "da", "sv"})
# lingua's codes where Hookline speaks differently (it has no "no"; Malay is "ms").
_CODE = {"BOKMAL": "nb", "NYNORSK": "nn"}
# A broad answer below this confidence is a guess: "" (or the stopword vote's hint) instead.
MIN_CONFIDENCE = 0.5
SINGLE_WORD_CONFIDENCE = 0.9
# A stopword vote stands when the models give its language at least this much.
HINT_SUPPORT = 0.001
NORDIC_SUPPORT = 0.2
NORDIC_SHARE = 0.4
# Words nynorsk has and bokmål lacks: without one, Norwegian is reported as bokmål.
_NYNORSK_WORDS = frozenset(
    [
        "eg",
        "ikkje",
        "kva",
        "korleis",
        "kvifor",
        "kven",
        "kvar",
        "me",
        "dei",
        "frå",
        "berre",
        "heime",
        "mykje",
        "noko",
        "nokon",
        "vere",
        "vore",
        "vert",
        "korleis",
        "eigen",
        "eit",
        "ein",
        "òg",
        "sjølv",
        "augo",
    ]
)
_lock = threading.Lock()


# Built once: reading a Language's name and ISO code goes through lingua's Python bindings,
# and latin_language asks it for every confidence value (30 a call).
_CODES = {
    language: _CODE.get(language.name, language.iso_code_639_1.name.lower()) for language in Language.all()
}


def _code(language: Language) -> str:
    return _CODES[language]


@cache
def _detector(names: tuple[str, ...], *, high_accuracy: bool):
    with _lock:
        builder = LanguageDetectorBuilder.from_languages(*(getattr(Language, name) for name in names))
        if not high_accuracy:
            builder = builder.with_low_accuracy_mode()
        return builder.with_preloaded_language_models().build()


def broad_codes() -> set[str]:
    """Every code the broad detector can answer with (before "nn" is reported as "nb")."""
    return {_code(getattr(Language, name)) for name in _BROAD}


def english_or_scandinavian(text: str) -> dict[str, float]:
    """lingua's high-accuracy confidence for English, bokmål, nynorsk, Danish and Swedish:
    one detector per process for every question of that kind (seo.text.idea_language asks whether
    a short idea is English or Norwegian, _scandinavian which Scandinavian language)."""
    detector = _detector(_ENGLISH_AND_SCANDINAVIAN, high_accuracy=True)
    return {_code(v.language): v.value for v in detector.compute_language_confidence_values(text)}


def _scandinavian(text: str) -> str:
    values = english_or_scandinavian(text)
    if values.get("en", 0.0) >= 0.5:
        return "en"  # short English the trigram models misread ("So this is love")
    norwegian = values.get("nb", 0.0) + values.get("nn", 0.0)
    if norwegian < max(values.get("da", 0.0), values.get("sv", 0.0)):
        return max(("da", "sv"), key=lambda code: values.get(code, 0.0))
    # Bokmål first: nynorsk only when its own words are there too ("eg", "ikkje", "kva").
    nynorsk_words = _NYNORSK_WORDS & set(text.casefold().split())
    return "nn" if nynorsk_words and values.get("nn", 0.0) > values.get("nb", 0.0) else "nb"


def latin_language(words: str, *, hint: str = "", precise: bool = True) -> str:
    """The language of Latin-script `words` (text without tags, links or digits), or ""."""
    if not words.strip():
        return ""
    ranked = _detector(_BROAD, high_accuracy=False).compute_language_confidence_values(words)
    if not ranked:
        return ""
    values = {_CODES[v.language]: v.value for v in ranked}
    best, confidence = _CODES[ranked[0].language], ranked[0].value
    single_word = len(words.split()) == 1
    # The stopword vote needs two function words and a clear margin (seo.text.language._vote);
    # on a short caption it beats the trigram models, which take "So this is love" for
    # nynorsk and "Restoring a rusty bicycle frame" for Tagalog.
    if hint and hint not in _SCANDINAVIAN_CODES and values.get(hint, 0.0) >= HINT_SUPPORT:
        return hint
    nordic = sum(values.get(code, 0.0) for code in _SCANDINAVIAN_CODES)
    # "Vaskerutine for en ren leilighet" is 0.48 Dutch, 0.47 bokmål to the trigram models: a
    # large Scandinavian share is enough to ask the Scandinavian detector.
    scandinavian = (
        best in _SCANDINAVIAN_CODES
        or nordic >= NORDIC_SHARE
        or (hint in _SCANDINAVIAN_CODES and nordic >= NORDIC_SUPPORT)
    )
    # One word is too little to call ("pasta" reads as bokmål to a Scandinavian-only model).
    if scandinavian and (hint or not single_word):
        if not precise:
            return hint if hint in _SCANDINAVIAN_CODES else "nb" if best in ("nb", "nn") else best
        return _scandinavian(words)
    if confidence < (SINGLE_WORD_CONFIDENCE if single_word else MIN_CONFIDENCE):
        return ""
    return "nb" if best == "nn" else best  # one word is no evidence of nynorsk: bokmål first
