from __future__ import annotations

import csv

from seo.text.tokenize import (
    analyze,
    analyze_batch,
    function_words,
    is_function_term,
    keyword_words,
    stopwords,
    words,
    words_batch,
)
from tests.seo import tokenize_reference as reference


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


def test_it_never_makes_a_bigram_across_a_sentence_end():
    assert analyze("Proof my sourdough. Comment below!") == [
        "proof", "sourdough", "comment", "proof sourdough",
    ]  # fmt: skip
    # Line breaks, pipes and the full stops of other scripts (and the ellipsis and fullwidth ! ? after NFKC) end sentences too.
    for text in ("pasta night\nfresh basil", "pasta night | fresh basil", "pasta night… fresh basil",
                 "pasta night\uff01fresh basil 🔥", "pasta night। fresh basil", "pasta night • fresh basil"):  # fmt: skip
        features = analyze(text)
        assert "night fresh" not in features, text
        assert {"pasta night", "fresh basil"} <= set(features), text
    assert words("pasta night. fresh basil") == ["pasta", "night", "fresh", "basil"]


def test_it_folds_case_and_compatibility_forms():
    fullwidth = "\uff30\uff21\uff33\uff34\uff21"  # PASTA in fullwidth letters
    assert words(f"{fullwidth} Pasta") == ["pasta", "pasta"]


TRICKY = [
    "",
    "🔥🔥😂 👍🏽",
    "Pasta night https://example.com/x?y=1 with @chef.anna www.site.no #PastaLover #fyp",
    "HTTPS://EXAMPLE.COM/A and WWW.Example.no b@c.d x@y.z @@double #tag#tag2 mid#hash",
    "rock''n roll 'quoted' words''here tapper's '' '",
    "Món ăn ngon quá rock''n",
    "料理が大好き abc料理def 東京 す",
    "क्या बात है",
    "последний звонок 2025",
    "\uff30\uff21\uff33\uff34\uff21 Pasta \ufb01ne \u017ftyle",
    "Jake Tapper\u2019s book, 2025!",
    "a\x1eb separator\x1e inside",
    "pasta🔥night 🍝creamy_garlic__pasta",
    "e\u0301cole combining at start: \u0301x",
    "tab\tnew\nline\u00a0nbsp\u3000ideographic",
    "Proof it. Bake it! Love it? | yes\r\nno… 東京。大阪 पाठ। हिंदी • ok؟ بله\u06d4 x\u2028y\u2029z",
    "rock''n. roll''s! ünï. cafe\x1fbar v1.2.3 ..!!?? e.g. www.site.no/a.b ...",
]


def test_it_gives_the_batch_path_the_same_features_as_the_reference_tokeniser(shared_trends_csv):
    with shared_trends_csv.open(encoding="utf-8") as handle:
        captions = [row.get("caption") or "" for row in csv.DictReader(handle)]
    texts = captions + TRICKY
    expected = [reference.analyze(text) for text in texts]
    assert analyze_batch(texts) == expected
    assert [analyze(text) for text in texts] == expected


def test_it_gives_the_batch_path_the_same_features_on_tricky_text_alone():
    # Without the CSV (and in a different batch position) the edge cases still agree.
    for batch in (TRICKY, TRICKY[::-1], [TRICKY[4]], [TRICKY[11], TRICKY[5]]):
        assert analyze_batch(batch) == [reference.analyze(text) for text in batch]


def test_it_keeps_caption_order_in_the_batch_so_bigrams_never_span_two_captions():
    rows, tokens, names, joined = words_batch(["creamy garlic", "pasta night"])
    assert rows.tolist() == [0, 0, 1, 1]
    assert joined.tolist() == [True, False, True]
    assert [names[t] for t in tokens] == ["creamy", "garlic", "pasta", "night"]
    assert analyze_batch(["creamy garlic", "pasta night"])[1] == ["pasta", "night", "pasta night"]


def test_it_gives_the_same_features_when_the_batch_is_cut_into_many_blocks(monkeypatch):
    import seo.text.tokenize

    texts = TRICKY * 3
    whole = analyze_batch(texts)
    monkeypatch.setattr(seo.text.tokenize, "BATCH_CAPTIONS", 2)
    assert analyze_batch(texts) == whole == [reference.analyze(text) for text in texts]


def test_other_scripts_function_words_are_features_but_never_keywords():
    assert words("как приготовить борщ") == ["как", "приготовить", "борщ"], (
        "a feature: it carries the language"
    )
    assert keyword_words("как приготовить борщ") == ["приготовить", "борщ"]
    assert keyword_words("phở bò của mẹ") == ["phở", "bò", "mẹ"]
    assert is_function_term("как же") and is_function_term("борщ как") and not is_function_term("борщ")
    assert {"και", "của", "же", "и"} <= function_words()
    # Only entries with a letter outside ASCII: Vietnamese lists "ban" and "cho", English words.
    assert not function_words() & {"ban", "cho", "anh", "cao"}
    assert keyword_words("ban the cho cao") == ["ban", "cho", "cao"]
