"""POST /api/v1/suggest is rendered without ninja's output validation: these prove every
answer still matches SuggestOut (the OpenAPI schema) exactly, and that `"evidence": false`
ranks the same suggestions without reading a single evidence row."""

from __future__ import annotations

from dataclasses import asdict

import pytest

import api.tokens
from api.schemas import SuggestOut

pytestmark = pytest.mark.django_db

QUERIES = [
    {"text": "sourdough bread recipe for beginners", "k": 10},
    {"text": "sourdough bread recipe for beginners #sourdough", "hashtags": ["Baking", "#brod"], "k": 3},
    {"text": "Kanelboller med kardemomme og vaniljekrem"},  # no trending post shares it: the fallback
    {"text": "easy pasta dinner", "k": 50, "niche": "food", "language": "en"},
]


def _matches_schema(body: dict) -> bool:
    # model_dump drops keys the schema does not name and validation fails on missing or
    # mistyped ones, so equality means the answer is exactly what the schema documents.
    return SuggestOut.model_validate(body).model_dump(mode="json") == body


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("evidence", [True, False])
def test_every_answer_matches_the_documented_schema(api_post, owner_secret, demo_index, query, evidence):
    response = api_post("suggest", {**query, "evidence": evidence}, secret=owner_secret)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert _matches_schema(response.json())


def test_a_key_the_schema_does_not_name_would_be_caught():
    # The check above must be able to fail: an extra key, or a missing one, breaks the equality.
    body = {
        "query": "q", "language": "en", "hashtags": [], "recommended": [], "keywords": [],
        "similar_posts": [], "fallback": None, "typed_hashtags": [], "index_version": 1,
        "confidence": "high", "confidence_reason": "", "main_keyword": None, "filler": [],
    }  # fmt: skip
    assert _matches_schema(body)
    assert not _matches_schema({**body, "undocumented": 1})
    with pytest.raises(ValueError):
        _matches_schema({k: v for k, v in body.items() if k != "filler"})


def test_evidence_is_included_by_default(api_post, owner_secret, demo_index):
    body = api_post("suggest", {"text": "sourdough bread recipe"}, secret=owner_secret).json()
    assert body["similar_posts"]
    assert any(tag["examples"] for tag in body["hashtags"])
    # The demo's posts: the evidence names them, and has no video address to link to.
    assert all(post["video_id"].startswith("demo-") and post["url"] == "" for post in body["similar_posts"])


def test_without_evidence_the_suggestions_are_the_same_and_carry_no_posts(api_post, owner_secret, demo_index):
    query = {"text": "sourdough bread recipe for beginners", "k": 10}
    full = api_post("suggest", query, secret=owner_secret).json()
    bare = api_post("suggest", {**query, "evidence": False}, secret=owner_secret).json()
    assert bare["similar_posts"] == []
    assert all(row["examples"] == [] for row in bare["hashtags"] + bare["keywords"])
    for name in ("hashtags", "keywords"):
        full_rows = [{**row, "examples": []} for row in full[name]]
        assert bare[name] == full_rows
    assert bare["recommended"] == full["recommended"] and bare["confidence"] == full["confidence"]


def test_without_evidence_no_query_reaches_the_database(
    api_post, owner_secret, demo_index, django_assert_num_queries, settings, monkeypatch
):
    # What a process reads once every few seconds (the index's "new version?", the token, the
    # trend stages) stays remembered for the test; the first request reads it.
    settings.HOOKLINE_INDEX_RELOAD_SECONDS = 3600
    monkeypatch.setattr(api.tokens, "TOKEN_CACHE_SECONDS", 3600.0)
    query = {"text": "sourdough bread recipe for beginners", "k": 10}
    api_post("suggest", {**query, "evidence": False}, secret=owner_secret)
    with django_assert_num_queries(0):
        bare = api_post("suggest", {**query, "evidence": False}, secret=owner_secret)
    assert bare.status_code == 200 and bare.json()["hashtags"]
    # The same request with evidence reads the posts' rows: the count above could fail.
    with django_assert_num_queries(1):
        api_post("suggest", query, secret=owner_secret)


def test_evidence_must_be_a_boolean(api_post, owner_secret, demo_index):
    response = api_post("suggest", {"text": "bread", "evidence": "sometimes"}, secret=owner_secret)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "evidence"


def test_to_dict_equals_asdict_and_shares_nothing_mutable(demo_index):
    from seo.suggest.engine import suggest

    found = suggest(text="sourdough bread recipe for beginners #brod", hashtags=["baking"], k=5)
    data = found.to_dict()
    assert data == asdict(found)
    data["hashtags"][0]["parts"]["similarity"] = -1.0
    data["hashtags"][0]["examples"].clear()
    data["keywords"][0]["placement"].append("nowhere")
    data["typed_hashtags"][0]["tag"] = "changed"
    assert found.to_dict() == asdict(found) != data
