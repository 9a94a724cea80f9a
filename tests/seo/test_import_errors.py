from __future__ import annotations

import pytest

from seo.corpus.importing import trend_import
from seo.models import TrendPost

from .test_import import GOOD, HEADER, csv_file

pytestmark = pytest.mark.django_db


def only_error(report) -> dict:
    assert not report.imported
    assert len(report.errors) == 1, report.errors
    return report.errors[0]


def test_it_rejects_a_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes((HEADER + "\n" + "1,Café crème,,,,,,,,,,,,,\n").encode("latin-1"))
    error = only_error(trend_import(paths=[path]))
    assert error["line"] == 2 and "not UTF-8" in error["message"] and "0xE9" in error["message"]


def test_it_rejects_missing_required_columns(tmp_path):
    path = csv_file(tmp_path, "1,someone", header="video_id,author")
    error = only_error(trend_import(paths=[path]))
    assert error["line"] == 1 and "missing required column caption" in error["message"]


@pytest.mark.parametrize(
    ("cell", "field", "text"),
    [("-5", "views", "negative"), ("many", "views", "not a count"), ("1.5", "views", "whole number")],
)
def test_it_rejects_non_numeric_and_negative_counts_with_the_line(tmp_path, cell, field, text):
    path = csv_file(tmp_path, GOOD[1], f"7,caption,,,{cell},,,,,,,,,,")
    error = only_error(trend_import(paths=[path]))
    assert (error["line"], error["field"]) == (3, field) and text in error["message"]
    assert not TrendPost.objects.exists()


def test_it_rejects_unparseable_dates(tmp_path):
    error = only_error(trend_import(paths=[csv_file(tmp_path, "7,caption,,,,,,,,20/05/2025,,,,,")]))
    assert error["field"] == "posted_at" and "not a date" in error["message"]


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("7," + "x" * 5001 + ",,,,,,,,,,,,,", "caption"),
        ("7,ok,," + "a" * 101 + ",,,,,,,,,,,", "author"),
        ("7,ok" + "," * 11 + "s" * 301 + ",,", "sound"),
        ("7,ok,#" + "t" * 151 + ",,,,,,,,,,,,", "hashtags"),
        ("7" * 65 + ",ok,,,,,,,,,,,,,", "video_id"),
    ],
)
def test_it_rejects_over_long_fields(tmp_path, line, field):
    error = only_error(trend_import(paths=[csv_file(tmp_path, line)]))
    assert error["field"] == field and "long" in error["message"]


def test_it_rejects_duplicate_ids_inside_one_file(tmp_path):
    error = only_error(trend_import(paths=[csv_file(tmp_path, GOOD[0], GOOD[1], GOOD[0])]))
    assert error["line"] == 4 and "first on line 2" in error["message"]


def test_it_rejects_an_empty_file(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    assert "empty" in only_error(trend_import(paths=[path]))["message"]


def test_it_rejects_a_binary_file(tmp_path):
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert "binary" in only_error(trend_import(paths=[path]))["message"]


def test_it_reports_rows_with_the_wrong_number_of_fields(tmp_path):
    error = only_error(trend_import(paths=[csv_file(tmp_path, "7,a caption, with a comma,,,,,,,,,,,,,")]))
    assert error["line"] == 2 and "fields" in error["message"]


def test_it_reports_bad_json_lines_with_their_line(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text('{"video_id": "1", "caption": "a"}\n{"video_id": 2,\n', encoding="utf-8")
    error = only_error(trend_import(paths=[path]))
    assert error["line"] == 2 and "not valid JSON" in error["message"]


def test_by_default_one_bad_row_imports_nothing(tmp_path):
    lines = [f"{n},caption {n},,,{n},,,,,,,,,," for n in range(1, 12001)] + ["bad,caption,,,-1,,,,,,,,,,"]
    report = trend_import(paths=[csv_file(tmp_path, *lines)])
    assert (report.imported, report.created, report.skipped) == (False, 0, 12001)
    assert "Imported nothing" in report.summary
    assert not TrendPost.objects.exists()


def test_skip_invalid_imports_the_valid_rows_and_lists_the_skipped(tmp_path):
    path = csv_file(tmp_path, GOOD[0], "3,bad,,,-5,,,,,,,,,,", GOOD[1], "4,bad date,,,,,,,,never,,,,,")
    report = trend_import(paths=[path], skip_invalid=True)
    assert (report.imported, report.created, report.skipped) == (True, 2, 2)
    assert [e["line"] for e in report.errors] == [3, 5]
    assert sorted(TrendPost.objects.values_list("video_id", flat=True)) == ["1", "2"]


def test_skip_invalid_drops_a_rejected_file_but_keeps_the_good_one(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(HEADER.encode() + b"\n1,ok,,,,,,,,,,,,,\n2,\xff\xfe,,,,,,,,,,,,,\n")
    good = csv_file(tmp_path, GOOD[1], name="good.csv")
    report = trend_import(paths=[bad, good], skip_invalid=True)
    assert (report.imported, report.created) == (True, 1)
    assert report.errors[0]["file"] == "bad.csv" and report.errors[0]["line"] == 3
    assert list(TrendPost.objects.values_list("video_id", flat=True)) == ["2"]


def test_it_rejects_a_file_with_only_a_header(tmp_path):
    error = only_error(trend_import(paths=[csv_file(tmp_path)]))
    assert error["line"] == 1 and "no posts" in error["message"]


def test_a_file_rejected_after_writing_does_not_leave_dangling_tag_links(tmp_path):
    rows = "\n".join(f"{n},post {n} #brandnew,,,,,,,,,,,,," for n in range(1, 5002))
    bad = tmp_path / "bad.csv"
    bad.write_bytes(f"{HEADER}\n{rows}\n".encode() + b"9999,\xff,,,,,,,,,,,,,\n")
    good = csv_file(tmp_path, "7,Also #brandnew,,,,,,,,,,,,,", name="good.csv")
    report = trend_import(paths=[bad, good], skip_invalid=True)
    assert report.created == 1
    post = TrendPost.objects.get()
    assert list(post.hashtags.values_list("name", flat=True)) == ["brandnew"]
