"""The front page: a landing page for visitors, a dashboard for signed-in creators."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from seo.models import Hashtag, TrendPost

RECENT_DRAFTS = 4


def home(request: HttpRequest) -> HttpResponse:
    context = {
        "post_count": TrendPost.objects.count(),
        "hashtag_count": Hashtag.objects.filter(canonical__isnull=True).count(),
    }
    if request.user.is_authenticated:
        from captions.models import Draft

        drafts = Draft.objects.filter(owner=request.user)
        context["recent_drafts"] = list(drafts.order_by("-updated_at")[:RECENT_DRAFTS])
        context["draft_count"] = drafts.count()
    return render(request, "home.html", context)
