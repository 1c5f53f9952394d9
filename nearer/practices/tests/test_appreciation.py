"""Appreciation: write one, send it to the partner or keep it private; the partner keeps the
ones they like in a jar. Counted toward the twice-a-week goal, once a day."""

from datetime import timedelta

import pytest
from django.urls import reverse

from nearer.goals.models import CheckIn
from nearer.practices.models import Appreciation
from nearer.practices.tests.conftest import TODAY, goal_for_step, messages_in, token
from nearer.reminders.models import Notification

pytestmark = pytest.mark.django_db

STEP = "appreciation"
KIND = "Thank you for making dinner when I was so tired."


def write(client, text=KIND, send="partner", **extra):
    data = {"text": text, "send": send, "token": token(), **extra}
    return client.post(reverse("practice_appreciation"), data, follow=True)


def test_alice_sends_an_appreciation_to_bob(alice_client, alice, bob, client_for):
    response = write(alice_client)

    sent = Appreciation.objects.get()
    assert (sent.author, sent.recipient, sent.text, sent.day) == (alice, bob, KIND, TODAY)
    assert sent.sent_at is not None
    assert "Sent. Bob will find it waiting." in messages_in(response)
    notice = Notification.objects.get(user=bob)
    assert "Alice sent you an appreciation" in notice.text
    inbox = client_for(bob).get(reverse("appreciation_inbox"))
    assert KIND in inbox.content.decode()
    assert "From Alice" in inbox.content.decode()


def test_a_private_appreciation_stays_with_its_author(alice_client, alice, bob, client_for):
    response = write(alice_client, send="private")

    kept = Appreciation.objects.get()
    assert kept.recipient is None and kept.sent_at is None
    assert "Kept, just for you." in messages_in(response)
    assert not Notification.objects.exists()
    assert KIND.encode() in response.content  # in "What you've written"
    inbox = client_for(bob).get(reverse("appreciation_inbox"))
    assert KIND.encode() not in inbox.content


def test_the_author_sees_what_they_sent_and_kept(alice_client, alice, bob):
    write(alice_client, text="Sent words")
    write(alice_client, text="Private words", send="private")

    response = alice_client.get(reverse("practice_appreciation"))

    body = response.content.decode()
    assert "Sent words" in body and "Sent to Bob" in body
    assert "Private words" in body and "Kept private" in body


def test_an_appreciation_counts_toward_the_goal_once_a_day(alice_client, alice, bob, now):
    goal = goal_for_step(alice, STEP)

    first = write(alice_client)
    write(alice_client, text="And for listening.", send="private")
    now.shift(timedelta(days=1))
    write(alice_client, text="For the walk.")

    assert list(goal.checkins.values_list("day", "count")) == [
        (TODAY, 1),
        (TODAY + timedelta(days=1), 1),
    ]
    assert "It counts toward your goal." in messages_in(first)
    assert Appreciation.objects.count() == 3


def test_an_appreciation_works_without_a_goal_and_offers_to_start_one(alice_client, alice, bob):
    response = write(alice_client)

    assert Appreciation.objects.count() == 1
    assert not CheckIn.objects.exists()
    assert b"/goals/new/?step=appreciation" in response.content


def test_a_member_alone_is_told_gently_that_it_stays_private(client, erin):
    client.force_login(erin)

    page = client.get(reverse("practice_appreciation"))

    assert b"When you're linked with a partner, you can send these too." in page.content
    assert b'value="partner"' not in page.content
    assert b"Keep it private" in page.content


def test_a_member_alone_keeps_it_private_and_it_counts(client, erin):
    client.force_login(erin)
    goal = goal_for_step(erin, STEP)

    write(client, send="private")
    write(client, text="Just for me", send="")

    assert Appreciation.objects.filter(author=erin, recipient=None).count() == 2
    assert goal.checkins.count() == 1


def test_a_member_alone_cannot_send(client, erin):
    client.force_login(erin)

    response = write(client)

    assert response.status_code == 400
    assert b"You&#x27;re not linked with a partner right now" in response.content
    assert not Appreciation.objects.exists()


def test_a_resent_form_saves_and_sends_once(alice_client, alice, bob):
    data = {"text": KIND, "send": "partner", "token": token()}

    alice_client.post(reverse("practice_appreciation"), data)
    again = alice_client.post(reverse("practice_appreciation"), data, follow=True)

    assert Appreciation.objects.count() == 1
    assert Notification.objects.filter(user=bob).count() == 1
    assert "Sent. Bob will find it waiting." in messages_in(again)


def test_the_longest_and_shortest_appreciations_are_fine(alice_client, alice, bob):
    write(alice_client, text="x" * 500)
    write(alice_client, text="♥")

    assert sorted(len(a.text) for a in Appreciation.objects.all()) == [1, 500]


