"""The trend explorer in a real browser on the demo corpus; screenshots go to test-artifacts/."""

from __future__ import annotations

import pytest

from tests.browser.conftest import ARTIFACTS, signed_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_page(browser, live_server, owner, client):
    return signed_in_context(browser, live_server, client, owner).new_page()


def test_the_explorer_reads_at_a_glance_and_filters_in_place(browser_page, live_server, demo_index_committed):
    from trends.services import trend_stats_recompute

    trend_stats_recompute()
    page = browser_page
    page.goto(f"{live_server.url}/trends/")
    rising = page.locator("#table-rising + .table-wrap tbody tr")
    assert rising.count() > 0
    assert page.locator("#table-rising + .table-wrap .badge-rising").count() > 0
    page.screenshot(path=str(ARTIFACTS / "trends.png"), full_page=True)

    # Choosing a niche swaps the results in place (htmx) and updates the address.
    page.select_option("#id_niche", "food")
    page.wait_for_url("**niche=food**")
    page.wait_for_selector("text=in niche food")
    assert page.locator("select#id_niche").count() == 1  # the form itself was not replaced

    page.click("#table-rising + .table-wrap tbody tr:first-child th a")
    page.wait_for_selector("svg.curve")
    assert page.locator("svg.curve title").count() == 1
    page.screenshot(path=str(ARTIFACTS / "trends-detail.png"), full_page=True)


def test_the_detail_tables_scroll_region_is_reached_and_scrolled_by_keyboard_on_a_phone(
    browser, live_server, owner, client, demo_index_committed
):
    from tests.browser.pages import trend_detail_paths
    from trends.services import trend_stats_recompute

    trend_stats_recompute()
    _, path = trend_detail_paths()[0]
    page = signed_in_context(browser, live_server, client, owner, width=390, height=844).new_page()
    page.goto(f"{live_server.url}{path}")

    page.locator(".window-tabs a").last.focus()
    page.keyboard.press("Tab")  # "Show the numbers"
    page.keyboard.press("Tab")
    region = page.locator(".table-wrap:has(.windows-table)")
    assert region.evaluate("el => el === document.activeElement")
    assert region.get_attribute("role") == "region"
    assert page.locator(f"#{region.get_attribute('aria-labelledby')}").inner_text() == "Every window"
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")  # there is something to scroll

    for _ in range(6):
        page.keyboard.press("ArrowRight")
    # Keyboard scrolling is smooth (animated): wait, bounded, for it to move rather than read at once.
    page.wait_for_function("el => el.scrollLeft > 0", arg=region.element_handle(), timeout=5000)
    assert region.evaluate("el => el.scrollLeft") > 0
