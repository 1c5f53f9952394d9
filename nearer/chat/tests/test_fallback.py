"""Without WebSocket: the form (or the page's script) posts messages, and new ones are fetched
after the last seq, as JSON or as HTML. The same action and the same checks as the socket."""

import uuid

import pytest
from asgiref.sync import sync_to_async
from django.test import Client

from nearer.chat import actions
from nearer.chat.models import Message
from nearer.chat.tests.sockets import connect, next_of

JSON = {"HTTP_ACCEPT": "application/json"}


def url(conversation, tail: str = "") -> str:
    return f"/chat/{conversation.pk}/{tail}"


@pytest.mark.django_db
def test_the_form_sends_and_comes_back_to_the_conversation(chat, alice, client_for):
    browser = client_for(alice)
    page = browser.get(url(chat))
    assert page.status_code == 200
    client_id = page.context["form"]["client_id"].value()
    response = browser.post(
        url(chat, "send/"), {"body": "Typed without JavaScript", "client_id": client_id}
    )
    assert response.status_code == 302
    assert response.url == url(chat) + "#compose"
    assert browser.get(url(chat)).content.decode().count("Typed without JavaScript") == 1
    # Sending the same form twice (a double click, a resubmitted page) saves it once.
    browser.post(url(chat, "send/"), {"body": "Typed without JavaScript", "client_id": client_id})
    assert Message.objects.filter(conversation=chat, author="member").count() == 1


@pytest.mark.django_db
def test_the_script_gets_an_ack_with_the_seq(chat, alice, listener, client_for):
    browser = client_for(alice)
    client_id = str(uuid.uuid4())
    response = browser.post(url(chat, "send/"), {"body": "Hello", "client_id": client_id}, **JSON)
    assert response.json() == {"type": "ack", "client_id": client_id, "seq": 2}
    again = browser.post(url(chat, "send/"), {"body": "Hello", "client_id": client_id}, **JSON)
    assert again.json() == response.json()
    reply = client_for(listener.user).post(url(chat, "send/"), {"body": "Hi"}, **JSON)
    assert reply.json()["seq"] == 3  # a form with no client_id still works
    assert Message.objects.filter(conversation=chat).count() == 3


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "code", "words"),
    [("", "empty", "empty"), ("   ", "empty", "empty"), ("y" * 4097, "too_long", "too long")],
)
def test_a_bad_message_is_refused_with_a_clear_message(chat, alice, client_for, body, code, words):
    browser = client_for(alice)
    client_id = str(uuid.uuid4())
    response = browser.post(url(chat, "send/"), {"body": body, "client_id": client_id}, **JSON)
    assert response.status_code == 400
    assert response.json()["code"] == code
    assert response.json()["client_id"] == client_id
    assert words in response.json()["message"]
    page = browser.post(url(chat, "send/"), {"body": body, "client_id": client_id})
    assert page.status_code == 400
    assert words in page.content.decode()
    if body.strip():
        assert body in page.content.decode()  # what they wrote is still in the box
    assert Message.objects.filter(conversation=chat).count() == 1


@pytest.mark.django_db
def test_a_bad_client_id_is_refused_clearly(chat, alice, client_for):
    response = client_for(alice).post(
        url(chat, "send/"), {"body": "hi", "client_id": "nope"}, **JSON
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert Message.objects.filter(conversation=chat).count() == 1


@pytest.mark.django_db
def test_the_form_is_rate_limited_like_the_socket(chat, alice, client_for, settings):
    settings.NEARER_CHAT_RATE_MESSAGES = 3
    browser = client_for(alice)
    codes = [
        browser.post(url(chat, "send/"), {"body": f"n{n}"}, **JSON).status_code for n in range(5)
    ]
    assert codes == [200, 200, 200, 429, 429]
    response = browser.post(url(chat, "send/"), {"body": "again"}, **JSON)
    assert response.json()["code"] == "rate_limited"


@pytest.mark.django_db
def test_nothing_can_be_sent_once_the_chat_has_ended(chat, alice, client_for):
    actions.end_chat(conversation=chat, user=alice)
    response = client_for(alice).post(url(chat, "send/"), {"body": "hello?"}, **JSON)
    assert response.status_code == 400
    assert response.json()["code"] == "ended"


@pytest.mark.django_db
def test_new_messages_come_as_json_after_the_given_seq(chat, alice, listener, client_for):
    for n in range(3):
        actions.post_message(conversation=chat, user=alice, client_id=uuid.uuid4(), body=f"m{n}")
    data = client_for(listener.user).get(url(chat, "messages/?after=2"), **JSON).json()
    assert data["status"] == "active"
    assert data["last_seq"] == 4
    assert [(m["seq"], m["body"], m["mine"], m["name"]) for m in data["messages"]] == [
        (3, "m1", False, chat.member_pseudonym),
        (4, "m2", False, chat.member_pseudonym),
    ]
    mine = client_for(alice).get(url(chat, "messages/?after=3"), **JSON).json()
    assert [(m["body"], m["mine"]) for m in mine["messages"]] == [("m2", True)]
    assert client_for(alice).get(url(chat, "messages/?after=4"), **JSON).json()["messages"] == []


@pytest.mark.django_db
def test_new_messages_come_as_an_html_fragment_for_htmx(chat, alice, client_for):
    actions.post_message(conversation=chat, user=alice, client_id=uuid.uuid4(), body="<b>hi</b>")
    response = client_for(alice).get(url(chat, "messages/?after=1"), HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert 'data-seq="2"' in html
    assert 'data-seq="1"' not in html
    assert "&lt;b&gt;hi&lt;/b&gt;" in html  # escaped, never markup
    assert "<html" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("after", ["-1", "two", "1.5", "9" * 30])
def test_a_bad_after_is_refused_clearly(chat, alice, client_for, after):
    browser = client_for(alice)
    response = browser.get(url(chat, f"messages/?after={after}"), **JSON)
    assert response.status_code == 400
    assert "whole number" in response.json()["message"]
    assert browser.get(url(chat, f"messages/?after={after}")).status_code == 400


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_a_message_sent_by_form_reaches_the_other_sides_socket(chat, alice, listener):
    sam, _, _ = await connect(listener.user, chat.pk, after=1)

    def post_by_form():
        browser = Client()
        browser.force_login(alice)
        return browser.post(url(chat, "send/"), {"body": "From the form"}, **JSON)

    response = await sync_to_async(post_by_form)()
    assert response.status_code == 200
    heard = await next_of(sam, "message")
    assert (heard["seq"], heard["body"], heard["author"]) == (2, "From the form", "member")
    await sam.disconnect()
