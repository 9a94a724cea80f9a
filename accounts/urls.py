from __future__ import annotations

from django.urls import path

from accounts import views

app_name = "accounts"
urlpatterns: list = [
    path("signup/", views.signup, name="signup"),
    path("", views.account, name="account"),
]
