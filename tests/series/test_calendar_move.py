"""Moving one part: drag and drop (htmx POST) or the plain form; POST only, owner only, clear errors."""

from __future__ import annotations

import html as html_lib
import json
import re
from datetime import date, datetime, time, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from series.models import Part
from tests.series.factories import OSLO, make_bare_series, make_part

pytestmark = pytest.mark.django_db


def local_day(days_ahead: int) -> date:
    return timezone.now().astimezone(OSLO).date() + timedelta(days=days_ahead)


def at(day: date, hour: int = 18, minute: int = 30) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=OSLO)


@pytest.fixture
def series(owner):
    return make_bare_series(owner, title="Sourdough basics")


@pytest.fixture
def part(series):
    return make_part(series, 1, at(local_day(10)), title="Part 1/6: the starter")


def move_url(part: Part) -> str:
    return reverse("series:part_move", args=[part.pk])


def test_dropping_a_part_on_another_day_keeps_its_local_time_and_moves_only_it(owner_client, series, part):
    sibling = make_part(series, 2, at(local_day(16)))  # after the target: the order holds
    target = local_day(14)

    response = owner_client.post(
        move_url(part),
        {"date": target.isoformat(), "view": "month", "month": f"{target:%Y-%m}"},
        headers={"HX-Request": "true"},
    )

    part.refresh_from_db()
    sibling.refresh_from_db()
    html = response.content.decode()
    assert response.status_code == 200
    assert part.scheduled_at == at(target)
    assert part.scheduled_at.astimezone(OSLO).time() == time(18, 30)
    assert sibling.scheduled_at == at(local_day(16))
    assert '<div id="calendar"' in html
    assert "<html" not in html
    assert "Moved “Part 1/6: the starter” to" in html
    assert f'data-date="{target.isoformat()}"' in html
    assert "is-moved" in html


def test_the_plain_form_moves_the_part_and_returns_to_the_calendar(owner_client, part):
    target = local_day(11)
    calendar = f"{reverse('series:calendar')}?month=2026-01"

    response = owner_client.post(
        move_url(part), {"date": target.isoformat(), "time": "07:15", "next": calendar}
    )

    part.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == calendar
    assert part.scheduled_at == at(target, 7, 15)
    follow = owner_client.get(response["Location"])
    assert "Moved “Part 1/6: the starter”" in follow.content.decode()


def test_an_offsite_next_is_ignored(owner_client, part):
    target = local_day(11)

    response = owner_client.post(
        move_url(part), {"date": target.isoformat(), "next": "https://evil.example/"}
    )

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('series:calendar')}?month={target:%Y-%m}"


def test_the_form_page_is_prefilled_and_a_get_moves_nothing(owner_client, part):
    before = part.scheduled_at

    response = owner_client.get(move_url(part), {"date": local_day(20).isoformat()})

    part.refresh_from_db()
    html = response.content.decode()
    assert response.status_code == 200
    assert part.scheduled_at == before
    assert f'value="{local_day(10).isoformat()}"' in html
    assert 'value="18:30"' in html
    assert "Only this part moves" in html


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_it_rejects_other_methods(owner_client, part, method):
    assert getattr(owner_client, method)(move_url(part)).status_code == 405


def test_it_needs_the_csrf_token(owner, part):
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    before = part.scheduled_at

    response = client.post(
        move_url(part), {"date": local_day(12).isoformat()}, headers={"HX-Request": "true"}
    )

    part.refresh_from_db()
    assert response.status_code == 403
    assert part.scheduled_at == before


def test_it_accepts_the_csrf_token_in_the_header_as_calendar_js_sends_it(owner, part):
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    page = client.get(reverse("series:calendar"))
    token = page.context["csrf_token"]

    response = client.post(
        move_url(part),
        {"date": local_day(12).isoformat()},
        headers={"HX-Request": "true", "X-CSRFToken": str(token)},
    )

    part.refresh_from_db()
    assert response.status_code == 200
    assert part.scheduled_at == at(local_day(12))


def test_another_creators_part_is_not_found(client, other, part):
    client.force_login(other)
    before = part.scheduled_at

    assert client.get(move_url(part)).status_code == 404
    assert client.post(move_url(part), {"date": local_day(12).isoformat()}).status_code == 404
    part.refresh_from_db()
    assert part.scheduled_at == before


def test_anonymous_visitors_are_sent_to_sign_in(client, part):
    response = client.post(move_url(part), {"date": local_day(12).isoformat()})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"date": "31/12/2026"}, "Enter the new date as YYYY-MM-DD"),
        ({"date": "2026-02-30"}, "Enter the new date as YYYY-MM-DD"),
        ({}, "Choose the day to move this part to."),
        ({"date": "1066-10-14"}, "Pick a date between 1970 and 2100."),
        ({"date": "2026-12-01", "time": "25:00"}, "Enter the time as HH:MM"),
    ],
)
def test_a_bad_date_gets_a_clear_error_and_moves_nothing(owner_client, part, data, message):
    before = part.scheduled_at

    response = owner_client.post(move_url(part), data)

    part.refresh_from_db()
    assert response.status_code == 400
    assert message in response.content.decode()
    assert part.scheduled_at == before


