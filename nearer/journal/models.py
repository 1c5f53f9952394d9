"""The private journal: entries (encrypted at rest), a member's own prompts, the prompt of the day.

An entry belongs to its author. The author may share one entry at a time with the partner
they are linked with now; nothing else in the journal ever reaches the partner.
"""

import hashlib
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from nearer.lib.crypto import EncryptedTextField
from nearer.program.models import JournalPrompt

MAX_TITLE = 200
MAX_BODY = 50_000
MAX_PROMPT = 300
MAX_OWN_PROMPTS = 100


class Mood(models.TextChoices):
    """A small, calm set of words for how writing felt; none of them is a grade."""

    CALM = "calm", "Calm"
    HOPEFUL = "hopeful", "Hopeful"
    GRATEFUL = "grateful", "Grateful"
    TENDER = "tender", "Tender"
    UNSURE = "unsure", "Unsure"
    TIRED = "tired", "Tired"
    HEAVY = "heavy", "Heavy-hearted"


class PromptQuerySet(models.QuerySet["Prompt"]):
    def active(self) -> "PromptQuerySet":
        return self.filter(is_active=True)


class Prompt(models.Model):
    """More questions on the program's themes, for the journal (content, not member data).

    The program's own six stay in ``program.JournalPrompt``; the journal offers both.
    """

    text = models.CharField(max_length=MAX_PROMPT, unique=True)
    order = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    objects = PromptQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text


class MemberPromptQuerySet(models.QuerySet["MemberPrompt"]):
    def visible_to(self, user) -> "MemberPromptQuerySet":
        """A member's own prompts are theirs alone; nobody else sees them, partner included."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(owner=user)


class MemberPrompt(models.Model):
    """A question a member wrote for themselves (encrypted like the entries)."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journal_prompts"
    )
    text = EncryptedTextField()
    created_at = models.DateTimeField(default=timezone.now)

    objects = MemberPromptQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return "A member's own prompt"


class EntryQuerySet(models.QuerySet["Entry"]):
    def visible_to(self, user) -> "EntryQuerySet":
        """The author's own entries, and the ones their current partner shared with them.

        An entry shared before this couple was linked is not visible: a share is with the
        partner of that moment only (unlinking also clears the flag, see ``unshare``).
        """
        if not user.is_authenticated:
            return self.none()
        mine = Q(author=user)
        if user.couple_id is None:
            return self.filter(mine)
        return self.filter(mine | self._shared_with(user))

    def shared_with(self, user) -> "EntryQuerySet":
        """Entries the user's partner shares with them now (read-only for the user)."""
        if not user.is_authenticated or user.couple_id is None:
            return self.none()
        return self.filter(self._shared_with(user))

    @staticmethod
    def _shared_with(user) -> Q:
        return (
            Q(shared_with_partner=True, author__couple_id=user.couple_id)
            & ~Q(author=user)
            & Q(shared_at__gte=F("author__couple__created_at"))
        )

    def editable_by(self, user) -> "EntryQuerySet":
        if not user.is_authenticated:
            return self.none()
        return self.filter(author=user)

    def unshare(self) -> int:
        """Take these entries back from the partner (used when a couple unlinks)."""
        return self.filter(shared_with_partner=True).update(
            shared_with_partner=False, shared_at=None
        )


class Entry(models.Model):
    """One journal entry. Title and body are encrypted in the database."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journal_entries"
    )
    title = EncryptedTextField(blank=True)
    body = EncryptedTextField(blank=True)
    mood = models.CharField(max_length=10, choices=Mood.choices, blank=True)
    prompt = models.ForeignKey(
        JournalPrompt, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    extra_prompt = models.ForeignKey(
        Prompt, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    own_prompt = models.ForeignKey(
        MemberPrompt, null=True, blank=True, on_delete=models.SET_NULL, related_name="entries"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    # Optimistic concurrency: every accepted save adds one; a save based on an older
    # version is refused, so two windows never silently overwrite each other.
    version = models.PositiveIntegerField(default=1)
    # The editor window (a random id per page load) that saved last, and its save counter:
    # a window's own later saves may follow its earlier ones even when a reply was lost.
    writer = models.CharField(max_length=40, blank=True)
    writer_seq = models.PositiveIntegerField(default=0)
    # The window that created the entry: a repeated "create" from it is the same entry.
    draft_key = models.CharField(max_length=40, blank=True)
    shared_with_partner = models.BooleanField(default=False)
    shared_at = models.DateTimeField(null=True, blank=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name_plural = "entries"
        constraints = [
            models.CheckConstraint(
                condition=Q(mood="") | Q(mood__in=Mood.values), name="entry_mood_known"
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="entry_version_positive"),
            models.CheckConstraint(
                condition=Q(shared_with_partner=False) | Q(shared_at__isnull=False),
                name="entry_shared_has_time",
            ),
            models.UniqueConstraint(
                fields=["author", "draft_key"],
                condition=~Q(draft_key=""),
                name="entry_one_per_draft_key",
            ),
        ]
        indexes = [models.Index(fields=["author", "-created_at"])]

    def __str__(self) -> str:
        return f"Journal entry #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("journal_entry", args=[self.pk])

    @property
    def prompt_text(self) -> str:
        chosen = self.own_prompt or self.extra_prompt or self.prompt
        return chosen.text if chosen else ""

    def label(self) -> str:
        """The title, or the first words of the body when there is none."""
        if self.title.strip():
            return self.title.strip()
        first = " ".join(self.body.split()[:10])
        if not first:
            return "Untitled"
        return first + ("…" if len(self.body.split()) > 10 else "")

    def matches(self, query: str) -> bool:
        """Case-insensitive search in the decrypted title, body and prompt."""
        needle = query.casefold()
        return any(needle in text.casefold() for text in (self.title, self.body, self.prompt_text))

    def share(self) -> None:
        self.shared_with_partner = True
        self.shared_at = timezone.now()
        self.save(update_fields=["shared_with_partner", "shared_at"])

    def unshare(self) -> None:
        self.shared_with_partner = False
        self.shared_at = None
        self.save(update_fields=["shared_with_partner", "shared_at"])


AnyPrompt = JournalPrompt | Prompt | MemberPrompt

# How a prompt is named in a link or a form: /journal/new/?extra=5
PROMPT_FIELDS: dict[type, str] = {JournalPrompt: "prompt", Prompt: "extra", MemberPrompt: "own"}


def prompt_param(prompt: AnyPrompt) -> str:
    """The query string that starts a new entry from this prompt."""
    return f"{PROMPT_FIELDS[type(prompt)]}={prompt.pk}"


def prompt_choices(user) -> list[AnyPrompt]:
    """Every prompt a member can draw from: the program's, the journal's, then their own."""
    program = list(JournalPrompt.objects.active().order_by("order", "pk"))
    extra = list(Prompt.objects.active().order_by("order", "pk"))
    own = list(MemberPrompt.objects.visible_to(user).order_by("pk"))
    return [*program, *extra, *own]


def prompt_of_the_day(user, day: date | None = None) -> AnyPrompt | None:
    """One prompt per member and local day: the same all day, a different one most days."""
    choices = prompt_choices(user)
    if not choices:
        return None
    day = day or user.today()
    seed = hashlib.sha256(f"{user.pk}:{day.isoformat()}".encode()).digest()
    return choices[int.from_bytes(seed[:8], "big") % len(choices)]
