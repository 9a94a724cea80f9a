"""PostgreSQL writes one chunk in a background thread while the next is read (seo.corpus.importing.pipe)."""

from __future__ import annotations

import threading

import pytest
from django.db import DatabaseError, connection

from seo.corpus.importing import service, trend_import, writers
from seo.corpus.importing.pipe import ChunkPipe
from seo.models import PostHashtag, TrendPost

from .test_import import csv_file

pytestmark = pytest.mark.django_db

ROWS = [f"{n},post {n} #tag{n % 3},#food,,{100 + n},,,,,,,,,," for n in range(1, 8)]


@pytest.fixture
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("only the PostgreSQL writer writes chunks in the background")


def test_every_chunk_is_counted_when_chunks_are_written_in_the_background(
    tmp_path, monkeypatch, postgres_only
):
    monkeypatch.setattr(service, "CHUNK_ROWS", 2)  # 4 chunks, the last one drained at the end
    path = csv_file(tmp_path, *ROWS)
    first = trend_import(paths=[path])
    again = trend_import(paths=[path])
    assert (first.created, first.updated) == (7, 0)
    assert (again.created, again.updated) == (0, 7)
    assert TrendPost.objects.count() == 7 and PostHashtag.objects.count() == 14


def test_a_chunk_that_fails_in_the_background_fails_the_import_and_writes_nothing(
    tmp_path, monkeypatch, postgres_only
):
    monkeypatch.setattr(service, "CHUNK_ROWS", 2)
    calls = []
    real = writers.PostgresCopyWriter._copy_upsert

    def second_chunk_fails(self, raw, text):
        calls.append(threading.current_thread().name)
        if len(calls) == 2:
            with raw.cursor() as cursor:
                cursor.execute("SELECT 1 / 0")
        return real(self, raw, text)

    monkeypatch.setattr(writers.PostgresCopyWriter, "_copy_upsert", second_chunk_fails)
    with pytest.raises(DatabaseError):
        trend_import(paths=[csv_file(tmp_path, *ROWS)])
    assert calls[:2] == ["hookline-import_0"] * 2, "chunks are written by the background thread"
    assert TrendPost.objects.count() == 0 and PostHashtag.objects.count() == 0


def test_the_pipe_returns_each_chunks_counts_in_turn_and_no_thread_outlives_it():
    pipe = ChunkPipe(lambda raw, n: (n, 0))
    assert pipe.submit(1) == (0, 0)
    assert pipe.submit(2) == (1, 0)
    assert pipe.wait() == (2, 0)
    assert pipe.wait() == (0, 0)
    assert pipe.executor is None
    assert not [t for t in threading.enumerate() if t.name.startswith("hookline-import")]
