"""Weekly availability becomes concrete slots in UTC that keep their wall-clock time in the
coach's own zone across the 2026 clock changes."""

from datetime import time, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command

from nearer.coaching.models import Booking, Slot
from nearer.coaching.slots import sync_all, sync_slots
from nearer.coaching.tests.helpers import utc, weekly

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
MONDAY, SUNDAY = 0, 6


def starts(coach) -> list:
    return list(Slot.objects.filter(coach=coach).values_list("starts_at", flat=True))


def local_clock(coach, zone) -> set[str]:
    return {s.astimezone(zone).strftime("%a %H:%M") for s in starts(coach)}


def test_a_london_monday_at_six_stays_at_six_across_the_spring_change(coach):
    weekly(coach, MONDAY, time(18), time(19))
    sync_slots(coach, now=utc(2026, 3, 16, 0), weeks=3)
    assert starts(coach) == [
        utc(2026, 3, 16, 18),  # GMT
        utc(2026, 3, 23, 18),
        utc(2026, 3, 30, 17),  # BST from Sunday 29 March
    ]
    assert local_clock(coach, LONDON) == {"Mon 18:00"}


def test_a_london_monday_at_six_stays_at_six_across_the_autumn_change(coach):
    weekly(coach, MONDAY, time(18), time(19))
    sync_slots(coach, now=utc(2026, 10, 12, 0), weeks=3)
    assert starts(coach) == [
        utc(2026, 10, 12, 17),  # BST
        utc(2026, 10, 19, 17),
        utc(2026, 10, 26, 18),  # GMT from Sunday 25 October
    ]
    assert local_clock(coach, LONDON) == {"Mon 18:00"}


def test_a_new_york_monday_at_six_stays_at_six_across_both_changes(other_coach):
    weekly(other_coach, MONDAY, time(18), time(19))
    sync_slots(other_coach, now=utc(2026, 3, 1, 0), weeks=2)
    assert starts(other_coach) == [utc(2026, 3, 2, 23), utc(2026, 3, 9, 22)]  # EST, then EDT

    Slot.objects.all().delete()
    sync_slots(other_coach, now=utc(2026, 10, 26, 0), weeks=2)
    assert starts(other_coach) == [utc(2026, 10, 26, 22), utc(2026, 11, 2, 23)]  # EDT, then EST
    assert local_clock(other_coach, NEW_YORK) == {"Mon 18:00"}


def test_a_time_the_clocks_skip_gives_no_slot(coach):
    # 01:00 to 02:00 does not happen in London on Sunday 29 March 2026.
    weekly(coach, SUNDAY, time(0, 30), time(2, 30), minutes=30)
    sync_slots(coach, now=utc(2026, 3, 28, 12), weeks=1)
    assert starts(coach) == [utc(2026, 3, 29, 0, 30), utc(2026, 3, 29, 1, 0)]
    assert local_clock(coach, LONDON) == {"Sun 00:30", "Sun 02:00"}


def test_a_time_the_clocks_repeat_gives_one_slot_at_its_first_occurrence(coach):
    # 01:00 to 02:00 happens twice in London on Sunday 25 October 2026.
    weekly(coach, SUNDAY, time(0, 30), time(2, 0), minutes=30)
    sync_slots(coach, now=utc(2026, 10, 24, 12), weeks=1)
    assert starts(coach) == [
        utc(2026, 10, 24, 23, 30),  # 00:30 BST
        utc(2026, 10, 25, 0, 0),  # the first 01:00 (BST)
        utc(2026, 10, 25, 0, 30),  # the first 01:30 (BST)
    ]
    for slot in Slot.objects.all():
        assert slot.ends_at - slot.starts_at == timedelta(minutes=30)


def test_a_new_york_skipped_time_gives_no_slot(other_coach):
    weekly(other_coach, SUNDAY, time(1, 0), time(4, 0))
    sync_slots(other_coach, now=utc(2026, 3, 7, 12), weeks=1)
    # 01:00 EST, [02:00 does not exist], 03:00 EDT
    assert starts(other_coach) == [utc(2026, 3, 8, 6), utc(2026, 3, 8, 7)]


