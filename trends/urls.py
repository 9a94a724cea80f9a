from __future__ import annotations

from django.urls import path

from trends import views

app_name = "trends"
urlpatterns = [
    path("", views.explorer, name="explorer"),
    path("hooks/", views.hooks, name="hooks"),
    path("<slug:kind>/<path:key>/", views.detail, name="detail"),
]
