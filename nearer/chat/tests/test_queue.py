"""Asking for a chat, waiting in the queue, and the listener's page: availability, the queue
with topics and waiting times, accepting within their number of chats, the guidelines."""

import html as markup
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from conftest import make_member
from nearer.chat import actions
from nearer.chat.models import Conversation, Listener
from nearer.chat.tests.conftest import make_listener

pytestmark = pytest.mark.django_db


def text(response) -> str:
    """The page as a reader sees its words (apostrophes unescaped)."""
    return markup.unescape(response.content.decode())


def test_the_request_page_says_plainly_it_is_not_a_crisis_service(alice, client_for):
    html = text(client_for(alice).get("/chat/"))
    assert "Neighbor Chat is not a crisis service" in html
    assert 'href="/too-hard/#help"' in html  # crisis resources, one click away
    assert 'name="topic"' in html
    assert "made-up name" in html


def test_asking_for_a_chat_without_javascript_joins_the_queue(alice, client_for):
    browser = client_for(alice)
    response = browser.post("/chat/", {"topic": "  Feeling   unheard  "})
    conversation = Conversation.objects.get(member=alice)
    assert response.url == f"/chat/{conversation.pk}/"
    assert (conversation.status, conversation.topic) == ("waiting", "Feeling unheard")
    page = text(browser.get(response.url))
    assert "You're next." in page
    assert "Neighbor Chat is not a crisis service" in page
    assert 'href="/chat/' + str(conversation.pk) + '/"' in page  # the refresh link
    # Asking again (or going back to /chat/) leads to the same request, never a second one.
    assert browser.post("/chat/", {"topic": "again"}).url == f"/chat/{conversation.pk}/"
    assert browser.get("/chat/").url == f"/chat/{conversation.pk}/"
    assert Conversation.objects.filter(member=alice).count() == 1


def test_a_topic_that_is_too_long_is_refused_clearly(alice, client_for):
    response = client_for(alice).post("/chat/", {"topic": "x" * 121})
    assert response.status_code == 400
    assert "120 characters or fewer" in text(response)
    assert not Conversation.objects.exists()


def test_the_place_in_the_queue_updates_as_others_are_connected(alice, erin, listener, client_for):
    first = actions.request_chat(member=erin)
    second = actions.request_chat(member=alice)
    browser = client_for(alice)
    assert "You're number 2 in the queue." in text(browser.get(f"/chat/{second.pk}/"))
    fragment = browser.get(f"/chat/{second.pk}/place/", HTTP_HX_REQUEST="true")
    assert "You're number 2" in text(fragment)
    assert "<html" not in text(fragment)

    actions.accept_chat(listener=listener, conversation=first)
    fragment = browser.get(f"/chat/{second.pk}/place/", HTTP_HX_REQUEST="true")
    assert "You're next." in text(fragment)

    actions.accept_chat(listener=listener, conversation=second)
    fragment = browser.get(f"/chat/{second.pk}/place/", HTTP_HX_REQUEST="true")
    assert fragment.headers["HX-Refresh"] == "true"  # connected: the page reloads itself
    assert "Talking with Sam" in text(browser.get(f"/chat/{second.pk}/"))


def test_the_waiting_member_is_told_whether_a_listener_is_around(alice, listener, client_for):
    browser = client_for(alice)
    assert "A listener is around right now" in text(browser.get("/chat/"))
    actions.set_available(listener=listener, available=False)
    assert "No listener is free just now" in text(browser.get("/chat/"))


def test_a_member_can_leave_the_queue(alice, client_for):
    conversation = actions.request_chat(member=alice)
    response = client_for(alice).post(f"/chat/{conversation.pk}/end/")
    assert response.url == "/chat/"
    conversation.refresh_from_db()
    assert conversation.status == "ended"
    assert not conversation.messages.exists()


def test_only_listeners_have_a_listening_page(alice, bob, listener, client_for):
    for person in (alice, bob):
        browser = client_for(person)
        for url in ("/listen/", "/listen/queue/"):
            assert browser.get(url).status_code == 404, url
        assert browser.post("/listen/availability/", {"available": "1"}).status_code == 404
    listener.is_active = False
    listener.save()
    assert client_for(listener.user).get("/listen/").status_code == 404


def test_the_listener_sees_the_queue_with_topics_and_waiting_times(
    alice, erin, listener, client_for
):
    with time_machine.travel(timezone.now() - timedelta(minutes=75)):
        early = actions.request_chat(member=erin, topic="Can't sleep")
    with time_machine.travel(timezone.now() - timedelta(minutes=4)):
        later = actions.request_chat(member=alice)
    html = text(client_for(listener.user).get("/listen/"))
    assert html.index(early.member_pseudonym) < html.index(later.member_pseudonym)
    assert "Can't sleep" in html
    assert "waiting 1 hour 15 minutes" in html
    assert "waiting 4 minutes" in html
    assert "No topic given." in html
    assert html.count(">Accept</button>") == 2
    fragment = client_for(listener.user).get("/listen/queue/", HTTP_HX_REQUEST="true")
    assert "Can't sleep" in text(fragment)


def test_the_listening_guidelines_are_always_at_hand(chat, listener, client_for):
    browser = client_for(listener.user)
    for url in ("/listen/", f"/chat/{chat.pk}/", "/chat/guidelines/"):
        html = text(browser.get(url))
        for words in (
            "Listen first.",
            "Reflect what you hear.",
            "Don't fix, and don't advise.",
            "Refer when there is risk.",
        ):
            assert words in html, (url, words)


