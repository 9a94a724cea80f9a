"""Speed of the suggestion index on generated corpora, against two baselines, in one run.

    .venv/bin/python benchmarks/bench_suggest.py [--sizes 100000 1000000] [--queries 1000]
        [--baseline-queries 50] [--database-url postgres://postgres@127.0.0.1:5432/hookline_bench]
        [--data-dir DIR --keep]   keep the database and index, then measure again without a rebuild:
        [--data-dir DIR --measure-only]   (one size: the index and queries the kept run left there)

For each size: generate a corpus shaped like ../shared/data (benchmarks/corpus_gen.py),
COPY the posts into a throwaway PostgreSQL database (the full suggest path fetches its
evidence posts from there, and ts_rank searches them), build the index from the arrays
with seo.index.lifecycle.index_build(corpus=...) (the real build, version row and switch, but
not the CSV importer: importing a million rows would measure the importer), then
in a fresh process load the active index and time:
  search   the postings search alone (top 50), and vectorise + search;
  suggest  the full seo.suggest.engine.suggest() (vectorise, retrieve, aggregate, evidence query);
  batch    suggest() over all queries back to back (what `manage.py suggest` does);
  panel    the editor's whole assistant panel (captions.panel.panel_build: suggest, three
           drafts through the mined patterns, every score), CPU time per idea;
  mining   the pattern miner alone (seo.index.patterns) on the same arrays, as a share of
           the build;
  memory   resident memory added by loading and querying, per post; and fully resident
           (every array touched) per post.
Baselines on the same corpus and queries: sklearn NearestNeighbors(metric="cosine",
algorithm="brute") over the same TF-IDF matrix, and PostgreSQL to_tsvector + GIN +
ts_rank top-50 with the query's words OR-ed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
SHARED_CSV = REPO.parent / "shared" / "data" / "tiktok_trends_en.csv"
TOP_K = 50
PANEL_QUERIES = 200


def percentiles(seconds: list[float]) -> dict[str, float]:
    ms = np.asarray(seconds) * 1000
    return {
        "p50_ms": round(float(np.percentile(ms, 50)), 3),
        "p95_ms": round(float(np.percentile(ms, 95)), 3),
    }


def rss_bytes() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def setup_django(database_url: str, data_dir: str) -> None:
    # DEBUG off, as in production: Django's debug cursor times and keeps every SQL statement
    # (the evidence query of each suggestion), which is not the engine's cost.
    os.environ.update(
        DEBUG="0",
        SECRET_KEY="bench-only-not-a-secret",  # noqa: S106  (a throwaway database)
        HOOKLINE_DATA_DIR=data_dir,
        DATABASE_URL=database_url,
        CELERY_BROKER_URL="memory://",
    )
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()


# --- the measuring process ------------------------------------------------------------


def worker(queries_path: str, baseline_count: int) -> None:
    """Runs in a fresh process: load the active index, time search and suggest."""
    from seo.index.serving import active_index
    from seo.suggest.engine import suggest

    queries = json.loads(Path(queries_path).read_text(encoding="utf-8"))
    before = rss_bytes()
    index = active_index(force_check=True)
    loaded = rss_bytes()
    search, vector_search, full = [], [], []
    search_cpu, full_cpu = [], []
    for text in queries:
        started = time.perf_counter()
        ids, weights = index.vectorize(text)
        middle, middle_cpu = time.perf_counter(), time.thread_time()
        index.search(ids, weights, TOP_K)
        done, done_cpu = time.perf_counter(), time.thread_time()
        search.append(done - middle)
        search_cpu.append(done_cpu - middle_cpu)
        vector_search.append(done - started)
    for text in queries:
        started, started_cpu = time.perf_counter(), time.thread_time()
        suggest(text=text, k=10)
        full.append(time.perf_counter() - started)
        full_cpu.append(time.thread_time() - started_cpu)
    batch_started = time.perf_counter()
    for text in queries:
        suggest(text=text, k=10)
    batch_seconds = time.perf_counter() - batch_started
    panel_cpu = panel_times(queries[:PANEL_QUERIES])
    after_queries = rss_bytes()
    for array in index.arrays.values():
        np.asarray(array).sum()  # touch every page: the worst case, all of it resident
    len(index.terms)
    resident = rss_bytes()
    n = index.posts
    print(
        json.dumps(
            {
                "search": percentiles(search),
                "search_first_queries": percentiles(search[:baseline_count]),
                "vectorise_and_search": percentiles(vector_search),
                "suggest": percentiles(full),
                "suggest_first_queries": percentiles(full[:baseline_count]),
                # CPU time of this thread: what a query costs on one core, without the time the
                # scheduler gave other processes (the evidence query's wait on the database is
                # not in it either).
                "search_cpu": percentiles(search_cpu),
                "suggest_cpu": percentiles(full_cpu),
                "batch_suggest_per_s": round(len(queries) / batch_seconds, 1),
                "panel_cpu": percentiles(panel_cpu),
                "rss_bytes_per_post_after_load_and_queries": round((after_queries - before) / n, 1),
                "rss_bytes_per_post_after_load": round((loaded - before) / n, 1),
                "rss_bytes_per_post_fully_resident": round((resident - before) / n, 1),
            }
        )
    )


def panel_times(ideas: list[str]) -> list[float]:
    """CPU seconds of the editor panel (suggest + three drafts + every score) per idea."""
    from captions.panel import EditorInput, panel_build

    times = []
    for idea in ideas:
        started = time.thread_time()
        panel_build(data=EditorInput(topic=idea[:200]))
        times.append(time.thread_time() - started)
    return times


def mining_seconds(corpus) -> float:
    from seo.index.patterns import patterns_mine

    started = time.process_time()
    patterns_mine(
        captions=corpus.captions, engagement_rate=corpus.engagement_rate, languages=corpus.languages,
        post_ids=corpus.post_ids, tag_indptr=corpus.tag_indptr, tag_indices=corpus.tag_indices,
        tag_niche=corpus.tag_niche,
    )  # fmt: skip
    return time.process_time() - started


# --- the driving process --------------------------------------------------------------


def copy_posts(corpus, captions: list[str]) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE seo_posthashtag, seo_trendpost RESTART IDENTITY CASCADE")
        raw = cursor.connection
        with raw.cursor() as cur:
            columns = "id, source, video_id, caption, author, views, engagement_rate, region, language, sound, url, imported_at"
            with cur.copy(f"COPY seo_trendpost ({columns}) FROM STDIN") as copy:
                for i, caption in enumerate(captions):
                    pk = int(corpus.post_ids[i])
                    rate = corpus.engagement_rate[i]
                    copy.write_row(
                        (
                            pk,
                            "bench",
                            str(pk),
                            caption,
                            f"author{pk % 5000}",
                            100000,
                            None if rate != rate else float(rate),
                            "",
                            "en",
                            "",
                            "",
                            "2025-05-01T00:00:00Z",
                        )
                    )
        cursor.execute("DROP INDEX IF EXISTS bench_caption_fts")
        cursor.execute(
            "CREATE INDEX bench_caption_fts ON seo_trendpost USING GIN (to_tsvector('simple', caption))"
        )
        cursor.execute("ANALYZE seo_trendpost")


def ts_rank_times(queries: list[str]) -> list[float]:
    from django.db import connection

    from seo.text.tokenize import words

    times = []
    sql = (
        "SELECT id FROM seo_trendpost WHERE to_tsvector('simple', caption) @@ to_tsquery('simple', %s) "
        "ORDER BY ts_rank(to_tsvector('simple', caption), to_tsquery('simple', %s)) DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        for text in queries:
            terms = [w.replace("'", "") for w in words(text) if w.replace("'", "").isalnum()]
            if not terms:
                continue
            query = " | ".join(dict.fromkeys(terms))
            started = time.perf_counter()
            cursor.execute(sql, [query, query, TOP_K])
            cursor.fetchall()
            times.append(time.perf_counter() - started)
    return times


def nearest_neighbours_times(captions: list[str], queries: list[str]) -> tuple[list[float], float]:
    from sklearn.feature_extraction.text import TfidfTransformer
    from sklearn.neighbors import NearestNeighbors

    from seo.index.build import count_matrix
    from seo.text.tokenize import analyze

    counts, terms = count_matrix(captions, min_df=2)
    transformer = TfidfTransformer(sublinear_tf=True)
    matrix = transformer.fit_transform(counts)
    position = {t: i for i, t in enumerate(terms)}
    started = time.perf_counter()
    model = NearestNeighbors(metric="cosine", algorithm="brute").fit(matrix)
    fit_seconds = time.perf_counter() - started
    import scipy.sparse as sp

    times = []
    for text in queries:
        row = [position[f] for f in analyze(text) if f in position]
        vector = transformer.transform(
            sp.csr_matrix((np.ones(len(row)), ([0] * len(row), row)), shape=(1, len(terms)))
        )
        started = time.perf_counter()
        model.kneighbors(vector, n_neighbors=TOP_K)
        times.append(time.perf_counter() - started)
    return times, fit_seconds


def run_size(n_posts: int, args, generator, data_dir: str) -> dict:
    from seo.index.lifecycle import index_build

    started = time.perf_counter()
    corpus, captions = generator.corpus(n_posts)
    generate_seconds = time.perf_counter() - started
    queries = [q for q in (generator.caption() for _ in range(args.queries * 2)) if q.strip()][: args.queries]
    started = time.perf_counter()
    copy_posts(corpus, captions)
    copy_seconds = time.perf_counter() - started
    started, started_cpu = time.perf_counter(), time.process_time()
    version = index_build(corpus=corpus)
    build_seconds = time.perf_counter() - started
    build_cpu = time.process_time() - started_cpu
    result = {
        "posts": n_posts,
        "generate_seconds": round(generate_seconds, 1),
        "pg_copy_and_gin_seconds": round(copy_seconds, 1),
        "build_seconds": round(build_seconds, 2),
        "build_posts_per_s": round(n_posts / build_seconds),
        "build_posts_per_cpu_s": round(n_posts / max(build_cpu, 1e-9)),
        "terms": version.terms,
        "artifact_bytes": version.size_bytes,
        "artifact_bytes_per_post": round(version.size_bytes / n_posts, 1),
    }
    mining = mining_seconds(corpus)
    result["pattern_mining_cpu_seconds"] = round(mining, 2)
    result["pattern_mining_share_of_build_cpu"] = round(mining / max(build_cpu, 1e-9), 3)
    queries_path = Path(data_dir) / f"queries-{n_posts}.json"
    queries_path.write_text(json.dumps(queries), encoding="utf-8")
    measured = subprocess.run(
        [
            sys.executable,
            __file__,
            "--worker",
            str(queries_path),
            "--baseline-queries",
            str(args.baseline_queries),
        ],
        env={**os.environ},
        capture_output=True,
        text=True,
        check=True,
    )
    result.update(json.loads(measured.stdout.strip().splitlines()[-1]))
    few = queries[: args.baseline_queries]
    nn_times, nn_fit = nearest_neighbours_times(captions, few)
    result["sklearn_nn_brute"] = {**percentiles(nn_times), "fit_seconds": round(nn_fit, 2)}
    result["postgres_ts_rank"] = percentiles(ts_rank_times(few))
    ours = result["search_first_queries"]["p95_ms"]
    result["speedup_p95_vs_nn"] = round(result["sklearn_nn_brute"]["p95_ms"] / ours, 1)
    result["speedup_p95_vs_ts_rank"] = round(result["postgres_ts_rank"]["p95_ms"] / ours, 1)
    result["suggest_speedup_p95_vs_nn"] = round(
        result["sklearn_nn_brute"]["p95_ms"] / result["suggest_first_queries"]["p95_ms"], 1
    )
    print(json.dumps(result), flush=True)
    return result


def measure_again(args) -> None:
    """The measuring process alone, on the database and index a --keep run left behind."""
    if not args.data_dir:
        raise SystemExit("--measure-only needs the --data-dir of a --keep run")
    kept = sorted(Path(args.data_dir).glob("queries-*.json"), key=lambda p: int(p.stem.split("-")[1]))
    if not kept:
        raise SystemExit(f"{args.data_dir} holds no queries-N.json: run with --keep there first")
    measured = subprocess.run(
        [
            sys.executable,
            __file__,
            "--worker",
            str(kept[-1]),
            "--baseline-queries",
            str(args.baseline_queries),
        ],
        env={**os.environ, "DATABASE_URL": args.database_url, "HOOKLINE_DATA_DIR": args.data_dir},
        capture_output=True,
        text=True,
        check=True,
    )
    print(measured.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--baseline-queries", type=int, default=50)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/hookline_bench")
    parser.add_argument("--data-dir", default=None)
    parser.add_argument("--keep", action="store_true", help="keep the database (and --data-dir's index)")
    parser.add_argument(
        "--measure-only",
        action="store_true",
        help="time the index a --keep run left in --data-dir again (no generation, no build, no baselines)",
    )
    parser.add_argument("--json", help="also write the results to this file")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        setup_django(os.environ["DATABASE_URL"], os.environ["HOOKLINE_DATA_DIR"])
        worker(args.worker, args.baseline_queries)
        return
    if args.measure_only:
        measure_again(args)
        return
    name = args.database_url.rsplit("/", 1)[1]
    server = args.database_url.rsplit("/", 1)[0] + "/postgres"
    import psycopg

    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    data_dir = args.data_dir or tempfile.mkdtemp(prefix="hookline-bench-")
    setup_django(args.database_url, data_dir)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from corpus_gen import Generator

    generator = Generator(SHARED_CSV)
    results = [run_size(n, args, generator, data_dir) for n in args.sizes]
    text = json.dumps({"cpu_count": os.cpu_count(), "results": results}, indent=2)
    print(text)
    if args.json:
        Path(args.json).write_text(text, encoding="utf-8")
    if not args.data_dir:
        shutil.rmtree(data_dir, ignore_errors=True)  # generated indexes: hundreds of MB
    if args.keep:
        return
    from django.db import connections

    connections.close_all()
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')  # a million generated rows: ~1 GB


if __name__ == "__main__":
    main()
