from __future__ import annotations

import itertools

import pytest

from series.demo import demo_series_create
from series.models import Part, Series

pytestmark = pytest.mark.django_db


def test_the_demo_creator_gets_two_planned_series_once(owner):
    first = demo_series_create(user=owner)
    again = demo_series_create(user=owner)
    assert [s.pk for s in first] == [s.pk for s in again]
    assert Series.objects.filter(owner=owner).count() == 2
    fixed, open_ended = first
    assert fixed.parts.count() == 6 and open_ended.parts_count is None and open_ended.parts.count() > 6
    assert not Part.objects.filter(series__owner=owner, scheduled_at__isnull=True).exists()
    times = sorted(Part.objects.filter(series__owner=owner).values_list("scheduled_at", flat=True))
    gap = min(b - a for a, b in itertools.pairwise(times))
    assert gap.total_seconds() >= 6 * 3600  # the demo's minimum gap holds across both series
