"""The patterns of the serving index version, as the drafter and the Hooks page read them.

The build writes patterns.json next to the index files (seo.index.build), so the
patterns always belong to the version that serves: a rebuild re-mines them and the
switch to the new version switches them too. They are read once per loaded version
(seo.index.serving.index_derived), so the index's reload rule says when.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import DatabaseError

from seo.index.patterns import patterns_read
from seo.index.serving import active_index, index_derived
from seo.index.store import LoadedIndex
from seo.text.frames import FRAMES, WRITTEN_LANGUAGES, Frame


@dataclass(frozen=True)
class Pattern:
    """A pattern to draft with: a frame (or a mined label shape) and its evidence."""

    name: str
    kind: str  # "hook" | "cta"
    language: str
    niche: str
    template: str
    slot: str
    cta: tuple[str, ...]
    title: str
    posts: int  # 0 for a seed
    lift: float | None  # None for a seed: never a made-up figure
    example: str
    source: str  # "mined" (the corpus uses it) | "seed" (a frame the corpus has not shown yet)

    @property
    def is_seed(self) -> bool:
        return self.source == "seed"

    def evidence(self) -> dict[str, Any]:
        return {"name": self.name, "lift": self.lift, "posts": self.posts, "example": self.example}


def mined_rows() -> list[dict[str, Any]]:
    """Every mined pattern of the serving index version ([] with no index or no file)."""
    try:
        index = active_index()
    except DatabaseError:
        return []
    if index is None:
        return []
    return _mined(index)


def _mined(index: LoadedIndex) -> list[dict[str, Any]]:
    return index_derived(index, "mined_patterns", lambda: patterns_read(index.path, version=index.version))


def _from_row(row: dict[str, Any], frame: Frame | None) -> Pattern:
    examples = row.get("examples") or []
    return Pattern(
        name=row["name"],
        kind=row["kind"],
        language=row["language"],
        niche=row.get("niche", ""),
        template=row.get("template") or "",
        slot=frame.slot if frame else ("sentence" if row.get("template") else ""),
        cta=frame.cta if frame else ("shares", "follows"),
        title=row.get("title") or row["name"],
        posts=int(row.get("posts") or 0),
        lift=row.get("lift"),
        example=examples[0]["caption"] if examples else "",
        source="mined",
    )


def _seed(frame: Frame) -> Pattern:
    return Pattern(
        name=frame.name, kind=frame.kind, language=frame.language, niche="", template=frame.template,
        slot=frame.slot, cta=frame.cta, title=frame.title, posts=0, lift=None, example="", source="seed",
    )  # fmt: skip


def patterns_for(*, language: str, kind: str, niche: str = "") -> list[Pattern]:
    """Patterns to draft with, best first: mined in the niche, mined in the language, then seeds.

    Mined ones are ordered by lift (then posts); a frame appears once, with its
    strongest evidence. Only patterns with a template can be drafted with.
    """
    try:
        index = active_index()
    except DatabaseError:
        index = None
    if index is None:  # no index serving: seeds only, nothing to remember
        return _patterns_for([], language=language, kind=kind, niche=niche)
    # The answers for this version's rows, by (language, kind, niche): the drafter asks on
    # every editor refresh, and the answer only changes with the rows.
    ranked: dict[tuple[str, str, str], list[Pattern]] = index_derived(index, "ranked_patterns", dict)
    key = (language, kind, niche)
    if key not in ranked:
        ranked[key] = _patterns_for(_mined(index), language=language, kind=kind, niche=niche)
    return list(ranked[key])


def _patterns_for(rows: list[dict[str, Any]], *, language: str, kind: str, niche: str) -> list[Pattern]:
    frames = {(f.language, f.kind, f.name): f for f in FRAMES}
    rows = [r for r in rows if r["language"] == language and r["kind"] == kind and r.get("template")]
    if language in WRITTEN_LANGUAGES:
        # English and bokmål draft through written frames only: a mined label such as "Edit:" or
        # "Replying to" is shown on the Hooks page but would put a stranger's word into a draft.
        rows = [r for r in rows if (language, kind, r["name"]) in frames]
    niche_rows = [r for r in rows if niche and r.get("niche") == niche]
    wide_rows = [r for r in rows if not r.get("niche")]
    ranked = sorted(niche_rows, key=_strength) + sorted(wide_rows, key=_strength)
    out: dict[str, Pattern] = {}
    for row in ranked:
        out.setdefault(row["name"], _from_row(row, frames.get((language, kind, row["name"]))))
    for frame in FRAMES:
        if frame.language == language and frame.kind == kind:
            out.setdefault(frame.name, _seed(frame))
    return list(out.values())


def _strength(row: dict[str, Any]) -> tuple[float, int]:
    return (-(row.get("lift") or 0.0), -int(row.get("posts") or 0))
