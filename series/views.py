"""Series pages: list, create/edit/delete, parts, rescheduling, peak hours, exports."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from accounts.models import Profile, profile_for
from series import services
from series.export import plan_csv
from series.forms import PartForm, RescheduleForm, SeriesForm
from series.ical import calendar_feed_build
from series.models import Part
from series.peak_hours import peak_hours_compute
from series.planner import Plan
from series.selectors import (
    part_get_for,
    scheduled_parts_for,
    series_color_unused,
    series_get_for,
    series_list_for,
)


def _report_plan(request: HttpRequest, plan: Plan) -> None:
    for line in plan.explanations:
        messages.warning(request, line)


def _schedule_failed(form, error: services.ScheduleError) -> None:
    form.add_error(None, "The schedule does not fit, so nothing was saved:")
    for problem in error.problems:
        form.add_error(None, problem)


@login_required
def series_list(request: HttpRequest) -> HttpResponse:
    all_series = list(series_list_for(request.user))
    now = timezone.now()
    for s in all_series:
        parts = list(s.parts.all())
        s.part_total = len(parts)
        s.posted_total = sum(p.status == Part.Status.POSTED for p in parts)
        upcoming = [p for p in parts if p.scheduled_at and p.scheduled_at >= now and p.status != "posted"]
        s.next_part = min(upcoming, key=lambda p: p.scheduled_at) if upcoming else None
    return render(request, "series/series_list.html", {"nav": "series", "series_list": all_series})


@login_required
def series_create(request: HttpRequest) -> HttpResponse:
    profile = profile_for(request.user)
    if request.method == "POST":
        form = SeriesForm(request.POST, **_creator_defaults(profile))
        if form.is_valid():
            try:
                series, plan = services.series_create(owner=request.user, fields=form.model_fields())
            except services.ScheduleError as error:
                _schedule_failed(form, error)
            else:
                messages.success(request, f"“{series.title}” is planned: {len(plan.placements)} parts.")
                _report_plan(request, plan)
                return redirect("series:series_detail", series_id=series.pk)
    else:
        tomorrow = timezone.now().astimezone(ZoneInfo(profile.timezone)).date() + dt.timedelta(days=1)
        form = SeriesForm(
            **_creator_defaults(profile),
            initial={
                "timezone": profile.timezone,
                "language": profile.default_language,
                "niche": profile.niche,
                "start_date": tomorrow,
                "parts_count": 6,
                "cadence_value": 3,
                "min_gap_hours": 12,
                # Else the colour input shows the model default, the same blue every time.
                "color": series_color_unused(owner=request.user),
            },
        )
    return render(request, "series/series_form.html", {"nav": "series", "form": form, "creating": True})


def _creator_defaults(profile) -> dict[str, str]:
    """What heads the form's language and time-zone lists: the creator's own."""
    return {"creator_language": profile.default_language, "creator_zone": profile.timezone}


@login_required
def series_detail(request: HttpRequest, series_id: int) -> HttpResponse:
    series = series_get_for(request.user, series_id)
    tz = ZoneInfo(series.timezone)
    parts = list(series.parts.all())
    for part in parts:
        part.local_at = part.scheduled_at.astimezone(tz) if part.scheduled_at else None
    context = {"nav": "series", "series": series, "parts": parts, "weekday_names": _weekday_names(series)}
    return render(request, "series/series_detail.html", context)


def _weekday_names(series) -> str:
    from series.planner import WEEKDAY_NAMES

    days = series.allowed_weekdays or []
    return ", ".join(WEEKDAY_NAMES[d][:3] for d in days) if days else "any day"


@login_required
def series_edit(request: HttpRequest, series_id: int) -> HttpResponse:
    series = series_get_for(request.user, series_id)
    if request.method == "POST":
        form = SeriesForm(request.POST, instance=series, **_creator_defaults(profile_for(request.user)))
        if form.is_valid():
            try:
                plan = services.series_update(series=series, fields=form.model_fields())
            except services.ScheduleError as error:
                _schedule_failed(form, error)
            else:
                messages.success(
                    request, f"Saved; the parts not yet posted were re-planned ({len(plan.placements)})."
                )
                _report_plan(request, plan)
                return redirect("series:series_detail", series_id=series.pk)
    else:
        form = SeriesForm(instance=series, **_creator_defaults(profile_for(request.user)))
    return render(request, "series/series_form.html", {"nav": "series", "form": form, "series": series})


@login_required
@require_POST
def series_replan(request: HttpRequest, series_id: int) -> HttpResponse:
    """Place every part not yet posted again from today (an open-ended series gets a new horizon)."""
    series = series_get_for(request.user, series_id)
    try:
        plan = services.series_schedule(series=series)
    except services.ScheduleError as error:
        messages.error(
            request, "The plan does not fit any more, so nothing changed: " + "; ".join(error.problems)
        )
    else:
        messages.success(request, f"Re-planned {len(plan.placements)} parts from today.")
        _report_plan(request, plan)
    return redirect("series:series_detail", series_id=series.pk)


@login_required
def series_delete(request: HttpRequest, series_id: int) -> HttpResponse:
    series = series_get_for(request.user, series_id)
    if request.method == "POST":
        title = series.title
        services.series_delete(series=series)
        messages.success(request, f"Deleted “{title}” and its parts.")
        return redirect("series:series_list")
    return render(request, "series/series_confirm_delete.html", {"nav": "series", "series": series})


@login_required
def part_edit(request: HttpRequest, part_id: int) -> HttpResponse:
    part = part_get_for(request.user, part_id)
    if request.method == "POST":
        form = PartForm(request.POST, instance=part)
        if form.is_valid():
            fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
            services.part_update(part=Part.objects.get(pk=part.pk), fields=fields)
            messages.success(request, f"Saved {fields['title']}.")
            return redirect("series:series_detail", series_id=part.series_id)
    else:
        form = PartForm(instance=part)
    return render(request, "series/part_form.html", {"nav": "series", "form": form, "part": part})


@login_required
def part_reschedule(request: HttpRequest, part_id: int) -> HttpResponse:
    part = part_get_for(request.user, part_id)
    tz_name = part.series.timezone
    if request.method == "POST":
        form = RescheduleForm(request.POST, timezone_name=tz_name)
        if form.is_valid():
            try:
                plan = services.part_reschedule(
                    part=part, when=form.cleaned_data["when"], mode=form.cleaned_data["mode"]
                )
            except services.ScheduleError as error:
                for problem in error.problems:
                    form.add_error(None, problem)
            else:
                messages.success(request, f"Moved {part.title}.")
                _report_plan(request, plan)
                return redirect("series:series_detail", series_id=part.series_id)
    else:
        local = part.scheduled_at.astimezone(ZoneInfo(tz_name)) if part.scheduled_at else None
        initial = {"date": local.date(), "time": local.time().replace(second=0)} if local else {}
        form = RescheduleForm(initial=initial, timezone_name=tz_name)
    return render(request, "series/part_reschedule.html", {"nav": "series", "form": form, "part": part})


@login_required
@require_POST
def part_draft(request: HttpRequest, part_id: int) -> HttpResponse:
    """Open (or create) the part's draft in the caption assistant."""
    part = part_get_for(request.user, part_id)
    draft = services.part_draft_open(part=part)
    return redirect("captions:draft_edit", draft_id=draft.pk)


