"""The editor and its assistant panel: saving, the htmx partial, hashtag toggles and the cap."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from captions.models import Draft
from seo.index.serving import serving_expire
from seo.models import Hashtag

pytestmark = pytest.mark.django_db

IDEA = {
    "title": "Pasta night",
    "topic": "easy pasta recipe for a weeknight dinner",
    "hook": "This pasta takes 15 minutes",
    "caption": "15 minute pasta for busy evenings. Save this for later!",
    "hashtags": "#pasta #Dinner",
}


@pytest.fixture(autouse=True)
def _fresh_blocked_tags():
    # blocked_tags() caches for a few seconds; each test sees its own database.
    serving_expire()
    yield
    serving_expire()


def _panel(client, data, **extra):
    return client.post(reverse("captions:draft_panel"), data, HTTP_HX_REQUEST="true", **extra)


def test_it_saves_a_new_draft_with_normalised_tags_a_score_and_the_detected_language(
    owner_client, owner, demo_index
):
    response = owner_client.post(reverse("captions:draft_new"), {**IDEA, "action": "save"})
    saved = Draft.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("captions:draft_edit", args=[saved.pk])
    assert saved.owner == owner
    assert saved.hashtags == ["pasta", "dinner"]
    assert saved.detected_language == "en"
    assert saved.language == ""
    assert 0 < saved.score <= 100


def test_it_refuses_a_sixth_hashtag_on_save_and_keeps_what_was_typed(owner_client, demo_index):
    data = {**IDEA, "hashtags": "#a1 #b2 #c3 #d4 #e5 #f6", "action": "save"}
    response = owner_client.post(reverse("captions:draft_new"), data)
    assert response.status_code == 400
    assert "TikTok allows at most 5" in response.text
    assert "15 minute pasta for busy evenings" in response.text
    assert not Draft.objects.exists()


def test_it_refuses_a_blocked_hashtag_on_save(owner_client, demo_index):
    Hashtag.objects.update_or_create(name="badtag", defaults={"is_blocked": True})
    response = owner_client.post(
        reverse("captions:draft_new"), {**IDEA, "hashtags": "#pasta #badtag", "action": "save"}
    )
    assert response.status_code == 400
    assert "#badtag is blocked" in response.text


def test_the_panel_is_a_partial_for_htmx_with_keywords_tags_drafts_and_a_score(owner_client, demo_index):
    response = _panel(owner_client, IDEA)
    assert response.status_code == 200
    html = response.text
    assert "<html" not in html and "<form" not in html
    assert "SEO score" in html and re.search(r"\d+ checks? pass", html)
    assert "Keywords to use" in html and 'name="insert"' in html
    assert "Your set" in html and "Recommended to add" in html and 'name="toggle_tag"' in html
    assert html.count("data-use-draft") == 3
    assert html.count('class="check-') == 11  # every checklist item, each with its status
    assert re.search(r"(High|Medium|Low) confidence\.</strong> \S", html), "how sure the advice is, and why"


def test_the_editor_page_wires_the_panel_for_debounced_non_stale_updates(owner_client, demo_index):
    html = owner_client.get(reverse("captions:draft_new")).text
    assert 'hx-trigger="input changed delay:300ms from:closest form"' in html
    # Typing waits for the request in flight and sends only its latest state, so responses
    # arrive in order; a tag toggle replaces whatever is in flight (it carries the newest values).
    assert 'hx-sync="closest form:queue last"' in html
    assert 'aria-live="polite"' in html
    assert "Start with your idea." in html


def test_toggling_a_tag_adds_it_and_swaps_the_chosen_tags_out_of_band(owner_client, demo_index):
    response = _panel(owner_client, {**IDEA, "hashtags": "#pasta", "toggle_tag": "dinner"})
    html = response.text
    assert 'id="chosen-tags" class="chosen-tags" hx-swap-oob="true"' in html
    assert 'value="#pasta #dinner"' in html
    response = _panel(owner_client, {**IDEA, "hashtags": "#pasta #dinner", "toggle_tag": "pasta"})
    assert 'value="#dinner"' in response.text


def test_the_panel_enforces_the_five_tag_cap_with_a_clear_message(owner_client, demo_index):
    five = "#pasta #dinner #food #recipe #easy"
    response = _panel(owner_client, {**IDEA, "hashtags": five, "toggle_tag": "cooking"})
    html = response.text
    assert "You already have 5 hashtags, TikTok&#x27;s limit. Remove one to add #cooking." in html
    assert f'value="{five}"' in html


def test_a_blocked_tag_is_never_offered(owner_client, demo_index):
    idea = {**IDEA, "hashtags": ""}
    offered = _panel(owner_client, idea).text
    # Staff block tags of the corpus; the first offered one that is (not one made from the idea's words).
    values = re.findall(r'name="toggle_tag" value="([^"]+)"', offered)
    tag = next(t for t in values if Hashtag.objects.filter(name=t).exists())
    Hashtag.objects.filter(name=tag).update(is_blocked=True)
    serving_expire()
    html = _panel(owner_client, idea).text
    assert 'name="toggle_tag"' in html
    assert f'value="{tag}"' not in html
    refused = _panel(owner_client, {**idea, "toggle_tag": tag}).text
    assert f"#{tag} is blocked" in refused


def test_without_javascript_the_same_form_refreshes_toggles_and_uses_a_draft(owner_client, draft, demo_index):
    url = reverse("captions:draft_edit", args=[draft.pk])
    page = owner_client.post(url, {**IDEA, "action": "refresh"})
    assert page.status_code == 200
    assert "<html" in page.text and "SEO score" in page.text
    toggled = owner_client.post(url, {**IDEA, "toggle_tag": "easy"})
    assert 'value="#pasta #dinner #easy"' in toggled.text
    # "Use this" takes the draft the page already shows (its hidden fields): no second drafting.
    shown = {"draft_body_0": "Nobody talks about pasta\nWeeknight pasta.", "draft_tags_0": "#pasta #food"}
    used = owner_client.post(url, {**IDEA, "hook": "", "use_draft": "0", **shown})
    assert "Nobody talks about pasta\nWeeknight pasta.</textarea>" in used.text
    assert 'value="#pasta #food"' in used.text
    inserted = owner_client.post(url, {**IDEA, "hook": "", "insert": "hook|pasta night"})
    assert 'value="pasta night"' in inserted.text
    draft.refresh_from_db()
    assert draft.caption == "15 minute pasta for busy evenings"  # nothing was saved


def test_html_in_a_caption_is_escaped_in_the_editor_the_panel_and_the_list(owner_client, owner, demo_index):
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    draft = Draft.objects.create(owner=owner, title=evil, topic=evil, caption=f"pasta {evil}", hook=evil)
    pages = [
        owner_client.get(reverse("captions:draft_edit", args=[draft.pk])).text,
        owner_client.get(reverse("captions:draft_list")).text,
        owner_client.get(reverse("captions:draft_delete", args=[draft.pk])).text,
        _panel(owner_client, {"title": evil, "topic": evil, "caption": f"pasta {evil}", "hook": evil}).text,
    ]
    for html in pages:
        assert "<script>alert" not in html
        assert "<img src=x" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in pages[0]


def test_csrf_is_enforced_on_every_post(owner, draft):
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    posts = [
        reverse("captions:draft_new"),
        reverse("captions:draft_panel"),
        reverse("captions:draft_edit", args=[draft.pk]),
        reverse("captions:draft_duplicate", args=[draft.pk]),
        reverse("captions:draft_delete", args=[draft.pk]),
    ]
    for url in posts:
        assert client.post(url, {**IDEA, "action": "save"}).status_code == 403, url
    assert Draft.objects.count() == 1


def test_the_panel_works_without_an_index_and_says_why(owner_client):
    html = _panel(owner_client, IDEA).text
    assert "There is no suggestion index yet" in html
    assert "SEO score" in html


def test_it_refuses_a_caption_longer_than_the_assistant_reads(owner_client, demo_index):
    data = {**IDEA, "caption": "0" * 80_000, "action": "save"}
    response = owner_client.post(reverse("captions:draft_new"), data)
    assert response.status_code == 400
    assert "The draft caption is 80000 characters long; at most 5,000 are allowed." in response.text
    assert not Draft.objects.exists()


def test_using_a_draft_drafts_once_for_the_page_not_again_to_find_the_draft(owner_client, draft, monkeypatch):
    import captions.panel

    calls = []
    real = captions.panel.caption_drafts
    monkeypatch.setattr(captions.panel, "caption_drafts", lambda **kw: calls.append(kw) or real(**kw))
    url = reverse("captions:draft_edit", args=[draft.pk])
    owner_client.post(
        url, {**IDEA, "use_draft": "1", "draft_body_1": "Pasta in 15 minutes.", "draft_tags_1": ""}
    )
    assert len(calls) == 1  # the page's own panel; the chosen draft came from the form


def test_the_panel_renders_the_final_caption_and_its_length_out_of_band(owner_client):
    # The page's counter and copy button read these; the JavaScript has no hashtag rule of its own.
    data = {**IDEA, "caption": "Quick pasta #Pasta 🍝  ", "hashtags": "#pasta #dinner"}
    html = _panel(owner_client, data).text
    final = "Quick pasta #Pasta 🍝\n\n#dinner"
    assert f'<pre id="final-caption-text" hx-swap-oob="true">{final}</pre>' in html
    assert re.search(rf'id="caption-counter"[^>]*hx-swap-oob="true">{len(final)} / 2,200<', html)


def test_without_javascript_the_page_shows_the_final_caption_of_the_form(owner_client):
    data = {**IDEA, "caption": "Quick pasta", "hashtags": "#pasta", "action": "refresh"}
    html = owner_client.post(reverse("captions:draft_new"), data).text
    assert '<pre id="final-caption-text">Quick pasta\n\n#pasta</pre>' in html
