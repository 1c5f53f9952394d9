"""Privacy across the practices: a partner sees only appreciations sent to them; another
couple gets 404 for every id; unlinking stops sending at once; logs are their owner's alone."""

import uuid

import pytest
from django.urls import reverse

from nearer.accounts.actions import unlink
from nearer.accounts.models import Couple, User
from nearer.practices import actions
from nearer.practices.actions import PracticeError
from nearer.practices.models import Appreciation, Moment, Pause, SmallAct, TimeTogether
from nearer.practices.tests.conftest import NOW, TODAY, token
from nearer.reminders.models import Notification

pytestmark = pytest.mark.django_db

ID_PAGES_GET = ["appreciation_detail"]
ID_PAGES_POST = ["appreciation_keep", "appreciation_delete"]


@pytest.fixture
def sent(alice, bob) -> Appreciation:
    return Appreciation.objects.create(
        author=alice, recipient=bob, text="Sent to Bob", day=TODAY, sent_at=NOW
    )


@pytest.fixture
def private(alice) -> Appreciation:
    return Appreciation.objects.create(author=alice, text="Alice's own words", day=TODAY)


@pytest.fixture
def plan(alice) -> TimeTogether:
    return TimeTogether.objects.create(owner=alice, starts_at=NOW.replace(hour=19))


def test_the_partner_reads_what_was_sent_to_them(bob, sent, client_for):
    response = client_for(bob).get(reverse("appreciation_detail", args=[sent.pk]))

    assert response.status_code == 200
    assert b"Sent to Bob" in response.content
    assert b"Keep it in the jar" in response.content


def test_the_author_reads_what_they_sent_but_cannot_jar_it(alice_client, sent):
    page = alice_client.get(reverse("appreciation_detail", args=[sent.pk]))
    jar = alice_client.post(reverse("appreciation_keep", args=[sent.pk]), {"keep": "1"})

    assert page.status_code == 200
    assert b"Keep it in the jar" not in page.content
    assert jar.status_code == 404
    sent.refresh_from_db()
    assert not sent.in_jar


def test_the_partner_never_sees_a_private_appreciation(bob, private, client_for):
    browser = client_for(bob)

    assert browser.get(reverse("appreciation_detail", args=[private.pk])).status_code == 404
    assert browser.post(reverse("appreciation_keep", args=[private.pk])).status_code == 404
    assert browser.post(reverse("appreciation_delete", args=[private.pk])).status_code == 404
    for name in ["appreciation_inbox", "appreciation_jar", "practice_appreciation", "practices"]:
        assert b"Alice&#x27;s own words" not in browser.get(reverse(name)).content
    private.refresh_from_db()
    assert not private.in_jar


@pytest.mark.parametrize("who", ["carol", "dave", "erin"])
def test_another_couple_gets_404_for_every_appreciation_id(who, sent, private, client_for, request):
    browser = client_for(request.getfixturevalue(who))

    for item in (sent, private):
        for name in ID_PAGES_GET:
            assert browser.get(reverse(name, args=[item.pk])).status_code == 404
        for name in ID_PAGES_POST:
            assert browser.post(reverse(name, args=[item.pk]), {"keep": "1"}).status_code == 404
    assert Appreciation.objects.count() == 2
    assert not Appreciation.objects.filter(in_jar=True).exists()
    inbox = browser.get(reverse("appreciation_inbox"))
    assert b"Sent to Bob" not in inbox.content


@pytest.mark.parametrize(
    "path",
    [
        "/practices/appreciations/abc/",
        "/practices/appreciations/-1/",
        "/practices/appreciations/99999999999999999999999/",
        "/practices/appreciations/1.5/jar/",
        "/practices/time-together/abc/invite.ics",
        "/practices/time-together/99999999999999999999999/timer/",
    ],
)
def test_malformed_ids_are_not_found(alice_client, path):
    assert alice_client.get(path).status_code == 404
    assert alice_client.post(path).status_code in (404, 405)  # some pages only read


def test_an_id_that_does_not_exist_is_not_found(alice_client):
    assert alice_client.get(reverse("appreciation_detail", args=[424242])).status_code == 404
    assert alice_client.post(reverse("appreciation_keep", args=[424242])).status_code == 404


