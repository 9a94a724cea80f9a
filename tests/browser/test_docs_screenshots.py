"""The screenshots in docs/img/ui-*.png: explorer, series detail, calendar and caption editor at
desktop and phone width, on the demo data. Run on purpose, not in every test run:

    HOOKLINE_DOCS_SCREENSHOTS=1 .venv/bin/python -m pytest tests/browser/test_docs_screenshots.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.browser.conftest import signed_in_context
from tests.browser.pages import demo_pages

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not os.environ.get("HOOKLINE_DOCS_SCREENSHOTS"),
        reason="writes docs/img; set HOOKLINE_DOCS_SCREENSHOTS=1",
    ),
]

DOCS_IMG = Path(__file__).resolve().parents[2] / "docs" / "img"
SIZES = {"desktop": (1280, 900), "phone": (390, 844)}


def test_write_the_ui_screenshots(browser, live_server, owner, client, demo_index_committed):
    pages = {page.name: page.path for page in demo_pages(user=owner)}
    shots = {
        "explorer": pages["explorer hashtags"],
        "series-detail": pages["series detail"],
        "calendar": pages["calendar month"],
        "editor": pages["editor"],
    }
    for size, (width, height) in SIZES.items():
        context = signed_in_context(browser, live_server, client, owner, width=width, height=height)
        page = context.new_page()
        for name, path in shots.items():
            page.goto(f"{live_server.url}{path}")
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(DOCS_IMG / f"ui-{name}-{size}.png"), full_page=True)
        context.close()
