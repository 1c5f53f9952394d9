"""A listener knows a member only by a made-up name: never their email, name, partner, goals
or journal, on any page or in any socket frame. And nothing about chat ever reaches the
partner: not Today, not notifications, not emails, not exports."""

import re
import uuid
from datetime import UTC, datetime

import pytest
import time_machine
from asgiref.sync import sync_to_async
from django.core import mail
from django.test import Client

from nearer.chat import actions
from nearer.chat.tests.sockets import connect, frames, next_of, send
from nearer.coaching.tests.helpers import make_goal
from nearer.journal.models import Entry
from nearer.reminders.models import Notification

GOAL = "Say one warm thing at breakfast"
JOURNAL_TITLE = "The night of the argument"
JOURNAL_BODY = "I keep thinking about what he said in the kitchen"


def secrets_of(alice, bob) -> list[str]:
    return [
        alice.email,
        alice.display_name,
        bob.email,
        bob.display_name,
        GOAL,
        JOURNAL_TITLE,
        JOURNAL_BODY,
    ]


@pytest.fixture
def alices_life(alice, bob):
    make_goal(alice, GOAL, is_shared=True)
    Entry.objects.create(author=alice, title=JOURNAL_TITLE, body=JOURNAL_BODY)
    return alice


def assert_none_of(secrets: list[str], text: str, where: str) -> None:
    for secret in secrets:
        assert secret not in text, (secret, where)


@pytest.mark.django_db
def test_no_listener_page_shows_who_the_member_is(alices_life, alice, bob, listener, client_for):
    secrets = secrets_of(alice, bob)
    browser = client_for(listener.user)
    conversation = actions.request_chat(member=alice, topic="Feeling far apart")
    for url in ("/listen/", "/listen/queue/"):
        assert_none_of(secrets, browser.get(url).content.decode(), url)
    actions.accept_chat(listener=listener, conversation=conversation)
    actions.post_message(
        conversation=conversation,
        user=alice,
        client_id=uuid.uuid4(),
        body="I'm scared of my partner",
    )
    base = f"/chat/{conversation.pk}"
    pages = [
        "/listen/",
        "/listen/queue/",
        f"{base}/",
        f"{base}/report/",
        f"{base}/messages/",
        f"{base}/messages/?after=0",
    ]
    for url in pages:
        response = browser.get(url)
        assert response.status_code == 200, url
        assert_none_of(secrets, response.content.decode(), url)
    assert conversation.member_pseudonym in browser.get(f"{base}/").content.decode()
    data = browser.get(f"{base}/messages/?after=0", HTTP_ACCEPT="application/json")
    assert_none_of(secrets, data.content.decode(), "messages json")
    assert data.json()["messages"][1]["name"] == conversation.member_pseudonym
    actions.end_chat(conversation=conversation, user=alice)
    assert_none_of(secrets, browser.get(f"{base}/").content.decode(), "ended page")


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_no_socket_frame_to_the_listener_shows_who_the_member_is(
    alices_life, alice, bob, listener
):
    secrets = secrets_of(alice, bob)
    conversation = await sync_to_async(actions.request_chat)(member=alice, topic="Far apart")
    await sync_to_async(actions.accept_chat)(listener=listener, conversation=conversation)
    member, _, _ = await connect(alice, conversation.pk)
    sam, _, _ = await connect(listener.user, conversation.pk)
    heard = await frames(sam)
    await send(member, "Hello")
    await next_of(member, "ack")
    await send(member, "Sometimes I want to end my life")  # a care frame as well
    heard += await frames(sam, until=lambda f: f["type"] == "care")
    await send(sam, "I'm here, and I'm listening.")
    heard += await frames(sam, until=lambda f: f["type"] == "ack")
    await sync_to_async(actions.end_chat)(conversation=conversation, user=alice)
    heard += await frames(sam, until=lambda f: f["type"] == "status")
    heard += await frames(sam)
    kinds = {f["type"] for f in heard}
    assert {"message", "ack", "care", "status"} <= kinds
    for frame in heard:
        assert_none_of(secrets, repr(frame), frame["type"])
    names = {f["name"] for f in heard if f["type"] == "message" and f["author"] == "member"}
    assert names == {conversation.member_pseudonym}
    await member.disconnect()
    await sam.disconnect()


def visible_text(response) -> str:
    """A page without its per-request CSRF tokens, for before/after comparisons."""
    html = response.content.decode()
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)
    return re.sub(r'"X-CSRFToken": "[^"]*"', "", html)


BOBS_PAGES = [
    "/",
    "/today/",
    "/partner/",
    "/notifications/",
    "/goals/",
    "/journal/shared/",
    "/export/",
    "/export/goals.json",
    "/export/goals.csv",
    "/export/checkins.csv",
]


def bobs_view(browser: Client) -> dict[str, str]:
    view = {}
    for url in BOBS_PAGES:
        response = browser.get(url)
        assert response.status_code == 200, url
        if response.streaming:
            view[url] = b"".join(response.streaming_content).decode()
        else:
            view[url] = visible_text(response)
    return view


@pytest.mark.django_db
def test_the_partner_sees_nothing_of_a_chat_anywhere(
    alices_life, alice, bob, listener, client_for, settings
):
    """Bob's pages and exports read the same, byte for byte, before and after Alice's whole
    chat: the request, the talk (crisis words too), the end, feedback and a report."""
    with time_machine.travel(datetime(2026, 3, 2, 9, 0, tzinfo=UTC), tick=False):
        browser = client_for(bob)
        before = bobs_view(browser)

        alice_browser = client_for(alice)
        alice_browser.post("/chat/", {"topic": "My partner and me"})
        conversation = alice.chat_conversations.get()
        client_for(listener.user).post(f"/listen/accept/{conversation.pk}/")
        alice_browser.post(f"/chat/{conversation.pk}/send/", {"body": "I'm scared of my partner"})
        client_for(listener.user).post(f"/chat/{conversation.pk}/send/", {"body": "I'm here."})
        alice_browser.post(f"/chat/{conversation.pk}/end/")
        alice_browser.post(f"/chat/{conversation.pk}/feedback/", {"rating": "5"})
        alice_browser.post(f"/chat/{conversation.pk}/report/", {"reason": "other"})

        after = bobs_view(browser)
    for url in BOBS_PAGES:
        assert after[url] == before[url], url
    assert not Notification.objects.filter(user=bob).exists()
    assert mail.outbox == []  # no email to anyone about a chat
