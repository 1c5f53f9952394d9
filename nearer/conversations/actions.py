"""The check-in question's moves: ask, answer, "not now", thank you.

Each is atomic and leaves an in-app notice for the other person; the partner's email is a
queued task written in the same transaction (the queue is a database table).
"""

from datetime import datetime

from django.db import IntegrityError, transaction

from nearer.accounts.models import User
from nearer.conversations import wording
from nearer.conversations.models import CheckInQuestion, Preference
from nearer.conversations.tasks import send_question_email
from nearer.reminders.models import Notification
from nearer.safety.screen import partner_nudges_paused

NOT_LINKED = (
    "You're not linked with a partner right now, so there's no one to ask. "
    "Check-in questions work once you link accounts."
)
ALREADY_WAITING = (
    "Your last question is still waiting. One at a time keeps it gentle — "
    "their answer can come whenever they're ready."
)
NOT_OPEN = "This question has already been answered, or set aside for now. Nothing changed."
NOT_ANSWERED = "There's no answer to thank them for yet. That's okay — there's no rush."
PAUSED = (
    "Check-in questions are resting for now, so nothing was sent. You can start them again "
    "at any time from the private check, under “Too hard right now?”."
)


class ConversationError(Exception):
    """A move that can't be made; the message is shown to the member as it is."""


@transaction.atomic
def ask_question(*, asker: User, text: str, now: datetime) -> CheckInQuestion:
    asker = User.objects.select_for_update().get(pk=asker.pk)  # the link as it is right now
    partner = asker.partner
    if partner is None:
        raise ConversationError(NOT_LINKED)
    if partner_nudges_paused(asker):  # nothing in their name while their safety comes first
        raise ConversationError(PAUSED)
    if CheckInQuestion.objects.filter(asker=asker).open().exists():
        raise ConversationError(ALREADY_WAITING)
    try:
        with transaction.atomic():
            question = CheckInQuestion.objects.create(
                couple_id=asker.couple_id, asker=asker, partner=partner, text=text, asked_at=now
            )
    except IntegrityError:  # a second tab asked a moment ago
        raise ConversationError(ALREADY_WAITING) from None
    notice = wording.question_notice(asker=asker, partner=partner)
    Notification.objects.create(user=partner, text=notice, created_at=now)
    if Preference.wants_email(partner):
        send_question_email.enqueue(question.pk)
    return question


def _lock_open(question: CheckInQuestion) -> CheckInQuestion:
    locked = (
        CheckInQuestion.objects.select_for_update(of=("self",))
        .select_related("asker", "partner")
        .filter(pk=question.pk)
        .open()
        .first()
    )
    if locked is None:
        raise ConversationError(NOT_OPEN)
    return locked


@transaction.atomic
def answer_question(*, question: CheckInQuestion, text: str, now: datetime) -> CheckInQuestion:
    question = _lock_open(question)
    question.status, question.answer, question.responded_at = (
        CheckInQuestion.Status.ANSWERED,
        text,
        now,
    )
    question.save(update_fields=["status", "answer", "responded_at"])
    notice = wording.answer_notice(asker=question.asker, partner=question.partner)
    Notification.objects.create(user=question.asker, text=notice, created_at=now)
    return question


@transaction.atomic
def not_now(*, question: CheckInQuestion, now: datetime) -> CheckInQuestion:
    """The partner sets the question aside: no reason asked, nothing counted against them."""
    question = _lock_open(question)
    question.status, question.responded_at = CheckInQuestion.Status.NOT_NOW, now
    question.save(update_fields=["status", "responded_at"])
    notice = wording.not_now_notice(asker=question.asker, partner=question.partner)
    Notification.objects.create(user=question.asker, text=notice, created_at=now)
    return question


@transaction.atomic
def say_thank_you(*, question: CheckInQuestion, now: datetime) -> CheckInQuestion:
    """One tap from the asker. A second tap changes nothing."""
    question = (
        CheckInQuestion.objects.select_for_update(of=("self",))
        .select_related("asker", "partner")
        .get(pk=question.pk)
    )
    if not question.is_answered:
        raise ConversationError(NOT_ANSWERED)
    if question.thanked_at is None:
        question.thanked_at = now
        question.save(update_fields=["thanked_at"])
        notice = wording.thanks_notice(asker=question.asker, partner=question.partner)
        Notification.objects.create(user=question.partner, text=notice, created_at=now)
    return question
