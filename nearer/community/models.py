"""The Community Group: moderated peer spaces around a season of life.

Operators create ``Group`` rows and grant ``Moderator`` rows in Django admin. A member takes
part under a ``CommunityProfile``: a community name (a pseudonym, never their account name)
and the time they accepted the code of conduct. ``Membership`` says who has joined which
group, and carries a group's suspension or ban, which outlive leaving and joining again.

A ``Post`` starts a thread; a ``Reply`` answers it. Both store the member's words as typed and
the sanitised HTML made from them when they were written, so pages never render Markdown.
Each has a state: visible, held (waiting for a moderator: a new member's first words, or words
that suggest crisis) or hidden (by a moderator). Reply, reaction and last-activity counters
live on the rows and are kept by the actions, so a group page is one indexed read whatever
the group's size.

Nothing here points from a community name to an email address, and nothing in the community
is ever shown on a partner's pages.
"""

from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

NAME_MIN = 3
NAME_MAX = 30
TITLE_MAX = 120
POST_MAX = 10_000
REPLY_MAX = 5_000
REPORT_WORDS_MAX = 1_000
REASON_MAX = 1_000
SEARCH_TEXT_MAX = 12_000


RESERVED_SLUGS = {"me"}


def validate_group_slug(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError("That address is used by another page. Please choose another.")


def _is_operator(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_staff)


class State(models.TextChoices):
    VISIBLE = "visible", "Visible"
    HELD = "held", "Waiting for a moderator"
    HIDDEN = "hidden", "Hidden by a moderator"


class ReactionKind(models.TextChoices):
    HELPED = "helped", "This helped"
    ME_TOO = "me_too", "Me too"


class GroupQuerySet(models.QuerySet["Group"]):
    def open(self) -> "GroupQuerySet":
        return self.filter(is_open=True)

    def moderated_by(self, user) -> "GroupQuerySet":
        """Groups ``user`` may moderate: their own as a moderator; every group for operators."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if _is_operator(user):
            return self.all()
        return self.filter(moderators__user=user)


class Group(models.Model):
    """A space around one season or theme, created by an operator."""

    slug = models.SlugField(
        max_length=60,
        unique=True,
        validators=[validate_group_slug],
        help_text="Used in the address: /community/<this>/.",
    )
    name = models.CharField(max_length=80)
    summary = models.CharField(
        max_length=200, help_text="One gentle sentence: who this group is for."
    )
    description = models.TextField(
        max_length=2000, blank=True, help_text="A few more words members read before joining."
    )
    is_open = models.BooleanField(
        "open", default=True, help_text="Untick to close the group: it disappears from the list."
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers show first.")
    created_at = models.DateTimeField(default=timezone.now)

    objects = GroupQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("community_group", args=[self.slug])


class Moderator(models.Model):
    """The moderator role for one group, granted by an operator in admin."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="moderators")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_moderation"
    )
    granted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="one_moderator_row_per_group")
        ]

    def __str__(self) -> str:
        return f"Moderator of {self.group}"


class CommunityProfileQuerySet(models.QuerySet["CommunityProfile"]):
    def for_user(self, user) -> "CommunityProfileQuerySet":
        if not user.is_authenticated:
            return self.none()
        return self.filter(user=user)


