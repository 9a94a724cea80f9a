"""Calendar pages: month and week views of the creator's parts, and moving a part.

Navigation is htmx (the `#calendar` region swaps) with plain links underneath; moving works
by drag and drop (static/js/calendar.js posts to `part_move`) or through a plain form.
"""

from __future__ import annotations

import json
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods

from series.calendar import (
    WEEKDAY_NAMES,
    CalendarInputError,
    creator_zone,
    local_today,
    month_grid_build,
    month_param,
    month_parse,
    series_colors,
    week_grid_build,
    week_param,
    week_parse,
)
from series.calendar_forms import PartMoveForm
from series.consistency import consistency_build
from series.models import Part
from series.order import (
    ORDER_CHOICES,
    ORDER_RENUMBER,
    ORDER_SHIFT,
    OrderConflict,
    move_order_conflict,
    series_renumber_by_calendar,
)
from series.selectors import part_get_for
from series.services import RESCHEDULE_ONLY_THIS, RESCHEDULE_SHIFT_REST, ScheduleError, part_reschedule


def _month_context(request: HttpRequest, value: str | None) -> tuple[dict, int]:
    zone = creator_zone(request.user)
    today = local_today(zone=zone)
    error, status = None, 200
    try:
        month = month_parse(value, today=today)
    except CalendarInputError as exc:
        error, status, month = str(exc), 400, today.replace(day=1)
    grid = month_grid_build(user=request.user, month=month, today=today, zone=zone)
    context = {
        "view": "month",
        "grid": grid,
        "title": f"Calendar · {grid.month:%B %Y}",
        "here": f"{reverse('series:calendar')}?month={grid.param}",
        "weekday_names": WEEKDAY_NAMES,
        "week_link": week_param(today if month_param(today) == grid.param else grid.month),
        "error": error,
        "consistency": consistency_build(user=request.user, zone=zone),
        "nav": "calendar",
    }
    return context, status


def _week_context(request: HttpRequest, value: str | None) -> tuple[dict, int]:
    zone = creator_zone(request.user)
    today = local_today(zone=zone)
    error, status = None, 200
    try:
        monday = week_parse(value, today=today)
    except CalendarInputError as exc:
        error, status, monday = str(exc), 400, week_parse(None, today=today)
    grid = week_grid_build(user=request.user, monday=monday, today=today, zone=zone)
    context = {
        "view": "week",
        "grid": grid,
        "title": f"Calendar · week {grid.monday.isocalendar()[1]}, {grid.monday.isocalendar()[0]}",
        "here": f"{reverse('series:calendar_week')}?week={grid.param}",
        "error": error,
        "consistency": consistency_build(user=request.user, zone=zone),
        "nav": "calendar",
    }
    return context, status


def _link_parts(days: list) -> None:
    """Give each movable part its move URL (posted parts stay put: their date is history)."""
    for day in days:
        for part in day.parts:
            part.move_url = (
                "" if part.status == Part.Status.POSTED else reverse("series:part_move", args=[part.pk])
            )


def _render_calendar(request: HttpRequest, context: dict, status: int) -> HttpResponse:
    _link_parts(context["grid"].days)
    page = "series/calendar.html"  # one page; context["view"] picks the month or week grid
    # A history restore (back button after the cache expired) needs the whole page.
    partial = request.htmx and not request.htmx.history_restore_request
    template = f"{page}#calendar" if partial else page
    context["status_choices"] = Part.Status.choices
    # Every time on the page is the creator's local time.
    with timezone.override(context["grid"].zone):
        return render(request, template, context, status=status)


@login_required
@require_GET
def calendar_month(request: HttpRequest) -> HttpResponse:
    """The month grid (Monday first) of every part the creator has placed, plus the consistency panel."""
    context, status = _month_context(request, request.GET.get("month"))
    return _render_calendar(request, context, status)


@login_required
@require_GET
def calendar_week(request: HttpRequest) -> HttpResponse:
    """One ISO week, day by day, with times."""
    context, status = _week_context(request, request.GET.get("week"))
    return _render_calendar(request, context, status)


def _region_after_move(request: HttpRequest, *, moved_to: date | None) -> tuple[dict, int]:
    """The calendar region the creator was looking at when they dropped a part."""
    if request.POST.get("view") == "week":
        fallback = week_param(moved_to) if moved_to else None
        return _week_context(request, request.POST.get("week") or fallback)
    fallback = month_param(moved_to) if moved_to else None
    return _month_context(request, request.POST.get("month") or fallback)


