"""Background work run by the worker (`manage.py db_worker`): the check-in question email."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from nearer.conversations.models import CheckInQuestion, Preference
from nearer.conversations.wording import question_email
from nearer.safety.screen import partner_nudges_paused


@task()
def send_question_email(question_id: int) -> str:
    """Email the partner about a new question, if they still want emails and it still waits.

    At most once: the question row is locked and marked emailed in one transaction, and the
    email leaves only after that commit, so a re-run or a second worker sends nothing.
    """
    with transaction.atomic():
        question = (
            CheckInQuestion.objects.select_for_update(of=("self",))
            .select_related("asker", "partner")
            .filter(pk=question_id)
            .first()
        )
        if question is None:
            return "gone"  # unlinked in the meantime: the question went with the link
        if question.emailed_at is not None:
            return "already sent"
        if not question.is_open:
            return "already answered"
        if not Preference.wants_email(question.partner):
            return "email off"
        if partner_nudges_paused(question.asker):
            return "paused"  # the asker's private check came after the question
        question.emailed_at = timezone.now()
        question.save(update_fields=["emailed_at"])
        text = question_email(question)
        email = EmailMessage(
            subject=text.subject,
            body=text.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[question.partner.email],
        )
    email.send()
    return "sent"
