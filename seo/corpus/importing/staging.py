"""SQLite imports that do not block every other write.

SQLite has one write lock per database. An import that wrote its rows in one long
transaction held it for the whole import, so draft saves and logins waited out the busy
timeout and failed. Here the slow part (reading, validating, checking, staging) writes
only to TEMP tables, which live in the connection's own temporary database and take no
lock on the main one; each chunk is committed there as it comes. The main tables change
in one short set-based transaction at the end (`publish`), so the import stays all or
nothing: a failed or killed import leaves nothing behind (TEMP tables vanish with the
connection), and other writers wait a few seconds at most.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator

from django.db import connection, transaction
from django.utils import timezone

from seo.corpus.importing.rows import PostRow
from seo.models import PostHashtag, TrendPost

POST_FIELDS = (
    "caption", "author", "views", "likes", "comments", "shares", "saves", "engagement_rate",
    "posted_at", "region", "language", "sound", "duration_s", "url",
)  # fmt: skip
# Names looked up per query when resolving tags (SQLite caps bound parameters).
_NAMES_PER_QUERY = 5000
# The main database's page cache while publishing, in KiB (SQLite's default is 2,000 KiB):
# the posts' and links' indexes take rows in random order, and with the default cache their
# pages went back and forth between SQLite and the operating system; 32 MB took a 100,000-row
# publish from ~2.6 to ~2.1 CPU s (the lock is held that much less), for ~30 MB more peak memory.
# Only the main database's: a larger cache for the TEMP staging tables made the import slower.
PUBLISH_CACHE_KIB = 32_000


class SqliteStagingWriter:
    """Stage rows in TEMP tables chunk by chunk, then publish them in one transaction."""

    def __init__(self, *, source: str, tags) -> None:
        self.source = source
        self.tags = tags
        self.file_no = 0
        self.next_id = 0
        qn = connection.ops.quote_name
        self.table, self.links = qn(TrendPost._meta.db_table), qn(PostHashtag._meta.db_table)
        self.columns = ["video_id", *POST_FIELDS, "imported_at"]

    # --- the structure service.trend_import runs in -------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """No transaction on the main database while rows are read: only the TEMP tables."""
        cols = ", ".join(connection.ops.quote_name(c) for c in self.columns)
        with connection.cursor() as cursor:
            self._drop(cursor)
            # A staged row's hashtags are one JSON array (json_each splits them when publishing):
            # one row a post to insert instead of one a tag.
            cursor.execute(
                f"CREATE TEMP TABLE import_stage (id INTEGER PRIMARY KEY, file_no INTEGER, {cols}, tags TEXT)"
            )
            cursor.execute("CREATE INDEX temp.import_stage_video ON import_stage (video_id)")
            cursor.execute("CREATE TEMP TABLE import_tagmap (name TEXT PRIMARY KEY, tag_id INTEGER)")
            cursor.execute(
                "CREATE TEMP TABLE import_links (post_id INTEGER, tag_id INTEGER, PRIMARY KEY (post_id, tag_id)) "
                "WITHOUT ROWID"
            )
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                self._drop(cursor)

    @contextlib.contextmanager
    def file_scope(self) -> Iterator[None]:
        """A file rejected halfway takes its staged rows with it."""
        self.file_no += 1
        try:
            yield
        except BaseException:
            with connection.cursor() as cursor:
                cursor.execute("DELETE FROM import_stage WHERE file_no = %s", [self.file_no])
            raise

    @contextlib.contextmanager
    def publish(self) -> Iterator[None]:
        """Move the staged rows into the main tables in one transaction (the body runs in it too).

        What can be done before taking the lock is: superseded staged rows are dropped and
        hashtags created in short transactions of their own (a tag left by an import that
        fails here has no posts, which is harmless). The lock is then held only for three
        set-based statements, about 4 s per 100,000 rows.
        """
        self._prepare()
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA main.cache_size")
            (previous,) = cursor.fetchone()
            cursor.execute(f"PRAGMA main.cache_size = {-PUBLISH_CACHE_KIB}")
        try:
            with transaction.atomic():
                self._merge()
                yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute(f"PRAGMA main.cache_size = {int(previous)}")

    # --- staging ------------------------------------------------------------------------

    def write(self, rows: list[PostRow]) -> tuple[int, int]:
        """Stage one chunk; returns (would create, would update) as the main tables stand."""
        first = self.next_id + 1
        now = _sqlite_datetime(timezone.now())
        staged = []
        for row in rows:
            self.next_id += 1
            staged.append(
                (self.next_id, self.file_no, row.video_id, row.caption, row.author, row.views, row.likes,
                 row.comments, row.shares, row.saves, row.engagement_rate, _sqlite_datetime(row.posted_at),
                 row.region, row.language, row.sound, row.duration_s, row.url, now, _json_tags(row.hashtags))
            )  # fmt: skip
        connection.ensure_connection()
        # The sqlite3 connection itself: Django's cursor would rewrite every statement's
        # placeholders and adapt every value again, a third of the staging time.
        raw = connection.connection
        marks = ", ".join(["?"] * len(staged[0]))
        raw.executemany(f"INSERT INTO import_stage VALUES ({marks})", staged)  # noqa: S608
        # Posts already in the corpus, or staged from an earlier file, are updates.
        (known,) = raw.execute(
            f"SELECT count(*) FROM import_stage s WHERE s.id >= ? AND (EXISTS (SELECT 1 FROM {self.table} p "  # noqa: S608
            "WHERE p.source = ? AND p.video_id = s.video_id) OR EXISTS "
            "(SELECT 1 FROM import_stage e WHERE e.video_id = s.video_id AND e.id < ?))",
            (first, self.source, first),
        ).fetchone()
        return len(rows) - known, known

    # --- publishing ---------------------------------------------------------------------

    def _prepare(self) -> None:
        with connection.cursor() as cursor:
            # The same video in two files: the later file's row wins, as when files were written in turn.
            cursor.execute(
                "DELETE FROM import_stage WHERE id NOT IN (SELECT max(id) FROM import_stage GROUP BY video_id)"
            )
        # Read a batch of names at a time: a file may hold millions of distinct tags.
        with connection.cursor() as names, connection.cursor() as cursor:
            names.execute("SELECT DISTINCT j.value FROM import_stage s, json_each(s.tags) j")
            while batch := [name for (name,) in names.fetchmany(_NAMES_PER_QUERY)]:
                resolved = self.tags.resolve(batch)
                cursor.executemany(
                    "INSERT INTO import_tagmap VALUES (%s, %s)", [(n, resolved[n]) for n in batch]
                )

    def _merge(self) -> None:
        qn = connection.ops.quote_name
        cols = ", ".join(qn(c) for c in self.columns)
        updates = ", ".join(f"{qn(c)} = excluded.{qn(c)}" for c in [*POST_FIELDS, "imported_at"])
        # CROSS JOIN fixes SQLite's join order: the staged rows drive, each finding its post by
        # the unique index, rather than a scan of every post of the source (the planner's
        # choice without statistics), which grows with the corpus instead of the file.
        staged_posts = f"SELECT p.id FROM import_stage s CROSS JOIN {self.table} p ON p.source = %s AND p.video_id = s.video_id"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT EXISTS ({staged_posts})", [self.source])
            (replacing,) = cursor.fetchone()
            # "WHERE true" keeps SQLite from reading ON CONFLICT as a join clause.
            cursor.execute(
                f"INSERT INTO {self.table} (source, {cols}) SELECT %s, {cols} FROM import_stage "  # noqa: S608
                f"WHERE true ON CONFLICT (source, video_id) DO UPDATE SET {updates}",
                [self.source],
            )
            if not replacing:
                # Only new posts, so no links to replace: insert them straight from the stage,
                # in the order the posts were inserted (OR IGNORE: two spellings of one
                # canonical tag link once).
                cursor.execute(
                    f"INSERT OR IGNORE INTO {self.links} (post_id, hashtag_id) SELECT p.id, m.tag_id "  # noqa: S608
                    f"FROM import_stage s CROSS JOIN json_each(s.tags) j CROSS JOIN import_tagmap m ON m.name = j.value "
                    f"CROSS JOIN {self.table} p ON p.source = %s AND p.video_id = s.video_id",
                    [self.source],
                )
                return
            # The links the staged posts must have (the TEMP table costs no lock); two
            # spellings of one canonical tag link once.
            cursor.execute(
                f"INSERT OR IGNORE INTO import_links SELECT p.id, m.tag_id FROM import_stage s "  # noqa: S608
                f"CROSS JOIN json_each(s.tags) j CROSS JOIN import_tagmap m ON m.name = j.value "
                f"CROSS JOIN {self.table} p ON p.source = %s AND p.video_id = s.video_id ORDER BY p.id, m.tag_id",
                [self.source],
            )
            # Replace the staged posts' links by writing only the difference: a re-import of
            # unchanged data deletes and inserts nothing.
            cursor.execute(
                f"DELETE FROM {self.links} WHERE post_id IN ({staged_posts}) AND NOT EXISTS "  # noqa: S608
                f"(SELECT 1 FROM import_links n WHERE n.post_id = {self.links}.post_id "
                f"AND n.tag_id = {self.links}.hashtag_id)",
                [self.source],
            )
            cursor.execute(
                f"INSERT OR IGNORE INTO {self.links} (post_id, hashtag_id) SELECT * FROM import_links"  # noqa: S608  (fixed table name)
            )

    @staticmethod
    def _drop(cursor) -> None:
        for name in ("import_links", "import_tagmap", "import_stage"):
            cursor.execute(f"DROP TABLE IF EXISTS temp.{name}")


def _json_tags(tags: list[str]) -> str:
    """The tags as a JSON array. A tag is letters, digits, marks and "_" (seo.text.hashtags),
    never a quote, backslash or control character, so it needs no escaping: a third of
    json.dumps' time."""
    return '["' + '","'.join(tags) + '"]' if tags else "[]"


def _sqlite_datetime(value: dt.datetime | None) -> str | None:
    """What Django stores for a datetime on SQLite: naive UTC text (most values are UTC already)."""
    if value is None:
        return None
    if value.tzinfo is dt.UTC:
        return str(value.replace(tzinfo=None))
    return connection.ops.adapt_datetimefield_value(value)
