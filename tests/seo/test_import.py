from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from seo.corpus.curation import hashtag_merge
from seo.corpus.importing import trend_import
from seo.models import Hashtag, PostHashtag, TrendPost

pytestmark = pytest.mark.django_db

HEADER = "video_id,caption,hashtags,author,views,likes,comments,shares,saves,posted_at,region,language,sound,duration_s,url"
GOOD = [
    '1,"Crispy potatoes in 15 min #Food #airfryer",#food #recipe,@kitchenlab,1.4M,"120,000",3.1K,900,,2025-05-20 03:07:40,no,EN,original sound,21,https://www.tiktok.com/@kitchenlab/video/1',
    "2,Leg day again #gymtok,,liftwithlena,2000,100,10,5,5,2025-05-21T10:00:00+02:00,US,en,Gym Phonk,,",
]


def csv_file(tmp_path: Path, *lines: str, name: str = "trends.csv", header: str = HEADER) -> Path:
    path = tmp_path / name
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return path


def test_it_imports_csv_rows_with_parsed_counts_dates_and_tags(tmp_path):
    report = trend_import(paths=[csv_file(tmp_path, *GOOD)])
    assert (report.rows_read, report.created, report.updated, report.errors) == (2, 2, 0, [])
    post = TrendPost.objects.get(video_id="1")
    assert (post.views, post.likes, post.comments, post.saves) == (1_400_000, 120_000, 3100, None)
    assert post.author == "kitchenlab" and post.region == "NO" and post.language == "en"
    assert post.posted_at.isoformat() == "2025-05-20T03:07:40+00:00"
    assert post.engagement_rate == pytest.approx((120_000 + 3100 + 900) / 1_400_000)
    assert sorted(post.hashtags.values_list("name", flat=True)) == ["airfryer", "food", "recipe"]
    assert Hashtag.objects.get(name="food").post_count == 1
    assert TrendPost.objects.get(video_id="2").posted_at.isoformat() == "2025-05-21T08:00:00+00:00"


def test_it_ignores_extra_columns_and_accepts_any_column_order(tmp_path):
    path = csv_file(tmp_path, "note,#tag,9,Reversed columns", header="extra,hashtags,video_id,caption")
    report = trend_import(paths=[path])
    assert report.created == 1
    assert TrendPost.objects.get(video_id="9").caption == "Reversed columns"


def test_it_updates_instead_of_duplicating_on_reimport_and_replaces_tag_links(tmp_path):
    trend_import(paths=[csv_file(tmp_path, *GOOD)])
    changed = GOOD[0].replace("#food #recipe", "#dinner").replace("1.4M", "2M")
    report = trend_import(paths=[csv_file(tmp_path, changed, GOOD[1], name="again.csv")])
    assert (report.created, report.updated) == (0, 2)
    assert TrendPost.objects.count() == 2
    post = TrendPost.objects.get(video_id="1")
    assert post.views == 2_000_000
    assert sorted(post.hashtags.values_list("name", flat=True)) == ["airfryer", "dinner", "food"]
    assert Hashtag.objects.get(name="recipe").post_count == 0


def test_it_keeps_the_same_video_apart_under_another_source(tmp_path):
    path = csv_file(tmp_path, *GOOD)
    trend_import(paths=[path])
    trend_import(paths=[path], source="other")
    assert TrendPost.objects.count() == 4


def test_it_links_posts_to_the_canonical_tag_never_the_alias(tmp_path):
    foryou = Hashtag.objects.create(name="foryou")
    page = Hashtag.objects.create(name="foryoupage")
    hashtag_merge(canonical=foryou, others=[page])
    trend_import(paths=[csv_file(tmp_path, "5,Hello #foryoupage #ForYou", header="video_id,caption")])
    post = TrendPost.objects.get(video_id="5")
    assert list(post.hashtags.values_list("name", flat=True)) == ["foryou"]
    assert Hashtag.objects.get(name="foryou").post_count == 1
    assert not PostHashtag.objects.filter(hashtag=page).exists()


def test_a_dry_run_reports_without_writing(tmp_path):
    report = trend_import(paths=[csv_file(tmp_path, *GOOD)], dry_run=True)
    assert (report.rows_read, report.created, report.updated, report.imported) == (2, 2, 0, True)
    assert "dry run" in report.summary
    assert not TrendPost.objects.exists() and not Hashtag.objects.exists()


