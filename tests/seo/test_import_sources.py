"""Scheduled import sources: a watched folder and an address served by a local HTTP server."""

from __future__ import annotations

import http.server
import json
import os
import threading
import time
from datetime import timedelta

import pytest
from django.utils import timezone

from jobs.models import Job
from seo.corpus.importing.sources import import_source_run, import_sources_claim_due, url_check
from seo.models import ImportPreset, ImportSource, TrendPost
from seo.tasks.sources import import_sources_due_task

pytestmark = pytest.mark.django_db

SCRAPER_ITEMS = [
    {
        "id": "9001",
        "text": "Crispy potatoes #airfryer",
        "playCount": 1400,
        "authorMeta": {"name": "kitchenlab"},
    },
    {"id": "9002", "text": "Leg day #gymtok", "playCount": 5000, "authorMeta": {"name": "lifter"}},
]


@pytest.fixture(autouse=True)
def _sources_settings(settings):
    settings.IMPORT_SOURCE_SETTLE_SECONDS = 0
    settings.IMPORT_SOURCES_ALLOW_LOCAL_HTTP = True
    settings.IMPORT_SOURCE_MAX_FAILURES = 3


class _Served:
    """What the local server answers: a status and a body, changeable by the test."""

    status = 200
    body = b""
    redirect = ""
    hits = 0
    delay = 0.0


@pytest.fixture
def server():
    served = _Served()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            served.hits += 1
            time.sleep(served.delay)
            if served.redirect:
                self.send_response(302)
                self.send_header("Location", served.redirect)
                self.end_headers()
                return
            self.send_response(served.status)
            self.send_header("Content-Length", str(len(served.body)))
            self.end_headers()
            self.wfile.write(served.body)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    served.url = f"http://127.0.0.1:{httpd.server_address[1]}/export.json"
    yield served
    httpd.shutdown()
    httpd.server_close()


def url_source(url: str, **fields) -> ImportSource:
    return ImportSource.objects.create(
        name="scraper feed", kind="url", location=url, post_source="feed", **fields
    )


def test_an_address_is_fetched_imported_and_not_imported_again_while_unchanged(server):
    server.body = json.dumps(SCRAPER_ITEMS).encode()
    source = url_source(server.url)
    run = import_source_run(source_id=source.pk)
    assert run.ok and run.written == 2, run.as_report()
    assert TrendPost.objects.get(source="feed", video_id="9001").views == 1400
    again = import_source_run(source_id=source.pk)
    assert again.ok and again.files == [] and "nothing new" in again.summary
    server.body = json.dumps([{**SCRAPER_ITEMS[0], "playCount": 2000}]).encode()
    assert import_source_run(source_id=source.pk).written == 1
    assert TrendPost.objects.get(video_id="9001").views == 2000
    source.refresh_from_db()
    assert source.failure_count == 0 and source.last_run_at and source.next_run_at > timezone.now()


def test_a_source_that_keeps_failing_is_paused_with_the_reason(server):
    server.status, server.body = 500, b"oops"
    source = url_source(server.url)
    for expected in (1, 2):
        run = import_source_run(source_id=source.pk)
        assert not run.ok and "HTTP 500" in run.error
        source.refresh_from_db()
        assert source.failure_count == expected and source.enabled
    import_source_run(source_id=source.pk)
    source.refresh_from_db()
    assert not source.enabled and source.failure_count == 3
    assert (
        source.paused_reason.startswith("Paused after 3 failed runs in a row")
        and "HTTP 500" in source.paused_reason
    )
    assert import_sources_claim_due(now=timezone.now() + timedelta(days=1)) == []


def test_a_success_resets_the_failure_count(server):
    server.status = 404
    source = url_source(server.url)
    import_source_run(source_id=source.pk)
    server.status, server.body = 200, json.dumps(SCRAPER_ITEMS).encode()
    import_source_run(source_id=source.pk)
    source.refresh_from_db()
    assert source.failure_count == 0 and source.enabled


def test_a_body_over_the_size_cap_is_refused_and_nothing_is_kept(server, settings):
    settings.IMPORT_SOURCE_MAX_BYTES = 100
    server.body = json.dumps(SCRAPER_ITEMS).encode()
    run = import_source_run(source_id=url_source(server.url).pk)
    assert "at most 100 are accepted" in run.error and not TrendPost.objects.exists()
    assert not list((settings.DATA_DIR / "uploads" / "imports").glob("*-source-*"))


def test_a_file_with_invalid_rows_fails_the_run_and_reports_its_lines(server):
    server.body = json.dumps([SCRAPER_ITEMS[0], {**SCRAPER_ITEMS[1], "playCount": "lots"}]).encode()
    run = import_source_run(source_id=url_source(server.url).pk)
    assert not run.ok and not TrendPost.objects.exists()
    assert run.files[0]["errors"][0]["item"] == 2 and "playCount" in run.files[0]["errors"][0]["message"]


