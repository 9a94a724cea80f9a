"""API token management: a partial (templates/api/_tokens.html) the account page
includes, and a page of its own that works without JavaScript.

The account page includes the partial with `{% include "api/_tokens.html" %}` and
puts `token_context(request.user)` into its context. Create and revoke answer htmx
requests with the partial alone (it replaces #api-tokens), other requests with the
full token page; a new secret is rendered into that one response and never stored.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from api.models import ApiToken
from api.tokens import MAX_ACTIVE_TOKENS, TokenError, rate_limit_per_minute, token_create, token_revoke


class TokenForm(forms.Form):
    name = forms.CharField(
        max_length=100,
        label="Token name",
        help_text="Where you will use it, e.g. “Planning spreadsheet”.",
    )


def _get_token_for_user(request: HttpRequest, token_id: int) -> ApiToken:
    """The user's own token; another user's token is a 404, as if it did not exist."""
    return get_object_or_404(ApiToken, pk=token_id, user=request.user)


def token_context(
    user, *, form: TokenForm | None = None, new_secret: str = "", new_token=None
) -> dict[str, Any]:
    """Everything templates/api/_tokens.html needs, for the account page to merge in."""
    tokens = list(ApiToken.objects.filter(user=user))
    return {
        "api_tokens": tokens,
        "api_token_form": form or TokenForm(),
        "api_new_secret": new_secret,
        "api_new_token": new_token,
        "api_token_limit": MAX_ACTIVE_TOKENS,
        "api_active_count": sum(1 for token in tokens if token.is_active),
        "api_rate_limit": rate_limit_per_minute(),
    }


def _render_tokens(request: HttpRequest, context: dict[str, Any], status: int = 200) -> HttpResponse:
    template = "api/_tokens.html" if request.htmx else "api/token_list.html"
    return render(request, template, {"nav": "account", **context}, status=status)


@login_required
@require_GET
def token_list(request: HttpRequest) -> HttpResponse:
    return _render_tokens(request, token_context(request.user))


@login_required
@require_POST
def token_create_view(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST)
    if not form.is_valid():
        return _render_tokens(request, token_context(request.user, form=form), status=400)
    try:
        token, secret = token_create(user=request.user, name=form.cleaned_data["name"])
    except TokenError as exc:
        form.add_error("name", str(exc))
        return _render_tokens(request, token_context(request.user, form=form), status=400)
    # The secret goes into this response only: no redirect, no session, no log.
    return _render_tokens(request, token_context(request.user, new_secret=secret, new_token=token))


@login_required
@require_POST
def token_revoke_view(request: HttpRequest, token_id: int) -> HttpResponse:
    token = _get_token_for_user(request, token_id)
    token_revoke(token=token)
    if request.htmx:
        return _render_tokens(request, token_context(request.user))
    messages.success(request, f"Token “{token.name}” revoked: requests with it get 401 within a few seconds.")
    return redirect("api:token_list")
