"""Series pages: the owner may, another creator gets 404, anonymous users are sent to sign in."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from series.models import Part, Series
from tests.series.factories import local, make_series, series_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def series(owner):
    # Starts next week so that "now" in the views never falls inside the plan.
    return make_series(owner, start_date=timezone.localdate() + dt.timedelta(days=7), now=timezone.now())


def owned_urls(series) -> list[str]:
    part = series.parts.get(number=1)
    return [
        reverse("series:series_detail", args=[series.pk]),
        reverse("series:series_edit", args=[series.pk]),
        reverse("series:series_delete", args=[series.pk]),
        reverse("series:part_edit", args=[part.pk]),
        reverse("series:part_reschedule", args=[part.pk]),
        reverse("series:export_csv") + f"?series={series.pk}",
    ]


def test_the_owner_sees_every_page_of_their_series(owner_client, series):
    for url in owned_urls(series):
        assert owner_client.get(url).status_code == 200, url


def test_another_creator_gets_404_for_every_page_and_every_write(client, other, series):
    client.force_login(other)
    for url in owned_urls(series):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"title": "hijack"}).status_code == 404, url
    assert Series.objects.get(pk=series.pk).title == "Meal prep"
    assert series.parts.count() == 6


def test_anonymous_users_are_sent_to_sign_in(client, series):
    urls = [
        *owned_urls(series),
        reverse("series:series_list"),
        reverse("series:series_create"),
        reverse("series:peak_hours"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and reverse("login") in response["Location"], url
    response = client.post(reverse("series:calendar_token_reset"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_the_list_shows_only_my_series(owner_client, series, other):
    make_series(other, title="Someone else's plan", now=timezone.now())
    page = owner_client.get(reverse("series:series_list")).content.decode()
    assert "Meal prep" in page and "Someone else" not in page
    assert "Calendar subscription" in page


def test_creating_a_series_through_the_form_plans_it(owner_client, owner):
    start = timezone.localdate() + dt.timedelta(days=3)
    data = series_form_data(start=start)
    response = owner_client.post(reverse("series:series_create"), data)
    series = Series.objects.get(owner=owner, title="Garden in 4")
    assert response.status_code == 302 and response["Location"] == reverse(
        "series:series_detail", args=[series.pk]
    )
    parts = list(series.parts.order_by("number"))
    assert len(parts) == 4
    assert {p.scheduled_at.astimezone(ZoneInfo("America/New_York")).time() for p in parts} == {dt.time(7, 30)}
    detail = owner_client.get(response["Location"]).content.decode()
    assert "Part 1/4" in detail and "07:30" in detail


def test_editing_a_part_saves_its_texts_and_status(owner_client, series):
    part = series.parts.get(number=2)
    response = owner_client.post(
        reverse("series:part_edit", args=[part.pk]),
        {
            "title": "Part 2/6: the shop",
            "status": "scripted",
            "hook_prompt": "h",
            "teaser": "t",
            "caption_draft": "c",
        },
    )
    assert response.status_code == 302
    part.refresh_from_db()
    assert (part.title, part.status, part.caption_draft) == ("Part 2/6: the shop", "scripted", "c")


def test_the_reschedule_page_moves_only_this_part_or_shifts_the_rest(owner_client, series):
    part = series.parts.get(number=2)
    before = {p.number: local(p) for p in series.parts.all()}
    new = before[2] + dt.timedelta(days=1)
    url = reverse("series:part_reschedule", args=[part.pk])
    page = owner_client.get(url).content.decode()
    assert "Move only this part" in page and "shift the later parts" in page
    response = owner_client.post(url, {"date": new.date().isoformat(), "time": "18:00", "mode": "shift_rest"})
    assert response.status_code == 302
    after = {p.number: local(p) for p in series.parts.all()}
    assert after[2] == new and after[3] == before[3] + dt.timedelta(days=1) and after[1] == before[1]


def test_a_refused_move_shows_why_and_changes_nothing(owner_client, series):
    part = series.parts.get(number=2)
    third = local(series.parts.get(number=3))
    before = {p.pk: p.scheduled_at for p in Part.objects.all()}
    response = owner_client.post(
        reverse("series:part_reschedule", args=[part.pk]),
        {"date": third.date().isoformat(), "time": "17:00", "mode": "only_this"},
    )
    assert response.status_code == 200
    assert "within 12 h of “Meal prep” part 3" in response.content.decode()
    assert {p.pk: p.scheduled_at for p in Part.objects.all()} == before


def test_deleting_asks_first_then_removes_the_series_and_its_parts(owner_client, series):
    url = reverse("series:series_delete", args=[series.pk])
    assert "cannot be undone" in owner_client.get(url).content.decode()
    assert Series.objects.filter(pk=series.pk).exists()
    assert owner_client.post(url).status_code == 302
    assert not Series.objects.filter(pk=series.pk).exists() and not Part.objects.exists()


def test_editing_the_series_replans_it(owner_client, series):
    from tests.series.test_forms import form_data

    data = form_data(posting_time="20:15", start_date=series.start_date.isoformat(), parts_count="3")
    response = owner_client.post(reverse("series:series_edit", args=[series.pk]), data)
    assert response.status_code == 302
    assert series.parts.count() == 3
    assert {local(p).time() for p in series.parts.all()} == {dt.time(20, 15)}


def test_the_token_reset_is_post_only_and_goes_back_to_a_safe_page(owner_client):
    url = reverse("series:calendar_token_reset")
    assert owner_client.get(url).status_code == 405
    response = owner_client.post(url, {"next": "https://evil.example/"})
    assert response["Location"] == reverse("series:series_list")
    response = owner_client.post(url, {"next": reverse("series:peak_hours")})
    assert response["Location"] == reverse("series:peak_hours")


def test_a_csv_export_of_another_creators_series_is_404_and_a_bad_id_too(client, other, series):
    client.force_login(other)
    assert client.get(reverse("series:export_csv") + "?series=abc").status_code == 404
    body = client.get(reverse("series:export_csv")).content.decode()
    assert "Meal prep" not in body


def test_a_part_opens_once_as_a_caption_draft_owned_by_its_creator(
    owner_client, owner, series, client, other
):
    from captions.models import Draft

    part = series.parts.get(number=2)
    url = reverse("series:part_draft", args=[part.pk])
    assert owner_client.get(url).status_code == 405
    response = owner_client.post(url)
    draft = Draft.objects.get()
    assert response["Location"] == reverse("captions:draft_edit", args=[draft.pk])
    assert (draft.owner, draft.caption, draft.hashtags) == (owner, part.caption_draft, ["mealprep"])
    owner_client.post(url)
    assert Draft.objects.count() == 1
    part.refresh_from_db()
    assert part.draft == draft
    client.force_login(other)
    assert client.post(url).status_code == 404


def test_replanning_an_open_ended_series_is_post_only_and_owner_only(owner_client, owner, client, other):
    series = make_series(
        owner, parts_count=None, start_date=timezone.localdate() + dt.timedelta(days=2), now=timezone.now()
    )
    url = reverse("series:series_replan", args=[series.pk])
    assert owner_client.get(url).status_code == 405
    response = owner_client.post(url)
    assert response.status_code == 302
    assert series.parts.count() == 24  # 3 a week over the 8-week horizon
    client.force_login(other)
    assert client.post(url).status_code == 404


def test_the_account_page_shows_the_feed_address_and_its_reset_comes_back_there(owner_client, owner):
    from accounts.models import profile_for

    account = reverse("accounts:account")
    page = owner_client.get(account).content.decode()
    token = profile_for(owner).calendar_token
    assert f"/series/calendar/{token}.ics" in page and "Reset the address" in page
    response = owner_client.post(reverse("series:calendar_token_reset"), {"next": account})
    assert response["Location"] == account
    assert profile_for(owner).calendar_token != token


def test_editing_the_series_with_an_empty_colour_keeps_its_colour(owner_client, series):
    from tests.series.test_forms import form_data

    colour = series.color
    data = form_data(color="", start_date=series.start_date.isoformat(), parts_count="3")
    response = owner_client.post(reverse("series:series_edit", args=[series.pk]), data)
    assert response.status_code == 302
    series.refresh_from_db()
    assert series.color == colour and series.parts.count() == 3
    assert owner_client.get(reverse("series:series_detail", args=[series.pk])).status_code == 200
