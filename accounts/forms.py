"""Sign-up and profile forms: what a creator fills in, checked with a clear reason when wrong."""

from __future__ import annotations

import re
import zoneinfo
from functools import cache

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm

from accounts.models import Profile
from captions.models import LANGUAGE_CHOICES

_HANDLE = re.compile(r"^[A-Za-z0-9_.]{2,24}$")


@cache
def timezone_names() -> list[str]:
    """IANA zone names a creator may pick, sorted (the legacy aliases such as "US/Pacific" included)."""
    return sorted(zoneinfo.available_timezones())


class SignupForm(UserCreationForm):
    email = forms.EmailField(required=False, help_text="Optional: for reminders about your posting plan.")

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "email")

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class ProfileForm(forms.ModelForm):
    default_language = forms.ChoiceField(
        choices=LANGUAGE_CHOICES,
        label="Default caption language",
        help_text="Used when the editor cannot tell a caption's language.",
    )

    class Meta:
        model = Profile
        fields = ["timezone", "tiktok_handle", "default_language", "niche"]
        labels = {"timezone": "Time zone", "tiktok_handle": "TikTok handle", "niche": "Your niche"}
        help_texts = {
            "timezone": "IANA name such as Europe/Oslo or America/New_York: posting times and reminders use it.",
            "niche": "e.g. food, fitness, travel: suggestions lean towards it.",
        }

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["timezone"].widget.attrs.update({"list": "timezone-options", "autocomplete": "off"})
        self.fields["tiktok_handle"].widget.attrs["placeholder"] = "yourname"

    def clean_timezone(self) -> str:
        name = self.cleaned_data["timezone"].strip()
        if name not in timezone_names():
            raise forms.ValidationError(
                f"“{name}” is not a time zone we know. Use an IANA name such as Europe/Oslo or America/New_York."
            )
        return name

    def clean_tiktok_handle(self) -> str:
        handle = self.cleaned_data["tiktok_handle"].strip().lstrip("@")
        if handle and not _HANDLE.match(handle):
            raise forms.ValidationError(
                "A TikTok handle has 2 to 24 letters, digits, underscores or dots (without the @)."
            )
        return handle

    def clean_niche(self) -> str:
        return self.cleaned_data["niche"].strip().lower()