def test_unlinking_stops_sending_at_once(alice_client, alice, bob):
    page = alice_client.get(reverse("practice_appreciation"))
    assert b'value="partner"' in page.content
    unlink(user=bob)

    data = {"text": "Thank you", "send": "partner", "token": token()}
    response = alice_client.post(reverse("practice_appreciation"), data)

    assert response.status_code == 400
    assert b"You&#x27;re not linked with a partner right now" in response.content
    assert b'value="partner"' not in response.content
    assert b"Thank you</textarea>" in response.content  # her words are still there
    assert not Appreciation.objects.exists()
    assert not Notification.objects.exists()


def test_after_unlinking_what_was_received_stays_with_the_receiver(alice, bob, sent, client_for):
    unlink(user=alice)
    browser = client_for(bob)

    assert b"Sent to Bob" in browser.get(reverse("appreciation_inbox")).content
    assert browser.get(reverse("appreciation_detail", args=[sent.pk])).status_code == 200
    assert browser.post(reverse("appreciation_keep", args=[sent.pk])).status_code == 302
    assert client_for(alice).get(reverse("appreciation_detail", args=[sent.pk])).status_code == 200


def test_a_later_partner_sees_nothing_from_before(alice, bob, sent, private, carol, client_for):
    unlink(user=alice)
    unlink(user=carol)
    User.objects.filter(pk__in=[alice.pk, carol.pk]).update(couple=Couple.objects.create())
    browser = client_for(carol)

    for item in (sent, private):
        assert browser.get(reverse("appreciation_detail", args=[item.pk])).status_code == 404
    assert b"Sent to Bob" not in browser.get(reverse("appreciation_inbox")).content


def test_unlinking_stops_telling_about_a_small_act_at_once(alice_client, alice, bob):
    unlink(user=bob)

    response = alice_client.post(
        reverse("practice_acts"), {"kind": "drink", "tell": "on", "token": token()}
    )

    assert response.status_code == 400
    assert not SmallAct.objects.exists()
    assert not Notification.objects.exists()


def test_the_partner_never_sees_the_members_own_logs(alice, bob, client_for):
    Moment.objects.create(owner=alice, day=TODAY, kind=Moment.Kind.HUG)
    Pause.objects.create(owner=alice, day=TODAY)
    SmallAct.objects.create(owner=alice, day=TODAY, note="Alice's secret note")
    TimeTogether.objects.create(owner=alice, done_on=TODAY)
    browser = client_for(bob)

    moment = browser.get(reverse("practice_moment"))
    pause = browser.get(reverse("pause"))
    acts = browser.get(reverse("practice_acts"))
    together = browser.get(reverse("time_together"))

    assert list(moment.context["recent"]) == []
    assert not moment.context["done_today"]
    assert pause.context["today_count"] == 0
    assert list(acts.context["recent"]) == []
    assert b"secret note" not in acts.content
    assert list(together.context["done"]) == []


@pytest.mark.parametrize("who", ["bob", "carol"])
def test_a_plan_is_its_owners_alone(who, plan, client_for, request):
    browser = client_for(request.getfixturevalue(who))

    assert browser.get(reverse("time_together_invite", args=[plan.pk])).status_code == 404
    assert browser.get(reverse("time_together_timer_plan", args=[plan.pk])).status_code == 404
    assert browser.post(reverse("time_together_cancel", args=[plan.pk])).status_code == 404
    done = browser.post(reverse("time_together_done"), {"plan": plan.pk})
    assert done.status_code == 404
    plan.refresh_from_db()
    assert plan.done_on is None
    assert TimeTogether.objects.count() == 1


def test_visitors_are_asked_to_log_in_for_every_id(client, sent, plan):
    for path in [
        reverse("appreciation_detail", args=[sent.pk]),
        reverse("time_together_invite", args=[plan.pk]),
    ]:
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_the_last_check_before_sending_reads_the_link_as_it_is_now(alice, bob):
    """A page drawn while linked, sent after an unlink: the action itself refuses."""
    unlink(user=bob)

    with pytest.raises(PracticeError, match="not linked with a partner right now"):
        actions.write_appreciation(user=alice, text="Thank you", send=True, token=uuid.uuid4())
    with pytest.raises(PracticeError, match="no one to tell"):
        actions.note_small_act(user=alice, kind="", note="", tell=True, token=uuid.uuid4())

    assert not Appreciation.objects.exists()
    assert not SmallAct.objects.exists()
    assert not Notification.objects.exists()
