"""Time trend_import on the configured database.

    DEBUG=1 .venv/bin/python benchmarks/bench_import.py                   # SQLite (default settings)
    DEBUG=1 DATABASE_URL=postgres://postgres@127.0.0.1:5432/hookline_bench \
        .venv/bin/python benchmarks/bench_import.py --rows 1000000        # PostgreSQL

Times (1) ../shared/data/tiktok_trends_en.csv (5,780 rows) imported fresh and then
re-imported (all updates), and (2) a generated CSV of --rows posts shaped like the
shared data (median caption ~60 characters, ~4 tags a post, a Zipf-like vocabulary
of 50,000 tags; 1,100,000 rows make ~300 MB of unique rows), and with --long-line-mb N
(3) a file whose second line is N MB long. Each line also prints the process's peak RSS
so far (the target is 250 MB whatever the file size), the load average (1, 5 and 15
minutes), and the CPU seconds the import took in this process and, on a local PostgreSQL,
in its server process: on a busy shared machine the wall time mostly measures the wait
for a core. Benchmark rows use sources "bench-*" and are removed afterwards unless --keep.
Use a throwaway database: the import is real.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from seo.corpus.curation import hashtag_counts_refresh  # noqa: E402
from seo.corpus.importing import trend_import  # noqa: E402
from seo.models import PostHashtag, TrendPost  # noqa: E402

SHARED_CSV = ROOT.parent / "shared" / "data" / "tiktok_trends_en.csv"
WORDS = [
    "the",
    "a",
    "my",
    "this",
    "how",
    "to",
    "why",
    "you",
    "your",
    "day",
    "life",
    "new",
    "best",
    "easy",
    "quick",
    "recipe",
    "workout",
    "trip",
    "car",
    "makeup",
    "setup",
    "hack",
    "tip",
    "tips",
    "trick",
    "morning",
    "night",
    "routine",
    "before",
    "after",
    "first",
    "last",
    "time",
    "try",
    "trying",
    "made",
    "make",
    "making",
    "love",
    "hate",
    "wait",
    "for",
    "it",
    "part",
    "story",
    "pov",
    "when",
    "me",
    "us",
    "we",
    "vs",
    "top",
    "ways",
    "things",
    "know",
    "never",
    "always",
    "again",
    "real",
    "honest",
    "review",
    "budget",
    "cheap",
    "luxury",
    "small",
    "big",
    "home",
    "city",
    "beach",
    "road",
    "gym",
    "kitchen",
]
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "fy",
    "po",
    "tra",
    "vel",
    "fit",
    "food",
    "cook",
    "gym",
    "car",
    "tok",
    "ria",
    "ne",
    "sa",
    "ko",
    "ru",
    "da",
    "vi",
    "ta",
    "be",
    "zu",
    "on",
    "in",
    "ex",
]


def generated_csv(path: Path, rows: int, *, seed: int = 7) -> None:
    rng = random.Random(seed)
    vocabulary = list(
        dict.fromkeys("".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(60000))
    )
    vocabulary = vocabulary[:50000]
    cumulative = list(itertools.accumulate(1 / (rank + 1) ** 1.05 for rank in range(len(vocabulary))))
    start = 1_700_000_000
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["video_id", "caption", "hashtags", "author", "views", "likes", "comments", "shares",
                         "saves", "posted_at", "region", "language", "sound", "duration_s", "url"])  # fmt: skip
        for n in range(rows):
            tags = rng.choices(vocabulary, cum_weights=cumulative, k=rng.randint(1, 7))
            words = " ".join(rng.choices(WORDS, k=rng.randint(4, 14)))
            inline = " ".join(f"#{t}" for t in tags[: rng.randint(0, len(tags))])
            views = int(10 ** rng.uniform(2, 7.5))
            posted = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(start + rng.randrange(10_000_000)))
            video_id = str(7_000_000_000_000_000_000 + n)
            writer.writerow([
                video_id, f"{words} {inline}".strip(), " ".join(f"#{t}" for t in tags), f"creator{n % 5000}",
                views, int(views * rng.uniform(0.01, 0.15)), rng.randrange(2000) or "", rng.randrange(900), "",
                posted, "", "", f"original sound - creator{n % 5000}", rng.choice(["", "15", "32.5"]),
                f"https://www.tiktok.com/@creator{n % 5000}/video/{video_id}",
            ])  # fmt: skip


def peak_rss_mb() -> float:
    """The process's peak resident memory so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def long_line_csv(path: Path, megabytes: int) -> None:
    """A header, one caption of `megabytes` MB on one line, then a good row."""
    with path.open("w", encoding="utf-8") as handle:
        handle.write("video_id,caption\n1,")
        for _ in range(megabytes):
            handle.write("x" * 1_000_000)
        handle.write("\n2,a good row\n")


