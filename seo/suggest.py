"""suggest(): keywords and hashtags for a topic or draft caption, with their evidence.

The query is vectorised with the index's TF-IDF, its nearest trending posts are
found through the postings (seo.index_store), and their hashtags and terms are
scored by seo.suggest_rank. Tags the creator typed (in `hashtags` or inline in the
text) are normalised, corrected against the corpus' tags with rapidfuzz, and pull
the posts carrying them into the neighbourhood (co-occurrence). A query with no
known term and no known tag falls back to what is trending, and says so.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
from django.db import connection
from rapidfuzz import fuzz, process

from seo.compounds import with_compound_parts
from seo.index import active_index, reload_seconds
from seo.index_store import LoadedIndex
from seo.models import Hashtag, TrendPost
from seo.suggest_rank import (
    expand_cooccurring,
    lexical_candidates,
    mention_candidates,
    placement,
    post_votes,
    recommend,
    score_keywords,
    score_tags,
    topical_query,
)
from seo.suggest_stages import cached_stages, keyword_boost, stage_multiplier
from seo.suggestions import KeywordSuggestion, PostRef, SuggestError, Suggestions, TagSuggestion
from seo.text import hashtags_in_caption, normalize_hashtag
from seo.tokenize import analyze

logger = logging.getLogger(__name__)

MAX_QUERY_CHARS = 10_000
MAX_K = 50
NEIGHBOURS = 50
# A long caption has a hundred terms; the weakest (common words, long postings lists) barely
# move the ranking but cost most of the search. Only the strongest ones are searched.
MAX_QUERY_TERMS = 24
TYPED_TAG_SIMILARITY = 0.25  # a post carrying a typed tag counts as this similar, on top of its text
TYPED_TAG_MIN_SCORE = 85  # rapidfuzz ratio needed to correct a misspelt tag
SIMILAR_POSTS_SHOWN = 5
CAPTION_PREVIEW = 140


def _validate(text: str, k: int) -> str:
    if not isinstance(text, str) or not text.strip():
        raise SuggestError("Write a topic or a draft caption first: the text is empty.")
    if len(text) > MAX_QUERY_CHARS:
        raise SuggestError(
            f"The text is {len(text):,} characters long; suggestions take at most {MAX_QUERY_CHARS:,}."
        )
    if not isinstance(k, int) or isinstance(k, bool) or not 1 <= k <= MAX_K:
        raise SuggestError(f"k must be a whole number from 1 to {MAX_K}.")
    return text.strip()


def _loaded() -> LoadedIndex:
    index = active_index()
    if index is None:
        raise SuggestError(
            "There is no suggestion index yet. Import trending posts, then run `python manage.py build_index`."
        )
    return index


# --- helpers the scoring code (captions, series) can call -----------------------------


def tag_tiers(tags: Iterable[str]) -> dict[str, str]:
    """broad / mid / niche for each tag by corpus frequency; a tag the corpus never saw is niche."""
    index = active_index()
    out = {}
    for raw in tags:
        tag = normalize_hashtag(raw)
        if not tag:
            continue
        position = index.tag_id(tag) if index else None
        out[tag] = index.tier(position) if position is not None and index else "niche"
    return out


class _Blocked:
    names: frozenset[str] = frozenset()
    checked_at: float = -1e9


def blocked_tags() -> set[str]:
    """Tags staff blocked (and their aliases), re-read from the database every few seconds."""
    now = time.monotonic()
    if now - _Blocked.checked_at >= reload_seconds():
        blocked = Hashtag.objects.filter(is_blocked=True)
        names = set(blocked.values_list("name", flat=True))
        names |= set(Hashtag.objects.filter(canonical__in=blocked).values_list("name", flat=True))
        _Blocked.names = frozenset(names)
        _Blocked.checked_at = now
    return set(_Blocked.names)


# --- typed hashtags -------------------------------------------------------------------


def _resolve_typed(index: LoadedIndex, raw_tags: Sequence[str]) -> tuple[list[dict[str, Any]], set[int]]:
    report, ids = [], set()
    for raw in raw_tags:
        tag = normalize_hashtag(str(raw))
        if not tag:
            report.append({"input": raw, "tag": None, "corrected": False, "known": False})
            continue
        position = index.tag_id(tag)
        corrected = False
        if position is None and len(tag) >= 3:
            match = process.extractOne(
                tag, index.tag_names, scorer=fuzz.ratio, score_cutoff=TYPED_TAG_MIN_SCORE
            )
            if match is not None:
                position, corrected = match[2], True
        name = index.tag_name(position) if position is not None else tag
        report.append({"input": raw, "tag": name, "corrected": corrected, "known": position is not None})
        if position is not None:
            ids.add(int(position))
    return report, ids


# --- evidence -------------------------------------------------------------------------


REF_CACHE_SIZE = 20_000  # evidence rows kept per loaded index: popular posts back many suggestions


def _post_refs(
    index: LoadedIndex, posts: Iterable[int], similarity: Mapping[int, float]
) -> dict[int, PostRef]:
    cache = index.ref_cache  # lives and dies with the loaded version
    wanted = {int(index.post_ids[p]): p for p in set(posts)}
    missing = [pk for pk in wanted if pk not in cache]
    if missing:
        if len(cache) > REF_CACHE_SIZE:
            cache.clear()
        table = TrendPost._meta.db_table
        with connection.cursor() as cursor:
            # One indexed lookup, without the ORM's per-query overhead (this is on every suggestion).
            # PostgreSQL plans "= ANY(array)" once for any number of ids, IN (...) per length.
            if connection.vendor == "postgresql":
                where, params = "id = ANY(%s)", [missing]
            else:
                where, params = f"id IN ({', '.join(['%s'] * len(missing))})", missing
            cursor.execute(
                # Only the preview's characters travel: captions run to 4,000 characters.
                f"SELECT id, video_id, url, author, SUBSTR(caption, 1, {CAPTION_PREVIEW + 1}), views "  # noqa: S608  (fixed table name)
                f"FROM {table} WHERE {where}",
                params,
            )
            for pk, video_id, url, author, caption, views in cursor.fetchall():
                short = caption if len(caption) <= CAPTION_PREVIEW else caption[: CAPTION_PREVIEW - 1] + "…"
                cache[pk] = (video_id, url, author, short, views)
    refs = {}
    for pk, post in wanted.items():
        row = cache.get(pk)
        if row is not None:
            refs[post] = PostRef(*row, round(float(similarity.get(post, 0.0)), 4))
    return refs


# --- the engine -----------------------------------------------------------------------


def suggest(
    *,
    text: str,
    language: str | None = None,
    niche: str | None = None,
    hashtags: Sequence[str] = (),
    k: int = 10,
) -> Suggestions:
    """Ranked hashtags, a recommended set of 3-5 and keywords for `text`, each with evidence."""
    query = _validate(text, k)
    language = (language or "").strip().lower() or None
    niche = (niche or "").strip() or None
    index = _loaded()
    typed_report, typed = _resolve_typed(index, [*hashtags, *hashtags_in_caption(query)])
    distinct, feature_ids, counts = index.feature_ids(with_compound_parts(index, analyze(query)))
    ids, weights = index.weigh(feature_ids, counts)
    if len(ids) > MAX_QUERY_TERMS:
        strongest = np.argsort(-weights, kind="stable")[:MAX_QUERY_TERMS]
        ids, weights = ids[strongest], weights[strongest]
    posts = np.zeros(0, np.int64)
    similarity = np.zeros(0, np.float32)
    if len(ids) or typed:
        extra = np.concatenate([index.posts_with_tag(t) for t in typed]) if typed else None
        posts, similarity = index.search(
            ids, weights, NEIGHBOURS, extra_posts=extra, extra_weight=TYPED_TAG_SIMILARITY
        )
    if not len(posts):
        return _fallback(index, query, language, niche, k, typed_report, no_features=not len(ids))

    votes = post_votes(index, posts, similarity, language)
    blocked = blocked_tags()
    excluded = {t for t in (index.tag_id(name) for name in blocked) if t is not None}
    lexical = mention_candidates(query)
    for name, rate in lexical_candidates(index, distinct, feature_ids).items():
        lexical[name] = max(rate, lexical.get(name, 0.0))
    lexical = {n: r for n, r in lexical.items() if n not in blocked}
    topical = topical_query(index, ids) or bool(typed)
    scored = score_tags(
        index,
        votes,
        typed=typed,
        niche=niche,
        excluded=excluded,
        lexical=lexical,
        limit=max(3 * k, 20),
        topical=topical,
    )
    scored = expand_cooccurring(index, scored, excluded=excluded, typed=typed, limit=max(3 * k, 20))
    stages = cached_stages("hashtag", index)
    for s in scored:
        s.parts["stage_factor"] = stage_multiplier(stages.get(s.name))
        s.score *= s.parts["stage_factor"]
    scored.sort(key=lambda s: -s.score)
    keywords = score_keywords(index, votes, ids, k, boost=keyword_boost(index), topical=topical)
    keyword_stages = cached_stages("keyword", index)

    sims = {int(p): float(s) for p, s in zip(posts.tolist(), similarity.tolist(), strict=True)}
    shown = posts[:SIMILAR_POSTS_SHOWN].tolist()
    wanted = set(shown)
    for s in scored[:k]:
        wanted.update(s.example_posts)
    for kw in keywords:
        wanted.update(kw.example_posts)
    refs = _post_refs(index, wanted, sims)

    tag_rows = [
        TagSuggestion(
            tag=s.name,
            score=round(s.score, 6),
            tier=index.tier(s.tag) if s.tag >= 0 else "niche",
            posts=int(index.tag_df[s.tag]) if s.tag >= 0 else 0,
            parts=s.parts,
            examples=[refs[p] for p in s.example_posts if p in refs],
            stage=stages.get(s.name),
        )
        for s in scored[:k]
    ]
    # A caption word no trending post has used as a tag (s.tag < 0) may rank, but it only enters
    # the recommended set when nothing the corpus backs is left (factor 0 = last resort).
    ranked = [
        (s.name, s.score, index.tier(s.tag), s.parts.get("generic_factor", 1.0))
        if s.tag >= 0
        else (s.name, s.score, "niche", 0.0)
        for s in scored
    ]
    names = [kw.name for kw in keywords]
    keyword_rows = [
        KeywordSuggestion(
            term=name,
            score=round(kw.score, 6),
            posts=kw.posts,
            engagement=round(kw.engagement, 5),
            placement=placement(rank, name),
            parts={
                "in_query": float(kw.in_query),
                "idf": round(float(index.idf[kw.term]), 4),
                "stage_factor": stage_multiplier(keyword_stages.get(name)),
            },
            examples=[refs[p] for p in kw.example_posts if p in refs],
            stage=keyword_stages.get(name),
        )
        for rank, (kw, name) in enumerate(zip(keywords, names, strict=True))
    ]
    return Suggestions(
        query=query,
        language=language,
        hashtags=tag_rows,
        recommended=recommend(ranked),
        keywords=keyword_rows,
        similar_posts=[refs[p] for p in shown if p in refs],
        typed_hashtags=typed_report,
        index_version=index.version,
    )


def _fallback(
    index: LoadedIndex,
    query: str,
    language: str | None,
    niche: str | None,
    k: int,
    typed_report: list[dict[str, Any]],
    *,
    no_features: bool,
) -> Suggestions:
    """Nothing in the query matched the corpus: offer what is trending, and say so."""
    trending = index.trending(language, niche)
    scope = []
    if language:
        if language in index.languages:
            scope.append(f"in language '{language}'")
        else:
            trending = index.trending(None, niche)
            scope.append(f"overall (no trending posts in language '{language}')")
    if niche:
        if niche in index.niches:
            scope.append(f"in niche '{niche}'")
        else:
            scope.append(f"(no tags in niche '{niche}')")
    reason = (
        "Your text has no words the trend corpus knows (emoji, or words no trending post uses)"
        if no_features
        else "No trending post matched your text"
    )
    message = f"{reason}, so these are the hashtags trending {' and '.join(scope) or 'overall'}."
    blocked = blocked_tags()
    allowed = [(t, s) for t, s in trending if index.tag_name(t) not in blocked]
    tags = [
        TagSuggestion(
            tag=index.tag_name(t),
            score=round(s, 6),
            tier=index.tier(t),
            posts=int(index.tag_df[t]),
            parts={"trending": round(s, 6)},
        )
        for t, s in allowed[:k]
    ]
    # The recommended set reads the whole trending list, not only the k shown: the top of it
    # is #fyp and its kin, and a set of generic tags is no advice (they come last, as elsewhere).
    ranked = [(index.tag_name(t), s, index.tier(t), float(index.tag_generic[t])) for t, s in allowed]
    return Suggestions(
        query=query,
        language=language,
        hashtags=tags,
        recommended=recommend(ranked),
        keywords=[],
        fallback=message,
        typed_hashtags=typed_report,
        index_version=index.version,
    )
