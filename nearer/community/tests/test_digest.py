"""The optional daily email of new replies: off by default, at most one a member a day,
each reply once, and without telling words when the member asked for discretion."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from conftest import make_member
from nearer.community.digest import send_digest
from nearer.community.models import DigestDelivery, State
from nearer.community.tests.conftest import answer, join, write

MORNING = "2026-03-02 09:00:00+00:00"


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(MORNING, tick=False) as traveller:
        yield traveller


@pytest.fixture
def alice_in(alice, group):
    membership = join(alice, group, "Willow")
    membership.profile.digest_by_email = True
    membership.profile.save()
    return membership


def run():
    call_command("send_community_digest", verbosity=0)


def test_the_digest_is_off_unless_a_member_turns_it_on(erin, group, client_for):
    member = join(erin, group, "Harbour")
    other = join(make_member("fern@example.com", "Fern"), group, "Maple Hollow")
    answer(other, write(member))
    assert member.profile.digest_by_email is False
    run()
    assert mail.outbox == []
    browser = client_for(erin)
    page = browser.get(reverse("community_profile")).content.decode()
    box = re.search(r"<input[^>]*name=\"digest_by_email\"[^>]*>", page).group(0)
    assert "checked" not in box
    browser.post(reverse("community_profile"), {"name": "Harbour", "digest_by_email": "on"})
    member.profile.refresh_from_db()
    assert member.profile.digest_by_email is True


def test_one_email_a_day_listing_new_replies_even_if_run_twice(
    alice_in, erin_in, carol_in, group, clock
):
    post = write(alice_in, "Sleep and us", "x")
    first = answer(erin_in, post, "a")
    answer(carol_in, post, "b")
    answer(alice_in, post, "my own words")  # not news to me
    run()
    run()
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["alice@example.com"]
    assert email.subject == "New replies to your posts"
    assert "Harbour Light replied to “Sleep and us” in New parents" in email.body
    assert "Juniper replied to" in email.body
    assert f"/updates/{first.pk}/" in email.body
    assert "my own words" not in email.body and email.body.count("replied to") == 2
    assert "/updates/email/" in email.body

    clock.shift(timedelta(hours=3))
    answer(erin_in, post, "later the same day")
    run()
    assert len(mail.outbox) == 1  # tomorrow's, not today's

    clock.shift(timedelta(days=1))
    run()
    run()
    assert len(mail.outbox) == 2
    assert mail.outbox[1].body.count("replied to") == 1
    assert DigestDelivery.objects.count() == 2


def test_no_new_replies_means_no_email(alice_in, erin_in):
    write(alice_in)
    run()
    assert mail.outbox == []
    assert not DigestDelivery.objects.exists()


def test_held_and_hidden_replies_are_not_in_the_digest(
    alice_in, erin, group, moderator, client_for
):
    post = write(alice_in)
    newcomer = join(erin, group, "Harbour", trusted=False)
    held = answer(newcomer, post, "waiting")
    assert held.state == State.HELD
    run()
    assert mail.outbox == []
    client_for(moderator).post(
        f"/community/{group.slug}/moderate/replies/{held.pk}/", {"action": "approve"}
    )
    client_for(moderator).post(
        f"/community/{group.slug}/moderate/replies/{held.pk}/", {"action": "hide"}
    )
    run()
    assert mail.outbox == []


def test_a_reply_let_through_later_still_arrives_in_a_digest(
    alice_in, erin, group, moderator, client_for, clock
):
    post = write(alice_in)
    newcomer = join(erin, group, "Harbour", trusted=False)
    held = answer(newcomer, post, "waiting")
    clock.shift(timedelta(hours=1))
    client_for(moderator).post(
        f"/community/{group.slug}/moderate/replies/{held.pk}/", {"action": "approve"}
    )
    run()
    assert len(mail.outbox) == 1 and "Harbour replied to" in mail.outbox[0].body


TELLING = re.compile(
    r"communit|group|post|repl|partner|relationship|couple|marri|parent|willow|harbour|"
    r"sleep|moderat",
    re.IGNORECASE,
)


def test_discreet_wording_tells_nothing_in_subject_or_body(alice, alice_in, erin_in):
    alice.discreet = True
    alice.save()
    post = write(alice_in, "Sleep and us", "x")
    answer(erin_in, post, "a")
    answer(erin_in, post, "b")
    run()
    email = mail.outbox[0]
    assert email.subject == "Something new on Nearer"
    assert not TELLING.search(email.subject)
    assert not TELLING.search(email.body), email.body
    assert email.body.startswith("There's something new for you on Nearer: 2 new messages.")


def test_a_second_digest_the_same_day_is_refused_by_the_database(alice_in, erin_in):
    post = write(alice_in)
    answer(erin_in, post)
    assert send_digest(alice_in.profile.pk, now=timezone.now()) is True
    answer(erin_in, post, "again")
    alice_in.profile.refresh_from_db()
    alice_in.profile.digest_through = None  # as if a second scheduler had read stale state
    alice_in.profile.save()
    assert send_digest(alice_in.profile.pk, now=timezone.now()) is False
    assert len(mail.outbox) == 1


def test_the_loop_sends_on_its_first_pass(alice_in, erin_in, group, monkeypatch):
    from io import StringIO

    from nearer.lib import scheduling

    def stop(seconds):  # end the loop after its first pass, instead of waiting a minute
        raise KeyboardInterrupt

    monkeypatch.setattr(scheduling.time, "sleep", stop)
    monkeypatch.setattr(scheduling, "close_old_connections", lambda: None)
    answer(erin_in, write(alice_in, "Sleep and us", "x"), "a")
    out = StringIO()
    call_command("send_community_digest", "--loop", stdout=out)
    assert "Sent 1 reply digest(s)." in out.getvalue()
    assert len(mail.outbox) == 1
