"""The sanctioned ways to link, unlink and delete accounts: atomic, keyword-only."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from nearer.accounts.models import Couple, Invitation, User
from nearer.today.models import BoardVersion


class LinkError(Exception):
    """A linking step that cannot go ahead; the message is shown to the member as it is."""


EXPIRED = (
    "This invitation has expired. Invitations last a week; ask for a fresh one "
    "whenever you're both ready."
)
USED = "This invitation has already been used. Each one works once."
DECLINED = "This invitation was declined, so it can't be used any more."
WITHDRAWN = "This invitation was withdrawn by the person who sent it."
OWN = (
    "This is your own invitation. Share the link or the code with your partner, "
    "and they can accept it from their account."
)
ALREADY_LINKED = (
    "You're already linked with a partner. Each account links with one partner at a time."
)
INVITER_LINKED = "This invitation can't be accepted any more. Ask for a new one if you like."


def _check_open(invitation: Invitation) -> None:
    if invitation.status == Invitation.Status.ACCEPTED:
        raise LinkError(USED)
    if invitation.status == Invitation.Status.DECLINED:
        raise LinkError(DECLINED)
    if invitation.status == Invitation.Status.WITHDRAWN:
        raise LinkError(WITHDRAWN)
    if invitation.is_expired:
        raise LinkError(EXPIRED)


def check_can_respond(*, invitation: Invitation, user: User) -> None:
    """Raise LinkError when ``user`` cannot accept or decline ``invitation`` now."""
    _check_open(invitation)
    if invitation.inviter_id == user.pk:
        raise LinkError(OWN)


@transaction.atomic
def create_invitation(*, inviter: User) -> Invitation:
    inviter = User.objects.select_for_update().get(pk=inviter.pk)
    if inviter.couple_id is not None:
        raise LinkError(
            "You're already linked with a partner. To invite someone else, unlink first."
        )
    # One open invitation at a time: a new one replaces any earlier link or code.
    Invitation.objects.filter(inviter=inviter, status=Invitation.Status.PENDING).update(
        status=Invitation.Status.WITHDRAWN, responded_at=timezone.now()
    )
    now = timezone.now()
    return Invitation.objects.create(
        inviter=inviter,
        created_at=now,
        expires_at=now + timedelta(days=settings.NEARER_INVITATION_DAYS),
    )


@transaction.atomic
def accept_invitation(*, invitation: Invitation, user: User) -> Couple:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    check_can_respond(invitation=invitation, user=user)
    inviter, invitee = (
        User.objects.select_for_update().get(pk=invitation.inviter_id),
        User.objects.select_for_update().get(pk=user.pk),
    )
    if invitee.couple_id is not None:
        raise LinkError(ALREADY_LINKED)
    if inviter.couple_id is not None:
        raise LinkError(INVITER_LINKED)
    couple = Couple.objects.create()
    User.objects.filter(pk__in=[inviter.pk, invitee.pk]).update(couple=couple)
    BoardVersion.objects.bump(member_id=invitee.pk)  # Today: both now see the partner's cards
    now = timezone.now()
    invitation.status = Invitation.Status.ACCEPTED
    invitation.responder = invitee
    invitation.responded_at = now
    invitation.save(update_fields=["status", "responder", "responded_at"])
    # Neither partner can have another invitation open once linked.
    Invitation.objects.filter(
        inviter__in=[inviter, invitee], status=Invitation.Status.PENDING
    ).update(status=Invitation.Status.WITHDRAWN, responded_at=now)
    user.couple = couple
    return couple


@transaction.atomic
def decline_invitation(*, invitation: Invitation, user: User) -> None:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    check_can_respond(invitation=invitation, user=user)
    invitation.status = Invitation.Status.DECLINED
    invitation.responder = user
    invitation.responded_at = timezone.now()
    invitation.save(update_fields=["status", "responder", "responded_at"])


@transaction.atomic
def withdraw_invitation(*, invitation: Invitation) -> None:
    Invitation.objects.filter(pk=invitation.pk, status=Invitation.Status.PENDING).update(
        status=Invitation.Status.WITHDRAWN, responded_at=timezone.now()
    )


@transaction.atomic
def unlink(*, user: User) -> None:
    """End the link for both partners at once. Either may do it; nobody is emailed."""
    from nearer.goals.models import Goal
    from nearer.journal.models import Entry

    couple_id = User.objects.select_for_update().get(pk=user.pk).couple_id
    if couple_id is not None:
        members = list(User.objects.filter(couple_id=couple_id).values_list("pk", flat=True))
        BoardVersion.objects.bump(member_id=user.pk)  # Today: the partner's cards go, for both
        # Sharing was with this partner only: a later partner starts from nothing shared.
        Goal.objects.filter(owner__in=members, is_shared=True).update(is_shared=False)
        Entry.objects.filter(author__in=members).unshare()
        User.objects.filter(pk__in=members).update(couple=None)
        Couple.objects.filter(pk=couple_id).delete()
    user.couple = None


@transaction.atomic
def delete_account(*, user: User) -> None:
    """Remove the member and everything they own; the partner is simply unlinked."""
    from nearer.community.actions import forget_member  # the community builds on accounts

    unlink(user=user)
    forget_member(user=user)  # other people's reply and reaction counts lose theirs
    User.objects.filter(pk=user.pk).delete()
