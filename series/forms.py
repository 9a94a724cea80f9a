"""Forms for series and parts: every bad input gets a message that says what to do."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo

from django import forms
from django.core.exceptions import ValidationError

from accounts.forms import timezone_names
from captions.models import LANGUAGE_CHOICES
from seo.text.hashtags import normalize_hashtag
from series.models import MAX_PARTS, Part, Series
from series.planner import WEEKDAY_NAMES
from series.services import RESCHEDULE_ONLY_THIS, RESCHEDULE_SHIFT_REST

MAX_EVERY_N_DAYS = 60
MAX_GAP_HOURS = 7 * 24
MAX_BLACKOUTS = 366
_HEX_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
WEEKDAY_CHOICES = [(str(i), name) for i, name in enumerate(WEEKDAY_NAMES)]


def timezone_valid(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError("Choose a time zone, such as Europe/Oslo.")
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            f"“{name}” is not a time zone we know. Use an IANA name such as Europe/Oslo or America/New_York."
        ) from None
    return name


def dates_parse(text: str) -> list[str]:
    """ISO dates separated by commas, spaces or new lines; sorted, without repeats."""
    found: set[str] = set()
    bad: list[str] = []
    for token in re.split(r"[\s,;]+", text or ""):
        if not token:
            continue
        try:
            found.add(dt.date.fromisoformat(token).isoformat())
        except ValueError:
            bad.append(token)
    if bad:
        shown = ", ".join(f"“{b}”" for b in bad[:5])
        raise ValidationError(
            f"{shown} {'is not a date' if len(bad) == 1 else 'are not dates'}: use YYYY-MM-DD."
        )
    if len(found) > MAX_BLACKOUTS:
        raise ValidationError(f"At most {MAX_BLACKOUTS} blackout dates, please.")
    return sorted(found)


def words_parse(text: str) -> list[str]:
    return [w.strip() for w in re.split(r"[,\n]+", text or "") if w.strip()][:20]


def hashtags_parse(text: str) -> list[str]:
    tags = [normalize_hashtag(t) for t in re.split(r"[\s,]+", text or "") if t.strip("# ")]
    return list(dict.fromkeys(t for t in tags if t))[:20]


class SeriesForm(forms.ModelForm):
    allowed_weekdays = forms.MultipleChoiceField(
        choices=WEEKDAY_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave all unticked to post on any day.",
    )
    blackout_text = forms.CharField(
        label="Blackout dates",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "placeholder": "2026-12-24, 2026-12-25"}),
        help_text="Days with no posting, as YYYY-MM-DD, separated by commas or new lines.",
    )
    hashtags_text = forms.CharField(
        label="Hashtags", required=False, help_text="Your own tags for every part, e.g. #mealprep #budget."
    )
    keywords_text = forms.CharField(
        label="Keywords", required=False, help_text="Words to get into every caption, separated by commas."
    )
    # A typed box with a list that filters as you type (600 zones are too many to scroll).
    timezone = forms.CharField(
        label="Time zone",
        max_length=64,
        help_text="Type a city to search, e.g. Oslo or New York. Posting times are in this zone.",
        widget=forms.TextInput(attrs={"list": "timezone-options", "autocomplete": "off"}),
    )
    language = forms.ChoiceField(label="Language of the captions", choices=LANGUAGE_CHOICES)
    parts_count = forms.IntegerField(
        required=False,
        label="Number of parts",
        help_text=f"1 to {MAX_PARTS}; leave empty for an open-ended series (planned 8 weeks ahead).",
        error_messages={"invalid": "Write the number of parts as a whole number."},
    )
    cadence_value = forms.IntegerField(
        label="How many", help_text="Posts per week, or the N of “every N days”."
    )

    class Meta:
        model = Series
        fields = [
            "title",
            "topic",
            "niche",
            "language",
            "parts_count",
            "cadence_kind",
            "cadence_value",
            "allowed_weekdays",
            "posting_time_mode",
            "posting_time",
            "timezone",
            "start_date",
            "end_date",
            "min_gap_hours",
            "color",
        ]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}),
            "end_date": forms.DateInput(attrs={"type": "date"}),
            "posting_time": forms.TimeInput(attrs={"type": "time"}),
            "color": forms.TextInput(attrs={"type": "color"}),
            "posting_time_mode": forms.RadioSelect,
        }
        help_texts = {"end_date": "Optional: every part must be out by then."}
        labels = {
            "cadence_kind": "How often",
            "posting_time_mode": "Posting time",
            "posting_time": "Time of day",
            "min_gap_hours": "Hours between posts",
            "color": "Colour on the calendar",
        }

    def __init__(self, *args, creator_language: str = "", creator_zone: str = "", **kwargs) -> None:
        """`creator_language` and `creator_zone` (the profile's, or detected) head their lists."""
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = _first(LANGUAGE_CHOICES, creator_language, self.instance.language)
        zones = timezone_names()
        self.timezone_options = list(dict.fromkeys([z for z in (creator_zone,) if z in zones] + zones))
        if self.instance.pk:
            self.initial.setdefault("blackout_text", "\n".join(self.instance.blackout_dates or []))
            self.initial.setdefault("hashtags_text", " ".join(f"#{t}" for t in self.instance.hashtags or []))
            self.initial.setdefault("keywords_text", ", ".join(self.instance.keywords or []))
            self.initial["allowed_weekdays"] = [str(d) for d in self.instance.allowed_weekdays or []]
        self.fields["color"].required = False
        self.fields[
            "min_gap_hours"
        ].help_text = "At least this many hours between any two of your posts, across all your series."

    def clean_color(self) -> str:
        """An empty colour keeps the series' own (a new series gets the next one in turn).

        The form writes its values onto the instance before the service validates it, so an
        empty value left as it is reached the model's full_clean as a blank colour (a 500).
        """
        color = (self.cleaned_data.get("color") or "").strip()
        if not color:
            return self.instance.color if self.instance.pk else ""
        if not _HEX_COLOR.match(color):
            raise ValidationError("Pick a colour, such as #1f6feb.")
        return color.lower()

    def clean_timezone(self) -> str:
        return timezone_valid(self.cleaned_data.get("timezone", ""))

    def clean_parts_count(self) -> int | None:
        value = self.cleaned_data.get("parts_count")
        if value is None:
            return None
        if value < 1:
            raise ValidationError("A series needs at least 1 part (or leave it empty for open-ended).")
        if value > MAX_PARTS:
            raise ValidationError(f"A series has at most {MAX_PARTS} parts; split a longer one into seasons.")
        return value

    def clean_cadence_value(self) -> int:
        value = self.cleaned_data.get("cadence_value")
        if value is None or value < 1:
            raise ValidationError("The cadence must be at least 1: one post a week, or every 1 day.")
        return value

    def clean_min_gap_hours(self) -> int:
        value = self.cleaned_data.get("min_gap_hours")
        if value is None or not 0 <= value <= MAX_GAP_HOURS:
            raise ValidationError(f"The minimum gap is 0 to {MAX_GAP_HOURS} hours.")
        return value

    def clean_allowed_weekdays(self) -> list[int]:
        return sorted({int(d) for d in self.cleaned_data.get("allowed_weekdays") or []})

    def clean_blackout_text(self) -> list[str]:
        return dates_parse(self.cleaned_data.get("blackout_text", ""))

    def clean_hashtags_text(self) -> list[str]:
        return hashtags_parse(self.cleaned_data.get("hashtags_text", ""))

    def clean_keywords_text(self) -> list[str]:
        return words_parse(self.cleaned_data.get("keywords_text", ""))

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error(
                "end_date", f"The end date {end:%d %b %Y} is before the start date {start:%d %b %Y}."
            )
        kind, value = data.get("cadence_kind"), data.get("cadence_value")
        weekdays = data.get("allowed_weekdays") or []
        if kind == Series.CadenceKind.PER_WEEK and value:
            if value > 7:
                self.add_error("cadence_value", "At most 7 posts per week: one a day, in the same time slot.")
            elif weekdays and value > len(weekdays):
                self.add_error(
                    "allowed_weekdays",
                    f"{value} posts a week need at least {value} posting days; you ticked {len(weekdays)}.",
                )
        if kind == Series.CadenceKind.EVERY_N_DAYS and value and value > MAX_EVERY_N_DAYS:
            self.add_error(
                "cadence_value", f"Every {value} days is too rare; at most every {MAX_EVERY_N_DAYS}."
            )
        if data.get("posting_time_mode") == Series.PostingTimeMode.FIXED and not data.get("posting_time"):
            self.add_error(
                "posting_time", "Pick a posting time, or choose auto (your audience's peak hours)."
            )
        blackouts = set(data.get("blackout_text") or [])
        if start and end and start <= end and _every_day_blocked(start, end, blackouts):
            self.add_error("blackout_text", "Every day from the start to the end date is a blackout date.")
        return data

    def model_fields(self) -> dict:
        """The cleaned values as Series field values, for the services."""
        data = self.cleaned_data
        fields = {name: data.get(name) for name in self.Meta.fields if name in data}
        fields["allowed_weekdays"] = data.get("allowed_weekdays") or []
        fields["blackout_dates"] = data.get("blackout_text") or []
        fields["hashtags"] = data.get("hashtags_text") or []
        fields["keywords"] = data.get("keywords_text") or []
        if fields.get("posting_time_mode") == Series.PostingTimeMode.AUTO:
            fields["posting_time"] = None
        if not fields.get("color"):
            fields.pop("color", None)
        return fields


def _first(choices: list[tuple[str, str]], *codes: str) -> list[tuple[str, str]]:
    """The choices with the given codes first (in that order), then the rest by name.

    A code the list does not know (a series saved in another language) is kept as itself."""
    names = dict(choices)
    head = [code for code in dict.fromkeys(codes) if code]
    rest = sorted((c for c in names if c not in head), key=lambda c: names[c])
    return [(code, names.get(code, code)) for code in [*head, *rest]]


def _every_day_blocked(start: dt.date, end: dt.date, blackouts: set[str]) -> bool:
    day = start
    while day <= end:
        if day.isoformat() not in blackouts:
            return False
        day += dt.timedelta(days=1)
    return True


class PartForm(forms.ModelForm):
    class Meta:
        model = Part
        fields = ["title", "status", "hook_prompt", "teaser", "caption_draft"]
        widgets = {
            "hook_prompt": forms.Textarea(attrs={"rows": 2}),
            "teaser": forms.Textarea(attrs={"rows": 2}),
            "caption_draft": forms.Textarea(attrs={"rows": 5}),
        }


class RescheduleForm(forms.Form):
    date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    time = forms.TimeField(widget=forms.TimeInput(attrs={"type": "time"}))
    mode = forms.ChoiceField(
        label="What moves",
        choices=[
            (RESCHEDULE_ONLY_THIS, "Move only this part"),
            (RESCHEDULE_SHIFT_REST, "Move this part and shift the later parts by as many days"),
        ],
        initial=RESCHEDULE_ONLY_THIS,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, timezone_name: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.timezone_name = timezone_name

    def clean(self) -> dict:
        data = super().clean()
        day, at = data.get("date"), data.get("time")
        if day and at:
            tz = zoneinfo.ZoneInfo(self.timezone_name)
            naive = dt.datetime.combine(day, at)
            local = naive.replace(tzinfo=tz)
            if local.astimezone(dt.UTC).astimezone(tz).replace(tzinfo=None) != naive:
                raise ValidationError(
                    f"{at:%H:%M} does not exist on {day:%d %b %Y} in {self.timezone_name}: "
                    "the clocks go forward that night. Pick another time."
                )
            data["when"] = local
        return data
