"""Turn a corpus (plain arrays) into the suggestion index's files.

Pure computation, no database: `seo.index.lifecycle.index_build` feeds it the corpus read from
the database, the benchmark feeds it generated arrays. Everything written is a numpy
array (.npy, memory-mappable, no pickle), a text list (one term or tag a line) or
meta.json. See docs/suggestions.md for what each file holds.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from seo.index.build_arrays import impact_split, quantise, small_int, top_per_row
from seo.index.packed import pack_ids
from seo.index.patterns import patterns_mine, patterns_write
from seo.index.string_table import string_table_write
from seo.text.generic_tags import GENERIC_CUTOFF, with_seed_generic
from seo.text.specificity import generic_variants, specificity
from seo.text.spelling import diacritic_languages, fold, has_diacritics
from seo.text.tokenize import TOKENISER_VERSION, words_batch

# 2: terms numbered unigrams first, then bigrams (batch tokeniser)
# 3: postings in impact heads and tails; post, tag and term numbers in three bytes (seo.index.packed)
FORMAT = 3
# A term seen once cannot connect two indexed posts, but in a small corpus it still connects
# a new query to the one post using it; at scale those terms are pruned to save memory.
MIN_DF_SMALL, MIN_DF_LARGE, SMALL_CORPUS = 1, 2, 50_000
MAX_DF = 0.2  # terms in more than a fifth of all posts say nothing about a topic
MAX_DF_MIN_POSTS = 50
MAX_POSTINGS = 4096  # static pruning: a term keeps its highest-weighted posts only
# A term's postings are stored as its POSTINGS_HEAD strongest posts, then the rest: a search
# over many long lists reads the heads and only the tails that can still change its result.
POSTINGS_HEAD = 512
MAX_TAG_POSTINGS = 2048
FORWARD_TERMS = 8  # keyword candidates kept per post
RECENCY_HALF_LIFE_DAYS = 21.0
RECENCY_FLOOR = 0.2
ENGAGEMENT_CLIP = (0.5, 2.0)
STAFF_GENERIC_FACTOR = 0.05
TIER_BROAD_SHARE, TIER_BROAD_MIN = 0.01, 20
TIER_MID_SHARE, TIER_MID_MIN = 0.001, 4
TIER_BROAD_TOP, TIER_MID_TOP = 50, 500  # this many most used specific tags are broad / at least mid
TIERS = ("niche", "mid", "broad")

Progress = Callable[[int, int, str], None]


@dataclass
class CorpusArrays:
    """The corpus as parallel arrays: one entry per post, tags as CSR (post -> tag index)."""

    post_ids: np.ndarray  # database primary keys
    captions: list[str]
    tag_indptr: np.ndarray
    tag_indices: np.ndarray  # into tag_names; canonical tags only
    tag_names: list[str]
    engagement_rate: np.ndarray  # float, nan when unknown
    posted_ts: np.ndarray  # epoch seconds, nan when unknown
    languages: list[str]
    tag_generic: np.ndarray | None = None  # staff-curated generic flags per tag
    tag_blocked: np.ndarray | None = None
    tag_niche: list[str] = field(default_factory=list)
    alias_names: list[str] = field(default_factory=list)
    alias_targets: np.ndarray | None = None  # index into tag_names per alias
    authors: list[str] = field(default_factory=list)  # per post, "" when unknown (none given: all unknown)


def author_codes(authors: list[str], n_posts: int) -> np.ndarray:
    """One number per post for its author (0 = unknown), so a tag's close posts can be counted
    by creator: one creator's own tags (#furrygirl, their city) are theirs, not the topic's."""
    codes: dict[str, int] = {}
    out = np.zeros(n_posts, dtype=np.uint32)
    for i, author in enumerate(authors[:n_posts]):
        if author:
            out[i] = codes.setdefault(author.casefold(), len(codes) + 1)
    return out


def _engagement_factor(rate: np.ndarray) -> np.ndarray:
    """Engagement relative to views, compared with the corpus median and damped (square root)."""
    known = np.isfinite(rate) & (rate > 0)
    median = float(np.median(rate[known])) if known.any() else 1.0
    factor = np.ones(len(rate), dtype=np.float64)
    factor[known] = np.sqrt(rate[known] / median)
    return np.clip(factor, *ENGAGEMENT_CLIP)


def _recency(posted_ts: np.ndarray, reference_ts: float | None) -> tuple[np.ndarray, float | None]:
    known = np.isfinite(posted_ts)
    if reference_ts is None:
        reference_ts = float(posted_ts[known].max()) if known.any() else None
    weight = np.full(len(posted_ts), 0.5)
    if reference_ts is not None:
        age_days = np.maximum(0.0, (reference_ts - posted_ts[known]) / 86400.0)
        weight[known] = np.maximum(RECENCY_FLOOR, np.power(0.5, age_days / RECENCY_HALF_LIFE_DAYS))
    return weight, reference_ts


LEXICAL_SMOOTHING = 5.0
FORMED_KIND_MIN_USES = 200  # uses of marked single words with a tag form needed for their own prior


def _term_tags(terms: list[str], tag_names: list[str], tag_posts: np.ndarray) -> np.ndarray:
    """The tag each term becomes when written as one ("jon stewart" -> #jonstewart), -1 for none.

    The tag may be spelled without the caption's diacritics ("hài hước" -> #haihuoc, as
    Vietnamese creators write tags); when both spellings are tags, the more used one counts.
    """
    position = {name: i for i, name in enumerate(tag_names)}
    out = np.full(len(terms), -1, np.int64)
    for i, term in enumerate(terms):
        name = term.replace(" ", "")
        exact = position.get(name, -1)
        if not name.isascii():
            folded = position.get(fold(name), -1)
            if folded >= 0 and (exact < 0 or tag_posts[folded] > tag_posts[exact]):
                exact = folded
        out[i] = exact
    return out


def _lexical_tag_rates(
    x: sp.csr_matrix, terms: list[str], corpus: CorpusArrays, tag_posts: np.ndarray
) -> tuple[np.ndarray, float]:
    """For every term: how often a post whose text has it also carries it as a hashtag.

    "jon stewart" in the text and #jonstewart on the post count as one use. Creators
    tag their own caption words a lot, but not every word: "pasta" often, "today"
    never; the rate, smoothed toward the corpus-wide rate, tells them apart.
    """
    n_tags = len(corpus.tag_names)
    term_tag = _term_tags(terms, corpus.tag_names, tag_posts)
    rows = np.repeat(np.arange(x.shape[0], dtype=np.int64), np.diff(x.indptr))
    mapped = term_tag[x.indices]
    has_form = mapped >= 0
    tag_rows = np.repeat(np.arange(x.shape[0], dtype=np.int64), np.diff(corpus.tag_indptr))
    # Membership of (post, tag) pairs by binary search in the sorted pairs (np.isin hashes
    # or sorts both sides: ten seconds on a million posts).
    carried_pairs = tag_rows * n_tags + np.asarray(corpus.tag_indices, np.int64)
    if len(carried_pairs) > 1 and (carried_pairs[1:] < carried_pairs[:-1]).any():
        carried_pairs = np.sort(carried_pairs)
    wanted = rows[has_form] * n_tags + mapped[has_form]
    if len(carried_pairs):
        found = np.minimum(np.searchsorted(carried_pairs, wanted), len(carried_pairs) - 1)
        carried = carried_pairs[found] == wanted
    else:
        carried = np.zeros(len(wanted), dtype=bool)
    uses = np.bincount(x.indices, minlength=len(terms)).astype(np.float64)
    matched = np.bincount(x.indices[has_form][carried], minlength=len(terms)).astype(np.float64)
    # Words whose tag form exists are tagged far more often than words in general. A word a
    # query brings that the corpus never saw is like a word used once (hapax): how often
    # those became the post's own tag is the honest rate for it.
    formed = term_tag >= 0
    prior_formed = _formed_priors(terms, formed, uses, matched)
    hapax = uses == 1
    prior_new = (
        float(matched[hapax].sum() / hapax.sum())
        if hapax.any()
        else float(matched.sum() / max(uses.sum(), 1.0))
    )
    prior = np.where(formed, prior_formed, prior_new)
    return (matched + LEXICAL_SMOOTHING * prior) / (uses + LEXICAL_SMOOTHING), prior_new


def _formed_priors(terms: list[str], formed: np.ndarray, uses: np.ndarray, matched: np.ndarray) -> np.ndarray:
    """Per term with a tag form, the rate its kind of word becomes the post's tag, the prior its
    own rate is smoothed toward. A single Vietnamese syllable ("nguyên", "thanh", "xuất") is
    almost never tagged (#haihuoc joins two), plain words and marked pairs far more often: one
    prior for all made every rare syllable a likely tag (#nguyen for "còn nguyên", intact)."""
    overall = float(matched[formed].sum() / max(uses[formed].sum(), 1.0))
    out = np.full(len(terms), overall)
    at = np.flatnonzero(formed)
    marked_word = np.fromiter(
        (" " not in terms[i] and has_diacritics(terms[i]) for i in at.tolist()), bool, len(at)
    )
    kind = at[marked_word]
    if uses[kind].sum() >= FORMED_KIND_MIN_USES:
        out[kind] = matched[kind].sum() / uses[kind].sum()
    return out


def _tier_bounds(specific_df: np.ndarray, n_posts: int) -> tuple[float, float]:
    """Post counts from which a specific tag is broad and mid: its share of posts, or its rank
    among the specific tags (the top TIER_BROAD_TOP / TIER_MID_TOP), whichever comes first."""
    broad_min = max(TIER_BROAD_MIN, TIER_BROAD_SHARE * n_posts)
    mid_min = max(TIER_MID_MIN, TIER_MID_SHARE * n_posts)
    used = np.sort(specific_df[specific_df >= TIER_MID_MIN])[::-1]
    if len(used):
        broad_min = min(broad_min, max(TIER_BROAD_MIN, float(used[min(len(used), TIER_BROAD_TOP) - 1])))
        mid_min = min(mid_min, max(TIER_MID_MIN, float(used[min(len(used), TIER_MID_TOP) - 1])))
    return broad_min, min(mid_min, broad_min)


def count_matrix(captions: list[str], *, min_df: int) -> tuple[sp.csr_matrix, list[str]]:
    """Term counts per post, like CountVectorizer(analyzer=analyze, min_df, max_df) but faster.

    Tokens come from `words_batch` as id arrays; bigrams are pairs of adjacent ids of
    one caption's sentence, numbered with numpy, and only the bigrams that survive min_df/max_df
    are ever turned into strings.
    """
    n_posts = len(captions)
    rows, tokens, names, joined = words_batch(captions)
    n_words = len(names)
    pair_codes = tokens[:-1][joined].astype(np.int64) * n_words + tokens[1:][joined]
    pairs, pair_ids = np.unique(pair_codes, return_inverse=True)
    feature_rows = np.concatenate([rows, rows[1:][joined]])
    features = np.concatenate([tokens.astype(np.int64), n_words + pair_ids.reshape(-1)])
    counts = sp.csr_matrix(
        (np.ones(len(features), np.float32), (feature_rows, features)),
        shape=(n_posts, n_words + len(pairs)),
    )
    counts.sum_duplicates()
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    # A small corpus keeps its common terms: a fifth of 30 posts is no evidence of vagueness.
    keep = np.flatnonzero((df >= min_df) & ((df <= MAX_DF * n_posts) | (df <= MAX_DF_MIN_POSTS)))
    kept_words = keep[keep < n_words]
    kept_pairs = pairs[keep[keep >= n_words] - n_words]
    terms = [names[i] for i in kept_words.tolist()]
    first, second = np.divmod(kept_pairs, n_words)
    terms += [f"{names[a]} {names[b]}" for a, b in zip(first.tolist(), second.tolist(), strict=True)]
    return counts[:, keep].tocsr(), terms


def build_artifact(
    corpus: CorpusArrays,
    out_dir: Path,
    *,
    reference_ts: float | None = None,
    progress: Progress | None = None,
) -> dict:
    """Write every file of one index version into out_dir; returns the meta it wrote."""

    def step(done: int, message: str) -> None:
        if progress:
            progress(done, 6, message)

    # Imported here, not at the top: scikit-learn (with the parts of SciPy it loads) adds
    # ~65 MB to every process that imports this module, and the admin and the importer do
    # (through seo.index.lifecycle) without ever building an index.
    from sklearn.feature_extraction.text import TfidfTransformer
    from sklearn.preprocessing import normalize

    out_dir.mkdir(parents=True, exist_ok=True)
    n_posts = len(corpus.captions)
    step(0, "Vectorising captions")
    min_df = MIN_DF_SMALL if n_posts < SMALL_CORPUS else MIN_DF_LARGE
    counts, terms = count_matrix(corpus.captions, min_df=min_df)
    if not terms:  # every word is on most posts ("the same caption 200 times"): nothing tells topics apart
        raise ValueError(
            f"no caption word is specific enough to index: each is on more than {MAX_DF:.0%} of the "
            f"{n_posts:,} posts. Import trending posts on more than one topic."
        )
    transformer = TfidfTransformer(sublinear_tf=True)
    x = transformer.fit_transform(counts).astype(np.float32).tocsr()
    idf = transformer.idf_.astype(np.float32)

    step(1, "Writing postings")
    tag_df = np.bincount(np.asarray(corpus.tag_indices, np.int64), minlength=len(corpus.tag_names))
    tag_rate, lexical_prior = _lexical_tag_rates(x, terms, corpus, tag_df)
    np.save(out_dir / "term_tag_rate.npy", tag_rate.astype(np.float16))
    # Posts ascending within a term's head and within its tail: membership by binary search.
    postings, split, tail_max = impact_split(top_per_row(x.T.tocsr(), MAX_POSTINGS), POSTINGS_HEAD)
    weights = quantise(postings.data)
    np.save(out_dir / "postings_indptr.npy", small_int(postings.indptr))
    np.save(out_dir / "postings_heads.npy", (split - postings.indptr[:-1]).astype(np.uint16))
    np.save(out_dir / "postings_tail_max.npy", np.where(tail_max > 0, quantise(tail_max), 0).astype(np.uint8))
    np.save(out_dir / "postings_posts.npy", pack_ids(postings.indices, n_posts))
    np.save(out_dir / "postings_weights.npy", weights)
    np.save(out_dir / "idf.npy", idf)
    string_table_write(out_dir, "terms", terms)

    step(2, "Keyword candidates")
    forward = top_per_row(x, FORWARD_TERMS)
    np.save(out_dir / "forward_indptr.npy", small_int(forward.indptr))
    np.save(out_dir / "forward_terms.npy", pack_ids(forward.indices, len(terms)))

    step(3, "Post weights")
    n_tags = len(corpus.tag_names)
    tags = sp.csr_matrix(
        (np.ones(len(corpus.tag_indices), dtype=np.float32), corpus.tag_indices, corpus.tag_indptr),
        shape=(n_posts, n_tags),
    )
    tags.sum_duplicates()
    tags.data[:] = 1.0
    engagement = _engagement_factor(np.asarray(corpus.engagement_rate, dtype=np.float64))
    recency, reference_ts = _recency(np.asarray(corpus.posted_ts, dtype=np.float64), reference_ts)
    languages = sorted({lang for lang in corpus.languages if lang})
    language_code = {lang: i + 1 for i, lang in enumerate(languages)}
    np.save(out_dir / "post_ids.npy", small_int(np.asarray(corpus.post_ids)))
    np.save(out_dir / "post_engagement.npy", engagement.astype(np.float16))
    np.save(out_dir / "post_rate.npy", np.nan_to_num(corpus.engagement_rate, nan=-1.0).astype(np.float16))
    np.save(out_dir / "post_recency.npy", recency.astype(np.float16))
    post_language = np.fromiter((language_code.get(lang, 0) for lang in corpus.languages), np.uint8, n_posts)
    np.save(out_dir / "post_language.npy", post_language)
    np.save(out_dir / "post_author.npy", author_codes(corpus.authors, n_posts))
    dropping = diacritic_languages(
        languages,
        post_language,
        np.repeat(np.arange(n_posts), np.diff(counts.indptr)),
        counts.indices,
        terms,
        np.repeat(np.arange(n_posts), np.diff(corpus.tag_indptr)),
        np.asarray(corpus.tag_indices, np.int64),
        corpus.tag_names,
    )
    np.save(out_dir / "post_tag_indptr.npy", small_int(tags.indptr))
    np.save(out_dir / "post_tags.npy", pack_ids(tags.indices, n_tags))

    step(4, "Tag statistics")
    df = np.asarray(tags.sum(axis=0)).ravel().astype(np.int64)
    generic, lift = specificity(tags, x)
    generic = generic_variants(corpus.tag_names, with_seed_generic(corpus.tag_names, generic), df)
    if corpus.tag_generic is not None:
        generic = np.where(corpus.tag_generic, np.minimum(generic, STAFF_GENERIC_FACTOR), generic)
    # Caption words measured against the posts' tags, each tag weighted by its own
    # specificity so that #fyp on every post does not make every post alike.
    weighted_tags = normalize(sp.csr_matrix(tags.multiply(generic[None, :].astype(np.float32))))
    term_specific, _ = specificity(counts, weighted_tags)
    np.save(out_dir / "term_specific.npy", term_specific.astype(np.float16))
    # Tiers are drawn among specific tags: #fyp on 40 % of posts must not set the bar for "broad".
    broad_min, mid_min = _tier_bounds(df[generic >= GENERIC_CUTOFF], n_posts)
    tier = np.where(df >= broad_min, 2, np.where(df >= mid_min, 1, 0)).astype(np.uint8)
    blocked = corpus.tag_blocked if corpus.tag_blocked is not None else np.zeros(n_tags, dtype=bool)
    np.save(out_dir / "tag_df.npy", df.astype(np.int32))
    np.save(out_dir / "tag_generic.npy", generic.astype(np.float32))
    np.save(out_dir / "tag_lift.npy", lift.astype(np.float32))
    np.save(out_dir / "tag_tier.npy", tier)
    np.save(out_dir / "tag_blocked.npy", np.asarray(blocked, dtype=bool))
    string_table_write(out_dir, "tags", corpus.tag_names)
    niches = sorted({n for n in corpus.tag_niche if n})
    niche_code = {n: i + 1 for i, n in enumerate(niches)}
    tag_niche = corpus.tag_niche or [""] * n_tags
    np.save(
        out_dir / "tag_niche.npy", np.fromiter((niche_code.get(n, 0) for n in tag_niche), np.uint8, n_tags)
    )
    aliases = corpus.alias_targets if corpus.alias_targets is not None else np.zeros(0, dtype=np.int32)
    (out_dir / "aliases.txt").write_text("\n".join(corpus.alias_names), encoding="utf-8")
    np.save(out_dir / "alias_targets.npy", np.asarray(aliases, dtype=np.int32))

    step(5, "Tag postings")
    # Tag -> posts, best posts first: lets a creator's own typed tags pull in their posts.
    post_weight = (engagement * recency).astype(np.float32)
    tag_posts = sp.csr_matrix(tags.T.multiply(post_weight[None, :]))
    tag_posts = top_per_row(tag_posts, MAX_TAG_POSTINGS)
    np.save(out_dir / "tag_posts_indptr.npy", small_int(tag_posts.indptr))
    np.save(out_dir / "tag_posts.npy", pack_ids(tag_posts.indices, n_posts))

    # Hook and CTA patterns belong to this version: a rebuild re-mines them (seo.patterns).
    patterns_write(
        out_dir,
        patterns_mine(
            captions=corpus.captions, engagement_rate=corpus.engagement_rate, languages=corpus.languages,
            post_ids=corpus.post_ids, tag_indptr=corpus.tag_indptr, tag_indices=corpus.tag_indices,
            tag_niche=corpus.tag_niche,
        ),
    )  # fmt: skip

    meta = {
        "format": FORMAT,
        "tokeniser": TOKENISER_VERSION,  # an older one still answers; rebuild for its features
        "posts": n_posts,
        "terms": len(terms),
        "tags": n_tags,
        "reference_ts": reference_ts,
        "languages": languages,
        "diacritic_languages": dropping,  # languages whose creators drop diacritics in tags
        "niches": niches,
        "postings_nnz": len(weights),
        "max_postings": MAX_POSTINGS,
        "postings_head": POSTINGS_HEAD,
        "broad_min": broad_min,
        "lexical_prior": lexical_prior,
        "mid_min": mid_min,
    }
    (out_dir / "meta.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
    step(6, "Written")
    return meta
