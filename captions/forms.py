"""The draft editor's form: what is saved, checked the same way the panel counts it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import MaxLengthValidator

from captions.models import DRAFT_FIELDS, LANGUAGE_CHOICES, Draft
from captions.panel import FIELD_LIMITS, tags_parse, tags_text
from seo.score.checklist import MAX_HASHTAGS
from seo.suggest.engine import blocked_tags

AUTO_LANGUAGE = ("", "Detect from the text")


class DraftForm(forms.ModelForm):
    language = forms.ChoiceField(
        choices=[AUTO_LANGUAGE, *LANGUAGE_CHOICES],
        required=False,
        label="Language",
        help_text="Detected from what you write; pick one to override.",
    )
    hashtags = forms.CharField(
        required=False,
        max_length=800,
        label="Hashtags",
        help_text=f"Up to {MAX_HASHTAGS}, separated by spaces. Click tags in the assistant to add or remove them.",
    )

    class Meta:
        model = Draft
        fields = list(DRAFT_FIELDS)
        widgets = {
            "topic": forms.Textarea(attrs={"rows": 2}),
            "caption": forms.Textarea(attrs={"rows": 7}),
        }
        help_texts = {
            "title": "Only you see this.",
            "topic": "What the video is about, in your own words.",
            "hook": "What you say in the first 3 seconds: keep it under 10 words.",
            "on_screen_text": "The text shown on the video itself.",
            "niche": "e.g. food, fitness, travel: suggestions lean towards it.",
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        if not self.is_bound and "hashtags" not in self.initial:
            self.initial["hashtags"] = tags_text(list(self.instance.hashtags or []))
        elif isinstance(self.initial.get("hashtags"), list):
            self.initial["hashtags"] = tags_text(self.initial["hashtags"])
        for name in ("topic", "caption"):
            self._limit_length(name, FIELD_LIMITS[name])
        self.fields["niche"].widget.attrs["list"] = "niche-options"
        self.fields["title"].widget.attrs["placeholder"] = "e.g. 15-minute pasta"
        self.fields["hook"].widget.attrs["placeholder"] = "e.g. This pasta takes 15 minutes"
        self.fields["caption"].widget.attrs["placeholder"] = "Paste or write your caption…"

    def _limit_length(self, name: str, limit: int) -> None:
        """Refuse text longer than the assistant reads (the model's TextField has no limit),
        so a pasted novel is named as such instead of being scored at length on save."""
        field = self.fields[name]
        field.max_length = limit
        field.widget.attrs["maxlength"] = str(limit)
        label = str(field.label or name).lower()
        field.validators.append(
            MaxLengthValidator(
                limit,
                message=f"The {label} is %(show_value)d characters long; at most {limit:,} are allowed.",
            )
        )

    def clean_hashtags(self) -> list[str]:
        tags = tags_parse(self.cleaned_data.get("hashtags", ""))
        if len(tags) > MAX_HASHTAGS:
            raise forms.ValidationError(
                f"You chose {len(tags)} hashtags; TikTok allows at most {MAX_HASHTAGS}. "
                f"Remove {len(tags) - MAX_HASHTAGS}."
            )
        blocked = [tag for tag in tags if tag in blocked_tags()]
        if blocked:
            listed = ", ".join(f"#{tag}" for tag in blocked)
            raise forms.ValidationError(
                f"{listed} {'is' if len(blocked) == 1 else 'are'} blocked: remove it."
            )
        return tags
