from __future__ import annotations

import pytest

from seo.score.drafting import draft_language
from seo.suggest.suggestions import KeywordSuggestion, SuggestError, Suggestions
from series.content import caption_seed, part_title, series_texts, teaser
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


def test_the_teaser_points_at_the_next_part_in_the_series_language():
    assert "Part 3/8" in teaser(topic="budget meal prep", number=2, total=8)
    assert "whole series on budget meal prep" in teaser(topic="budget meal prep", number=8, total=8)
    assert "Part 5" in teaser(topic="budget meal prep", number=4, total=None)
    assert "Del 3/8" in teaser(topic="billig middag", number=2, total=8, language="nb")
    assert "hele serien om billig middag" in teaser(topic="billig middag", number=8, total=8, language="nb")
    assert teaser(topic="pan casero", number=2, total=8, language="es") == "→ 3/8"  # never English


PLANNER_WORDS = ("Open on", "3 seconds", "Finale:", "Recap part", "Lead with", "Show the before")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("title", "topic", "language"),
    [
        ("Meal prep", "budget meal prep", "en"),
        ("Baking", "How to bake sourdough bread at home", "en"),
        ("Middag", "billig middag for studenter", "nb"),
        ("Første pull", "Min første pull-up etter tre måneder", "nb"),
    ],
)
def test_parts_speak_the_series_language_within_the_hook_rule(monkeypatch, title, topic, language):
    monkeypatch.setattr("seo.suggest.engine.suggest", _no_index)
    texts = series_texts(series=a_series(title=title, topic=topic, language=language), total=6)
    hooks = {text.hook_prompt for text in texts.values()}
    assert len(hooks) == 3  # the three drafts take turns
    for number, text in texts.items():
        assert 0 < len(text.hook_prompt.split()) <= 10, text.hook_prompt
        assert text.caption_draft.startswith(text.hook_prompt)
        assert not any(words in text.caption_draft for words in PLANNER_WORDS), text.caption_draft
        assert f"{part_title(number, 6, language)}: {title}" in text.caption_draft
        prose = "\n".join(line for line in text.caption_draft.splitlines() if not line.startswith("#"))
        assert draft_language(prose) == language, prose
        assert draft_language(text.teaser) == language, text.teaser


def _no_index(**kwargs):
    raise SuggestError("no index")


@pytest.mark.django_db
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

    monkeypatch.setattr("seo.suggest.engine.suggest", fake_suggest)
    texts = series_texts(series=a_series(), total=6)
    assert len(calls) == 1  # one call for the whole series, not one per part
    assert calls[0]["niche"] == "food" and calls[0]["hashtags"] == ["mealprep"]
    caption = texts[3].caption_draft.splitlines()
    assert caption[1] == "Part 3/6: Meal prep"
    assert caption[-1] == "#mealprep #budgetfood #lunchideas"


@pytest.mark.parametrize("failure", [SuggestError("no index"), RuntimeError("corrupt index")])
def test_captions_fall_back_to_the_series_keywords_when_the_engine_cannot_help(monkeypatch, failure):
    def broken(**kwargs):
        raise failure

    monkeypatch.setattr("seo.suggest.engine.suggest", broken)
    seed = caption_seed(series=a_series(hashtags=["#MealPrep", "cheap eats"]))
    assert seed.source == "series"
    assert seed.keywords == ["meal prep"]
    assert seed.hashtags[0] == "mealprep"
