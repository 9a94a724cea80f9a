"""Column mappings for exports Hookline does not know: the guess, the checks, and presets
on the command line."""

from __future__ import annotations

import openpyxl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from seo.corpus.importing import trend_import
from seo.corpus.importing.mapping import columns_guess, mapping_problems
from seo.models import ImportPreset, TrendPost

pytestmark = pytest.mark.django_db

SHEET_CSV = (
    "Post ID;Date posted;Description;Video views;Likes;Account\n"
    "101;2025-05-20 03:07:40;Crispy potatoes #airfryer;1.4M;1200;@kitchenlab\n"
    "102;2025-05-21;Leg day #gymtok;5000;;lifter\n"
)
SHEET_MAPPING = {
    "Post ID": "video_id",
    "Date posted": "posted_at",
    "Description": "caption",
    "Video views": "views",
    "Likes": "likes",
    "Account": "author",
}


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Video views", "views"),
        ("Plays", "views"),
        ("playCount", "views"),
        ("Caption", "caption"),
        ("Description", "caption"),
        ("text", "caption"),
        ("Date posted", "posted_at"),
        ("createTimeISO", "posted_at"),
        ("Video ID", "video_id"),
        ("diggCount", "likes"),
        ("Favourites", "saves"),
        ("Sound name", "sound"),
        ("Video link", "url"),
    ],
)
def test_a_column_is_guessed_from_its_name(header, field):
    assert columns_guess([header]) == {header: field}


def test_each_field_goes_to_one_column_and_unclear_names_are_left_alone():
    guess = columns_guess(["Plays", "Video views", "Video", "Notes", "Caption"])
    assert guess == {"Video views": "views", "Caption": "caption"} or guess == {
        "Plays": "views",
        "Caption": "caption",
    }
    assert "Video" not in guess and "Notes" not in guess


def test_a_mapping_without_a_caption_or_with_a_field_twice_is_refused_with_reasons():
    problems = mapping_problems({"Plays": "views", "Video views": "views", "Post": "video_id"})
    assert "Views is chosen for 2 columns ('Plays' and 'Video views'); pick one." in problems
    assert any(p.startswith("No column is mapped to caption") for p in problems)
    assert mapping_problems(SHEET_MAPPING) == []


def test_a_semicolon_csv_imports_through_a_mapping(tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_text(SHEET_CSV, encoding="utf-8")
    assert "missing required columns" in trend_import(paths=[path]).errors[0]["message"]
    report = trend_import(paths=[path], file_format=SHEET_MAPPING)
    assert report.imported and report.created == 2, report.errors
    post = TrendPost.objects.get(video_id="101")
    assert (post.views, post.likes, post.author, post.caption) == (
        1_400_000,
        1200,
        "kitchenlab",
        "Crispy potatoes #airfryer",
    )


def test_a_workbook_imports_through_a_mapping_and_errors_keep_their_rows(tmp_path):
    book = openpyxl.Workbook()
    for row in [["Description", "Post ID", "Plays"], ["hi #a", "1", 10], ["there #b", "2", "many"]]:
        book.active.append(row)
    book.save(tmp_path / "m.xlsx")
    mapping = {"Description": "caption", "Post ID": "video_id", "Plays": "views"}
    report = trend_import(paths=[tmp_path / "m.xlsx"], file_format=mapping)
    assert not report.imported and report.errors[0]["line"] == 3 and report.errors[0]["field"] == "views"
    assert trend_import(paths=[tmp_path / "m.xlsx"], file_format=mapping, skip_invalid=True).created == 1


def test_a_mapping_whose_columns_the_file_lacks_rejects_the_file_by_name(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("id,body\n1,x\n", encoding="utf-8")
    report = trend_import(paths=[path], file_format=SHEET_MAPPING)
    assert not report.imported
    assert "caption from column 'Description'" in report.errors[0]["message"]


def test_the_command_imports_through_a_saved_preset(tmp_path, capsys):
    ImportPreset.objects.create(name="agency sheet", columns=SHEET_MAPPING)
    path = tmp_path / "sheet.csv"
    path.write_text(SHEET_CSV, encoding="utf-8")
    call_command("import_trends", str(path), "--preset", "agency sheet", "--source", "agency")
    assert TrendPost.objects.filter(source="agency").count() == 2


def test_the_command_refuses_an_unknown_preset_or_a_preset_with_a_format(tmp_path):
    ImportPreset.objects.create(name="agency sheet", columns=SHEET_MAPPING)
    path = tmp_path / "sheet.csv"
    path.write_text(SHEET_CSV, encoding="utf-8")
    with pytest.raises(CommandError, match="No import preset named 'nope' \\(presets: agency sheet\\)"):
        call_command("import_trends", str(path), "--preset", "nope")
    with pytest.raises(CommandError, match="not both"):
        call_command("import_trends", str(path), "--preset", "agency sheet", "--format", "csv")
    assert not TrendPost.objects.exists()
