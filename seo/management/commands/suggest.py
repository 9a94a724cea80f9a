"""`python manage.py suggest [--k 10] [--language CODE]`: JSON Lines in, JSON Lines out.

Each input line is {"id": ..., "text": "...", "language"?: "...", "hashtags"?: [...]};
each output line is the Suggestions as JSON with the input's id first, in input order.
A bad line yields {"id": ..., "error": "..."} and the run goes on. The index is
loaded once per process (seo.index.serving.active_index), not per line.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from seo.index.serving import active_index
from seo.suggest.engine import MAX_K, suggest
from seo.suggest.suggestions import SuggestError


def _answer(raw: bytes, number: int, *, k: int, language: str | None) -> dict[str, Any]:
    try:
        item = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return {"id": None, "error": f"line {number}: not valid JSON ({exc})"}
    if not isinstance(item, dict):
        return {"id": None, "error": f'line {number}: expected an object like {{"id": 1, "text": "..."}}'}
    item_id = item.get("id")
    text = item.get("text")
    if not isinstance(text, str):
        return {"id": item_id, "error": 'missing "text" (a string)'}
    tags = item.get("hashtags") or []
    if isinstance(tags, str):
        tags = tags.replace(",", " ").split()
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        return {"id": item_id, "error": '"hashtags" must be a list of strings'}
    line_language = item.get("language", language)
    if line_language is not None and not isinstance(line_language, str):
        return {"id": item_id, "error": '"language" must be a string such as "en"'}
    try:
        result = suggest(text=text, language=line_language, hashtags=tags, k=k)
    except SuggestError as exc:
        return {"id": item_id, "error": str(exc)}
    return {"id": item_id, **result.to_dict()}


class Command(BaseCommand):
    stealth_options = ("stdin",)
    help = "Suggest hashtags and keywords for JSON Lines read from stdin; one JSON line out per line in."

    def add_arguments(self, parser):
        parser.add_argument("--k", type=int, default=10, help=f"hashtags and keywords per answer (1-{MAX_K})")
        parser.add_argument("--language", default=None, help="language code used when a line gives none")

    def handle(self, *args, **options):
        k = options["k"]
        if not 1 <= k <= MAX_K:
            raise CommandError(f"--k must be from 1 to {MAX_K}")
        if active_index() is None:
            raise CommandError("There is no suggestion index yet: run `python manage.py build_index` first.")
        stdin = options.get("stdin") or sys.stdin.buffer
        for number, raw in enumerate(stdin, start=1):
            if isinstance(raw, str):
                raw = raw.encode("utf-8")
            if not raw.strip():
                continue
            answer = _answer(raw, number, k=k, language=options["language"])
            self.stdout.write(json.dumps(answer, ensure_ascii=False))
        self.stdout.flush()
