from __future__ import annotations

import datetime as dt

import pytest

from seo.corpus.importing.values import FieldError, parse_count, parse_datetime


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1234", 1234), ("1,234", 1234), ("1.4M", 1_400_000), ("541.2K", 541_200), ("2B", 2_000_000_000),
     ("", None), ("  ", None), (None, None), (17, 17), (1400000.0, 1_400_000), ("3k", 3000)],
)  # fmt: skip
def test_it_reads_plain_separated_and_abbreviated_counts(raw, expected):
    assert parse_count(raw) == expected


@pytest.mark.parametrize("raw", ["-5", "lots", "1.2.3", "12.5", "1e6", "M", -3])
def test_it_rejects_negative_and_non_numeric_counts(raw):
    with pytest.raises(FieldError):
        parse_count(raw)


def test_it_reads_iso_dates_as_utc_unless_an_offset_is_given():
    assert parse_datetime("2025-05-20 03:07:40") == dt.datetime(2025, 5, 20, 3, 7, 40, tzinfo=dt.UTC)
    assert parse_datetime("2025-05-20T03:07:40Z") == dt.datetime(2025, 5, 20, 3, 7, 40, tzinfo=dt.UTC)
    with_offset = parse_datetime("2025-05-20T05:07:40+02:00")
    assert with_offset == dt.datetime(2025, 5, 20, 3, 7, 40, tzinfo=dt.UTC)
    assert parse_datetime("") is None


@pytest.mark.parametrize("raw", ["yesterday", "20/05/2025", "2025-13-01"])
def test_it_rejects_unparseable_dates(raw):
    with pytest.raises(FieldError):
        parse_datetime(raw)
