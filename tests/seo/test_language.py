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
