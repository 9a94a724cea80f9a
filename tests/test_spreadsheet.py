"""config.spreadsheet.csv_safe: the one rule every CSV export follows against formulas."""

from __future__ import annotations

import datetime as dt

import pytest

import captions.batch
import seo.corpus.export
import series.export
from config.spreadsheet import csv_safe


@pytest.mark.parametrize(
    "value", ["=1+1", "+SUM(A1)", "+47", "-2+3", "@cmd", "\tx", "\r=1", '=HYPERLINK("http://x")']
)
def test_formula_like_cells_are_defused(value):
    assert csv_safe(value) == "'" + value


@pytest.mark.parametrize(
    ("value", "expected"),
    [("#pasta #dinner", "#pasta #dinner"), ("ok", "ok"), (87, "87"), (None, ""), ("", "")],
)
def test_plain_cells_are_kept(value, expected):
    assert csv_safe(value) == expected


def test_dates_are_written_in_iso_8601():
    moment = dt.datetime(2026, 3, 1, 18, 30, tzinfo=dt.UTC)
    assert csv_safe(moment) == "2026-03-01T18:30:00+00:00"
    assert csv_safe(dt.date(2026, 3, 1)) == "2026-03-01"


def test_every_csv_export_uses_this_one_rule():
    # The plan export, the staff trend export and the batch scores: no copy of their own.
    assert series.export.csv_safe is csv_safe
    assert seo.corpus.export.csv_safe is csv_safe
    assert captions.batch.csv_safe is csv_safe