@login_required
def peak_hours(request: HttpRequest) -> HttpResponse:
    profile = profile_for(request.user)
    niche = request.GET.get("niche", profile.niche).strip()[:50]
    language = request.GET.get("language", profile.default_language).strip()[:16]
    result = peak_hours_compute(
        timezone_name=profile.timezone,
        niche=niche,
        language=language,
        handle=profile.tiktok_handle,
        user=request.user,
    )
    rows = [
        {"hour": h, "stat": result.hours[h], "cells": [result.cells[d][h] for d in range(7)]}
        for h in range(24)
    ]
    context = {
        "nav": "series",
        "result": result,
        "rows": rows,
        "niche": niche,
        "language": language,
        "profile": profile,
        "best_hours": result.best_hours,
    }
    return render(request, "series/peak_hours.html", context)


def ical_feed(request: HttpRequest, token: str) -> HttpResponse:
    """No sign-in: calendar apps fetch it. The token is the secret; a reset token is a 404,
    and so is the feed of a deactivated account (its secret URL must stop working too)."""
    profile = (
        Profile.objects.select_related("user").filter(calendar_token=token, user__is_active=True).first()
    )
    if profile is None or not token:
        raise Http404("No such calendar feed.")
    parts = scheduled_parts_for(profile.user)
    body = calendar_feed_build(
        parts=parts, site_url=settings.SITE_URL, name=f"Hookline · {profile.user.get_username()}"
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="hookline.ics"'
    response["Cache-Control"] = "private, max-age=300"
    return response


@login_required
@require_POST
def calendar_token_reset(request: HttpRequest) -> HttpResponse:
    services.calendar_token_reset(user=request.user)
    messages.success(request, "Your calendar feed has a new address; the old one no longer works.")
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = ""
    return redirect(target or "series:series_list")


@login_required
def export_csv(request: HttpRequest) -> HttpResponse:
    parts = Part.objects.filter(series__owner=request.user).select_related("series")
    filename = "hookline-plan.csv"
    series_id = request.GET.get("series")
    if series_id:
        if not series_id.isdigit():
            raise Http404("No such series.")
        series = series_get_for(request.user, int(series_id))
        parts = parts.filter(series=series)
        filename = f"hookline-series-{series.pk}.csv"
    parts = parts.order_by("scheduled_at", "series_id", "number")
    response = HttpResponse(plan_csv(parts), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
