"""One score everywhere: the editor, the API, batch scoring, `manage.py score` and the drafts agree."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from captions.batch import BatchRow, _scored_row
from captions.panel import EditorInput, panel_build

pytestmark = pytest.mark.django_db

CAPTIONS = [
    {"caption": "Budget meal prep for students\nFive lunches under 3 dollars. Save this for later.",
     "hook": "Meal prep for a whole week", "hashtags": ["mealprep", "budget"]},
    {"caption": "Slik lager du verdens beste kanelboller. Lagre denne til senere! #kanelboller",
     "hook": "", "hashtags": ["oppskrift"]},
    {"caption": "3 mistakes everyone makes with zone 2 cardio", "hook": "", "hashtags": []},
]  # fmt: skip


def _command(name: str, lines: list[dict], *args: str) -> list[dict]:
    out = io.StringIO()
    stdin = io.BytesIO("".join(json.dumps(line) + "\n" for line in lines).encode("utf-8"))
    call_command(name, *args, stdin=stdin, stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


@pytest.mark.parametrize("body", CAPTIONS)
def test_every_door_gives_the_same_number_for_the_same_text(body, api_post, owner_secret, demo_index):
    api = api_post("score", body, secret=owner_secret).json()
    command = _command("score", [{"id": 7, **body}])[0]
    editor = panel_build(
        data=EditorInput(caption=body["caption"], hook=body["hook"], hashtags=body["hashtags"])
    )
    assert command["id"] == 7
    assert api["score"] == command["score"] == editor["score"].score
    assert api["keywords"] == command["keywords"] and api["items"] == command["items"]
    if not body["hook"] and not body["hashtags"]:  # batch rows carry a caption only
        batch = _scored_row(BatchRow(line=1, title="", caption=body["caption"], language=""))
        assert batch[2] == api["score"]


def test_every_draft_scores_what_the_score_command_and_the_api_give_it(api_post, owner_secret, demo_index):
    ideas = [
        {"id": "a", "idea": "Budget meal prep for students"},
        {"id": "b", "idea": "Billig middag for studenter", "hashtags": ["middag"]},
        {"id": "c", "idea": "How to clean white sneakers", "hook": "White sneakers again"},
    ]
    answers = _command("draft", ideas)
    asked = [
        {"id": f"{a['id']}{i}", "caption": d["caption"], "hook": d["hook"], "hashtags": d["hashtags"]}
        for a in answers
        for i, d in enumerate(a["drafts"])
    ]
    scored = _command("score", asked)
    drafted = [d["score"] for a in answers for d in a["drafts"]]
    assert len(drafted) == 9
    assert [s["score"] for s in scored] == drafted
    with_language = _command(
        "score",
        [
            {**q, "language": a["language"]}
            for q, a in zip(asked, [a for a in answers for _ in range(3)], strict=True)
        ],
    )
    assert [s["score"] for s in with_language] == drafted
    assert (
        api_post("score", {k: v for k, v in asked[0].items() if k != "id"}, secret=owner_secret).json()[
            "score"
        ]
        == drafted[0]
    )


def test_the_main_keyword_is_never_a_call_to_action_or_filler(api_post, owner_secret, demo_index):
    body = api_post(
        "score", {"caption": "Save this! Easy sourdough tips, follow for part 2"}, secret=owner_secret
    ).json()
    assert body["keywords"][0] == "sourdough"
    picked = api_post(
        "score", {"caption": "Lagre denne: taco fredag", "keywords": ["lagre", "taco"]}, secret=owner_secret
    ).json()
    assert picked["keywords"][0] == "taco"
    assert "“lagre”" not in json.dumps(picked["items"], ensure_ascii=False)
