from django.urls import path

from nearer.support import views

urlpatterns = [path("support/", views.support, name="support")]
