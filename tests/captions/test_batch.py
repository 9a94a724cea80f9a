from __future__ import annotations

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from captions.batch import BatchError, batch_parse, export_path
from captions.tasks import batch_upload
from jobs.models import Job

pytestmark = pytest.mark.django_db

GOOD = (
    "title,caption,language\n"
    'Pasta,"Easy pasta in 10 minutes 🍝\nSave this for later! #pasta #dinner",en\n'
    "Boller,Slik lager du kanelboller. Lagre denne!,nb\n"
).encode()


@pytest.fixture(autouse=True)
def _no_index_left_loaded():
    # The process keeps the last index it loaded for a few seconds; start without one.
    from seo.index.serving import reset_loaded_index

    reset_loaded_index()
    yield
    reset_loaded_index()


@pytest.fixture
def upload(django_capture_on_commit_callbacks):
    """Upload and run the job as it would run after the request's transaction commits."""

    def run(user, data: bytes, name: str = "plan.csv") -> Job:
        with django_capture_on_commit_callbacks(execute=True):
            job = batch_upload(
                user=user, uploaded_file=SimpleUploadedFile(name, data, content_type="text/csv")
            )
        job.refresh_from_db()
        return job

    return run


def result_rows(job: Job) -> list[dict[str, str]]:
    with export_path(str(job.pk)).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_it_parses_rows_with_their_line_numbers():
    rows, errors = batch_parse(data=GOOD)
    assert errors == []
    assert [(r.line, r.title, r.language) for r in rows] == [(2, "Pasta", "en"), (4, "Boller", "nb")]
    assert rows[0].caption.startswith("Easy pasta in 10 minutes 🍝\nSave")


def test_a_byte_order_mark_and_extra_columns_are_fine():
    rows, _ = batch_parse(data="\ufeffCaption,Notes\nHello world,ignored\n".encode())
    assert [(r.caption, r.title, r.language) for r in rows] == [("Hello world", "", "")]


def test_bad_rows_are_reported_by_line_and_the_rest_kept():
    data = (
        "title,caption,language\nA,,en\nB,Fine caption,en\nC,Another,english!\n\nD," + "x" * 20_001 + ",en\n"
    )
    rows, errors = batch_parse(data=data.encode())
    assert [r.title for r in rows] == ["B"]
    assert [(e["line"], e["message"].split(" ")[0]) for e in errors] == [
        (2, "the"),
        (4, "“english!”"),
        (6, "the"),
    ]
    assert "empty" in errors[0]["message"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"title,text\nA,B\n", "caption"),
        (b"", "caption"),
        (b"caption\n", "no captions"),
        ("caption\nBlåbær\n".encode("latin-1"), "not UTF-8"),
        (b"caption\n\x00\x00", "NUL"),
    ],
)
def test_files_that_cannot_work_are_refused_with_a_reason(data, message):
    with pytest.raises(BatchError, match=message):
        batch_parse(data=data)


def test_an_unterminated_quote_runs_to_the_end_of_the_file_like_in_spreadsheets():
    rows, errors = batch_parse(data=b'caption\n"first line\nsecond line\n')
    assert [r.caption for r in rows] == ["first line\nsecond line"] and errors == []


@override_settings(CAPTION_BATCH_MAX_BYTES=1024)
def test_a_file_over_the_size_limit_is_refused():
    with pytest.raises(BatchError, match="the limit is 1 KB"):
        batch_parse(data=b"caption\n" + b"x" * 2000)


@override_settings(CAPTION_BATCH_MAX_ROWS=2)
def test_a_file_over_the_row_limit_is_refused():
    with pytest.raises(BatchError, match="more than 2 captions"):
        batch_parse(data=b"caption\na\nb\nc\n")