def test_a_refused_drop_shows_the_reason_in_the_calendar(owner_client, part):
    before = part.scheduled_at

    response = owner_client.post(
        move_url(part),
        {"date": "not-a-date", "view": "month", "month": "2026-11"},
        headers={"HX-Request": "true"},
    )

    part.refresh_from_db()
    html = response.content.decode()
    assert response.status_code == 422
    assert '<div id="calendar"' in html
    assert "<html" not in html
    assert "Could not move “Part 1/6: the starter”: Enter the new date as YYYY-MM-DD" in html
    assert part.scheduled_at == before


def test_a_drop_into_the_past_is_refused(owner_client, part):
    response = owner_client.post(
        move_url(part), {"date": local_day(-3).isoformat()}, headers={"HX-Request": "true"}
    )

    assert response.status_code == 422
    assert "has already passed" in response.content.decode()


def test_a_drop_too_close_to_another_post_is_refused(owner_client, owner, part):
    neighbour = make_part(make_bare_series(owner, title="Gym"), 1, at(local_day(15), 20, 0))

    response = owner_client.post(
        move_url(part), {"date": local_day(15).isoformat()}, headers={"HX-Request": "true"}
    )

    part.refresh_from_db()
    assert response.status_code == 422
    assert "within 12 h of" in response.content.decode()
    assert part.scheduled_at == at(local_day(10))
    assert neighbour.scheduled_at == at(local_day(15), 20, 0)


def test_a_posted_part_cannot_be_moved(owner_client, series):
    posted = make_part(series, 3, at(local_day(-5)), status=Part.Status.POSTED, posted_at=at(local_day(-5)))

    response = owner_client.post(move_url(posted), {"date": local_day(5).isoformat()})

    posted.refresh_from_db()
    assert response.status_code == 400
    assert "already posted" in response.content.decode()
    assert posted.scheduled_at == at(local_day(-5))


def test_an_unplaced_part_needs_a_time(owner_client, series):
    idea = make_part(series, 4, None, status=Part.Status.IDEA)

    response = owner_client.post(move_url(idea), {"date": local_day(5).isoformat()})
    assert response.status_code == 400
    assert "no time yet" in response.content.decode()

    response = owner_client.post(move_url(idea), {"date": local_day(5).isoformat(), "time": "09:00"})
    idea.refresh_from_db()
    assert response.status_code == 302
    assert idea.scheduled_at == at(local_day(5), 9, 0)


def test_a_time_skipped_by_daylight_saving_is_explained(owner, part):
    from series.calendar_forms import PartMoveForm

    # Oslo springs forward from 02:00 to 03:00 on 28 March 2027.
    form = PartMoveForm({"date": "2027-03-28", "time": "02:30"}, part=part, zone=OSLO)

    assert not form.is_valid()
    assert "02:30 does not exist on 28 March 2027 in Europe/Oslo" in form.errors["time"][0]


def test_a_move_across_daylight_saving_keeps_the_wall_clock_time(owner, part):
    from series.calendar_forms import PartMoveForm

    part.scheduled_at = datetime(2027, 3, 20, 18, 30, tzinfo=OSLO)  # CET
    form = PartMoveForm({"date": "2027-04-02"}, part=part, zone=OSLO)  # CEST

    assert form.is_valid(), form.errors
    assert form.cleaned_data["scheduled_at"].astimezone(OSLO).time() == time(18, 30)
    assert form.cleaned_data["scheduled_at"].utcoffset() == timedelta(hours=2)


def test_a_drop_in_the_week_view_answers_with_that_week(owner_client, part):
    target = local_day(11)
    week = f"{target:%G-W%V}"

    response = owner_client.post(
        move_url(part),
        {"date": target.isoformat(), "view": "week", "week": week},
        headers={"HX-Request": "true"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert '<div id="calendar" class="cal cal-view-week"' in html
    assert f'data-param="{week}"' in html
    assert f'data-date="{target.isoformat()}"' in html


def test_a_drop_with_a_mangled_view_parameter_still_answers_with_a_calendar(owner_client, part):
    response = owner_client.post(
        move_url(part),
        {"date": local_day(11).isoformat(), "view": "month", "month": "<script>"},
        headers={"HX-Request": "true"},
    )

    html = response.content.decode()
    assert response.status_code == 200  # the move itself was fine
    assert '<div id="calendar"' in html
    assert "“&lt;script&gt;” is not a month" in html  # explained, and escaped
    assert "<script>" not in html


def test_the_form_page_of_a_posted_part_says_it_cannot_move(owner_client, series):
    posted = make_part(series, 3, at(local_day(-5)), status=Part.Status.POSTED, posted_at=at(local_day(-5)))

    html = owner_client.get(move_url(posted)).content.decode()

    assert "already posted" in html
    assert 'name="date"' not in html


def test_a_drop_offers_an_undo_that_puts_the_part_back(owner_client, part):
    target = local_day(13)
    response = owner_client.post(
        move_url(part),
        {"date": target.isoformat(), "view": "month", "month": f"{target:%Y-%m}"},
        headers={"HX-Request": "true"},
    )
    button = re.search(
        r'<button [^>]*class="link-button cal-undo" hx-post="([^"]+)" hx-vals="([^"]+)"',
        response.content.decode(),
    )
    assert button is not None
    undo_values = json.loads(html_lib.unescape(button[2]))
    assert undo_values == {
        "date": local_day(10).isoformat(),
        "time": "18:30",
        "view": "month",
        "month": f"{target:%Y-%m}",
    }

    owner_client.post(button[1], undo_values, headers={"HX-Request": "true"})

    part.refresh_from_db()
    assert part.scheduled_at == at(local_day(10))
