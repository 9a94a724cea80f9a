"""Reading a creator's spreadsheet: TikTok Studio's Content export and its variants."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from creator_posts.studio import header_fields, sheet_read, studio_row
from seo.corpus.importing.lines import FileRejected
from tests.creator_posts.conftest import studio_csv

OSLO = ZoneInfo("Europe/Oslo")


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Video views", "views"), ("Total views", "views"), ("video_views", "views"), ("VIEWS", "views"),
        ("Post time", "posted_at"), ("Date", "posted_at"), ("Video title", "caption"), ("Total likes", "likes"),
        ("Watched full video (%)", "full_watch_rate"), ("Average watch time", "average_watch_s"),
        ("Video link", "url"), ("Add to Favorites", "saves"),
    ],
)  # fmt: skip
def test_it_recognises_studio_column_names_whatever_their_case_and_decoration(header, field):
    assert header_fields([header]) == {0: field}


def test_unknown_columns_are_listed_as_not_used(tmp_path):
    path = tmp_path / "content.csv"
    path.write_bytes(studio_csv([["Hi", "", "2026-09-01 18:00", 1, 1, 1, 10, "1h", "5", "10%"]]))
    sheet = sheet_read(path)
    assert sheet.columns["views"] == "Total views"
    assert sheet.ignored == ["Total play time"]


def test_a_semicolon_separated_export_is_read(tmp_path):
    path = tmp_path / "content.csv"
    path.write_bytes(
        studio_csv([["Hei; du", "", "01.09.2026 18:00", 1, 1, 1, 10, "", "", ""]], delimiter=";")
    )
    sheet = sheet_read(path)
    assert sheet.rows[0].data["caption"] == "Hei; du"
    row, _, problems = studio_row(sheet.rows[0].data, zone=OSLO)
    assert problems == []
    assert row["posted_at"] == "2026-09-01T18:00:00+02:00"  # local time, not UTC


def test_values_studio_writes_are_read_as_numbers():
    data = {"caption": "x", "posted_at": "Sep 1, 2026 18:05", "views": 100.0, "average_watch_s": "0:08",
            "full_watch_rate": "12.5%", "url": "https://www.tiktok.com/@me/video/7312345678901234567"}  # fmt: skip
    row, extras, problems = studio_row(data, zone=OSLO)
    assert problems == []
    assert row["video_id"] == "7312345678901234567"  # from the link
    assert row["views"] == 100 and isinstance(row["views"], int)
    assert extras == {"average_watch_s": 8.0, "full_watch_rate": 0.125, "has_time": True}


def test_a_row_without_id_or_link_gets_the_same_key_in_every_export():
    first, _, _ = studio_row(
        {"caption": "Same  post", "posted_at": "2026-09-01 18:00", "views": 5}, zone=OSLO
    )
    again, _, _ = studio_row({"caption": "same post", "posted_at": "2026-09-01 18:00", "views": 9}, zone=OSLO)
    other, _, _ = studio_row({"caption": "same post", "posted_at": "2026-09-02 18:00", "views": 9}, zone=OSLO)
    assert first["video_id"] == again["video_id"] != other["video_id"]


def test_every_problem_of_a_row_is_named():
    _, _, problems = studio_row(
        {
            "caption": "x",
            "posted_at": "yesterday",
            "views": 1,
            "full_watch_rate": "150%",
            "average_watch_s": "soon",
        },
        zone=OSLO,
    )
    assert len(problems) == 3
    assert "posted_at 'yesterday' is not a time" in problems[0]


def test_an_xlsx_export_with_a_title_row_above_the_header_is_read(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "Overview"
    book.active.append(["Date", "Video views", "Profile views"])
    sheet = book.create_sheet("Content")
    sheet.append(["Content performance, last 60 days"])
    sheet.append(["Video title", "Post time", "Video views", "Likes"])
    sheet.append(["Would you eat this?", dt.datetime(2026, 9, 1, 18, 30), 1500.0, 120.0])
    path = tmp_path / "analytics.xlsx"
    book.save(path)
    found = sheet_read(path)
    assert found.rows[0].where == "row 3"
    row, _, problems = studio_row(found.rows[0].data, zone=OSLO)
    assert problems == [] and row["views"] == 1500
    assert row["posted_at"] == "2026-09-01T18:30:00+02:00"


def test_an_xlsx_without_a_per_post_sheet_is_refused_with_the_sheets_named(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "Overview"
    book.active.append(["Date", "Video views", "Profile views"])
    path = tmp_path / "overview.xlsx"
    book.save(path)
    with pytest.raises(FileRejected, match="sheets: Overview"):
        sheet_read(path)


def test_a_file_that_is_not_a_post_sheet_is_left_to_the_trend_readers(tmp_path):
    path = tmp_path / "trends.csv"
    path.write_text("video_id,caption\n1,hello\n")
    assert sheet_read(path) is None


def test_a_post_time_without_a_clock_time_is_kept_out_of_peak_hours():
    row, extras, _ = studio_row({"caption": "x", "posted_at": "2026-09-01", "views": 5}, zone=OSLO)
    assert row["posted_at"] == "2026-09-01T12:00:00+02:00"  # midday: the right local day in any zone
    assert extras["has_time"] is False
    _, extras, _ = studio_row({"caption": "x", "posted_at": "2026-09-01 00:00", "views": 5}, zone=OSLO)
    assert extras["has_time"] is True
