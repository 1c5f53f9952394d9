from django.urls import path

from nearer.safety import views

urlpatterns = [path("too-hard/", views.too_hard, name="too_hard")]
