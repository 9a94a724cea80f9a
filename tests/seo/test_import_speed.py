"""The importer's fast paths give what the full parsers and the per-row detector gave."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from seo.corpus.importing import trend_import
from seo.corpus.importing.languages import languages_fill
from seo.corpus.importing.rows import TEXT_LIMITS, PostRow, row_clean
from seo.corpus.importing.seen import SeenIds
from seo.corpus.importing.values import FieldError, parse_count, parse_text
from seo.corpus.importing.writers import TagResolver
from seo.models import Hashtag, TrendPost
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
