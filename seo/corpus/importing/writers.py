"""Write validated rows in chunks: hashtags resolved to canonical rows, posts upserted
by (source, video_id), and each post's hashtag links replaced.

PostgreSQL gets COPY into a staging table plus one INSERT … ON CONFLICT per chunk
(the fast path); SQLite stages every chunk in TEMP tables and publishes them at the end
in one short transaction (seo.corpus.importing.staging), so an import does not block writers.

Each writer gives the import its transaction structure: `transaction()` around the
whole import, `file_scope()` around each file, `publish()` around the final step.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
from collections.abc import Iterable, Iterator

from django.db import connection, transaction
from django.utils import timezone

from seo.corpus.importing.pipe import ChunkPipe
from seo.corpus.importing.rows import PostRow
from seo.corpus.importing.staging import POST_FIELDS, SqliteStagingWriter
from seo.models import Hashtag, PostHashtag, TrendPost

_MAX_ALIAS_HOPS = 5
# About 150 bytes a cached tag: a file of millions of distinct tags must not keep them all.
MAX_CACHED_TAGS = 200_000


class TagResolver:
    """Hashtag name -> id of its canonical row, creating missing tags; cached per import."""

    def __init__(self, *, create: bool = True) -> None:
        self.create = create
        self.cache: dict[str, int | None] = {}
        self.created = 0

    def resolve(self, names: Iterable[str]) -> dict[str, int | None]:
        if len(self.cache) > MAX_CACHED_TAGS:
            self.cache.clear()  # looked up again when met again: memory stays bounded
        missing = {name for name in names if name not in self.cache}
        if missing:
            found = self._lookup(missing)
            new = missing - found.keys()
            if new and self.create:
                _tags_insert(sorted(new))
                self.created += len(new)
                found.update(self._lookup(new))
            elif new:
                self.created += len(new)
                found.update(dict.fromkeys(new))
            self.cache.update(found)
        return self.cache

    @staticmethod
    def _lookup(names: set[str]) -> dict[str, int | None]:
        rows = list(Hashtag.objects.filter(name__in=names).values_list("name", "id", "canonical_id"))
        canonical_of = {tag_id: canonical_id for _, tag_id, canonical_id in rows}
        # Merges keep aliases one hop from their canonical tag; follow a few hops anyway.
        pending = {c for c in canonical_of.values() if c is not None and c not in canonical_of}
        for _ in range(_MAX_ALIAS_HOPS):
            if not pending:
                break
            parents = dict(Hashtag.objects.filter(pk__in=pending).values_list("id", "canonical_id"))
            canonical_of.update(parents)
            pending = {c for c in parents.values() if c is not None and c not in canonical_of}

        def root(tag_id: int) -> int:
            for _ in range(_MAX_ALIAS_HOPS + 1):
                parent = canonical_of.get(tag_id)
                if parent is None:
                    return tag_id
                tag_id = parent
            return tag_id

        return {name: root(tag_id) for name, tag_id, _ in rows}


# Tags inserted per statement (fewer where the backend's parameter limit says so).
_TAGS_PER_INSERT = 1000


def _tags_insert(names: list[str]) -> None:
    """Insert new tags with the model's defaults; a name another writer added meanwhile is
    skipped (bulk_create's ignore_conflicts). The defaults are prepared once for every row:
    bulk_create built and prepared a model instance per tag, which dominated a first import's
    tag work (tens of thousands of new tags)."""
    fields = [field for field in Hashtag._meta.concrete_fields if not field.primary_key]
    template = Hashtag(name="")
    values = [field.get_db_prep_save(field.pre_save(template, add=True), connection) for field in fields]
    at = fields.index(Hashtag._meta.get_field("name"))
    rows = [(*values[:at], name, *values[at + 1 :]) for name in names]
    qn = connection.ops.quote_name
    insert = f"INSERT INTO {qn(Hashtag._meta.db_table)} ({', '.join(qn(field.column) for field in fields)}) VALUES "  # noqa: S608  (names from the model)
    marks = f"({', '.join(['%s'] * len(fields))})"
    per = max(1, min(_TAGS_PER_INSERT, connection.ops.bulk_batch_size(fields, rows)))
    with connection.cursor() as cursor:
        for start in range(0, len(rows), per):
            batch = rows[start : start + per]
            cursor.execute(
                insert + ", ".join([marks] * len(batch)) + " ON CONFLICT DO NOTHING",
                [value for row in batch for value in row],
            )


# COPY's text format: backslash, tab, newline and carriage return are escaped, NULL is \\N.
# Building the lines in Python is several times faster than psycopg's per-value write_row.
_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_value(value) -> str:
    if value is None:
        return "\\N"
    if type(value) is str:
        return (
            value.translate(_COPY_ESCAPES)
            if ("\\" in value or "\t" in value or "\n" in value or "\r" in value)
            else value
        )
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return repr(value) if type(value) is float else str(value)


_NULL = "\\N"


def _copy_line(row: PostRow, head: str, tail: str, tags: dict[str, int | None]) -> str:
    """One staged row in COPY's text format, its tags' ids as an array literal.

    Most rows hold no character COPY must escape: one test over the row's text fields then
    lets every value go in as it is (None as \\N; an int or float formats as str() and
    repr() do), instead of a _copy_value call per field, which was a fifth of the chunk's
    Python time. A row with one of those characters takes _copy_value for each field.
    """
    texts = f"{row.video_id}{row.caption}{row.author}{row.region}{row.language}{row.sound}{row.url}"
    # Two spellings can fold into one canonical tag; link it once.
    ids = [tags[name] for name in row.hashtags]
    tag_ids = ",".join(map(str, dict.fromkeys(ids) if len(set(ids)) < len(ids) else ids))
    if "\\" in texts or "\t" in texts or "\n" in texts or "\r" in texts:
        values = "\t".join(
            _copy_value(value)
            for value in (
                row.video_id, row.caption, row.author, row.views, row.likes, row.comments, row.shares,
                row.saves, row.engagement_rate, row.posted_at, row.region, row.language, row.sound,
                row.duration_s, row.url,
            )
        )  # fmt: skip
        return f"{head}{values}{tail}{{{tag_ids}}}\n"
    views, likes, comments, shares, saves = row.views, row.likes, row.comments, row.shares, row.saves
    rate, posted, duration = row.engagement_rate, row.posted_at, row.duration_s
    return (
        f"{head}{row.video_id}\t{row.caption}\t{row.author}\t"
        f"{_NULL if views is None else views}\t{_NULL if likes is None else likes}\t"
        f"{_NULL if comments is None else comments}\t{_NULL if shares is None else shares}\t"
        f"{_NULL if saves is None else saves}\t{_NULL if rate is None else rate}\t"
        f"{_NULL if posted is None else posted.isoformat()}\t{row.region}\t{row.language}\t{row.sound}\t"
        f"{_NULL if duration is None else duration}\t{row.url}{tail}{{{tag_ids}}}\n"
    )


class DryRunWriter:
    """Counts what an import would create or update, writing nothing."""

    def __init__(self, *, source: str) -> None:
        self.source = source
        self.tags = TagResolver(create=False)

    # Nothing is written, so no transaction (on SQLite it would take the write lock).
    transaction = file_scope = publish = staticmethod(contextlib.nullcontext)

    def write(self, rows: list[PostRow]) -> tuple[int, int]:
        self.tags.resolve({name for row in rows for name in row.hashtags})
        existing = TrendPost.objects.filter(
            source=self.source, video_id__in=[r.video_id for r in rows]
        ).count()
        return len(rows) - existing, existing


class PostgresCopyWriter:
    """COPY each chunk into a temporary staging table, then upsert posts and insert their
    hashtag links from it with two set-based statements."""

    STAGE = "hookline_import_stage"

    # PostgreSQL's MVCC lets others write meanwhile: one transaction, a savepoint per file.
    transaction = staticmethod(transaction.atomic)
    publish = staticmethod(contextlib.nullcontext)

    @contextlib.contextmanager
    def file_scope(self) -> Iterator[None]:
        """A savepoint per file; the chunk still being written finishes inside it, whatever
        happens (a failed chunk's error is raised: it is what broke the transaction)."""
        with transaction.atomic():
            try:
                yield
            finally:
                self.chunks.wait()

    def __init__(self, *, source: str) -> None:
        self.source = source
        self.tags = TagResolver()
        self.chunks = ChunkPipe(self._copy_upsert)
        self.columns = ["source", "video_id", *POST_FIELDS, "imported_at"]
        # Only identifiers from the models' metadata go into this SQL; values travel by COPY.
        qn = connection.ops.quote_name
        table = qn(TrendPost._meta.db_table)
        links = qn(PostHashtag._meta.db_table)
        cols = ", ".join(qn(c) for c in self.columns)
        updates = ", ".join(f"{qn(c)} = EXCLUDED.{qn(c)}" for c in [*POST_FIELDS, "imported_at"])
        self.create_sql = (
            f"CREATE TEMPORARY TABLE IF NOT EXISTS {self.STAGE} ON COMMIT DROP AS "  # noqa: S608
            f"SELECT {cols}, NULL::bigint[] AS tag_ids FROM {table} WITH NO DATA"
        )
        self.copy_sql = f"COPY {self.STAGE} ({cols}, tag_ids) FROM STDIN"
        # Links of posts already in the table are replaced: delete them first, then one
        # statement upserts the posts and inserts every link from the upsert's RETURNING,
        # so no second join against the whole post table is needed.
        self.unlink_sql = (
            f"DELETE FROM {links} WHERE post_id IN (SELECT p.id FROM {self.STAGE} s "  # noqa: S608
            f"JOIN {table} p ON p.source = s.source AND p.video_id = s.video_id)"
        )
        # xmax = 0 only for freshly inserted row versions: tells created from updated.
        # A created post's links go in with a plain INSERT: its id is new and not yet visible
        # to any other transaction, and its tag ids are distinct (_copy_line), so no link can
        # conflict, and skipping ON CONFLICT's speculative insertion saves a quarter of the
        # links' server time. An updated post's links keep ON CONFLICT DO NOTHING (another
        # writer, a tag merge, may have linked it since its old links were deleted).
        linked = (
            f"INSERT INTO {links} (post_id, hashtag_id) SELECT up.id, t.tag_id "  # noqa: S608
            f"FROM up JOIN {self.STAGE} s ON s.video_id = up.video_id "
            f"CROSS JOIN LATERAL unnest(s.tag_ids) AS t(tag_id) WHERE"
        )
        self.upsert_sql = (
            f"WITH up AS (INSERT INTO {table} ({cols}) SELECT {cols} FROM {self.STAGE} "  # noqa: S608
            f"ON CONFLICT (source, video_id) DO UPDATE SET {updates} "
            f"RETURNING id, video_id, (xmax = 0) AS inserted), "
            f"created AS ({linked} up.inserted), "
            f"updated AS ({linked} NOT up.inserted ON CONFLICT DO NOTHING) "
            f"SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM up"
        )

    def source_lock(self) -> None:
        """Wait for any other import of the same source to commit (held until this one ends).

        Two imports replacing the links of the same posts would otherwise both delete the
        old links before either commits, and the later one hit posthashtag_unique.
        """
        if getattr(self, "locked", False):
            return
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_advisory_xact_lock(hashtext('hookline.import'), hashtext(%s))", [self.source]
            )
        self.locked = True

    def constraints_suspend(self) -> None:
        """Drop the link table's foreign keys for a big import (restored before commit).

        Django's foreign keys are deferred: PostgreSQL queues one check per inserted link
        and runs them one by one at COMMIT, which for millions of links costs more than the
        import itself. Re-adding the constraint validates every row in one set-based pass
        instead (PostgreSQL's "Populating a Database" advice). The DDL is transactional, so
        a rolled-back import restores the constraints too; while the import runs, other
        sessions wait to read the link table, which is why only big imports do this.
        """
        self.source_lock()
        qn = connection.ops.quote_name
        table = PostHashtag._meta.db_table
        with connection.cursor() as cursor:
            found = connection.introspection.get_constraints(cursor, table)
            self.suspended = [
                (name, info["columns"][0], info["foreign_key"])
                for name, info in found.items()
                if info["foreign_key"]
            ]
            for name, _, _ in self.suspended:
                cursor.execute(f"ALTER TABLE {qn(table)} DROP CONSTRAINT {qn(name)}")

    def constraints_restore(self) -> None:
        qn = connection.ops.quote_name
        table = PostHashtag._meta.db_table
        with connection.cursor() as cursor:
            for name, column, (target_table, target_column) in getattr(self, "suspended", []):
                cursor.execute(
                    f"ALTER TABLE {qn(table)} ADD CONSTRAINT {qn(name)} FOREIGN KEY ({qn(column)}) "
                    f"REFERENCES {qn(target_table)} ({qn(target_column)}) DEFERRABLE INITIALLY DEFERRED"
                )
        self.suspended = []

    def write(self, rows: list[PostRow]) -> tuple[int, int]:
        self.source_lock()
        tags = self.tags.resolve(set(itertools.chain.from_iterable(row.hashtags for row in rows)))
        head = f"{_copy_value(self.source)}\t"
        tail = f"\t{timezone.now().isoformat()}\t"
        # The server writes this chunk while the next one is read and checked (ChunkPipe).
        return self.chunks.submit("".join([_copy_line(row, head, tail, tags) for row in rows]))

    def drain(self) -> tuple[int, int]:
        """(created, updated) of the chunk still being written, once it is."""
        return self.chunks.wait()

    def _copy_upsert(self, raw, text: str) -> tuple[int, int]:
        with raw.cursor() as cursor:
            cursor.execute(self.create_sql)
            cursor.execute(f"TRUNCATE {self.STAGE}")
            with cursor.copy(self.copy_sql) as copy:
                copy.write(text)
            cursor.execute(self.unlink_sql)
            cursor.execute(self.upsert_sql)
            created, updated = cursor.fetchone()
        return created, updated


def writer_for(*, source: str, dry_run: bool):
    if dry_run:
        return DryRunWriter(source=source)
    if connection.vendor == "postgresql":
        return PostgresCopyWriter(source=source)
    return SqliteStagingWriter(source=source, tags=TagResolver())
