"""Fixtures for creator posts: an export written like TikTok Studio's Content download."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.core.cache import cache

STUDIO_HEADER = [
    "Video title", "Video link", "Post time", "Total likes", "Total comments", "Total shares",
    "Total views", "Total play time", "Average watch time", "Watched full video (%)",
]  # fmt: skip


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()  # the trend-wide rhythm is cached per process
    yield
    cache.clear()


def studio_csv(rows: list[list], *, header=STUDIO_HEADER, delimiter: str = ",") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def studio_rows(
    count: int, *, hour: int, start=dt.datetime(2026, 9, 1), views=1000, first_id=7300000000000000000
):
    """`count` posts at `hour` local time, one a day from `start`."""
    rows = []
    for i in range(count):
        when = start + dt.timedelta(days=i, hours=hour)
        rows.append(
            [f"Post {i} #food", f"https://www.tiktok.com/@me/video/{first_id + i}", when.strftime("%Y-%m-%d %H:%M"),
             views // 10, 5, 2, views, "1h", "7.5s", "12%"]
        )  # fmt: skip
    return rows
