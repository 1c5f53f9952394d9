from django.urls import path

from nearer.program import views

urlpatterns = [path("program/", views.program, name="program")]
