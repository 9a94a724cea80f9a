"""The front page: a landing page for visitors, a dashboard for signed-in creators."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from seo.models import Hashtag, TrendPost


def home(request: HttpRequest) -> HttpResponse:
    context = {
        "post_count": TrendPost.objects.count(),
        "hashtag_count": Hashtag.objects.filter(canonical__isnull=True).count(),
    }
    return render(request, "home.html", context)
