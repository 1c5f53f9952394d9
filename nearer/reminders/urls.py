from django.urls import path

from nearer.reminders import views

urlpatterns = [
    path("goals/<int:pk>/reminder/", views.reminder, name="reminder"),
    path("notifications/", views.notifications, name="notifications"),
    path("notifications/read/", views.notifications_read, name="notifications_read"),
]
