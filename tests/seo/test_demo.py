"""The demo corpus: large, bilingual, realistic in shape, dated up to now, deterministic and fast."""

from __future__ import annotations

import datetime as dt
import statistics
import time
from collections import Counter

import pytest
from django.utils import timezone

from seo.corpus.demo import DEMO_DAYS, NICHES, demo_corpus_load, demo_posts
from seo.corpus.demo_corpus.captions import GENERIC_TAGS, GENERIC_TAGS_NB, NOT_GENERIC
from seo.models import Hashtag, TrendPost

# One worker runs the module under `pytest -n`, so the demo posts (posts) are generated once, not per worker.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo-posts")]

END = dt.datetime(2026, 11, 20, 22, 0, tzinfo=dt.UTC)
GENERIC = (set(GENERIC_TAGS) | set(GENERIC_TAGS_NB)) - NOT_GENERIC


@pytest.fixture(scope="module")
def posts():
    return list(demo_posts(end=END))


def _tags(post) -> list[str]:
    return post["hashtags"].replace("#", "").split()


def test_the_demo_corpus_is_large_bilingual_and_spread_over_twenty_niches(posts):
    assert len(posts) >= 3000
    niches = Counter(p["niche"] for p in posts)
    assert len(niches) >= 20 and min(niches.values()) >= 100
    languages = Counter(p["language"] for p in posts)
    assert 0.35 < languages["nb"] / len(posts) < 0.45 and set(languages) == {"en", "nb"}
    assert all({p["language"] for p in posts if p["niche"] == n} == {"en", "nb"} for n in niches)
    views = [p["views"] for p in posts]
    assert max(views) / min(views) > 1000  # engagement over orders of magnitude


def test_captions_use_varied_hooks_and_calls_to_action_in_both_languages(posts):
    captions = [p["caption"] for p in posts]
    for opening in (
        "POV:",
        "I tried",
        "Nobody tells you",
        "mistakes everyone makes",
        "Slik kan du",
        "Lagre denne",
    ):
        assert sum(opening in c for c in captions) >= 30, opening
    assert (
        sum(c.split("\n")[0].rstrip(" ✨😭🔥😅🙌💀🥹👀😍🫶").endswith("?") for c in captions) >= 100
    )  # questions
    assert sum('Comment "part 2"' in c or 'Kommenter "del 2"' in c for c in captions) >= 50
    assert len(set(captions)) > 0.95 * len(captions)  # not the same caption over and over


def test_tags_look_like_real_ones_generic_tags_on_about_four_in_ten_and_a_long_tail(posts):
    with_generic = sum(bool(set(_tags(p)) & GENERIC) for p in posts) / len(posts)
    assert 0.3 < with_generic < 0.5
    counts = Counter(len(_tags(p)) for p in posts)
    assert counts[0] > 0.05 * len(posts) and counts[1] > 0.03 * len(posts)
    assert sum(n for size, n in counts.items() if size >= 8) > 0.05 * len(posts)
    uses = Counter(t for p in posts for t in _tags(p))
    assert uses.most_common(1)[0][0] == "fyp"
    assert sum(1 for n in uses.values() if n <= 5) > 100  # the long tail
    assert {"xyzbca", "fypシ", "foryoupage", "norge"} <= set(uses)


def test_each_niche_has_a_few_sounds_and_its_own_creators(posts):
    for niche in NICHES:
        mine = [p for p in posts if p["niche"] == niche]
        sounds = {p["sound"] for p in mine if not p["sound"].startswith(("original sound", "original lyd"))}
        assert 2 <= len(sounds) <= 5
        authors = {p["author"] for p in mine}
        assert not authors & {p["author"] for p in posts if p["niche"] != niche}


def test_hook_shapes_really_differ_in_engagement(posts):
    def median_rate(opening: str) -> float:
        rates = [
            (p["likes"] + p["comments"] + p["shares"]) / p["views"] for p in posts if opening in p["caption"]
        ]
        return statistics.median(rates)

    assert median_rate("mistakes everyone makes") > 1.5 * median_rate("Stop scrolling")
    assert median_rate("feil alle gjør") > 1.5 * median_rate("Slutt å scrolle")


