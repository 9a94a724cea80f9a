"""Every aria-describedby on the series forms points at an element of the page (help text and
errors), with the form fresh and after a failed submit."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.series.factories import make_series

pytestmark = pytest.mark.django_db


class _References(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.described: list[tuple[str, str]] = []  # (field name, id it points at)

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"])
        for target in (found.get("aria-describedby") or "").split():
            self.described.append((found.get("name") or tag, target))


def dangling_references(html: str) -> list[str]:
    page = _References()
    page.feed(html)
    return [f"{name} → #{target}" for name, target in page.described if target not in page.ids]


@pytest.fixture
def series(owner):
    return make_series(owner, start_date=timezone.localdate() + dt.timedelta(days=7), now=timezone.now())


def test_help_and_error_references_of_the_series_forms_exist(owner_client, series):
    part = series.parts.get(number=1)
    pages = [
        reverse("series:series_create"),
        reverse("series:series_edit", args=[series.pk]),
        reverse("series:part_edit", args=[part.pk]),
        reverse("series:part_reschedule", args=[part.pk]),
        reverse("series:part_move", args=[part.pk]),
    ]
    for url in pages:
        assert dangling_references(owner_client.get(url).content.decode()) == [], url
    form = owner_client.get(pages[0]).content.decode()
    assert 'aria-describedby="id_parts_count_helptext"' in form  # the check has something to check


def test_references_hold_when_the_form_comes_back_with_errors(owner_client):
    response = owner_client.post(reverse("series:series_create"), {"title": "", "parts_count": "0"})
    assert response.status_code == 200
    assert dangling_references(response.content.decode()) == []


def test_references_hold_on_the_move_form_with_errors(owner_client, series):
    part = series.parts.get(number=1)
    response = owner_client.post(reverse("series:part_move", args=[part.pk]), {"date": "not a date"})
    assert response.status_code in (200, 400)
    assert "aria-invalid" in response.content.decode()
    assert dangling_references(response.content.decode()) == []
