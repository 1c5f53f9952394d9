"""When a member's words suggest crisis or danger, they gently see where to find help now,
and the listener is prompted to refer. Nobody else is told."""

import html as markup
import uuid
from datetime import date

import pytest
from asgiref.sync import sync_to_async

from nearer.chat import actions
from nearer.chat.models import Message
from nearer.chat.tests.sockets import connect, frames, next_of, send
from nearer.reminders.models import Notification
from nearer.safety.models import CrisisResource

CRISIS = "Some nights I want to end my life"


@pytest.fixture(autouse=True)
def crisis_line(db, settings):
    """The operator's crisis line (the shipped ones may have been flushed by an earlier
    transactional test)."""
    return CrisisResource.objects.get_or_create(
        country=settings.NEARER_DEFAULT_COUNTRY,
        name="A Listening Line",
        defaults={
            "phone": "116 123",
            "purpose": "Someone to talk to, any time.",
            "last_verified": date(2026, 1, 1),
        },
    )[0]


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_crisis_words_bring_resources_to_the_member_and_a_prompt_to_the_listener(
    chat, alice, listener
):
    member, _, _ = await connect(alice, chat.pk, after=1)
    sam, _, _ = await connect(listener.user, chat.pk, after=1)
    await send(member, CRISIS)
    to_member = await next_of(member, "care")
    to_sam = await next_of(sam, "care")

    assert to_member["for"] == "member"
    assert to_member["seq"] == 2
    assert "people are ready to help" in to_member["message"]
    assert to_member["url"] == "/too-hard/#help"
    assert to_member["resources"], "the operator's crisis lines for the default country"
    assert all(r["name"] and (r["phone"] or r["text"] or r["url"]) for r in to_member["resources"])

    assert to_sam["for"] == "listener"
    assert "gently share the crisis resources" in to_sam["message"]
    assert to_sam["url"] == "/chat/guidelines/"
    assert "resources" not in to_sam

    saved = await sync_to_async(Message.objects.get)(conversation=chat, seq=2)
    assert saved.concern == "fear"
    await member.disconnect()
    await sam.disconnect()


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_everyday_words_and_the_listeners_words_bring_no_prompt(chat, alice, listener):
    member, _, _ = await connect(alice, chat.pk, after=1)
    sam, _, _ = await connect(listener.user, chat.pk, after=1)
    await send(member, "We checked each other's phones, and then we laughed about it")
    await next_of(member, "ack")
    await send(sam, "When people say they want to end my life, I listen")  # not the member
    await next_of(sam, "ack")
    got = await frames(member) + await frames(sam)
    assert "care" not in {f["type"] for f in got}
    await member.disconnect()
    await sam.disconnect()


@pytest.mark.django_db
def test_the_pages_keep_the_care_after_a_reload(chat, alice, listener, client_for):
    alice_page = markup.unescape(client_for(alice).get(f"/chat/{chat.pk}/").content.decode())
    assert 'id="care" aria-labelledby="care-heading" hidden' in alice_page  # nothing yet
    actions.post_message(conversation=chat, user=alice, client_id=uuid.uuid4(), body=CRISIS)
    alice_page = markup.unescape(client_for(alice).get(f"/chat/{chat.pk}/").content.decode())
    assert 'id="care" aria-labelledby="care-heading" data-care' in alice_page
    assert "Help is here if you need it" in alice_page
    assert "These words may point to crisis" not in alice_page  # the listener's prompt
    sam_page = markup.unescape(client_for(listener.user).get(f"/chat/{chat.pk}/").content.decode())
    assert "These words may point to crisis or danger" in sam_page
    assert "They may need more help than a chat" in sam_page
    data = (
        client_for(listener.user)
        .get(f"/chat/{chat.pk}/messages/?after=1", HTTP_ACCEPT="application/json")
        .json()
    )
    assert data["care"]["for"] == "listener"
    assert data["messages"][0]["concern"] is True


@pytest.mark.django_db
def test_nobody_else_is_told(chat, alice, bob):
    actions.post_message(conversation=chat, user=alice, client_id=uuid.uuid4(), body=CRISIS)
    assert not Notification.objects.exists()
