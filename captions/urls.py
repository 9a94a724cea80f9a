from __future__ import annotations

from django.urls import include, path

from captions import views

app_name = "captions"
urlpatterns: list = [
    path("", views.draft_list, name="draft_list"),
    path("new/", views.draft_new, name="draft_new"),
    path("panel/", views.draft_panel, name="draft_panel"),
    path("<int:draft_id>/", views.draft_edit, name="draft_edit"),
    path("<int:draft_id>/duplicate/", views.draft_duplicate, name="draft_duplicate"),
    path("<int:draft_id>/delete/", views.draft_delete, name="draft_delete"),
    path("batch/", include("captions.batch_urls")),
]
