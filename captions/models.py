"""A creator's caption draft: the idea, the words and the hashtags of one video."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from seo.text.caption import final_caption

# Languages the editor offers. Detection covers more; these are the ones creators pick.
LANGUAGE_CHOICES = [
    ("en", "English"),
    ("nb", "Norwegian (bokmål)"),
    ("da", "Danish"),
    ("sv", "Swedish"),
    ("de", "German"),
    ("nl", "Dutch"),
    ("fr", "French"),
    ("es", "Spanish"),
    ("pt", "Portuguese"),
    ("it", "Italian"),
    ("pl", "Polish"),
    ("fi", "Finnish"),
]
LANGUAGE_NAMES = dict(LANGUAGE_CHOICES)


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code or "unknown")


# What the creator writes in a draft, in the editor's order: the form, the panel's input and
# "Duplicate" all use this one list. The rest of a Draft (owner, detected language, score,
# times) is derived when it is saved.
DRAFT_FIELDS = ("title", "topic", "hook", "on_screen_text", "caption", "language", "niche", "hashtags")


def draft_values(draft: Any) -> dict[str, Any]:
    """The DRAFT_FIELDS of a Draft (or of the editor's input), with a copy of the tag list."""
    values = {name: getattr(draft, name) for name in DRAFT_FIELDS}
    values["hashtags"] = list(values["hashtags"] or [])
    return values


class Draft(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="drafts")
    title = models.CharField("Working title", max_length=200)
    topic = models.TextField("Topic or idea", blank=True)
    hook = models.CharField("Spoken hook (first 3 seconds)", max_length=300, blank=True)
    on_screen_text = models.CharField("On-screen text", max_length=300, blank=True)
    caption = models.TextField("Draft caption", blank=True)
    # Blank means "detect from the text"; `detected_language` keeps what detection said at save.
    language = models.CharField(max_length=16, blank=True, choices=LANGUAGE_CHOICES)
    detected_language = models.CharField(max_length=16, blank=True)
    niche = models.CharField(max_length=50, blank=True)
    hashtags = models.JSONField(default=list, blank=True, help_text="Normalised tags without '#'.")
    # Cached at save so the list can sort by it without re-scoring every draft.
    score = models.PositiveSmallIntegerField(null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        indexes = [models.Index(fields=["owner", "-updated_at"]), models.Index(fields=["owner", "-score"])]

    def __str__(self) -> str:
        return self.title

    @property
    def effective_language(self) -> str:
        return self.language or self.detected_language or "en"

    @property
    def final_caption(self) -> str:
        """What gets pasted into TikTok: the caption, then the chosen tags it does not already carry."""
        return final_caption(self.caption, self.hashtags)
