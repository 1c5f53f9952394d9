"""Human coaching: coaches, their weekly availability, bookable slots and bookings.

A person is a coach when an operator gives them an active ``CoachProfile`` in Django admin.
A coach publishes weekly ``Availability`` in their own time zone; ``slots.sync_slots`` turns it
into concrete ``Slot`` rows (stored in UTC) for the next weeks. A member books a slot; the
partial unique constraint on ``Booking`` makes a double booking impossible at the database.
"""

import uuid
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

SESSION_LENGTHS = (30, 45, 60)
# A member's shared goals stay readable for the coach this long after the session ends.
SHARE_AFTER_SESSION = timedelta(days=7)


def validate_time_zone(name: str) -> None:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as e:
        raise ValidationError("Please choose a time zone from the list.") from e


class CoachProfileQuerySet(models.QuerySet["CoachProfile"]):
    def active(self) -> "CoachProfileQuerySet":
        return self.filter(is_active=True, user__is_active=True)


class CoachProfile(models.Model):
    """The coach role: operators add one in Django admin, or untick ``is_active`` to end it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coach_profile"
    )
    display_name = models.CharField(max_length=60, help_text="The name members see.")
    bio = models.TextField(
        max_length=600, blank=True, help_text="A few words members read before they book."
    )
    meeting_info = models.CharField(
        max_length=300,
        blank=True,
        help_text="How sessions happen (a video link, a phone number). "
        "Shown only to members who have booked.",
    )
    time_zone = models.CharField(
        max_length=64,
        default="UTC",
        validators=[validate_time_zone],
        help_text="The coach's availability is in this time zone.",
    )
    is_active = models.BooleanField(
        default=True,
        help_text="Untick to end the coach role: their open times disappear and they no "
        "longer see any member's bookings or shared goals.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CoachProfileQuerySet.as_manager()

    class Meta:
        ordering = ["display_name", "pk"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def zone(self) -> ZoneInfo:
        try:
            return ZoneInfo(self.time_zone)
        except (ZoneInfoNotFoundError, ValueError):
            return ZoneInfo("UTC")

    @classmethod
    def active_for(cls, user) -> "CoachProfile | None":
        if not user.is_authenticated:
            return None
        return cls.objects.active().filter(user=user).first()


class Availability(models.Model):
    """One weekly window, in the coach's own time zone, cut into sessions of equal length."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, "Monday"
        TUESDAY = 1, "Tuesday"
        WEDNESDAY = 2, "Wednesday"
        THURSDAY = 3, "Thursday"
        FRIDAY = 4, "Friday"
        SATURDAY = 5, "Saturday"
        SUNDAY = 6, "Sunday"

    coach = models.ForeignKey(CoachProfile, on_delete=models.CASCADE, related_name="availability")
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    start_time = models.TimeField()
    end_time = models.TimeField()
    session_minutes = models.PositiveSmallIntegerField(
        choices=[(n, f"{n} minutes") for n in SESSION_LENGTHS], default=60
    )

    class Meta:
        ordering = ["weekday", "start_time"]
        verbose_name_plural = "availability"
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__gt=models.F("start_time")), name="availability_end_after"
            ),
            models.CheckConstraint(condition=Q(weekday__lte=6), name="availability_weekday"),
            models.CheckConstraint(
                condition=Q(session_minutes__in=SESSION_LENGTHS), name="availability_length"
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.get_weekday_display()} {self.start_time:%H:%M}–{self.end_time:%H:%M}"
            f" ({self.session_minutes} min)"
        )

    def session_starts(self) -> list[time]:
        """Local start times of the sessions that fit whole inside the window."""
        day = datetime(2000, 1, 3)  # any date: the window never crosses midnight
        start = datetime.combine(day, self.start_time)
        end = datetime.combine(day, self.end_time)
        length = timedelta(minutes=self.session_minutes)
        starts = []
        while start + length <= end:
            starts.append(start.time())
            start += length
        return starts


