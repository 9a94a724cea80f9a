"""`python manage.py score`: caption scores for JSON Lines, exactly as /api/v1/score gives them.

Each input line is the body of POST /api/v1/score plus an "id": {"id", "caption",
"hook"?, "on_screen_text"?, "hashtags"?, "language"?, "keywords"?, "niche"?}; each
output line is {"id", "score", "items", "language", "keywords", ...}. The body is
validated by the API's own schema and scored by the same function
(seo.score.inputs.caption_score_for), so the numbers match.
"""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand
from pydantic import ValidationError

from api.schemas import ScoreIn
from seo.management.commands.draft import run_lines
from seo.score.inputs import caption_score_for


def score_line(item: dict[str, Any]) -> dict[str, Any]:
    body = {key: value for key, value in item.items() if key != "id"}
    try:
        payload = ScoreIn.model_validate(body)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise ValueError(problems) from None
    score, inputs = caption_score_for(
        caption=payload.caption, hook=payload.hook, on_screen_text=payload.on_screen_text,
        hashtags=payload.hashtags, language=payload.language, keywords=payload.keywords, niche=payload.niche,
    )  # fmt: skip
    return {
        "id": item.get("id"),
        **score.to_dict(),
        "language": inputs.language,
        "language_detected": inputs.language_detected,
        "keywords": inputs.keywords,
        "notes": inputs.notes,
    }


class Command(BaseCommand):
    stealth_options = ("stdin",)
    help = "Score each JSON line read from stdin (the body of /api/v1/score plus an id)."

    def handle(self, *args, **options):
        run_lines(self, options.get("stdin") or sys.stdin.buffer, score_line)
