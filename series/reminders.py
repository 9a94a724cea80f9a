"""Reminder emails a configurable time before a part is due, each sent at most once.

A reminder is claimed before it is sent, in one transaction: a conditional UPDATE
(`… WHERE reminder_sent_at IS NULL`) on the part and a ReminderLog row unique per
(part, scheduled time). A second run, a concurrent worker or a retry finds the claim
and sends nothing; a worker that dies after the claim leaves a log row without
`sent_at` (visible in the admin) rather than risking a duplicate; a send the mail
server refuses releases the claim so the next run tries again. Moving a part
clears its claim, so the new time gets its own reminder, once.
"""

from __future__ import annotations

import datetime as dt
import logging
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from series.models import Part, ReminderLog

logger = logging.getLogger(__name__)


def minutes_before() -> int:
    return settings.SERIES_REMINDER_MINUTES_BEFORE


def reminders_due(*, now: dt.datetime) -> QuerySet[Part]:
    """Unposted parts due within the next `minutes_before()` minutes, not reminded yet."""
    return (
        Part.objects.filter(
            scheduled_at__gt=now,
            scheduled_at__lte=now + dt.timedelta(minutes=minutes_before()),
            reminder_sent_at__isnull=True,
        )
        .exclude(status=Part.Status.POSTED)
        .exclude(series__owner__email="")
        .order_by("scheduled_at", "id")
    )


def _claim(part: Part, now: dt.datetime) -> ReminderLog | None:
    """Take the reminder for this part's current slot, or None when someone else has it."""
    try:
        with transaction.atomic():
            taken = Part.objects.filter(
                pk=part.pk, reminder_sent_at__isnull=True, scheduled_at=part.scheduled_at
            ).update(reminder_sent_at=now)
            if not taken:
                return None
            return ReminderLog.objects.create(
                part=part, scheduled_at=part.scheduled_at, recipient=part.series.owner.email
            )
    except IntegrityError:
        # This slot was reminded before (the part moved away and back): never twice.
        return None


def _message(part: Part) -> tuple[str, str]:
    series = part.series
    local = part.scheduled_at.astimezone(ZoneInfo(series.timezone))
    link = settings.SITE_URL + reverse("series:part_edit", args=[part.pk])
    subject = f"Reminder: {series.title} · {part.title} goes out at {local:%H:%M}"
    lines = [
        f"{part.title} of “{series.title}” is planned for {local:%A %d %B at %H:%M} ({series.timezone}).",
        "",
        f"Hook: {part.hook_prompt}" if part.hook_prompt else "",
        f"Teaser for the next part: {part.teaser}" if part.teaser else "",
        "",
        "Caption draft:",
        part.caption_draft or "(none yet)",
        "",
        f"Open the part: {link}",
    ]
    return subject, "\n".join(lines)


def reminder_send(*, part: Part, now: dt.datetime | None = None) -> bool:
    """Claim and send one part's reminder; False when it was already claimed."""
    now = now or timezone.now()
    log = _claim(part, now)
    if log is None:
        return False
    subject, body = _message(part)
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [log.recipient], fail_silently=False)
    except Exception:
        # The mail server said no, so nothing went out: release the claim for the next run.
        with transaction.atomic():
            ReminderLog.objects.filter(pk=log.pk).delete()
            Part.objects.filter(pk=part.pk, reminder_sent_at=now).update(reminder_sent_at=None)
        raise
    ReminderLog.objects.filter(pk=log.pk).update(sent_at=timezone.now())
    logger.info("reminder sent for part %s to %s", part.pk, log.recipient)
    return True


def reminders_send(*, now: dt.datetime | None = None) -> int:
    """Send every due reminder; returns how many this run sent. Safe to run twice at once."""
    now = now or timezone.now()
    sent = 0
    for part in reminders_due(now=now).select_related("series__owner"):
        try:
            sent += reminder_send(part=part, now=now)
        except Exception:
            # One refused address must not hold back everyone else's reminders.
            logger.exception("reminder for part %s failed; it will be tried again", part.pk)
    return sent
