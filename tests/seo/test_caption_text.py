from __future__ import annotations

import random

import pytest

from seo.caption_text import TextIndex, calls_to_action, count_emoji, inline_hashtags, lix, normalize_tag
from seo.text import hashtags_in_caption, normalize_hashtag

TRICKY = ["C#", "#a#b", "##x", "x#y #z", "#fypシ゚ #Việt", "_#no", "é#no", "#", "# space", "#tag.", "🔥#fire",
          "#İstanbul", "#ß", "#" + "a" * 200, "e\u0301#x"]  # fmt: skip


@pytest.mark.parametrize("caption", TRICKY)
def test_fast_inline_hashtags_agree_with_seo_text(caption):
    assert inline_hashtags(caption) == hashtags_in_caption(caption)


def test_fast_tag_normalising_agrees_with_seo_text_on_random_input():
    rng = random.Random(7)
    alphabet = "#_ a1é\u0301シ゚ß.🔥İ\tЖ"
    for _ in range(5000):
        raw = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        assert normalize_tag(raw) == normalize_hashtag(raw)
        assert inline_hashtags(raw) == hashtags_in_caption(raw)


def test_keywords_match_plural_and_definite_forms():
    index = TextIndex("Three easy recipes for oppskriften")
    assert index.contains("recipe")
    assert index.contains("oppskrift")
    assert not index.contains("pasta")


def test_phrases_match_in_order_or_as_one_hashtag():
    assert TextIndex("the best pasta recipe").contains("pasta recipe")
    assert not TextIndex("recipe for pasta").contains("pasta recipe")
    assert TextIndex("#pastarecipe").contains("pasta recipe")


def test_calls_to_action_in_english_and_norwegian():
    assert calls_to_action("Save this for later!") == ["saves"]
    assert calls_to_action("Kommenter under og del med en venn") == ["comments", "shares"]
    assert calls_to_action("Følg for del 2") == ["follows"]
    assert calls_to_action("Receta del día") == []  # Spanish "del" is no call to share


def test_emoji_are_counted_once_per_pictograph():
    assert count_emoji("🍝🔥 ok ✨") == 3
    assert count_emoji("plain text") == 0


def test_lix_is_low_for_short_words_and_high_for_long_sentences():
    assert lix("Make it fast. Eat it hot. Save it.") < 20
    long = "Comprehensive nutritional considerations regarding contemporary international gastronomy " * 3
    assert lix(long) > 55
    assert lix("too short") is None
