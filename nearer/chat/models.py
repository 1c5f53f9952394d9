"""Neighbor Chat: members talk one-to-one with trained volunteer listeners.

A person is a listener when an operator gives them an active ``Listener`` in Django admin. A
member asks for a chat (a waiting ``Conversation``); a listener accepts it; both write
``Message`` rows, numbered 1, 2, 3… per conversation in the transaction that saves them, so a
client that reconnects asks for "everything after 41" and gets it in order, once.

What a listener ever sees of a member is ``Conversation.member_pseudonym``: never the email,
the name, the partner, goals or journal.
"""

import secrets
import uuid
from datetime import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

# Soft, neutral words for pseudonyms. Nothing here is a name, a relationship or a feeling.
_ADJECTIVES = [
    "Quiet",
    "Gentle",
    "Calm",
    "Bright",
    "Steady",
    "Patient",
    "Kind",
    "Warm",
    "Soft",
    "Clear",
    "Hopeful",
    "Brave",
    "Easy",
    "Still",
    "Sunny",
    "Silver",
    "Golden",
    "Misty",
    "Early",
    "Wandering",
]
_CREATURES = [
    "Heron",
    "Otter",
    "Robin",
    "Willow",
    "Maple",
    "Fern",
    "Sparrow",
    "Finch",
    "Harbor",
    "River",
    "Meadow",
    "Cedar",
    "Lark",
    "Pebble",
    "Birch",
    "Wren",
    "Dove",
    "Brook",
    "Clover",
    "Juniper",
]


def make_pseudonym() -> str:
    """ "Quiet Heron 42": the name a listener knows a member by, for one conversation."""
    return (
        f"{secrets.choice(_ADJECTIVES)} {secrets.choice(_CREATURES)} {secrets.randbelow(90) + 10}"
    )


def _default_max_chats() -> int:
    return settings.NEARER_CHAT_MAX_PER_LISTENER


class Role(models.TextChoices):
    MEMBER = "member", "Member"
    LISTENER = "listener", "Listener"
    SYSTEM = "system", "Nearer"


class ListenerQuerySet(models.QuerySet["Listener"]):
    def active(self) -> "ListenerQuerySet":
        return self.filter(is_active=True, user__is_active=True)

    def available(self) -> "ListenerQuerySet":
        return self.active().filter(is_available=True)


class Listener(models.Model):
    """The listener role: operators add one in Django admin, or untick ``is_active`` to end it
    (their chats end at once, and every page and channel of them is closed to them)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="listener"
    )
    pseudonym = models.CharField(max_length=40, help_text="The name members see.")
    is_active = models.BooleanField(
        default=True,
        help_text="Untick to end the listener role: their open chats end and they no longer "
        "see any conversation.",
    )
    is_available = models.BooleanField(
        default=False, help_text="The listener's own switch: available or away."
    )
    max_chats = models.PositiveSmallIntegerField(
        default=_default_max_chats,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text="How many chats they may hold at once.",
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = ListenerQuerySet.as_manager()

    class Meta:
        ordering = ["pseudonym", "pk"]

    def __str__(self) -> str:
        return self.pseudonym

    @classmethod
    def active_for(cls, user) -> "Listener | None":
        if not user.is_authenticated:
            return None
        return cls.objects.active().filter(user=user).first()


def _listener_is(user) -> Q:
    return Q(listener__user=user, listener__is_active=True)


class ConversationQuerySet(models.QuerySet["Conversation"]):
    def visible_to(self, user) -> "ConversationQuerySet":
        """The member's own conversations, and those an active listener has accepted."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        return self.filter(Q(member=user) | _listener_is(user))

    def of_member(self, user) -> "ConversationQuerySet":
        if not user.is_authenticated:
            return self.none()
        return self.filter(member=user)

    def listened_by(self, user) -> "ConversationQuerySet":
        if not user.is_authenticated:
            return self.none()
        return self.filter(_listener_is(user))

    def with_participants(self) -> "ConversationQuerySet":
        """With just what a participant check reads, in the same query: whether the member's
        and the listener's accounts are active, the listener's role and name. No ordering:
        this is the per-message path, and it fetches one row by its key."""
        own = [f.name for f in Conversation._meta.concrete_fields]
        return (
            self.select_related("member", "listener__user")
            .only(
                *own,
                "member__is_active",
                "listener__pseudonym",
                "listener__is_active",
                "listener__user",
                "listener__user__is_active",
            )
            .order_by()
        )

    def waiting(self) -> "ConversationQuerySet":
        return self.filter(status=Conversation.Status.WAITING)

    def active(self) -> "ConversationQuerySet":
        return self.filter(status=Conversation.Status.ACTIVE)

    def open(self) -> "ConversationQuerySet":
        return self.exclude(status=Conversation.Status.ENDED)

    def ended(self) -> "ConversationQuerySet":
        return self.filter(status=Conversation.Status.ENDED)

    def to_review(self) -> "ConversationQuerySet":
        """Chats with a safety finding, or words the reader failed on (``concern_at`` with
        no kind), that no operator has looked at yet."""
        return self.exclude(concern="", concern_at__isnull=True).filter(concern_reviewed=False)

    def queue_for(self, listener: "Listener") -> "ConversationQuerySet":
        """Waiting requests this listener may accept: not their own, not their partner's,
        and not from a member either of them has blocked."""
        user = listener.user
        queue = self.waiting().filter(member__is_active=True).exclude(member=user)
        if user.couple_id is not None:
            queue = queue.exclude(member__couple_id=user.couple_id)
        blocked = ChatBlock.objects.filter(listener=listener).values("member")
        return queue.exclude(member__in=blocked).order_by("created_at", "pk")


