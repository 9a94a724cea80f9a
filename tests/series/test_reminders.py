from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail

from series.models import Part, ReminderLog
from series.reminders import reminder_send, reminders_send
from series.services import part_reschedule, part_status_set
from series.tasks import reminders_send_task
from tests.series.factories import NOW, make_series

pytestmark = pytest.mark.django_db


@pytest.fixture
def series(owner):
    return make_series(owner, parts_count=3)


def due_time(series, number: int = 1) -> dt.datetime:
    return series.parts.get(number=number).scheduled_at


def test_a_reminder_goes_out_within_the_configured_time_before_the_part(series, settings):
    settings.SERIES_REMINDER_MINUTES_BEFORE = 30
    at = due_time(series)
    assert reminders_send(now=at - dt.timedelta(minutes=31)) == 0
    assert reminders_send(now=at - dt.timedelta(minutes=30)) == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["owner@example.com"]
    assert "Meal prep · Part 1/3 goes out at 18:00" in message.subject
    assert (
        "Caption draft:" in message.body and f"/series/parts/{series.parts.get(number=1).pk}/" in message.body
    )


def test_running_twice_never_sends_twice(series):
    now = due_time(series) - dt.timedelta(minutes=10)
    assert reminders_send(now=now) == 1
    assert reminders_send(now=now) == 0
    assert reminders_send(now=now + dt.timedelta(minutes=5)) == 0
    assert len(mail.outbox) == 1
    log = ReminderLog.objects.get()
    assert log.sent_at is not None and log.scheduled_at == due_time(series)


def test_a_stale_copy_of_the_part_cannot_send_again(series):
    now = due_time(series) - dt.timedelta(minutes=10)
    part = series.parts.get(number=1)
    stale = Part.objects.get(pk=part.pk)  # loaded before the first send, as a second worker would
    assert reminder_send(part=part, now=now) is True
    assert reminder_send(part=stale, now=now) is False
    assert len(mail.outbox) == 1


def test_a_worker_that_died_after_claiming_does_not_lead_to_a_second_email(series):
    part = series.parts.get(number=1)
    now = part.scheduled_at - dt.timedelta(minutes=10)
    # What a worker killed between the claim and the send leaves behind:
    Part.objects.filter(pk=part.pk).update(reminder_sent_at=now)
    ReminderLog.objects.create(part=part, scheduled_at=part.scheduled_at, recipient="owner@example.com")
    assert reminders_send(now=now) == 0
    assert mail.outbox == []
    assert ReminderLog.objects.get().sent_at is None  # visible in the admin as claimed, not sent


def test_a_refused_send_releases_the_claim_for_the_next_run(series, monkeypatch):
    now = due_time(series) - dt.timedelta(minutes=10)

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("smtp down")

    monkeypatch.setattr("series.reminders.send_mail", refuse)
    assert reminders_send(now=now) == 0
    assert not ReminderLog.objects.exists()
    assert series.parts.get(number=1).reminder_sent_at is None
    monkeypatch.undo()
    assert reminders_send(now=now) == 1 and len(mail.outbox) == 1


def test_a_moved_part_is_reminded_again_at_its_new_time_but_not_back_at_the_old_one(series):
    part = series.parts.get(number=1)
    old = part.scheduled_at
    assert reminders_send(now=old - dt.timedelta(minutes=10)) == 1
    new = old + dt.timedelta(days=1, hours=-6)  # the next day at 12:00, clear of the 12 h gap
    part_reschedule(part=part, when=new, now=NOW)
    assert reminders_send(now=new - dt.timedelta(minutes=10)) == 1
    part_reschedule(part=series.parts.get(number=1), when=old, now=NOW)
    assert reminders_send(now=old - dt.timedelta(minutes=10)) == 0  # that slot was reminded already
    assert len(mail.outbox) == 2


def test_posted_parts_past_parts_and_owners_without_email_get_no_reminder(series, owner):
    first = series.parts.get(number=1)
    part_status_set(part=first, status=Part.Status.POSTED, now=NOW)
    assert reminders_send(now=first.scheduled_at - dt.timedelta(minutes=10)) == 0
    second = series.parts.get(number=2)
    assert reminders_send(now=second.scheduled_at + dt.timedelta(minutes=1)) == 0
    owner.email = ""
    owner.save()
    assert reminders_send(now=second.scheduled_at - dt.timedelta(minutes=10)) == 0
    assert mail.outbox == []


def test_the_beat_task_sends_what_is_due_now(series, monkeypatch):
    due = due_time(series) - dt.timedelta(minutes=5)
    monkeypatch.setattr("series.reminders.timezone.now", lambda: due)
    assert reminders_send_task.delay().get() == 1
    assert reminders_send_task.delay().get() == 0
    assert len(mail.outbox) == 1
