from django.urls import path

from nearer.safety import screen_views, views

urlpatterns = [
    path("too-hard/", views.too_hard, name="too_hard"),
    path("private-check/", screen_views.check, name="safety_check"),
    path("private-check/support/", screen_views.support, name="safety_support"),
    path("private-check/<int:pk>/delete/", screen_views.delete, name="safety_check_delete"),
]
