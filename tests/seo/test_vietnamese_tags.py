"""Tags made from Vietnamese captions: names written in capitals are tagged joined (#khangan),
a lone syllable ("nguyên", intact) is rarely a tag, whatever tag its spelling without accents
happens to be (#nguyen, the surname)."""

from __future__ import annotations

import pytest

from seo.index import build
from seo.index.lifecycle import index_build
from seo.index.serving import active_index
from seo.suggest.engine import suggest
from seo.suggest.written_tags import written_first
from seo.text.names import name_runs
from tests.corpus_factory import post

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("index_env")]


def test_name_runs_are_two_to_four_capitalised_words_joined():
    assert name_runs("Khả Ngân xuất hiện lẻ loi, gầy gò hậu ồn ào với Thanh Sơn") == ["khảngân", "thanhsơn"]
    assert name_runs("A là Nguyễn Xuân Son") == ["nguyễnxuânson"]
    assert name_runs("BẮC BLING") == ["bắcbling"]


def test_a_single_capital_a_long_title_digits_and_punctuation_make_no_name():
    assert name_runs("Đi làm không lo làm ở đó mà quậy phá 🤣") == []
    assert name_runs("Viết Tiếp Câu Chuyện Hoà Bình Năm Nay") == [], "six words: a title, not a name"
    assert name_runs("Tứ Quý 2 ver") == ["tứquý"]
    assert name_runs("Hà. Nội đẹp") == [], "a full stop ends the run"


def vietnamese_corpus() -> None:
    for number in range(30):  # enough accented words for "vi" to drop accents in tags
        post(f"video hài hước nhất hôm nay {number}", ["haihuoc", "xuhuong"], language="vi")
        post(f"review quán phở ngon ở sài gòn {number}", ["reviewdoan", "xuhuong"], language="vi")


def test_a_vietnamese_name_in_capitals_becomes_its_joined_tag_without_accents(settings):
    settings.SUGGEST_TREND_STAGES = False
    vietnamese_corpus()
    index_build()
    named = suggest(text="Hôm nay gặp Khả Ngân ở quán phở ngon", language="vi", k=10)
    assert "khangan" in [row.tag for row in named.hashtags]
    lower = suggest(text="hôm nay gặp khả ngân ở quán phở ngon", language="vi", k=10)
    assert "khangan" not in [row.tag for row in lower.hashtags], "side by side is not a name"


def test_a_lone_accented_syllable_is_smoothed_toward_the_rate_of_its_own_kind(monkeypatch):
    """ "nguyên" and "ronaldo" are each in three captions, never tagged there, and each has a tag
    form on another post: the accented syllable's rate is smoothed toward how often accented
    syllables are tagged (rarely), the plain word's toward plain words (often)."""
    monkeypatch.setattr(build, "FORMED_KIND_MIN_USES", 10)
    for number in range(12):
        post(f"món phở ngon tuyệt {number}", ["foodtok"], language="vi")
        post(f"pizza party night {number}", ["pizza"], language="en")
    for number in range(3):
        post(f"còn nguyên hộp quà {number}", ["quatang"], language="vi")
        post(f"ronaldo goal skills {number}", ["football"], language="en")
    post("gia đình ông bà", ["nguyen", "pho"], language="vi")
    post("match highlights today", ["ronaldo"], language="en")
    index_build()
    index = active_index()
    rate = {
        t: float(index.term_tag_rate[index.terms.positions([t]).tolist()[0]]) for t in ("nguyên", "ronaldo")
    }
    assert rate["nguyên"] < rate["ronaldo"] / 3


def test_an_answer_of_little_evidence_makes_no_tag_of_a_lone_vietnamese_syllable(settings):
    """#duong, #mua of "đường", "mưa": a syllable is a tag only where creators tag it."""
    settings.SUGGEST_TREND_STAGES = False
    vietnamese_corpus()
    for number in range(2):  # two posts share the topic: low confidence
        post(f"mưa quá trời luôn {number}", ["muaroi", "xuhuong"], language="vi")
    index_build()
    result = suggest(text="trời mưa to đường trơn quá", language="vi", k=10)
    assert result.confidence == "low"
    own = {row.tag for row in result.hashtags if row.source == "your_words"} | set(result.recommended)
    syllables = {"troi", "duong", "tron", "trời", "đường", "trơn"}
    assert not own & syllables, own


def written_tags(text: str, *, tag: str) -> set[str]:
    """Tags the query writes out, against the Vietnamese corpus plus three posts tagged `tag`."""
    vietnamese_corpus()
    for number in range(3):
        post(f"thử thách ăn cay {number}", [tag], language="vi")
    index_build()
    result = suggest(text=text, language="vi", k=10)
    assert result.fallback is None
    return {row.tag for row in result.hashtags if row.parts.get("in_caption")}


def test_three_or_four_words_that_join_into_a_tag_creators_use_make_that_tag(settings):
    settings.SUGGEST_TREND_STAGES = False
    written = written_tags("video hài hước vui nhộn nhất hôm nay", tag="haihuocvuinhon")
    assert "haihuocvuinhon" in written, "the caption writes the tag out"
    assert "videohaihuoc" not in written and "haihuocvui" not in written, "words no creator joins"


def test_a_run_keeps_words_that_read_as_stopwords_once_their_accents_are_dropped(settings):
    """ "và" folds to "va" (Spanish), "bà" to "ba": #vacaiket of "và cái kết" still forms."""
    settings.SUGGEST_TREND_STAGES = False
    assert "vacaiket" in written_tags("video hài hước nhất hôm nay và cái kết", tag="vacaiket")


def test_names_lead_the_own_tags_of_an_answer_no_trending_post_backs(settings):
    """No close post: the names the caption writes in capitals lead the tags made from its own
    words (#khangan #thanhson), before pairs of side words (#leloi, lonely; #xuathien, appear)."""
    settings.SUGGEST_TREND_STAGES = False
    vietnamese_corpus()
    index_build()
    result = suggest(text="Khả Ngân xuất hiện lẻ loi, gầy gò hậu ồn ào với Thanh Sơn", language="vi", k=10)
    assert result.fallback is not None
    assert result.recommended[:2] == ["khangan", "thanhson"], result.recommended
    assert [row.tag for row in result.hashtags][:2] == ["khangan", "thanhson"]


def test_names_lead_the_set_of_a_low_confidence_vietnamese_answer(settings):
    settings.SUGGEST_TREND_STAGES = False
    vietnamese_corpus()
    for number in range(2):  # two posts share the topic: low confidence
        post(f"xuất hiện lẻ loi gầy gò {number}", ["showbiz", "xuhuong"], language="vi")
    index_build()
    result = suggest(text="Khả Ngân xuất hiện lẻ loi, gầy gò hậu ồn ào với Thanh Sơn", language="vi", k=10)
    assert result.fallback is None and result.confidence == "low"
    assert result.recommended[:2] == ["khangan", "thanhson"], result.recommended


def test_names_lead_only_where_their_chance_was_measured():
    """Leading with names measured worse on Spanish and Russian posts: no lead there."""
    assert written_first(None, "Mi viaje a Buenos Aires con Lionel Messi", "es", {"buenosaires": 0.05}) == []
    assert written_first(None, "Khả Ngân và Thanh Sơn", "vi", {"thanhson": 0.02, "khangan": 0.05}) == [
        "khangan",
        "thanhson",
    ]
