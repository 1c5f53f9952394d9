"""A conversation is its member's and its listener's alone. Everyone else (another member,
another listener, the partner) gets a 404 for every address and a 4403 on the socket, and a
participant who stops being one is refused on their very next frame."""

import uuid

import pytest
from asgiref.sync import sync_to_async

from nearer.chat import actions
from nearer.chat.admin import ListenerAdmin
from nearer.chat.models import Conversation, Listener, Message
from nearer.chat.tests.sockets import closed_with, connect, frames, next_of, send

OUTSIDERS = ["bob", "carol", "erin", "other_listener"]


def conversation_urls(conversation) -> list[tuple[str, str, dict]]:
    base = f"/chat/{conversation.pk}"
    return [
        ("get", f"{base}/", {}),
        ("post", f"{base}/send/", {"body": "hello", "client_id": str(uuid.uuid4())}),
        ("get", f"{base}/messages/", {}),
        ("get", f"{base}/messages/?after=0", {}),
        ("get", f"{base}/place/", {}),
        ("post", f"{base}/end/", {}),
        ("get", f"{base}/report/", {}),
        ("post", f"{base}/report/", {"reason": "spam"}),
        ("post", f"{base}/feedback/", {"rating": "5"}),
        ("post", f"{base}/delete/", {}),
    ]


def person(request, who):
    found = request.getfixturevalue(who)
    return getattr(found, "user", found)


@pytest.mark.django_db
@pytest.mark.parametrize("who", OUTSIDERS)
def test_no_one_else_can_reach_any_conversation_address(request, chat, client_for, who):
    browser = client_for(person(request, who))
    for method, url, data in conversation_urls(chat):
        response = getattr(browser, method)(url, data, HTTP_ACCEPT="application/json")
        assert response.status_code == 404, (who, method, url)
        response = getattr(browser, method)(url, data)
        assert response.status_code == 404, (who, method, url)
    chat.refresh_from_db()
    assert chat.status == "active"
    assert chat.messages.count() == 1
    assert not chat.reports.exists()


@pytest.mark.django_db
def test_visitors_are_asked_to_log_in(chat, client):
    for method, url, data in conversation_urls(chat):
        response = getattr(client, method)(url, data)
        assert response.status_code == 302, url
        assert response.url.startswith("/accounts/login/")


@pytest.mark.django_db
def test_the_listener_cannot_do_what_only_the_member_may(chat, listener, client_for):
    browser = client_for(listener.user)
    base = f"/chat/{chat.pk}"
    assert browser.get(f"{base}/").status_code == 200
    assert browser.post(f"{base}/delete/").status_code == 404
    assert browser.post(f"{base}/feedback/", {"rating": "1"}).status_code == 404
    assert browser.get(f"{base}/place/").status_code == 404
    assert Conversation.objects.filter(pk=chat.pk).exists()


@pytest.mark.django_db
def test_a_waiting_request_is_the_members_alone(alice, listener, client_for):
    """Before anyone accepts it, not even a listener can open it: they see the queue only."""
    waiting = actions.request_chat(member=alice, topic="Hard day")
    browser = client_for(listener.user)
    for method, url, data in conversation_urls(waiting):
        assert getattr(browser, method)(url, data).status_code == 404, url


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
@pytest.mark.parametrize("who", OUTSIDERS)
async def test_no_one_else_can_open_the_conversations_channel(request, chat, who):
    outsider = await sync_to_async(person)(request, who)
    for after in (None, 0):
        _, ok, code = await connect(outsider, chat.pk, after=after)
        assert (ok, code) == (False, 4403), who


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_a_listener_whose_role_ends_mid_chat_is_refused_on_the_next_frame(
    chat, alice, listener
):
    sam, ok, _ = await connect(listener.user, chat.pk, after=1)
    assert ok
    await sync_to_async(Listener.objects.filter(pk=listener.pk).update)(is_active=False)
    client_id = await send(sam, "Are you still there?")
    error = await next_of(sam, "error")
    assert (error["code"], error["client_id"]) == ("forbidden", client_id)
    assert await closed_with(sam) == 4403
    assert not await sync_to_async(Message.objects.filter(client_id=client_id).exists)()


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
@pytest.mark.parametrize(
    "frame",
    [
        {"type": "resume", "after": 0},
        {"type": "dance"},
        "not json",
    ],
)
async def test_every_kind_of_frame_checks_the_sender_is_still_a_participant(chat, listener, frame):
    sam, _, _ = await connect(listener.user, chat.pk, after=1)
    await sync_to_async(Listener.objects.filter(pk=listener.pk).update)(is_active=False)
    if isinstance(frame, str):
        await sam.send_to(text_data=frame)
    else:
        await sam.send_json_to(frame)
    assert await closed_with(sam) == 4403


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_a_member_whose_account_is_deactivated_is_refused_on_the_next_frame(chat, alice):
    member, _, _ = await connect(alice, chat.pk, after=1)
    await sync_to_async(type(alice).objects.filter(pk=alice.pk).update)(is_active=False)
    await send(member, "hello")
    assert await closed_with(member) == 4403


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_a_deleted_conversation_is_refused_on_the_next_frame(chat, alice):
    member, _, _ = await connect(alice, chat.pk, after=1)
    # Deleted behind the socket's back (no news on the layer): the next frame finds out.
    await sync_to_async(Conversation.objects.filter(pk=chat.pk).delete)()
    await send(member, "hello")
    assert await closed_with(member) == 4404


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_a_revoked_listener_stops_receiving_soon_even_without_sending(
    chat, alice, listener, monkeypatch
):
    """A socket that only listens re-checks its person every few seconds before delivering."""
    from nearer.chat import consumers

    monkeypatch.setattr(consumers, "RECHECK_SECONDS", 0.0)
    member, _, _ = await connect(alice, chat.pk, after=1)
    sam, _, _ = await connect(listener.user, chat.pk, after=1)
    await sync_to_async(Listener.objects.filter(pk=listener.pk).update)(is_active=False)
    await send(member, "something private")
    got = []
    while True:
        output = await sam.receive_output(1)
        if output["type"] == "websocket.close":
            break
        got.append(output["text"])
    assert output["code"] == 4403
    assert not any("something private" in text for text in got)
    await member.disconnect()


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_ending_the_role_in_admin_ends_their_chats_at_once(chat, alice, listener, rf):
    member, _, _ = await connect(alice, chat.pk, after=1)
    sam, _, _ = await connect(listener.user, chat.pk, after=1)

    def revoke_in_admin():
        from django import forms
        from django.contrib.admin.sites import site

        admin = ListenerAdmin(Listener, site)
        listener.is_active = False
        form = forms.Form()
        form.changed_data = ["is_active"]
        admin.save_model(rf.post("/"), listener, form, change=True)

    await sync_to_async(revoke_in_admin)()
    got = await frames(member, until=lambda f: f["type"] == "status")
    assert got[-1]["status"] == "ended"
    assert any("step away" in f.get("body", "") for f in got)
    assert await closed_with(sam) == 4403  # the status news makes Sam's socket check at once
    await member.disconnect()
