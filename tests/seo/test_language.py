from __future__ import annotations

import pytest

from seo.text.language import detect_language


@pytest.mark.parametrize(
    "text",
    [
        "Easy pasta recipe you can make in 10 minutes. Save this for later!",
        "This is the best way to cook rice, trust me",
        "It\u2019s the mindset that changes everything #gym #motivation",
    ],
)
def test_it_detects_english(text):
    assert detect_language(text) == "en"


@pytest.mark.parametrize(
    "text",
    [
        "Enkel pasta på 10 minutter! Lagre denne til senere og del med en venn",
        "Jeg har aldri smakt noe så godt. Hva synes dere?",
        "Slik lager du verdens beste kanelboller 😍",
        "Hvorfor blir det alltid sånn når jeg skal trene?",
    ],
)
def test_it_detects_norwegian_bokmal_as_nb(text):
    assert detect_language(text) == "nb"


def test_it_tells_danish_from_norwegian_by_its_own_words():
    assert detect_language("Hvordan bliver man bedre til at lave mad? Jeg ved det ikke") == "da"


@pytest.mark.parametrize("text", ["Cách làm bánh mì ngon tại nhà siêu dễ", "Món ăn ngon"])
def test_it_detects_vietnamese_by_its_letters(text):
    assert detect_language(text) == "vi"


def test_it_tells_russian_from_ukrainian():
    assert detect_language("Как приготовить самый вкусный борщ дома") == "ru"
    assert detect_language("Як приготувати найсмачніший борщ вдома") == "uk"
    assert detect_language("#послежний звонок 🛎️") == "ru"


@pytest.mark.parametrize(
    ("text", "language"),
    [("美味しいラーメンの作り方", "ja"), ("오늘의 브이로그", "ko"), ("今天吃什么", "zh"), ("สวัสดีครับ", "th")],
)
def test_it_detects_languages_by_script(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("La mejor receta de pasta para la cena de hoy", "es"),
        ("Die beste Pasta der Welt ist ganz einfach", "de"),
        ("Receita fácil de pão de queijo para o café da manhã", "pt"),
    ],
)
def test_it_detects_other_latin_languages_when_confident(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize("text", ["", "   ", "😂😂🔥🔥", "🍝✨", "#fyp #viral", "123 456", "pasta", "POV"])
def test_it_says_nothing_when_unsure(text):
    assert detect_language(text) == ""


def test_hashtags_mentions_and_links_do_not_count_as_words():
    assert detect_language("#thebest #andthen @the_and https://example.com/the/and") == ""


def _counter_vote(words, candidates, text):
    """The stopword vote as first written (with a Counter): seo.text.language._vote must agree."""
    from collections import Counter

    from seo.text import language

    table = language._word_weights(candidates)
    scores: Counter[str] = Counter()
    evidence: dict[str, set[str]] = {}
    for word in words:
        for code, weight in (table.get(word) or {}).items():
            scores[code] += weight
            evidence.setdefault(code, set()).add(word)
    for letter, codes in language._LETTER_HINTS.items():
        if letter in text:
            for code in codes:
                if code in candidates:
                    scores[code] += language._LETTER_WEIGHT
    ranked = scores.most_common(2)
    if not ranked or ranked[0][1] < language._MIN_SCORE:
        return ""
    best, best_score = ranked[0]
    if len(evidence.get(best, ())) < min(2, len(words)):
        return ""
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    clear_lead = best_score - runner_up >= max(language._MIN_LEAD, language._MIN_LEAD_SHARE * best_score)
    if best_score < language._MIN_MARGIN * runner_up and not clear_lead:
        if {best, ranked[1][0]} == {"no", "da"} and scores["no"] >= scores["da"]:
            return "nb"
        return ""
    return language._REPORTED_AS.get(best, best)


def test_the_stopword_vote_agrees_with_its_first_version_on_random_words():
    import random

    from seo.text import language

    rng = random.Random(9)
    words = ["og", "jeg", "det", "the", "and", "och", "af", "hvad", "nå", "meg", "de", "la", "el", "um", "en",
             "a", "in", "to", "é", "und", "der", "pasta", "bio", "er", "ikke", "på", "du", "hva", "nu"]  # fmt: skip
    letters = ["", "æ", "ø å", "ä", "ñ", "ş ğ", "ł"]
    for _ in range(20000):
        chosen = rng.choices(words, k=rng.randint(0, 7))
        text = " ".join(chosen) + " " + rng.choice(letters)
        for candidates in (language._LATIN_CANDIDATES, language._CYRILLIC_CANDIDATES):
            assert language._vote(chosen, candidates, text) == _counter_vote(chosen, candidates, text), text


def test_the_ascii_fast_path_agrees_with_the_general_path(shared_trends_csv):
    """An ASCII caption skips the script count; a no-break space (no script, no word, no hint
    letter) sends the same caption down the general path."""
    import csv
    import random

    detect = detect_language.__wrapped__
    with shared_trends_csv.open(encoding="utf-8", newline="") as handle:
        captions = [row["caption"][:300] for row in csv.DictReader(handle) if row["caption"].isascii()]
    rng = random.Random(4)
    vocabulary = [
        "the",
        "and",
        "og",
        "jeg",
        "det",
        "#fyp",
        "@me",
        "pasta",
        "http://x.io/a",
        "123",
        "it's",
        "ikke",
    ]
    captions += [" ".join(rng.choices(vocabulary, k=rng.randint(0, 8))) for _ in range(3000)]
    assert len(captions) > 3000
    for caption in captions:
        for precise in (False, True):
            assert detect(caption, precise=precise) == detect(caption + "\u00a0", precise=precise), caption
