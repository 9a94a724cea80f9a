"""Keeping a series' parts in the order they are numbered when one of them moves.

Teasers say "Next up in Part 3/6", so a part that lands after a later-numbered part (or
before an earlier one) leaves them pointing the wrong way. Before such a move the calendar
asks: keep the order by moving the later parts along, renumber the parts to follow the
calendar, or move anyway. This module finds the conflict and does the renumbering.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from seo.score.drafting import draft_language
from series import content
from series.models import Part, Series
from series.services import WORKING_TITLE

ORDER_SHIFT = "shift"  # move the later parts along (part_reschedule's "shift_rest")
ORDER_RENUMBER = "renumber"  # give the parts the numbers of their new calendar order
ORDER_ANYWAY = "anyway"  # move only this part and leave numbers and teasers as they are
ORDER_CHOICES = (ORDER_SHIFT, ORDER_RENUMBER, ORDER_ANYWAY)

# Numbers are unique per series, so renumbering goes through numbers no part uses.
_PARKING = 10_000


@dataclass(frozen=True)
class OrderConflict:
    """A move that would put `part` out of its numbered order."""

    part: Part
    overtakes: list[Part]  # later-numbered parts it would come after
    undercuts: list[Part]  # earlier-numbered parts it would come before
    can_shift: bool
    renumbered: dict[int, int]  # part id -> new number, when renumbering is possible, else {}

    @property
    def summary(self) -> str:
        titles = [p.title for p in (self.overtakes or self.undercuts)]
        where = "after" if self.overtakes else "before"
        return f"“{self.part.title}” would go out {where} {_listed(titles)}."

    @property
    def teasers_anyway(self) -> str:
        """What "move anyway" does to the teasers, in the creator's words."""
        if self.overtakes:
            passed = self.overtakes[0].title
            return (
                f"{self.part.title}'s teaser would announce {passed}, which is out by then, "
                f"and {passed} would go out before the part it follows."
            )
        return f"{self.undercuts[-1].title}'s teaser would announce {self.part.title}, which is out by then."

    @property
    def renumber_changes(self) -> list[tuple[Part, int]]:
        """(part, its new number) for every part whose number changes, in the new order."""
        parts = {p.pk: p for p in [self.part, *self.overtakes, *self.undercuts]}
        return sorted(
            (
                (parts[pk], new)
                for pk, new in self.renumbered.items()
                if pk in parts and parts[pk].number != new
            ),
            key=lambda change: change[1],
        )


def _listed(titles: list[str]) -> str:
    if len(titles) <= 2:
        return " and ".join(titles)
    return f"{titles[0]} … {titles[-1]} ({len(titles)} parts)"


def move_order_conflict(*, part: Part, when: dt.datetime) -> OrderConflict | None:
    """What moving `part` to `when` does to the series' order; None when the order holds."""
    others = [p for p in part.series.parts.exclude(pk=part.pk).order_by("number") if p.scheduled_at]
    overtakes = [p for p in others if p.number > part.number and p.scheduled_at <= when]
    undercuts = [p for p in others if p.number < part.number and p.scheduled_at >= when]
    if not overtakes and not undercuts:
        return None
    # Shifting moves the unposted later parts by as many days, so it keeps the order only
    # when the part moves later and none of the parts it passes is already out.
    can_shift = bool(overtakes) and not undercuts and all(p.status != Part.Status.POSTED for p in overtakes)
    return OrderConflict(
        part=part,
        overtakes=overtakes,
        undercuts=undercuts,
        can_shift=can_shift,
        renumbered=_calendar_numbers(part, when),
    )


def _calendar_numbers(part: Part, when: dt.datetime) -> dict[int, int]:
    """Part id -> number in calendar order after the move; {} when a posted part would change
    number (its video already says which part it is)."""
    parts = list(part.series.parts.order_by("number"))
    far = dt.datetime.max.replace(tzinfo=dt.UTC)

    def slot(p: Part) -> dt.datetime:
        at = when if p.pk == part.pk else p.scheduled_at
        return at or far

    ordered = sorted(parts, key=lambda p: (slot(p), p.number))
    numbers = {p.pk: n for n, p in enumerate(ordered, start=1)}
    if any(p.status == Part.Status.POSTED and numbers[p.pk] != p.number for p in parts):
        return {}
    return numbers


@transaction.atomic
def series_renumber_by_calendar(*, series: Series) -> list[Part]:
    """Number the parts in the order they go out; returns the parts whose number changed.

    A working title ("Part 2/6"), the part marker in the caption draft and a teaser Hookline
    wrote follow the new number, so every teaser points to the part that now follows it.
    A title or teaser the creator wrote is kept as written.
    """
    parts = list(series.parts.select_for_update().order_by("number"))
    far = dt.datetime.max.replace(tzinfo=dt.UTC)
    ordered = sorted(parts, key=lambda p: (p.scheduled_at or far, p.number))
    changed = [(p, n) for n, p in enumerate(ordered, start=1) if p.number != n]
    if not changed:
        return []
    topic = series.topic or series.title
    language = draft_language(topic, series.language)
    total = series.parts_count
    for p, _ in changed:
        Part.objects.filter(pk=p.pk).update(number=p.number + _PARKING)
    for p, new in changed:
        old = p.number
        old_marker, new_marker = (
            content.part_title(old, total, language),
            content.part_title(new, total, language),
        )
        if WORKING_TITLE.fullmatch(p.title) or p.title == old_marker:
            p.title = new_marker
        if p.teaser == content.teaser(topic=topic, number=old, total=total, language=language):
            p.teaser = content.teaser(topic=topic, number=new, total=total, language=language)
        p.caption_draft = p.caption_draft.replace(old_marker, new_marker)
        p.number = new
        p.save(update_fields=["number", "title", "teaser", "caption_draft", "updated_at"])
    return [p for p, _ in changed]
