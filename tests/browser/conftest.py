"""Real-browser helpers: Debian's Chromium driven by Playwright (the `browser` fixture is in
tests/conftest.py, as tests/creator_posts use it too), screenshots in test-artifacts/."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings as django_settings

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


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
