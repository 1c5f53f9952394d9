from django.contrib import admin
from django.urls import include, path

from nearer import views

admin.site.site_header = "Nearer administration"
admin.site.site_title = "Nearer admin"

# The 500 page keeps the quick exit without context processors or the database.
handler500 = "nearer.views.server_error"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/", include("allauth.urls")),
    path("", include("nearer.accounts.urls")),
    path("", include("nearer.program.urls")),
    path("", include("nearer.safety.urls")),
    path("", include("nearer.goals.urls")),
    path("", include("nearer.today.urls")),
    path("", include("nearer.reminders.urls")),
    path("", include("nearer.exports.urls")),
    path("", include("nearer.practices.urls")),
    path("", include("nearer.conversations.urls")),
    path("", include("nearer.journal.urls")),
    path("", include("nearer.coach.urls")),
    path("", include("nearer.coaching.urls")),
    path("", include("nearer.chat.urls")),
    path("", include("nearer.community.urls")),
    path("", include("nearer.support.urls")),
    path("admin/", admin.site.urls),
]
