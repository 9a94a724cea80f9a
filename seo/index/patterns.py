"""Mine hook and call-to-action patterns from the trend corpus, with their evidence.

For each post (at most MAX_MINED_POSTS, evenly sampled, so a million-post build
pays for a tenth of it) the opening sentence is matched against the known hook
frames (seo.text.frames) and the rest against the CTA frames; openings no
frame knows are counted by their first two words ("this is", "top {n}") so the
Hooks page also shows shapes nobody wrote a frame for. A pattern is kept with
MIN_POSTS posts or more, per language and per niche (a post's niche is the most
common niche among its tags), and carries:

    posts     how many sampled posts use it
    lift      median engagement of those posts / median of all posts in the group
    examples  the best-engaging posts using it (id and caption, shortened)

Pure computation over the build's arrays: no database.
"""

from __future__ import annotations

import json
import logging
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from seo.text.frames import FRAMES, Frame

logger = logging.getLogger(__name__)

FILE_NAME = "patterns.json"  # in the index version's directory, beside the arrays


def patterns_write(out_dir: Path, patterns: list[dict[str, Any]]) -> None:
    (out_dir / FILE_NAME).write_text(json.dumps(patterns, ensure_ascii=False), encoding="utf-8")


def patterns_read(index_dir: Path, *, version: int | None = None) -> list[dict[str, Any]]:
    """The patterns an index version was built with ([] when its file is missing or unreadable)."""
    try:
        return json.loads((Path(index_dir) / FILE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        logger.info("index v%s has no readable %s; drafting from seed patterns", version, FILE_NAME)
        return []


MIN_POSTS = 5
MAX_MINED_POSTS = 20_000
EXAMPLES = 3
EXAMPLE_CHARS = 140
SHAPE_WORDS = 2
# Every CTA frame contains one of these; a caption with none of them skips the CTA search.
_CTA_HINT = re.compile("comment|follow|which one|tag |save|share|send|kommenter|følg|hvilken|tagg|lagre|del ")
OPENING_CHARS = 120  # hooks are matched on the caption's start only
_SENTENCE = re.compile(r"[.!?…\n]")


@dataclass
class _Tally:
    rows: list[int] = field(default_factory=list)
    original: Counter = field(default_factory=Counter)  # as written, for mined shapes


def _combined(frames: list[Frame], anchored: bool) -> tuple[re.Pattern[str], list[Frame]]:
    parts = [f"(?P<f{i}>{frame.match.pattern.lstrip('^') if not anchored else frame.match.pattern})"
             for i, frame in enumerate(frames)]  # fmt: skip
    return re.compile("|".join(parts)), frames


def _post_niches(tag_indptr, tag_indices, tag_niche: list[str], rows: np.ndarray) -> list[str]:
    """Each row's niche: that of its first tag with one (vectorised; posts rarely mix niches)."""
    if not tag_niche or not any(tag_niche):
        return [""] * len(rows)
    names = sorted({n for n in tag_niche if n})
    code_of = {n: i + 1 for i, n in enumerate(names)}
    codes = np.fromiter((code_of.get(n, 0) for n in tag_niche), np.int32, len(tag_niche))
    used = np.flatnonzero(codes[np.asarray(tag_indices, dtype=np.int64)] > 0)
    starts = np.asarray(tag_indptr, dtype=np.int64)
    first = np.searchsorted(used, starts[rows])
    first_pos = used[np.minimum(first, max(len(used) - 1, 0))] if len(used) else np.zeros(len(rows), np.int64)
    inside = (first < len(used)) & (first_pos < starts[rows + 1])
    picked = np.where(inside, codes[np.asarray(tag_indices)[first_pos]] if len(used) else 0, 0)
    labels = ["", *names]
    return [labels[c] for c in picked.tolist()]


def _word_shape(word: str) -> str | None:
    """A word as a shape counts it: letters first ("i'm", "tips:"), a number as {n}; else None."""
    if word.isdigit():
        return "{n}"
    bare = word[:-1] if word.endswith(":") else word
    if bare[:1].isalpha() and bare.replace("'", "").replace("\u2019", "").isalnum():
        return word
    return None


def _shape(opening: str) -> tuple[str, str] | None:
    """("this is", "This is") for an opening no frame knows; None when it has no word shape."""
    words = opening.split(None, SHAPE_WORDS)[:SHAPE_WORDS]
    if not words or words[0][0] in "#@":
        return None
    if words[0].endswith(":"):  # "Storytime:", "Tips:" - a label shape on its own
        words = words[:1]
    elif len(words) < SHAPE_WORDS:
        return None
    folded = [_word_shape(w.casefold()) for w in words]
    if None in folded:
        return None
    return " ".join(folded), " ".join(words)


def _median(values: np.ndarray) -> float:
    known = values[~np.isnan(values)]
    return float(np.median(known)) if len(known) else float("nan")


def _lift(rates: np.ndarray, rows: list[int], baseline: float) -> float | None:
    known = rates[rows]
    known = known[~np.isnan(known)]
    if not len(known) or not baseline or np.isnan(baseline):
        return None
    return round(float(np.median(known)) / baseline, 2)


def _examples(rates: np.ndarray, rows: list[int], post_ids, captions) -> list[dict[str, Any]]:
    best = sorted(rows, key=lambda r: -(rates[r] if not np.isnan(rates[r]) else -1.0))[:EXAMPLES]
    return [
        {"post_id": int(post_ids[r]), "caption": " ".join(captions[r].split())[:EXAMPLE_CHARS]} for r in best
    ]


def patterns_mine(
    *,
    captions: list[str],
    engagement_rate: np.ndarray,
    languages: list[str],
    post_ids: np.ndarray,
    tag_indptr: np.ndarray | None = None,
    tag_indices: np.ndarray | None = None,
    tag_niche: list[str] | None = None,
    min_posts: int = MIN_POSTS,
) -> list[dict[str, Any]]:
    """The corpus' hook and CTA patterns, strongest lift first within each group."""
    total = len(captions)
    step = max(1, -(-total // MAX_MINED_POSTS))
    rows = np.arange(0, total, step)
    rates = np.asarray(engagement_rate, dtype=np.float64)
    niches = (
        _post_niches(tag_indptr, tag_indices, tag_niche or [], rows)
        if tag_indptr is not None and tag_indices is not None
        else [""] * len(rows)
    )
    hooks, hook_frames = _combined([f for f in FRAMES if f.kind == "hook"], anchored=True)
    ctas, cta_frames = _combined([f for f in FRAMES if f.kind == "cta"], anchored=False)
    entries: list[tuple[str, str, str, str, str, int]] = []  # (lang, niche, kind, name, original, row)
    for row, niche in zip(rows.tolist(), niches, strict=True):
        # Not cleaned: frames start the caption and CTAs are phrases, which tags are not.
        caption = captions[row]
        if not caption:
            continue
        folded = caption.casefold()
        head = folded[:OPENING_CHARS]
        language = languages[row]
        opening_end = m.start() + 1 if (m := _SENTENCE.search(head)) else len(head)
        found: list[tuple[str, str, str, str]] = []  # (lang, kind, name, original)
        hit = hooks.match(head)
        if hit:
            frame = hook_frames[int(hit.lastgroup[1:])]
            found.append((language or frame.language, "hook", frame.name, ""))
        elif shape := _shape(caption[:opening_end]):
            found.append((language, "shape", *shape))
        if _CTA_HINT.search(folded):  # most captions ask for nothing: skip the full search
            for cta in ctas.finditer(folded, opening_end):
                frame = cta_frames[int(cta.lastgroup[1:])]
                found.append((language or frame.language, "cta", frame.name, ""))
        for lang, kind, name, original in set(found):
            entries.append((lang, niche, kind, name, original, row))
    # Most opening shapes are one-offs: count first, then gather rows for the kept ones only.
    counts: Counter = Counter()
    for lang, niche, kind, name, _original, _row in entries:
        counts[(lang, "", kind, name)] += 1
        if niche:
            counts[(lang, niche, kind, name)] += 1
    tallies: dict[tuple[str, str, str, str], _Tally] = defaultdict(_Tally)  # (lang, niche, kind, name)
    for lang, niche, kind, name, original, row in entries:
        for key in (
            ((lang, "", kind, name), (lang, niche, kind, name)) if niche else ((lang, "", kind, name),)
        ):
            if counts[key] >= min_posts:
                tally = tallies[key]
                tally.rows.append(row)
                if original:
                    tally.original[original] += 1
    # Lift is measured against the median post of the whole corpus, or of the niche.
    niche_of = np.asarray(niches, dtype=object)
    baselines = {"": _median(rates[rows])}
    for name in set(niches) - {""}:
        baselines[name] = _median(rates[rows[niche_of == name]])
    frames = {(f.language, f.kind, f.name): f for f in FRAMES}
    out = []
    for (lang, niche, kind, name), tally in tallies.items():
        if len(tally.rows) < min_posts:
            continue
        frame = frames.get((lang, kind, name))
        if kind == "shape":
            written = tally.original.most_common(1)[0][0]
            title = f"{written[:1].upper()}{written[1:]} …"
            template = f"{written[:1].upper()}{written[1:]} {{sentence}}" if written.endswith(":") else ""
        elif frame is None:  # a frame credited to a language it is not written in (pov in "de")
            title, template = name, ""
        else:
            title, template = frame.title, frame.template
        out.append(
            {
                "name": name,
                "kind": "hook" if kind == "shape" else kind,
                "source": "mined" if kind == "shape" else "frame",
                "language": lang,
                "niche": niche,
                "title": title,
                "template": template,
                "posts": len(tally.rows),
                "lift": _lift(rates, tally.rows, baselines.get(niche, float("nan"))),
                "examples": _examples(rates, tally.rows, post_ids, captions),
            }
        )
    out.sort(key=lambda p: (p["language"], p["niche"], p["kind"], -(p["lift"] or 0), -p["posts"], p["name"]))
    return out
