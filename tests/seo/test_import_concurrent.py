"""Two imports of the same file at the same moment both succeed (PostgreSQL: the second waits)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from seo.corpus.importing import trend_import
from seo.models import PostHashtag, TrendPost

pytestmark = pytest.mark.django_db(transaction=True)

HEADER = "video_id,caption,hashtags,views"


def _file(tmp_path, rows: int = 3000):
    path = tmp_path / "same.csv"
    lines = [HEADER] + [
        f"{i},Post {i} #tag{i % 50},#food #recipe #tag{i % 7},{1000 + i}" for i in range(rows)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_two_imports_of_the_same_file_at_once_both_succeed(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the UniqueViolation race needs PostgreSQL's concurrent writers")
    path = _file(tmp_path)
    trend_import(paths=[path])  # the posts and tags exist: both imports replace the same links
    links_before = PostHashtag.objects.count()
    start = threading.Barrier(2)
    results: list[object] = []

    def run() -> None:
        try:
            start.wait()
            results.append(trend_import(paths=[path]))
        except Exception as exc:  # the failure this test is about: record it, don't lose it
            results.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    errors = [r for r in results if isinstance(r, Exception)]
    assert not errors, errors
    assert all(r.imported and not r.error_count for r in results)
    assert [(r.created, r.updated) for r in results] == [(0, 3000), (0, 3000)]
    assert TrendPost.objects.count() == 3000
    assert PostHashtag.objects.count() == links_before
