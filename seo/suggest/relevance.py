"""The relevance floor: which close posts share the query's topic, and how sure the answer is.

Cosine similarity alone lets one shared word decide: "Vaskerutine for en ren leilighet"
(a cleaning routine) met Star Wars posts through the Norwegian "ren" (clean) = Kylo Ren.
So each close post must carry a share of the query's *topic weight*: the query's words
weighted by idf x specificity (seo.text.specificity: "love", "day" weigh little), with calls
to action and template words (seo.text.filler) left out and a word the corpus has never
seen counted at a high weight (UNKNOWN_WEIGHT), since it is very likely the topic
("kanelboller" against an English corpus). A post in another language than the query's must cover more.

How many posts pass the floor, and how much of the topic they cover together, give the
answer's `confidence` and a reason a creator understands.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from seo.index.csr import csr_rows
from seo.index.sets import isin, sorted_unique
from seo.index.store import LoadedIndex
from seo.suggest.language_groups import index_language_codes, language_group
from seo.text.filler import is_filler
from seo.text.tokenize import is_function_term

COVERAGE_FLOOR = 0.2  # share of the topic weight a close post must carry
OTHER_LANGUAGE_FLOOR = 0.5  # ... when it is in another language than the query
HIGH_POSTS, MEDIUM_POSTS = 8, 3  # posts past the floor for high / medium confidence
HIGH_COVERAGE, MEDIUM_COVERAGE = 0.6, 0.4  # share of the topic those posts cover together
WHOLE_SUBJECT_POSTS = 3  # posts carrying every word of a subject of two or more, for high confidence
# A word the corpus has never seen is likely the topic ("kanelboller" against an English
# corpus), but in a small corpus plain words are unknown too ("recipe" in 600 demo posts):
# it weighs this share of the highest idf.
UNKNOWN_WEIGHT = 0.6
# A topic word that is also a tag on this many posts counts when a post carries it as a tag:
# "#skincare" on a post says skincare even when its caption never does.
TOPIC_TAG_MIN_POSTS = 2


@dataclass
class Topic:
    """The query's topic words with their weights (term id -> weight; unknown words apart)."""

    weights: dict[int, float]
    names: dict[int, str]
    unknown: dict[str, float]  # words the corpus has never seen, at full weight
    total: float
    # Topic words that are tags: tag id -> the word's keys (its term id; -1, -2, ... for the
    # unknown words in their order; both parts of a split compound), so a post carrying the
    # tag carries the word.
    tags: dict[int, tuple[int, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._unknown_words = list(self.unknown)  # key -1 is the first, -2 the second, ...

    def weight_of(self, key: int) -> float:
        return self.weights[key] if key >= 0 else self.unknown[self._unknown_words[-key - 1]]

    def name_of(self, key: int) -> str:
        return self.names[key] if key >= 0 else self._unknown_words[-key - 1]

    @property
    def empty(self) -> bool:
        return self.total <= 0.0


@dataclass
class Relevance:
    keep: np.ndarray  # bool per close post: past the floor
    coverage: np.ndarray  # share of the topic weight each close post carries
    confidence: str  # "high" | "medium" | "low"
    reason: str
    covered_words: list[str] = field(default_factory=list)
    missing_words: list[str] = field(default_factory=list)
    # The close posts share the idea's other words, none its (unknown) subject: their tags rank,
    # but advise nothing ("Fotballtrening for barn" meets hikes with children).
    off_subject: bool = False


def query_topic(
    index: LoadedIndex, distinct: list[str], ids: np.ndarray, parts: dict[str, tuple[str, str]]
) -> Topic:
    """Weights of the query's topic words: idf x specificity for known words, the highest idf
    for unknown ones (split over the two parts of a compound the index knows)."""
    top_idf = index.top_idf
    weights: dict[int, float] = {}
    names: dict[int, str] = {}
    unknown: dict[str, float] = {}
    part_ids = {}
    if parts:
        wanted = sorted({p for pair in parts.values() for p in pair})
        part_ids = dict(zip(wanted, index.terms.positions(wanted).tolist(), strict=True))
    # idf x specificity of every known term, read in one gather (the same doubles as one by one).
    known = ids[ids >= 0]
    known_weight = dict(
        zip(
            known.tolist(),
            (index.idf[known].astype(np.float64) * index.term_specific[known].astype(np.float64)).tolist(),
            strict=True,
        )
    )
    for word, term in zip(distinct, ids.tolist(), strict=True):
        if " " in word or word.isdigit() or is_filler(word) or is_function_term(word):
            continue
        if term >= 0:
            weights[term] = known_weight[term]
            names[term] = word
        elif word in parts:
            for part in parts[word]:
                position = part_ids.get(part, -1)
                if position >= 0:
                    weights[position] = weights.get(position, 0.0) + top_idf / 2
                    names[position] = part
        else:
            unknown[word] = UNKNOWN_WEIGHT * top_idf
    total = sum(weights.values()) + sum(unknown.values())
    keys: dict[str, tuple[int, ...]] = {word: (term,) for term, word in names.items()}
    keys.update({w: (-i - 1,) for i, w in enumerate(unknown)})
    for word, pair in parts.items():  # "skincare" split as skin + care: #skincare carries both
        split = tuple(t for t in (part_ids.get(p, -1) for p in pair) if t in weights)
        if split:
            keys[word] = split
    found = index.tags.positions(list(keys)).tolist() if keys else []
    tags = {
        tag: key
        for key, tag in zip(keys.values(), found, strict=True)
        if tag >= 0 and int(index.tag_df[tag]) >= TOPIC_TAG_MIN_POSTS
    }
    return Topic(weights, names, unknown, total, tags)


def relevance(
    index: LoadedIndex,
    topic: Topic,
    posts: np.ndarray,
    *,
    language: str | None,
    declared: np.ndarray | None = None,
    core: Core | None = None,
) -> Relevance:
    """Which of `posts` share the topic, and the confidence of an answer built on them.

    `declared` marks posts that carry a tag the creator typed: they are on topic by the
    creator's own word and always pass. `core` is the idea's subject (seo.text.subject): a
    post must also carry one of its words, in its caption or as a tag, so "Korean corn dogs
    at a street market" is not answered by posts about street tacos.
    """
    n = len(posts)
    coverage = np.zeros(n)
    carried = np.zeros(n, dtype=bool)
    found = _Found(index, posts, topic, core if n else None)
    hits, position = _topic_hits(index, topic, posts, found)
    if len(hits):
        weight = np.fromiter((topic.weight_of(k) for k in hits.tolist()), np.float64, len(hits))
        coverage = np.bincount(position, weights=weight, minlength=n) / max(topic.total, 1e-12)
    covered_terms = set(hits.tolist())
    floor = np.full(n, COVERAGE_FLOOR)
    group = language_group(language)
    if group and n:
        # Posts of another language the index holds enough of must cover more; posts of no
        # known language, or of one only a few misread captions carry, are judged as equals.
        other = [c for g, c in index_language_codes(index).items() if g != group]
        if other:
            post_language = np.asarray(index.post_language[posts])
            foreign = isin(post_language, np.concatenate(other))
            floor = np.where(foreign, OTHER_LANGUAGE_FLOOR, COVERAGE_FLOOR)
    keep = coverage >= floor
    subject_missing = False
    if core is not None and n:
        has_core, whole = _carries(index, core, posts, found)
        subject_missing = bool(keep.any()) and not bool((keep & has_core).any())
        if not core.soft:
            keep &= has_core
    if declared is not None and len(declared):
        carried = np.asarray(declared, dtype=bool)
        keep |= carried
    # The topic words the kept posts carry between them, and the share of the topic that is.
    kept_terms = set(hits[keep[position]].tolist()) if len(hits) else set()
    together = sum(topic.weight_of(t) for t in kept_terms) / max(topic.total, 1e-12) if topic.total else 0.0
    covered_words = [topic.name_of(t) for t in sorted(kept_terms, key=lambda t: -topic.weight_of(t))]
    missing = [topic.names[t] for t in topic.weights if t not in kept_terms and t not in covered_terms]
    missing += [w for i, w in enumerate(topic.unknown) if -i - 1 not in kept_terms]
    if core is not None and any(w in core.words for w in missing):
        # Name what matters: the subject's missing words, not the hook's verbs ("buying", "takes").
        missing = [w for w in missing if w in core.words]
    count = int(keep.sum())
    confidence, reason = _confidence(count, together, covered_words, missing, carried.any())
    whole_posts = int((keep & whole).sum()) if core is not None and n else 0
    if (
        confidence == "high"
        and core is not None
        and len(core.words) > 1
        and whole_posts < WHOLE_SUBJECT_POSTS
    ):
        # "Plant care tips": eight posts about plants or about (hospital) care, none about plant care.
        confidence = "medium"
        reason = (
            f"{count} trending posts share part of your subject, {whole_posts} all of it "
            f"({_words(core.words)})."
        )
    if (
        confidence != "low"
        and core is not None
        and len(core.words) > 1
        and count
        and not whole_posts
        and not core.activity
    ):
        # "Wedding makeup look", "toddler meal ideas": posts about makeup or meals, none about
        # the idea; its own tags (#weddingmakeup) lead.
        confidence = "low"
        reason = (
            f"{count} trending posts share part of your subject, none all of it ({_words(core.words)}): "
            "the tags lean on your own words."
        )
    if core is not None and core.soft and count:
        confidence = "low"
        reason = (
            f"No trending post mentions your subject ({_words(core.words)}): the tags lean on your own "
            "words, and the others come from posts that share only the rest of your idea."
        )
    elif core is not None and count == 0 and not (core.terms or core.tags):
        reason = (
            f"No trending post mentions your subject ({_words(core.words)}): these tags are made "
            "from your own words, and trending tags are only filler."
        )
    elif subject_missing and count == 0:
        reason = (
            f"Trending posts share words of your idea, but none its subject ({_words(core.words)}): "
            "these tags are made from your own words, and trending tags are only filler."
        )
    # "Easy nail art at home" against a corpus that never says "nail": the posts about "art" are
    # latte art. A subject with a word no post carries is no close post's: their tags rank only.
    unknown = core is not None and bool(set(core.words) - {*core.terms.values(), *core.tags.values()})
    off_subject = bool(core is not None and count and (core.soft or (unknown and not whole_posts)))
    return Relevance(keep, coverage, confidence, reason, covered_words, missing, off_subject)


class _Found:
    """What the close posts carry, read once for the topic and the subject: the (term, position)
    pairs of the topic's and the subject's caption terms, and the posts' tags."""

    def __init__(self, index: LoadedIndex, posts: np.ndarray, topic: Topic, core: Core | None) -> None:
        self.index, self.posts = index, posts
        empty = np.zeros(0, np.int64)
        self.topic_terms = np.fromiter(topic.weights, np.int64, len(topic.weights))
        core_terms = np.fromiter(core.terms, np.int64, len(core.terms)) if core is not None else empty
        # The subject's terms that are not topic terms go last, so the topic's pairs come first
        # in the order posts_with_terms gives them for the topic terms alone.
        terms = np.concatenate([self.topic_terms, core_terms[~isin(core_terms, self.topic_terms)]])
        self.terms, self.holding = empty, empty
        if len(terms) and len(posts):
            self.terms, self.holding = index.posts_with_terms(terms, posts)
        self._tags: tuple[np.ndarray, np.ndarray] | None = None

    def term_pairs(self, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        hit = isin(self.terms, wanted)
        return self.terms[hit], self.holding[hit]

    def tags(self) -> tuple[np.ndarray, np.ndarray]:
        if self._tags is None:
            self._tags = csr_rows(self.index.post_tag_indptr, self.index.post_tags, self.posts)
        return self._tags


def _topic_hits(
    index: LoadedIndex, topic: Topic, posts: np.ndarray, found: _Found
) -> tuple[np.ndarray, np.ndarray]:
    """Every (topic word key, position in `posts`) a post carries, in its caption or as a tag,
    each pair once."""
    empty = np.zeros(0, np.int64)
    if not len(posts) or not (topic.weights or topic.tags):
        return empty, empty
    hits, position = empty, empty
    if topic.weights:
        hits, position = found.term_pairs(found.topic_terms)
    if topic.tags:
        tags, owner = found.tags()
        carried = isin(tags, np.fromiter(topic.tags, np.int64, len(topic.tags)))
        pairs = [
            (k, o)
            for t, o in zip(tags[carried].tolist(), owner[carried].tolist(), strict=True)
            for k in topic.tags[t]
        ]
        keys = np.fromiter((k for k, _ in pairs), np.int64, len(pairs))
        owners = np.fromiter((o for _, o in pairs), np.int64, len(pairs))
        hits = np.concatenate([np.asarray(hits, np.int64), keys])
        position = np.concatenate([np.asarray(position, np.int64), owners])
        # A word in the caption and as a tag counts once: unique (position, key) pairs.
        offset = len(topic.unknown) + 1
        pairs = sorted_unique(position * (len(index.idf) + offset) + (hits + offset))
        position, hits = np.divmod(pairs, len(index.idf) + offset)
        hits = hits - offset
    return np.asarray(hits, np.int64), np.asarray(position, np.int64)


@dataclass
class Core:
    """The idea's subject words the corpus knows: as caption terms and as tags (id -> word)."""

    terms: dict[int, str]
    tags: dict[int, str]
    words: list[str]  # all of the subject's words, known to the corpus or not
    # The more specific word of a main keyword pair, which a close post must carry: "iphone" of
    # "iphone camera" (a security camera is not the topic), "workout" of "home workouts".
    required: str | None = None
    # One subject word the corpus does not know: posts need not carry it, but the answer is low.
    soft: bool = False
    # The activity a "<verb> with me" idea names ("study"): a post about the whole subject
    # need not say it ("Study with me: 2 hours of focus").
    activity: str | None = None


def _carries(
    index: LoadedIndex, core: Core, posts: np.ndarray, carried: _Found
) -> tuple[np.ndarray, np.ndarray]:
    """Per post: whether it carries enough of the subject's words, in its caption or as tags:
    half of them, rounded up ("korean corn dogs": two; "beginner crochet granny square": two,
    so a post about a town square alone is not about the granny square); and whether all."""
    # (post position, subject word) pairs, from the captions' terms and from the tags, counted
    # once each: a word both written and tagged on a post counts once.
    words = {w: i for i, w in enumerate(dict.fromkeys([*core.terms.values(), *core.tags.values()]))}
    found = [np.zeros(0, np.int64)]
    if core.terms:
        terms, holding = carried.term_pairs(np.fromiter(core.terms, np.int64, len(core.terms)))
        word_of = np.fromiter((words[core.terms[t]] for t in terms.tolist()), np.int64, len(terms))
        found.append(holding * len(words) + word_of)
    if core.tags:
        tags, holding = carried.tags()
        wanted = np.fromiter(core.tags, np.int64, len(core.tags))
        hit = isin(tags, wanted)
        word_of = np.fromiter((words[core.tags[t]] for t in tags[hit].tolist()), np.int64, int(hit.sum()))
        found.append(holding[hit] * len(words) + word_of)
    pairs = sorted_unique(np.concatenate(found))
    count = np.bincount(pairs // max(len(words), 1), minlength=len(posts))
    # Half of all the subject's words, known to the corpus or not: a subject the corpus mostly
    # does not know ("beginner crochet granny square" in a fitness corpus) is no post's topic.
    needed = max(1, (len(core.words) + 1) // 2)
    carries = count[: len(posts)] >= needed
    if core.required is not None and core.required in words:
        wanted = pairs[pairs % len(words) == words[core.required]] // len(words)
        carries &= isin(np.arange(len(posts)), wanted)
    whole = count[: len(posts)] >= len(core.words)
    if core.activity in words:  # all of the subject but the format's activity
        other = pairs[pairs % len(words) != words[core.activity]]
        whole = np.bincount(other // len(words), minlength=len(posts))[: len(posts)] >= len(core.words) - 1
    return carries, carries & whole


def _words(words: list[str], limit: int = 3) -> str:
    return ", ".join(f"“{w}”" for w in words[:limit])


def _confidence(
    count: int, together: float, covered: list[str], missing: list[str], declared: bool
) -> tuple[str, str]:
    posts = f"{count} trending post{'s' if count != 1 else ''}"
    if count >= HIGH_POSTS and together >= HIGH_COVERAGE:
        return "high", f"{posts} share your topic ({_words(covered)})."
    if count >= MEDIUM_POSTS and (together >= MEDIUM_COVERAGE or declared):
        gap = f"; none uses {_words(missing)}" if missing else ""
        return "medium", f"{posts} share part of your topic ({_words(covered)}){gap}."
    if count == 0:
        what = f" ({_words(missing)})" if missing else ""
        return "low", (
            f"No trending post shares your topic{what}: these tags are made from your own words, "
            "and trending tags are only filler."
        )
    return "low", (
        f"Only {posts} share{'s' if count == 1 else ''} your topic"
        f"{f' ({_words(covered)})' if covered else ''}: little data, so the tags lean on your own words."
    )
