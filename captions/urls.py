from __future__ import annotations

from django.urls import include, path

app_name = "captions"
urlpatterns: list = [
    path("batch/", include("captions.batch_urls")),
]
