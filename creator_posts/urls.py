from __future__ import annotations

from django.urls import path

from creator_posts import views

app_name = "creator_posts"

urlpatterns = [
    path("", views.your_posts, name="your_posts"),
    path("delete/", views.your_posts_delete, name="delete_all"),
]
