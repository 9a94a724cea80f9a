"""Files an outside audit sent the importer: huge numbers, deep JSON, UTF-16, semicolons and
lines of a megabyte. Each bad row is reported on its own line; the good rows still go in."""

from __future__ import annotations

import json

import pytest

from seo.corpus.importing import lines as lines_module
from seo.corpus.importing import service, trend_import, writers
from seo.corpus.importing.lines import LineReader
from seo.corpus.importing.seen import SeenIds
from seo.models import TrendPost

from .test_import import GOOD, HEADER, csv_file

pytestmark = pytest.mark.django_db


def imported_ids() -> list[str]:
    return sorted(TrendPost.objects.values_list("video_id", flat=True))


def test_a_count_too_large_for_the_column_is_an_error_on_its_line(tmp_path):
    path = csv_file(tmp_path, GOOD[0], "7,caption,,,99999999999999999999,,,,,,,,,,", GOOD[1])
    report = trend_import(paths=[path], skip_invalid=True)
    assert report.errors == [
        {
            "line": 3,
            "field": "views",
            "message": "views '99999999999999999999' is too large (at most 9,223,372,036,854,775,807)",
        }
    ]
    assert imported_ids() == ["1", "2"]


def test_a_count_of_five_thousand_digits_is_an_error_on_its_line(tmp_path):
    path = csv_file(tmp_path, GOOD[0], f"7,caption,,,{'9' * 5000},,,,,,,,,,")
    jsonl = tmp_path / "trends.jsonl"
    jsonl.write_text(
        json.dumps({"video_id": "8", "caption": "x", "likes": "1" * 5000})
        + "\n"
        + f'{{"video_id": "9", "caption": "x", "views": {"1" * 5000}}}\n'
        + json.dumps({"video_id": "10", "caption": "fine"})
        + "\n"
    )
    report = trend_import(paths=[path, jsonl], skip_invalid=True)
    messages = [(e["line"], e["message"]) for e in report.errors]
    assert messages[0][0] == 3 and "too long to be a count" in messages[0][1]
    assert messages[1][0] == 1 and "too long to be a count" in messages[1][1]
    assert messages[2][0] == 2 and "not valid JSON" in messages[2][1]
    assert imported_ids() == ["1", "10"]


def test_json_nested_deeply_is_an_error_on_its_line(tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_text(
        "[" * 100_000 + "]" * 100_000 + "\n"  # over the line limit: not even parsed
        + '{"video_id": "1", "caption": ' + "[" * 20_000 + "]" * 20_000 + "}\n"
        + json.dumps({"video_id": "2", "caption": "fine"}) + "\n"
    )  # fmt: skip
    report = trend_import(paths=[path], skip_invalid=True)
    assert [e["line"] for e in report.errors] == [1, 2]
    assert "not read" in report.errors[0]["message"]
    assert "nested too deeply" in report.errors[1]["message"]
    assert imported_ids() == ["2"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_excel_unicode_text_in_utf16_with_tabs_is_imported(tmp_path, encoding):
    path = tmp_path / "trends.txt"
    rows = ["video_id\tcaption\tviews", "1\tKaffe på tur ☕ #friluftsliv\t1,2K", '2\t"Two\nlines"\t5']
    path.write_bytes("\r\n".join(rows).encode(encoding))  # "utf-16" writes a byte-order mark
    report = trend_import(paths=[path])
    assert report.errors == [] and imported_ids() == ["1", "2"]
    assert TrendPost.objects.get(video_id="1").caption == "Kaffe på tur ☕ #friluftsliv"
    assert TrendPost.objects.get(video_id="2").caption == "Two\nlines"


def test_a_semicolon_separated_csv_is_imported(tmp_path):
    path = tmp_path / "norsk.csv"
    path.write_bytes('\ufeffvideo_id;caption;views\n1;"Tur, fjell og kaffe";"1 200"\n'.encode())
    report = trend_import(paths=[path])
    assert report.errors == [] and TrendPost.objects.get().views == 1200


def test_a_missing_column_names_the_delimiter_it_read(tmp_path):
    path = tmp_path / "norsk.csv"
    path.write_text("video_id;tekst;visninger\n1;hei;5\n")
    report = trend_import(paths=[path])
    assert "missing required column caption" in report.errors[0]["message"]
    assert "separated by semicolons" in report.errors[0]["message"]


def test_a_megabyte_caption_skips_only_its_own_row(tmp_path):
    huge = "7," + "x" * 1_000_000 + ",,,,,,,,,,,,,"
    quoted = '8,"' + 'a ""quoted"" line\n' + "y" * 1_000_000 + '\nend",,,,,,,,,,,,,'
    path = csv_file(tmp_path, GOOD[0], huge, quoted, GOOD[1])
    report = trend_import(paths=[path], skip_invalid=True)
    assert [e["line"] for e in report.errors] == [3, 4]
    assert all("not read" in e["message"] for e in report.errors)
    assert "field limit" not in str(report.errors)
    assert imported_ids() == ["1", "2"], "the rows after the long ones are split where they should be"


def test_without_skip_invalid_a_long_row_still_stops_the_import(tmp_path):
    path = csv_file(tmp_path, GOOD[0], "7," + "x" * 100_000 + ",,,,,,,,,,,,,")
    report = trend_import(paths=[path])
    assert not report.imported and report.errors[0]["line"] == 3 and imported_ids() == []


def test_a_line_is_never_held_longer_than_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(lines_module, "MAX_LINE_BYTES", 100)
    monkeypatch.setattr(lines_module, "_SKIP_BYTES", 100)
    path = tmp_path / "one-line.csv"
    path.write_bytes(HEADER.encode() + b"\n" + b"z" * 1_000_000 + b'"\n1,ok\n')
    with path.open("rb") as handle:
        reader = LineReader(path, handle.read(100))
    read = []
    for line in reader:
        read.append((line.number, line.text, line.size, line.quotes))
        reader.record_start()
    assert read[1] == (2, None, 1_000_002, 1), "read past in chunks, only its size and quotes kept"
    assert read[2] == (3, "1,ok\n", 5, 0)


def test_a_utf16_file_without_a_byte_order_mark_is_read_by_its_nul_pattern(tmp_path):
    path = tmp_path / "trends.csv"
    path.write_bytes(f"{HEADER}\n{GOOD[1]}\n".encode("utf-16-le"))
    assert trend_import(paths=[path]).errors == [] and imported_ids() == ["2"]


def test_ids_of_written_chunks_leave_memory_but_are_still_checked():
    seen = SeenIds()
    assert seen.first_line("7001", 2) == 2
    seen.spill()
    assert seen.recent == {}, "a million-row file must not keep a million ids in a dict"
    assert (seen.first_line("7001", 9), seen.first_line("7002", 10), seen.first_line("7002", 11)) == (
        2,
        10,
        10,
    )
    seen.close()


def test_a_duplicate_id_in_a_later_chunk_is_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(service, "CHUNK_ROWS", 1)
    path = csv_file(tmp_path, GOOD[0], GOOD[1], GOOD[0])
    report = trend_import(paths=[path], skip_invalid=True)
    assert report.errors[0]["line"] == 4 and "first on line 2" in report.errors[0]["message"]
    assert imported_ids() == ["1", "2"]


def test_the_tag_cache_is_emptied_before_it_grows_past_its_bound(monkeypatch):
    monkeypatch.setattr(writers, "MAX_CACHED_TAGS", 2)
    tags = writers.TagResolver()
    tags.resolve(["a", "b", "c"])
    assert set(tags.resolve(["d"])) == {"d"}, "the earlier tags were dropped, the new one resolved"
