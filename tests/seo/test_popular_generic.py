"""seo.suggest.rank.popular_generic (read once per loaded index) against a plain reading of the
most used tags."""

from __future__ import annotations

import pytest

from seo.index.lifecycle import index_build
from seo.index.serving import active_index
from tests.corpus_factory import topic_corpus

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("index_env")]


def test_popular_generic_is_the_generic_tags_among_the_most_used_read_once():
    from seo.suggest.rank import GENERIC_CANDIDATES, GENERIC_CUTOFF, popular_generic

    topic_corpus(copies=3)
    index_build()
    index = active_index()
    assert index is not None
    df = [int(d) for d in index.tag_df]
    top = sorted(range(len(df)), key=lambda t: -df[t])[:GENERIC_CANDIDATES]  # stable: ties by position
    expected = [t for t in top if float(index.tag_generic[t]) < GENERIC_CUTOFF]
    assert expected, "the corpus has generic tags (#fyp)"
    assert popular_generic(index).tolist() == expected
    assert popular_generic(index) is popular_generic(index)