def _safe_next(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


@login_required
@require_http_methods(["GET", "POST"])
def part_move(request: HttpRequest, part_id: int) -> HttpResponse:
    """GET: the plain move form. POST: move only this part (drag and drop or the form)."""
    part = part_get_for(request.user, part_id)
    zone = creator_zone(request.user)
    if request.method != "POST":
        form = PartMoveForm(part=part, zone=zone)
        return _render_move_page(request, part, form)

    form = PartMoveForm(request.POST, part=part, zone=zone)
    previous = part.scheduled_at
    order = request.POST.get("order", "")
    renumbered: list[Part] = []
    if form.is_valid():
        when = form.cleaned_data["scheduled_at"]
        conflict = None if order in ORDER_CHOICES else move_order_conflict(part=part, when=when)
        if conflict:
            return _ask_about_order(request, part, form, conflict)
        try:
            renumbered = _move(part, when, order)
        except ScheduleError as exc:
            for problem in exc.problems:
                form.add_error(None, problem)
        else:
            part.refresh_from_db()
    if form.is_valid():
        local = part.scheduled_at.astimezone(zone)
        notice = f"Moved “{part.title}” to {local:%a %-d %b}, {local:%H:%M}." + _order_notice(
            order, renumbered
        )
        if request.htmx:
            context, _ = _region_after_move(request, moved_to=local.date())
            # Undo puts back one part; after a shift or a renumbering that would be a new muddle.
            undo = (
                _undo(part, previous, zone, context) if order not in (ORDER_SHIFT, ORDER_RENUMBER) else None
            )
            context.update(notice=notice, moved_part_id=part.pk, undo=undo)
            return _render_calendar(request, context, 200)
        messages.success(request, notice)
        fallback = f"{reverse('series:calendar')}?month={month_param(local.date())}"
        return redirect(_safe_next(request, fallback))

    if request.htmx:
        context, _ = _region_after_move(request, moved_to=None)
        context["move_error"] = f"Could not move “{part.title}”: " + " ".join(
            str(message) for errors in form.errors.values() for message in errors
        )
        return _render_calendar(request, context, 422)
    return _render_move_page(request, part, form, status=400)


def _move(part: Part, when, order: str) -> list[Part]:
    """Move the part as the creator chose; the parts renumbered, if that was the choice."""
    mode = RESCHEDULE_SHIFT_REST if order == ORDER_SHIFT else RESCHEDULE_ONLY_THIS
    part_reschedule(part=part, when=when, mode=mode)
    if order == ORDER_RENUMBER:
        return series_renumber_by_calendar(series=part.series)
    return []


def _order_notice(order: str, renumbered: list[Part]) -> str:
    if order == ORDER_SHIFT:
        return " The later parts moved along with it, so every teaser still points the right way."
    if renumbered:
        return f" Renumbered {len(renumbered)} parts to follow the calendar; their teasers follow the new numbers."
    return ""


def _ask_about_order(request: HttpRequest, part: Part, form: PartMoveForm, conflict: OrderConflict):
    """Nothing moved yet: say what the move would do to the order and offer the ways out (409)."""
    choice = {
        "conflict": conflict,
        "date": form.cleaned_data["date"].isoformat(),
        "time": request.POST.get("time", ""),
        "move_url": reverse("series:part_move", args=[part.pk]),
    }
    if request.htmx:
        context, _ = _region_after_move(request, moved_to=None)
        context["order_choice"] = {**choice, "back": context["here"]}
        return _render_calendar(request, context, 409)
    return _render_move_page(request, part, form, status=409, order_choice=choice)


def _undo(part: Part, previous, zone, context: dict) -> dict | None:
    """An Undo button's request: the part back to where it was, answered with the same view."""
    if previous is None or previous <= timezone.now():
        return None  # nowhere to go back to, or that slot has passed
    local = previous.astimezone(zone)
    values = {"date": local.date().isoformat(), "time": f"{local:%H:%M}", "view": context["view"]}
    values[context["view"]] = context["grid"].param
    return {"url": reverse("series:part_move", args=[part.pk]), "vals": json.dumps(values)}


def _render_move_page(
    request: HttpRequest, part: Part, form: PartMoveForm, status: int = 200, order_choice: dict | None = None
) -> HttpResponse:
    back = reverse("series:calendar")
    if part.scheduled_at:
        back += f"?month={month_param(part.scheduled_at.astimezone(form.zone).date())}"
    context = {
        "part": part,
        "part_bg": series_colors(part.series.color)[0],
        "form": form,
        "zone": form.zone,
        "next": _safe_next(request, back),
        "nav": "calendar",
        "order_choice": order_choice and {**order_choice, "back": _safe_next(request, back)},
    }
    with timezone.override(form.zone):
        return render(request, "series/calendar_move.html", context, status=status)
