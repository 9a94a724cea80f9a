"""Hashtag quality on real data: Hookline against two baselines, in one run.

    .venv/bin/python benchmarks/evaluate.py [--csv ../shared/data/tiktok_trends_en.csv]
        [--split random|time] [--seed 20250601] [--tune] [--limit N] [--stages-variant] [--json out.json]

Splits the CSV 80/20, imports the 80% through seo.corpus.importing.trend_import into a
throwaway SQLite database and data directory, builds the index with
seo.index.lifecycle.index_build, then asks for hashtags for every held-out caption with its
hashtags removed (seo.text.hashtags.strip_hashtags), as `manage.py suggest` would: suggest(text=..., k=10),
no language given. Nothing about the held-out posts is used before they are queried:
vocabulary, idf, tag statistics and baselines all come from the 80%.

--split random (default): a seeded shuffle, 80% trained on, 20% queried.
--split time: the oldest 80% by posted_at are trained on, the newest 20% queried.
--tune evaluates on a split of the 80% only (80/20 of it again, by the same rule; under
the time split the oldest 80% of the training part against the rest of it), so the
engine's knobs can be checked without ever looking at the real held-out 20%.
--limit N queries only the first N held-out rows (quick runs; the split is unchanged).

The held-out truth is seo.text.hashtags.post_hashtags(caption, hashtags column): the column's tags
(space-, comma- or '#'-separated, as in tiktok_trends_multi.csv) plus the caption's inline
tags. Every figure is reported overall and per language, the language being
seo.text.language.detect_language(caption) ("" -> "unknown"), since the files' language column
is empty. The full write-up is docs/evaluation.md.

Trend statistics are computed on the 80% as after an import. With --stages-variant every
query is asked twice: as the engine runs ("hookline", trend stages boosting rising tags) and
with SUGGEST_TREND_STAGES off ("hookline_no_stages"), so the stage boost's effect is measured.

Metrics per system: hit@1/5/10 (at least one true tag in the top k) and recall@5/10
(share of the post's true tags in the top k), over all true tags and over true tags
minus the generic ones (benchmarks/generic_reference.py, a fixed list written from general TikTok
knowledge, independent of Hookline's own learned generic factor). "specific-set precision"
is the share of the set a creator would paste that is among the post's true specific tags:
Hookline's `recommended` (3-5 tags), a baseline's top 5; averaged over posts with at least
one true specific tag (an empty set scores 0). For Hookline, results are also grouped by the
answer's `confidence` ("none" while the engine has no such attribute).

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
import datetime as dt
import json
import os
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from eval_scores import Scores, confidence_level, headline  # beside this script, as baselines.py
from generic_reference import is_generic

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

KNN_NEIGHBOURS = 30


def keyword_proxy(held_out: list[dict], suggest, error, *, min_posts: int | None = None) -> dict:
    """Keywords beyond the query, and the share the post's unseen second half uses (see above)."""
    import seo.suggest.keyword_rank
    from seo.text.hashtags import strip_hashtags
    from seo.text.tokenize import analyze

    default = seo.suggest.keyword_rank.KEYWORD_MIN_POSTS
    seo.suggest.keyword_rank.KEYWORD_MIN_POSTS = default if min_posts is None else min_posts
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
        seo.suggest.keyword_rank.KEYWORD_MIN_POSTS = default
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


def posted_key(row: dict) -> dt.datetime:
    """A row's posted_at for the time split; rows without a readable date count as oldest."""
    try:
        value = dt.datetime.fromisoformat((row.get("posted_at") or "").strip().replace("Z", "+00:00"))
    except ValueError:
        return dt.datetime.min
    return (
        value.replace(tzinfo=None) if value.tzinfo is None else value.astimezone(dt.UTC).replace(tzinfo=None)
    )


def split_by_time(rows: list[dict]) -> tuple[list[dict], list[dict]]:
    """The oldest 80% by posted_at (ties in file order) and the newest 20%."""
    ordered = sorted(rows, key=posted_key)  # sorted() is stable: ties keep file order
    cut = int(len(ordered) * 0.8)
    return ordered[:cut], ordered[cut:]


def split(rows: list[dict], how: str, seed: int) -> tuple[list[dict], list[dict]]:
    return split_by_time(rows) if how == "time" else split_rows(rows, seed)


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


def code_state() -> dict:
    """HEAD and the uncommitted files under seo/ and benchmarks/: the code the figures belong to."""
    import subprocess

    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=True).stdout
        except (OSError, subprocess.CalledProcessError):
            return ""

    dirty = [line[3:] for line in git("status", "--porcelain", "--", "seo", "benchmarks").splitlines()]
    return {"head": git("rev-parse", "--short", "HEAD").strip(), "uncommitted": dirty}


