from __future__ import annotations

import csv
import random

import pytest

from seo.text.hashtags import (
    hashtags_from_field,
    hashtags_in_caption,
    normalize_hashtag,
    post_hashtags,
    strip_hashtags,
)
from tests.seo import text_reference as reference


@pytest.mark.parametrize(
    "raw", ["#FYP", "#fyp.", "fyp", "  #Fyp!  ", "\uff26\uff39\uff30", "#\uff46\uff59\uff50"]
)
def test_it_folds_case_punctuation_and_fullwidth_into_one_tag(raw):
    assert normalize_hashtag(raw) == "fyp"


def test_it_keeps_vietnamese_tone_marks():
    assert normalize_hashtag("#ĂnUống") == "ănuống"
    assert hashtags_in_caption("Món ngon #ẩmthực #ViệtNam!") == ["ẩmthực", "việtnam"]


def test_it_keeps_cyrillic_tags():
    assert normalize_hashtag("#Рецепты") == "рецепты"
    assert hashtags_in_caption("#послежний звонок 🛎️") == ["послежний"]


def test_it_keeps_japanese_decorations_with_combining_marks():
    assert normalize_hashtag("#fypシ゚") == "fypシ゚"
    assert normalize_hashtag("#fypシ") == "fypシ"
    assert hashtags_in_caption("best one #fypシ゚viral #おすすめ") == ["fypシ゚viral", "おすすめ"]


def test_it_ends_a_tag_at_emoji_and_ignores_hashes_inside_words():
    assert hashtags_in_caption("learning C# today #coding🔥 #") == ["coding"]


def test_it_splits_the_hashtags_column_on_spaces_commas_and_hashes():
    assert hashtags_from_field("#Food, recipe #easy#Dinner") == ["food", "recipe", "easy", "dinner"]


def test_it_unites_column_and_inline_tags_without_duplicates():
    assert post_hashtags(caption="Dinner #Food #pasta", hashtags_field="#food, #recipe") == [
        "food",
        "recipe",
        "pasta",
    ]


TRICKY = ["C#", "#a#b", "##x", "x#y #z", "#fypシ゚ #Việt", "_#no", "é#no", "#", "# space", "#tag.", "🔥#fire",
          "#İstanbul", "#ß", "#" + "a" * 200, "e\u0301#x", "\uff03fullwidth", "small\ufe5ftag", "a\uff03b"]  # fmt: skip


@pytest.mark.parametrize("text", TRICKY)
def test_the_fast_extraction_agrees_with_the_reference_on_tricky_text(text):
    assert hashtags_in_caption(text) == reference.hashtags_in_caption(text)
    assert hashtags_from_field(text) == reference.hashtags_from_field(text)
    assert normalize_hashtag(text) == reference.normalize_hashtag(text)
    assert strip_hashtags(text) == reference.strip_hashtags(text)


def test_the_fast_extraction_agrees_with_the_reference_on_random_input():
    rng = random.Random(5)
    alphabet = "#  ,;.abCxé\u0301シ゚ﾞ\uff46#_1\uff12ßİ\u0131\t\n🔥ДΣς\uff03\ufe5f"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        expected = reference.post_hashtags(caption=text, hashtags_field=text[::-1])
        assert post_hashtags(caption=text, hashtags_field=text[::-1]) == expected, repr(text)
        assert normalize_hashtag(text) == reference.normalize_hashtag(text), repr(text)
        assert strip_hashtags(text) == reference.strip_hashtags(text), repr(text)


def test_the_ascii_fast_paths_agree_with_the_reference_on_random_ascii_input():
    rng = random.Random(11)
    alphabet = "##  ,;.:!-'abCxZ_19\t\n\x1c\x1f\x0b"
    for _ in range(30000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert hashtags_in_caption(text) == reference.hashtags_in_caption(text), repr(text)
        assert hashtags_from_field(text) == reference.hashtags_from_field(text), repr(text)
    long_tag = "#" + "Ab1_" * 60
    assert hashtags_in_caption(long_tag) == reference.hashtags_in_caption(long_tag)
    assert hashtags_from_field(long_tag) == reference.hashtags_from_field(long_tag)


def test_the_fast_extraction_agrees_with_the_reference_on_the_shared_data(shared_trends_csv):
    with open(shared_trends_csv, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        caption, field = row["caption"], row["hashtags"]
        expected = reference.post_hashtags(caption=caption, hashtags_field=field)
        assert post_hashtags(caption=caption, hashtags_field=field) == expected, repr(caption)


def test_tags_glued_together_are_each_a_tag():
    caption = "drop dead gorgeous #fyp#4u#fypシ゚#viral and C# stays code"
    assert hashtags_in_caption(caption) == ["fyp", "4u", "fypシ゚", "viral"]
    assert strip_hashtags(caption) == "drop dead gorgeous and C# stays code"


def test_a_hash_inside_a_word_starts_no_tag():
    assert hashtags_in_caption("C# and F# rock, a#b too") == []
