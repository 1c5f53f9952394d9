"""Transcripts are kept NEARER_CHAT_RETENTION_DAYS after a chat ends, then deleted by
``purge_chat_history``; a member deletes their own history whenever they like, and the
listener's view of it goes at the same moment."""

import uuid
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
import time_machine
from asgiref.sync import sync_to_async
from django.core.management import call_command

from nearer.chat import actions
from nearer.chat.models import ChatFeedback, Conversation, Message
from nearer.chat.tests.sockets import closed_with, connect

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def purge() -> str:
    out = StringIO()
    call_command("purge_chat_history", stdout=out)
    return out.getvalue()


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


@pytest.mark.django_db
def test_ended_chats_are_deleted_after_the_retention_period(clock, alice, erin, listener):
    old = actions.accept_chat(listener=listener, conversation=actions.request_chat(member=alice))
    actions.end_chat(conversation=old, user=alice)
    actions.leave_feedback(conversation=old, member=alice, rating=5, words="Thanks")
    clock.move_to(START + timedelta(days=2))
    recent = actions.accept_chat(listener=listener, conversation=actions.request_chat(member=erin))
    actions.end_chat(conversation=recent, user=erin)

    clock.move_to(START + timedelta(days=29, hours=23))
    assert purge() == ""
    assert Conversation.objects.count() == 2

    clock.move_to(START + timedelta(days=30, seconds=1))
    assert purge() == "Ended 0 idle chat(s); deleted 1 old chat(s).\n"
    assert list(Conversation.objects.all()) == [recent]
    assert not Message.objects.filter(conversation_id=old.pk).exists()
    assert not ChatFeedback.objects.exists()
    assert purge() == ""  # idempotent: a second pass finds nothing more
    assert list(Conversation.objects.all()) == [recent]


@pytest.mark.django_db
def test_the_retention_period_is_the_operators_to_set(clock, alice, listener, settings):
    settings.NEARER_CHAT_RETENTION_DAYS = 7
    chat = actions.accept_chat(listener=listener, conversation=actions.request_chat(member=alice))
    actions.end_chat(conversation=chat, user=listener.user)
    clock.move_to(START + timedelta(days=6))
    purge()
    assert Conversation.objects.exists()
    clock.move_to(START + timedelta(days=7, seconds=1))
    purge()
    assert not Conversation.objects.exists()


@pytest.mark.django_db
def test_chats_left_idle_end_after_a_day_and_are_deleted_in_turn(clock, alice, erin, listener):
    talking = actions.accept_chat(
        listener=listener, conversation=actions.request_chat(member=alice)
    )
    waiting = actions.request_chat(member=erin)
    clock.move_to(START + timedelta(hours=20))
    actions.post_message(
        conversation=talking, user=alice, client_id=uuid.uuid4(), body="still here"
    )
    clock.move_to(START + timedelta(hours=25))
    assert purge() == "Ended 1 idle chat(s); deleted 0 old chat(s).\n"
    waiting.refresh_from_db()
    talking.refresh_from_db()
    assert (waiting.status, talking.status) == ("ended", "active")
    clock.move_to(START + timedelta(hours=45))
    purge()
    talking.refresh_from_db()
    assert talking.status == "ended"
    assert talking.messages.last().body == "This chat ended after a quiet day."
    clock.move_to(START + timedelta(days=40))
    purge()
    assert not Conversation.objects.exists()


@pytest.mark.django_db
def test_a_member_deletes_one_chat_and_the_listener_sees_nothing_after(
    chat, alice, listener, client_for
):
    actions.end_chat(conversation=chat, user=alice)
    other = actions.accept_chat(listener=listener, conversation=actions.request_chat(member=alice))
    actions.end_chat(conversation=other, user=alice)
    listener_browser = client_for(listener.user)
    assert listener_browser.get(f"/chat/{other.pk}/").status_code == 200
    response = client_for(alice).post(f"/chat/{other.pk}/delete/")
    assert response.url == "/chat/history/"
    assert not Conversation.objects.filter(pk=other.pk).exists()
    assert not Message.objects.filter(conversation_id=other.pk).exists()
    assert listener_browser.get(f"/chat/{other.pk}/").status_code == 404
    assert listener_browser.get(f"/chat/{other.pk}/messages/").status_code == 404
    assert Conversation.objects.filter(pk=chat.pk).exists()  # only that one


@pytest.mark.django_db
def test_a_member_deletes_their_whole_history_at_any_time(chat, alice, erin, listener, client_for):
    theirs = actions.request_chat(member=erin)
    browser = client_for(alice)
    history = browser.get("/chat/history/").content.decode()
    assert "Delete my chat history" in history
    assert "Sam" in history
    browser.post("/chat/history/delete/")
    assert not Conversation.objects.filter(member=alice).exists()
    assert not Message.objects.filter(conversation__member=alice).exists()
    assert list(Conversation.objects.all()) == [theirs]  # nobody else's
    assert client_for(listener.user).get(f"/chat/{chat.pk}/").status_code == 404
    assert chat.member_pseudonym not in client_for(listener.user).get("/listen/").content.decode()
    page = browser.get("/chat/history/").content.decode()
    assert "You have no chats here." in page


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_deleting_history_closes_the_listeners_open_socket(chat, alice, listener):
    sam, ok, _ = await connect(listener.user, chat.pk, after=1)
    assert ok
    await sync_to_async(actions.delete_history)(member=alice)
    assert await closed_with(sam) == 4404
    _, ok, code = await connect(listener.user, chat.pk)
    assert (ok, code) == (False, 4404)


@pytest.mark.django_db
def test_a_chat_whose_listener_account_is_deleted_ends_at_the_next_pass(clock, chat, listener):
    listener.user.delete()
    chat.refresh_from_db()
    assert (chat.status, chat.listener) == ("active", None)
    assert purge() == "Ended 1 idle chat(s); deleted 0 old chat(s).\n"
    chat.refresh_from_db()
    assert chat.status == "ended"
    assert "step away" in chat.messages.last().body


@pytest.mark.django_db
def test_deleting_a_listener_in_admin_ends_their_chats_first(chat, moderator, client_for):
    admin = client_for(moderator)
    response = admin.post(f"/admin/chat/listener/{chat.listener_id}/delete/", {"post": "yes"})
    assert response.status_code == 302
    chat.refresh_from_db()
    assert (chat.status, chat.listener) == ("ended", None)
