"""The admin's column-mapping step in a real browser: upload a spreadsheet export Hookline
does not know, check the guesses against the first rows, correct one, save a preset, import.
At phone width the page must not be wider than the screen.

The screenshot in docs/img/import-columns.png is rewritten when HOOKLINE_DOCS_SCREENSHOTS=1.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from seo.models import ImportPreset, TrendPost
from tests.browser.conftest import ARTIFACTS, signed_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DOCS_IMG = Path(__file__).resolve().parents[2] / "docs" / "img"
EXPORT = (
    "Post ID;Date posted;Description;Plays;Likes;Account;Notes\n"
    "7301;2025-05-20 18:07;Crispy smashed potatoes in the air fryer #airfryer #dinner;1.4M;120K;@kitchenlab;reel 1\n"
    "7302;2025-05-21 19:30;Three-ingredient pasta for busy weeknights #pasta;530K;41K;@kitchenlab;reel 2\n"
    "7303;2025-05-22 17:45;Meal prep Sunday: five lunches, one tray #mealprep;88K;6.1K;@kitchenlab;—\n"
)


def _upload(page, live_server, tmp_path) -> None:
    path = tmp_path / "agency-export.csv"
    path.write_text(EXPORT, encoding="utf-8")
    page.goto(f"{live_server.url}/admin/seo/trendpost/import/")
    page.set_input_files("input[name=file]", str(path))
    page.fill("input[name=source]", "agency")
    page.click("input[type=submit]")
    page.wait_for_url("**/columns/**")


def test_staff_map_the_columns_save_a_preset_and_import(browser, live_server, staff, client, tmp_path):
    context = signed_in_context(browser, live_server, client, staff)
    page = context.new_page()
    _upload(page, live_server, tmp_path)
    guesses = [page.locator(f"select[name=col_{i}]").input_value() for i in range(7)]
    assert guesses == ["video_id", "posted_at", "caption", "views", "likes", "author", ""]
    assert page.get_by_text("Crispy smashed potatoes in the air fryer").is_visible()
    # Staff correct a guess: the notes column is not imported, and Likes stays likes.
    page.select_option("select[name=col_4]", "likes")
    page.fill("input[name=preset_name]", "Agency weekly sheet")
    page.screenshot(path=str(ARTIFACTS / "import-columns-desktop.png"), full_page=True)
    if os.environ.get("HOOKLINE_DOCS_SCREENSHOTS"):
        page.screenshot(path=str(DOCS_IMG / "import-columns.png"), full_page=True)
    page.click("#column-mapping-form input[type=submit]")
    page.wait_for_url("**/jobs/**")
    assert TrendPost.objects.filter(source="agency").count() == 3
    assert TrendPost.objects.get(video_id="7301").views == 1_400_000
    assert ImportPreset.objects.get(name="Agency weekly sheet").columns["Plays"] == "views"
    context.close()


def test_a_wrong_mapping_is_explained_and_the_page_fits_a_phone(
    browser, live_server, staff, client, tmp_path
):
    context = signed_in_context(browser, live_server, client, staff, width=390, height=844)
    page = context.new_page()
    _upload(page, live_server, tmp_path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.select_option("select[name=col_2]", "")  # no caption
    page.select_option("select[name=col_6]", "views")  # views twice
    page.click("#column-mapping-form input[type=submit]")
    alert = page.get_by_role("alert")
    assert "No column is mapped to caption" in alert.inner_text()
    assert "Views is chosen for 2 columns ('Plays' and 'Notes'); pick one." in alert.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(ARTIFACTS / "import-columns-phone.png"), full_page=True)
    if os.environ.get("HOOKLINE_DOCS_SCREENSHOTS"):
        page.screenshot(path=str(DOCS_IMG / "import-columns-phone.png"), full_page=True)
    assert not TrendPost.objects.exists()
    context.close()
