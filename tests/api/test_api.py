from __future__ import annotations

import json

import pytest
from django.test import override_settings

from api.models import ApiToken
from api.tokens import token_revoke

pytestmark = pytest.mark.django_db

CAPTION = {
    "caption": "Easy pasta in 10 minutes 🍝\nSave this for later! #pasta #dinner",
    "keywords": ["pasta"],
}


def test_score_returns_the_checklist_as_json(api_post, owner_secret):
    response = api_post(
        "score", {**CAPTION, "hook": "Easy pasta", "hashtags": ["garlic"]}, secret=owner_secret
    )
    assert response.status_code == 200
    body = response.json()
    assert 0 <= body["score"] <= 100
    assert body["score"] == sum(item["points"] for item in body["items"])
    assert {item["key"] for item in body["items"]} >= {"keyword_hook", "call_to_action", "caption_length"}
    assert body["keywords"] == ["pasta"]
    assert body["language"] == "en" and body["language_detected"] is True


def test_score_keeps_a_given_language(api_post, owner_secret):
    body = api_post("score", {**CAPTION, "language": "nb"}, secret=owner_secret).json()
    assert body["language"] == "nb" and body["language_detected"] is False


def test_score_without_an_index_still_scores_and_says_why(api_post, owner_secret):
    response = api_post("score", {"caption": "Easy pasta tonight"}, secret=owner_secret)
    assert response.status_code == 200
    body = response.json()
    assert body["keywords"] == ["pasta"]  # the main keyword is the text's own, index or not
    assert any("index" in note for note in body["notes"])


def test_score_uses_suggested_keywords_from_the_index(api_post, owner_secret, demo_index):
    body = api_post(
        "score", {"caption": "My sourdough bread recipe for beginners"}, secret=owner_secret
    ).json()
    assert body["keywords"], body
    assert body["notes"] == []


def test_suggest_returns_hashtags_and_keywords(api_post, owner_secret, demo_index):
    response = api_post("suggest", {"text": "sourdough bread recipe", "k": 5}, secret=owner_secret)
    assert response.status_code == 200, response.content
    body = response.json()
    assert 3 <= len(body["recommended"]) <= 5
    assert len(body["hashtags"]) <= 5
    assert all(tag["tier"] in {"broad", "mid", "niche"} for tag in body["hashtags"])
    assert body["confidence"] in {"high", "medium", "low"} and body["confidence_reason"]
    assert body["main_keyword"] and body["language"] == "en"
    assert all(tag["source"] in {"corpus", "your_words", "trending_filler"} for tag in body["hashtags"])


@pytest.mark.parametrize("evidence", [True, False])
def test_suggest_answers_the_engines_suggestion_value_for_value(api_post, owner_secret, demo_index, evidence):
    from seo.suggest.engine import suggest

    text = "Kanelboller som mormor lagde dem 🥐 #baking"  # non-ASCII, an emoji and a typed tag
    response = api_post("suggest", {"text": text, "k": 10, "evidence": evidence}, secret=owner_secret)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.json() == json.loads(json.dumps(suggest(text=text, k=10, evidence=evidence).to_dict()))


def test_suggest_says_when_no_trending_post_shares_the_topic(api_post, owner_secret, demo_index):
    # Fly fishing is none of the demo's 24 niches: no demo post shares this topic.
    response = api_post("suggest", {"text": "Fluefiske etter laks i Namsen"}, secret=owner_secret)
    body = response.json()
    assert body["confidence"] == "low" and "your own words" in body["confidence_reason"] + (
        body["fallback"] or ""
    )
    assert body["language"] == "nb"
    assert "fluefiske" in body["recommended"], "the subject (fly fishing) leads"
    assert not set(body["filler"]) & set(body["recommended"]), "trending filler is labelled, not advised"


