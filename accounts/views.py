"""Sign-up and the account page (profile settings, password, API tokens, calendar feed)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from accounts.forms import ProfileForm, SignupForm, timezone_names
from accounts.models import profile_for
from api.views import token_context


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("home")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        profile_for(user)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request, f"Welcome to Hookline, {user.get_username()}! Start with your first caption."
        )
        return redirect("captions:draft_new")
    status = 400 if request.method == "POST" else 200
    return render(request, "registration/signup.html", {"form": form}, status=status)


def _account_context(request: HttpRequest, form: ProfileForm) -> dict[str, Any]:
    profile = form.instance
    context: dict[str, Any] = {
        "form": form,
        "profile": profile,
        "timezones": timezone_names(),
        "nav": "account",
    }
    context.update(token_context(request.user))
    return context


@login_required
@require_http_methods(["GET", "POST"])
def account(request: HttpRequest) -> HttpResponse:
    profile = profile_for(request.user)
    if request.method == "POST":
        form = ProfileForm(request.POST, instance=profile)
        if form.is_valid():
            form.save()
            messages.success(request, "Your settings are saved.")
            return redirect("accounts:account")
        return render(request, "accounts/account.html", _account_context(request, form), status=400)
    return render(request, "accounts/account.html", _account_context(request, ProfileForm(instance=profile)))
