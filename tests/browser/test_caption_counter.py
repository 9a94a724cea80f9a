"""The caption counter and the panel's "Caption length" count the same text: code points (an
emoji is one character), trailing space left out, chosen tags not in the caption added."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import signed_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _counted(page) -> tuple[int, int]:
    """(the counter's number, the panel's number) once the panel has caught up with the form."""
    page.wait_for_load_state("networkidle")
    counter = page.inner_text("[data-count-chars='id_caption']")
    check = page.locator("#assistant-panel li", has_text="Caption length")
    panel = check.locator("span.small").last.text_content()  # text_content: the item may sit folded
    return (
        int(counter.split("/")[0].replace(",", "").strip()),
        int(re.search(r"([\d,]+) characters", panel)[1].replace(",", "")),
    )


def _type_caption(page, text: str) -> None:
    page.fill("#id_caption", text)
    page.dispatch_event("#id_caption", "input")
    page.wait_for_timeout(600)  # the panel refreshes 300 ms after the last input


def test_counter_and_panel_agree_on_emoji_trailing_space_and_chosen_tags(browser, live_server, owner, client):
    page = signed_in_context(browser, live_server, client, owner).new_page()
    page.goto(f"{live_server.url}/captions/new/")
    page.fill("#id_title", "Lunch prep")
    page.fill("#id_hashtags", "#mealprep #lunch #Büdget")
    _type_caption(page, "Meal prep 🥗🥗 in ten minutes, no oven needed #mealprep   \n")
    counter, panel = _counted(page)
    # 53 code points without the trailing space, + " #lunch" (7) + " #büdget" (8); #mealprep is written.
    assert counter == panel == 68


def test_a_saved_caption_past_the_editors_limit_is_counted_whole_by_both(browser, live_server, owner, client):
    from captions.models import Draft

    # Saved before the editor refused captions over 5,000 characters (or through another door).
    draft = Draft.objects.create(owner=owner, title="Long", caption="Long story. " * 834, hashtags=["story"])
    page = signed_in_context(browser, live_server, client, owner).new_page()
    page.goto(f"{live_server.url}/captions/{draft.pk}/")
    counter, panel = _counted(page)
    assert counter == panel == 10_007 + 7  # the caption without its trailing space, and " #story"

    page.fill("#id_title", "Long, retitled")  # the panel refreshes from the form now
    page.dispatch_event("#id_title", "input")
    page.wait_for_timeout(600)
    counter, panel = _counted(page)
    assert counter == panel == 10_014