def test_suggest_without_an_index_is_a_400_with_the_reason(api_post, owner_secret):
    response = api_post("suggest", {"text": "pasta"}, secret=owner_secret)
    assert response.status_code == 400
    assert "index" in response.json()["detail"]


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("score", {}),
        ("score", {"caption": ""}),
        ("score", {"caption": 42}),
        ("score", {"caption": "ok", "hashtags": "not-a-list"}),
        ("score", {"caption": "x" * 20_001}),
        ("score", {"caption": "ok", "hashtags": ["t"] * 31}),
        ("suggest", {"text": "pasta", "k": 0}),
        ("suggest", {"text": "pasta", "k": 51}),
        ("suggest", {"text": "pasta", "k": "ten"}),
        ("suggest", {"text": "   "}),
        ("suggest", []),
        ("score", {"caption": "ok", "language": "not a language"}),
        ("score", {"caption": "ok", "hashtags": [None]}),
        ("score", {"caption": "ok", "hashtags": ["x" * 201]}),
        ("suggest", {"text": "pasta", "niche": "n" * 51}),
    ],
)
def test_bad_bodies_are_4xx_json_never_500(api_post, owner_secret, path, body):
    response = api_post(path, body, secret=owner_secret)
    assert 400 <= response.status_code < 500
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]


@pytest.mark.parametrize("raw", ["{not json", "", "null", '"a string"', "\xff"])
def test_malformed_json_is_a_4xx(api_post, owner_secret, raw):
    response = api_post("score", raw, secret=owner_secret, raw=True)
    assert 400 <= response.status_code < 500
    assert response.json()["detail"]


def test_a_body_over_the_upload_limit_is_a_413_json(api_post, owner_secret, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = api_post("score", {"caption": "x" * 2000}, secret=owner_secret)
    assert response.status_code == 413
    assert response.json()["detail"] == "The request body is too large."


def test_a_form_encoded_body_is_a_4xx(client, owner_secret):
    response = client.post(
        "/api/v1/score", {"caption": "hi"}, headers={"Authorization": f"Bearer {owner_secret}"}
    )
    assert 400 <= response.status_code < 500 and response.json()["detail"]


def test_a_missing_token_is_401_with_a_reason(api_post):
    response = api_post("score", CAPTION)
    assert response.status_code == 401
    assert "Bearer" in response.json()["detail"]
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("secret", ["hl_wrong", "nonsense", "hl_" + "a" * 500])
def test_a_wrong_token_is_401(api_post, secret):
    response = api_post("score", CAPTION, secret=secret)
    assert response.status_code == 401
    assert "invalid or has been revoked" in response.json()["detail"]


def test_a_revoked_token_is_401(api_post, owner_secret, owner):
    assert api_post("score", CAPTION, secret=owner_secret).status_code == 200
    token_revoke(token=ApiToken.objects.get(user=owner))
    assert api_post("score", CAPTION, secret=owner_secret).status_code == 401


def test_a_deactivated_users_token_is_401(api_post, owner_secret, owner):
    owner.is_active = False
    owner.save()
    assert api_post("score", CAPTION, secret=owner_secret).status_code == 401


def test_use_of_a_token_is_recorded(api_post, owner_secret, owner):
    api_post("score", CAPTION, secret=owner_secret)
    assert ApiToken.objects.get(user=owner).last_used_at is not None


@override_settings(API_RATE_LIMIT_PER_MINUTE=3)
def test_the_rate_limit_is_per_token_and_answers_429_with_retry_after(api_post, owner_secret, other):
    from api.tokens import token_create

    for _ in range(3):
        assert api_post("score", CAPTION, secret=owner_secret).status_code == 200
    limited = api_post("score", CAPTION, secret=owner_secret)
    assert limited.status_code == 429
    assert 1 <= int(limited["Retry-After"]) <= 61
    assert limited.json()["retry_after"] == int(limited["Retry-After"])
    _, other_secret = token_create(user=other, name="Other")
    assert api_post("score", CAPTION, secret=other_secret).status_code == 200


def test_html_in_input_comes_back_as_data_not_markup(api_post, owner_secret):
    evil = '<script>alert("x")</script> pasta'
    keyword = '<img src=x onerror="y">'
    response = api_post("score", {"caption": evil, "keywords": [keyword]}, secret=owner_secret)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    body = json.loads(response.content)
    # Returned verbatim as JSON strings (neither executed nor HTML-escaped into "&lt;").
    assert body["keywords"] == [keyword]
    assert "&lt;" not in response.content.decode()
