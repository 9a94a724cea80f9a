from __future__ import annotations

app_name = "trends"
urlpatterns: list = []
