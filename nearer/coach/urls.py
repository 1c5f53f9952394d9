from django.urls import path

from nearer.coach import views

urlpatterns = [path("coach/", views.coach, name="coach")]
