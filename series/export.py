"""CSV export of a creator's plan: one row per part, local and UTC times side by side."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from config.spreadsheet import csv_safe
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


def plan_csv(parts: Iterable[Part]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for part in parts:
        series = part.series
        local = part.scheduled_at.astimezone(ZoneInfo(series.timezone)) if part.scheduled_at else None
        writer.writerow(
            [
                csv_safe(series.title),
                part.number,
                csv_safe(part.title),
                part.status,
                local.date().isoformat() if local else "",
                local.strftime("%H:%M") if local else "",
                series.timezone,
                part.scheduled_at.isoformat() if part.scheduled_at else "",
                csv_safe(part.hook_prompt),
                csv_safe(part.teaser),
                csv_safe(part.caption_draft),
            ]
        )
    return out.getvalue()
