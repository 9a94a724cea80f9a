"""Reads for series: ownership-checked lookups, the creator's busy slots and a free colour."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from series.models import SERIES_COLORS, Part, Series
from series.planner import BusySlot


def series_get_for(user, series_id: int) -> Series:
    """The user's series, or 404: another creator's series does not exist for them."""
    return get_object_or_404(Series, pk=series_id, owner=user)


def part_get_for(user, part_id: int) -> Part:
    """The user's part, or 404."""
    return get_object_or_404(Part.objects.select_related("series"), pk=part_id, series__owner=user)


def series_color_unused(*, owner) -> str:
    """The first palette colour none of the owner's series uses, so a new series stands apart
    on the calendar; once all are taken, the one fewest series use (first in the palette on a tie)."""
    used = Counter(
        color.lower() for color in Series.objects.filter(owner=owner).values_list("color", flat=True)
    )
    return min(SERIES_COLORS, key=lambda color: (used[color], SERIES_COLORS.index(color)))


def series_list_for(user) -> QuerySet[Series]:
    return Series.objects.filter(owner=user).prefetch_related("parts")


def scheduled_parts_for(user) -> QuerySet[Part]:
    return (
        Part.objects.filter(series__owner=user, scheduled_at__isnull=False)
        .select_related("series")
        .order_by("scheduled_at", "id")
    )


def busy_slots_for(
    user, *, exclude_series: Series | None = None, exclude_part_ids: Iterable[int] = ()
) -> list[BusySlot]:
    """Every scheduled post of the creator (the planner keeps the minimum gap to each)."""
    parts = scheduled_parts_for(user)
    if exclude_series is not None:
        parts = parts.exclude(series=exclude_series)
    ids = list(exclude_part_ids)
    if ids:
        parts = parts.exclude(pk__in=ids)
    return [BusySlot(p.scheduled_at, f"“{p.series.title}” part {p.number}") for p in parts]
