"""Keywords seo.text.filler lists ("day", "step", "bio") are left out of the explorer like measured filler:
a corpus of a few thousand posts cannot measure every template word."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_trends(db):
    from seo.corpus.demo import demo_corpus_load
    from seo.index.lifecycle import index_build
    from seo.index.serving import reset_loaded_index
    from trends.services import trend_stats_recompute

    demo_corpus_load(niches=["food", "hiking", "baking", "study"])
    index_build()
    reset_loaded_index()
    trend_stats_recompute(full=True)
    yield
    reset_loaded_index()


def _table(page: str, name: str) -> str:
    return page.split(f'id="table-{name}"')[1].split("</table>")[0]


def test_listed_template_words_are_left_out_and_named(owner_client, demo_trends):
    page = owner_client.get(reverse("trends:explorer"), {"kind": "keyword", "window": "120"}).text
    top = _table(page, "top")
    for word in ("day", "step", "dag", "steg"):
        assert f">{word}</a>" not in top
    note = page.split('class="note filler-note"')[1].split("</p>")[0]
    named = note.split("<strong>")[1].split("</strong>")[0].split(", ")
    assert {"step", "day"} & set(named)

    everything = owner_client.get(
        reverse("trends:explorer"), {"kind": "keyword", "window": "120", "words": "all"}
    ).text
    assert ">day</a>" in _table(everything, "top") or ">step</a>" in _table(everything, "top")
