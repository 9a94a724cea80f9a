"""The trend explorer in a real browser on the demo corpus; screenshots go to test-artifacts/."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.conf import settings as django_settings

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture
def browser_page(live_server, owner, client):
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed at /usr/bin/chromium")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    client.force_login(owner)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.add_cookies(
            [{"name": django_settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
        )
        page = context.new_page()
        try:
            yield page
        finally:
            browser.close()


def test_the_explorer_reads_at_a_glance_and_filters_in_place(browser_page, live_server):
    from seo.demo import demo_corpus_load
    from trends.services import trend_stats_recompute

    demo_corpus_load()
    trend_stats_recompute()
    ARTIFACTS.mkdir(exist_ok=True)
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
