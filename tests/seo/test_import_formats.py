"""TikTok Research API responses and scraper dataset items, recognised by content."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from seo.corpus.importing import trend_import
from seo.models import TrendPost

pytestmark = pytest.mark.django_db


def research_video(video_id: int, **fields) -> dict:
    video = {
        "id": video_id,
        "video_description": f"Crispy potatoes number {video_id} #airfryer",
        "create_time": 1716174460,  # 2024-05-20T03:07:40Z
        "region_code": "no",
        "username": "kitchenlab",
        "view_count": 1400000,
        "like_count": 120000,
        "comment_count": 3100,
        "share_count": 900,
        "favorites_count": 4500,
        "hashtag_names": ["Food", "recipe"],
        "music_id": 7234567890123456789,
        "video_duration": 21,
        "voice_to_text": "today we make potatoes",
    }
    return {**video, **fields}


def research_page(*videos: dict, has_more: bool = False) -> dict:
    return {
        "data": {"videos": list(videos), "cursor": len(videos), "has_more": has_more, "search_id": "s1"},
        "error": {"code": "ok", "message": "", "log_id": "2024"},
    }


def scraper_item(video_id: str, **fields) -> dict:
    item = {
        "id": video_id,
        "text": f"Leg day {video_id} #gymtok",
        "createTime": 1716285600,
        "createTimeISO": "2024-05-21T10:00:00.000Z",
        "authorMeta": {"id": "66", "name": "liftwithlena", "fans": 1000},
        "musicMeta": {"musicName": "Gym Phonk", "musicAuthor": "dj"},
        "webVideoUrl": f"https://www.tiktok.com/@liftwithlena/video/{video_id}",
        "videoMeta": {"height": 1024, "width": 576, "duration": 14},
        "diggCount": 100,
        "shareCount": 5,
        "playCount": 2000,
        "collectCount": 7,
        "commentCount": 10,
        "hashtags": [{"name": "GymTok"}, {"name": "legday"}],
        "textLanguage": "en",
    }
    return {**item, **fields}


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def imported_ids() -> list[str]:
    return sorted(TrendPost.objects.values_list("video_id", flat=True))


def test_a_research_api_response_is_recognised_without_flags(tmp_path):
    # Pretty-printed as saved from the API, under a name that says nothing of its format.
    path = write(
        tmp_path, "download", json.dumps(research_page(research_video(7001), research_video(7002)), indent=2)
    )
    call_command("import_trends", str(path))
    assert imported_ids() == ["7001", "7002"]
    post = TrendPost.objects.get(video_id="7001")
    assert post.caption == "Crispy potatoes number 7001 #airfryer"
    assert (post.views, post.likes, post.comments, post.shares, post.saves) == (
        1_400_000,
        120_000,
        3100,
        900,
        4500,
    )
    assert post.posted_at.isoformat() == "2024-05-20T03:07:40+00:00"
    assert post.author == "kitchenlab" and post.region == "NO"
    assert post.sound == "7234567890123456789" and post.duration_s == 21
    assert post.url == "https://www.tiktok.com/@kitchenlab/video/7001"
    assert sorted(post.hashtags.values_list("name", flat=True)) == ["airfryer", "food", "recipe"]


def test_research_pages_as_json_lines_and_a_compact_page(tmp_path):
    pages = [
        research_page(research_video(1), research_video(2), has_more=True),
        research_page(research_video(3)),
        research_page(),  # the last page of a query may be empty
    ]
    path = write(tmp_path, "pages.txt", "".join(json.dumps(page) + "\n" for page in pages))
    report = trend_import(paths=[path])
    assert (report.rows_read, report.created, report.errors) == (3, 3, [])
    assert imported_ids() == ["1", "2", "3"]


def test_a_bare_list_of_research_videos_without_username_has_no_url(tmp_path):
    videos = [research_video(11), research_video(12, username=None, create_time="1716174460")]
    path = write(tmp_path, "videos.json", json.dumps(videos))
    report = trend_import(paths=[path])
    assert (report.rows_read, report.created, report.errors) == (2, 2, [])
    assert TrendPost.objects.get(video_id="12").url == ""
    assert TrendPost.objects.get(video_id="12").posted_at.isoformat() == "2024-05-20T03:07:40+00:00"


def test_research_ids_beyond_float_precision_are_kept_exactly(tmp_path):
    path = write(tmp_path, "big.json", json.dumps([research_video(7234567890123456789)]))
    trend_import(paths=[path])
    assert imported_ids() == ["7234567890123456789"]


def test_scraper_items_as_a_json_array(tmp_path):
    path = write(
        tmp_path,
        "dataset_tiktok-scraper.json",
        json.dumps([scraper_item("81"), scraper_item("82")], indent=1),
    )
    report = trend_import(paths=[path])
    assert (report.rows_read, report.created, report.errors) == (2, 2, [])
    post = TrendPost.objects.get(video_id="81")
    assert (post.views, post.likes, post.comments, post.shares, post.saves) == (2000, 100, 10, 5, 7)
    assert post.author == "liftwithlena" and post.sound == "Gym Phonk" and post.duration_s == 14
    assert post.language == "en" and post.url == "https://www.tiktok.com/@liftwithlena/video/81"
    assert post.posted_at.isoformat() == "2024-05-21T10:00:00+00:00"
    assert sorted(post.hashtags.values_list("name", flat=True)) == ["gymtok", "legday"]


def test_scraper_items_as_json_lines_with_only_unix_create_time(tmp_path):
    first = scraper_item("91")
    del first["createTimeISO"]
    path = write(tmp_path, "items.jsonl", json.dumps(first) + "\n" + json.dumps(scraper_item("92")) + "\n")
    report = trend_import(paths=[path])
    assert (report.rows_read, report.created, report.errors) == (2, 2, [])
    assert TrendPost.objects.get(video_id="91").posted_at.isoformat() == "2024-05-21T10:00:00+00:00"


def test_a_bad_research_video_is_reported_by_line_and_item_and_stops_the_import(tmp_path):
    page = research_page(research_video(1), research_video(2, view_count="lots"), research_video(3))
    path = write(
        tmp_path, "pages.jsonl", json.dumps(research_page(research_video(9))) + "\n" + json.dumps(page) + "\n"
    )
    report = trend_import(paths=[path])
    assert not report.imported and imported_ids() == []
    [error] = report.errors
    assert (error["line"], error["item"], error["field"]) == (2, 2, "views")
    assert "view_count" in error["message"] and "'lots'" in error["message"]


def test_skip_invalid_keeps_the_good_items_of_an_array(tmp_path):
    items = [
        scraper_item("1"),
        scraper_item("2", createTimeISO="yesterday"),
        {"text": "no id"},
        scraper_item("4"),
    ]
    path = write(tmp_path, "items.json", json.dumps(items, indent=2))
    report = trend_import(paths=[path], skip_invalid=True)
    assert (report.created, report.skipped) == (2, 2)
    assert [(e["item"], e.get("field")) for e in report.errors] == [(2, "posted_at"), (3, None)]
    assert report.errors[0]["line"] > 2, "the line an item starts on"
    assert "has no id" in report.errors[1]["message"]
    assert imported_ids() == ["1", "4"]


def test_a_duplicate_video_across_pages_names_the_first(tmp_path):
    lines = [
        json.dumps(research_page(research_video(5))),
        json.dumps(research_page(research_video(6), research_video(5))),
    ]
    report = trend_import(paths=[write(tmp_path, "dup.jsonl", "\n".join(lines))])
    assert "first on line 1, item 1" in report.errors[0]["message"]
    assert (report.errors[0]["line"], report.errors[0]["item"]) == (2, 2)


def test_a_research_error_response_is_reported(tmp_path):
    page = {"data": {}, "error": {"code": "invalid_params", "message": "Invalid max_count"}}
    report = trend_import(paths=[write(tmp_path, "error.json", json.dumps(page))])
    assert not report.imported and "Invalid max_count" in report.errors[0]["message"]


def test_a_bad_unix_time_is_a_field_error(tmp_path):
    path = write(tmp_path, "v.json", json.dumps([research_video(1, create_time=-5)]))
    report = trend_import(paths=[path])
    assert report.errors[0]["field"] == "posted_at" and "Unix seconds" in report.errors[0]["message"]


def test_a_malformed_json_array_rejects_the_file(tmp_path):
    path = write(tmp_path, "broken.json", json.dumps([scraper_item("1")])[:-5])
    report = trend_import(paths=[path])
    assert not report.imported and "malformed" in report.errors[0]["message"]


def test_the_command_prints_items_and_takes_format(tmp_path, capsys):
    path = write(tmp_path, "p.json", json.dumps(research_page(research_video(1, like_count=-1))))
    with pytest.raises(CommandError):
        call_command("import_trends", str(path))
    assert "line 1, item 1: likes (from like_count)" in capsys.readouterr().out
    # Forced: a scraper item read as research has no Research API fields, just the id.
    forced = write(tmp_path, "s.jsonl", json.dumps(scraper_item("3")) + "\n")
    call_command("import_trends", str(forced), "--format", "research")
    assert TrendPost.objects.get(video_id="3").caption == ""
    with pytest.raises(CommandError):
        call_command("import_trends", str(forced), "--format", "csv")


def test_canonical_json_lines_are_read_as_before(tmp_path):
    path = write(
        tmp_path, "t.jsonl", json.dumps({"video_id": "1", "caption": "hi", "hashtags": ["a"]}) + "\n"
    )
    report = trend_import(paths=[path], file_format="jsonl")
    assert report.created == 1 and report.errors == []


FLAT_HEADER = (
    "authorMeta/name,collectCount,commentCount,createTimeISO,diggCount,hashtags/0/name,hashtags/1/name,"
    "id,musicMeta/musicName,playCount,shareCount,text,textLanguage,videoMeta/duration,webVideoUrl"
)


def test_a_scrapers_flattened_csv_is_recognised_by_its_header(tmp_path):
    rows = [
        "liftwithlena,7,10,2024-05-21T10:00:00.000Z,100,GymTok,legday,81,Gym Phonk,2000,5,Leg day #gym,en,14,"
        "https://www.tiktok.com/@liftwithlena/video/81",
        "liftwithlena,,,2024-05-22T10:00:00.000Z,many,,,82,,9,,Rest day,un,,",
    ]
    path = write(tmp_path, "dataset.csv", "\n".join([FLAT_HEADER, *rows]) + "\n")
    report = trend_import(paths=[path], skip_invalid=True)
    assert (report.created, report.skipped) == (1, 1)
    assert (report.errors[0]["line"], report.errors[0]["field"]) == (3, "likes")
    assert "diggCount" in report.errors[0]["message"]
    post = TrendPost.objects.get(video_id="81")
    assert (post.author, post.views, post.saves, post.sound, post.duration_s) == (
        "liftwithlena",
        2000,
        7,
        "Gym Phonk",
        14,
    )
    assert sorted(post.hashtags.values_list("name", flat=True)) == ["gym", "gymtok", "legday"]


def test_a_semicolon_flattened_csv_and_flattened_json_keys(tmp_path):
    path = write(tmp_path, "d.csv", "id;text;authorMeta/name;playCount\n5;hei;ola;12\n")
    flat_json = write(tmp_path, "d.json", json.dumps([{"id": "6", "text": "hi", "authorMeta.name": "kari"}]))
    report = trend_import(paths=[path, flat_json])
    assert report.created == 2 and report.errors == []
    assert TrendPost.objects.get(video_id="5").author == "ola"
    assert TrendPost.objects.get(video_id="6").author == "kari"
