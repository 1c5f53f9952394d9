from django.urls import path

from nearer.exports import views

urlpatterns = [
    path("calendar/", views.calendar_settings, name="calendar_settings"),
    path("calendar/new/", views.calendar_new, name="calendar_new"),
    path("calendar/off/", views.calendar_off, name="calendar_off"),
    path("calendar/<slug:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("goals/<int:pk>/calendar.ics", views.goal_calendar, name="goal_calendar"),
    path("export/", views.export, name="export"),
    path("export/goals.json", views.goals_json, name="export_goals_json"),
    path("export/goals.csv", views.goals_csv, name="export_goals_csv"),
    path("export/checkins.csv", views.checkins_csv, name="export_checkins_csv"),
]
