from __future__ import annotations

from seo.caption_text import TextIndex, calls_to_action
from seo.drafting import caption_drafts
from seo.text import hashtags_in_caption as inline_hashtags

KEYWORDS = ["pasta", "easy dinner", "garlic"]


def drafts(**overrides):
    args = {
        "topic": "a quick weeknight pasta with garlic and lemon",
        "keywords": KEYWORDS,
        "hashtags": ["pasta", "#dinner", "garlicpasta"],
        "language": "en",
    }
    return caption_drafts(**{**args, **overrides})


def test_three_distinct_drafts_each_with_its_own_score():
    result = drafts()
    assert len(result) == 3
    assert len({d.text for d in result}) == 3
    assert len({d.style for d in result}) == 3
    assert all(0 <= d.score.score <= 100 and d.score.items for d in result)


def test_each_draft_follows_the_caption_rules():
    for draft in drafts():
        lines = draft.text.splitlines()
        assert TextIndex(draft.text[:100]).contains("pasta"), draft.text
        assert calls_to_action(draft.text), draft.text
        assert lines[-1].startswith("#") and all(word.startswith("#") for word in lines[-1].split())
        assert inline_hashtags(draft.text) == ["pasta", "dinner", "garlicpasta"]
        assert not any(line.startswith("#") for line in lines[:-1])


def test_the_creators_hook_is_the_first_line():
    for draft in drafts(hook="Stop boiling water like this"):
        first, second = draft.text.splitlines()[:2]
        assert first == "Stop boiling water like this"
        assert second.startswith("Pasta:")  # the keyword follows right away when the hook lacks it


def test_norwegian_drafts_are_written_in_norwegian():
    result = drafts(
        topic="rask middag med laks og ris", keywords=["laks", "middag"], hashtags=["laks"], language="nb"
    )
    assert all(calls_to_action(d.text) for d in result)
    assert any("Lagre" in d.text for d in result)
    assert any("Kommenter" in d.text for d in result)
    assert not any("Save this" in d.text for d in result)


def test_a_regional_language_code_picks_the_language_templates():
    assert any("Lagre" in d.text for d in drafts(language="nb-NO"))


def test_other_languages_keep_the_creators_words_in_an_english_frame():
    result = drafts(topic="cách làm bánh mì ngon", keywords=["bánh mì"], hashtags=[], language="vi")
    assert all("bánh mì" in d.text for d in result)
    assert all(calls_to_action(d.text) for d in result)


def test_hashtags_are_capped_at_five_and_blocked_ones_are_left_out():
    result = drafts(hashtags=["a", "b", "banned", "c", "d", "e", "f"], blocked={"banned"})
    for draft in result:
        assert inline_hashtags(draft.text) == ["a", "b", "c", "d", "e"]


def test_without_chosen_tags_the_keywords_become_tags():
    assert inline_hashtags(drafts(hashtags=[])[0].text) == ["pasta", "easydinner", "garlic"]


def test_drafts_are_deterministic():
    assert [d.text for d in drafts()] == [d.text for d in drafts()]


def test_count_limits_the_drafts_and_nothing_to_write_about_gives_none():
    assert len(drafts(count=1)) == 1
    assert caption_drafts(topic="", keywords=[], hook="") == []


def test_drafts_with_chosen_tags_and_keywords_score_well():
    tiers = {"pasta": "broad", "dinner": "mid", "garlicpasta": "niche"}
    assert all(d.score.score >= 90 for d in drafts(tiers=tiers))
