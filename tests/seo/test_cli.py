from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command

from seo.index import serving as index_module
from seo.index.lifecycle import index_build
from seo.models import IndexVersion
from tests.corpus_factory import topic_corpus

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("index_env")]


def run_suggest(lines: list[str], *args: str) -> list[dict]:
    out = io.StringIO()
    stdin = io.BytesIO("".join(line + "\n" for line in lines).encode("utf-8"))
    call_command("suggest", *args, stdin=stdin, stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_build_index_builds_and_activates_a_version():
    topic_corpus(copies=1)
    out = io.StringIO()
    call_command("build_index", stdout=out)
    assert "index v1 active: 16 posts" in out.getvalue()
    assert IndexVersion.objects.get().status == IndexVersion.Status.ACTIVE


def test_build_index_explains_an_empty_corpus():
    with pytest.raises(CommandError, match="empty"):
        call_command("build_index", stdout=io.StringIO())


def test_suggest_answers_every_line_in_order_with_the_documented_shape():
    topic_corpus()
    index_build()
    answers = run_suggest(
        [
            json.dumps({"id": "a", "text": "creamy pasta recipe"}),
            json.dumps({"id": 2, "text": "football goal", "hashtags": ["#Soccer"], "language": "en"}),
        ],
        "--k",
        "3",
    )
    assert [a["id"] for a in answers] == ["a", 2]
    first = answers[0]
    assert len(first["hashtags"]) == 3 and len(first["keywords"]) <= 3
    tag = first["hashtags"][0]
    assert set(tag) >= {"tag", "score", "tier"} and not tag["tag"].startswith("#")
    assert tag["tier"] in {"broad", "mid", "niche"}
    assert 3 <= len(first["recommended"]) <= 5
    assert {"term", "score"} <= set(first["keywords"][0])
    assert answers[1]["typed_hashtags"][0]["tag"] == "soccer"


def test_a_bad_line_gets_an_error_and_the_rest_continue():
    topic_corpus(copies=1)
    index_build()
    answers = run_suggest(
        [
            "this is not json",
            json.dumps({"id": 1, "text": "   "}),
            json.dumps({"id": 2}),
            json.dumps({"id": 3, "text": "x" * 10_001}),
            json.dumps({"id": 4, "text": "pasta", "hashtags": 5}),
            json.dumps([1, 2]),
            json.dumps({"id": 5, "text": "pasta recipe"}),
        ]
    )
    assert [a["id"] for a in answers] == [None, 1, 2, 3, 4, None, 5]
    assert "line 1" in answers[0]["error"]
    assert "empty" in answers[1]["error"]
    assert "text" in answers[2]["error"]
    assert "10,000" in answers[3]["error"]
    assert "hashtags" in answers[4]["error"]
    assert "error" not in answers[6] and answers[6]["hashtags"]


def test_a_line_language_overrides_the_default_language():
    topic_corpus(copies=1)
    index_build()
    answers = run_suggest(
        [json.dumps({"id": 1, "text": "🔥"}), json.dumps({"id": 2, "text": "🔥", "language": "de"})],
        "--language",
        "no",
    )
    # "no" is Norwegian; Hookline answers with its code for bokmål, the language it used.
    assert answers[0]["language"] == "nb" and answers[1]["language"] == "de"


def test_it_answers_many_lines_loading_the_index_once(monkeypatch):
    topic_corpus(copies=1)
    index_build()
    loads = []
    original = index_module.LoadedIndex

    def counting(*args, **kwargs):
        loads.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(index_module, "LoadedIndex", counting)
    # Every line asks the database whether a new version is active (as a long run does each
    # HOOKLINE_INDEX_RELOAD_SECONDS): the same version must be reused, never loaded again.
    # 90 lines (30 of each text) prove that as well as 10,000 and then 600 did, in a fraction of the time.
    monkeypatch.setattr(index_module, "reload_seconds", lambda: 0.0)
    lines = [json.dumps({"id": n, "text": ["pasta recipe", "football goal", "🔥"][n % 3]}) for n in range(90)]
    answers = run_suggest(lines)
    assert [a["id"] for a in answers] == list(range(90))
    assert all("error" not in a for a in answers)
    assert len(loads) == 1


def test_suggest_refuses_to_run_without_an_index():
    with pytest.raises(CommandError, match="build_index"):
        run_suggest([json.dumps({"id": 1, "text": "pasta"})])


def test_suggest_rejects_a_bad_k():
    with pytest.raises(CommandError, match="--k"):
        run_suggest([], "--k", "0")