def test_sessions_fill_a_window_from_its_start_and_leftover_time_stays_free(coach):
    weekly(coach, MONDAY, time(18), time(20), minutes=45)
    sync_slots(coach, now=utc(2026, 3, 2, 0), weeks=1)
    assert local_clock(coach, LONDON) == {"Mon 18:00", "Mon 18:45"}  # 19:30 would end at 20:15
    [_, second] = Slot.objects.all()
    assert second.ends_at - second.starts_at == timedelta(minutes=45)


def test_slots_are_made_only_for_the_future_and_only_for_the_next_weeks(coach):
    weekly(coach, MONDAY, time(9), time(11))  # 09:00 and 10:00 London = UTC in March
    sync_slots(coach, now=utc(2026, 3, 2, 9, 30), weeks=2)
    assert starts(coach) == [utc(2026, 3, 2, 10), utc(2026, 3, 9, 9), utc(2026, 3, 9, 10)]


def test_making_slots_again_changes_nothing(coach):
    weekly(coach, MONDAY, time(18), time(20))
    assert sync_slots(coach, now=utc(2026, 3, 2, 0), weeks=4) == 8
    assert sync_slots(coach, now=utc(2026, 3, 2, 0), weeks=4) == 0
    assert Slot.objects.count() == 8


def test_a_removed_window_takes_away_free_slots_and_keeps_booked_ones(coach, alice, erin):
    window = weekly(coach, MONDAY, time(18), time(20))
    sync_slots(coach, now=utc(2026, 3, 2, 0), weeks=1)
    booked, _ = Slot.objects.all()
    Booking.objects.create(slot=booked, member=alice, created_at=utc(2026, 3, 2, 0))
    window.delete()
    sync_slots(coach, now=utc(2026, 3, 2, 1), weeks=1)
    assert list(Slot.objects.all()) == [booked]
    assert booked.bookings.get().status == Booking.Status.BOOKED


def test_a_slot_with_a_cancelled_booking_is_withdrawn_not_deleted(coach, alice):
    window = weekly(coach, MONDAY, time(18), time(19))
    sync_slots(coach, now=utc(2026, 3, 2, 0), weeks=1)
    slot = Slot.objects.get()
    Booking.objects.create(
        slot=slot, member=alice, created_at=utc(2026, 3, 2, 0), status=Booking.Status.CANCELLED
    )
    window.delete()
    sync_slots(coach, now=utc(2026, 3, 2, 1), weeks=1)
    slot.refresh_from_db()
    assert slot.withdrawn_at is not None
    assert not Slot.objects.open(now=utc(2026, 3, 2, 1)).exists()
    # Offered again, the same slot comes back rather than a second one.
    weekly(coach, MONDAY, time(18), time(19))
    sync_slots(coach, now=utc(2026, 3, 2, 2), weeks=1)
    assert list(Slot.objects.open(now=utc(2026, 3, 2, 2))) == [slot]


def test_a_changed_session_length_changes_free_slots(coach):
    window = weekly(coach, MONDAY, time(18), time(19))
    sync_slots(coach, now=utc(2026, 3, 2, 0), weeks=1)
    window.session_minutes = 30
    window.save()
    sync_slots(coach, now=utc(2026, 3, 2, 0), weeks=1)
    assert [(s.starts_at, s.ends_at) for s in Slot.objects.all()] == [
        (utc(2026, 3, 2, 18), utc(2026, 3, 2, 18, 30)),
        (utc(2026, 3, 2, 18, 30), utc(2026, 3, 2, 19)),
    ]


def test_the_command_makes_slots_for_active_coaches_only(coach, other_coach):
    weekly(coach, MONDAY, time(18), time(19))
    weekly(other_coach, MONDAY, time(18), time(19))
    other_coach.is_active = False
    other_coach.save()
    out = StringIO()
    call_command("make_coaching_slots", "--weeks", "2", stdout=out)
    assert out.getvalue().strip() == "Made 2 new slot(s) for 1 coach(es)."
    assert not Slot.objects.filter(coach=other_coach).exists()
    assert sync_all(now=utc(2026, 3, 2, 9)) == (2, 1)  # the default 4 weeks: 2 more


@pytest.mark.parametrize("weeks", ["0", "13", "-1"])
def test_the_command_refuses_a_number_of_weeks_out_of_range(db, weeks):
    with pytest.raises(CommandError, match="from 1 to 12"):
        call_command("make_coaching_slots", "--weeks", weeks)
