"""A creator uploads a TikTok Studio export in Chromium and sees the report and their own
audience on the peak-hours page; screenshots at desktop width and 390 px for docs/your-posts.md."""

from __future__ import annotations

import datetime as dt

import pytest

from creator_posts.models import CreatorPost
from tests.browser.conftest import ARTIFACTS, signed_in_context
from tests.creator_posts.conftest import studio_csv, studio_rows

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _export(tmp_path):
    # 30 good posts at 07:00 local, 12 weaker ones in the evening, and one broken row.
    rows = studio_rows(30, hour=7, views=4000, start=dt.datetime(2026, 9, 1))
    rows += studio_rows(12, hour=21, views=900, start=dt.datetime(2026, 10, 1), first_id=7400000000000000000)
    for row in rows[30:]:
        row[3] = 9  # few likes: low engagement in the evening
    path = tmp_path / "Content.csv"
    path.write_bytes(studio_csv([*rows, ["Broken row", "", "yesterday", 1, 1, 1, "lots", "", "", ""]]))
    return path


def test_a_creator_uploads_their_analytics_and_peak_hours_use_them(
    browser, live_server, owner, client, tmp_path
):
    context = signed_in_context(browser, live_server, client, owner)
    page = context.new_page()
    page.goto(f"{live_server.url}/your-posts/")
    page.get_by_label("Analytics file").set_input_files(str(_export(tmp_path)))
    page.get_by_role("button", name="Upload").click()
    report = page.locator(".upload-report")
    assert "Nothing was saved" in report.inner_text()
    assert "line 44: posted_at 'yesterday' is not a time" in report.inner_text()
    assert CreatorPost.objects.count() == 0

    page.get_by_label("Analytics file").set_input_files(str(_export(tmp_path)))
    page.get_by_label("Import the good rows").check()
    page.get_by_role("button", name="Upload").click()
    assert "42 new posts imported" in page.locator(".upload-report").inner_text()
    assert "From your 42 posts with views." in page.locator(".your-posts-status").inner_text()
    page.screenshot(path=str(ARTIFACTS / "your-posts.png"), full_page=True)

    page.goto(f"{live_server.url}/series/peak-hours/")
    assert "From your 42 posts" in page.locator(".audience-source").inner_text()
    assert page.locator("tr.best").first.locator("th").inner_text().startswith("07:00")

    page.goto(f"{live_server.url}/series/calendar/")
    rhythm = page.locator(".cal-rhythm")
    assert "From your 42 posts" in rhythm.inner_text()
    rhythm.screenshot(path=str(ARTIFACTS / "your-posts-rhythm.png"))

    phone = signed_in_context(browser, live_server, client, owner, width=390, height=844).new_page()
    phone.goto(f"{live_server.url}/your-posts/")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page is {width}px wide at 390px"
    phone.screenshot(path=str(ARTIFACTS / "your-posts-mobile.png"))
