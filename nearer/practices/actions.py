"""The sanctioned ways to do a practice: note it, count it toward the goal, and reach the
partner only where the member chose to. Atomic, keyword-only; a resent form adds nothing."""

import uuid
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from nearer.accounts.models import User
from nearer.practices.counting import (
    ACT_STEP,
    APPRECIATION_STEP,
    MOMENT_STEP,
    PAUSE_STEP,
    TOGETHER_STEP,
    Counted,
    count_toward,
    goal_for,
)
from nearer.practices.models import Appreciation, Moment, Pause, SmallAct, TimeTogether
from nearer.reminders.models import Notification

NOT_LINKED_SEND = (
    "You're not linked with a partner right now, so this can't be sent. "
    "You can keep it private instead; nothing was sent."
)
NOT_LINKED_TELL = (
    "You're not linked with a partner right now, so there's no one to tell. "
    "Untick “Let them know” to note it just for yourself."
)
OUT_OF_DATE = "This page was a little out of date. Please tap again."


class PracticeError(Exception):
    """A practice that cannot be noted as asked; the message is shown to the member as it is."""


@dataclass(frozen=True)
class Noted:
    """``new`` is False when the same tap or form arrived again and nothing was added."""

    new: bool
    counted: Counted


def _again(user: User, slug: str) -> Noted:
    return Noted(new=False, counted=Counted(goal=goal_for(user, slug)))


def _partner_for_update(user: User) -> User | None:
    """The partner as linked right now, with the member's row locked against an unlink."""
    return User.objects.select_for_update().get(pk=user.pk).partner


@transaction.atomic
def note_moment(*, user: User, kind: str = "") -> Noted:
    """One moment of connection today. A second tap the same day keeps one, and may say
    what it was."""
    moment, created = Moment.objects.get_or_create(
        owner=user, day=user.today(), defaults={"kind": kind}
    )
    if not created and kind and moment.kind != kind:
        moment.kind = kind
        moment.save(update_fields=["kind"])
    # A daily goal counts once a day however often this runs; counting again is harmless
    # and catches a goal started since the first tap.
    return Noted(new=created, counted=count_toward(user=user, slug=MOMENT_STEP))


@transaction.atomic
def take_pause(*, user: User, seen: int) -> Noted:
    """One pause before reacting. ``seen`` is how many pauses the member's page showed for
    today: a resent tap finds that number taken and counts nothing twice."""
    today = user.today()
    current = Pause.objects.filter(owner=user, day=today).count()
    if seen > current:
        raise PracticeError(OUT_OF_DATE)
    if seen < current:
        return _again(user, PAUSE_STEP)
    try:
        with transaction.atomic():
            Pause.objects.create(owner=user, day=today, number=seen + 1)
    except IntegrityError:  # the same tap, a moment ago
        return _again(user, PAUSE_STEP)
    return Noted(new=True, counted=count_toward(user=user, slug=PAUSE_STEP))


@transaction.atomic
def write_appreciation(
    *, user: User, text: str, send: bool, token: uuid.UUID
) -> tuple[Appreciation, Noted]:
    """Keep an appreciation private, or send it to the partner linked right now."""
    recipient = _partner_for_update(user) if send else None
    if send and recipient is None:
        raise PracticeError(NOT_LINKED_SEND)
    existing = Appreciation.objects.filter(author=user, token=token).first()
    if existing is not None:
        return existing, _again(user, APPRECIATION_STEP)
    now = timezone.now()
    try:
        with transaction.atomic():
            appreciation = Appreciation.objects.create(
                author=user,
                recipient=recipient,
                text=text,
                day=user.today(),
                sent_at=now if recipient else None,
                token=token,
                created_at=now,
            )
    except IntegrityError:  # the same form, a moment ago
        return Appreciation.objects.get(author=user, token=token), _again(user, APPRECIATION_STEP)
    if recipient is not None:
        Notification.objects.create(
            user=recipient,
            text=(
                f"{user.display_name} sent you an appreciation. It's waiting for you in "
                "Practices, under “Kind words for you”."
            ),
        )
    return appreciation, Noted(new=True, counted=count_toward(user=user, slug=APPRECIATION_STEP))


@transaction.atomic
def finish_time_together(*, user: User, plan: TimeTogether | None = None) -> Noted:
    """ "We did it": ten minutes together today, noted once a day (on the plan, if any)."""
    today = user.today()
    already = TimeTogether.objects.filter(owner=user, done_on=today).exists()
    if not already:
        try:
            with transaction.atomic():
                if plan is not None and plan.done_on is None:
                    TimeTogether.objects.filter(pk=plan.pk, done_on__isnull=True).update(
                        done_on=today
                    )
                else:
                    TimeTogether.objects.create(owner=user, done_on=today)
        except IntegrityError:  # noted by the same tap, a moment ago
            already = True
    counted = count_toward(
        user=user, slug=TOGETHER_STEP, duration_seconds=TimeTogether.MINUTES * 60
    )
    return Noted(new=not already, counted=counted)


@transaction.atomic
def note_small_act(*, user: User, kind: str, note: str, tell: bool, token: uuid.UUID) -> Noted:
    """One small act of care, done; the partner gets a gentle notice only if asked."""
    partner = _partner_for_update(user) if tell else None
    if tell and partner is None:
        raise PracticeError(NOT_LINKED_TELL)
    if SmallAct.objects.filter(owner=user, token=token).exists():
        return _again(user, ACT_STEP)
    try:
        with transaction.atomic():
            SmallAct.objects.create(
                owner=user,
                day=user.today(),
                kind=kind,
                note=note,
                told_partner=partner is not None,
                token=token,
            )
    except IntegrityError:
        return _again(user, ACT_STEP)
    if partner is not None:
        Notification.objects.create(
            user=partner, text=f"{user.display_name} did something small and kind for you today."
        )
    return Noted(new=True, counted=count_toward(user=user, slug=ACT_STEP))
