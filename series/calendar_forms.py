"""The calendar's move form: a part to a new local day, keeping its local time unless a new one is given."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from django import forms

from series.calendar import MAX_YEAR, MIN_YEAR
from series.models import Part


def local_datetime(day: date, at: time, zone: ZoneInfo) -> datetime | None:
    """The aware datetime for a local wall-clock time, or None when the clocks skip it (DST gap).

    An ambiguous time (clocks go back) means its first occurrence, as zoneinfo's fold=0 does.
    """
    candidate = datetime.combine(day, at, tzinfo=zone)
    round_trip = candidate.astimezone(UTC).astimezone(zone)
    if round_trip.replace(tzinfo=None) != candidate.replace(tzinfo=None):
        return None
    return candidate


class PartMoveForm(forms.Form):
    date = forms.DateField(
        label="New date",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": "Choose the day to move this part to.",
            "invalid": "Enter the new date as YYYY-MM-DD, for example 2026-12-03.",
        },
    )
    time = forms.TimeField(
        label="Time",
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text="Leave empty to keep the part's current time.",
        error_messages={"invalid": "Enter the time as HH:MM, for example 18:30."},
    )

    def __init__(self, *args, part: Part, zone: ZoneInfo, **kwargs) -> None:
        self.part = part
        self.zone = zone
        initial = kwargs.pop("initial", None) or {}
        if part.scheduled_at:
            local = part.scheduled_at.astimezone(zone)
            initial = {"date": local.date(), "time": local.time().replace(second=0, microsecond=0), **initial}
        super().__init__(*args, initial=initial, **kwargs)

    def clean_date(self) -> date:
        day = self.cleaned_data["date"]
        if not MIN_YEAR <= day.year <= MAX_YEAR:
            raise forms.ValidationError(f"Pick a date between {MIN_YEAR} and {MAX_YEAR}.")
        return day

    def clean(self) -> dict:
        cleaned = super().clean()
        if self.part.status == Part.Status.POSTED:
            raise forms.ValidationError(
                "This part is already posted; its date is history and cannot be moved.", code="posted"
            )
        day, at = cleaned.get("date"), cleaned.get("time")
        if day is None or self.has_error("time"):
            return cleaned
        if at is None:
            if self.part.scheduled_at is None:
                self.add_error("time", "This part has no time yet: choose one.")
                return cleaned
            at = self.part.scheduled_at.astimezone(self.zone).time()
        moved = local_datetime(day, at, self.zone)
        if moved is None:
            self.add_error(
                "time" if cleaned.get("time") else None,
                f"{at:%H:%M} does not exist on {day:%-d %B %Y} in {self.zone.key}: the clocks jump "
                "forward that night. Choose another time.",
            )
            return cleaned
        cleaned["scheduled_at"] = moved
        return cleaned
