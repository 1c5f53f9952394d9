import secrets
from datetime import date, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone

from nearer.safety.models import validate_country_code

# Unambiguous characters for codes read aloud or typed from a phone: no 0/O, 1/I/L.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra) -> "User":
        if not email:
            raise ValueError("An email address is needed.")
        user = self.model(email=self.normalize_email(email), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra) -> "User":
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class Couple(models.Model):
    """Two linked members. Deleting the couple is unlinking: sharing stops at once."""

    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Couple #{self.pk}"


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField("email address", unique=True)
    display_name = models.CharField(
        max_length=60,
        help_text="The name your partner sees. Any name you like.",
    )
    couple = models.ForeignKey(
        Couple, null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    time_zone = models.CharField(
        max_length=64,
        default="UTC",
        help_text="Your local time zone, for 'today' and for reminders.",
    )
    discreet = models.BooleanField(
        default=False,
        help_text="Keep relationship words out of email subjects and reminder previews.",
    )
    country = models.CharField(
        max_length=2,
        blank=True,
        validators=[validate_country_code],
        help_text="Decides which help lines Nearer shows you. Private: never shown to a partner.",
    )
    welcomed_at = models.DateTimeField(null=True, blank=True)
    is_staff = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    def __str__(self) -> str:
        return self.display_name or self.email

    def get_short_name(self) -> str:
        return self.display_name or self.email

    @property
    def zone(self) -> ZoneInfo:
        try:
            return ZoneInfo(self.time_zone)
        except (ZoneInfoNotFoundError, ValueError):
            return ZoneInfo("UTC")

    def today(self) -> date:
        """The member's own calendar date, in their time zone."""
        return timezone.now().astimezone(self.zone).date()

    @property
    def partner(self) -> "User | None":
        """The linked partner, read fresh from the database: unlinking takes effect at once."""
        if self.couple_id is None:
            return None
        return User.objects.filter(couple_id=self.couple_id).exclude(pk=self.pk).first()


class InvitationQuerySet(models.QuerySet["Invitation"]):
    def visible_to(self, user) -> "InvitationQuerySet":
        """Only the person who made an invitation can see it by id."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(inviter=user)

    def pending(self) -> "InvitationQuerySet":
        return self.filter(status=Invitation.Status.PENDING, expires_at__gt=timezone.now())


def _new_token() -> str:
    return secrets.token_urlsafe(32)


def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def _default_expiry():
    return timezone.now() + timedelta(days=settings.NEARER_INVITATION_DAYS)


class Invitation(models.Model):
    """A single-use invitation to link accounts, by link (token) or typed code."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"
        WITHDRAWN = "withdrawn", "Withdrawn"

    inviter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitations_sent"
    )
    token = models.CharField(max_length=64, unique=True, default=_new_token, editable=False)
    code = models.CharField(max_length=CODE_LENGTH, unique=True, default=_new_code)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=_default_expiry)
    responded_at = models.DateTimeField(null=True, blank=True)
    responder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Invitation from {self.inviter} ({self.get_status_display()})"

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.PENDING and not self.is_expired

    @property
    def display_code(self) -> str:
        return f"{self.code[:4]}-{self.code[4:]}"

    @staticmethod
    def normalize_code(raw: str) -> str:
        return "".join(ch for ch in raw.upper() if ch.isalnum())
