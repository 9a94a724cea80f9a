"""A creator's series (a planned run of posts) and its parts, plus the reminder log.

Times: `Part.scheduled_at` is an aware datetime stored in UTC; the series' `timezone`
says which local wall-clock time it was planned at, so DST never moves a post.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

MAX_PARTS = 100

# Calendar colours, one per series in turn; readable with white text.
SERIES_COLORS = ["#2563eb", "#db2777", "#059669", "#d97706", "#7c3aed", "#0891b2", "#dc2626", "#4d7c0f"]


class Series(models.Model):
    class CadenceKind(models.TextChoices):
        PER_WEEK = "per_week", "posts per week"
        EVERY_N_DAYS = "every_n_days", "every N days"

    class PostingTimeMode(models.TextChoices):
        AUTO = "auto", "auto (audience peak hours)"
        FIXED = "fixed", "fixed time"

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="series")
    title = models.CharField(max_length=200)
    topic = models.CharField(max_length=300, blank=True)
    niche = models.CharField(max_length=50, blank=True)
    language = models.CharField(max_length=16, default="en")
    # Null means open-ended: the planner lays out a horizon of parts at a time.
    parts_count = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_PARTS)],
        help_text="1 to 100, or empty for an open-ended series.",
    )
    cadence_kind = models.CharField(max_length=16, choices=CadenceKind.choices, default=CadenceKind.PER_WEEK)
    cadence_value = models.PositiveSmallIntegerField(
        default=3, validators=[MinValueValidator(1)], help_text="Posts per week, or N in 'every N days'."
    )
    # Weekday numbers as Python's date.weekday(): 0 = Monday … 6 = Sunday.
    allowed_weekdays = models.JSONField(default=list, blank=True)
    posting_time_mode = models.CharField(
        max_length=8, choices=PostingTimeMode.choices, default=PostingTimeMode.AUTO
    )
    posting_time = models.TimeField(null=True, blank=True, help_text="Local time when the mode is fixed.")
    timezone = models.CharField(max_length=64, default="Europe/Oslo", help_text="IANA time zone")
    start_date = models.DateField()
    # Optional "finish by": every part must fit on or before it (open-ended: plan up to it).
    end_date = models.DateField(null=True, blank=True)
    blackout_dates = models.JSONField(default=list, blank=True, help_text="ISO dates with no posting.")
    min_gap_hours = models.PositiveSmallIntegerField(
        default=12, help_text="Minimum hours between any two of your posts, across all series."
    )
    color = models.CharField(max_length=7, default=SERIES_COLORS[0])
    hashtags = models.JSONField(default=list, blank=True)
    keywords = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "id"]
        verbose_name_plural = "series"
        constraints = [
            models.CheckConstraint(condition=Q(cadence_value__gte=1), name="series_cadence_positive"),
            models.CheckConstraint(
                condition=Q(parts_count__isnull=True) | Q(parts_count__gte=1, parts_count__lte=MAX_PARTS),
                name="series_parts_count_range",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Part(models.Model):
    class Status(models.TextChoices):
        IDEA = "idea"
        SCRIPTED = "scripted"
        FILMED = "filmed"
        SCHEDULED = "scheduled"
        POSTED = "posted"

    series = models.ForeignKey(Series, on_delete=models.CASCADE, related_name="parts")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    hook_prompt = models.TextField(blank=True)
    teaser = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.IDEA, db_index=True)
    # Aware, stored in UTC; null while the part is not placed on the calendar.
    scheduled_at = models.DateTimeField(null=True, blank=True, db_index=True)
    posted_at = models.DateTimeField(null=True, blank=True)
    caption_draft = models.TextField(blank=True)
    # The caption assistant's draft for this part, once the creator opens it there.
    draft = models.ForeignKey(
        "captions.Draft", null=True, blank=True, on_delete=models.SET_NULL, related_name="series_parts"
    )
    # Claimed with a conditional UPDATE (… WHERE reminder_sent_at IS NULL) before the mail goes out.
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["series_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["series", "number"], name="part_unique_number_in_series"),
        ]

    def __str__(self) -> str:
        return f"{self.series.title}: {self.title}"


class ReminderLog(models.Model):
    """One row per reminder ever sent: the unique (part, scheduled_at) pair is the idempotency key.

    Rescheduling a part makes a new key, so the moved part is reminded again, once.
    """

    part = models.ForeignKey(Part, on_delete=models.CASCADE, related_name="reminders")
    scheduled_at = models.DateTimeField()
    recipient = models.EmailField(blank=True)
    claimed_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-claimed_at"]
        constraints = [
            models.UniqueConstraint(fields=["part", "scheduled_at"], name="reminderlog_unique_part_slot"),
        ]

    def __str__(self) -> str:
        return f"reminder for part {self.part_id} at {self.scheduled_at:%Y-%m-%d %H:%M}"
