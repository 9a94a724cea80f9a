"""Time the trend statistics over a generated corpus, and the explorer pages that read them.

    DEBUG=1 .venv/bin/python benchmarks/bench_trends.py                 # 1,000,000 posts
    DEBUG=1 .venv/bin/python benchmarks/bench_trends.py --posts 100000

What it does: creates a THROWAWAY data directory (so a fresh SQLite database, unless
DATABASE_URL points elsewhere — then use a throwaway database), migrates it, and
inserts --posts generated posts with bulk SQL (executemany, no model instances):
captions from benchmarks/corpus_gen.py (a word chain learned from ../shared/data, or
a Zipf vocabulary when that is absent), ~4 tags a post with a long tail, 12 niches,
10 regions, 5 languages, 3,000 sounds, posting days over 240 days. Then it times, on
one core:

  1. a full recompute (tokenising every caption, aggregating, writing the rows),
  2. an incremental run on the unchanged corpus (a fingerprint check),
  3. an incremental run after 1,000 new posts (only those are tokenised),
  4. server-side renders of the explorer and detail pages (Django test client,
     median of 7 after one warm-up).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")
if "HOOKLINE_DATA_DIR" not in os.environ or "--here" not in sys.argv:
    os.environ["HOOKLINE_DATA_DIR"] = tempfile.mkdtemp(prefix="hookline-bench-trends-")

import django  # noqa: E402

django.setup()

import numpy as np  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from seo.models import Hashtag, PostHashtag, TrendPost  # noqa: E402
from trends.models import TrendStat  # noqa: E402
from trends.services import trend_stats_recompute  # noqa: E402

SHARED_CSV = ROOT.parent / "shared" / "data" / "tiktok_trends_en.csv"
END = dt.datetime(2026, 11, 20, 21, 0, tzinfo=dt.UTC)
NICHES = [
    "food",
    "fitness",
    "travel",
    "beauty",
    "tech",
    "cars",
    "humour",
    "pets",
    "books",
    "music",
    "diy",
    "money",
]
REGIONS = ["US", "GB", "NO", "SE", "DE", "ES", "MX", "AU", "CA", "IE"]
LANGUAGES = ["en", "en", "en", "nb", "es", "de", "sv"]
BATCH = 20_000


def _captions_and_tags(n: int, rng: np.random.Generator) -> tuple[list[str], list[list[str]]]:
    if SHARED_CSV.exists():
        from benchmarks.corpus_gen import Generator

        generator = Generator(SHARED_CSV)
        captions, tags = [], []
        for _ in range(n):
            captions.append(generator.caption())
            tags.append(list(dict.fromkeys(generator.tags())))
        return captions, tags
    words = [f"word{i}" for i in range(30_000)]
    word_ids = rng.zipf(1.3, size=n * 9) % len(words)
    tag_ids = rng.zipf(1.4, size=n * 4) % 50_000
    captions = [" ".join(words[w] for w in word_ids[i * 9 : i * 9 + 9]) for i in range(n)]
    tags = [list(dict.fromkeys(f"tag{t}" for t in tag_ids[i * 4 : i * 4 + 4])) for i in range(n)]
    return captions, tags


def corpus_insert(n: int, *, first_video: int = 0, seed: int = 7) -> float:
    """Insert n generated posts with bulk SQL; returns seconds."""
    started = time.perf_counter()
    rng = np.random.default_rng(seed + first_video)
    captions, tag_lists = _captions_and_tags(n, rng)
    names = sorted({t for tags in tag_lists for t in tags})
    existing = dict(Hashtag.objects.values_list("name", "id"))
    new_tags = [name for name in names if name not in existing]
    niche_of = {name: NICHES[i % len(NICHES)] if i % 5 == 0 else "" for i, name in enumerate(new_tags)}
    Hashtag.objects.bulk_create(
        [Hashtag(name=name, niche=niche_of[name]) for name in new_tags], batch_size=5000
    )
    tag_id = dict(Hashtag.objects.values_list("name", "id"))
    # A little more activity lately, as trending data has; a few hundred days of history.
    age = 240 * rng.random(n) ** 1.3
    views = (10 ** rng.uniform(2.5, 7.0, n)).astype(np.int64)
    rate = rng.uniform(0.02, 0.2, n)
    region = rng.integers(0, len(REGIONS), n)
    language = rng.integers(0, len(LANGUAGES), n)
    sound = np.minimum(rng.zipf(1.5, n), 3000)
    adapt = connection.ops.adapt_datetimefield_value
    now = adapt(dt.datetime.now(dt.UTC))
    post_table, link_table = TrendPost._meta.db_table, PostHashtag._meta.db_table
    columns = (
        "source, video_id, caption, author, views, likes, comments, shares, saves, engagement_rate, "
        "posted_at, region, language, sound, duration_s, url, imported_at"
    )
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {post_table}")  # noqa: S608  (our table name)
        before = cursor.fetchone()[0]
        for start in range(0, n, BATCH):
            rows = []
            for i in range(start, min(start + BATCH, n)):
                number = first_video + i
                posted = END - dt.timedelta(days=float(age[i]))
                rows.append(
                    (
                        "bench",
                        f"b{number}",
                        captions[i],
                        f"creator{number % 5000}",
                        int(views[i]),
                        int(views[i] * rate[i]),
                        0,
                        0,
                        None,
                        float(rate[i]),
                        adapt(posted),
                        REGIONS[region[i]],
                        LANGUAGES[language[i]],
                        f"sound {int(sound[i])}",
                        15.0,
                        "",
                        now,
                    )
                )
            cursor.executemany(
                f"INSERT INTO {post_table} ({columns}) VALUES ({', '.join(['%s'] * 17)})",  # noqa: S608
                rows,
            )
        cursor.execute(f"SELECT id FROM {post_table} WHERE id > %s ORDER BY id", [before])  # noqa: S608
        ids = [row[0] for row in cursor.fetchall()]
        links = [(ids[i], tag_id[name]) for i, tags in enumerate(tag_lists) for name in tags]
        for start in range(0, len(links), BATCH * 4):
            cursor.executemany(
                f"INSERT INTO {link_table} (post_id, hashtag_id) VALUES (%s, %s)",  # noqa: S608
                links[start : start + BATCH * 4],
            )
    return time.perf_counter() - started


def _timed(*, full: bool):
    """The run and the CPU seconds it took in this process (wall time suffers on a busy machine)."""
    started = time.process_time()
    run = trend_stats_recompute(full=full)
    return run, time.process_time() - started


def _median_ms(client: Client, url: str, runs: int = 7) -> tuple[float, int]:
    response = client.get(url)  # warm-up: template loading, the first query plans
    times, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return statistics.median(times), statistics.median(cpu), response.status_code


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--posts", type=int, default=1_000_000)
    parser.add_argument(
        "--here",
        action="store_true",
        help="use HOOKLINE_DATA_DIR as set (not a temp dir); reuse the posts a previous run generated there",
    )
    args = parser.parse_args()
    print(f"data dir: {os.environ['HOOKLINE_DATA_DIR']}  database: {connection.vendor}")
    call_command("migrate", verbosity=0)
    existing = TrendPost.objects.count()
    if existing and not args.here:
        sys.exit("the database already holds posts: point the benchmark at a throwaway database")
    if existing:
        print(f"reusing the {existing:,} posts already in HOOKLINE_DATA_DIR (--here)")
    else:
        seconds = corpus_insert(args.posts)
        links = PostHashtag.objects.count()
        print(f"generated and inserted {args.posts:,} posts, {links:,} tag links in {seconds:.1f} s")

    run, cpu = _timed(full=True)
    print(
        f"FULL recompute: {run.seconds:.1f} s wall, {cpu:.1f} s CPU for {run.posts:,} posts -> "
        f"{run.rows:,} rows ({run.tokenised:,} captions tokenised)"
    )
    run, cpu = _timed(full=False)
    print(f"incremental, nothing changed: {run.seconds:.2f} s wall, {cpu:.2f} s CPU (skipped={run.skipped})")
    corpus_insert(1000, first_video=10_000_000 + TrendPost.objects.count())
    run, cpu = _timed(full=False)
    print(
        f"incremental after 1,000 new posts: {run.seconds:.1f} s wall, {cpu:.1f} s CPU "
        f"({run.tokenised:,} captions tokenised)"
    )

    user, _ = get_user_model().objects.get_or_create(username="bench")
    client = Client(SERVER_NAME="localhost")
    client.force_login(user)
    top_tag = TrendStat.objects.filter(kind="hashtag", window=30, dimension="").order_by("-posts").first()
    top_word = TrendStat.objects.filter(kind="keyword", window=30, dimension="").order_by("-posts").first()
    explorer = reverse("trends:explorer")
    pages = {
        "explorer (hashtags, 30 days)": explorer,
        "explorer (keywords, 120 days, niche food)": f"{explorer}?kind=keyword&window=120&niche=food",
        "explorer (sounds, 7 days, region NO)": f"{explorer}?kind=sound&window=7&region=NO",
        "explorer htmx partial": f"{explorer}?window=7",
        f"detail #{top_tag.key}": reverse("trends:detail", args=["hashtag", top_tag.key]),
        f"detail keyword {top_word.key}": reverse("trends:detail", args=["keyword", top_word.key]),
    }
    for label, url in pages.items():
        ms, cpu_ms, status = _median_ms(client, url)
        print(f"render {label}: {ms:.1f} ms wall, {cpu_ms:.1f} ms CPU (HTTP {status})")


if __name__ == "__main__":
    main()
