"""SQLite: an import does not hold the write lock while it reads, and stays all or nothing."""

from __future__ import annotations

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, connections

from seo.corpus.importing import trend_import
from seo.models import Hashtag, TrendPost

pytestmark = pytest.mark.django_db(transaction=True)

HEADER = "video_id,caption,hashtags,views"


def _file(tmp_path, rows: int, *, bad_last: bool = False):
    lines = [HEADER] + [f"{i},Post {i},#food #tag{i % 7},{1000 + i}" for i in range(rows)]
    if bad_last:
        lines.append(f"{rows},Broken,#food,not-a-number")
    path = tmp_path / "trends.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _write_from_another_connection(results: list) -> None:
    """Save a user on a connection of its own that waits at most 0.3 s for the lock."""

    def run() -> None:
        try:
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA busy_timeout = 300")
            get_user_model().objects.create_user(f"writer{len(results)}", password="pw-x-123456")
            results.append("saved")
        except Exception as exc:
            results.append(exc)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()


@pytest.fixture(autouse=True)
def _sqlite_only():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's single write lock")


def test_other_writes_go_through_while_an_import_reads(tmp_path):
    results: list = []
    report = trend_import(
        paths=[_file(tmp_path, 300)], progress=lambda done, total: _write_from_another_connection(results)
    )
    assert report.imported and report.created == 300
    assert results and all(r == "saved" for r in results), results
    assert TrendPost.objects.count() == 300


def test_an_import_with_an_invalid_row_still_writes_nothing(tmp_path):
    report = trend_import(paths=[_file(tmp_path, 300, bad_last=True)])
    assert not report.imported
    assert not TrendPost.objects.exists() and not Hashtag.objects.exists()


def test_a_reimport_replaces_links_and_counts_updates(tmp_path):
    trend_import(paths=[_file(tmp_path, 50)])
    report = trend_import(paths=[_file(tmp_path, 60)])
    assert (report.created, report.updated) == (10, 50)
    assert TrendPost.objects.get(video_id="3").hashtags.count() == 2
    assert Hashtag.objects.get(name="food").post_count == 60


def test_the_same_video_in_two_files_keeps_the_later_row(tmp_path):
    first = tmp_path / "a.csv"
    second = tmp_path / "b.csv"
    first.write_text(f"{HEADER}\n1,First,#food,10\n", encoding="utf-8")
    second.write_text(f"{HEADER}\n1,Second,#recipe,20\n", encoding="utf-8")
    report = trend_import(paths=[first, second])
    post = TrendPost.objects.get(video_id="1")
    assert (post.caption, post.views) == ("Second", 20)
    assert list(post.hashtags.values_list("name", flat=True)) == ["recipe"]
    assert (report.created, report.updated) == (1, 1)


def _cache_size() -> int:
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA main.cache_size")
        return cursor.fetchone()[0]


@pytest.mark.parametrize("bad_last", [False, True])
def test_publishing_gets_a_larger_page_cache_and_gives_it_back(tmp_path, monkeypatch, bad_last):
    from seo.corpus.importing import service, staging

    before = _cache_size()
    during: list[int] = []
    refresh = service.hashtag_counts_refresh  # runs inside the publishing transaction

    def counted_refresh(**kwargs):
        during.append(_cache_size())
        if bad_last:
            raise RuntimeError("publishing failed")
        return refresh(**kwargs)

    monkeypatch.setattr(service, "hashtag_counts_refresh", counted_refresh)
    if bad_last:
        with pytest.raises(RuntimeError):
            trend_import(paths=[_file(tmp_path, 20)])
    else:
        assert trend_import(paths=[_file(tmp_path, 20)]).created == 20
    assert during == [-staging.PUBLISH_CACHE_KIB] and before != during[0]
    assert _cache_size() == before
    assert TrendPost.objects.count() == (0 if bad_last else 20)
