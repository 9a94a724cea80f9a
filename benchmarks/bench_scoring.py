"""Caption scoring throughput: captions scored per second in one process.

    .venv/bin/python benchmarks/bench_scoring.py [--csv ../shared/data/tiktok_trends_en.csv] [--rounds 3]

Imports the trend CSV into a throwaway SQLite database and data directory, builds
the suggestion index (so tag tiers come from the real index), then scores every
caption of the file: tags extracted per caption, their tiers looked up in the
index once for the file (seo.suggest.engine.tag_tiers) and handed to each caption, blocked
tags read (seo.suggest.engine.blocked_tags, cached), and seo.score.checklist.caption_score with
five trending keywords. All of that is inside the timed region. Keywords come
from suggest() for a sample of captions and are reused round-robin, because the
suggestion engine is benchmarked on its own (benchmarks/evaluate.py) and the target
here (>= 2,000 captions/s) is for scoring. A second figure adds detect_language,
which batch scoring runs on rows without a language. Rates are per CPU-second of
this process (time.process_time), so other programs on a busy machine do not skew
them; one worker process scores this many captions a second on one core.
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
DEFAULT_CSV = REPO.parent / "shared" / "data" / "tiktok_trends_en.csv"
KEYWORD_SAMPLE = 200
TARGET = 2000


def setup_django(data_dir: str) -> None:
    os.environ["DEBUG"] = "1"
    os.environ["HOOKLINE_DATA_DIR"] = data_dir
    os.environ.pop("DATABASE_URL", None)
    os.environ["CELERY_BROKER_URL"] = "memory://"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def sample_keywords(captions: list[str]) -> list[list[str]]:
    from seo.suggest.engine import suggest
    from seo.suggest.suggestions import SuggestError

    step = max(1, len(captions) // KEYWORD_SAMPLE)
    lists = []
    for caption in captions[::step][:KEYWORD_SAMPLE]:
        try:
            found = suggest(text=caption, k=5)
        except SuggestError:
            continue
        lists.append([kw.term for kw in found.keywords[:5]])
    return [terms for terms in lists if terms] or [[]]


def score_all(captions: list[str], keyword_lists: list[list[str]], *, detect: bool) -> float:
    from seo.score.checklist import caption_score
    from seo.suggest.engine import blocked_tags, tag_tiers
    from seo.text.hashtags import hashtags_in_caption
    from seo.text.language import detect_language

    started = time.process_time()
    # Like a batch: each caption's tags, their tiers looked up once for the whole file.
    tags_per_caption = [hashtags_in_caption(caption) for caption in captions]
    tiers = tag_tiers({tag for tags in tags_per_caption for tag in tags})
    for i, caption in enumerate(captions):
        language = detect_language(caption) if detect else "en"
        caption_score(
            caption=caption,
            keywords=keyword_lists[i % len(keyword_lists)],
            language=language or "en",
            tiers={tag: tiers.get(tag, "niche") for tag in tags_per_caption[i]},
            blocked=blocked_tags(),
        )
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not args.csv.exists():
        sys.exit(f"{args.csv} not found: pass --csv with a trend file in Hookline's import format.")
    with args.csv.open(encoding="utf-8-sig", newline="") as handle:
        captions = [row["caption"] for row in csv.DictReader(handle) if row.get("caption")]

    with tempfile.TemporaryDirectory(prefix="hookline-bench-") as data_dir:
        setup_django(data_dir)
        from seo.corpus.importing import trend_import
        from seo.index.lifecycle import index_build

        trend_import(paths=[args.csv], source="bench", skip_invalid=True)
        index_build()
        started = time.process_time()
        keyword_lists = sample_keywords(captions)
        suggest_rate = KEYWORD_SAMPLE / (time.process_time() - started)
        score_all(captions[:200], keyword_lists, detect=True)  # warm caches and imports

        rates = {}
        for detect in (False, True):
            times = [score_all(captions, keyword_lists, detect=detect) for _ in range(args.rounds)]
            best, median = min(times), statistics.median(times)
            label = "score + tag lookups + detect_language" if detect else "score + tag lookups"
            rates[detect] = len(captions) / median
            print(
                f"{label:40s} {len(captions):,} captions: median {rates[detect]:,.0f} captions/s "
                f"(best {len(captions) / best:,.0f}/s, {1000 * median / len(captions):.3f} ms each)"
            )
        print(
            f"{'suggest() per caption (batch rows)':40s} {KEYWORD_SAMPLE} captions: "
            f"{suggest_rate:,.0f} captions/s; a batch row costs suggest + score"
        )
        verdict = "meets" if rates[False] >= TARGET else "MISSES"
        print(f"target {TARGET:,} captions/s of scoring per process: {verdict}")


if __name__ == "__main__":
    main()
