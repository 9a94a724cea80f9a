from __future__ import annotations

app_name = "series"
urlpatterns: list = []
