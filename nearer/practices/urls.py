from django.urls import path

from nearer.practices import views

urlpatterns = [
    path("practices/", views.index, name="practices"),
    path("practices/moment/", views.moment, name="practice_moment"),
    path("practices/pause/", views.pause, name="pause"),
    path("practices/appreciation/", views.appreciation, name="practice_appreciation"),
    path("practices/appreciations/", views.appreciation_inbox, name="appreciation_inbox"),
    path(
        "practices/appreciations/<int:pk>/",
        views.appreciation_detail,
        name="appreciation_detail",
    ),
    path(
        "practices/appreciations/<int:pk>/jar/",
        views.appreciation_keep,
        name="appreciation_keep",
    ),
    path(
        "practices/appreciations/<int:pk>/delete/",
        views.appreciation_delete,
        name="appreciation_delete",
    ),
    path("practices/jar/", views.appreciation_jar, name="appreciation_jar"),
    path("practices/time-together/", views.time_together, name="time_together"),
    path(
        "practices/time-together/timer/",
        views.time_together_timer,
        name="time_together_timer",
    ),
    path(
        "practices/time-together/done/",
        views.time_together_done,
        name="time_together_done",
    ),
    path(
        "practices/time-together/<int:pk>/invite.ics",
        views.time_together_invite,
        name="time_together_invite",
    ),
    path(
        "practices/time-together/<int:pk>/timer/",
        views.time_together_timer,
        name="time_together_timer_plan",
    ),
    path(
        "practices/time-together/<int:pk>/cancel/",
        views.time_together_cancel,
        name="time_together_cancel",
    ),
    path("practices/acts/", views.acts, name="practice_acts"),
]
