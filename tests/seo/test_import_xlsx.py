""".xlsx workbooks, recognised by content and read through the one validation."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from seo.corpus.importing import trend_import
from seo.models import TrendPost

pytestmark = pytest.mark.django_db


def workbook(path, rows, *, title="Sheet"):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


HEADER = ["video_id", "caption", "views", "likes", "posted_at", "duration_s"]


def test_a_workbook_imports_with_its_numbers_and_dates(tmp_path):
    path = workbook(
        tmp_path / "export.xlsx",
        [
            HEADER,
            [
                "7234567890123456789",
                "Crispy potatoes #airfryer",
                1400000,
                1200.0,
                dt.datetime(2025, 5, 20, 3, 7, 40),
                21.5,
            ],
            [],
            [42, "Leg day #gymtok", "1.4M", None, dt.date(2025, 6, 1), None],
        ],
    )
    report = trend_import(paths=[path])
    assert report.imported and report.created == 2 and not report.errors
    first = TrendPost.objects.get(video_id="7234567890123456789")
    assert (first.views, first.likes, first.duration_s) == (1400000, 1200, 21.5)
    assert first.posted_at == dt.datetime(2025, 5, 20, 3, 7, 40, tzinfo=dt.UTC)
    second = TrendPost.objects.get(video_id="42")  # an integer cell, not "42.0"
    assert second.views == 1400000 and second.likes is None
    assert set(second.hashtags.values_list("name", flat=True)) == {"gymtok"}


def test_a_workbook_is_recognised_whatever_its_name(tmp_path):
    path = workbook(tmp_path / "download.bin", [HEADER, [1, "hello #x", 5, 1, None, None]])
    assert trend_import(paths=[path]).created == 1


def test_errors_name_the_row_staff_see_in_the_sheet_and_nothing_is_written(tmp_path):
    path = workbook(
        tmp_path / "bad.xlsx", [HEADER, [1, "ok", 5, 1, None, None], [], [2, "bad", "lots", 1, None, None]]
    )
    report = trend_import(paths=[path])
    assert not report.imported and not TrendPost.objects.exists()
    assert report.errors == [
        {
            "line": 4,
            "field": "views",
            "message": "views 'lots' is not a count (use 1234, 1,234, 1.4M, 541.2K or 2B)",
        }
    ]
    assert trend_import(paths=[path], skip_invalid=True).created == 1


def test_an_id_the_spreadsheet_rounded_is_refused_with_the_fix(tmp_path):
    path = workbook(tmp_path / "ids.xlsx", [HEADER, [7234567890123456789, "rounded", 5, 1, None, None]])
    report = trend_import(paths=[path])
    assert not report.imported
    assert "format the id column as text" in report.errors[0]["message"]


def test_a_workbook_without_the_required_columns_says_how_to_map_them(tmp_path):
    path = workbook(tmp_path / "other.xlsx", [["Caption", "Plays"], ["hi", 5]])
    report = trend_import(paths=[path])
    message = report.errors[0]["message"]
    assert "missing required column video_id" in message and "--preset" in message


def test_a_damaged_workbook_and_a_forced_format_are_refused_clearly(tmp_path):
    broken = tmp_path / "broken.xlsx"
    good = workbook(tmp_path / "good.xlsx", [HEADER, [1, "x", 1, 1, None, None]])
    data = good.read_bytes()
    broken.write_bytes(data[: len(data) // 2])
    report = trend_import(paths=[broken])
    assert not report.imported and "broken.xlsx" in report.errors[0]["message"]
    csv = tmp_path / "plain.csv"
    csv.write_text("video_id,caption\n1,x\n")
    assert "not an .xlsx workbook" in trend_import(paths=[csv], file_format="xlsx").errors[0]["message"]
    assert "not jsonl" in trend_import(paths=[good], file_format="jsonl").errors[0]["message"]


def test_the_command_imports_a_workbook_without_flags(tmp_path, capsys):
    path = workbook(
        tmp_path / "w.xlsx", [HEADER, [1, "x #a", 1, 1, None, None], [2, "y #b", 2, 2, None, None]]
    )
    call_command("import_trends", str(path))
    assert TrendPost.objects.count() == 2
    path = workbook(tmp_path / "empty.xlsx", [HEADER])
    with pytest.raises(CommandError):
        call_command("import_trends", str(path))
    assert "header row but no posts" in capsys.readouterr().out


def test_a_scrapers_flattened_columns_in_a_sheet_are_read_as_its_items(tmp_path):
    path = workbook(
        tmp_path / "dataset.xlsx",
        [
            ["id", "text", "playCount", "authorMeta/name", "hashtags/0/name", "createTimeISO"],
            ["9001", "Crispy potatoes", 1400, "kitchenlab", "airfryer", "2025-05-20T03:07:40.000Z"],
        ],
    )
    report = trend_import(paths=[path])
    assert report.created == 1, report.errors
    post = TrendPost.objects.get(video_id="9001")
    assert (post.author, post.views) == ("kitchenlab", 1400)
    assert list(post.hashtags.values_list("name", flat=True)) == ["airfryer"]
