from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

from api.api import api
from config import views

urlpatterns = [
    path("", views.home, name="home"),
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("accounts/", include("accounts.urls")),
    path("captions/", include("captions.urls")),
    path("series/", include("series.urls")),
    path("trends/", include("trends.urls")),
    path("jobs/", include("jobs.urls")),
    path("api/v1/", api.urls),
    path("api/tokens/", include("api.urls")),
]
