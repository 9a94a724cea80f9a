from __future__ import annotations

from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic.base import RedirectView

from api.api import api
from config import views

urlpatterns = [
    # First: Django tries the patterns in order on every request, and the API is the busiest door.
    path("api/v1/", api.urls),
    path("", views.home, name="home"),
    # Browsers ask for /favicon.ico on pages that name no icon (the API, downloads).
    path("favicon.ico", RedirectView.as_view(url=static("favicon.svg"), permanent=True)),
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("accounts/", include("accounts.urls")),
    path("captions/", include("captions.urls")),
    path("series/", include("series.urls")),
    path("trends/", include("trends.urls")),
    path("jobs/", include("jobs.urls")),
    path("your-posts/", include("creator_posts.urls")),
    path("api/tokens/", include("api.urls")),
]
