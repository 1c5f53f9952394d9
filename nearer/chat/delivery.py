"""News of chat changes for the open sockets, through the channel layer.

The database is the record: every message is saved (and numbered) before any of this runs,
so the layer only carries news. A socket that misses some (a restart, a full buffer) finds
the gap by its numbers and reads the rest from the database.

Events on a conversation's group (``conversation.group_name``):
- ``chat.message``: one saved message (``Message.payload``);
- ``chat.care``: a member's words suggested crisis or danger: what each side is shown;
- ``chat.status``: the conversation is now active or ended;
- ``chat.gone``: the conversation was deleted; every socket on it closes.
"""

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.urls import reverse

from nearer.chat.models import Conversation, Message
from nearer.safety.models import CrisisResource


def group_for(conversation_id) -> str:
    return f"chat.{conversation_id.hex}"


def message_event(message: Message, conversation: Conversation) -> dict:
    return {"type": "chat.message", **message.payload(name=conversation.name_for(message.author))}


def care_event(message: Message) -> dict:
    """Gentle words for each side when a member's message suggests crisis or danger."""
    resources = [
        {
            "name": r.name,
            "phone": r.phone,
            "tel": r.tel_href,
            "text": r.text_contact,
            "url": r.url,
            "hours": r.available_hours,
        }
        for r in CrisisResource.objects.active().for_country(settings.NEARER_DEFAULT_COUNTRY)[:3]
    ]
    return {
        "type": "chat.care",
        "seq": message.seq,
        "kind": message.concern,
        "member": {
            "message": MEMBER_CARE,
            "resources": resources,
            "url": reverse("too_hard") + "#help",
        },
        "listener": {"message": LISTENER_CARE, "url": reverse("chat_guidelines")},
    }


MEMBER_CARE = (
    "It sounds like things may be really hard right now. You're welcome to keep talking here. "
    "If you might be in danger, or thinking of hurting yourself, people are ready to help "
    "straight away, any time."
)
LISTENER_CARE = (
    "Their words suggest they may be in crisis or in danger. Stay with them, listen, and "
    "gently share the crisis resources: they can see them on their screen too. If someone is "
    "in immediate danger, encourage them to call the emergency number."
)


def status_event(conversation: Conversation) -> dict:
    return {"type": "chat.status", "status": conversation.status}


def gone_event() -> dict:
    return {"type": "chat.gone"}


async def asend(group: str, event: dict) -> None:
    layer = get_channel_layer()
    if layer is not None:
        await layer.group_send(group, event)


def send(group: str, event: dict) -> None:
    """From synchronous code (views, actions' on_commit): hand the event to the layer."""
    async_to_sync(asend)(group, event)


def message_saved(message: Message, conversation: Conversation) -> None:
    send(conversation.group_name, message_event(message, conversation))
    if message.concern:
        send(conversation.group_name, care_event(message))