def test_the_switch_sets_the_listener_available_or_away(listener, erin, client_for):
    actions.request_chat(member=erin)
    browser = client_for(listener.user)
    browser.post("/listen/availability/", {"available": "0"})
    listener.refresh_from_db()
    assert listener.is_available is False
    html = text(browser.get("/listen/"))
    assert "You're away." in html
    assert ">Accept</button>" not in html
    browser.post("/listen/availability/", {"available": "1"})
    listener.refresh_from_db()
    assert listener.is_available is True
    response = browser.post("/listen/availability/", {"available": "maybe"})
    assert response.status_code == 302
    listener.refresh_from_db()
    assert listener.is_available is True


def test_accepting_connects_the_member_and_leaves_the_queue(alice, listener, client_for):
    conversation = actions.request_chat(member=alice, topic="Hard week")
    browser = client_for(listener.user)
    response = browser.post(f"/listen/accept/{conversation.pk}/")
    assert response.url == f"/chat/{conversation.pk}/"
    conversation.refresh_from_db()
    assert (conversation.status, conversation.listener) == ("active", listener)
    assert conversation.accepted_at is not None
    html = text(browser.get("/listen/"))
    assert "Nobody is waiting right now." in html
    assert f"/chat/{conversation.pk}/" in html  # under "Your chats"


def test_a_request_someone_else_accepted_is_refused_gently(
    alice, listener, other_listener, client_for
):
    conversation = actions.request_chat(member=alice)
    actions.accept_chat(listener=other_listener, conversation=conversation)
    browser = client_for(listener.user)
    response = browser.post(f"/listen/accept/{conversation.pk}/", follow=True)
    assert "no longer waiting" in text(response)
    conversation.refresh_from_db()
    assert conversation.listener == other_listener
    # An address that never existed reads the same: nothing is revealed.
    other = browser.post("/listen/accept/00000000-0000-4000-8000-000000000000/", follow=True)
    assert "no longer waiting" in text(other)


def test_an_away_listener_cannot_accept(alice, listener):
    conversation = actions.request_chat(member=alice)
    actions.set_available(listener=listener, available=False)
    with pytest.raises(actions.ChatError, match="away"):
        actions.accept_chat(listener=listener, conversation=conversation)


def test_a_listener_accepts_up_to_their_number_of_chats(listener, client_for):
    listener.max_chats = 2
    listener.save()
    members = [make_member(f"m{n}@example.com", f"M{n}") for n in range(3)]
    requests = [actions.request_chat(member=m) for m in members]
    browser = client_for(listener.user)
    for conversation in requests[:2]:
        browser.post(f"/listen/accept/{conversation.pk}/")
    html = text(browser.get("/listen/"))
    assert "your most at once" in html
    assert ">Accept</button>" not in html
    response = browser.post(f"/listen/accept/{requests[2].pk}/", follow=True)
    assert "You're already in 2 chats, your most at once." in text(response)
    assert Conversation.objects.filter(listener=listener, status="active").count() == 2
    actions.end_chat(conversation=requests[0], user=listener.user)
    browser.post(f"/listen/accept/{requests[2].pk}/")
    assert Conversation.objects.filter(listener=listener, status="active").count() == 2


def test_the_default_number_of_chats_comes_from_settings(settings):
    settings.NEARER_CHAT_MAX_PER_LISTENER = 5
    assert make_listener("new@example.com", "Noor").max_chats == 5


def test_a_listener_never_sees_their_own_request(listener, client_for):
    actions.request_chat(member=listener.user, topic="My own worries")
    assert "My own worries" not in text(client_for(listener.user).get("/listen/"))


def test_a_listener_never_sees_or_takes_their_partners_request(alice, bob, client_for):
    """Bob volunteers as a listener: Alice's request never reaches him."""
    bobs_role = Listener.objects.create(user=bob, pseudonym="Lee", is_available=True)
    conversation = actions.request_chat(member=alice, topic="Things at home")
    browser = client_for(bob)
    html = text(browser.get("/listen/"))
    assert "Things at home" not in html
    assert conversation.member_pseudonym not in html
    browser.post(f"/listen/accept/{conversation.pk}/")
    conversation.refresh_from_db()
    assert conversation.status == "waiting"
    assert not Conversation.objects.queue_for(bobs_role).exists()


def test_either_side_can_end_the_chat(chat, alice, listener, client_for):
    response = client_for(listener.user).post(f"/chat/{chat.pk}/end/")
    assert response.url == "/listen/"
    chat.refresh_from_db()
    assert (chat.status, chat.ended_by) == ("ended", "listener")
    assert chat.messages.last().body == "Sam ended the chat."
    page = text(client_for(alice).get(f"/chat/{chat.pk}/"))
    assert "This chat has ended" in page
    assert 'name="body"' not in page  # nothing more to send

    other = actions.accept_chat(listener=listener, conversation=actions.request_chat(member=alice))
    client_for(alice).post(f"/chat/{other.pk}/end/")
    other.refresh_from_db()
    assert (other.status, other.ended_by) == ("ended", "member")


def test_the_list_pages_take_a_fixed_number_of_queries(
    alice, listener, client_for, django_assert_max_num_queries
):
    listener.max_chats = 10
    listener.save()
    members = [make_member(f"q{n}@example.com", f"Q{n}") for n in range(8)]
    for member in members[:4]:
        actions.accept_chat(listener=listener, conversation=actions.request_chat(member=member))
    for member in members[4:]:
        actions.request_chat(member=member, topic="A topic")
    for _ in range(5):
        actions.end_chat(conversation=actions.request_chat(member=alice), user=alice)
    sam, her = client_for(listener.user), client_for(alice)
    with django_assert_max_num_queries(10):
        assert sam.get("/listen/").status_code == 200
    with django_assert_max_num_queries(10):
        assert sam.get("/listen/queue/").status_code == 200
    with django_assert_max_num_queries(10):
        assert her.get("/chat/history/").status_code == 200
