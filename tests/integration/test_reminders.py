"""Reminder idempotency through a real Celery worker on PostgreSQL + Redis.

The beat job runs several times while the test process sends the same reminders from
four threads at once: every due part gets exactly one email, counted as files written
by the file-based email backend that both processes share.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import email
import os
import signal
import threading
from collections.abc import Iterator
from email.header import decode_header, make_header
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.utils import timezone

from series.models import Part, ReminderLog
from series.reminders import reminders_send
from series.tasks import reminders_send_task
from tests.conftest import running_worker, wait_for
from tests.series.factories import make_series

pytestmark = pytest.mark.integration
RUNS = 4


@pytest.fixture
def mail_dir(tmp_path, settings) -> Path:
    folder = tmp_path / "mail"
    folder.mkdir()
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(folder)
    return folder


@contextlib.contextmanager
def mail_file_worker(settings, mail_dir: Path, **extra_env: str) -> Iterator[list[str]]:
    """A real prefork worker whose e-mail goes to files in `mail_dir`; yields its log lines."""
    with running_worker(
        settings,
        pool="prefork",
        settings_module="tests.integration.settings_mailfile",
        HOOKLINE_TEST_MAIL_DIR=str(mail_dir),
        **extra_env,
    ) as (_proc, log):
        yield log


@pytest.fixture
def mail_worker(transactional_db, settings, mail_dir):
    with mail_file_worker(settings, mail_dir) as log:
        yield log


def finished_runs(log: list[str]) -> int:
    return sum("reminders_send_task" in line and "succeeded" in line for line in log)


def sent_subjects(folder: Path) -> list[str]:
    """Decoded subjects of every message the file-based backend wrote (files hold one or more)."""
    subjects = []
    for path in folder.iterdir():
        for chunk in path.read_text(encoding="utf-8").split("-" * 79):
            if chunk.strip():
                message = email.message_from_string(chunk.strip())
                subjects.append(str(make_header(decode_header(message["Subject"]))))
    return subjects


def test_reminders_go_out_once_however_often_and_concurrently_the_job_runs(mail_worker, mail_dir, owner):
    series = make_series(
        owner, parts_count=4, start_date=timezone.localdate() + dt.timedelta(days=7), now=timezone.now()
    )
    now = timezone.now()
    # Three parts due within the hour, one later: placed directly, the planner is not under test here.
    for number, minutes in [(1, 20), (2, 30), (3, 40), (4, 300)]:
        Part.objects.filter(series=series, number=number).update(
            scheduled_at=now + dt.timedelta(minutes=minutes)
        )

    for _ in range(RUNS):
        reminders_send_task.delay()

    results: list[int] = []

    def run_here() -> None:
        try:
            results.append(reminders_send())
        finally:
            connection.close()

    threads = [threading.Thread(target=run_here) for _ in range(RUNS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    wait_for(lambda: finished_runs(mail_worker) >= RUNS, timeout=60)
    subjects = sent_subjects(mail_dir)
    assert sorted(subjects) == sorted(
        f"Reminder: Meal prep · Part {n}/4 goes out at "
        f"{Part.objects.get(series=series, number=n).scheduled_at.astimezone(ZoneInfo(series.timezone)):%H:%M}"
        for n in (1, 2, 3)
    )
    assert ReminderLog.objects.count() == 3
    assert not ReminderLog.objects.filter(sent_at__isnull=True).exists()
    assert Part.objects.get(series=series, number=4).reminder_sent_at is None
    worker_sent = sum(
        int(line.rsplit(": ", 1)[-1])
        for line in mail_worker
        if "reminders_send_task" in line and "succeeded" in line
    )
    assert worker_sent + sum(results) == 3


def test_a_worker_killed_while_sending_does_not_lead_to_a_second_email(
    transactional_db, settings, mail_dir, owner
):
    """The pool process dies inside the send (SIGKILL); acks_late + reject_on_worker_lost hand the
    task to another process, which finds the claim and sends nothing: at most once, never twice."""
    series = make_series(
        owner, parts_count=1, start_date=timezone.localdate() + dt.timedelta(days=7), now=timezone.now()
    )
    part = series.parts.get()
    Part.objects.filter(pk=part.pk).update(scheduled_at=timezone.now() + dt.timedelta(minutes=20))
    with mail_file_worker(settings, mail_dir, HOOKLINE_TEST_MAIL_DELAY="30") as log:
        reminders_send_task.delay()
        marker = wait_for(lambda: next(mail_dir.glob("sending-*"), None), timeout=60)
        os.kill(int(marker.name.removeprefix("sending-")), signal.SIGKILL)
        marker.unlink()
        # Redelivered after the loss, the task runs again in a fresh pool process and succeeds.
        wait_for(lambda: finished_runs(log) >= 1, timeout=60)
        assert any("WorkerLostError" in line or "SIGKILL" in line for line in log)
    assert sent_subjects(mail_dir) == []
    log_row = ReminderLog.objects.get(part=part)
    assert log_row.sent_at is None  # claimed, never confirmed: visible in the admin
    assert Part.objects.get(pk=part.pk).reminder_sent_at is not None
