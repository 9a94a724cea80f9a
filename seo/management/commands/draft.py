"""`python manage.py draft [--language CODE] [--niche NAME]`: caption drafts for JSON Lines.

Each input line is {"id": ..., "idea": "...", "language"?: "...", "niche"?: "...",
"hook"?: "...", "hashtags"?: [...]}; each output line, in input order, is
{"id", "language", "main_keyword", "confidence", "drafts": [three drafts]} where a
draft is {"kind", "pattern": {"name", "lift", "posts", "example"}, "hook",
"caption", "hashtags", "score"}. A bad line yields {"id": ..., "error": "..."} and
the run goes on. Each draft's score is what `manage.py score` gives its caption,
hook and hashtags.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand

from seo.score.drafting import caption_drafts, draft_language
from seo.suggest.engine import blocked_tags, suggest
from seo.suggest.main_keyword import main_keyword
from seo.suggest.suggestions import SuggestError

MAX_IDEA_CHARS = 5000


def _strings(value: Any) -> list[str] | None:
    if value is None:
        return []
    if isinstance(value, str):
        return value.replace(",", " ").split()
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    return None


def idea_drafts(item: dict[str, Any], *, language: str | None, niche: str | None) -> dict[str, Any]:
    """The answer for one parsed line (raises ValueError with a message for a bad one)."""
    idea = item.get("idea")
    if not isinstance(idea, str) or not idea.strip():
        raise ValueError('missing "idea" (a non-empty string)')
    if len(idea) > MAX_IDEA_CHARS:
        raise ValueError(f'"idea" is {len(idea):,} characters; at most {MAX_IDEA_CHARS:,}')
    hook = item.get("hook") or ""
    tags = _strings(item.get("hashtags"))
    line_language = item.get("language", language)
    line_niche = item.get("niche", niche)
    if not isinstance(hook, str) or tags is None:
        raise ValueError('"hook" must be a string and "hashtags" a list of strings')
    if not all(v is None or isinstance(v, str) for v in (line_language, line_niche)):
        raise ValueError('"language" and "niche" must be strings')
    written = draft_language(idea, line_language)
    try:
        found = suggest(
            text="\n".join(p for p in (hook, idea) if p), language=written or None,
            niche=line_niche or None, hashtags=tags, k=10,
        )  # fmt: skip
    except SuggestError:
        found = None
    drafts = caption_drafts(
        topic=idea, hook=hook, hashtags=tags or (found.recommended if found else []),
        language=written, niche=line_niche or "", blocked=blocked_tags(),
    )  # fmt: skip
    keyword = main_keyword(idea, language=written)
    answer = {
        "id": item.get("id"),
        "language": written,
        "main_keyword": keyword,
        # The engine will report its own confidence (seo.suggest.suggestions); until then, no index is low.
        "confidence": getattr(found, "confidence", "medium") if found else "low",
        "drafts": [draft.to_dict() for draft in drafts],
    }
    if not drafts:
        answer["message"] = (
            "Your idea names no topic to write about: say in a few words what the video is about."
            if keyword is None
            else "No draft fits this idea yet: write a hook, or add a keyword."
        )
    return answer


def answer_line(raw: bytes, number: int, answer) -> dict[str, Any]:
    """One JSON Lines line parsed and answered; any problem becomes {"id", "error"}."""
    try:
        item = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return {"id": None, "error": f"line {number}: not valid JSON ({exc})"}
    if not isinstance(item, dict):
        return {"id": None, "error": f"line {number}: expected a JSON object"}
    try:
        return answer(item)
    except ValueError as exc:
        return {"id": item.get("id"), "error": str(exc)}


def run_lines(command: BaseCommand, stdin, answer) -> None:
    for number, raw in enumerate(stdin, start=1):
        if isinstance(raw, str):
            raw = raw.encode("utf-8")
        if raw.strip():
            command.stdout.write(json.dumps(answer_line(raw, number, answer), ensure_ascii=False))
    command.stdout.flush()


class Command(BaseCommand):
    stealth_options = ("stdin",)
    help = "Write three caption drafts for each JSON line of ideas read from stdin."

    def add_arguments(self, parser):
        parser.add_argument("--language", default=None, help="language code used when a line gives none")
        parser.add_argument("--niche", default=None, help="niche used when a line gives none")

    def handle(self, *args, **options):
        stdin = options.get("stdin") or sys.stdin.buffer
        run_lines(
            self, stdin, lambda item: idea_drafts(item, language=options["language"], niche=options["niche"])
        )