def test_only_https_is_accepted_outside_tests(settings, server):
    settings.IMPORT_SOURCES_ALLOW_LOCAL_HTTP = False
    assert (
        url_check("http://example.com/x.json") and url_check(server.url) and url_check("file:///etc/passwd")
    )
    assert url_check("https://example.com/export.json") is None
    server.body = json.dumps(SCRAPER_ITEMS).encode()
    run = import_source_run(source_id=url_source(server.url).pk)
    assert "must start with https://" in run.error and server.hits == 0


def test_a_server_that_does_not_answer_in_time_fails_the_run(settings, server):
    settings.IMPORT_SOURCE_TIMEOUT_SECONDS = 1
    server.delay, server.body = 2.5, json.dumps(SCRAPER_ITEMS).encode()
    run = import_source_run(source_id=url_source(server.url).pk)
    assert "could not be fetched (timed out)" in run.error and not TrendPost.objects.exists()


def test_a_redirect_to_plain_http_is_refused(settings, server):
    server.redirect = "http://example.com/elsewhere.json"
    run = import_source_run(source_id=url_source(server.url).pk)
    assert "redirected to http://example.com/elsewhere.json" in run.error


def write(path, text, *, age=60):
    path.write_text(text, encoding="utf-8")
    past = time.time() - age
    os.utime(path, (past, past))
    return path


def test_a_folder_imports_each_new_file_once(tmp_path):
    folder = tmp_path / "drop"
    folder.mkdir()
    write(folder / "a.csv", "video_id,caption\n1,one #a\n")
    source = ImportSource.objects.create(name="drop", kind="folder", location=str(folder), post_source="drop")
    assert import_source_run(source_id=source.pk).written == 1
    write(folder / "b.csv", "video_id,caption\n2,two #b\n")
    write(folder / ".partial.csv", "video_id,caption\n3,hidden\n")
    run = import_source_run(source_id=source.pk)
    assert [entry["name"] for entry in run.files] == ["b.csv"]
    assert import_source_run(source_id=source.pk).files == []
    write(
        folder / "a.csv", "video_id,caption\n1,one again #a\n1b,new row\n", age=30
    )  # replaced: new size and time
    assert [entry["name"] for entry in import_source_run(source_id=source.pk).files] == ["a.csv"]
    assert TrendPost.objects.get(video_id="1").caption == "one again #a" and TrendPost.objects.count() == 3


def test_a_folder_file_still_being_written_waits_for_the_next_run(tmp_path, settings):
    settings.IMPORT_SOURCE_SETTLE_SECONDS = 30
    folder = tmp_path / "drop"
    folder.mkdir()
    write(folder / "fresh.csv", "video_id,caption\n1,one\n", age=0)
    source = ImportSource.objects.create(name="drop", kind="folder", location=str(folder))
    assert import_source_run(source_id=source.pk).files == []


def test_a_folder_source_uses_its_preset(tmp_path):
    folder = tmp_path / "drop"
    folder.mkdir()
    write(folder / "sheet.csv", "Description;Post ID\nhello #x;77\n")
    preset = ImportPreset.objects.create(
        name="sheet", columns={"Description": "caption", "Post ID": "video_id"}
    )
    source = ImportSource.objects.create(name="drop", kind="folder", location=str(folder), preset=preset)
    assert import_source_run(source_id=source.pk).ok
    assert TrendPost.objects.get(video_id="77").caption == "hello #x"


def test_a_missing_folder_is_a_failed_run(tmp_path):
    source = ImportSource.objects.create(name="gone", kind="folder", location=str(tmp_path / "nope"))
    run = import_source_run(source_id=source.pk)
    assert "does not exist" in run.error


def test_beat_queues_a_job_for_each_due_source_once(tmp_path, server, django_capture_on_commit_callbacks):
    server.body = json.dumps(SCRAPER_ITEMS).encode()
    due = url_source(server.url)
    later = ImportSource.objects.create(
        name="later", kind="folder", location=str(tmp_path), next_run_at=timezone.now() + timedelta(hours=1)
    )
    ImportSource.objects.create(name="off", kind="folder", location=str(tmp_path), enabled=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert import_sources_due_task() == 1
    job = Job.objects.get(kind="import_source")
    assert job.params == {"source_id": due.pk}
    assert job.status == Job.Status.SUCCEEDED and "2 posts created or updated" in job.message
    assert job.report["files"][0]["imported"]
    due.refresh_from_db()
    assert due.last_job_id == job.pk
    with django_capture_on_commit_callbacks(execute=True):
        assert import_sources_due_task() == 0  # its next run is an interval away now
    assert later.next_run_at > timezone.now()


def test_a_failed_run_is_a_failed_job_with_its_report(server, django_capture_on_commit_callbacks):
    server.status = 503
    url_source(server.url)
    with django_capture_on_commit_callbacks(execute=True):
        import_sources_due_task()
    job = Job.objects.get(kind="import_source")
    assert job.status == Job.Status.FAILED and "HTTP 503" in job.report["error"]


def test_beat_checks_the_sources_every_minute_through_a_registered_task(settings):
    from config.celery import app

    entry = settings.CELERY_BEAT_SCHEDULE["import-sources-due"]
    assert entry["schedule"] <= 60 and entry["task"] in app.tasks
    assert entry["task"] == import_sources_due_task.name
