"""Changing community state: joining, writing, reacting, reporting and moderating.

Each function is keyword-only and atomic. Counters on a post (replies, reactions, last
activity) change here, in the same transaction as the row they count, with F() updates, so
two people replying at once both count. Every moderator step writes a ``ModerationAction``.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import formats

from nearer.community import markup, wording
from nearer.community.models import (
    CommunityProfile,
    Group,
    Membership,
    ModerationAction,
    Moderator,
    Post,
    Reaction,
    ReactionKind,
    Reply,
    Report,
    State,
)
from nearer.reminders.models import Notification
from nearer.safety.notes import safe_read
from nearer.safety.reader import Finding

RATE_WINDOW = timedelta(hours=1)
Kind = ModerationAction.Kind


class CommunityError(Exception):
    """Something a member or moderator can't do, with words to show them."""


def review_first() -> int:
    """How many of a member's posts and replies a moderator reads before others see them."""
    return settings.NEARER_COMMUNITY_REVIEW_FIRST


def hourly_limit(*, new: bool) -> int:
    if new:
        return settings.NEARER_COMMUNITY_NEW_MEMBER_HOURLY
    return settings.NEARER_COMMUNITY_HOURLY


def is_moderator(user, group: Group) -> bool:
    return Group.objects.moderated_by(user).filter(pk=group.pk).exists()


def local_date(moment: datetime, user) -> str:
    return formats.date_format(moment.astimezone(user.zone), "l j F Y")


# Joining and leaving -------------------------------------------------------------------------


@transaction.atomic
def join_group(
    *, user, group: Group, now: datetime, name: tuple[str, str] | None = None
) -> Membership:
    """Join ``group``, creating the member's community profile on their first join (with the
    name already validated, as (name, key)) and recording that they accepted the code."""
    if not group.is_open:
        raise CommunityError(wording.CLOSED)
    profile = CommunityProfile.objects.select_for_update().filter(user=user).first()
    if profile is None:
        if name is None:
            raise CommunityError("Please choose a community name.")
        profile = create_profile(user=user, name=name, now=now)
    if profile.conduct_accepted_at is None:
        profile.conduct_accepted_at = now
        profile.save(update_fields=["conduct_accepted_at"])
    membership, created = Membership.objects.get_or_create(
        group=group, profile=profile, defaults={"joined_at": now}
    )
    if membership.banned_at is not None:
        raise CommunityError(wording.BANNED.format(group=group.name))
    if not created and membership.left_at is not None:
        membership.left_at = None
        membership.joined_at = now
        membership.save(update_fields=["left_at", "joined_at"])
    return membership


def create_profile(*, user, name: tuple[str, str], now: datetime) -> CommunityProfile:
    try:
        with transaction.atomic():
            return CommunityProfile.objects.create(
                user=user, name=name[0], name_key=name[1], created_at=now
            )
    except IntegrityError as e:
        raise CommunityError("Someone has just taken that name. Please choose another one.") from e


@transaction.atomic
def rename(*, profile: CommunityProfile, name: tuple[str, str]) -> None:
    profile.name, profile.name_key = name
    try:
        with transaction.atomic():
            profile.save(update_fields=["name", "name_key"])
    except IntegrityError as e:
        raise CommunityError("Someone already uses that name. Please choose another one.") from e


@transaction.atomic
def leave_group(*, membership: Membership, now: datetime) -> None:
    membership.left_at = now
    membership.save(update_fields=["left_at"])


# Writing -------------------------------------------------------------------------------------


def check_can_write(*, membership: Membership | None, group: Group, now: datetime) -> None:
    """Raise CommunityError with the reason if this member may not write in the group now."""
    if not group.is_open:
        raise CommunityError(wording.CLOSED)
    if membership is None:
        raise CommunityError(wording.NOT_A_MEMBER.format(group=group.name))
    if membership.banned_at is not None:
        raise CommunityError(wording.BANNED.format(group=group.name))
    if membership.left_at is not None:
        raise CommunityError(wording.NOT_A_MEMBER.format(group=group.name))
    if membership.is_suspended(now=now):
        until = local_date(membership.suspended_until, membership.profile.user)
        raise CommunityError(wording.SUSPENDED.format(group=group.name, until=until))