def main() -> None:
    wall_started = time.perf_counter()
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--csv", default=str(REPO.parent / "shared" / "data" / "tiktok_trends_en.csv"))
    parser.add_argument("--seed", type=int, default=20250601)
    parser.add_argument(
        "--split",
        choices=("random", "time"),
        default="random",
        help="random: seeded 80/20 (default); time: train on the oldest 80%% by posted_at, query the newest 20%%",
    )
    parser.add_argument("--tune", action="store_true", help="evaluate on a split of the 80%% only")
    parser.add_argument("--limit", type=int, help="evaluate on the first N held-out rows only (quick runs)")
    parser.add_argument(
        "--stages-variant",
        action="store_true",
        help='also ask every query with SUGGEST_TREND_STAGES off ("hookline_no_stages"; doubles the queries)',
    )
    parser.add_argument(
        "--legacy-generic",
        action="store_true",
        help="count as generic only the first list (without the Vietnamese/Thai/Russian feed tags)",
    )
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()

    with open(args.csv, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = reader.fieldnames or []
        rows = list(reader)
    train, held_out = split(rows, args.split, args.seed)
    if args.tune:
        train, held_out = split(train, args.split, args.seed + 1)
    held_out_total = len(held_out)
    if args.limit is not None:
        held_out = held_out[: max(args.limit, 0)]

    workdir = tempfile.mkdtemp(prefix="hookline-eval-")
    setup_django(workdir)
    from seo.text.hashtags import post_hashtags, strip_hashtags
    from seo.text.language import detect_language

    train_csv = Path(workdir) / "train.csv"
    with open(train_csv, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(train)

    from seo.corpus.importing import trend_import
    from seo.index.lifecycle import index_build

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

    from seo.models import TrendPost
    from seo.suggest.engine import suggest
    from seo.suggest.suggestions import SuggestError

    train_languages = dict(Counter(TrendPost.objects.values_list("language", flat=True)).most_common())
    started = time.perf_counter()
    popular = MostPopular()
    knn = KnnVoting(neighbours=KNN_NEIGHBOURS)
    baseline_seconds = time.perf_counter() - started
    # "hookline" is the engine as `manage.py suggest` runs it (no language given: it detects);
    # "hookline_no_stages" (--stages-variant) the same with SUGGEST_TREND_STAGES off.
    names = ["hookline", *(["hookline_no_stages"] if args.stages_variant else []), "popular", "knn30"]
    systems = {name: Scores() for name in names}
    by_language: dict[str, dict[str, Scores]] = {}
    by_confidence: dict[str, Scores] = {}
    engine_language: Counter[tuple[str, str]] = Counter()
    skipped_empty = skipped_untagged = fallbacks = 0
    latencies = []
    started_queries = time.perf_counter()
    for row in held_out:
        truth_all = set(post_hashtags(caption=row["caption"], hashtags_field=row["hashtags"]))
        if not truth_all:
            skipped_untagged += 1
            continue
        query = strip_hashtags(row["caption"])
        if not query:
            skipped_empty += 1
            continue
        truth_specific = {tag for tag in truth_all if not is_generic(tag, legacy=args.legacy_generic)}
        language = detect_language(row["caption"]) or "unknown"
        started = time.perf_counter()
        try:
            result = suggest(text=query, k=10)
            ours = [tag.tag for tag in result.hashtags]
            recommended = list(result.recommended)
            fallbacks += result.fallback is not None
            level = confidence_level(result)
            engine_language[(language, result.language or "")] += 1
        except SuggestError:
            ours, recommended, level = [], [], "error"
        latencies.append(time.perf_counter() - started)
        predictions = {"hookline": ours}
        if args.stages_variant:
            settings.SUGGEST_TREND_STAGES = False
            try:
                predictions["hookline_no_stages"] = [tag.tag for tag in suggest(text=query, k=10).hashtags]
            except SuggestError:
                predictions["hookline_no_stages"] = []
            settings.SUGGEST_TREND_STAGES = True
        predictions["popular"] = popular.predict(10)
        predictions["knn30"] = knn.predict(query, 10)
        # The set a creator would paste: Hookline's recommended 3-5, a baseline's top 5.
        chosen = {name: predicted[:5] for name, predicted in predictions.items()}
        chosen["hookline"] = recommended
        language_scores = by_language.setdefault(language, {name: Scores() for name in names})
        for name, predicted in predictions.items():
            for scores in (systems[name], language_scores[name]):
                scores.add(predicted, truth_all, "all")
                scores.add(predicted, truth_specific, "specific")
                scores.add_set(chosen[name], truth_specific, "specific")
                scores.add_set(chosen[name], truth_all, "all")
        confidence_scores = by_confidence.setdefault(level, Scores())
        confidence_scores.add(ours, truth_all, "all")
        confidence_scores.add(ours, truth_specific, "specific")
        confidence_scores.add_set(recommended, truth_specific, "specific")
    query_seconds = time.perf_counter() - started_queries

    results = {name: scores.report() for name, scores in systems.items()}
    per_language = {
        language: {name: scores.report() for name, scores in group.items()}
        for language, group in sorted(
            by_language.items(), key=lambda item: -item[1]["hookline"].counts["all"]
        )
    }
    hookline_confidence = {
        level: {"posts": scores.counts["all"], **scores.report()}
        for level, scores in sorted(by_confidence.items(), key=lambda item: -item[1].counts["all"])
    }
    started = time.perf_counter()
    keywords = {
        "hookline": keyword_proxy(held_out, suggest, SuggestError),
        "hookline_single_post_keywords": keyword_proxy(held_out, suggest, SuggestError, min_posts=1),
    }
    keyword_seconds = time.perf_counter() - started
    better = max(results["popular"]["specific recall@5"], results["knn30"]["specific recall@5"])
    ours, knn_scores = results["hookline"], results["knn30"]
    latencies.sort()
    summary = {
        "csv": args.csv,
        "seed": args.seed,
        "split": args.split,
        "code": code_state(),
        "generic_list": "legacy" if args.legacy_generic else "extended",
        "mode": "tune (split of the 80%)" if args.tune else "held-out 20%",
        "train_posts": len(train),
        "train_posted_at": [min(r["posted_at"] for r in train), max(r["posted_at"] for r in train)]
        if train
        else None,
        "held_out_posted_at": [min(r["posted_at"] for r in held_out), max(r["posted_at"] for r in held_out)]
        if held_out
        else None,
        "imported": report.created,
        "import_errors": report.error_count,
        "train_languages_stored": train_languages,
        "index_version": version.version,
        "index_terms": version.terms,
        "import_seconds": round(import_seconds, 2),
        "build_seconds": round(build_seconds, 2),
        "baseline_fit_seconds": round(baseline_seconds, 2),
        "query_seconds": round(query_seconds, 2),
        "keyword_proxy_seconds": round(keyword_seconds, 2),
        "held_out": held_out_total,
        "limit": args.limit,
        "queried_rows": len(held_out),
        "evaluated_all": systems["hookline"].counts["all"],
        "evaluated_specific": systems["hookline"].counts["specific"],
        "skipped_untagged": skipped_untagged,
        "skipped_empty_caption": skipped_empty,
        "hookline_fallbacks": fallbacks,
        "trend_stages_of_training_posts": stage_counts,
        "suggest_ms_p50": round(1000 * latencies[len(latencies) // 2], 2) if latencies else None,
        "results": results,
        "per_language": per_language,
        "recommended_precision_specific": {
            "hookline_recommended": ours.get("specific-set precision", 0.0),
            "hookline_recommended_mean_size": ours.get("specific-set size", 0.0),
            "knn30_top5": knn_scores.get("specific-set precision", 0.0),
            "per_language": {
                language: {
                    "posts_specific": group["hookline"]["posts_specific"],
                    "hookline_recommended": group["hookline"].get("specific-set precision", 0.0),
                    "knn30_top5": group["knn30"].get("specific-set precision", 0.0),
                }
                for language, group in per_language.items()
            },
        },
        "hookline_confidence": hookline_confidence,
        # (language detected on the caption, language the engine reports) -> posts
        "detected_vs_engine_language": {
            f"{caption_language}->{engine or '-'}": count
            for (caption_language, engine), count in engine_language.most_common()
        },
        "keywords_beyond_query": keywords,
        "specific_recall@5_vs_better_baseline": round(ours["specific recall@5"] / max(better, 1e-9), 2),
        "specific_recall@5_vs_knn30": round(
            ours["specific recall@5"] / max(knn_scores["specific recall@5"], 1e-9), 2
        ),
        "targets": {
            "specific recall@5 >= 1.5x better baseline": ours["specific recall@5"] >= 1.5 * better,
            "specific recall@5 >= 1.5x knn30": ours["specific recall@5"]
            >= 1.5 * knn_scores["specific recall@5"],
            "all recall@5 >= knn30": ours["all recall@5"] >= knn_scores["all recall@5"],
            "recommended precision (specific) >= knn30 top 5": ours.get("specific-set precision", 0.0)
            >= knn_scores.get("specific-set precision", 0.0),
            "all recall@5 >= 0.20": ours["all recall@5"] >= 0.20,
        },
    }
    summary["wall_seconds"] = round(time.perf_counter() - wall_started, 1)
    text = json.dumps(summary, indent=2, ensure_ascii=False)
    print(text)
    print(headline(summary), file=sys.stderr)
    print(f"wall time: {summary['wall_seconds']} s", file=sys.stderr)
    if args.json:
        Path(args.json).write_text(text, encoding="utf-8")
    shutil.rmtree(workdir, ignore_errors=True)  # the throwaway database and index


if __name__ == "__main__":
    main()
