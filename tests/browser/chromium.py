"""One Chromium for a run of browser tests, stopped before any other test.

Launching Playwright and Chromium costs about a second of CPU; once per test module it was a
tenth of the browser tests. The browser tests are collected last (tests/conftest.py), and the
module-scoped `browser` fixture there keeps Chromium running from one browser module to the
next, stopping it when the next test is no browser test. Playwright's sync API keeps an event
loop running in this thread, which other tests must not meet: with it running, Django's
connections are per context, not per thread, so a test set up beside it would use a second
connection. Under xdist the every-page walks run first, so a worker may launch it twice.
"""

from __future__ import annotations

import os
from pathlib import Path

# Debian's chromium-headless-shell (the same Blink without the browser's own UI, what Playwright's
# own headless mode uses) when installed: 30-45 % less CPU per page than the full browser run headless
# (benchmarks/RESULTS.md, session 9). The full chromium otherwise.
HEADLESS_SHELL = Path("/usr/bin/chromium-headless-shell")
CHROMIUM = HEADLESS_SHELL if HEADLESS_SHELL.exists() else Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class _Running:
    playwright = None
    browser = None


def chromium_browser():
    """The running Chromium (a Playwright Browser), launched if none runs."""
    if _Running.browser is None:
        # Playwright's sync API runs an event loop in this thread; the live server's ORM calls are fine.
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
        from playwright.sync_api import sync_playwright

        playwright = sync_playwright().start()
        try:
            _Running.browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        except BaseException:
            playwright.stop()
            raise
        _Running.playwright = playwright
    return _Running.browser


def chromium_close_contexts() -> None:
    """Close what a module left open, so no page of it keeps working beside the next module."""
    if _Running.browser is not None:
        for context in _Running.browser.contexts:
            context.close()


def chromium_stop() -> None:
    if _Running.playwright is None:
        return
    try:
        _Running.browser.close()
    finally:
        _Running.playwright.stop()
        _Running.playwright = _Running.browser = None