class SlotQuerySet(models.QuerySet["Slot"]):
    def open(self, *, now: datetime) -> "SlotQuerySet":
        """Slots a member may book: in the future, still offered, by an active coach, free."""
        return self.filter(
            starts_at__gt=now,
            withdrawn_at__isnull=True,
            coach__is_active=True,
            coach__user__is_active=True,
        ).exclude(bookings__status=Booking.Status.BOOKED)


class Slot(models.Model):
    """One concrete bookable session, in UTC. A slot is free while it has no active booking."""

    coach = models.ForeignKey(CoachProfile, on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(
        null=True, blank=True, help_text="Set when the coach's availability no longer has it."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SlotQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["coach", "starts_at"], name="one_slot_per_coach_start"),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="slot_ends_after_start"
            ),
        ]
        indexes = [models.Index(fields=["starts_at"])]

    def __str__(self) -> str:
        return f"{self.coach} at {self.starts_at:%Y-%m-%d %H:%M} UTC"


def _coach_is(user) -> Q:
    return Q(slot__coach__user=user, slot__coach__is_active=True, slot__coach__user__is_active=True)


class BookingQuerySet(models.QuerySet["Booking"]):
    def visible_to(self, user) -> "BookingQuerySet":
        """The member's own bookings, and the bookings of an active coach's own slots."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(Q(member=user) | _coach_is(user))

    def editable_by(self, user) -> "BookingQuerySet":
        """Only the member moves a booking or chooses what it shares."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(member=user)

    def coached_by(self, user) -> "BookingQuerySet":
        if not user.is_authenticated:
            return self.none()
        return self.filter(_coach_is(user))

    def active(self) -> "BookingQuerySet":
        return self.filter(status=Booking.Status.BOOKED)

    def upcoming(self, *, now: datetime) -> "BookingQuerySet":
        return self.active().filter(slot__ends_at__gt=now)


class Booking(models.Model):
    """A member's booking of one slot. Cancelling keeps the row and frees the slot."""

    class Status(models.TextChoices):
        BOOKED = "booked", "Booked"
        CANCELLED = "cancelled", "Cancelled"

    slot = models.ForeignKey(Slot, on_delete=models.CASCADE, related_name="bookings")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coaching_bookings"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.BOOKED)
    created_at = models.DateTimeField()
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    replaces = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The booking this one moved from.",
    )
    # The calendar event's identity: a moved booking keeps it, so calendars update in place.
    uid = models.UUIDField(default=uuid.uuid4, editable=False)
    sequence = models.PositiveIntegerField(default=0)
    shared_goals = models.ManyToManyField("goals.Goal", blank=True, related_name="+")

    objects = BookingQuerySet.as_manager()

    class Meta:
        ordering = ["slot__starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["slot"],
                condition=Q(status="booked"),
                name="one_active_booking_per_slot",
            ),
        ]
        indexes = [models.Index(fields=["member", "status"])]

    def __str__(self) -> str:
        return f"{self.member} with {self.slot.coach} ({self.get_status_display()})"

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.BOOKED

    @property
    def member_first_name(self) -> str:
        """What a coach sees of the member: the first word of their display name."""
        words = self.member.display_name.split()
        return words[0] if words else "A member"

    def is_upcoming(self, *, now: datetime) -> bool:
        return self.is_active and self.slot.starts_at > now

    def goals_for_coach(self, *, now: datetime):
        """The goals the member shares for this booking, while the coach may read them: the
        booking is active and its session ended less than ``SHARE_AFTER_SESSION`` ago."""
        from nearer.goals.models import Goal

        if not self.is_active or now > self.slot.ends_at + SHARE_AFTER_SESSION:
            return Goal.objects.none()
        return self.shared_goals.filter(owner_id=self.member_id)


class BookingReminder(models.Model):
    """The claim for a booking's day-before reminder: unique per booking, so one scheduler
    pass, and only one, queues it; the worker marks it delivered once."""

    booking = models.OneToOneField(Booking, on_delete=models.CASCADE, related_name="reminder")
    due_at = models.DateTimeField()
    claimed_at = models.DateTimeField()
    enqueued_at = models.DateTimeField()
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["delivered_at", "due_at"])]

    def __str__(self) -> str:
        return f"Reminder for booking {self.booking_id}"
