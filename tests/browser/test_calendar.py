"""The posting calendar in a real browser: plan a series through the form, see it on the month,
drag a part to another day. Screenshots go to test-artifacts/calendar*.png."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from tests.browser.conftest import ARTIFACTS, signed_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_context(browser, live_server, owner, client):
    # Tall enough that grid and target are both in view: Playwright's drag does not survive
    # a scroll in the middle of the gesture.
    return signed_in_context(browser, live_server, client, owner, height=1300)


def _history_for_the_panel(owner) -> None:
    """A second series with four weeks of posts behind it, so the consistency panel has a story.
    Made through the ORM: the form plans forward from today, never in the past."""
    from series.models import Part, Series
    from series.services import part_status_set

    zone = timezone.get_default_timezone()
    today = timezone.now().astimezone(zone).date()
    series = Series.objects.create(
        owner=owner,
        title="Gym myths, busted",
        color="#7c3aed",
        cadence_kind=Series.CadenceKind.PER_WEEK,
        cadence_value=1,
        start_date=today - timedelta(weeks=5),
        parts_count=8,
    )
    monday = today - timedelta(days=today.weekday())
    for number, weeks_back in enumerate([5, 3, 2, 1], start=1):
        slot = timezone.make_aware(
            timezone.datetime.combine(
                monday - timedelta(weeks=weeks_back, days=-2), timezone.datetime.min.time()
            )
        ).replace(hour=12)
        part = Part.objects.create(series=series, number=number, title=f"Myth {number}", scheduled_at=slot)
        part_status_set(part=part, status=Part.Status.POSTED, now=slot + timedelta(minutes=5))


def test_a_creator_plans_a_series_sees_it_on_the_month_and_drags_a_part(browser_context, live_server, owner):
    from series.models import Part

    _history_for_the_panel(owner)
    page = browser_context.new_page()

    # Plan a series through the planner's own form, at a fixed evening slot.
    page.goto(f"{live_server.url}/series/new/")
    page.fill("#id_title", "Sourdough from scratch")
    page.check("input[name='posting_time_mode'][value='fixed']")
    page.fill("#id_posting_time", "18:00")
    page.click("main button:has-text('Plan the series')")
    page.wait_for_selector("text=is planned")
    parts = list(Part.objects.filter(series__title="Sourdough from scratch").order_by("number"))
    assert len(parts) == 6

    zone = timezone.get_default_timezone()  # the owner's profile zone is the default, Europe/Oslo
    first = parts[0]
    first_local = first.scheduled_at.astimezone(zone)
    page.goto(f"{live_server.url}/series/calendar/?month={first_local:%Y-%m}")
    chip = page.locator(f"#calendar [data-part-id='{first.pk}']")
    assert chip.count() == 1
    assert first.title in chip.inner_text()
    home = page.locator(f"#calendar .cal-day[data-date='{first_local.date().isoformat()}']")
    assert home.locator(f"[data-part-id='{first.pk}']").count() == 1

    # A free day after it, still on the grid, away from every other post.
    taken = {p.scheduled_at.astimezone(zone).date() for p in Part.objects.filter(series__owner=owner)}
    shown = page.eval_on_selector_all("#calendar .cal-day", "days => days.map(d => d.dataset.date)")
    target = next(
        day
        for day in shown
        if day > first_local.date().isoformat()
        and all(abs((timezone.datetime.fromisoformat(day).date() - t).days) >= 1 for t in taken)
    )

    chip.drag_to(page.locator(f"#calendar .cal-day[data-date='{target}']"))
    page.wait_for_selector("#calendar .cal-chip.is-moved")

    first.refresh_from_db()
    moved_local = first.scheduled_at.astimezone(zone)
    assert moved_local.date().isoformat() == target
    assert moved_local.time() == first_local.time()  # the part kept its local time
    assert Part.objects.get(pk=parts[1].pk).scheduled_at == parts[1].scheduled_at  # only it moved
    assert page.locator(f"#calendar .cal-day[data-date='{target}'] [data-part-id='{first.pk}']").count() == 1
    assert home.locator(f"[data-part-id='{first.pk}']").count() == 0
    assert "Moved “" in page.locator("#calendar .cal-message").inner_text()

    page.mouse.move(0, 0)
    page.evaluate("window.scrollTo(0, 0)")  # the sticky header belongs at the top of a full-page picture
    page.wait_for_timeout(1800)  # let the "moved" highlight fade before the picture
    page.screenshot(path=str(ARTIFACTS / "calendar.png"), full_page=True)

    # Undo puts it back where it was.
    page.click("#calendar button.cal-undo")
    page.wait_for_selector(
        f"#calendar .cal-day[data-date='{first_local.date().isoformat()}'] [data-part-id='{first.pk}']"
    )
    first.refresh_from_db()
    assert first.scheduled_at.astimezone(zone) == first_local

    # htmx navigation swaps the region and updates the address and the title.
    title = page.title()
    page.click("#calendar a[rel='next']")
    page.wait_for_url("**month=**")
    page.wait_for_function("t => document.title !== t", arg=title)
    assert page.locator("#calendar").count() == 1
    assert page.locator("h1", has_text="Calendar").count() == 1  # the page around it stayed

    # The keyboard / no-JavaScript way: the part's Move link opens a plain form.
    page.goto(f"{live_server.url}/series/calendar/week/?week={first_local:%G-W%V}")
    page.locator(f"[data-part-id='{first.pk}'] a.cal-chip-move").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("h1:has-text('Move a part')")
    page.fill("#id_date", target)
    page.screenshot(path=str(ARTIFACTS / "calendar-move.png"))
    page.click("main button:has-text('Move part')")
    page.wait_for_selector("text=Moved “")
    assert "/series/calendar/week/" in page.url
    first.refresh_from_db()
    assert first.scheduled_at.astimezone(zone).date().isoformat() == target
    page.goto(f"{live_server.url}/series/calendar/week/?week={moved_local:%G-W%V}")
    page.screenshot(path=str(ARTIFACTS / "calendar-week.png"), full_page=True)

    # On a phone the month reads as an agenda of the days that have parts.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/series/calendar/?month={first_local:%Y-%m}")
    assert page.locator(".cal-weekdays").is_hidden()
    empty_days = page.locator(".cal-grid-month .cal-day:not(.has-parts):not(.is-today)")
    assert all(empty_days.nth(i).is_hidden() for i in range(min(empty_days.count(), 5)))
    page.screenshot(path=str(ARTIFACTS / "calendar-mobile.png"), full_page=True)


def test_dragging_part_one_past_part_two_asks_before_it_moves_and_can_renumber(
    browser_context, live_server, owner
):
    from series.demo import demo_series_create
    from series.models import Part

    series = demo_series_create(user=owner)[0]
    parts = list(series.parts.order_by("number"))
    zone = timezone.get_default_timezone()
    first, second = parts[0], parts[1]
    second_day = second.scheduled_at.astimezone(zone).date()
    page = browser_context.new_page()
    page.goto(f"{live_server.url}/series/calendar/?month={second_day:%Y-%m}")
    taken = {p.scheduled_at.astimezone(zone).date() for p in Part.objects.filter(series__owner=owner)}
    shown = page.eval_on_selector_all("#calendar .cal-day", "days => days.map(d => d.dataset.date)")
    target = next(
        day for day in shown if day > second_day.isoformat() and date.fromisoformat(day) not in taken
    )
    if not page.locator(f"#calendar [data-part-id='{first.pk}']").count():
        pytest.skip("parts 1 and 2 fall in different weeks today")

    page.locator(f"#calendar [data-part-id='{first.pk}']").drag_to(
        page.locator(f"#calendar .cal-day[data-date='{target}']")
    )
    warning = page.locator("#calendar .cal-order[role='alert']")
    warning.wait_for()
    assert "would go out after Part 2/6" in warning.inner_text()
    first.refresh_from_db()
    assert first.scheduled_at == parts[0].scheduled_at  # nothing moved yet
    page.screenshot(path=str(ARTIFACTS / "calendar-order.png"), full_page=True)

    warning.locator("button[value='renumber']").click()
    page.wait_for_selector("#calendar .cal-message:has-text('Renumbered')")
    first.refresh_from_db()
    assert first.scheduled_at.astimezone(zone).date().isoformat() == target
    assert first.number > 1 and first.title == f"Part {first.number}/6"
    assert Part.objects.get(pk=second.pk).number == 1
    assert [p.number for p in series.parts.order_by("scheduled_at")] == [1, 2, 3, 4, 5, 6]
