"""A new series gets a colour that none of the creator's series uses."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from series.demo import demo_series_create
from series.models import SERIES_COLORS, Series
from series.selectors import series_color_unused
from tests.series.factories import make_series, series_form_data

pytestmark = pytest.mark.django_db


def _offered_color(page: str) -> str:
    return re.search(r'<input type="color" name="color" value="(#[0-9a-f]{6})"', page)[1]


def test_the_form_offers_a_colour_the_demo_series_do_not_use(owner_client, owner):
    taken = {series.color for series in demo_series_create(user=owner)}
    page = owner_client.get(reverse("series:series_create")).content.decode()
    offered = _offered_color(page)
    assert offered not in taken
    assert offered == next(color for color in SERIES_COLORS if color not in taken)


def test_a_series_planned_with_the_offered_colour_stands_apart(owner_client, owner):
    make_series(owner, title="Blue one", color=SERIES_COLORS[0], now=timezone.now())
    offered = _offered_color(owner_client.get(reverse("series:series_create")).content.decode())
    data = series_form_data(start=timezone.localdate() + dt.timedelta(days=30), color=offered)
    assert owner_client.post(reverse("series:series_create"), data).status_code == 302
    assert Series.objects.get(title="Garden in 4").color != SERIES_COLORS[0]


def test_a_colour_freed_by_a_deleted_series_is_offered_again(owner):
    first, second, third = (
        make_series(owner, title=f"Series {n}", start_date=dt.date(2027, 2, n)) for n in (1, 2, 3)
    )
    assert [first.color, second.color, third.color] == SERIES_COLORS[:3]
    second.delete()
    # Counting series would hand out the fourth colour; the second is the free one.
    assert series_color_unused(owner=owner) == SERIES_COLORS[1]
    assert make_series(owner, title="Series 4", start_date=dt.date(2027, 2, 4)).color == SERIES_COLORS[1]


def test_when_every_colour_is_taken_the_least_used_comes_next(owner, other):
    for n, color in enumerate(SERIES_COLORS * 2 + SERIES_COLORS[:2], start=1):
        Series.objects.create(owner=owner, title=f"S{n}", color=color, start_date=dt.date(2027, 1, 1))
    make_series(other, title="Someone else's", color=SERIES_COLORS[2], start_date=dt.date(2027, 2, 1))
    assert series_color_unused(owner=owner) == SERIES_COLORS[2]