class CommunityProfile(models.Model):
    """A member's community name and choices. Only its owner and operators know whose it is."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_profile"
    )
    name = models.CharField("community name", max_length=NAME_MAX)
    name_key = models.CharField(
        max_length=NAME_MAX * 2,
        unique=True,
        help_text="The name folded for comparison: two names that read the same can't both exist.",
    )
    conduct_accepted_at = models.DateTimeField(null=True, blank=True)
    digest_by_email = models.BooleanField(
        "a daily email when someone replies",
        default=False,
        help_text="At most one email a day, listing new replies to your posts.",
    )
    digest_through = models.DateTimeField(
        null=True, blank=True, help_text="Replies up to this moment are already in a digest."
    )
    approved_count = models.PositiveIntegerField(
        default=0, help_text="Posts and replies a moderator has let through."
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = CommunityProfileQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A member in a group. Leaving keeps the row (and any suspension or ban) for next time."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    profile = models.ForeignKey(
        CommunityProfile, on_delete=models.CASCADE, related_name="memberships"
    )
    joined_at = models.DateTimeField(default=timezone.now)
    left_at = models.DateTimeField(null=True, blank=True)
    suspended_until = models.DateTimeField(null=True, blank=True)
    banned_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["group", "profile"], name="one_membership_per_group")
        ]

    def __str__(self) -> str:
        return f"{self.profile} in {self.group}"

    @property
    def is_active(self) -> bool:
        return self.left_at is None and self.banned_at is None

    def is_suspended(self, *, now: datetime) -> bool:
        return self.suspended_until is not None and self.suspended_until > now


class ThreadItemQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(state=State.VISIBLE)

    def held(self):
        return self.filter(state=State.HELD)

    def hidden(self):
        return self.filter(state=State.HIDDEN)


class PostQuerySet(ThreadItemQuerySet):
    def readable_by(self, user, *, group: Group, moderating: bool) -> "PostQuerySet":
        """Posts of ``group`` that ``user`` may open: visible ones, their own in any state,
        and, for the group's moderators, everything."""
        posts = self.filter(group=group)
        if moderating:
            return posts
        if not user.is_authenticated:
            return posts.none()
        return posts.filter(Q(state=State.VISIBLE) | Q(author__user=user))


class Post(models.Model):
    """A thread's opening words."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(CommunityProfile, on_delete=models.CASCADE, related_name="posts")
    title = models.CharField(max_length=TITLE_MAX)
    body = models.TextField(max_length=POST_MAX)
    body_html = models.TextField(help_text="Sanitised when written; shown as it is.")
    search_text = models.TextField(
        max_length=SEARCH_TEXT_MAX, help_text="Title and words, lower-cased, for search."
    )
    state = models.CharField(max_length=8, choices=State.choices, default=State.VISIBLE)
    crisis = models.BooleanField(
        default=False, help_text="The words suggested crisis or danger: held and shown first."
    )
    crisis_kind = models.CharField(
        max_length=20,
        blank=True,
        help_text="The kind of danger the words suggested (nearer.safety.reader), or empty: "
        "the order of the help shown to the author.",
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_activity_at = models.DateTimeField(default=timezone.now)
    reply_count = models.PositiveIntegerField(default=0)
    helped_count = models.PositiveIntegerField(default=0)
    me_too_count = models.PositiveIntegerField(default=0)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-last_activity_at", "-pk"]
        indexes = [
            # The group page, its pages further back, search and the queue: all start here.
            models.Index(
                fields=["group", "state", "-last_activity_at", "-id"], name="community_post_feed"
            ),
            models.Index(fields=["author", "created_at"], name="community_post_by_author"),
            # A member's own held or hidden posts on the group page: without it, a member with
            # 5,000 posts walked them all (12.4 ms; 0.43 ms with it).
            models.Index(
                fields=["author", "-created_at"],
                condition=~models.Q(state=State.VISIBLE),
                name="community_post_not_visible",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("community_post", args=[self.group.slug, self.pk])

    @property
    def is_visible(self) -> bool:
        return self.state == State.VISIBLE


class ReplyQuerySet(ThreadItemQuerySet):
    def readable_by(self, user, *, moderating: bool) -> "ReplyQuerySet":
        if moderating:
            return self
        if not user.is_authenticated:
            return self.none()
        return self.filter(Q(state=State.VISIBLE) | Q(author__user=user))


class Reply(models.Model):
    """An answer in a thread. ``group`` repeats the post's group for the moderators' queue."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="replies")
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(CommunityProfile, on_delete=models.CASCADE, related_name="replies")
    body = models.TextField(max_length=REPLY_MAX)
    body_html = models.TextField()
    state = models.CharField(max_length=8, choices=State.choices, default=State.VISIBLE)
    crisis = models.BooleanField(default=False)
    crisis_kind = models.CharField(max_length=20, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(
        null=True, blank=True, help_text="When others could first read it (for the digest)."
    )
    helped_count = models.PositiveIntegerField(default=0)
    me_too_count = models.PositiveIntegerField(default=0)

    objects = ReplyQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        verbose_name_plural = "replies"
        indexes = [
            models.Index(fields=["group", "state", "created_at"], name="community_reply_queue"),
            models.Index(fields=["author", "created_at"], name="community_reply_by_author"),
            models.Index(fields=["published_at"], name="community_reply_published"),
        ]

    def __str__(self) -> str:
        return f"Reply {self.pk} to “{self.post.title}”"

    @property
    def is_visible(self) -> bool:
        return self.state == State.VISIBLE


class Reaction(models.Model):
    """One member's "this helped" or "me too" on a post or a reply: at most one of each."""

    profile = models.ForeignKey(
        CommunityProfile, on_delete=models.CASCADE, related_name="reactions"
    )
    kind = models.CharField(max_length=8, choices=ReactionKind.choices)
    post = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.CASCADE, related_name="reactions"
    )
    reply = models.ForeignKey(
        Reply, null=True, blank=True, on_delete=models.CASCADE, related_name="reactions"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "kind", "post"],
                condition=Q(post__isnull=False),
                name="one_reaction_per_kind_per_post",
            ),
            models.UniqueConstraint(
                fields=["profile", "kind", "reply"],
                condition=Q(reply__isnull=False),
                name="one_reaction_per_kind_per_reply",
            ),
            models.CheckConstraint(
                condition=Q(post__isnull=False, reply__isnull=True)
                | Q(post__isnull=True, reply__isnull=False),
                name="reaction_has_one_target",
            ),
        ]

    def __str__(self) -> str:
        return self.get_kind_display()


