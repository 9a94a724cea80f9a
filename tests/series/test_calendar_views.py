"""Calendar pages: who may see them, navigation parameters, the htmx partial."""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import profile_for
from series.calendar import week_param
from series.models import Part
from tests.series.factories import make_bare_series, make_part, oslo

pytestmark = pytest.mark.django_db

MONTH_URL = reverse("series:calendar")
WEEK_URL = reverse("series:calendar_week")


@pytest.fixture
def plan(owner, other):
    mine = make_bare_series(owner, title="Sourdough basics", color="#2563eb")
    theirs = make_bare_series(other, title="Secret plan", color="#db2777")
    return {
        "part": make_part(mine, 1, oslo(2026, 11, 10, 18, 30), title="Part 1/6: the starter"),
        "idea": make_part(mine, 2, oslo(2026, 11, 12), status=Part.Status.IDEA, title="Part 2/6: feeding"),
        "posted": make_part(
            mine, 3, oslo(2026, 11, 3), status=Part.Status.POSTED, posted_at=oslo(2026, 11, 3), title="Part 0"
        ),
        "theirs": make_part(theirs, 1, oslo(2026, 11, 10), title="Their part"),
    }


def test_it_sends_anonymous_visitors_to_sign_in(client):
    for url in (MONTH_URL, WEEK_URL):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_the_month_shows_the_owners_parts_with_series_and_status(owner_client, plan):
    response = owner_client.get(MONTH_URL, {"month": "2026-11"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Part 1/6: the starter" in html
    assert "18:30" in html
    assert "Sourdough basics" in html
    assert 'class="cal-chip cal-status-scheduled' in html
    assert 'class="cal-chip cal-status-idea' in html
    assert 'cal-chip-status-label">Idea<' in html  # status in words, not colour alone
    assert "--chip-bg: #2563eb; --chip-fg: #ffffff;" in html
    assert "Their part" not in html
    assert "Secret plan" not in html


def test_each_movable_part_has_a_move_link_and_a_drag_handle_but_posted_parts_do_not(owner_client, plan):
    html = owner_client.get(MONTH_URL, {"month": "2026-11"}).content.decode()
    move_url = reverse("series:part_move", args=[plan["part"].pk])
    posted_url = reverse("series:part_move", args=[plan["posted"].pk])

    assert f'href="{move_url}?next=' in html
    assert f'data-move-url="{move_url}"' in html
    assert posted_url not in html
    assert "cal-status-posted" in html


def test_today_is_highlighted_in_the_creators_time_zone(owner_client, owner):
    profile = profile_for(owner)
    profile.timezone = "Pacific/Kiritimati"  # UTC+14: a day ahead of UTC for half of every day
    profile.save()
    today = timezone.now().astimezone(ZoneInfo("Pacific/Kiritimati")).date()

    html = owner_client.get(MONTH_URL).content.decode()

    today_cell = re.search(rf'<li class="cal-day([^"]*)" data-date="{today.isoformat()}"', html)
    assert today_cell is not None
    assert "is-today" in today_cell[1]
    assert html.count('class="cal-today-label"') == 1
    assert "Pacific/Kiritimati" in html


def test_navigation_links_work_without_javascript_and_with_htmx(owner_client, plan):
    html = owner_client.get(MONTH_URL, {"month": "2026-11"}).content.decode()

    assert f'href="{MONTH_URL}?month=2026-10" hx-get="{MONTH_URL}?month=2026-10"' in html
    assert f'href="{MONTH_URL}?month=2026-12" hx-get="{MONTH_URL}?month=2026-12"' in html
    assert 'hx-push-url="true"' in html


def test_the_week_link_of_another_month_opens_that_months_first_week(owner_client):
    html = owner_client.get(MONTH_URL, {"month": "2030-05"}).content.decode()

    assert f'href="{WEEK_URL}?week=2030-W18"' in html  # 1 May 2030 is a Wednesday in ISO week 18


def test_htmx_gets_only_the_calendar_region(owner_client, plan):
    response = owner_client.get(MONTH_URL, {"month": "2026-12"}, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith("<title>Calendar · December 2026 · Hookline</title>")
    assert '<div id="calendar" class="cal cal-view-month"' in html
    assert "<html" not in html
    assert "<header" not in html  # not the page around the region
    assert "Consistency" in html


def test_a_history_restore_gets_the_whole_page(owner_client, plan):
    response = owner_client.get(
        MONTH_URL, {"month": "2026-12"}, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}
    )

    assert "<html" in response.content.decode()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"month": "2026-13"}, "has no month 13"),
        ({"month": "soon"}, "is not a month"),
        ({"month": "0001-01"}, "out of range"),
    ],
)
def test_a_bad_month_gets_a_clear_message_and_this_month(owner_client, params, message):
    response = owner_client.get(MONTH_URL, params)

    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert "Showing this month instead." in html
    assert "cal-grid-month" in html


