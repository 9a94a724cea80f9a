"""A move that would put a part out of its numbered order asks first: keep the order by moving the
later parts along, renumber to follow the calendar, or move anyway. Nothing moves until then."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from series.content import part_title, teaser
from series.models import Part, Series
from series.order import move_order_conflict, series_renumber_by_calendar
from tests.series.factories import OSLO

pytestmark = pytest.mark.django_db

TOPIC = "sourdough bread"


def local_day(days_ahead: int) -> date:
    return timezone.now().astimezone(OSLO).date() + timedelta(days=days_ahead)


def at(day: date) -> datetime:
    return datetime.combine(day, time(18, 0), tzinfo=OSLO)


@pytest.fixture
def series(owner):
    """Six parts with Hookline's own titles and teasers, every other day from day 10."""
    series = Series.objects.create(
        owner=owner, title="Sourdough", topic=TOPIC, language="en", parts_count=6,
        start_date=local_day(10), timezone="Europe/Oslo",
    )  # fmt: skip
    for n in range(1, 7):
        Part.objects.create(
            series=series,
            number=n,
            title=part_title(n, 6),
            teaser=teaser(topic=TOPIC, number=n, total=6),
            caption_draft=f"Day one\nPart {n}/6: Sourdough",
            scheduled_at=at(local_day(8 + 2 * n)),
            status=Part.Status.SCRIPTED,
        )
    return series


def part(series, number: int) -> Part:
    return series.parts.get(number=number)


def move(client, moved: Part, day: date, **extra):
    data = {"date": day.isoformat(), "view": "month", "month": f"{day:%Y-%m}", **extra}
    return client.post(reverse("series:part_move", args=[moved.pk]), data, headers={"HX-Request": "true"})


def test_a_move_between_its_neighbours_needs_no_question(series):
    assert move_order_conflict(part=part(series, 3), when=at(local_day(15))) is None


def test_part_one_after_part_six_overtakes_the_five_and_may_shift_or_renumber(series):
    first = part(series, 1)
    conflict = move_order_conflict(part=first, when=at(local_day(25)))
    assert [p.number for p in conflict.overtakes] == [2, 3, 4, 5, 6]
    assert conflict.undercuts == []
    assert conflict.can_shift
    assert conflict.renumbered[first.pk] == 6
    assert "after Part 2/6 … Part 6/6" in conflict.summary


def test_part_two_before_part_one_cannot_be_fixed_by_shifting_the_later_parts(series):
    conflict = move_order_conflict(part=part(series, 2), when=at(local_day(9)))
    assert [p.number for p in conflict.undercuts] == [1]
    assert not conflict.can_shift
    assert conflict.renumbered  # parts 1 and 2 swap numbers


def test_a_posted_part_never_changes_number(series):
    posted = part(series, 1)
    posted.status = Part.Status.POSTED
    posted.save()
    conflict = move_order_conflict(part=part(series, 2), when=at(local_day(9)))
    assert conflict.renumbered == {}


def test_dropping_part_one_after_part_six_asks_and_moves_nothing(owner_client, series):
    first = part(series, 1)
    before = {p.pk: p.scheduled_at for p in series.parts.all()}

    response = move(owner_client, first, local_day(25))

    html = response.content.decode()
    assert response.status_code == 409
    assert {p.pk: p.scheduled_at for p in series.parts.all()} == before
    assert "would go out after Part 2/6" in html
    assert 'name="order" value="shift"' in html
    assert 'name="order" value="renumber"' in html
    assert 'name="order" value="anyway"' in html
    assert "teaser" in html


def test_the_plain_form_asks_the_same_question(owner_client, series):
    first = part(series, 1)
    url = reverse("series:part_move", args=[first.pk])
    response = owner_client.post(url, {"date": local_day(25).isoformat()})
    assert response.status_code == 409
    assert "Move a part" in response.content.decode()
    assert 'name="order" value="renumber"' in response.content.decode()


def test_keeping_the_order_moves_the_later_parts_along(owner_client, series):
    first = part(series, 1)
    assert move(owner_client, first, local_day(25), order="shift").status_code == 200
    times = [p.scheduled_at for p in series.parts.order_by("number")]
    assert times[0] == at(local_day(25))
    assert times == sorted(times)


def test_renumbering_follows_the_calendar_and_rewrites_hooklines_own_texts(owner_client, series):
    first, second = part(series, 1), part(series, 2)
    second.teaser = "My own teaser: see you Friday"
    second.save()

    assert move(owner_client, first, local_day(25), order="renumber").status_code == 200

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.number == 6 and first.title == "Part 6/6"
    assert first.teaser == teaser(topic=TOPIC, number=6, total=6)  # the farewell now
    assert "Part 6/6: Sourdough" in first.caption_draft
    assert second.number == 1 and second.title == "Part 1/6"
    assert second.teaser == "My own teaser: see you Friday"  # the creator's words stay
    numbers_in_time_order = [p.number for p in series.parts.order_by("scheduled_at")]
    assert numbers_in_time_order == [1, 2, 3, 4, 5, 6]


def test_moving_anyway_moves_only_the_part(owner_client, series):
    first = part(series, 1)
    assert move(owner_client, first, local_day(25), order="anyway").status_code == 200
    first.refresh_from_db()
    assert first.number == 1 and first.scheduled_at == at(local_day(25))
    assert part(series, 2).scheduled_at == at(local_day(12))


def test_renumbering_a_series_already_in_order_changes_nothing(series):
    assert series_renumber_by_calendar(series=series) == []
