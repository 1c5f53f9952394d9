from django.urls import path

from nearer.today import views

urlpatterns = [
    path("today/", views.today, name="today"),
    path("today/goals/<int:pk>/check-in/", views.check_in, name="today_check_in"),
    path("today/goals/<int:pk>/earlier/", views.earlier, name="today_earlier"),
    path("today/goals/<int:pk>/moment/", views.count_moment, name="today_moment"),
    path("today/goals/<int:pk>/rest/", views.rest, name="today_rest"),
    path("today/goals/<int:pk>/undo/", views.undo, name="today_undo"),
    path("today/hard-season/", views.hard_season, name="hard_season"),
    path("today/hard-season/end/", views.hard_season_end, name="hard_season_end"),
    path("today/reflection/", views.reflection, name="reflection"),
    path("welcome/", views.welcome, name="welcome"),
]
