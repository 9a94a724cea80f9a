"""The caption editor in a real browser: sign in, type, watch the assistant, save, find it.

Drives Debian's Chromium through Playwright on the demo corpus; screenshots of the
editor and the draft list go to test-artifacts/.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "pasta-and-hooks-2026"


def test_a_creator_writes_a_caption_with_the_assistant_and_finds_it_in_the_list(
    browser, live_server, indexed_corpus, django_user_model
):
    from captions.models import Draft

    django_user_model.objects.create_user("maja", "maja@example.com", PASSWORD)
    context = browser.new_context(viewport={"width": 1360, "height": 1000})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    # Sign in through the real form.
    page.goto(f"{live_server.url}/captions/new/")
    page.wait_for_url("**/accounts/login/**")
    page.fill("#id_username", "maja")
    page.fill("#id_password", PASSWORD)
    page.click("form[action$='/accounts/login/'] button[type=submit]")
    page.wait_for_url("**/captions/new/")
    assert page.locator(".panel-empty").is_visible()

    # Typing updates the panel (htmx, debounced) without a page load.
    page.fill("#id_title", "Weeknight pasta")
    page.locator("#id_topic").press_sequentially("easy pasta recipe for a quick weeknight dinner", delay=10)
    page.wait_for_selector("#assistant-panel .panel-score", timeout=15_000)
    # The first score may answer the title or a half-typed topic (under load each key can outwait
    # the 300 ms debounce); the keywords come with the topic's answer.
    page.wait_for_selector("#assistant-panel .keyword", timeout=15_000)
    assert page.locator("#assistant-panel .keyword").count() > 0
    assert page.locator("#assistant-panel .draft-option").count() == 3
    page.locator("#id_hook").press_sequentially("This pasta takes 15 minutes", delay=10)
    page.wait_for_function(
        "() => !document.querySelector('.assistant').classList.contains('htmx-request')", timeout=15_000
    )

    # Add a recommended hashtag: the chosen tags update in place.
    chip = page.locator(".panel-tags .chips .chip[aria-pressed=false]").first
    tag = chip.get_attribute("value")
    chip.click()
    page.wait_for_function(
        "tag => document.querySelector('#id_hashtags').value.includes('#' + tag)", arg=tag, timeout=15_000
    )
    page.wait_for_selector(f".panel-tags .chip[value='{tag}'][aria-pressed=true]", timeout=15_000)

    # Use a caption draft: it lands in the caption field and the score follows.
    first_draft = page.locator(".draft-option").first
    body = first_draft.locator("[data-use-draft]").get_attribute("data-body")
    first_draft.locator("[data-use-draft]").click()
    assert page.input_value("#id_caption").splitlines() == body.splitlines()
    page.wait_for_function(
        "() => !document.querySelector('.assistant').classList.contains('htmx-request')", timeout=15_000
    )
    page.wait_for_timeout(600)  # let the debounced refresh after "Use this" land
    page.wait_for_function(
        "() => !document.querySelector('.assistant').classList.contains('htmx-request')", timeout=15_000
    )
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / "editor.png"), full_page=True)

    # Save, then find it in the list.
    page.click(".editor-actions button[name=action][value=save]")
    page.wait_for_selector(".message-success")
    saved = Draft.objects.get(title="Weeknight pasta")
    assert [line.strip() for line in saved.caption.splitlines()] == [
        line.strip() for line in body.splitlines()
    ]
    assert saved.score is not None

    page.click("nav a[href='/captions/']")
    page.fill("#draft-search", "weeknight")
    page.click(".list-filters button[type=submit]")
    page.wait_for_selector(".draft-card-title >> text=Weeknight pasta")
    page.screenshot(path=str(ARTIFACTS / "draft_list.png"), full_page=True)
    page.goto(f"{live_server.url}/")
    assert page.locator(".recent-draft >> text=Weeknight pasta").count() == 1
    page.screenshot(path=str(ARTIFACTS / "home.png"), full_page=True)

    # A phone-sized view stays readable (one column).
    phone = browser.new_context(viewport={"width": 390, "height": 844}, storage_state=context.storage_state())
    mobile = phone.new_page()
    mobile.goto(f"{live_server.url}/captions/{saved.pk}/")
    mobile.screenshot(path=str(ARTIFACTS / "editor-phone.png"), full_page=False)
    assert errors == []


def test_without_javascript_the_editor_still_suggests_toggles_and_saves(
    browser, live_server, indexed_corpus, django_user_model
):
    from captions.models import Draft

    django_user_model.objects.create_user("olav", "olav@example.com", PASSWORD)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/?next=/captions/new/")
    page.screenshot(path=str(ARTIFACTS / "login.png"))
    page.fill("#id_username", "olav")
    page.fill("#id_password", PASSWORD)
    page.click("form[action$='/accounts/login/'] button[type=submit]")
    page.wait_for_url("**/captions/new/")

    page.fill("#id_title", "Kanelboller")
    page.fill("#id_topic", "Slik lager du kanelboller som blir myke og saftige")
    page.click("button[name=action][value=refresh]")
    page.wait_for_selector("#assistant-panel .panel-score")
    assert "Norwegian" in page.inner_text("#assistant-panel .panel-score")

    chip = page.locator(".panel-tags .chip[aria-pressed=false]").first
    tag = chip.get_attribute("value")
    chip.click()
    page.wait_for_selector(f"#chosen-tags .chip[value='{tag}']")
    page.locator("[name=use_draft]").first.click()
    page.wait_for_load_state()
    assert page.input_value("#id_caption").strip()

    page.locator(".editor-actions button[name=action][value=save]").click()
    page.wait_for_selector(".message-success")
    saved = Draft.objects.get(title="Kanelboller")
    assert tag in saved.hashtags
    assert saved.detected_language == "nb"

    page.goto(f"{live_server.url}/accounts/")
    page.screenshot(path=str(ARTIFACTS / "account.png"), full_page=True)
