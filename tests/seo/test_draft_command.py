"""`manage.py draft` and `manage.py score`: the exact JSON Lines interface our checks use."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def _run(name: str, raw_lines: list[str], *args: str) -> list[dict]:
    out = io.StringIO()
    call_command(
        name, *args, stdin=io.BytesIO("".join(f"{line}\n" for line in raw_lines).encode()), stdout=out
    )
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_draft_answers_every_line_in_order_with_the_documented_shape():
    lines = [
        json.dumps({"id": 1, "idea": "Budget meal prep for students"}),
        "not json",
        json.dumps({"id": 3, "idea": ""}),
        json.dumps({"id": 4, "idea": "Billig middag for studenter", "hashtags": ["middag", "#mat"]}),
        json.dumps({"id": 5, "idea": "Pan casero", "language": "es", "hashtags": "pan"}),
        json.dumps({"id": 6, "idea": "x", "hashtags": [1]}),
    ]
    answers = _run("draft", lines)
    assert [a.get("id") for a in answers] == [1, None, 3, 4, 5, 6]
    assert "error" in answers[1] and "error" in answers[2] and "error" in answers[5]
    first, norwegian, spanish = answers[0], answers[3], answers[4]
    assert set(first) == {"id", "language", "main_keyword", "confidence", "drafts"}
    assert first["language"] == "en" and first["main_keyword"] == "meal prep"
    assert first["confidence"] in ("high", "medium", "low")
    assert len(first["drafts"]) == 3
    for draft in first["drafts"]:
        assert set(draft) == {"kind", "pattern", "hook", "caption", "hashtags", "score"}
        assert set(draft["pattern"]) == {"name", "lift", "posts", "example"}
        assert 0 <= draft["score"] <= 100
    assert norwegian["language"] == "nb"
    for draft in norwegian["drafts"]:
        assert draft["hashtags"] == ["middag", "mat"] and draft["caption"].endswith("#middag #mat")
    assert spanish["language"] == "es" and spanish["drafts"]


def test_draft_takes_language_and_niche_defaults_from_its_options():
    answers = _run(
        "draft", [json.dumps({"id": 1, "idea": "Taco fredag"})], "--language", "nb", "--niche", "food"
    )
    assert answers[0]["language"] == "nb"
    assert all("Taco" in d["caption"] or "taco" in d["caption"] for d in answers[0]["drafts"])


def test_score_answers_like_the_api_and_reports_bad_lines():
    answers = _run(
        "score",
        [
            json.dumps(
                {"id": "a", "caption": "Budget meal prep for students. Save this!", "hashtags": ["mealprep"]}
            ),
            json.dumps({"id": "b", "caption": ""}),
            "[1, 2]",
        ],
    )
    assert [a.get("id") for a in answers] == ["a", "b", None]
    assert {"id", "score", "items", "language", "keywords"} <= set(answers[0])
    assert answers[0]["keywords"][0] == "meal prep"
    assert "error" in answers[1] and "caption" in answers[1]["error"]
    assert "error" in answers[2]
