"""The calendar's small print reads at 4.5:1: series names on chips, outside and empty days."""

from __future__ import annotations

import pytest

from tests.browser.conftest import signed_in_context
from tests.browser.contrast import low_contrast

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SMALL_PRINT = [
    ".cal-chip-series",
    ".cal-chip-title",
    ".cal-chip-time",
    ".cal-day.is-outside .cal-date",
    ".cal-day-empty",
    ".cal-weekdays li",
]


def test_chip_text_and_the_grey_of_outside_and_empty_days_reach_aa(browser, live_server, owner, client):
    from series.demo import demo_series_create

    series = demo_series_create(user=owner)[0]
    first = series.parts.order_by("number").first()
    page = signed_in_context(browser, live_server, client, owner).new_page()
    problems = []
    for path in (
        f"/series/calendar/?month={first.scheduled_at:%Y-%m}",
        f"/series/calendar/week/?week={first.scheduled_at:%G-W%V}",
    ):
        page.goto(f"{live_server.url}{path}")
        assert page.locator(".cal-chip-series").count() > 0
        for selector in SMALL_PRINT:
            problems += [f"{path}: {found}" for found in low_contrast(page, selector)]
    assert not problems, "\n".join(problems)