class Report(models.Model):
    """Someone asked the moderators to look at a post, a reply or a member."""

    class Reason(models.TextChoices):
        UNKIND = "unkind", "It feels unkind or hurtful"
        UNSAFE = "unsafe", "Someone may be in danger"
        PRIVATE = "private", "It shares someone's private details"
        SPAM = "spam", "It's selling something or spam"
        OTHER = "other", "Something else"

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        CommunityProfile, on_delete=models.CASCADE, related_name="reports_made"
    )
    post = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    reply = models.ForeignKey(
        Reply, null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    member = models.ForeignKey(
        CommunityProfile,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reports_about",
    )
    reason = models.CharField(max_length=8, choices=Reason.choices)
    words = models.TextField(max_length=REPORT_WORDS_MAX, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["group", "resolved_at", "created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(post__isnull=False, reply__isnull=True, member__isnull=True)
                | Q(post__isnull=True, reply__isnull=False, member__isnull=True)
                | Q(post__isnull=True, reply__isnull=True, member__isnull=False),
                name="report_has_one_target",
            ),
        ]

    def __str__(self) -> str:
        return f"Report about {self.target_label}"

    @property
    def target_label(self) -> str:
        if self.post_id:
            return f"post #{self.post_id}"
        if self.reply_id:
            return f"reply #{self.reply_id}"
        return f"member #{self.member_id}"


class ModerationAction(models.Model):
    """The audit log: every moderator action, kept whatever happens to its target."""

    class Kind(models.TextChoices):
        APPROVE = "approve", "Let through"
        HIDE = "hide", "Hide"
        RESTORE = "restore", "Restore"
        WARN = "warn", "Send a note"
        SUSPEND = "suspend", "Pause from the group"
        BAN = "ban", "Remove from the group"
        LIFT = "lift", "Welcome back"
        CLOSE_REPORT = "close", "Close a report"

    group = models.ForeignKey(
        Group, null=True, on_delete=models.SET_NULL, related_name="moderation_log"
    )
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=8, choices=Kind.choices)
    post = models.ForeignKey(Post, null=True, blank=True, on_delete=models.SET_NULL)
    reply = models.ForeignKey(Reply, null=True, blank=True, on_delete=models.SET_NULL)
    member = models.ForeignKey(
        CommunityProfile,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="moderation_about",
    )
    report = models.ForeignKey(Report, null=True, blank=True, on_delete=models.SET_NULL)
    target = models.CharField(
        max_length=200, help_text="What was acted on, written down when it happened."
    )
    reason = models.TextField(max_length=REASON_MAX, blank=True)
    until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["member", "kind", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.target}"


class DigestDelivery(models.Model):
    """One reply digest email: at most one per member per local day (the constraint)."""

    profile = models.ForeignKey(CommunityProfile, on_delete=models.CASCADE, related_name="digests")
    local_date = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)
    reply_count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "local_date"], name="one_community_digest_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"Digest on {self.local_date}"
