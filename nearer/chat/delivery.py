"""News of chat changes for the open sockets, through the channel layer.

The database is the record: every message is saved (and numbered) before any of this runs,
so the layer only carries news. A socket that misses some (a restart, a full buffer) finds
the gap by its numbers and reads the rest from the database.

Events on a conversation's group (``conversation.group_name``):
- ``chat.message``: one saved message (``Message.payload``);
- ``chat.care``: a member's words suggested crisis or danger: what each side is shown
  (``nearer.chat.care``), right after that message, in the same delivery;
- ``chat.status``: the conversation is now active or ended;
- ``chat.gone``: the conversation was deleted; every socket on it closes.
"""

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from nearer.chat import care
from nearer.chat.models import Conversation, Message


def group_for(conversation_id) -> str:
    return f"chat.{conversation_id.hex}"


def message_event(message: Message, conversation: Conversation) -> dict:
    return {"type": "chat.message", **message.payload(name=conversation.name_for(message.author))}


def care_event(message: Message, conversation: Conversation) -> dict:
    """What each side is shown now that a member's words (``message``) brought a finding:
    ``conversation`` carries the finding (``nearer.chat.care``)."""
    return {
        "type": "chat.care",
        "seq": message.seq,
        "kind": message.concern,
        "member": care.member_frame(conversation),
        "listener": care.listener_frame(conversation),
    }


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
        send(conversation.group_name, care_event(message, conversation))
