"""The importer's fast paths give what the full parsers and the per-row detector gave."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from seo.corpus.curation import hashtag_merge
from seo.corpus.importing import trend_import
from seo.corpus.importing.languages import languages_fill
from seo.corpus.importing.rows import TEXT_LIMITS, PostRow, row_clean
from seo.corpus.importing.seen import SeenIds
from seo.corpus.importing.values import FieldError, parse_count, parse_datetime, parse_duration, parse_text
from seo.corpus.importing.writers import TagResolver, _copy_line, _copy_value
from seo.models import Hashtag, PostHashtag, TrendPost
from seo.text.language import detect_language

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
TRICKY_COUNTS = [
    "",
    " ",
    "0",
    "007",
    "12",
    " 12 ",
    "9" * 18,
    "9" * 19,
    "9" * 30,
    "\uff11\uff12",
    "²",
    "1,234",
    "1.4M",
    "-3",
]


@pytest.mark.parametrize("value", TRICKY_COUNTS)
def test_a_count_reads_as_the_full_parser_reads_it(value):
    try:
        expected: object = parse_count(value)
    except FieldError as exc:
        expected = f"views {exc}"
    cleaned = row_clean(1, {"video_id": "1", "caption": "x", "views": value, "language": "en"})
    got = cleaned.views if isinstance(cleaned, PostRow) else cleaned[0].message
    assert got == expected


SOUND_MAX = TEXT_LIMITS["sound"]


@pytest.mark.parametrize(
    "value", [None, "", "  padded  ", "x" * SOUND_MAX, "x" * (SOUND_MAX + 1), f" {'x' * SOUND_MAX} ", 42, 1.5]
)
def test_a_text_field_reads_as_the_full_parser_reads_it(value):
    try:
        expected: object = parse_text(value, max_length=SOUND_MAX)
    except FieldError as exc:
        expected = f"sound {exc}"
    cleaned = row_clean(1, {"video_id": "1", "caption": "x", "sound": value, "language": "en"})
    got = cleaned.sound if isinstance(cleaned, PostRow) else cleaned[0].message
    assert got == expected


def _row(caption: str, language: str = "") -> PostRow:
    data = {"video_id": "1", "caption": caption, "language": language}
    row = row_clean(1, data, detect=False)
    assert isinstance(row, PostRow)
    return row


def test_rows_without_a_language_get_the_per_row_answer_and_others_keep_theirs():
    captions = ["Min morgenrutine før jobb, lagre denne!", "How I meal prep for the whole week", "🔥🔥", ""]
    rows = [_row(c) for c in captions] + [_row("How I meal prep for the whole week"), _row("hola", "ES")]
    assert [r.language for r in rows] == ["", "", "", "", "", "es"]
    assert languages_fill(rows) == 4  # the repeated caption is read once
    assert [r.language for r in rows[:5]] == [
        detect_language(c, precise=False) for c in [*captions, captions[1]]
    ]
    assert rows[0].language == "nb" and rows[1].language == rows[4].language == "en"
    assert rows[5].language == "es"


@pytest.mark.django_db
def test_an_import_stores_the_detected_language(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("video_id,caption\n1,How I meal prep for the whole week\n2,Min morgenrutine før jobb\n")
    assert trend_import(paths=[path]).created == 2
    assert dict(TrendPost.objects.values_list("video_id", "language")) == {"1": "en", "2": "nb"}


@pytest.mark.skipif(not SHARED.exists(), reason="needs ../shared/data (the shared trend CSVs)")
@pytest.mark.parametrize("name", ["tiktok_trends_en.csv", "tiktok_trends_multi.csv"])
def test_batch_detection_agrees_with_the_per_row_detector_on_the_shared_files(name):
    with (SHARED / name).open(encoding="utf-8", newline="") as handle:
        captions = [row["caption"] for row in csv.DictReader(handle)][:3000]
    rows = [_row(caption) for caption in captions]
    languages_fill(rows)
    assert [r.language for r in rows] == [detect_language(c, precise=False) for c in captions]


def test_ids_seen_in_earlier_chunks_are_found_and_new_ones_skip_the_disk():
    seen = SeenIds()
    for n in range(20_000):
        seen.first_line(f"70{n}", n + 2)
        if n % 5000 == 4999:
            seen.spill()
    assert [seen.first_line(f"70{n}", 0) for n in (0, 4999, 19_999)] == [2, 5001, 20_001]
    new = [f"80{n}" for n in range(1000)]
    assert sum(seen._maybe_spilled(video_id) for video_id in new) < 10  # the disk is asked for these only
    assert [seen.first_line(video_id, 7) for video_id in new[:3]] == [7, 7, 7]
    seen.close()


@pytest.mark.django_db
def test_new_tags_get_the_models_defaults_and_existing_ones_are_kept():
    kept = Hashtag.objects.create(name="kept", niche="food", is_generic=True)
    names = [f"newtag{n}" for n in range(2500)]  # more than one INSERT statement
    resolver = TagResolver()
    ids = resolver.resolve({"kept", *names})
    assert ids["kept"] == kept.pk and resolver.created == len(names)
    expected = Hashtag(name="x")
    for tag in Hashtag.objects.filter(name__in=names[:3] + names[-3:]):
        assert (tag.canonical_id, tag.is_blocked, tag.is_generic, tag.niche, tag.post_count) == (
            expected.canonical_id, expected.is_blocked, expected.is_generic, expected.niche, expected.post_count
        )  # fmt: skip
        assert tag.created_at is not None and ids[tag.name] == tag.pk
    kept.refresh_from_db()
    assert (kept.niche, kept.is_generic) == ("food", True)
    assert resolver.resolve(["kept"])["kept"] == kept.pk and resolver.created == len(names)


COUNT_ROWS = [
    ("1", "22", "", "333", "0"),  # the quick path: blank or plain digits
    ("", "", "", "", ""),
    ("9" * 18, "1", "2", "3", "4"),
    ("9" * 19, "1", "2", "3", "4"),  # one too long: every cell through the full parser
    ("1,234", "1.4M", "", "7", "8"),
    (" 12 ", "\uff11\uff12", "²", "-3", "x"),
    ("1", "\uff11\uff12", "", "3", "4"),  # digits, but not ASCII ones
    ("²", "1", "", "", ""),
    (12, 3, None, 4.0, "5"),  # JSON values, not text
]


@pytest.mark.parametrize("cells", COUNT_ROWS)
def test_five_counts_read_together_as_the_full_parser_reads_each(cells):
    names = ("views", "likes", "comments", "shares", "saves")
    expected, messages = [], []
    for name, value in zip(names, cells, strict=True):
        try:
            expected.append(parse_count(value))
        except FieldError as exc:
            expected.append(None)
            messages.append(f"{name} {exc}")
    cleaned = row_clean(
        1, {"video_id": "1", "caption": "x", "language": "en", **dict(zip(names, cells, strict=True))}
    )
    if messages:
        assert [error.message for error in cleaned] == messages
    else:
        assert [getattr(cleaned, name) for name in names] == expected


@pytest.mark.parametrize(
    "value",
    [
        "2024-05-20 03:07:40", "2024-05-20T03:07:40Z", "2024-05-20T03:07:40+02:00", "2024-05-20",
        "2024-05-20T03:07:40.123456", " 2024-05-20 ", "2024-05-20\n", "20/05/2024", "", " ", None,
        "2024-02-30", "\uff12\uff10\uff12\uff14-05-20",
    ],
)  # fmt: skip
def test_a_date_reads_as_the_full_parser_reads_it(value):
    try:
        expected: object = parse_datetime(value)
    except FieldError as exc:
        expected = f"posted_at {exc}"
    cleaned = row_clean(1, {"video_id": "1", "caption": "x", "posted_at": value, "language": "en"})
    got = cleaned.posted_at if isinstance(cleaned, PostRow) else cleaned[0].message
    assert got == expected
    if isinstance(got, dt.datetime):
        assert got.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize("value", ["", None, " ", "15", "12s", "nan", "-1", 32.5])
def test_a_duration_reads_as_the_full_parser_reads_it(value):
    try:
        expected: object = parse_duration(value)
    except FieldError as exc:
        expected = f"duration_s {exc}"
    cleaned = row_clean(1, {"video_id": "1", "caption": "x", "duration_s": value, "language": "en"})
    got = cleaned.duration_s if isinstance(cleaned, PostRow) else cleaned[0].message
    assert got == expected


def _reference_copy_line(row: PostRow, head: str, tail: str, tags: dict) -> str:
    """A COPY line as the importer first built it: _copy_value for every field."""
    fields = (
        row.video_id, row.caption, row.author, row.views, row.likes, row.comments, row.shares, row.saves,
        row.engagement_rate, row.posted_at, row.region, row.language, row.sound, row.duration_s, row.url,
    )  # fmt: skip
    tag_ids = ",".join(map(str, dict.fromkeys(tags[name] for name in row.hashtags)))
    return f"{head}{chr(9).join(_copy_value(value) for value in fields)}{tail}{{{tag_ids}}}\n"


@pytest.mark.parametrize(
    "data",
    [
        {"caption": "plain #a #b", "views": "1000", "likes": "33", "posted_at": "2024-05-20 03:07:40"},
        {"caption": "tab\there", "sound": "a\\b", "duration_s": "32.5", "views": "3", "likes": "1"},
        {"caption": "line\r\nbreak #a", "url": "https://x/\\N", "posted_at": "2024-05-20T03:07:40+02:00"},
        {"caption": "aliases #a #alias #b", "author": "x\ty", "views": "7", "comments": "1"},
        {"caption": "no counts", "region": "no", "language": "NB", "duration_s": "0.1"},
        {"caption": "only a\nline break", "likes": "2"},
        {"caption": "x", "sound": "only a \r return"},
    ],
)
def test_a_copy_line_is_what_formatting_each_value_gives(data):
    row = row_clean(3, {"video_id": "v1", "language": "en", **data}, detect=False)
    assert isinstance(row, PostRow)
    tags = {"a": 10, "b": 11, "alias": 10}  # "alias" folds into the canonical tag of "a"
    head, tail = "src\t", "\t2026-12-08T00:00:00+00:00\t"
    line = _copy_line(row, head, tail, tags)
    assert line == _reference_copy_line(row, head, tail, tags)
    assert line.count("\t") == 17 and line.endswith("}\n") and "\n" not in line[:-1]


@pytest.mark.django_db
def test_created_and_updated_posts_link_each_canonical_tag_once(tmp_path):
    # On PostgreSQL a created post's links go in without ON CONFLICT: a tag met twice
    # through an alias must still be linked once, or the import fails.
    foryou, page = Hashtag.objects.create(name="foryou"), Hashtag.objects.create(name="foryoupage")
    hashtag_merge(canonical=foryou, others=[page])
    first = tmp_path / "first.csv"
    first.write_text("video_id,caption,hashtags\n1,Hi #foryoupage #ForYou,#foryou #x\n")
    assert trend_import(paths=[first]).created == 1
    second = tmp_path / "second.csv"
    second.write_text(
        "video_id,caption,hashtags\n1,Again #foryou,#foryoupage #y\n2,New #foryoupage,#foryou\n"
    )
    report = trend_import(paths=[second])
    assert (report.created, report.updated, report.errors) == (1, 1, [])
    links = sorted(PostHashtag.objects.values_list("post__video_id", "hashtag__name"))
    assert links == [("1", "foryou"), ("1", "y"), ("2", "foryou")]
    assert (
        Hashtag.objects.get(name="foryou").post_count == 2 and Hashtag.objects.get(name="x").post_count == 0
    )