@pytest.mark.parametrize(("value", "message"), [("2026-W60", "has no week 60"), ("W48", "is not a week")])
def test_a_bad_week_gets_a_clear_message_and_this_week(owner_client, value, message):
    response = owner_client.get(WEEK_URL, {"week": value})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert "Showing this week instead." in response.content.decode()


def test_the_week_view_lists_the_days_parts_with_times(owner_client, plan):
    response = owner_client.get(WEEK_URL, {"week": "2026-W46"})

    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-date="2026-11-09"' in html
    assert 'data-date="2026-11-15"' in html
    assert 'data-date="2026-11-16"' not in html
    assert "Part 1/6: the starter" in html
    assert "9 \N{EN DASH} 15 Nov" in html
    assert f'href="{MONTH_URL}?month=2026-11"' in html
    assert "Their part" not in html


def test_the_week_htmx_partial_is_the_region_only(owner_client, plan):
    response = owner_client.get(WEEK_URL, {"week": "2026-W46"}, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert html.lstrip().startswith("<title>Calendar · week 46, 2026 · Hookline</title>")
    assert '<div id="calendar" class="cal cal-view-week"' in html
    assert "<html" not in html


def test_the_month_marks_slots_that_passed_without_a_post(owner_client, owner):
    series = make_bare_series(owner)
    make_part(series, 1, oslo(2020, 3, 10), title="Long gone")

    html = owner_client.get(MONTH_URL, {"month": "2020-03"}).content.decode()

    assert "is-missed" in html
    assert "Not posted" in html


def test_the_panel_shows_the_streak_and_the_last_8_weeks(owner_client, owner):
    html = owner_client.get(MONTH_URL).content.decode()

    assert "Current streak" in html
    assert html.count('<th scope="row">') == 8
    assert "This week" in html


def test_an_empty_month_invites_planning(owner_client):
    html = owner_client.get(MONTH_URL, {"month": "2030-01"}).content.decode()

    assert "Nothing is planned for January 2030." in html
    assert reverse("series:series_list") in html


def test_it_only_answers_get(owner_client):
    assert owner_client.post(MONTH_URL).status_code == 405
    assert owner_client.post(WEEK_URL).status_code == 405


def test_week_links_from_the_current_month_open_this_week(owner_client, owner):
    today = timezone.now().astimezone(ZoneInfo(profile_for(owner).timezone)).date()

    html = owner_client.get(MONTH_URL).content.decode()

    assert f'href="{WEEK_URL}?week={week_param(today)}"' in html


def test_the_month_costs_a_fixed_number_of_queries_however_many_parts(
    owner_client, owner, django_assert_max_num_queries
):
    for index in range(3):
        series = make_bare_series(owner, title=f"Series {index}")
        for number in range(1, 21):
            make_part(series, number, oslo(2026, 11, 1 + (number % 28), 8 + index))

    # session, user, profile (created on first use), parts for the grid, parts for the panel, feed token,
    # the rhythm's own posts and its trend-wide figure (cached for an hour, creator_posts.rhythm)
    with django_assert_max_num_queries(12):
        response = owner_client.get(MONTH_URL, {"month": "2026-11"})

    assert response.content.decode().count('class="cal-chip ') == 60
