from django.urls import path, register_converter

from nearer.coaching import views


class IdConverter:
    """A database id: digits that fit a 64-bit integer (longer ones are a 404, not a 500)."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(IdConverter, "coaching_id")

urlpatterns = [
    path("coaching/", views.coaching, name="coaching"),
    path("coaching/slots/<coaching_id:pk>/book/", views.book, name="coaching_book"),
    path("coaching/bookings/<coaching_id:pk>/", views.booking_detail, name="coaching_booking"),
    path("coaching/bookings/<coaching_id:pk>/share/", views.share, name="coaching_share"),
    path("coaching/bookings/<coaching_id:pk>/cancel/", views.cancel, name="coaching_cancel"),
    path("coaching/bookings/<coaching_id:pk>/move/", views.reschedule, name="coaching_reschedule"),
    path(
        "coaching/bookings/<coaching_id:pk>/goals/<coaching_id:goal_pk>/",
        views.shared_goal,
        name="coaching_shared_goal",
    ),
    path("coaching/availability/", views.availability, name="coaching_availability"),
    path("coaching/sessions/", views.sessions, name="coaching_sessions"),
    # The link in discreet emails: no telling words in the address either.
    path("appointments/<coaching_id:pk>/", views.appointment, name="appointment"),
]
