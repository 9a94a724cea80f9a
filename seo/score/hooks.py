"""What the Hooks page shows: mined patterns by language and niche, with their evidence.

A selector over the serving version's patterns (seo.score.patterns); seed frames are
listed after the mined ones and say they are seeds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from seo.models import TrendPost
from seo.score.patterns import mined_rows
from seo.text.frames import FRAMES

ROWS_SHOWN = 40


@dataclass
class HooksPage:
    language: str
    niche: str
    languages: list[str]
    niches: list[str]
    hooks: list[dict[str, Any]] = field(default_factory=list)
    ctas: list[dict[str, Any]] = field(default_factory=list)
    seeds: list[dict[str, Any]] = field(default_factory=list)
    has_patterns: bool = False


def _with_urls(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    ids = {ex["post_id"] for row in rows for ex in row.get("examples", [])}
    urls = dict(TrendPost.objects.filter(pk__in=ids).values_list("pk", "url")) if ids else {}
    return [
        {**row, "examples": [{**ex, "url": urls.get(ex["post_id"], "")} for ex in row.get("examples", [])]}
        for row in rows
    ]


def hooks_page(*, language: str = "", niche: str = "") -> HooksPage:
    """Patterns for one language ("" = every language) and niche ("" = the whole corpus)."""
    rows = mined_rows()
    languages = sorted({r["language"] for r in rows if r["language"]})
    niches = sorted({r["niche"] for r in rows if r.get("niche")})
    language = language if language in languages else ""
    niche = niche if niche in niches else ""
    chosen = [r for r in rows if (not language or r["language"] == language) and r.get("niche", "") == niche]
    chosen.sort(key=lambda r: (-(r.get("lift") or 0), -r["posts"]))
    mined_names = {(r["language"], r["name"]) for r in chosen}
    seeds = [
        {"language": f.language, "name": f.name, "kind": f.kind, "title": f.title}
        for f in FRAMES
        if (not language or f.language == language) and (f.language, f.name) not in mined_names
    ]
    return HooksPage(
        language=language,
        niche=niche,
        languages=languages,
        niches=niches,
        hooks=_with_urls([r for r in chosen if r["kind"] == "hook"][:ROWS_SHOWN]),
        ctas=_with_urls([r for r in chosen if r["kind"] == "cta"][:ROWS_SHOWN]),
        seeds=seeds,
        has_patterns=bool(rows),
    )