def test_words_are_trimmed_of_spaces_around_them(alice_client, alice, bob):
    write(alice_client, text="   For the tea.  \n")

    assert Appreciation.objects.get().text == "For the tea."


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": ""}, "Please write a few words first. One sentence is plenty."),
        ({"text": "   \n  "}, "Please write a few words first. One sentence is plenty."),
        ({"text": "x" * 501}, "Please keep it to 500 characters or fewer (this one has 501)."),
        ({"text": "x" * 100_000}, "Please keep it to 500 characters or fewer"),
        ({"text": "nul\x00byte"}, "There's a hidden character in there that can't be saved."),
        ({"send": ""}, "Please choose whether to send it or keep it private."),
        ({"send": "everyone"}, "Please choose whether to send it or keep it private."),
        ({"token": "not-a-token"}, "This page was a little out of date. Please try once more."),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(alice_client, alice, bob, data, message):
    goal = goal_for_step(alice, STEP)
    fields = {"text": KIND, "send": "partner", "token": token(), **data}

    response = alice_client.post(reverse("practice_appreciation"), fields)

    assert response.status_code == 400
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not Appreciation.objects.exists()
    assert not Notification.objects.exists()
    assert not goal.checkins.exists()


def test_bob_keeps_an_appreciation_in_the_jar_and_rereads_it(alice_client, bob, client_for):
    write(alice_client)
    sent = Appreciation.objects.get()
    browser = client_for(bob)

    response = browser.post(
        reverse("appreciation_keep", args=[sent.pk]), {"keep": "1"}, follow=True
    )

    sent.refresh_from_db()
    assert sent.in_jar
    assert "Kept in your jar." in messages_in(response)
    jar = browser.get(reverse("appreciation_jar"))
    assert KIND in jar.content.decode()


def test_bob_takes_it_out_of_the_jar_and_it_stays_in_the_inbox(alice_client, bob, client_for):
    write(alice_client)
    sent = Appreciation.objects.get()
    sent.keep_in_jar()
    browser = client_for(bob)

    browser.post(reverse("appreciation_keep", args=[sent.pk]), {"keep": "0"})

    sent.refresh_from_db()
    assert not sent.in_jar
    assert KIND not in browser.get(reverse("appreciation_jar")).content.decode()
    assert KIND in browser.get(reverse("appreciation_inbox")).content.decode()


def test_keeping_in_the_jar_with_htmx_redraws_just_the_card(alice_client, bob, client_for):
    write(alice_client)
    sent = Appreciation.objects.get()

    response = client_for(bob).post(
        reverse("appreciation_keep", args=[sent.pk]), {"keep": "1"}, headers={"HX-Request": "true"}
    )

    assert response.status_code == 200
    body = response.content.decode()
    assert body.strip().startswith("<article")
    assert "Kept in your jar." in body
    assert "Take it out of the jar" in body


def test_the_jar_returns_only_to_a_page_on_this_site(alice_client, bob, client_for):
    write(alice_client)
    sent = Appreciation.objects.get()
    browser = client_for(bob)
    url = reverse("appreciation_keep", args=[sent.pk])

    inside = browser.post(url, {"keep": "1", "next": reverse("appreciation_jar")})
    outside = browser.post(url, {"keep": "1", "next": "https://evil.example/"})

    assert inside["Location"] == reverse("appreciation_jar")
    assert outside["Location"] == reverse("appreciation_inbox")


def test_an_author_deletes_a_private_one(alice_client, alice):
    write(alice_client, send="private")
    kept = Appreciation.objects.get()

    response = alice_client.post(reverse("appreciation_delete", args=[kept.pk]), follow=True)

    assert not Appreciation.objects.exists()
    assert "Deleted." in messages_in(response)


def test_what_was_sent_belongs_to_the_receiver_and_is_not_deleted_by_the_author(
    alice_client, alice, bob
):
    write(alice_client)
    sent = Appreciation.objects.get()

    response = alice_client.post(reverse("appreciation_delete", args=[sent.pk]))

    assert response.status_code == 404
    assert Appreciation.objects.filter(pk=sent.pk).exists()


def test_the_inbox_reads_in_a_fixed_number_of_queries(
    alice, bob, client_for, django_assert_max_num_queries
):
    Appreciation.objects.bulk_create(
        Appreciation(
            author=alice, recipient=bob, text=f"Thanks {i}", day=TODAY, sent_at=alice.date_joined
        )
        for i in range(40)
    )
    browser = client_for(bob)

    with django_assert_max_num_queries(8):
        inbox = browser.get(reverse("appreciation_inbox"))
    with django_assert_max_num_queries(8):
        browser.get(reverse("appreciation_jar"))
    with django_assert_max_num_queries(10):
        browser.get(reverse("practice_appreciation"))

    assert len(inbox.context["received"]) == 40
