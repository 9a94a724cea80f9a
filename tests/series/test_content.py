from __future__ import annotations

import pytest

from seo.suggestions import KeywordSuggestion, SuggestError, Suggestions
from series.content import caption_seed, hook_prompt, part_title, series_texts, teaser
from series.models import Series


def a_series(**overrides) -> Series:
    values = {
        "title": "Meal prep",
        "topic": "budget meal prep",
        "niche": "food",
        "language": "en",
        "parts_count": 6,
        "hashtags": ["mealprep"],
        "keywords": ["meal prep"],
    }
    values.update(overrides)
    return Series(**values)


def test_titles_say_part_n_of_n_or_part_n_when_open_ended():
    assert part_title(2, 6) == "Part 2/6"
    assert part_title(2, None) == "Part 2"


def test_hooks_vary_and_the_teaser_points_at_the_next_part():
    hooks = {hook_prompt(topic="t", number=n, total=8) for n in range(1, 9)}
    assert len(hooks) >= 6
    assert "part 1 of 8" in hook_prompt(topic="t", number=1, total=8)
    assert "Finale" in hook_prompt(topic="t", number=8, total=8)
    assert "Part 3/8" in teaser(topic="t", number=2, total=8)
    assert "whole series" in teaser(topic="t", number=8, total=8)
    assert "Part 5" in teaser(topic="t", number=4, total=None)


def test_captions_use_the_suggestion_engine_when_it_answers(monkeypatch):
    calls = []

    def fake_suggest(**kwargs):
        calls.append(kwargs)
        return Suggestions(
            query=kwargs["text"],
            language="en",
            hashtags=[],
            recommended=["mealprep", "budgetfood", "lunchideas"],
            keywords=[KeywordSuggestion(term="high protein", score=1.0, posts=5, engagement=0.1)],
        )

    monkeypatch.setattr("seo.suggest.suggest", fake_suggest)
    texts = series_texts(series=a_series(), total=6)
    assert len(calls) == 1  # one call for the whole series, not one per part
    assert calls[0]["niche"] == "food" and calls[0]["hashtags"] == ["mealprep"]
    assert texts[3].caption_draft.splitlines() == [
        "Meal prep (Part 3/6): budget meal prep",
        "meal prep, high protein",
        "Follow for the next part.",
        "#mealprep #budgetfood #lunchideas",
    ]


@pytest.mark.parametrize("failure", [SuggestError("no index"), RuntimeError("corrupt index")])
def test_captions_fall_back_to_the_series_keywords_when_the_engine_cannot_help(monkeypatch, failure):
    def broken(**kwargs):
        raise failure

    monkeypatch.setattr("seo.suggest.suggest", broken)
    seed = caption_seed(series=a_series(hashtags=["#MealPrep", "cheap eats"]))
    assert seed.source == "series"
    assert seed.keywords == ["meal prep"]
    assert seed.hashtags[0] == "mealprep"
