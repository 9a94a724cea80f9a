"""Demo posts have no video behind them: no page links to one, while a real post still gets its link."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

REAL_URL = "https://www.tiktok.com/@realhiker/video/7400000000000000001"
LINK = re.compile(r'<a [^>]*href="https?://[^"]*tiktok\.com[^"]*"')


@pytest.fixture
def demo_with_one_real_post(db, tmp_path):
    """The demo corpus plus one imported post with a real address, indexed and with statistics."""
    from seo.corpus.demo import demo_corpus_load
    from seo.corpus.importing import trend_import
    from seo.index.lifecycle import index_build
    from seo.index.serving import reset_loaded_index
    from trends.services import trend_stats_recompute

    demo_corpus_load(niches=["hiking", "food"])
    real = tmp_path / "real.csv"
    real.write_text(
        "video_id,caption,hashtags,views,likes,posted_at,url\n"
        f"7400000000000000001,Trolltunga at sunrise,#trolltunga #hiking,90000000,900000,"
        f"{_yesterday()},{REAL_URL}\n",
        encoding="utf-8",
    )
    assert trend_import(paths=[real]).imported
    index_build()
    reset_loaded_index()
    trend_stats_recompute(full=True)
    yield
    reset_loaded_index()


def _yesterday() -> str:
    import datetime as dt

    return (dt.datetime.now(dt.UTC) - dt.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%S")


def test_a_trend_page_links_the_real_post_and_none_of_the_demo_posts(owner_client, demo_with_one_real_post):
    html = owner_client.get(reverse("trends:detail", args=["hashtag", "trolltunga"])).text
    assert "Top posts using it" in html and "Trolltunga" in html
    assert LINK.findall(html) == [f'<a href="{REAL_URL}"']


def test_the_hooks_page_shows_demo_examples_without_links(owner_client, demo_with_one_real_post):
    html = owner_client.get(reverse("trends:hooks"), {"language": "en"}).text
    assert "mistakes everyone makes with" in html  # examples are there …
    assert not LINK.findall(html)  # … but none points to a video that does not exist


def test_the_editors_evidence_has_no_watch_link_for_demo_posts(owner_client, demo_with_one_real_post):
    html = owner_client.post(
        reverse("captions:draft_panel"),
        {"topic": "15-minute pasta for busy weeknights"},
        HTTP_HX_REQUEST="true",
    ).text
    assert "Trending posts like yours" in html and "pasta" in html
    assert "Watch" not in html and not LINK.findall(html)
