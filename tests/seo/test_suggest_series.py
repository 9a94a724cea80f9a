"""Languages the subject rules do not read (Vietnamese, Thai, Indonesian): a close post's own vote
(a creator's series keeps its tags), and a query read as a language the corpus barely holds."""

from __future__ import annotations

import pytest

from seo.index.lifecycle import index_build
from seo.suggest.engine import suggest
from tests.corpus_factory import post

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("index_env")]

LOOSE = [
    "review quán bún chả ngon ở Hà Nội",
    "review quán phở gà phố cổ Hà Nội",
    "review quán cà phê trứng Hà Nội",
    "review quán bánh cuốn nóng Hà Nội",
    "review quán phở cuốn Ngũ Xã Hà Nội",
    "review quán chè bốn mùa Hà Nội",
]
OTHER = [
    "đi du lịch Đà Lạt cùng gia đình",
    "trang điểm nhẹ nhàng đi học",
    "bài hát buồn cho ngày mưa",
    "tập gym giảm cân tại nhà",
]


def vietnamese_corpus(*, series_language: str = "vi") -> None:
    for copy in range(3):
        for caption in LOOSE:
            post(f"{caption} {copy}", ["foodhanoi", "fyp"], language="vi")
        for caption in OTHER:
            post(f"{caption} {copy}", ["cuocsong", "fyp"], language="vi")
    # One creator's series: near-duplicate captions, the same tags.
    post("review quán phở bò Hà Nội tập 12 quán cô Lan", ["reviewhanoi", "fyp"], language=series_language)


def scores(text: str, language: str) -> dict[str, object]:
    return {row.tag: row for row in suggest(text=text, language=language, k=20).hashtags}


def test_a_near_duplicate_post_hands_its_tags_to_the_query_in_vietnamese(settings):
    from seo.suggest import votes

    settings.SUGGEST_TREND_STAGES = False
    vietnamese_corpus()
    index_build()
    rows = scores("review quán phở bò Hà Nội tập 13 quán cô Lan", "vi")
    series = rows["reviewhanoi"]
    similarity = series.parts["similarity"]  # the one post carrying it
    assert similarity > 0.5
    assert series.score >= votes.SERIES_CHANCE * similarity**votes.SERIES_POWER * 0.99, (
        "at least the close post's own chance, whatever the share of the loose neighbours"
    )
    assert series.score > rows["foodhanoi"].score, "one near-duplicate outweighs the loose Hà Nội reviews"
    # (English keeps the calibrated share alone: test_suggest_ranking's
    # test_a_specific_tag_is_scored_at_the_calibrated_share_of_the_votes.)


def test_a_query_read_as_a_language_the_corpus_barely_holds_finds_the_corpus_posts(settings):
    """A short Vietnamese caption without accents read as French, against a corpus with two
    French posts: the Vietnamese posts are not foreign to it (no stricter floor, full votes)."""
    settings.SUGGEST_TREND_STAGES = False
    vietnamese_corpus()
    for copy in range(2):
        post(f"recette de crêpes faciles {copy}", ["crepes"], language="fr")
    for copy in range(4):
        post(f"ap luc cong viec moi ngay van phong {copy}", ["apluc", "fyp"], language="vi")
    index_build()
    result = suggest(text="ap luc moi ngay khi thi cu dai hoc nam nay qua met moi", language="fr", k=10)
    assert "apluc" in [row.tag for row in result.hashtags]
    assert result.fallback is None, "the four posts pass the floor"
    assert "4 trending posts" in result.confidence_reason


def test_at_low_confidence_a_close_post_keeps_its_series_tags_in_vietnamese(settings):
    """Only the creator's earlier episode shares the topic: its tag stays (in English a tag one
    close post carries is dropped at low confidence, test_trust)."""
    settings.SUGGEST_TREND_STAGES = False
    for copy in range(3):
        for caption in OTHER:
            post(f"{caption} {copy}", ["cuocsong", "fyp"], language="vi")
    post("review quán phở bò Hà Nội tập 12 quán cô Lan", ["reviewhanoi", "fyp"], language="vi")
    index_build()
    result = suggest(text="review quán phở bò Hà Nội tập 13 quán cô Lan", language="vi", k=10)
    assert result.confidence == "low"
    assert "reviewhanoi" in [row.tag for row in result.hashtags]
