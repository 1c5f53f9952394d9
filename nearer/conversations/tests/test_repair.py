"""The repair queue: note one small thing, choose a calm time 24–48 hours ahead in the
member's own time zone, read a gentle guide, mark it repaired. A time that passed is met with
kindness and a way to pick a new one."""

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from nearer.conversations.models import RepairItem, suggested_times
from nearer.conversations.tests.helpers import page

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)  # a Monday, 11:00 in Paris
PARIS = ZoneInfo("Europe/Paris")
URL = reverse("talk_repair")


@pytest.fixture
def paris_alice(alice):
    alice.time_zone = "Europe/Paris"
    alice.save()
    return alice


@pytest.fixture
def browser(client_for, paris_alice):
    return client_for(paris_alice)


def local(hours_ahead: float) -> str:
    """A datetime-local value ``hours_ahead`` of NOW, as Alice in Paris would type it."""
    return (NOW + timedelta(hours=hours_ahead)).astimezone(PARIS).strftime("%Y-%m-%dT%H:%M")


def note(browser, *, when="other", other="", issue="The way plans changed on Sunday"):
    return browser.post(URL, {"issue": issue, "when": when, "other": other})


@time_machine.travel(NOW, tick=False)
def test_a_small_thing_is_noted_for_a_calm_time_and_the_guide_follows(browser, paris_alice):
    response = note(browser, other=local(30))
    item = RepairItem.objects.get()
    assert response["Location"] == reverse("talk_repair_item", args=[item.pk])
    assert item.owner == paris_alice
    assert item.talk_at == NOW + timedelta(hours=30)

    text = page(browser.get(response["Location"]))
    assert "Tuesday 3 March, 17:00" in text  # 16:00 UTC is 17:00 in Paris
    assert "One thing only." in text
    assert "Say what you need." in text
    assert "not about who is to blame" in text
    assert "Keep it gentle." in text
    assert "Start softly." in text


@time_machine.travel(NOW, tick=False)
def test_a_suggested_time_can_be_chosen_in_one_tap(browser):
    text = page(browser.get(URL))
    values = re.findall(r'name="when" value="(\d{4}-\d\d-\d\dT\d\d:\d\d)"', text)
    assert 2 <= len(values) <= 3
    note(browser, when=values[0])
    assert (
        RepairItem.objects.get().talk_at.astimezone(PARIS).strftime("%Y-%m-%dT%H:%M") == values[0]
    )


@pytest.mark.parametrize(
    ("other", "message"),
    [
        (local(23), "That's a little soon. Please choose a time between"),
        (local(49), "That's a little far off, and small things are easiest to mend early."),
        (local(-2), "That time has already passed."),
        ("tomorrow-ish", "Please enter a date and time, like 2026-03-02 19:30."),
        ("2026-02-30T19:00", "Please enter a date and time, like 2026-03-02 19:30."),
        ("99999-01-01T10:00", "Please enter a date and time, like 2026-03-02 19:30."),
        ("x" * 500, "Please enter a date and time, like 2026-03-02 19:30."),
        ("", "Please choose a time for the talk: one of the suggestions, or your own."),
    ],
)
@time_machine.travel(NOW, tick=False)
def test_a_time_outside_24_to_48_hours_gets_a_clear_message_and_nothing_is_saved(
    browser, other, message
):
    response = note(browser, other=other)
    assert response.status_code == 200
    assert message in page(response)
    assert not RepairItem.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_the_message_names_the_window_in_the_members_own_time(browser):
    text = page(note(browser, other=local(23)))
    assert "between Tuesday 3 March, 11:00 and Wednesday 4 March, 11:00" in text


@pytest.mark.parametrize("hours", [24, 36, 48])
@time_machine.travel(NOW, tick=False)
def test_the_edges_of_the_window_are_welcome(browser, hours):
    assert note(browser, other=local(hours)).status_code == 302


