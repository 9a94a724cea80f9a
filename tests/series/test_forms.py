"""Bad input on the series form: each a clear error on the right field, nothing saved."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from series.forms import RescheduleForm, SeriesForm
from series.models import Part, Series

pytestmark = pytest.mark.django_db

START = dt.date.today() + dt.timedelta(days=7)


def form_data(**overrides) -> dict:
    data = {
        "title": "Meal prep",
        "topic": "budget meal prep",
        "niche": "food",
        "language": "en",
        "parts_count": "6",
        "cadence_kind": "per_week",
        "cadence_value": "3",
        "posting_time_mode": "fixed",
        "posting_time": "18:00",
        "timezone": "Europe/Oslo",
        "start_date": START.isoformat(),
        "end_date": "",
        "min_gap_hours": "12",
        "color": "#2563eb",
        "blackout_text": "",
        "hashtags_text": "#mealprep #Budget",
        "keywords_text": "meal prep, cheap lunch",
    }
    data.update(overrides)
    return data


def test_a_good_form_turns_into_series_fields():
    form = SeriesForm(
        data=form_data(allowed_weekdays=["0", "2", "4"], blackout_text="2027-12-24\n2027-12-25")
    )
    assert form.is_valid(), form.errors
    fields = form.model_fields()
    assert fields["allowed_weekdays"] == [0, 2, 4]
    assert fields["blackout_dates"] == ["2027-12-24", "2027-12-25"]
    assert fields["hashtags"] == ["mealprep", "budget"]
    assert fields["keywords"] == ["meal prep", "cheap lunch"]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"cadence_value": "0"}, "cadence_value", "The cadence must be at least 1"),
        ({"parts_count": "101"}, "parts_count", "at most 100 parts"),
        ({"parts_count": "0"}, "parts_count", "at least 1 part"),
        ({"timezone": "Mars/Olympus_Mons"}, "timezone", "“Mars/Olympus_Mons” is not a time zone we know"),
        (
            {"end_date": (START - dt.timedelta(days=1)).isoformat()},
            "end_date",
            "is before the start date",
        ),
        ({"cadence_value": "8"}, "cadence_value", "At most 7 posts per week"),
        (
            {"cadence_value": "3", "allowed_weekdays": ["1", "3"]},
            "allowed_weekdays",
            "3 posts a week need at least 3 posting days; you ticked 2",
        ),
        ({"posting_time": ""}, "posting_time", "Pick a posting time"),
        (
            {"blackout_text": "2027-13-01, tomorrow"},
            "blackout_text",
            "“2027-13-01”, “tomorrow” are not dates",
        ),
        ({"cadence_kind": "every_n_days", "cadence_value": "90"}, "cadence_value", "too rare"),
    ],
)
def test_bad_input_gets_a_clear_error_on_its_field(overrides, field, message):
    form = SeriesForm(data=form_data(**overrides))
    assert not form.is_valid()
    assert any(message in error for error in form.errors[field]), form.errors


def test_every_day_blacked_out_between_start_and_end_is_an_error():
    days = [(START + dt.timedelta(days=i)).isoformat() for i in range(3)]
    form = SeriesForm(
        data=form_data(end_date=(START + dt.timedelta(days=2)).isoformat(), blackout_text=",".join(days))
    )
    assert not form.is_valid()
    assert "Every day from the start to the end date" in form.errors["blackout_text"][0]


@pytest.mark.parametrize(
    "overrides",
    [
        {"cadence_value": "0"},
        {"parts_count": "101"},
        {"timezone": "Nowhere/City"},
        {"end_date": (START - dt.timedelta(days=3)).isoformat()},
    ],
)
def test_a_bad_post_saves_nothing_and_shows_the_form_again(owner_client, overrides):
    response = owner_client.post(reverse("series:series_create"), form_data(**overrides))
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Series.objects.exists() and not Part.objects.exists()


def test_a_schedule_that_cannot_fit_is_a_form_error_and_saves_nothing(owner_client):
    days = [(START + dt.timedelta(days=i)).isoformat() for i in range(1, 7)]
    data = form_data(
        parts_count="4", end_date=(START + dt.timedelta(days=6)).isoformat(), blackout_text=" ".join(days)
    )
    response = owner_client.post(reverse("series:series_create"), data)
    assert response.status_code == 200
    errors = response.context["form"].non_field_errors()
    assert "The schedule does not fit, so nothing was saved:" in errors
    assert any("Part 2: no free posting day on or before the end date" in e for e in errors)
    assert "nothing was saved" in response.content.decode()
    assert not Series.objects.exists() and not Part.objects.exists()


def test_the_reschedule_form_refuses_a_time_that_does_not_exist():
    form = RescheduleForm(
        data={"date": "2027-03-28", "time": "02:30", "mode": "only_this"}, timezone_name="Europe/Oslo"
    )
    assert not form.is_valid()
    assert "does not exist on 28 Mar 2027" in form.non_field_errors()[0]


def test_the_reschedule_form_gives_an_aware_local_time():
    form = RescheduleForm(
        data={"date": "2027-11-07", "time": "09:00", "mode": "shift_rest"}, timezone_name="America/New_York"
    )
    assert form.is_valid()
    assert form.cleaned_data["when"].utcoffset() == dt.timedelta(hours=-5)


def test_a_colour_that_is_not_hex_is_refused():
    form = SeriesForm(data=form_data(color="red"))
    assert not form.is_valid() and "Pick a colour" in form.errors["color"][0]
