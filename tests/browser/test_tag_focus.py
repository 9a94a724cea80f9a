"""Choosing hashtags by keyboard: the panel refresh keeps focus on the chip that was pressed, so
the next tag is a Tab or two away instead of 25+ stops from the top of the page."""

from __future__ import annotations

import pytest

from tests.browser.conftest import signed_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOCUSED_TAG = "() => document.activeElement && document.activeElement.name === 'toggle_tag' ? document.activeElement.value : null"


def _press_and_settle(page, key: str) -> None:
    with page.expect_response("**/captions/panel/"):
        page.keyboard.press(key)
    page.wait_for_load_state("networkidle")
    # htmx settles 20 ms after the swap; on a loaded machine that can take longer than the
    # 100 ms below, so also wait for the panel's settle handler (aria-busy false), which runs
    # in the same htmx:afterSettle dispatch as the one that puts focus back on the chip.
    page.wait_for_function(
        "() => document.getElementById('assistant-panel').getAttribute('aria-busy') !== 'true'"
    )
    page.wait_for_timeout(100)


def test_five_tags_are_chosen_with_enter_and_tab_and_focus_never_falls_to_the_body(
    browser, live_server, owner, client, indexed_corpus
):
    page = signed_in_context(browser, live_server, client, owner, width=390, height=844).new_page()
    page.goto(f"{live_server.url}/captions/new/")
    page.fill("#id_title", "Overnight oats")
    page.fill("#id_caption", "Overnight oats for busy mornings: cheap meal prep breakfast in five minutes")
    page.dispatch_event("#id_caption", "input")
    page.wait_for_selector(".panel-tags .chip[aria-pressed=false]")
    page.wait_for_load_state("networkidle")

    chosen = []
    page.locator(".panel-tags .chip[aria-pressed=false]").first.focus()
    for _ in range(5):
        tag = page.evaluate(FOCUSED_TAG)
        _press_and_settle(page, "Enter")
        assert page.evaluate(FOCUSED_TAG) == tag, "focus left the chip that was pressed"
        assert page.locator(f".panel-tags .chip[value='{tag}']").get_attribute("aria-pressed") == "true"
        chosen.append(tag)
        # The next tag to add is a few Tab presses away: past the chosen ones, never the whole page.
        for _ in range(8):
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.matches('.panel-tags .chip[aria-pressed=false]')"):
                break
        else:
            pytest.fail("no unchosen tag within 8 Tab presses of the one just chosen")

    assert set(page.input_value("#id_hashtags").replace("#", "").split()) == set(chosen)

    # Removing one from the chosen list beside the form keeps focus there too.
    remove = page.locator("#chosen-tags .chip").first
    remove.focus()
    _press_and_settle(page, "Enter")
    assert page.evaluate("() => document.activeElement !== document.body")
    assert page.evaluate("() => !!document.activeElement.closest('#chosen-tags')")
