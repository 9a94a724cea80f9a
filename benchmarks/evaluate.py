"""Hashtag quality on real data: Hookline against two baselines, in one run.

    .venv/bin/python benchmarks/evaluate.py [--csv ../shared/data/tiktok_trends_en.csv] [--seed 20250601]

Splits the CSV 80/20 (fixed seed), imports the 80% through seo.importing.trend_import
into a throwaway SQLite database and data directory, builds the index with
seo.index.index_build, then asks for hashtags for every held-out caption with its
hashtags removed (seo.text.strip_hashtags). Nothing about the held-out posts is used
before they are queried: vocabulary, idf, tag statistics and baselines all come
from the 80%.

--tune evaluates on a split of the 80% only (80/20 of it again), so the engine's
knobs can be checked without ever looking at the real held-out 20%.

Trend statistics are computed on the 80% as after an import, and every query is asked
twice: as the engine runs ("hookline", trend stages boosting rising tags) and with
SUGGEST_TREND_STAGES off ("hookline_no_stages"), so the stage boost's effect is measured.

Metrics per system: hit@1/5/10 (at least one true tag in the top k) and recall@5/10
(share of the post's true tags in the top k), over all true tags and over true tags
minus the generic ones (GENERIC below, a fixed list written from general TikTok
knowledge, independent of Hookline's own learned generic factor).

Keywords, by a proxy (no held-out post says which search terms it "should" use): for each
held-out caption of at least 8 words (hashtags removed), the first half is the query and a
suggested keyword the query does not contain counts as a hit when the caption's second half
uses it (as a unigram or bigram feature). Reported: keywords offered beyond the query per
query, and the share of them that are hits, as the engine runs and with
KEYWORD_MIN_POSTS = 1 (a term one close post uses is offered too).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

GENERIC_NAMES = {
    "fyp",
    "fy",
    "foryou",
    "foryoupage",
    "fypage",
    "fypシ",
    "fypシ゚",
    "fypシ゚viral",
    "viral",
    "viralvideo",
    "viraltiktok",
    "trending",
    "trend",
    "tiktok",
    "xyzbca",
    "xyzcba",
    "parati",
    "paratii",
    "xuhuong",
    "explore",
    "explorepage",
    "blowthisup",
    "capcut",
    "creatorsearchinsights",
    "foryourpage",
    "fypツ",
    "tiktokviral",
    "trendingvideo",
    "viralvideos",
    "goviral",
    "relatable",
    "funny",
    "funnyvideos",
    "lol",
    "meme",
    "memes",
    "4u",
    "4you",
    "foru",
    "pourtoi",
    "fürdich",
    "perte",
    "keşfet",
    "keşfetteyiz",
}
GENERIC_PATTERN = re.compile(r"^(fy+p+\w*|foryou\w*|viral\w*|trending\w*|xyz\w*|parati\w*)$")
KNN_NEIGHBOURS = 30
CUTS = (1, 5, 10)


def is_generic(tag: str) -> bool:
    return tag in GENERIC_NAMES or bool(GENERIC_PATTERN.match(tag))


def keyword_proxy(held_out: list[dict], suggest, error, *, min_posts: int | None = None) -> dict:
    """Keywords beyond the query, and the share the post's unseen second half uses (see above)."""
    import seo.suggest_rank
    from seo.text import strip_hashtags
    from seo.tokenize import analyze

    default = seo.suggest_rank.KEYWORD_MIN_POSTS
    seo.suggest_rank.KEYWORD_MIN_POSTS = default if min_posts is None else min_posts
    queries = offered = used = 0
    try:
        for row in held_out:
            words = strip_hashtags(row["caption"]).split()
            if len(words) < 8:
                continue
            query, rest = " ".join(words[: len(words) // 2]), " ".join(words[len(words) // 2 :])
            try:
                result = suggest(text=query, k=10)
            except error:
                continue
            queries += 1
            asked, later = set(analyze(query)), set(analyze(rest))
            beyond = [kw.term for kw in result.keywords if kw.term not in asked]
            offered += len(beyond)
            used += sum(term in later for term in beyond)
    finally:
        seo.suggest_rank.KEYWORD_MIN_POSTS = default
    return {
        "queries": queries,
        "offered_per_query": round(offered / max(queries, 1), 3),
        "used_by_the_post": used,
        "share_used": round(used / max(offered, 1), 4),
    }


def split_rows(rows: list[dict], seed: int) -> tuple[list[dict], list[dict]]:
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    cut = int(len(order) * 0.8)
    return [rows[i] for i in order[:cut]], [rows[i] for i in order[cut:]]


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


class Scores:
    def __init__(self) -> None:
        self.sums: Counter[str] = Counter()
        self.counts: Counter[str] = Counter()

    def add(self, predicted: list[str], truth: set[str], label: str) -> None:
        if not truth:
            return
        self.counts[label] += 1
        for cut in CUTS:
            top = set(predicted[:cut])
            self.sums[f"{label} hit@{cut}"] += 1.0 if top & truth else 0.0
            if cut in (5, 10):
                self.sums[f"{label} recall@{cut}"] += len(top & truth) / len(truth)

    def table(self) -> dict[str, float]:
        return {
            key: round(value / self.counts[key.split(" ")[0]], 4) for key, value in sorted(self.sums.items())
        }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--csv", default=str(REPO.parent / "shared" / "data" / "tiktok_trends_en.csv"))
    parser.add_argument("--seed", type=int, default=20250601)
    parser.add_argument("--tune", action="store_true", help="evaluate on a split of the 80%% only")
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()

    with open(args.csv, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = reader.fieldnames or []
        rows = list(reader)
    train, held_out = split_rows(rows, args.seed)
    if args.tune:
        train, held_out = split_rows(train, args.seed + 1)

    workdir = tempfile.mkdtemp(prefix="hookline-eval-")
    setup_django(workdir)
    from seo.text import post_hashtags, strip_hashtags

    train_csv = Path(workdir) / "train.csv"
    with open(train_csv, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(train)

    from seo.importing import trend_import
    from seo.index import index_build

    started = time.perf_counter()
    report = trend_import(paths=[train_csv], source="evaluation", skip_invalid=True)
    import_seconds = time.perf_counter() - started
    started = time.perf_counter()
    version = index_build()
    build_seconds = time.perf_counter() - started
    # Trend stages of the training posts (windows end at the newest of them), as after an import.
    from django.conf import settings

    from trends.selectors import all_stages
    from trends.services import trend_stats_recompute

    trend_stats_recompute()
    stage_counts = {kind: dict(Counter(stages.values())) for kind, stages in all_stages().items()}

    from baselines import KnnVoting, MostPopular

    from seo.suggest import suggest
    from seo.suggestions import SuggestError

    popular = MostPopular()
    knn = KnnVoting(neighbours=KNN_NEIGHBOURS)
    # "hookline" is the engine as it runs; "hookline_no_stages" the same with SUGGEST_TREND_STAGES off.
    systems = {"hookline": Scores(), "hookline_no_stages": Scores(), "popular": Scores(), "knn30": Scores()}
    skipped_empty = skipped_untagged = fallbacks = 0
    latencies = []
    for row in held_out:
        truth_all = set(post_hashtags(caption=row["caption"], hashtags_field=row["hashtags"]))
        if not truth_all:
            skipped_untagged += 1
            continue
        query = strip_hashtags(row["caption"])
        if not query:
            skipped_empty += 1
            continue
        truth_specific = {tag for tag in truth_all if not is_generic(tag)}
        started = time.perf_counter()
        try:
            result = suggest(text=query, k=10)
            ours = [tag.tag for tag in result.hashtags]
            fallbacks += result.fallback is not None
        except SuggestError:
            ours = []
        latencies.append(time.perf_counter() - started)
        settings.SUGGEST_TREND_STAGES = False
        try:
            without_stages = [tag.tag for tag in suggest(text=query, k=10).hashtags]
        except SuggestError:
            without_stages = []
        settings.SUGGEST_TREND_STAGES = True
        predictions = {
            "hookline": ours,
            "hookline_no_stages": without_stages,
            "popular": popular.predict(10),
            "knn30": knn.predict(query, 10),
        }
        for name, predicted in predictions.items():
            systems[name].add(predicted, truth_all, "all")
            systems[name].add(predicted, truth_specific, "specific")

    results = {name: scores.table() for name, scores in systems.items()}
    keywords = {
        "hookline": keyword_proxy(held_out, suggest, SuggestError),
        "hookline_single_post_keywords": keyword_proxy(held_out, suggest, SuggestError, min_posts=1),
    }
    better = max(results["popular"]["specific recall@5"], results["knn30"]["specific recall@5"])
    latencies.sort()
    summary = {
        "csv": args.csv,
        "seed": args.seed,
        "mode": "tune (split of the 80%)" if args.tune else "held-out 20%",
        "train_posts": len(train),
        "imported": report.created,
        "import_errors": report.error_count,
        "index_version": version.version,
        "index_terms": version.terms,
        "import_seconds": round(import_seconds, 2),
        "build_seconds": round(build_seconds, 2),
        "held_out": len(held_out),
        "evaluated_all": systems["hookline"].counts["all"],
        "evaluated_specific": systems["hookline"].counts["specific"],
        "skipped_untagged": skipped_untagged,
        "skipped_empty_caption": skipped_empty,
        "hookline_fallbacks": fallbacks,
        "trend_stages_of_training_posts": stage_counts,
        "suggest_ms_p50": round(1000 * latencies[len(latencies) // 2], 2) if latencies else None,
        "results": results,
        "keywords_beyond_query": keywords,
        "specific_recall@5_vs_better_baseline": round(
            results["hookline"]["specific recall@5"] / max(better, 1e-9), 2
        ),
        "targets": {
            "specific recall@5 >= 1.5x better baseline": results["hookline"]["specific recall@5"]
            >= 1.5 * better,
            "all recall@5 >= 0.20": results["hookline"]["all recall@5"] >= 0.20,
        },
    }
    text = json.dumps(summary, indent=2, ensure_ascii=False)
    print(text)
    if args.json:
        Path(args.json).write_text(text, encoding="utf-8")
    shutil.rmtree(workdir, ignore_errors=True)  # the throwaway database and index


if __name__ == "__main__":
    main()
