"""The caption counter and the panel's "Caption length" count the same text, the final caption
the page shows and copies: code points (an emoji is one character), trailing space left out,
chosen tags not in the caption added on a line of their own. The server renders all three."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import signed_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _counted(page) -> tuple[int, int]:
    """(the counter's number, the panel's number) once the panel has caught up with the form;
    both are the length of the final caption the page shows."""
    page.wait_for_load_state("networkidle")
    counter = page.inner_text("#caption-counter")
    final = page.locator("#final-caption-text").text_content()
    check = page.locator("#assistant-panel li", has_text="Caption length")
    panel = check.locator("span.small").last.text_content()  # text_content: the item may sit folded
    counted = int(counter.split("/")[0].replace(",", "").strip())
    assert counted == len(final)  # Python's len: code points, as TikTok counts
    return counted, int(re.search(r"([\d,]+) characters", panel)[1].replace(",", ""))


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
    # 53 code points without the trailing space, + "\n\n#lunch #büdget" (16); #mealprep is written.
    assert counter == panel == 69
    final = page.locator("#final-caption-text").text_content()
    assert final.endswith("#mealprep\n\n#lunch #büdget")


def test_a_saved_caption_past_the_editors_limit_is_counted_whole_by_both(browser, live_server, owner, client):
    from captions.models import Draft

    # Saved before the editor refused captions over 5,000 characters (or through another door).
    draft = Draft.objects.create(owner=owner, title="Long", caption="Long story. " * 834, hashtags=["story"])
    page = signed_in_context(browser, live_server, client, owner).new_page()
    page.goto(f"{live_server.url}/captions/{draft.pk}/")
    counter, panel = _counted(page)
    assert counter == panel == 10_007 + 8  # the caption without its trailing space, and "\n\n#story"

    page.fill("#id_title", "Long, retitled")  # the panel refreshes from the form now
    page.dispatch_event("#id_title", "input")
    page.wait_for_timeout(600)
    counter, panel = _counted(page)
    assert counter == panel == 10_015
