from __future__ import annotations

from django.urls import path

from api import views

app_name = "api"
urlpatterns = [
    path("", views.token_list, name="token_list"),
    path("new/", views.token_create_view, name="token_create"),
    path("<int:token_id>/revoke/", views.token_revoke_view, name="token_revoke"),
]
