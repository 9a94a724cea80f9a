"""The optional trend-stage hook: used when the trends app offers stages, harmless when not."""

from __future__ import annotations

import pytest

from seo import suggest as suggest_module
from seo.index import index_build
from seo.suggest import _stage_multiplier, suggest
from tests.seo.corpus_factory import index_env, topic_corpus  # noqa: F401  (fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("index_env")]


def test_without_stages_every_multiplier_is_one():
    assert _stage_multiplier("pasta") == 1.0
    assert _stage_multiplier("pasta", {}) == 1.0


def test_a_rising_tag_is_boosted_and_labelled(monkeypatch):
    asked = []

    def stage_for_tags(tags):
        asked.append(list(tags))
        return {"recipe": "rising", "dinner": "declining"}

    monkeypatch.setattr(
        suggest_module, "_stage_source", lambda: (stage_for_tags, {"rising": 1.25, "declining": 0.8})
    )
    topic_corpus()
    index_build()
    rows = {row.tag: row for row in suggest(text="pasta recipe dinner").hashtags}
    assert rows["recipe"].stage == "rising" and rows["recipe"].parts["stage_factor"] == 1.25
    assert rows["dinner"].parts["stage_factor"] == 0.8
    assert rows["pasta"].stage is None and rows["pasta"].parts["stage_factor"] == 1.0
    suggest(text="pasta recipe")
    assert len(asked) == 1, "stages are cached, not queried per suggestion"


def test_a_failing_stage_source_is_ignored(monkeypatch):
    def broken(tags):
        raise RuntimeError("trend tables missing")

    monkeypatch.setattr(suggest_module, "_stage_source", lambda: (broken, {}))
    topic_corpus()
    index_build()
    result = suggest(text="pasta recipe")
    assert result.hashtags and all(row.stage is None for row in result.hashtags)
