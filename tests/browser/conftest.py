"""Real-browser fixtures: Debian's Chromium driven by Playwright, screenshots in test-artifacts/."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.conf import settings as django_settings

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser(live_server):
    """One Chromium per test module (launching one per test cost a second or two each); every
    test opens contexts of its own, so no cookie or storage passes from test to test. It is
    closed after the module, so no other module runs beside Playwright's event loop."""
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed at /usr/bin/chromium (apt-get install chromium)")
    # Playwright's sync API runs an event loop in this thread; the live server's ORM calls are fine.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def signed_in_context(browser, live_server, client, user, *, width: int = 1280, height: int = 900):
    """A browser context that carries `user`'s session cookie (no trip through the login form)."""
    client.force_login(user)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    context = browser.new_context(viewport={"width": width, "height": height})
    context.add_cookies(
        [{"name": django_settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )
    return context


@pytest.fixture
def indexed_corpus(demo_index_committed):
    """The demo corpus and its index (committed for the live server), from a clean per-process cache."""
    from seo.index.serving import serving_expire

    serving_expire()
