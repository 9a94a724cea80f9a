from __future__ import annotations

from django.urls import path

from series import calendar_views, views

app_name = "series"
urlpatterns = [
    path("", views.series_list, name="series_list"),
    path("new/", views.series_create, name="series_create"),
    path("<int:series_id>/", views.series_detail, name="series_detail"),
    path("<int:series_id>/edit/", views.series_edit, name="series_edit"),
    path("<int:series_id>/replan/", views.series_replan, name="series_replan"),
    path("<int:series_id>/delete/", views.series_delete, name="series_delete"),
    path("parts/<int:part_id>/", views.part_edit, name="part_edit"),
    path("parts/<int:part_id>/reschedule/", views.part_reschedule, name="part_reschedule"),
    path("parts/<int:part_id>/draft/", views.part_draft, name="part_draft"),
    path("parts/<int:part_id>/move/", calendar_views.part_move, name="part_move"),
    path("peak-hours/", views.peak_hours, name="peak_hours"),
    path("calendar/", calendar_views.calendar_month, name="calendar"),
    path("calendar/week/", calendar_views.calendar_week, name="calendar_week"),
    path("calendar/<str:token>.ics", views.ical_feed, name="ical_feed"),
    path("calendar/feed/reset/", views.calendar_token_reset, name="calendar_token_reset"),
    path("export.csv", views.export_csv, name="export_csv"),
]
