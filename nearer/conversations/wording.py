"""What the talking tools say: guidance, notices and emails, in our own gentle words.

Discreet members get notices and emails that say nothing about a relationship or a question:
only that something is waiting on Nearer.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse

DISCREET_NOTICE = "Something is waiting for you on Nearer."
DISCREET_SUBJECT = "Something is waiting for you on Nearer"

NOT_NOW_FOR_ASKER = "Not now — that's okay. There's no rush."
NO_ANSWER_YET = "No answer yet. That's okay — there's no rush."

# How to listen, for the asker: while waiting, and when the answer comes.
LISTEN_FIRST = (
    "Let your voice stay soft and unhurried.",
    "Listen more than you talk. Short replies are fine: “I hear you.”",
    "There's nothing to fix right now. Let what they said simply be heard.",
    "Thank them for telling you, whatever they shared.",
)

# The gentle-conversation guide for a repair.
REPAIR_GUIDE = (
    (
        "One thing only.",
        "Bring just this one small thing. Anything else can wait for another day.",
    ),
    (
        "Say what you need.",
        "Talk about what would help you, not about who is to blame: "
        "“It would help me if…”, “I'd like…”.",
    ),
    (
        "Keep it gentle.",
        "A soft, slow voice makes it easier for both of you to stay calm.",
    ),
    (
        "Start softly.",
        "You might begin with “Can I share something small that's been on my mind?”",
    ),
)

# When a member's own words for their partner suggest danger, nothing goes until they choose.
HELD_QUESTION = (
    "Nothing has been sent yet. You can keep this private, or send it as it is. "
    "Keeping it private sends nothing, and your words aren't kept."
)
HELD_ANSWER = (
    "Nothing has been sent yet. You can keep this private, or send it as it is. "
    "Keeping it private sends nothing, and the question stays here for whenever you're ready."
)
KEPT_QUESTION = "Okay. Nothing was sent, and those words weren't kept."
KEPT_ANSWER = (
    "Okay. Nothing was sent, and those words weren't kept. "
    "The question can wait, and “Not now” is always okay too."
)

THAT_TOOK_COURAGE = "That took courage."
TIME_PASSED = "The time passed, and that's okay. Want to pick a new one?"


def _name(user) -> str:
    return user.display_name or "Your partner"


def question_notice(*, asker, partner) -> str:
    if partner.discreet:
        return DISCREET_NOTICE
    return f"{_name(asker)} sent you a check-in question. Answer whenever you're ready."


def answer_notice(*, asker, partner) -> str:
    if asker.discreet:
        return DISCREET_NOTICE
    return f"{_name(partner)} answered your check-in question."


def not_now_notice(*, asker, partner) -> str:
    if asker.discreet:
        return DISCREET_NOTICE
    return f"{_name(partner)} chose “not now”. That's okay — there's no rush."


def thanks_notice(*, asker, partner) -> str:
    if partner.discreet:
        return DISCREET_NOTICE
    return f"{_name(asker)} said thank you for sharing."


@dataclass(frozen=True)
class Email:
    subject: str
    body: str


def question_email(question) -> Email:
    site = settings.SITE_URL
    talk = f"{site}{reverse('talk')}"
    settings_line = f"You asked for these emails. To turn them off: {talk}#email\n"
    if question.partner.discreet:
        body = f"{DISCREET_NOTICE}\n\nOpen it whenever you like: {talk}\n\n{settings_line}"
        return Email(DISCREET_SUBJECT, body)
    asker = _name(question.asker)
    answer_url = f"{site}{reverse('talk_question', args=[question.pk])}"
    body = (
        f"{asker} asked you:\n\n"
        f"    {question.text}\n\n"
        "You can answer in your own words, or choose “not now”. Both are fine.\n\n"
        f"{answer_url}\n\n"
        f"{settings_line}"
    )
    return Email(f"A question from {asker}", body)
