"""One chunk written by the database server while the importer reads and checks the next.

An import alternates two kinds of work: Python reading and validating a chunk of rows
(one core), and PostgreSQL copying and upserting it (the server process, another core).
Done in turn, each waits for the other. ChunkPipe runs the statements of one chunk in a
background thread on the import's own database connection, so the same transaction and
savepoints hold them, while the caller goes on with the next chunk. At most one chunk is
in flight: `submit` first waits for the previous one (its counts are returned then), and
`wait` finishes the last. psycopg releases the GIL while the server works, and serialises
any other use of the connection (the tag look-ups of the next chunk) behind the statement
in flight, so statements still run in the order they were issued.

The thread touches only the raw psycopg connection, never Django's connection wrapper
(which belongs to the importing thread). A database error in the thread is raised again
in the importing thread at the next `submit` or `wait`, inside the file's savepoint.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from django.db import connection

Counts = tuple[int, int]


class ChunkPipe:
    def __init__(self, work: Callable[..., Counts]) -> None:
        self.work = work
        self.pending: Future | None = None
        self.executor: ThreadPoolExecutor | None = None

    def submit(self, *args) -> Counts:
        """Start writing a chunk; returns the counts of the chunk written before it."""
        done = self.wait()
        if self.executor is None:
            self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hookline-import")
        connection.ensure_connection()
        self.pending = self.executor.submit(self.work, connection.connection, *args)
        return done

    def wait(self) -> Counts:
        """Finish the chunk in flight: its (created, updated), or (0, 0) when there is none;
        its database error, if it failed."""
        pending, self.pending = self.pending, None
        if pending is None:
            return 0, 0
        try:
            with connection.wrap_database_errors:  # psycopg's errors as Django's, as from a cursor
                return pending.result()
        finally:
            if self.executor is not None:  # no thread outlives the chunk it wrote
                self.executor.shutdown(wait=True)
                self.executor = None