class Conversation(models.Model):
    class Status(models.TextChoices):
        WAITING = "waiting", "Waiting"
        ACTIVE = "active", "Active"
        ENDED = "ended", "Ended"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="chat_conversations"
    )
    member_pseudonym = models.CharField(max_length=40, default=make_pseudonym)
    listener = models.ForeignKey(
        Listener,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="conversations",
    )
    topic = models.CharField(max_length=120, blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.WAITING)
    created_at = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.CharField(max_length=8, choices=Role.choices, blank=True)
    # The counter the next message's seq comes from, raised in the same transaction.
    last_seq = models.PositiveIntegerField(default=0)
    last_activity_at = models.DateTimeField(default=timezone.now)
    # The latest safety finding in the member's words (the request's topic or a message):
    # its kind decides the help each side is shown, and it marks the chat for the operators'
    # review. Only the kind and when: never the words, which stay in the transcript.
    concern = models.CharField(
        "safety finding",
        max_length=20,
        blank=True,
        help_text="The kind of danger the member's latest finding suggested, or empty.",
    )
    concern_urgent = models.BooleanField(
        "danger now", default=False, help_text="The finding suggested danger happening now."
    )
    concern_at = models.DateTimeField("finding at", null=True, blank=True)
    concern_reviewed = models.BooleanField(
        "reviewed",
        default=False,
        help_text="Tick once an operator has looked at this chat. A new finding unticks it.",
    )

    objects = ConversationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["member", "status"]),
            models.Index(fields=["listener", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.member_pseudonym} ({self.get_status_display()})"

    @property
    def is_waiting(self) -> bool:
        return self.status == self.Status.WAITING

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    @property
    def is_ended(self) -> bool:
        return self.status == self.Status.ENDED

    @property
    def group_name(self) -> str:
        return f"chat.{self.pk.hex}"

    def role_of(self, user) -> str:
        """ "member", "listener" or "" for someone who is neither (as far as this row knows)."""
        if user.pk == self.member_id:
            return Role.MEMBER
        if self.listener_id is not None and self.listener.user_id == user.pk:
            return Role.LISTENER
        return ""

    def name_for(self, author: str) -> str:
        if author == Role.MEMBER:
            return self.member_pseudonym
        if author == Role.LISTENER:
            return self.listener.pseudonym if self.listener_id else "Your listener"
        return "Nearer"

    def place_in_queue(self) -> int:
        """1 for the first waiting request, 2 for the next…; 0 once not waiting."""
        if not self.is_waiting:
            return 0
        ahead = Conversation.objects.waiting().filter(
            Q(created_at__lt=self.created_at) | Q(created_at=self.created_at, pk__lt=self.pk)
        )
        return ahead.count() + 1

    def waited(self, now: datetime) -> int:
        """Whole minutes since the request."""
        return max(0, int((now - self.created_at).total_seconds() // 60))


class Message(models.Model):
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    seq = models.PositiveIntegerField()
    client_id = models.UUIDField()
    author = models.CharField(max_length=8, choices=Role.choices)
    body = models.TextField()
    # The kind of danger a member's words suggested (``nearer.safety.reader.KINDS``), or "".
    concern = models.CharField(max_length=20, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["conversation", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["conversation", "seq"], name="chat_message_seq"),
            models.UniqueConstraint(
                fields=["conversation", "client_id"], name="chat_message_client_id"
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.seq} ({self.author})"

    def payload(self, *, name: str) -> dict:
        """The message as the channel layer and the polling endpoint carry it."""
        return {
            "seq": self.seq,
            "client_id": str(self.client_id),
            "author": self.author,
            "name": name,
            "body": self.body,
            "created_at": self.created_at.isoformat(),
            "concern": bool(self.concern),
        }


class ChatBlock(models.Model):
    """A member and a listener who are never matched again (made by a report)."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="chat_blocks"
    )
    listener = models.ForeignKey(Listener, on_delete=models.CASCADE, related_name="blocks")
    blocked_by = models.CharField(max_length=8, choices=Role.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member", "listener"], name="chat_block_pair")
        ]

    def __str__(self) -> str:
        return f"{self.member} and {self.listener} (blocked by the {self.blocked_by})"

    @staticmethod
    def exists_between(member_id: int, listener: Listener) -> bool:
        return ChatBlock.objects.filter(member_id=member_id, listener=listener).exists()


class ChatReport(models.Model):
    """A report for the moderators, made from inside a chat. It keeps a short excerpt of the
    conversation, so moderators can act even after the transcript is deleted."""

    class Reason(models.TextChoices):
        UNSAFE = "unsafe", "They made me feel unsafe"
        HARASSMENT = "harassment", "Harassment or hurtful words"
        INAPPROPRIATE = "inappropriate", "Sexual or inappropriate messages"
        ADVICE = "advice", "Pressure, or advice I didn't ask for"
        SPAM = "spam", "Spam or selling something"
        OTHER = "other", "Something else"

    conversation = models.ForeignKey(
        Conversation, null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )
    reported_by = models.CharField(max_length=8, choices=Role.choices)
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="chat_reports",
        help_text="The member in the conversation (the reporter or the reported).",
    )
    member_pseudonym = models.CharField(max_length=40)
    listener = models.ForeignKey(
        Listener, null=True, on_delete=models.SET_NULL, related_name="reports"
    )
    reason = models.CharField(max_length=16, choices=Reason.choices)
    details = models.TextField(max_length=1000, blank=True)
    excerpt = models.TextField(blank=True, help_text="The last messages before the report.")
    created_at = models.DateTimeField(default=timezone.now)
    resolved = models.BooleanField(default=False)
    moderator_notes = models.TextField(blank=True)

    class Meta:
        ordering = ["resolved", "-created_at"]

    def __str__(self) -> str:
        return f"Report by the {self.reported_by}: {self.get_reason_display()}"


class ChatFeedback(models.Model):
    """A member's few words after a chat, for operators only (never shown to the listener)."""

    class Rating(models.IntegerChoices):
        NOT_REALLY = 1, "Not really"
        A_LITTLE = 2, "A little"
        MOSTLY = 3, "Mostly"
        YES = 4, "Yes"
        VERY_MUCH = 5, "Very much"

    conversation = models.OneToOneField(
        Conversation, on_delete=models.CASCADE, related_name="feedback"
    )
    rating = models.PositiveSmallIntegerField(choices=Rating.choices, null=True, blank=True)
    words = models.TextField(max_length=1000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "chat feedback"

    def __str__(self) -> str:
        return f"Feedback ({self.get_rating_display() or 'no rating'})"
