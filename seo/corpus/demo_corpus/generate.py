"""Generate the demo posts: captions, tags, counts and times, deterministic for a seed.

Each niche draws from its own random stream (seeded by the niche's name), so a subset of
niches or a smaller size gives exactly the posts the full corpus has for those niches:
tests load a few niches fast and see the same posts setup_demo loads.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import re
from collections.abc import Iterable, Iterator
from typing import Any

from seo.corpus.demo_corpus.captions import (
    ASIDES_EN,
    ASIDES_NB,
    CTAS_EN,
    CTAS_NB,
    EMOJI,
    GENERIC_SHARE,
    GENERIC_TAGS,
    GENERIC_TAGS_NB,
    HOOKS_EN,
    HOOKS_NB,
    ORIGINAL_SOUND,
)  # fmt: skip
from seo.corpus.demo_corpus.niches import NICHES_CORE
from seo.corpus.demo_corpus.niches_more import NICHES_MORE
from seo.corpus.demo_corpus.schema import Niche, Topic

NICHES: dict[str, Niche] = {n.name: n for n in (*NICHES_CORE, *NICHES_MORE)}
DEMO_SEED = 20261120
DEMO_DAYS = 120
DEMO_SIZE = 3325  # 3,200 across the first 24 niches (their counts unchanged), 127 everyday routines
NORWEGIAN_SHARE = 0.4
# Relative chance of posting in each UTC hour: quiet nights, a lunch bump, evening peak.
HOUR_WEIGHTS = [2, 1, 1, 1, 1, 1, 2, 3, 4, 4, 5, 6, 7, 6, 6, 7, 8, 10, 13, 15, 15, 12, 8, 4]
REGIONS_EN = {"US": 5, "GB": 3, "CA": 1, "AU": 1, "IE": 1}
DURATIONS = [7, 9, 12, 15, 21, 28, 34, 45, 58, 75, 110, 180]
NO_TAG_SHARE = 0.12  # real trending posts carry no tag more often (~28%): fewer here, a demo should teach
SAVES_UNKNOWN_SHARE = 0.12  # some exports lack saves
LANGUAGE_MATERIAL = {
    "en": (HOOKS_EN, CTAS_EN, ASIDES_EN, GENERIC_TAGS),
    "nb": (HOOKS_NB, CTAS_NB, ASIDES_NB, GENERIC_TAGS_NB),
}


def _weighted(rng: random.Random, items: list, weights: list[float]):
    return rng.choices(items, weights=weights)[0]


def _zipf_pick(rng: random.Random, items: tuple[str, ...], k: int) -> list[str]:
    """k distinct items, the first ones far more likely (as head tags are)."""
    pool = list(items)
    chosen = []
    for _ in range(min(k, len(pool))):
        pick = _weighted(rng, pool, [1 / (rank + 1) for rank in range(len(pool))])
        pool.remove(pick)
        chosen.append(pick)
    return chosen


def _posted_at(rng: random.Random, end: dt.datetime) -> tuple[dt.datetime, float]:
    """A posting time within DEMO_DAYS before `end`, and its recency (0 = oldest, 1 = `end`)."""
    recency = rng.random() ** 0.8  # a little more activity recently, as trending data has
    day = end.date() - dt.timedelta(days=round((1 - recency) * (DEMO_DAYS - 1)))
    hour = _weighted(rng, list(range(24)), HOUR_WEIGHTS)
    moment = dt.datetime.combine(day, dt.time(hour, rng.randrange(60), rng.randrange(60)), tzinfo=dt.UTC)
    if moment > end:  # later today than setup_demo runs: the same hour yesterday
        moment -= dt.timedelta(days=1)
    return moment, recency


def _hook(rng: random.Random, niche: Niche, language: str) -> tuple[str, float, Topic]:
    """The caption's opening line, its shape's lift and its topic."""
    hooks = LANGUAGE_MATERIAL[language][0]
    _name, template, lift, _ = _weighted(rng, hooks, [h[3] for h in hooks])
    topic = rng.choice(niche.topics[language])
    line = template.format(
        np=topic.text,
        NP=topic.text[:1].upper() + topic.text[1:],
        vp=rng.choice(niche.actions[language]),
        n=rng.choice([3, 3, 3, 5, 5, 7, 2, 4]),
        d=rng.choice([7, 14, 30, 30, 30, 21, 60]),
    )
    return line, lift, topic


# Creators run a topic's head words together: "a 5K training plan for beginners" -> #5ktrainingplan.
_LEADING = ("a ", "an ", "the ", "my ", "min ", "mitt ", "mine ")
_CUT = re.compile(r" (?:for|in|at|on|to|of|with|under|til|i|med|på|om|av|for|uten) ")


def _one_off_tag(topic: Topic) -> str:
    """The long tail real corpora have: a topic's head words run together (#hikingtrolltunga)."""
    text = topic.text.casefold()
    for article in _LEADING:
        text = text.removeprefix(article)
    head = _CUT.split(text, maxsplit=1)[0]
    return "".join(ch for ch in head if ch.isalnum())


