"""Where an import's CPU goes: Python's share, and the database's per statement.

    DEBUG=1 HOOKLINE_DATA_DIR=/tmp/x DATABASE_URL=postgres://postgres@127.0.0.1:5432/scratch \
        .venv/bin/python benchmarks/import_phases.py --rows 100000
    DEBUG=1 HOOKLINE_DATA_DIR=/tmp/x .venv/bin/python benchmarks/import_phases.py --rows 100000
    DEBUG=1 HOOKLINE_DATA_DIR=/tmp/x .venv/bin/python benchmarks/import_phases.py --rows 100000 --profile 30

Imports --rows generated rows (benchmarks/bench_import.py's generator; the file is kept in
the system's temporary folder and reused) under source "bench-phases", prints this process's
CPU seconds and, on a local PostgreSQL, the server process's, then the CPU of each kind of
statement, by its first words: on PostgreSQL the server's CPU (read from /proc, so the chunk
statements the background thread runs are counted too; each chunk is waited for, so no two
statements overlap), on SQLite this process's (SQLite runs in it; the staging writer's own
sqlite3 calls are not listed). With --profile N, cProfile's N costliest functions instead (its overhead inflates the
figures). Rows are removed afterwards. Use a throwaway database: the import is real.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_import import cleanup, generated_csv, load_average, peak_rss_mb
from django.core.management import call_command
from django.db import connection

from seo.corpus.importing import trend_import, writers

SPENT: dict[str, float] = {}


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def server_cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def label(sql: str) -> str:
    return " ".join(str(sql).split()[:4])[:60]


class Timed:
    """Adds the CPU a block took, read by `clock`, to SPENT[name]."""

    def __init__(self, name: str, clock) -> None:
        self.name, self.clock = name, clock

    def __enter__(self) -> None:
        self.started = self.clock()

    def __exit__(self, *exc) -> None:
        SPENT[self.name] = SPENT.get(self.name, 0.0) + self.clock() - self.started


class TimedCursor:
    """A psycopg cursor whose statements and COPYs are timed (the chunk pipe's thread)."""

    def __init__(self, cursor, clock) -> None:
        self.cursor, self.clock = cursor, clock

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.cursor.close()

    def execute(self, sql, *args, **kwargs):
        with Timed(label(sql), self.clock):
            return self.cursor.execute(sql, *args, **kwargs)

    def copy(self, sql, *args, **kwargs):
        timed, copy = Timed(label(sql), self.clock), self.cursor.copy(sql, *args, **kwargs)

        class Copy:
            def __enter__(self):
                timed.__enter__()
                return copy.__enter__()

            def __exit__(self, *exc):
                try:
                    return copy.__exit__(*exc)
                finally:
                    timed.__exit__(*exc)

        return Copy()

    def __getattr__(self, name):
        return getattr(self.cursor, name)


def instrument(clock) -> None:
    """Time every statement: Django's cursors through an execute wrapper, the PostgreSQL
    writer's own connection use through TimedCursor."""

    def wrapper(execute, sql, params, many, context):
        with Timed(label(sql), clock):
            return execute(sql, params, many, context)

    connection.execute_wrappers.append(wrapper)
    copy_upsert = writers.PostgresCopyWriter._copy_upsert

    class TimedConnection:
        def __init__(self, raw) -> None:
            self.raw = raw

        def cursor(self, *args, **kwargs):
            return TimedCursor(self.raw.cursor(*args, **kwargs), clock)

    def timed_copy_upsert(self, raw, text):
        return copy_upsert(self, TimedConnection(raw), text)

    writers.PostgresCopyWriter._copy_upsert = timed_copy_upsert
    write = writers.PostgresCopyWriter.write

    def write_and_wait(self, rows):
        # Each chunk finished before Python goes on: a statement of the importing thread
        # would otherwise wait for the chunk in flight, and its time count the chunk's too.
        created, updated = write(self, rows)
        more_created, more_updated = self.chunks.wait()
        return created + more_created, updated + more_updated

    writers.PostgresCopyWriter.write = write_and_wait


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--profile", type=int, default=0, help="print cProfile's N costliest functions")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    path = Path(tempfile.gettempdir()) / f"hookline-bench-{args.rows}.csv"
    if not path.exists():
        generated_csv(path, args.rows)
    cleanup()
    pid = None
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            (pid,) = cursor.fetchone()
    clock = (lambda: server_cpu(pid)) if pid else time.process_time
    profile = cProfile.Profile() if args.profile else None
    if profile:
        profile.enable()
    else:
        instrument(clock)
    started_own, started_server, started = own_cpu(), server_cpu(pid) if pid else 0.0, time.perf_counter()
    report = trend_import(paths=[path], source="bench-phases")
    own = own_cpu() - started_own
    server = server_cpu(pid) - started_server if pid else 0.0
    if profile:
        profile.disable()
    print(
        f"{connection.vendor}: {report.rows_read:,} rows (created {report.created:,}, updated {report.updated:,}, "
        f"errors {report.error_count}) in {time.perf_counter() - started:.1f} s; CPU s: Python {own:.2f}"
        + (f", server {server:.2f}" if pid else "")
        + f"; {report.rows_read / (own + server):,.0f} rows per CPU-s; peak RSS {peak_rss_mb():,.0f} MB; load {load_average()}"
    )
    if profile:
        pstats.Stats(profile).sort_stats("tottime").print_stats(args.profile)
    else:
        print(f"CPU s per statement ({'the server' if pid else 'this process'}):")
        for name, spent in sorted(SPENT.items(), key=lambda item: -item[1])[:15]:
            print(f"  {spent:6.2f}  {name}")
    cleanup()


if __name__ == "__main__":
    main()
