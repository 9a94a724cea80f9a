"""The main keyword of an idea or caption: one definition for the score, the drafts
and the suggestion engine.

Rules, in order:
1. the creator's picked keywords win: the first one that is not filler;
2. otherwise the strongest content word of the idea's subject phrase (its noun
   phrase: "How to make sourdough bread at home" -> "sourdough bread"), joined with
   its neighbour when the index knows the pair as a phrase;
3. never a call to action, template or filler word (seo.text.filler), in English or
   Norwegian, and never a word that appears only inside a hashtag.

"Strongest" is the rarest in the trend index (highest idf) when an index is
serving, else the phrase's last content word (the head of an English or Norwegian
noun phrase).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from django.db import DatabaseError

from seo.index.serving import active_index, index_derived
from seo.text.filler import is_filler
from seo.text.subject import clean_text, is_praise, subject
from seo.text.subject_lists import TOKEN, describes
from seo.text.subject_words import content_words, head_words


def _serving():
    try:  # the index is optional: pure text rules work without it
        return active_index()
    except DatabaseError:  # no database yet (a bare checkout): fall back to the text rule
        return None


def _adjacent(text: str, first: str, second: str) -> bool:
    tokens = TOKEN.findall(text.casefold())
    first, second = first.casefold(), second.casefold()
    return any(a == first and b == second for a, b in pairwise(tokens))


# Answers remembered per loaded index version (they read its idf): the editor asks about the
# same idea and drafts on every refresh, through the suggestion, the drafts and each score.
REMEMBERED = 4096


def main_keyword(text: str, *, picked: Sequence[str] = (), language: str | None = None) -> str | None:
    """The main keyword (see the module docstring); None when the text names nothing."""
    for term in picked:
        term = " ".join(str(term or "").lstrip("#").split())
        if term and not all(is_filler(w, language) for w in TOKEN.findall(term) or [term]):
            return term.casefold()
    index = _serving()
    if index is None:
        return _main_keyword(text, language, None)
    remembered: dict = index_derived(index, "main_keywords", dict)
    key = (text, language)
    if key not in remembered:
        if len(remembered) >= REMEMBERED:
            remembered.clear()
        remembered[key] = _main_keyword(text, language, index)
    return remembered[key]


def _name(text: str) -> str:
    """The longest run of capitalised words inside a sentence ("New York"), casefolded; the
    first word of a sentence and filler ("Easy") are no name."""
    runs: list[list[str]] = [[]]
    for sentence in re.split(r"[.!?:;\n]+", text):
        for i, word in enumerate(TOKEN.findall(sentence)):
            if i and word[:1].isupper() and word != "I":
                runs[-1].append(word)
            elif runs[-1]:
                runs.append([])
        runs.append([])
    named = [run for run in runs if any(not is_filler(w) for w in run)]  # "Easy" alone is no name
    best = max(named, key=len, default=[])
    return " ".join(best).casefold()


def _name_before_head(found, head: list[str]) -> str:
    """A name of two or more capitalised words right before the head noun (praise between
    them aside: "Real Madrid best goals"), casefolded."""
    run: list[str] = []
    for word in head[:-1]:
        run = [*run, word] if word[:1].isupper() and word != "I" else []
    told = " ".join(w for w in TOKEN.findall(found.sentence) if not is_praise(w))
    if len(run) >= 2 and head[-1][:1].islower() and _adjacent(told, run[-1], head[-1]):
        return " ".join(run).casefold()
    return ""


def _main_keyword(text: str, language: str | None, index) -> str | None:
    found = subject(text, language)
    head = head_words(found, language)
    pair = " ".join(head[-2:]) if len(head) >= 2 and _adjacent(found.sentence, head[-2], head[-1]) else ""
    known_pair = (
        bool(pair) and index is not None and index.terms.positions([pair.casefold()]).tolist()[0] >= 0
    )
    name = pair and head[-2][:1].isupper() and head[-1][:1].isupper()  # "New York" is one name
    named = _name_before_head(found, head)
    if named:  # "every Taylor Swift album": people search the name, not "swift album"
        return named
    if known_pair is False and pair and len(head) >= 3 and index is not None:
        # "night shift nurse": the corpus knows "night shift", not "shift nurse", so the pair
        # would split a compound; the head noun names the subject.
        before = " ".join(head[-3:-1]).casefold()
        if _adjacent(found.sentence, head[-3], head[-2]) and index.terms.positions([before]).tolist()[0] >= 0:
            return head[-1].casefold()
    if pair and (not describes(head[-2]) or known_pair or name):
        # The head noun with its modifier: "corn dogs", "buzzer beaters", "sourdough starter"
        # (the head alone, "dogs", names another topic).
        return pair.casefold()
    if head:
        return head[-1].casefold()
    named = _name(clean_text(text))
    if named:  # no noun phrase, but a name: "Things I wish I knew before moving to New York"
        return named
    candidates = content_words(TOKEN.findall(found.head), language)
    if not candidates:
        candidates = content_words(TOKEN.findall(found.phrase), language)
    if not candidates:
        candidates = content_words(TOKEN.findall(clean_text(text)), language)
    if not candidates:
        return None
    if index is None or not len(index.idf):
        best = len(candidates) - 1  # the head of the noun phrase
        known = set()
    else:
        # The words' idf and their two pairs around each word, in one lookup of the terms.
        folded = [w.casefold() for w in candidates]
        pairs = [f"{a} {b}" for a, b in pairwise(folded)]
        positions = index.terms.positions(folded + pairs).tolist()
        top = index.top_idf
        weights = [float(index.idf[p]) if p >= 0 else top for p in positions[: len(folded)]]
        known = {pair for pair, p in zip(pairs, positions[len(folded) :], strict=True) if p >= 0}
        best = max(range(len(candidates)), key=lambda i: (round(weights[i], 3), i))
    word = candidates[best].casefold()
    for pair in (candidates[best - 1 : best + 1] if best else [], candidates[best : best + 2]):
        if len(pair) == 2 and " ".join(pair).casefold() in known:
            return " ".join(pair).casefold()
    return word