def test_it_reads_json_lines_with_the_same_keys(tmp_path):
    path = tmp_path / "trends.jsonl"
    rows = [
        {
            "video_id": "j1",
            "caption": "Tacos #Taco",
            "hashtags": ["mat", "#Oppskrift"],
            "views": "541.2K",
            "likes": 10,
        },
        {"video_id": 42, "caption": "No tags", "posted_at": "2025-05-01"},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n\n", encoding="utf-8")
    report = trend_import(paths=[path])
    assert (report.created, report.errors) == (2, [])
    post = TrendPost.objects.get(video_id="j1")
    assert post.views == 541_200
    assert sorted(post.hashtags.values_list("name", flat=True)) == ["mat", "oppskrift", "taco"]
    assert TrendPost.objects.filter(video_id="42").exists()


def test_it_detects_json_lines_by_content_when_the_extension_says_nothing(tmp_path):
    path = tmp_path / "export.data"
    path.write_text('{"video_id": "x1", "caption": "hi"}\n', encoding="utf-8")
    assert trend_import(paths=[path]).created == 1


def test_the_command_prints_a_report_and_imports(tmp_path, capsys):
    call_command("import_trends", str(csv_file(tmp_path, *GOOD)), "--source", "cli")
    out = capsys.readouterr().out
    assert "Rows read: 2" in out and "Created 2" in out
    assert TrendPost.objects.filter(source="cli").count() == 2


def test_the_command_fails_when_errors_stopped_the_import(tmp_path, capsys):
    path = csv_file(tmp_path, GOOD[0], "3,bad,,,-5,,,,,,,,,,")
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_trends", str(path))
    assert "line 3: views '-5' is negative" in capsys.readouterr().out
    assert not TrendPost.objects.exists()


def test_the_command_dry_run_writes_nothing(tmp_path, capsys):
    call_command("import_trends", str(csv_file(tmp_path, *GOOD)), "--dry-run")
    assert "Would create 2" in capsys.readouterr().out
    assert not TrendPost.objects.exists()


def test_it_imports_the_shared_trend_csv_cleanly(shared_trends_csv):
    report = trend_import(paths=[shared_trends_csv])
    assert (report.rows_read, report.created, report.error_count) == (5780, 5780, 0)
    assert TrendPost.objects.count() == 5780
    again = trend_import(paths=[shared_trends_csv])
    assert (again.created, again.updated) == (0, 5780)
    assert TrendPost.objects.count() == 5780


def link_foreign_keys() -> set[str]:
    from django.db import connection

    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, PostHashtag._meta.db_table)
    return {name for name, info in found.items() if info["foreign_key"]}


@pytest.mark.parametrize("bad_row", [False, True])
def test_a_big_postgresql_import_restores_the_link_foreign_keys(tmp_path, monkeypatch, bad_row):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the bulk path (suspended foreign keys) is PostgreSQL only")
    monkeypatch.setattr("seo.corpus.importing.service.BULK_ROWS", 1)
    before = link_foreign_keys()
    lines = [*GOOD, "3,bad,,,-1,,,,,,,,,,"] if bad_row else GOOD
    report = trend_import(paths=[csv_file(tmp_path, *lines)])
    assert report.imported is not bad_row
    assert link_foreign_keys() == before and len(before) == 2
    assert PostHashtag.objects.count() == (0 if bad_row else 4)


def test_it_keeps_tabs_backslashes_and_line_breaks_in_text_verbatim(tmp_path):
    # The PostgreSQL writer builds COPY text itself, so its escaping must round-trip.
    path = tmp_path / "odd.jsonl"
    caption = "tab\there back\\slash \\N not null\r\nsecond line #Odd"
    path.write_text(
        json.dumps({"video_id": "v\\1", "caption": caption, "sound": "a\tb", "author": ""}) + "\n"
    )
    report = trend_import(paths=[path])
    assert report.created == 1, report.errors
    post = TrendPost.objects.get(video_id="v\\1")
    assert (post.caption, post.sound, post.author, post.views) == (caption.strip(), "a\tb", "", None)
    assert list(post.hashtags.values_list("name", flat=True)) == ["odd"]


def test_tags_in_any_script_survive_staging_and_publishing(tmp_path):
    line = '8,Món ngon #ẩmthực #fypシ゚ #Рецепты,"#ViệtNam, #おすすめ",,,,,,,,,,,,'
    trend_import(paths=[csv_file(tmp_path, line)])
    post = TrendPost.objects.get(video_id="8")
    assert sorted(post.hashtags.values_list("name", flat=True)) == sorted(
        ["việtnam", "おすすめ", "ẩmthực", "fypシ゚", "рецепты"]
    )