def test_the_demo_corpus_is_deterministic_and_a_niche_subset_is_the_same_posts(posts):
    assert list(demo_posts(end=END)) == posts
    subset = list(demo_posts(end=END, niches=["food", "baking"]))
    assert subset == [p for p in posts if p["niche"] in {"food", "baking"}]
    with pytest.raises(ValueError, match="unknown demo niche"):
        list(demo_posts(end=END, niches=["astrology"]))


def test_generating_the_whole_corpus_takes_under_two_seconds():
    # CPU seconds of this process: on a shared machine the wall clock also counts other
    # processes' turns (3.4 s at load 13 for well under a second of work).
    started = time.process_time()
    assert len(list(demo_posts(end=END))) >= 3000
    assert time.process_time() - started < 2.0


def test_posts_are_spread_over_the_last_120_days_up_to_the_end_and_none_later(posts):
    moments = [dt.datetime.fromisoformat(p["posted_at"]) for p in posts]
    assert max(moments) <= END and min(moments) >= END - dt.timedelta(days=DEMO_DAYS)
    assert len({m.date() for m in moments}) >= 110
    assert max(moments) > END - dt.timedelta(days=1) and min(moments) < END - dt.timedelta(days=110)


def test_demo_posting_hours_peak_in_the_evening(posts):
    hours = Counter(dt.datetime.fromisoformat(p["posted_at"]).hour for p in posts)
    assert sum(hours[h] for h in range(17, 22)) > 3 * sum(hours[h] for h in range(1, 6))


def test_rising_tags_gain_and_declining_tags_fade_towards_the_end(posts):
    middle = END - dt.timedelta(days=60)
    early, late = Counter(), Counter()
    for post in posts:
        bucket = late if dt.datetime.fromisoformat(post["posted_at"]) > middle else early
        bucket.update(_tags(post))
    assert late["cottagecheese"] > 2 * early["cottagecheese"]
    assert early["dalgona"] > 2 * late["dalgona"]


def test_loading_dates_the_posts_up_to_now():
    before = timezone.now()
    demo_corpus_load(niches=["hiking"])
    newest = TrendPost.objects.latest("posted_at").posted_at
    oldest = TrendPost.objects.earliest("posted_at").posted_at
    assert before - dt.timedelta(days=2) < newest <= timezone.now()
    assert oldest >= before - dt.timedelta(days=DEMO_DAYS + 1)


def test_loading_the_demo_corpus_twice_does_not_duplicate():
    first = demo_corpus_load(end=END)
    second = demo_corpus_load(end=END)
    assert first.imported and first.created == TrendPost.objects.filter(source="demo").count() >= 3000
    assert (second.created, second.updated) == (0, first.created)
    assert TrendPost.objects.count() == first.created
    assert Hashtag.objects.get(name="fyp").is_generic and Hashtag.objects.get(name="xyzbca").is_generic
    assert not Hashtag.objects.get(name="norge").is_generic
    assert Hashtag.objects.get(name="airfryer").niche == "food"
    assert Hashtag.objects.get(name="trolltunga").niche == "hiking"


def test_loading_the_whole_corpus_removes_an_older_demos_posts_but_a_subset_keeps_them():
    TrendPost.objects.create(source="demo", video_id="demo00001", caption="old demo", views=10)
    TrendPost.objects.create(source="import", video_id="demo00002", caption="a real import", views=10)
    demo_corpus_load(end=END, niches=["coffee"])
    assert TrendPost.objects.filter(video_id="demo00001").exists()
    demo_corpus_load(end=END)
    assert not TrendPost.objects.filter(video_id="demo00001").exists()
    assert TrendPost.objects.filter(source="import", video_id="demo00002").exists()


def test_demo_posts_have_no_address_to_watch():
    demo_corpus_load(end=END, niches=["food"])
    assert TrendPost.objects.filter(source="demo").exists()
    assert not TrendPost.objects.filter(source="demo").exclude(url="").exists()