def _check_rate(profile: CommunityProfile, *, now: datetime, trusted: bool) -> None:
    since = now - RATE_WINDOW
    times = list(
        Post.objects.filter(author=profile, created_at__gt=since).values_list(
            "created_at", flat=True
        )
    ) + list(
        Reply.objects.filter(author=profile, created_at__gt=since).values_list(
            "created_at", flat=True
        )
    )
    limit = hourly_limit(new=not trusted and profile.approved_count < review_first())
    if len(times) >= limit:
        oldest = sorted(times)[len(times) - limit]
        minutes = max(1, int((oldest + RATE_WINDOW - now).total_seconds() // 60) + 1)
        raise CommunityError(wording.SLOW_DOWN.format(minutes=minutes))


def _first_state(
    profile: CommunityProfile, *, text: str, trusted: bool
) -> tuple[str, Finding | None]:
    """(state, finding) for new words: words with a safety finding are held for a moderator
    first (whoever wrote them), then a new member's first few. Words the reader failed on are
    held the same way, as a finding without a kind: a moderator reads them first."""
    reading = safe_read(text)
    if reading.failed:
        return State.HELD, Finding("", "")
    if reading.finding is not None:
        return State.HELD, reading.finding
    if not trusted and profile.approved_count < review_first():
        return State.HELD, None
    return State.VISIBLE, None


def _prepare(membership: Membership, *, now: datetime) -> bool:
    """Check the member may write now; True when their words skip new-member review.
    The profile row is locked and read fresh, so one member's words are counted one at a
    time (the hourly limit holds under double submits) against their current standing."""
    profile = CommunityProfile.objects.select_for_update().get(pk=membership.profile_id)
    membership.profile = profile
    check_can_write(membership=membership, group=membership.group, now=now)
    trusted = is_moderator(profile.user, membership.group)
    _check_rate(profile, now=now, trusted=trusted)
    return trusted


@transaction.atomic
def write_post(*, membership: Membership, title: str, body: str, now: datetime) -> Post:
    trusted = _prepare(membership, now=now)
    title, body = markup.clean_text(title), markup.clean_text(body)
    state, finding = _first_state(membership.profile, text=f"{title}\n{body}", trusted=trusted)
    return Post.objects.create(
        group=membership.group,
        author=membership.profile,
        title=title,
        body=body,
        body_html=markup.render(body),
        search_text=markup.search_text(title, body),
        state=state,
        crisis=finding is not None,
        crisis_kind=finding.kind if finding else "",
        created_at=now,
        last_activity_at=now,
    )


@transaction.atomic
def write_reply(*, membership: Membership, post: Post, body: str, now: datetime) -> Reply:
    if post.group_id != membership.group_id or post.state != State.VISIBLE:
        raise CommunityError("This conversation isn't open for replies just now.")
    trusted = _prepare(membership, now=now)
    body = markup.clean_text(body)
    state, finding = _first_state(membership.profile, text=body, trusted=trusted)
    reply = Reply.objects.create(
        post=post,
        group=post.group,
        author=membership.profile,
        body=body,
        body_html=markup.render(body),
        state=state,
        crisis=finding is not None,
        crisis_kind=finding.kind if finding else "",
        created_at=now,
    )
    if state == State.VISIBLE:
        _published(reply, now=now)
    return reply


def reply_link(reply: Reply) -> str:
    """A neutral address for a reply: nothing in it says what it is."""
    return reverse("community_update", args=[reply.pk])


def _published(reply: Reply, *, now: datetime) -> None:
    """A reply became readable: count it, bump its thread, tell the post's author."""
    Post.objects.filter(pk=reply.post_id).update(
        reply_count=F("reply_count") + 1, last_activity_at=now
    )
    if reply.published_at is None:
        reply.published_at = now
        reply.save(update_fields=["published_at"])
        _notify_reply(reply, now=now)


def _notify_reply(reply: Reply, *, now: datetime) -> None:
    post = Post.objects.select_related("author__user", "group").get(pk=reply.post_id)
    owner = post.author.user
    if post.author_id == reply.author_id:
        return
    if owner.discreet:
        text = wording.REPLY_TEXT_DISCREET
    else:
        text = wording.REPLY_TEXT.format(
            name=reply.author.name, title=wording.shorten(post.title), group=post.group.name
        )
    Notification.objects.create(user=owner, text=text, link=reply_link(reply), created_at=now)


def _unpublished(reply: Reply) -> None:
    Post.objects.filter(pk=reply.post_id, reply_count__gt=0).update(
        reply_count=F("reply_count") - 1
    )
    # A hidden reply stays hidden everywhere, the notification about it too.
    Notification.objects.filter(link=reply_link(reply)).delete()


# Reactions -----------------------------------------------------------------------------------

COUNTERS = {ReactionKind.HELPED: "helped_count", ReactionKind.ME_TOO: "me_too_count"}


@transaction.atomic
def toggle_reaction(
    *, membership: Membership, kind: str, post: Post | None = None, reply: Reply | None = None
) -> bool:
    """Add the member's reaction of this kind, or take it back; True when it is now on."""
    target = post or reply
    if target is None or target.state != State.VISIBLE:
        raise CommunityError("This can't take a reaction just now.")
    counter = COUNTERS[ReactionKind(kind)]
    model = Post if post is not None else Reply
    lookup = {"post": post} if post is not None else {"reply": reply}
    existing = Reaction.objects.filter(profile=membership.profile, kind=kind, **lookup)
    if existing.delete()[0]:
        model.objects.filter(pk=target.pk, **{f"{counter}__gt": 0}).update(
            **{counter: F(counter) - 1}
        )
        return False
    try:
        with transaction.atomic():
            Reaction.objects.create(profile=membership.profile, kind=kind, **lookup)
    except IntegrityError:
        return True  # the same tap twice at once: it's on, and counted once
    model.objects.filter(pk=target.pk).update(**{counter: F(counter) + 1})
    return True


# Reports -------------------------------------------------------------------------------------


@transaction.atomic
def report(
    *,
    reporter: CommunityProfile,
    group: Group,
    reason: str,
    words: str,
    now: datetime,
    post: Post | None = None,
    reply: Reply | None = None,
    member: CommunityProfile | None = None,
) -> Report:
    """File a report, or add to this reporter's open report about the same thing."""
    target = {"post": post, "reply": reply, "member": member}
    words = markup.clean_text(words)
    existing = (
        Report.objects.select_for_update()
        .filter(group=group, reporter=reporter, resolved_at__isnull=True, **target)
        .first()
    )
    if existing is not None:
        existing.reason = reason
        if words:
            existing.words = words
        existing.save(update_fields=["reason", "words"])
        return existing
    return Report.objects.create(
        group=group, reporter=reporter, reason=reason, words=words, created_at=now, **target
    )


# Moderation ----------------------------------------------------------------------------------


def describe(*, post: Post | None = None, reply: Reply | None = None, member=None) -> str:
    if post is not None:
        return f"post #{post.pk} “{wording.shorten(post.title, 80)}” by {post.author.name}"
    if reply is not None:
        return f"reply #{reply.pk} by {reply.author.name} to post #{reply.post_id}"
    return f"member {member.name} (#{member.pk})"


def _log(*, group: Group, moderator, kind: str, now: datetime, **fields) -> ModerationAction:
    return ModerationAction.objects.create(
        group=group, moderator=moderator, kind=kind, created_at=now, **fields
    )


def _resolve_reports(reports, *, moderator, now: datetime) -> None:
    reports.filter(resolved_at__isnull=True).update(resolved_at=now, resolved_by=moderator)


@transaction.atomic
def moderate_item(
    *,
    moderator,
    group: Group,
    kind: str,
    reason: str,
    now: datetime,
    post: Post | None = None,
    reply: Reply | None = None,
) -> ModerationAction:
    """Let through (a held item), hide, or restore (a hidden one) a post or a reply."""
    model = Post if post is not None else Reply
    target = model.objects.select_for_update().get(pk=(post or reply).pk, group=group)
    author = CommunityProfile.objects.get(pk=target.author_id)
    if author.user_id == moderator.pk and not moderator.is_staff:
        raise CommunityError(wording.NOT_YOURSELF)
    before = target.state
    if kind == Kind.APPROVE and before == State.HELD:
        after = State.VISIBLE
        CommunityProfile.objects.filter(pk=author.pk).update(approved_count=F("approved_count") + 1)
    elif kind == Kind.RESTORE and before == State.HIDDEN:
        after = State.VISIBLE
    elif kind == Kind.HIDE and before != State.HIDDEN:
        after = State.HIDDEN
    else:
        raise CommunityError("That step doesn't fit where this is now. The page shows it fresh.")
    target.state = after
    fields = ["state"]
    if isinstance(target, Post) and before == State.HELD:
        target.last_activity_at = now  # new to everyone else: it starts at the top
        fields.append("last_activity_at")
    target.save(update_fields=fields)
    if isinstance(target, Reply):
        if after == State.VISIBLE:
            _published(target, now=now)
        elif before == State.VISIBLE:
            _unpublished(target)
    _resolve_reports(target.reports.all(), moderator=moderator, now=now)
    described = describe(post=target) if isinstance(target, Post) else describe(reply=target)
    return _log(
        group=group,
        moderator=moderator,
        kind=kind,
        now=now,
        target=described,
        reason=markup.clean_text(reason),
        member=author,
        **({"post": target} if isinstance(target, Post) else {"reply": target}),
    )


def notes_link() -> str:
    return reverse("community_notes")


def _note(profile: CommunityProfile, group: Group, text: str, *, now: datetime) -> None:
    user = profile.user
    shown = wording.NOTE_TEXT_DISCREET if user.discreet else text
    Notification.objects.create(
        user=user, text=wording.shorten(shown, 300), link=notes_link(), created_at=now
    )


@transaction.atomic
def moderate_member(
    *,
    moderator,
    group: Group,
    profile: CommunityProfile,
    kind: str,
    reason: str,
    now: datetime,
    until: datetime | None = None,
) -> ModerationAction:
    """Send a note, pause until a date, remove from the group, or welcome back."""
    if profile.user_id == moderator.pk:
        raise CommunityError(wording.NOT_YOURSELF)
    if Moderator.objects.filter(group=group, user_id=profile.user_id).exists() and kind in (
        Kind.SUSPEND,
        Kind.BAN,
    ):
        raise CommunityError(
            "This member is one of the group's moderators: please ask an operator."
        )
    reason = markup.clean_text(reason)
    membership, _ = Membership.objects.select_for_update().get_or_create(
        group=group, profile=profile, defaults={"joined_at": now, "left_at": now}
    )
    name = group.name
    if kind == Kind.WARN:
        if not reason:
            raise CommunityError("Please write the note the member will read.")
        _note(profile, group, wording.NOTE_TEXT.format(group=name, reason=reason), now=now)
    elif kind == Kind.SUSPEND:
        if until is None or until <= now:
            raise CommunityError("Please choose a date after today for the pause to end.")
        membership.suspended_until = until
        membership.save(update_fields=["suspended_until"])
        when = local_date(until, profile.user)
        _note(profile, group, f"You're paused from writing in {name} until {when}.", now=now)
    elif kind == Kind.BAN:
        membership.banned_at = now
        membership.left_at = membership.left_at or now
        membership.save(update_fields=["banned_at", "left_at"])
        _note(profile, group, f"You can no longer take part in {name}.", now=now)
    elif kind == Kind.LIFT:
        if membership.banned_at is None and not membership.is_suspended(now=now):
            raise CommunityError("This member isn't paused or removed from the group.")
        membership.banned_at = None
        membership.suspended_until = None
        membership.save(update_fields=["banned_at", "suspended_until"])
        _note(profile, group, f"You're welcome to take part in {name} again.", now=now)
    else:
        raise CommunityError("Please choose one of the steps on the page.")
    _resolve_reports(
        Report.objects.filter(group=group, member=profile), moderator=moderator, now=now
    )
    return _log(
        group=group,
        moderator=moderator,
        kind=kind,
        now=now,
        target=describe(member=profile),
        reason=reason,
        member=profile,
        until=until if kind == Kind.SUSPEND else None,
    )


@transaction.atomic
def close_report(*, moderator, report: Report, reason: str, now: datetime) -> ModerationAction:
    if report.resolved_at is not None:
        raise CommunityError("Another moderator has already closed this report.")
    report.resolved_at = now
    report.resolved_by = moderator
    report.save(update_fields=["resolved_at", "resolved_by"])
    return _log(
        group=report.group,
        moderator=moderator,
        kind=Kind.CLOSE_REPORT,
        now=now,
        target=f"report #{report.pk} about {report.target_label}",
        reason=markup.clean_text(reason),
        report=report,
    )


# Leaving Nearer ------------------------------------------------------------------------------


@transaction.atomic
def forget_member(*, user) -> None:
    """Remove a member's community profile and everything written under it, keeping the
    counters on other people's posts true (their reply and reaction counts go down).
    For account deletion: call it before the user row is deleted."""
    profile = CommunityProfile.objects.select_for_update().filter(user=user).first()
    if profile is None:
        return
    for reply_item in Reply.objects.filter(author=profile, state=State.VISIBLE).exclude(
        post__author=profile
    ):
        _unpublished(reply_item)
    for reaction in Reaction.objects.filter(profile=profile).exclude(
        Q(post__author=profile) | Q(reply__author=profile)
    ):
        counter = COUNTERS[ReactionKind(reaction.kind)]
        model, pk = (Post, reaction.post_id) if reaction.post_id else (Reply, reaction.reply_id)
        model.objects.filter(pk=pk, **{f"{counter}__gt": 0}).update(**{counter: F(counter) - 1})
    profile.delete()