@time_machine.travel(NOW, tick=False)
def test_the_window_is_measured_in_the_members_time_zone(client_for, alice):
    alice.time_zone = "Pacific/Auckland"  # 23:00 on Monday there
    alice.save()
    tomorrow_same_time = "2026-03-03T23:00"  # 24 hours ahead in Auckland
    assert note(client_for(alice), other=tomorrow_same_time).status_code == 302
    assert RepairItem.objects.get().talk_at == NOW + timedelta(hours=24)


@pytest.mark.parametrize(
    ("issue", "message"),
    [
        ("", "Please write the small thing you'd like to raise."),
        ("y" * 301, "Please keep it to 300 characters or fewer (this has 301)."),
    ],
)
@time_machine.travel(NOW, tick=False)
def test_a_bad_note_gets_a_clear_message_and_nothing_is_saved(browser, issue, message):
    response = note(browser, issue=issue, other=local(30))
    assert response.status_code == 200
    assert message in page(response)
    assert not RepairItem.objects.exists()


@pytest.mark.parametrize("zone", ["Europe/Paris", "America/New_York", "Pacific/Auckland", "UTC"])
@pytest.mark.parametrize("hour", [0, 5, 11, 17, 20, 23])
def test_there_are_always_two_or_three_suggestions_inside_the_window(zone, hour):
    now = datetime(2026, 3, 28, hour, 17, tzinfo=UTC)  # the night Europe changes its clocks
    times = suggested_times(now, ZoneInfo(zone))
    assert 2 <= len(times) <= 3
    assert times == sorted(times)
    for moment in times:
        assert now + timedelta(hours=24) < moment < now + timedelta(hours=48)


# --- Later: done, or the time passed ----------------------------------------------------------


@pytest.fixture
def item(paris_alice):
    return RepairItem.objects.create(
        owner=paris_alice, issue="The way plans changed", talk_at=NOW + timedelta(hours=30)
    )


def test_marking_it_repaired_says_that_took_courage(browser, item):
    with time_machine.travel(NOW + timedelta(hours=31), tick=False):
        response = browser.post(reverse("talk_repair_done", args=[item.pk]), follow=True)
    assert "That took courage." in page(response)
    item.refresh_from_db()
    assert item.repaired_at == NOW + timedelta(hours=31)
    assert "Repaired" in page(browser.get(URL))


def test_a_time_that_passed_is_met_kindly_with_a_way_to_pick_a_new_one(browser, item):
    with time_machine.travel(NOW + timedelta(hours=40), tick=False):
        text = page(browser.get(reverse("talk_repair_item", args=[item.pk])))
        listing = page(browser.get(URL))
    assert "The time passed, and that's okay. Want to pick a new one?" in text
    assert reverse("talk_repair_time", args=[item.pk]) in text
    assert "The time passed, and that's okay." in listing
    for harsh in ["missed", "overdue", "failed", "late", "forgot"]:
        assert not re.search(rf"\b{harsh}\b", text, re.I), harsh


def test_a_new_time_can_be_picked_after_the_old_one_passed(browser, item):
    later = NOW + timedelta(hours=40)
    new_time = (later + timedelta(hours=26)).astimezone(PARIS).strftime("%Y-%m-%dT%H:%M")
    with time_machine.travel(later, tick=False):
        response = browser.post(
            reverse("talk_repair_time", args=[item.pk]), {"when": "other", "other": new_time}
        )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.talk_at == later + timedelta(hours=26)


def test_a_bad_new_time_explains_and_keeps_the_old_one(browser, item):
    later = NOW + timedelta(hours=40)
    with time_machine.travel(later, tick=False):
        response = browser.post(
            reverse("talk_repair_time", args=[item.pk]), {"when": "other", "other": "soon"}
        )
    assert response.status_code == 200
    assert "Please enter a date and time" in page(response)
    item.refresh_from_db()
    assert item.talk_at == NOW + timedelta(hours=30)


def test_an_item_can_be_taken_off_the_list(browser, item):
    browser.post(reverse("talk_repair_delete", args=[item.pk]))
    assert not RepairItem.objects.exists()
