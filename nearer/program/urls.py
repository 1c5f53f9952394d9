from django.urls import path

from nearer.program import views

urlpatterns = [
    path("program/", views.program, name="program"),
    path("program/<slug:slug>/", views.step, name="program_step"),
]
