"""The series form speaks a creator's words: plain labels, a language list and a time-zone search
with the creator's own language and zone first."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import profile_for
from tests.series.factories import make_series, series_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def norwegian_in_new_york(owner):
    profile = profile_for(owner)
    profile.default_language = "nb"
    profile.timezone = "America/New_York"
    profile.save()
    return owner


def _labels(page: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>", "", label).strip()
        for label in re.findall(r"<label[^>]*>(.*?)</label>", page, re.S)
    ]


def test_no_label_reads_like_a_field_name(owner_client):
    page = owner_client.get(reverse("series:series_create")).content.decode()
    labels = " | ".join(_labels(page)) + " " + " ".join(re.findall(r"<legend>(.*?)</legend>", page))
    for developer_words in (
        "Cadence kind",
        "Min gap hours",
        "Cadence value",
        "Posting time mode",
        "Timezone",
    ):
        assert developer_words not in labels
    assert "How often" in labels and "Hours between posts" in labels and "Time zone" in labels


def test_the_language_is_a_list_with_the_creators_own_first(owner_client, norwegian_in_new_york):
    page = owner_client.get(reverse("series:series_create")).content.decode()
    select = re.search(r'<select name="language"[^>]*>(.*?)</select>', page, re.S)[1]
    options = re.findall(r'<option value="([^"]*)"', select)
    assert options[0] == "nb" and "en" in options
    assert re.search(r'<option value="nb"[^>]*selected', select)


def test_the_time_zone_searches_iana_names_with_the_creators_zone_first(owner_client, norwegian_in_new_york):
    page = owner_client.get(reverse("series:series_create")).content.decode()
    assert re.search(r'<input type="text" name="timezone"[^>]*list="timezone-options"', page)
    zones = re.findall(
        r'<option value="([^"]+)">',
        re.search(r'<datalist id="timezone-options">(.*?)</datalist>', page, re.S)[1],
    )
    assert zones[0] == "America/New_York"
    assert "Europe/Oslo" in zones and "Asia/Tokyo" in zones and len(zones) > 300


def test_a_language_outside_the_list_is_refused(owner_client):
    data = series_form_data(start=timezone.localdate() + dt.timedelta(days=3), language="klingon")
    response = owner_client.post(reverse("series:series_create"), data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_editing_keeps_a_series_language_the_list_does_not_offer(owner_client, owner):
    series = make_series(owner, language="pt")
    page = owner_client.get(reverse("series:series_edit", args=[series.pk])).content.decode()
    assert re.search(r'<option value="pt"[^>]*selected', page)