def _tags(rng: random.Random, niche: Niche, language: str, topic: Topic, recency: float) -> list[str]:
    if rng.random() < NO_TAG_SHARE:
        return []
    tags = [t for t in topic.tags if rng.random() < 0.75]
    one_off = _one_off_tag(topic)
    if rng.random() < 0.2 and len(one_off) >= 5:  # not "what" (from "what to pack …")
        tags.append(one_off)
    tags += _zipf_pick(rng, niche.tags, rng.choice([1, 1, 2, 2, 3, 4]))
    if language == "nb":
        tags += _zipf_pick(rng, niche.tags_nb, rng.choice([0, 1, 1, 2]))
    if rng.random() < 0.45:
        tags += rng.sample(niche.tail, k=rng.choice([1, 1, 2, 3]))
    # Steep enough that the last 30 days hold several times the 30 before: the explorer calls it rising.
    for tag in niche.rising:
        if rng.random() < 0.02 + 0.9 * recency**5:
            tags.append(tag)
    for tag in niche.declining:
        if rng.random() < 0.02 + 0.9 * (1 - recency) ** 5:
            tags.append(tag)
    if rng.random() < GENERIC_SHARE[language]:
        generic = LANGUAGE_MATERIAL[language][3]
        names = list(generic)
        count = rng.choice([1, 1, 1, 2, 2, 3, 4])
        picked = {_weighted(rng, names, [generic[n] for n in names]) for _ in range(count)}
        tags += sorted(picked, key=names.index)  # creators write the biggest first: #fyp #viral
    tags = list(dict.fromkeys(tags))
    return tags[:1] if rng.random() < 0.1 else tags  # some creators add one tag and stop


def _caption(
    rng: random.Random, niche: Niche, language: str, hook: str, tags: list[str]
) -> tuple[str, str, float]:
    """Caption text, the call to action's metric ("" for none) and that metric's factor."""
    _, ctas, asides, _ = LANGUAGE_MATERIAL[language]
    cta, metric, factor, _ = _weighted(rng, ctas, [c[3] for c in ctas])
    body = []
    if rng.random() < 0.45:
        body.append(rng.choice(niche.lines[language]))
    if rng.random() < 0.15:
        body.append(rng.choice(asides))
    if cta:
        body.append(cta)
    if tags and rng.random() < 0.65:  # most creators also type their tags into the caption
        body.append(" ".join(f"#{t}" for t in tags))
    emoji = f" {rng.choice(EMOJI)}" if rng.random() < 0.35 else ""
    if not body:
        return hook + emoji, metric, factor
    # The hook ends its own sentence: a line break, or a full stop before the emoji.
    if rng.random() < 0.4 or hook[-1] in "?!.…)":
        return f"{hook}{emoji}\n" + " ".join(body), metric, factor
    return f"{hook}{rng.choice('..!')}{emoji} " + " ".join(body), metric, factor


def _counts(rng: random.Random, *, lift: float, metric: str, factor: float) -> dict[str, int | None]:
    """Views over five orders of magnitude; engagement lifted by the hook, split by the CTA."""
    views = int(10 ** min(7.3, max(2.4, rng.gauss(4.7, 0.85))))
    rate = math.exp(rng.gauss(math.log(0.07), 0.4)) * lift * (1.06 if metric else 1.0)
    shares = {"likes": 0.80, "comments": 0.03, "shares": 0.07, "saves": 0.10}
    if metric in shares:
        shares[metric] *= factor
    total = sum(shares.values())
    counts: dict[str, int | None] = {"views": views}
    for name, share in shares.items():
        counts[name] = int(views * rate * share / total * rng.uniform(0.8, 1.2))
    if rng.random() < SAVES_UNKNOWN_SHARE:
        counts["saves"] = None
    return counts


def _niche_posts(niche: Niche, count: int, *, seed: int, end: dt.datetime) -> Iterator[dict[str, Any]]:
    rng = random.Random(f"{seed}:{niche.name}")
    for number in range(1, count + 1):
        language = "nb" if rng.random() < NORWEGIAN_SHARE else "en"
        authors = niche.authors[language]
        author = _weighted(rng, list(authors), [1 / (rank + 1) for rank in range(len(authors))])
        posted_at, recency = _posted_at(rng, end)
        hook, lift, topic = _hook(rng, niche, language)
        tags = _tags(rng, niche, language, topic, recency)
        if rng.random() < 0.06:  # tags and an emoji only, as many real posts are
            caption, metric, factor, lift = (
                " ".join([rng.choice(EMOJI), *(f"#{t}" for t in tags)]),
                "",
                1.0,
                0.9,
            )
        else:
            caption, metric, factor = _caption(rng, niche, language, hook, tags)
        own_sound = rng.random() < 0.45
        yield {
            "video_id": f"demo-{niche.name}-{number:04d}",
            "caption": caption.strip(),
            "hashtags": " ".join(f"#{t}" for t in tags),
            "author": author,
            **_counts(rng, lift=lift, metric=metric, factor=factor),
            "posted_at": posted_at.isoformat(),
            "region": "NO"
            if language == "nb"
            else _weighted(rng, list(REGIONS_EN), list(REGIONS_EN.values())),
            "language": language,
            "sound": ORIGINAL_SOUND[language].format(author=author)
            if own_sound
            else rng.choice(niche.sounds),
            "duration_s": rng.choice(DURATIONS),
            # No "url": a demo post has no video to watch, so the UI shows no link for it.
            "niche": niche.name,  # not an import column: ignored by the importer, kept for readers
        }


def demo_posts(
    *, end: dt.datetime, size: int = DEMO_SIZE, niches: Iterable[str] | None = None, seed: int = DEMO_SEED
) -> Iterator[dict[str, Any]]:
    """The demo posts as import rows (canonical column names), posted in the DEMO_DAYS before `end`.

    `size` is the full corpus' size: each niche gets its share of it by weight, so
    `niches=["food"]` yields the food posts of the corpus of that size.
    """
    wanted = list(NICHES) if niches is None else list(niches)
    unknown = sorted(set(wanted) - set(NICHES))
    if unknown:
        raise ValueError(f"unknown demo niche(s): {', '.join(unknown)}; known: {', '.join(NICHES)}")
    total_weight = sum(n.weight for n in NICHES.values())
    for name in wanted:
        niche = NICHES[name]
        yield from _niche_posts(niche, round(size * niche.weight / total_weight), seed=seed, end=end)
