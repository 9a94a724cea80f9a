"""The answer when no trending post shares the idea's topic (seo.suggest.engine): tags from
the idea's own words lead, its topic words become keywords no post backs, and what is
trending is offered as labelled filler, never as advice about the topic.
"""

from __future__ import annotations

from typing import Any

from seo.index.serving import index_derived
from seo.index.store import LoadedIndex
from seo.suggest.keyword_rank import placement
from seo.suggest.language_groups import language_group
from seo.suggest.rank import recommend
from seo.suggest.relevance import Relevance
from seo.suggest.suggestions import KeywordSuggestion, Suggestions, TagSuggestion
from seo.text.generic_tags import GENERIC_CUTOFF


def fallback_answer(
    index: LoadedIndex,
    query: str,
    language: str | None,
    niche: str | None,
    k: int,
    typed_report: list[dict[str, Any]],
    *,
    no_features: bool,
    judged: Relevance,
    own: list[str],
    keyword: str | None,
    blocked: set[str],
) -> Suggestions:
    """No trending post shares the query's topic: tags from the idea's own words lead, and
    what is trending is offered as labelled filler, never as advice about the topic. `blocked`
    is seo.suggest.engine.blocked_tags(): no blocked tag is offered, own or trending."""
    # The index's own spelling of the language ("no" in older files for "nb").
    asked, group = language, language_group(language)
    language = next((name for name in index.languages if language_group(name) == group), language)
    scope = []
    if language:
        if language in index.languages:
            trending = _trending_rows(index, language, niche)
            scope.append(f"in language '{language}'")
        else:
            trending = _trending_rows(index, None, niche)
            scope.append(f"overall (no trending posts in language '{language}')")
    else:
        trending = _trending_rows(index, language, niche)
    if niche:
        if niche in index.niches:
            scope.append(f"in niche '{niche}'")
        else:
            scope.append(f"(no tags in niche '{niche}')")
    if no_features and not own:
        reason = "Your text has no words the trend corpus knows (emoji, or words no trending post uses)"
    else:
        reason = "No trending post shares your topic"
    where = " and ".join(scope) or "overall"
    message = (
        f"{reason}: the tags are made from your own words, and these are only filler trending {where}."
        if own
        else f"{reason}, and it names no topic to make tags from: say in a few words what the video "
        f"is about. Until then, these are only filler trending {where}."
    )
    allowed = [row for row in trending if row[2] not in blocked]
    own = [name for name in own if name not in blocked]
    if own:
        # Beside the idea's own tags, filler is what reaches any audience in the language
        # (#fyp, #fypnorge): trending tags of another niche (#dogsoftiktok for a cleaning
        # routine) would read as advice and be wrong.
        filler = [name for _, _, name, _, generic in allowed if generic < GENERIC_CUTOFF and name not in own]
    else:
        # Nothing to go on (emoji only): what is trending, its specific tags first.
        filler = recommend([(name, s, tier, generic) for _, s, name, tier, generic in allowed])
    filler = filler[: max(0, 5 - len(own)) or 2]
    own_rows = [
        TagSuggestion(
            tag=name,
            score=0.0,
            tier=index.tier(t) if (t := index.tag_id(name)) is not None else "niche",
            posts=int(index.tag_df[t]) if t is not None else 0,
            parts={"your_words": 1.0, "stage_factor": 1.0},
            source="your_words",
        )
        for name in own
    ]
    trending_rows = [
        TagSuggestion(
            tag=name,
            score=round(s, 6),
            tier=tier,
            posts=int(index.tag_df[t]),
            parts={"trending": round(s, 6), "stage_factor": 1.0},
            source="trending_filler",
        )
        for t, s, name, tier, _ in allowed[:k]
    ]
    return Suggestions(
        query=query,
        language=asked,
        hashtags=(own_rows + trending_rows)[:k],
        # Only the idea's own words are advice: with none, nothing is recommended, and what is
        # trending stays labelled filler ("x" is not a video about #nba).
        recommended=own[:5],
        keywords=_own_keywords(judged),
        fallback=message,
        typed_hashtags=typed_report,
        index_version=index.version,
        confidence="low",
        confidence_reason=judged.reason,
        main_keyword=keyword,
        filler=filler,
    )


def _trending_rows(
    index: LoadedIndex, language: str | None, niche: str | None
) -> list[tuple[int, float, str, str, float]]:
    """index.trending with each tag's name, tier and generic factor, read once per version:
    every answer that falls back reads the same hundred rows."""
    remembered: dict = index_derived(index, "trending_rows", dict)
    key = (language, niche)
    if key not in remembered:
        remembered[key] = [
            (t, s, index.tag_name(t), index.tier(t), float(index.tag_generic[t]))
            for t, s in index.trending(language, niche)
        ]
    return remembered[key]


def _own_keywords(judged: Relevance) -> list[KeywordSuggestion]:
    """The idea's own topic words, as keywords no trending post backs (posts = 0)."""
    return [
        KeywordSuggestion(
            term=word,
            score=0.0,
            posts=0,
            engagement=0.0,
            placement=placement(rank, word),
            parts={"in_query": 1.0, "stage_factor": 1.0},
        )
        for rank, word in enumerate(judged.missing_words[:5])
    ]