def cpu_seconds() -> float:
    """CPU time of this process plus, on a local PostgreSQL, of its server process: the figure
    that a busy shared machine changes least (wall time there measures the queue for a core)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    total = own.ru_utime + own.ru_stime
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            (pid,) = cursor.fetchone()
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            pass  # a server on another machine: this process's time only
    return total


def load_average() -> str:
    return "/".join(f"{value:.1f}" for value in os.getloadavg())


def timed(label: str, **kwargs) -> None:
    cpu = cpu_seconds()
    report = trend_import(**kwargs)
    cpu = cpu_seconds() - cpu
    print(
        f"{label:<34} {report.rows_read:>9,} rows  {report.elapsed:7.2f} s  {report.rows_per_second:>9,.0f} rows/s"
        f"  CPU {cpu:.1f} s ({report.rows_read / max(cpu, 1e-9):,.0f} rows/CPU-s)"
        f"  peak RSS {peak_rss_mb():,.0f} MB  load {load_average()}"
        f"  (created {report.created:,}, updated {report.updated:,}, errors {report.error_count})",
        flush=True,
    )
    if report.error_count:
        print("   first errors:", report.errors[:3])


def cleanup(prefix: str = "bench-") -> None:
    """Delete the posts a benchmark imported (their source starts with `prefix`) and recount tags."""
    # Raw deletes: the ORM's cascade collector would load a million posts into memory first.
    benchmark_posts = TrendPost.objects.filter(source__startswith=prefix)
    PostHashtag.objects.filter(post__in=benchmark_posts)._raw_delete(connection.alias)
    benchmark_posts._raw_delete(connection.alias)
    hashtag_counts_refresh()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=1_000_000, help="generated rows (default 1,000,000)")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark rows afterwards")
    parser.add_argument(
        "--long-line-mb", type=int, default=0, help="also import a file with one line of this many MB"
    )
    parser.add_argument("--skip-shared", action="store_true", help="skip the shared CSV imports")
    parser.add_argument(
        "--reimport", action="store_true", help="import the generated CSV a second time (all updates)"
    )
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    print(f"database: {connection.vendor} ({connection.settings_dict['NAME']})")
    print(f"peak RSS after start-up: {peak_rss_mb():,.0f} MB  load {load_average()}", flush=True)
    cleanup()
    if not args.skip_shared and SHARED_CSV.exists():
        timed("shared CSV, fresh", paths=[SHARED_CSV], source="bench-shared")
        timed("shared CSV, re-import (updates)", paths=[SHARED_CSV], source="bench-shared")
    elif not args.skip_shared:
        print(f"shared CSV not found at {SHARED_CSV}; skipped")
    if args.rows:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "generated.csv"
            started = time.perf_counter()
            generated_csv(path, args.rows)
            size = path.stat().st_size / 1e6
            print(
                f"generated {args.rows:,} rows ({size:,.0f} MB) in {time.perf_counter() - started:.1f} s",
                flush=True,
            )
            timed("generated CSV, fresh", paths=[path], source="bench-generated")
            if args.reimport:
                timed("generated CSV, re-import", paths=[path], source="bench-generated")
    if args.long_line_mb:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "long-line.csv"
            long_line_csv(path, args.long_line_mb)
            timed(
                f"one {args.long_line_mb} MB line, skip-invalid",
                paths=[path],
                source="bench-long",
                skip_invalid=True,
            )
    if not args.keep:
        cleanup()


if __name__ == "__main__":
    main()
