from __future__ import annotations

from celery import shared_task
from django.db import OperationalError

from series.reminders import reminders_send


@shared_task(
    name="series.tasks.reminders_send_task",
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=3,
    soft_time_limit=50,
    time_limit=55,
)
def reminders_send_task() -> int:
    """Email the reminders now due (run every minute by beat); a second or concurrent run sends nothing twice."""
    return reminders_send()
