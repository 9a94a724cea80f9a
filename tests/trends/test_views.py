"""The explorer and detail pages: filters, bad input, empty corpus, who may see them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.conftest import corpus_snapshot, corpus_snapshot_restore
from tests.corpus_factory import post as indexed_post
from tests.corpus_factory import rising_and_falling_corpus, trend_post
from trends.services import trend_stats_recompute

# One worker runs the module under `pytest -n`, so its corpus (_corpus_snapshot) is built once, not per worker.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("trends-views")]

EXPLORER = reverse("trends:explorer")


@pytest.fixture(scope="module")
def _corpus_snapshot(django_db_setup, django_db_blocker, tmp_path_factory):
    def build() -> None:
        rising_and_falling_corpus()
        trend_stats_recompute()

    yield from corpus_snapshot(
        "views", build, django_db_blocker=django_db_blocker, data_dir=tmp_path_factory.mktemp("views")
    )


@pytest.fixture
def corpus(settings, _corpus_snapshot):
    """#sourdough rising, #dalgona fading, #bread steady, with trend figures and no index (built
    once for the module: the tests only read it, and their changes are rolled back)."""
    corpus_snapshot_restore(settings, _corpus_snapshot)


def _text(response) -> str:
    return response.content.decode()


def test_it_sends_anonymous_visitors_to_sign_in(client, corpus):
    response = client.get(EXPLORER)
    assert response.status_code == 302
    assert reverse("login") in response["Location"]
    detail = client.get(reverse("trends:detail", args=["hashtag", "sourdough"]))
    assert detail.status_code == 302


def test_the_explorer_shows_rising_and_most_used_hashtags(owner_client, corpus):
    response = owner_client.get(EXPLORER)
    assert response.status_code == 200
    page = _text(response)
    assert "Rising now" in page and "Most used" in page
    rising = page.split('id="table-rising"')[1].split('id="table-top"')[0]
    assert "#sourdough" in rising
    assert "#dalgona" not in rising
    assert 'role="img"' in page and "<title>" in page  # sparklines carry a text alternative


def test_every_user_sees_the_same_corpus(client, other, corpus):
    client.force_login(other)
    assert "#sourdough" in _text(client.get(EXPLORER))


def test_it_filters_by_kind_window_and_region(owner_client, corpus):
    page = _text(owner_client.get(EXPLORER, {"kind": "hashtag", "window": "120", "region": "NO"}))
    assert "#dalgona" in page
    assert "#sourdough" not in page
    assert "region NO" in page
    sounds = _text(owner_client.get(EXPLORER, {"kind": "sound"}))
    assert "♪ lofi beat" in sounds
    keywords = _text(owner_client.get(EXPLORER, {"kind": "keyword", "niche": "food"}))
    assert ">sourdough<" in keywords


@pytest.fixture
def topics_with_filler(index_env):
    """Sixty topics; "zorblax" is said in one post of every topic, so it is the most used word
    (60 posts: enough for the learned specificity to trust that it names no topic)."""
    from seo.index.lifecycle import index_build

    for topic in range(60):
        for n in range(6):
            filler = " zorblax" if n == 0 else ""
            indexed_post(f"kitten{topic} whisker{topic} kitten{topic}{filler}", [f"cats{topic}"])
    index_build()
    trend_stats_recompute()


def _table(page: str, name: str) -> str:
    return page.split(f'id="table-{name}"')[1].split("</table>")[0]


def test_filler_keywords_are_left_out_named_and_can_be_shown(owner_client, topics_with_filler):
    page = _text(owner_client.get(EXPLORER, {"kind": "keyword", "window": "7"}))
    assert ">kitten0</a>" in _table(page, "top")
    assert ">zorblax</a>" not in _table(page, "top")
    note = page.split('class="note filler-note"')[1].split("</p>")[0]
    assert "<strong>zorblax</strong>" in note and "words=all" in note

    everything = _text(owner_client.get(EXPLORER, {"kind": "keyword", "window": "7", "words": "all"}))
    assert ">zorblax</a>" in _table(everything, "top")  # the most used word
    assert "Showing every word, filler included" in everything
    assert 'name="words" value="all"' in everything  # the filter form keeps the choice


def test_hashtags_and_sounds_are_never_filtered_as_filler(owner_client, topics_with_filler):
    page = _text(owner_client.get(EXPLORER, {"kind": "hashtag", "window": "7"}))
    assert "filler-note" not in page and "#cats0" in page


@pytest.mark.usefixtures("index_env")
def test_without_an_index_no_keyword_is_called_filler(owner_client, corpus):
    page = _text(owner_client.get(EXPLORER, {"kind": "keyword"}))
    assert ">sourdough</a>" in page and "filler-note" not in page


def test_htmx_requests_get_only_the_results(owner_client, corpus):
    response = owner_client.get(EXPLORER, {"window": "7"}, HTTP_HX_REQUEST="true")
    page = _text(response)
    assert page.lstrip().startswith('<section id="trend-results"')
    assert "<html" not in page
    assert "the 7 days to" in page


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"window": "365"}, "is not a window we compute"),
        ({"window": "abc"}, "is not a window we compute"),
        ({"kind": "emoji"}, "is not hashtags, keywords or sounds"),
        ({"niche": "astrology"}, "No posts found for niche"),
        ({"region": "<script>"}, "No posts found for region"),
        ({"region": "NO", "language": "en"}, "one filter at a time"),
        ({"kind": "keyword", "words": "some"}, "is not a word choice"),
    ],
)
def test_bad_filters_explain_themselves_and_fall_back(owner_client, corpus, params, message):
    response = owner_client.get(EXPLORER, params)
    assert response.status_code == 200
    assert message in _text(response)
    assert "<script>" not in _text(response).split('id="trend-results"')[1]


def test_a_window_longer_than_the_corpus_is_explained(owner_client, corpus):
    page = _text(owner_client.get(EXPLORER, {"window": "120"}))
    assert "The corpus covers only 60 days" in page


def test_an_empty_corpus_says_how_to_import(owner_client):
    page = _text(owner_client.get(EXPLORER))
    assert "No trending posts yet" in page
    assert "python manage.py import_trends FILE" in page


def test_posts_without_figures_say_how_to_compute_them(owner_client):
    trend_post(days_old=1, tags=["x"])
    page = _text(owner_client.get(EXPLORER))
    assert "python manage.py trend_stats" in page


def test_the_detail_page_shows_curve_related_posts_and_aliases(owner_client, corpus):
    from seo.models import Hashtag

    Hashtag.objects.create(name="sourdoughbread", canonical=Hashtag.objects.get(name="sourdough"))
    response = owner_client.get(reverse("trends:detail", args=["hashtag", "sourdough"]))
    assert response.status_code == 200
    page = _text(response)
    assert 'class="curve"' in page and "<desc" in page
    assert "Show the numbers" in page
    assert "#bread" in page and "100%" in page
    assert "#sourdoughbread" in page
    assert "https://www.tiktok.com/@creator/video/" in page


def test_the_detail_page_of_a_keyword_and_a_sound(owner_client, corpus):
    assert owner_client.get(reverse("trends:detail", args=["keyword", "sourdough"])).status_code == 200
    sound = owner_client.get(reverse("trends:detail", args=["sound", "lofi beat"]) + "?window=7")
    assert sound.status_code == 200
    assert "♪ lofi beat" in _text(sound)


def test_a_hashtag_with_no_posts_gets_a_clear_404(owner_client, corpus):
    response = owner_client.get(reverse("trends:detail", args=["hashtag", "nothinghere"]))
    assert response.status_code == 404
    assert "No posts in the trend corpus use" in _text(response)


def test_an_unknown_kind_or_window_on_the_detail_page_is_explained(owner_client, corpus):
    response = owner_client.get(reverse("trends:detail", args=["emoji", "x"]))
    assert response.status_code == 404
    assert "is not hashtags, keywords or sounds" in _text(response)
    page = _text(owner_client.get(reverse("trends:detail", args=["hashtag", "sourdough"]), {"window": "9"}))
    assert "is not a window we compute" in page
