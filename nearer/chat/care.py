"""What each side of a chat is shown when the member's words suggest crisis or danger.

Every member message, and the "what's on your mind" topic of a request, is read by the one
safety reader (``nearer.safety.reader.read``); a listener's words never are. The latest
finding is kept on the conversation (``Conversation.concern``, ``concern_urgent``) and decides,
for the page and for the live ``chat.care`` event alike:

- the member's card: words that fit the kind (thoughts of self-harm, or danger from someone
  else), the emergency number as its own first line when the danger may be happening now, and
  the crisis resources of the member's own country (``country_for``), ordered for the kind by
  ``helpers_for``: suicide and crisis lines first for self-harm, domestic-abuse lines first
  for the rest;
- the listener's refer prompt: how to stay with them and what to share, never the member's
  country or anything else about them.

The card never says that anything was "flagged", never names a partner as an abuser and never
diagnoses: it is a signpost. The page and the event draw the card from the same templates, so
a reload shows exactly what arrived live.
"""

from django.template.loader import render_to_string
from django.urls import reverse

from nearer.chat.models import Conversation
from nearer.safety.reader import ABUSE_KINDS
from nearer.safety.resources import country_for, emergency_number, helpers_for

SELF_HARM = "self_harm"
# Chats saved before the one reader said "coercion" for what it now calls "control".
_OLD_KINDS = {"coercion": "control"}

MEMBER_SELF_HARM = (
    "If you're having thoughts of hurting yourself or ending your life, you don't have to "
    "carry them alone. You're welcome to keep talking here, and the people below are ready "
    "to listen straight away, any time."
)
MEMBER_DANGER = (
    "You deserve to be safe, and so does anyone at home with you. You're welcome to keep "
    "talking here. If someone is hurting, frightening or controlling you, the people below "
    "can help you think about staying safe, in confidence, any time."
)
MEMBER_ANY = (
    "It sounds like things may be really hard right now. You're welcome to keep talking here. "
    "If you might be in danger, or thinking of hurting yourself, people are ready to help "
    "straight away, any time."
)
EMERGENCY = "If you're in danger right now, call {number}."
EMERGENCY_LOCAL = "If you're in danger right now, call your local emergency number."

LISTENER_URGENT = (
    "They may be in danger right now: encourage them to call the emergency number first. "
    "It's on their screen."
)
LISTENER_SELF_HARM = (
    "Their words suggest they may be thinking of hurting themself or ending their life. Stay "
    "with them and listen without judging. It's okay to ask gently whether they're safe right "
    "now. Share the crisis line with them: it's on their screen too."
)
LISTENER_DANGER = (
    "Their words suggest someone may be hurting, frightening or controlling them. Believe "
    "them and let them lead. Please don't suggest talking it over with their partner or "
    "trying couples steps: that can make things more dangerous. Gently share the domestic "
    "abuse line: it's on their screen too."
)
LISTENER_ANY = (
    "Their words suggest they may be in crisis or in danger. Stay with them, listen, and "
    "gently share the crisis resources: they can see them on their screen too."
)
LISTENER_EMERGENCY = "If they're in danger right now, encourage them to call the emergency number."


def kind_of(conversation: Conversation) -> str:
    return _OLD_KINDS.get(conversation.concern, conversation.concern)


def member_card(conversation: Conversation) -> dict:
    """The member's card: its words, the emergency line (when urgent) and the resources."""
    kind = kind_of(conversation)
    country = country_for(conversation.member)
    if kind == SELF_HARM:
        message = MEMBER_SELF_HARM
    elif kind in ABUSE_KINDS:
        message = MEMBER_DANGER
    else:
        message = MEMBER_ANY
    urgent = bool(conversation.concern and conversation.concern_urgent)
    number = emergency_number(country) if urgent else ""
    line = ""
    if urgent:
        line = EMERGENCY.format(number=number) if number else EMERGENCY_LOCAL
    return {
        "kind": kind,
        "message": message,
        "emergency": line,
        "emergency_number": number,
        # "112 or 999": the first one to dial.
        "emergency_tel": "tel:" + "".join(c for c in number.split(" or ")[0] if c.isdigit()),
        "resources": helpers_for(country, kind),
    }


def listener_prompt(conversation: Conversation) -> dict:
    kind = kind_of(conversation)
    if kind == SELF_HARM:
        words = [LISTENER_SELF_HARM, LISTENER_EMERGENCY]
    elif kind in ABUSE_KINDS:
        words = [LISTENER_DANGER, LISTENER_EMERGENCY]
    else:
        words = [LISTENER_ANY, LISTENER_EMERGENCY]
    if conversation.concern and conversation.concern_urgent:
        words = [LISTENER_URGENT, words[0]]
    return {"kind": kind, "message": " ".join(words)}


def member_frame(conversation: Conversation) -> dict:
    """The member's part of a ``chat.care`` event."""
    card = member_card(conversation)
    return {
        "message": card["message"],
        "emergency": card["emergency"],
        "resources": [
            {
                "name": r.name,
                "phone": r.phone,
                "tel": r.tel_href,
                "text": r.text_contact,
                "url": r.url,
                "hours": r.available_hours,
            }
            for r in card["resources"]
        ],
        "url": reverse("too_hard") + "#help",
        "html": render_to_string("chat/_care_member.html", {"card": card}),
    }


def listener_frame(conversation: Conversation) -> dict:
    """The listener's part of a ``chat.care`` event: no resources, nothing about the member."""
    prompt = listener_prompt(conversation)
    return {
        "message": prompt["message"],
        "url": reverse("chat_guidelines"),
        "html": render_to_string("chat/_care_listener.html", {"prompt": prompt}),
    }
