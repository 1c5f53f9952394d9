"""The optional daily email of new replies to a member's posts.

At most one a member a local day, and each reply in at most one email: the member's profile
row is locked while their digest is made, ``digest_through`` moves to the moment it covers,
and the ``one_community_digest_per_day`` constraint refuses a second email the same day, so
running the command twice (or two copies at once) sends nothing more. The email leaves after
the commit: at most once, never twice.

With discreet wording on, the subject and the body say only that something new is waiting:
no group, no names, no titles, no community or relationship words.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.urls import reverse

from nearer.community import wording
from nearer.community.actions import reply_link
from nearer.community.models import CommunityProfile, DigestDelivery, Reply, State

LISTED = 30


@dataclass(frozen=True)
class Text:
    subject: str
    body: str


def new_replies(profile: CommunityProfile, *, now: datetime):
    if profile.digest_through is None:
        after = {"published_at__gte": profile.created_at}
    else:  # the last digest covered everything published up to and including this moment
        after = {"published_at__gt": profile.digest_through}
    return (
        Reply.objects.filter(
            post__author=profile, state=State.VISIBLE, published_at__lte=now, **after
        )
        .exclude(author=profile)
        .select_related("author", "post", "group")
        .order_by("published_at", "pk")
    )


def digest_text(profile: CommunityProfile, replies: list[Reply], *, total: int) -> Text:
    site = settings.SITE_URL
    settings_link = site + reverse("community_email_settings")
    if profile.user.discreet:
        count = "1 new message" if total == 1 else f"{total} new messages"
        body = (
            f"There's something new for you on Nearer: {count}.\n\n"
            f"Open Nearer: {site}{reverse('notifications')}\n\n"
            f"To change these emails: {settings_link}\n"
        )
        return Text(wording.DIGEST_SUBJECT_DISCREET, body)
    lines = [
        f"- {r.author.name} replied to “{wording.shorten(r.post.title)}” in {r.group.name}:\n"
        f"  {site}{reply_link(r)}"
        for r in replies
    ]
    if total > len(replies):
        lines.append(f"- and {total - len(replies)} more.")
    body = (
        "People have written back since your last email:\n\n"
        + "\n".join(lines)
        + "\n\nRead and reply whenever you're ready; there's no rush.\n\n"
        f"To stop these emails: {settings_link}\n"
    )
    return Text(wording.DIGEST_SUBJECT, body)


def send_digest(profile_id: int, *, now: datetime) -> bool:
    """Send this member's digest if they have new replies and none was sent today."""
    email = None
    with transaction.atomic():
        profile = (
            CommunityProfile.objects.select_for_update(of=("self",))
            .select_related("user")
            .filter(pk=profile_id, digest_by_email=True, user__is_active=True)
            .first()
        )
        if profile is None:
            return False
        found = new_replies(profile, now=now)
        replies = list(found[:LISTED])
        if not replies:
            return False
        total = found.count() if len(replies) == LISTED else len(replies)
        try:
            with transaction.atomic():
                DigestDelivery.objects.create(
                    profile=profile,
                    local_date=now.astimezone(profile.user.zone).date(),
                    sent_at=now,
                    reply_count=total,
                )
        except IntegrityError:
            return False  # today's digest has gone already
        profile.digest_through = now
        profile.save(update_fields=["digest_through"])
        text = digest_text(profile, replies, total=total)
        email = EmailMessage(
            subject=text.subject,
            body=text.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[profile.user.email],
        )
    email.send()
    return True


def send_digests(*, now: datetime) -> int:
    sent = 0
    ids = CommunityProfile.objects.filter(digest_by_email=True, user__is_active=True).values_list(
        "pk", flat=True
    )
    for profile_id in ids.iterator():
        if send_digest(profile_id, now=now):
            sent += 1
    return sent
