from __future__ import annotations

from seo.tokenize import analyze, stopwords, words


def test_it_keeps_every_script():
    assert words("Món ăn ngon quá") == ["món", "ăn", "ngon", "quá"]
    assert words("последний звонок") == ["последний", "звонок"]
    # Devanagari vowel signs and viramas are combining marks: the word stays whole.
    assert words("क्या बात") == ["क्या", "बात"]


def test_it_splits_han_and_kana_into_character_pairs():
    assert words("料理が大好き") == ["料理", "理が", "が大", "大好", "好き"]


def test_it_drops_urls_mentions_and_hashtags():
    text = "Pasta night https://example.com/x?y=1 with @chef.anna www.site.no #PastaLover #fyp"
    assert words(text) == ["pasta", "night"]


def test_it_drops_emoji_so_an_emoji_only_text_has_no_features():
    assert analyze("🔥🔥😂 👍🏽") == []
    assert words("pasta🔥night") == ["pasta", "night"]


def test_it_removes_english_and_norwegian_stopwords():
    assert words("this is the best pasta") == ["pasta"]
    assert words("Jeg er så glad i pasta") == ["glad", "pasta"]
    assert {"the", "og", "ikkje", "det"} <= stopwords()


def test_it_gives_the_same_tokens_on_the_ascii_fast_path_and_the_unicode_path():
    ascii_text = "Jake Tapper's bombshell book, 2025 edition!"
    assert words(ascii_text) == words(ascii_text + " 🔥")
    assert words(ascii_text) == ["jake", "tapper's", "bombshell", "book", "edition"]


def test_it_adds_adjacent_word_bigrams():
    assert analyze("creamy garlic pasta") == [
        "creamy",
        "garlic",
        "pasta",
        "creamy garlic",
        "garlic pasta",
    ]


def test_it_folds_case_and_compatibility_forms():
    fullwidth = "\uff30\uff21\uff33\uff34\uff21"  # PASTA in fullwidth letters
    assert words(f"{fullwidth} Pasta") == ["pasta", "pasta"]
