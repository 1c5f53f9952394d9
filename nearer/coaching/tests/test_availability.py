"""A coach publishes weekly times in their own zone; bad rows get clear words, save nothing."""

from datetime import time

import pytest

from nearer.coaching.models import Availability, Slot
from nearer.coaching.tests.helpers import utc, weekly

URL = "/coaching/availability/"


def rows(*windows, zone="Europe/London", initial=0, **extra) -> dict:
    data = {
        "time_zone": zone,
        "rows-TOTAL_FORMS": str(len(windows)),
        "rows-INITIAL_FORMS": str(initial),
        "rows-MIN_NUM_FORMS": "0",
        "rows-MAX_NUM_FORMS": "28",
    }
    for i, (weekday, start, end, minutes) in enumerate(windows):
        data |= {
            f"rows-{i}-weekday": weekday,
            f"rows-{i}-start_time": start,
            f"rows-{i}-end_time": end,
            f"rows-{i}-session_minutes": minutes,
        }
    return data | extra


def test_a_coach_publishes_weekly_times_and_slots_open_at_once(coach, client_for):
    browser = client_for(coach.user)
    response = browser.post(URL, rows(("0", "18:00", "20:00", "60"), ("2", "09:00", "10:30", "45")))
    assert response.status_code == 302
    assert [str(a) for a in Availability.objects.filter(coach=coach)] == [
        "Monday 18:00–20:00 (60 min)",
        "Wednesday 09:00–10:30 (45 min)",
    ]
    # Four weeks from Monday 2 March: 2 a Monday and 2 a Wednesday; all still ahead.
    assert Slot.objects.open(now=utc(2026, 3, 2, 9)).filter(coach=coach).count() == 16
    page = browser.get(URL)
    assert "16 open times over the next 4 weeks." in page.content.decode()
    assert 'value="18:00"' in page.content.decode()


def test_the_coach_can_change_their_time_zone(coach, client_for):
    browser = client_for(coach.user)
    browser.post(URL, rows(("0", "18:00", "19:00", "60"), zone="America/New_York"))
    coach.refresh_from_db()
    assert coach.time_zone == "America/New_York"
    first = Slot.objects.filter(coach=coach).first()
    assert first.starts_at == utc(2026, 3, 2, 23)  # 18:00 EST


def test_an_empty_extra_row_is_ignored(coach, client_for):
    data = rows(("0", "18:00", "19:00", "60"), ("", "", "", "60"))
    assert client_for(coach.user).post(URL, data).status_code == 302
    assert Availability.objects.count() == 1


def test_removing_a_window_removes_it(coach, client_for):
    weekly(coach, 0, time(18), time(19))
    weekly(coach, 1, time(18), time(19))
    data = rows(("0", "18:00", "19:00", "60"), ("1", "18:00", "19:00", "60"), initial=2)
    data["rows-0-DELETE"] = "on"
    assert client_for(coach.user).post(URL, data).status_code == 302
    assert [a.weekday for a in Availability.objects.all()] == [1]


@pytest.mark.parametrize(
    ("window", "message"),
    [
        (("0", "19:00", "18:00", "60"), "Please make the end time later than the start time"),
        (("0", "18:00", "18:00", "60"), "Please make the end time later than the start time"),
        (("0", "18:00", "18:20", "30"), "From 18:00 to 18:20 is shorter than one 30-minute"),
        (("0", "6pm", "19:00", "60"), "Please write the time as hours and minutes, like 18:00."),
        (("0", "25:00", "26:00", "60"), "Please write the time as hours and minutes"),
        (("0", "", "19:00", "60"), "Please add a start time, like 18:00."),
        (("0", "18:00", "", "60"), "Please add an end time, like 18:00."),
        (("", "18:00", "19:00", "60"), "Please choose a day."),
        (("9", "18:00", "19:00", "60"), "Please choose a day from the list."),
        (("monday", "18:00", "19:00", "60"), "Please choose a day from the list."),
        (("0", "18:00", "19:00", "50"), "Please choose 30, 45 or 60 minutes."),
        (("0", "18:00", "19:00", ""), "Please choose how long each session is."),
    ],
)
def test_a_bad_window_gets_clear_words_and_saves_nothing(coach, client_for, window, message):
    weekly(coach, 4, time(9), time(10))
    response = client_for(coach.user).post(URL, rows(window))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert [a.weekday for a in Availability.objects.all()] == [4]


def test_overlapping_windows_on_one_day_are_refused(coach, client_for):
    data = rows(("0", "18:00", "20:00", "60"), ("0", "19:00", "21:00", "60"))
    response = client_for(coach.user).post(URL, data)
    assert response.status_code == 400
    assert (
        "Monday 18:00–20:00 overlaps Monday 19:00–21:00. Please change or remove one of them."
        in response.content.decode()
    )
    assert not Availability.objects.exists()


def test_windows_that_touch_or_fall_on_other_days_are_fine(coach, client_for):
    data = rows(
        ("0", "18:00", "19:00", "60"), ("0", "19:00", "20:00", "60"), ("1", "18:30", "19:30", "60")
    )
    assert client_for(coach.user).post(URL, data).status_code == 302
    assert Availability.objects.count() == 3


def test_a_removed_row_may_overlap_without_complaint(coach, client_for):
    data = rows(("0", "18:00", "20:00", "60"), ("0", "19:00", "oops", "60"), initial=2)
    data["rows-1-DELETE"] = "on"
    assert client_for(coach.user).post(URL, data).status_code == 302
    assert Availability.objects.count() == 1


def test_an_unknown_time_zone_is_refused(coach, client_for):
    response = client_for(coach.user).post(
        URL, rows(("0", "18:00", "19:00", "60"), zone="Mars/Base")
    )
    assert response.status_code == 400
    assert "Please choose a time zone from the list." in response.content.decode()


def test_a_broken_form_gets_a_gentle_message_not_an_error(coach, client_for):
    response = client_for(coach.user).post(URL, {"time_zone": "Europe/London"})
    assert response.status_code == 400
    assert "Something went wrong with the form. Please try again." in response.content.decode()


def test_too_many_windows_are_refused(coach, client_for):
    windows = [(str(d % 7), f"{h:02d}:00", f"{h:02d}:30", "30") for d in range(7) for h in range(5)]
    response = client_for(coach.user).post(URL, rows(*windows))
    assert response.status_code == 400
    assert "Please keep to 28 windows or fewer." in response.content.decode()
    assert not Availability.objects.exists()


def test_seconds_in_a_time_are_dropped(coach, client_for):
    client_for(coach.user).post(URL, rows(("0", "18:00:30", "19:00:59", "60")))
    window = Availability.objects.get()
    assert (window.start_time, window.end_time) == (time(18), time(19))


def test_a_member_who_is_not_a_coach_gets_a_404(alice_client):
    assert alice_client.get(URL).status_code == 404
    assert alice_client.post(URL, rows(("0", "18:00", "19:00", "60"))).status_code == 404
    assert not Availability.objects.exists()


def test_a_coach_whose_role_ended_gets_a_404(coach, client_for):
    coach.is_active = False
    coach.save()
    assert client_for(coach.user).get(URL).status_code == 404