def test_a_batch_is_scored_into_a_result_csv(upload, owner):
    job = upload(owner, GOOD)  # eager Celery in tests: the job has run
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED, job.report
    assert job.report["scored"] == 2 and job.report["download_url"].endswith("/download/")
    rows = result_rows(job)
    assert [r["line"] for r in rows] == ["2", "4"]
    assert all(0 <= int(r["score"]) <= 100 for r in rows)
    assert rows[1]["language"] == "nb"
    assert "Main keyword" in rows[0]["failed_checks"] + rows[0]["warned_checks"]
    # Without an index the captions are still scored, and the report says why there are no tags.
    assert rows[0]["suggested_hashtags"] == ""
    assert any("index" in note for note in job.report["notes"])


def test_a_detected_language_is_used_when_the_column_is_empty(upload, owner):
    job = upload(owner, "caption\nJeg har aldri smakt noe så godt. Hva synes dere?\n".encode())
    assert result_rows(job)[0]["language"] == "nb"


def test_the_result_has_a_row_for_every_line_including_refused_ones(upload, owner):
    job = upload(owner, b"title,caption\nA,\nB,Fine caption here\n")
    job.refresh_from_db()
    rows = result_rows(job)
    assert [(r["line"], r["title"], r["problem"]) for r in rows] == [
        ("2", "A", "the caption is empty"),
        ("3", "B", ""),
    ]
    assert job.report["errors"] == [{"line": 2, "message": "the caption is empty"}]


def test_formulas_in_captions_do_not_reach_the_result_as_formulas(upload, owner):
    job = upload(owner, b'title,caption\n=cmd|calc,"=HYPERLINK(""http://evil"")"\n')
    row = result_rows(job)[0]
    assert row["title"] == "'=cmd|calc"
    assert row["caption"].startswith("'=HYPERLINK")


def test_suggested_hashtags_come_from_the_index(upload, owner, demo_index):
    job = upload(owner, b"caption\nMy sourdough bread recipe for beginners\n")
    row = result_rows(job)[0]
    tags = row["suggested_hashtags"].split()
    assert 3 <= len(tags) <= 5 and all(tag.startswith("#") for tag in tags)


def test_running_the_task_twice_scores_once(upload, owner):
    from captions.tasks import caption_batch_score_task

    job = upload(owner, GOOD)
    first = export_path(str(job.pk)).stat().st_mtime_ns
    caption_batch_score_task.delay(str(job.pk))  # a redelivered message
    assert export_path(str(job.pk)).stat().st_mtime_ns == first
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED


def test_a_missing_upload_fails_the_job_with_a_reason(owner, settings):
    from captions.tasks import caption_batch_score_task
    from jobs.services import job_create

    job = job_create(kind="caption_batch", title="Lost", user=owner)
    caption_batch_score_task.delay(str(job.pk))
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and "upload it again" in job.report["error"]


def test_the_written_file_is_valid_utf8_csv(upload, owner):
    job = upload(owner, GOOD)
    text = export_path(str(job.pk)).read_bytes().decode("utf-8-sig")
    header = next(csv.reader(io.StringIO(text)))
    assert header[:4] == ["line", "title", "language", "score"]


def test_a_semicolon_separated_file_from_norwegian_excel_is_read():
    data = (
        "\ufefftittel;caption;language\nBoller;Slik lager du kanelboller, enkelt. Lagre denne!;nb\n".encode()
    )
    rows, errors = batch_parse(data=data)
    assert errors == []
    assert [(r.caption, r.language) for r in rows] == [
        ("Slik lager du kanelboller, enkelt. Lagre denne!", "nb")
    ]


def test_excel_unicode_text_in_utf16_with_tabs_is_read():
    rows, errors = batch_parse(data="title\tcaption\r\nBoller\tKanelboller, enkelt\r\n".encode("utf-16"))
    assert errors == [] and [(r.title, r.caption) for r in rows] == [("Boller", "Kanelboller, enkelt")]


def test_a_cell_past_the_csv_field_limit_is_refused_with_the_caption_limit():
    with pytest.raises(BatchError, match="Line 2 has a cell of more than 131,072 characters"):
        batch_parse(data=b"caption\n" + b"0" * 200_000 + b"\n")
