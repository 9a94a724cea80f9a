"""CSV export of a creator's plan: one row per part, local and UTC times side by side."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from series.models import Part

HEADER = [
    "series",
    "part",
    "title",
    "status",
    "local_date",
    "local_time",
    "timezone",
    "scheduled_at_utc",
    "hook_prompt",
    "teaser",
    "caption_draft",
]
# A cell starting with one of these is a formula to a spreadsheet; a quote makes it text.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _safe(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def plan_csv(parts: Iterable[Part]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for part in parts:
        series = part.series
        local = part.scheduled_at.astimezone(ZoneInfo(series.timezone)) if part.scheduled_at else None
        writer.writerow(
            [
                _safe(series.title),
                part.number,
                _safe(part.title),
                part.status,
                local.date().isoformat() if local else "",
                local.strftime("%H:%M") if local else "",
                series.timezone,
                part.scheduled_at.isoformat() if part.scheduled_at else "",
                _safe(part.hook_prompt),
                _safe(part.teaser),
                _safe(part.caption_draft),
            ]
        )
    return out.getvalue()
