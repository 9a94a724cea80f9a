"""suggest(): keywords and hashtags for a topic or draft caption, with their evidence.

The query is vectorised with the index's TF-IDF, its nearest trending posts are
found through the postings (seo.index.store), each votes (seo.suggest.votes), and their
hashtags and terms are scored by seo.suggest.rank and seo.suggest.keyword_rank. Tags the
creator typed (in `hashtags` or inline in the text) are normalised, corrected against the
corpus' tags with rapidfuzz, and pull the posts carrying them into the neighbourhood
(co-occurrence). A query with no known term and no known tag falls back to what is
trending, and says so (seo.suggest.fallback).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from seo.index.serving import active_index, serving_table
from seo.index.sets import isin
from seo.index.store import LoadedIndex
from seo.models import Hashtag
from seo.suggest.authors import single_creator_tags
from seo.suggest.companions import expand_cooccurring, lone_companions
from seo.suggest.evidence import post_refs
from seo.suggest.fallback import fallback_answer
from seo.suggest.keyword_rank import KeywordScore, placement, score_keywords
from seo.suggest.language_groups import corpus_language
from seo.suggest.main_keyword import main_keyword
from seo.suggest.own_tags import keyword_tag, own_first, own_row, own_subject_tags, subject_pairs, with_row
from seo.suggest.query import (
    query_features,
    query_language,
    reads_subject,
    resolve_typed,
    searched_terms,
    singulars,
    subject_core,
)
from seo.suggest.rank import (
    TagScore,
    lexical_candidates,
    mention_candidates,
    recommend,
    score_tags,
)
from seo.suggest.relevance import Topic, query_topic, relevance
from seo.suggest.stages import cached_stages, keyword_boost, stage_multiplier
from seo.suggest.suggestions import KeywordSuggestion, PostRef, SuggestError, Suggestions, TagSuggestion
from seo.suggest.votes import post_votes, topical_query
from seo.suggest.written_tags import written_first, written_out_candidates
from seo.text.filler import is_filler
from seo.text.formats import format_tag
from seo.text.generic_tags import GENERIC_CUTOFF
from seo.text.hashtags import hashtags_in_caption, normalize_hashtag
from seo.text.subject_words import subject_vocabulary

logger = logging.getLogger(__name__)

MAX_QUERY_CHARS = 10_000
MAX_K = 50
NEIGHBOURS = 50
# A long caption has a hundred terms; the weakest (common words, long postings lists) barely
# move the ranking but cost most of the search. Only the strongest ones are searched.
MAX_QUERY_TERMS = 24
TYPED_TAG_SIMILARITY = 0.25  # a post carrying a typed tag counts as this similar, on top of its text
TOPIC_TAG_SIMILARITY = 0.1  # ... and one carrying a word of the idea as a tag (#skincare), this similar
TOPIC_TAG_POSTS = 200  # posts read per such tag (its first ones), bounding the cost
SIMILAR_POSTS_SHOWN = 5


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
    names = list(dict.fromkeys(tag for tag in (normalize_hashtag(raw) for raw in tags) if tag))
    if index is None or not names:
        return dict.fromkeys(names, "niche")
    out = {}
    for name, found in zip(names, index.tags.positions(names).tolist(), strict=True):  # one lookup for all
        position = found if found >= 0 else index.aliases.get(name)  # as index.tag_id reads a name
        out[name] = index.tier(position) if position is not None else "niche"
    return out


def _read_blocked() -> frozenset[str]:
    blocked = Hashtag.objects.filter(is_blocked=True)
    names = set(blocked.values_list("name", flat=True))
    names |= set(Hashtag.objects.filter(canonical__in=blocked).values_list("name", flat=True))
    return frozenset(names)


def blocked_tags() -> set[str]:
    """Tags staff blocked (and their aliases), re-read from the database every few seconds."""
    return set(serving_table("blocked_tags", _read_blocked))


# --- the engine -----------------------------------------------------------------------


def suggest(
    *,
    text: str,
    language: str | None = None,
    niche: str | None = None,
    hashtags: Sequence[str] = (),
    k: int = 10,
    tags: bool = True,
    evidence: bool = True,
) -> Suggestions:
    """Ranked hashtags, a recommended set of 3-5 and keywords for `text`, each with evidence,
    and how confident the answer is (seo.suggest.relevance).

    `tags=False` answers the keywords alone, without evidence (what the score needs, five
    times per editor refresh): the same keywords, without the tag ranking and its queries.
    `evidence=False` ranks the same tags and keywords but leaves out the example posts and
    similar_posts, so no evidence row is read (the API's `"evidence": false`)."""
    query = _validate(text, k)
    language = query_language(query, language)
    niche = (niche or "").strip() or None
    index = _loaded()
    typed_report, typed = resolve_typed(index, [*hashtags, *hashtags_in_caption(query)])
    features, parts = query_features(index, query)
    distinct, feature_ids, counts = index.feature_ids(features)
    topic = query_topic(index, distinct, feature_ids, parts)
    keyword = main_keyword(query, language=language)
    natural = subject_pairs(keyword)  # the main keyword, when a pair (#floatingshelves)
    vocabulary = None
    if reads_subject(language):
        vocabulary = subject_vocabulary(query, language) | frozenset((keyword or "").split())
        vocabulary |= frozenset(singulars(index, list(vocabulary)).values())  # "workouts": workout
    ids, weights = index.weigh(*searched_terms(distinct, feature_ids, counts))
    if len(ids) > MAX_QUERY_TERMS:
        strongest = np.argsort(-weights, kind="stable")[:MAX_QUERY_TERMS]
        ids, weights = ids[strongest], weights[strongest]
    posts = np.zeros(0, np.int64)
    similarity = np.zeros(0, np.float32)
    extra, extra_weight, typed_posts = _tagged_posts(index, typed, topic)
    if len(ids) or extra is not None:
        posts, similarity = index.search(
            ids, weights, NEIGHBOURS, extra_posts=extra, extra_weight=extra_weight
        )
    declared = isin(posts, typed_posts) if typed and len(posts) else None
    # Other languages' posts count less only for a language the corpus holds, or English and
    # Norwegian (weighed directly): a short caption read as a language the corpus barely has
    # is mostly misread (Vietnamese without accents as French or Tagalog).
    apart = language if reads_subject(language) or corpus_language(index, language) else None
    judged = relevance(
        index, topic, posts, language=apart, declared=declared, core=subject_core(index, query, language)
    )
    posts, similarity = posts[judged.keep], similarity[judged.keep]
    # "Get ready with me for a wedding" is a GRWM first: #grwm belongs in any set for it.
    blocked = blocked_tags()
    shape = [name for name in [format_tag(query)] if name and name not in blocked]
    # Languages the subject rules do not read (Vietnamese, Thai, ...): a close post is often the
    # creator's own series, and votes on its own too (seo.suggest.votes.series_chance).
    series = bool(language) and not reads_subject(language)
    if not len(posts):
        own = [
            *shape,
            *mention_candidates(query),
            *written_first(index, query, language),  # Vietnamese only
            *own_subject_tags(
                index, distinct, feature_ids, topic, language, natural, vocabulary, keyword, text=query
            ),
        ]
        return fallback_answer(
            index, query, language, niche, k, typed_report, no_features=not len(ids), judged=judged,
            own=list(dict.fromkeys(own)), keyword=keyword, blocked=blocked,
        )  # fmt: skip

    votes = post_votes(index, posts, similarity, apart)
    topical = topical_query(index, ids) or bool(typed)
    # Posts that share only the idea's side words ("cheapest" of "the cheapest sushi in town")
    # lend it no keyword of theirs: "track car" is nobody's sushi keyword.
    keywords = score_keywords(
        index, votes, ids, k, boost=keyword_boost(index), topical=topical and not judged.off_subject
    )
    if not tags:
        return Suggestions(
            query=query,
            language=language,
            hashtags=[],
            recommended=[],
            keywords=_keyword_rows(index, keywords, {}),
            typed_hashtags=typed_report,
            index_version=index.version,
            confidence=judged.confidence,
            confidence_reason=judged.reason,
            main_keyword=keyword,
        )
    excluded = {t for t in (index.tag_id(name) for name in blocked) if t is not None}
    lexical = mention_candidates(query)
    # Pairs the corpus never wrote side by side make no tag here (set() = none natural);
    # the idea's own subject pairs serve only answers of low confidence (own_subject_tags).
    made = lexical_candidates(index, distinct, feature_ids, language, set())
    written: dict[str, float] = {}
    if series:  # "Khả Ngân" is tagged #khangan, "hài hước vui nhộn" #haihuocvuinhon
        written = written_out_candidates(index, query, language)
        made.update({n: max(r, made.get(n, 0.0)) for n, r in written.items()})
    for name, rate in made.items():
        lexical[name] = max(rate, lexical.get(name, 0.0))
    lexical = {n: r for n, r in lexical.items() if n not in blocked}
    scored = score_tags(
        index,
        votes,
        typed=typed,
        niche=niche,
        excluded=excluded,
        lexical=lexical,
        limit=max(3 * k, 20),
        topical=topical,
        series=series,
    )
    scored = expand_cooccurring(index, scored, excluded=excluded, typed=typed, limit=max(3 * k, 20))
    # Medium evidence in English and Norwegian (where the subject rule reads the idea): a tag
    # one close post carries is still that post's ("1000 followers" met by meme posts). In the
    # series languages it measured worse, at medium and at low alike: a short caption ("Trả lời")
    # has few close posts, and the closest is mostly the creator's own series with its tags.
    low, medium = judged.confidence == "low", judged.confidence == "medium"
    if (low and not series) or (medium and reads_subject(language)):
        scored = _backed(scored)
    stages = cached_stages("hashtag", index)
    for s in scored:
        s.parts["stage_factor"] = stage_multiplier(stages.get(s.name))
        s.score *= s.parts["stage_factor"]
    scored.sort(key=lambda s: -s.score)

    shown = posts[:SIMILAR_POSTS_SHOWN].tolist()
    refs: dict[int, PostRef] = {}
    if evidence:
        sims = {int(p): float(s) for p, s in zip(posts.tolist(), similarity.tolist(), strict=True)}
        wanted = set(shown)
        for s in scored[:k]:
            wanted.update(s.example_posts)
        for kw in keywords:
            wanted.update(kw.example_posts)
        refs = post_refs(index, wanted, sims)

    tag_rows = [
        TagSuggestion(
            tag=s.name,
            score=round(s.score, 6),
            tier=index.tier(s.tag) if s.tag >= 0 else "niche",
            posts=int(index.tag_df[s.tag]) if s.tag >= 0 else 0,
            parts=s.parts,
            examples=[refs[p] for p in s.example_posts if p in refs],
            stage=stages.get(s.name),
            source="corpus" if s.tag >= 0 else "your_words",
        )
        for s in scored[:k]
    ]
    # A caption word no trending post has used as a tag (s.tag < 0) may rank, but it only enters
    # the recommended set after the tiers the corpus backs are served (tier "own").
    solo: set[int] = set()
    if reads_subject(language):  # one creator's own tags (#furrygirl, their city) advise nobody else
        candidates = [  # generic tags never enter a set: no need to ask whose they are
            s.tag
            for s in scored
            if s.tag >= 0
            and not s.parts.get("in_caption")
            and s.tag not in typed
            and s.parts.get("generic_factor", 1.0) >= GENERIC_CUTOFF
        ]
        solo = single_creator_tags(index, posts, candidates) | lone_companions(scored)
    ranked = [
        (s.name, s.score, index.tier(s.tag), s.parts.get("generic_factor", 1.0))
        if s.tag >= 0
        else (s.name, s.score, "own", GENERIC_CUTOFF)
        for s in scored
        if s.tag not in solo
    ]
    recommended = recommend(ranked)
    filler: list[str] = []
    if judged.confidence == "low" or not recommended:
        # Little evidence (or no trending tag two creators share): the idea's own subject leads,
        # what the few posts use follows.
        own = [
            *shape,
            *written_first(index, query, language, written),
            *own_subject_tags(
                index, distinct, feature_ids, topic, language, natural, vocabulary, keyword, text=query
            ),
        ]
        # Generic tags fill no set here: with little data they would be most of it.
        specific = [row for row in ranked if row[3] >= GENERIC_CUTOFF]
        backed = recommend(specific) if specific and not judged.off_subject else []
        recommended = own_first(own, backed) if own or backed else recommend(specific)
        known = {row.tag for row in tag_rows}
        tag_rows += [own_row(name) for name in own if name not in known][: max(0, k - len(tag_rows))]
    else:  # the format (#grwm) and the idea's own subject (#strikking) belong in any set for it
        subject_tag = keyword_tag(index, keyword, language, blocked) if reads_subject(language) else ""
        for name in [name for name in (*shape[:1], subject_tag) if name and name not in recommended][::-1]:
            recommended = [*recommended[:1], name, *recommended[1:]][:5]
            if name not in {row.tag for row in tag_rows}:
                tag_rows = with_row(tag_rows, own_row(name), recommended, k)
    keyword_rows = _keyword_rows(index, keywords, refs)
    return Suggestions(
        query=query,
        language=language,
        hashtags=tag_rows,
        recommended=recommended,
        keywords=keyword_rows,
        similar_posts=[refs[p] for p in shown if p in refs],
        typed_hashtags=typed_report,
        index_version=index.version,
        confidence=judged.confidence,
        confidence_reason=judged.reason,
        main_keyword=keyword,
        filler=filler,
    )


def _tagged_posts(
    index: LoadedIndex, typed: set[int], topic: Topic
) -> tuple[np.ndarray | None, np.ndarray, np.ndarray]:
    """Posts the search takes in besides the text's: those carrying a tag the creator typed
    (TYPED_TAG_SIMILARITY), then those carrying one of the topic's words as a tag, up to
    TOPIC_TAG_POSTS each (TOPIC_TAG_SIMILARITY): "#skincare" posts answer "skincare routine"
    even when their captions never say it. Also returns the typed tags' posts alone."""
    typed_posts = [index.posts_with_tag(t) for t in typed]
    topic_posts = [index.posts_with_tag(t)[:TOPIC_TAG_POSTS] for t in topic.tags if t not in typed]
    if not typed_posts and not topic_posts:
        return None, np.zeros(0, np.float32), np.zeros(0, np.int64)
    typed_arr = np.concatenate(typed_posts) if typed_posts else np.zeros(0, np.int64)
    topic_arr = np.concatenate(topic_posts) if topic_posts else np.zeros(0, np.int64)
    weight = np.concatenate(
        [
            np.full(len(typed_arr), TYPED_TAG_SIMILARITY, np.float32),
            np.full(len(topic_arr), TOPIC_TAG_SIMILARITY, np.float32),
        ]
    )
    return np.concatenate([typed_arr, topic_arr]), weight, typed_arr


def _keyword_rows(
    index: LoadedIndex, keywords: list[KeywordScore], refs: Mapping[int, PostRef]
) -> list[KeywordSuggestion]:
    """Keyword rows, calls to action and filler left out, each with where it belongs."""
    stages = cached_stages("keyword", index)
    return [
        KeywordSuggestion(
            term=kw.name,
            score=round(kw.score, 6),
            posts=kw.posts,
            engagement=round(kw.engagement, 5),
            placement=placement(rank, kw.name),
            parts={
                "in_query": float(kw.in_query),
                "idf": round(float(index.idf[kw.term]), 4),
                "stage_factor": stage_multiplier(stages.get(kw.name)),
            },
            examples=[refs[p] for p in kw.example_posts if p in refs],
            stage=stages.get(kw.name),
        )
        for rank, kw in enumerate(kw for kw in keywords if not is_filler(kw.name))
    ]


LOW_CONFIDENCE_MIN_POSTS = 2


def _backed(scored: list[TagScore]) -> list[TagScore]:
    """With little evidence, a tag one close post carries is that post's, not the topic's
    (#jalenbrunson for "home workouts"): only tags two close posts share, that the idea's
    own words make, or generic ones (rated by their base rate, kept out of sets) stay."""
    return [
        s
        for s in scored
        if s.tag < 0
        or s.parts.get("generic_factor", 1.0) < GENERIC_CUTOFF  # #fyp: ranked by base rate, never advised
        or s.parts.get("in_caption", 0.0) > 0
        or s.parts.get("similar_posts", 0) >= LOW_CONFIDENCE_MIN_POSTS
    ]
