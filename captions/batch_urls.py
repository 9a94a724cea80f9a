from __future__ import annotations

from django.urls import path

from captions import views_batch

# Included by captions/urls.py under the "captions" namespace at /captions/batch/.
urlpatterns: list = [
    path("", views_batch.batch_upload_view, name="batch_upload"),
    path("<uuid:job_id>/download/", views_batch.batch_download, name="batch_download"),
]
