"""What coaching emails say, and the calendar file they carry.

Members get every email about their sessions (confirmed, moved, cancelled, tomorrow); the
coach gets a notice when the member books, moves or cancels. With discreet wording on, the
reader's subject, body and calendar entry say only "appointment": no coaching, no names.

The calendar file (RFC 5545) has one VEVENT with the session's start and end in UTC and a UID
that a moved booking keeps, with a higher SEQUENCE, so calendars update the event in place;
a cancellation sends ``METHOD:CANCEL`` for the same UID.
"""

from dataclasses import dataclass
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress

from nearer.coaching.models import Booking
from nearer.coaching.wording import when_with_zone
from nearer.exports.ics import site_host

PRODID = "-//Nearer//Nearer appointments 1.0//EN"
DISCREET_SUMMARY = "Appointment"
ICS_NAME = "session.ics"
NOT_THERAPY = "Coaching is not therapy or a crisis service. If you need help now: {site}{help}#help"


# What a booking's emails are about.
BOOKED, MOVED, CANCELLED, REMINDER = "booked", "moved", "cancelled", "reminder"
EVENTS = (BOOKED, MOVED, CANCELLED)


@dataclass(frozen=True)
class Text:
    subject: str
    body: str


def link(booking: Booking) -> str:
    return settings.SITE_URL + reverse("coaching_booking", args=[booking.pk])


def uid(booking: Booking) -> str:
    return f"appointment-{booking.uid}@{site_host()}"


def calendar_file(booking: Booking, *, reader, cancelled: bool = False) -> bytes:
    """The session as a calendar file for ``reader`` (the member or the coach's user)."""
    coach = booking.slot.coach
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "CANCEL" if cancelled else "PUBLISH")
    event = Event()
    event.add("uid", uid(booking))
    event.add("dtstamp", timezone.now())
    event.add("dtstart", booking.slot.starts_at)
    event.add("dtend", booking.slot.ends_at)
    event.add("sequence", booking.sequence)
    if reader.discreet:
        event.add("summary", DISCREET_SUMMARY)
    else:
        other = coach.display_name if reader.pk == booking.member_id else booking.member_first_name
        event.add("summary", f"Coaching session with {other}")
        details = [f"Details: {link(booking)}"]
        if coach.meeting_info and reader.pk == booking.member_id:
            details.insert(0, f"How you'll meet: {coach.meeting_info}")
        event.add("description", "\n".join(details))
    event.add("class", "PRIVATE")
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    if cancelled:
        # iTIP asks a cancellation to name its organizer: the address the email comes from.
        address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or f"nearer@{site_host()}"
        event.add("organizer", vCalAddress(f"mailto:{address}"))
    cal.add_component(event)
    return cal.to_ical()


def _day_word(booking: Booking, zone) -> str:
    """ "today" or "tomorrow" for the session, in the member's own dates (a reminder sent
    late by a scheduler that was away may arrive on the day itself)."""
    today = timezone.now().astimezone(zone).date()
    return "today" if booking.slot.starts_at.astimezone(zone).date() <= today else "tomorrow"


def member_text(booking: Booking, event: str, *, old: Booking | None = None) -> Text:
    member, coach = booking.member, booking.slot.coach
    zone = member.zone
    when = when_with_zone(booking.slot.starts_at, booking.slot.ends_at, zone)
    site = settings.SITE_URL
    day = _day_word(booking, zone)
    if member.discreet:
        subject, opening = {
            BOOKED: ("Your appointment is confirmed", "Your appointment is confirmed:"),
            MOVED: ("Your appointment has a new time", "Your appointment now has a new time:"),
            CANCELLED: ("Your appointment is cancelled", "This appointment is cancelled:"),
            REMINDER: (
                f"A reminder of your appointment {day}",
                "A reminder of your appointment:",
            ),
        }[event]
        discreet_link = settings.SITE_URL + reverse("appointment", args=[booking.pk])
        body = f"{opening}\n\n    {when}\n\nDetails: {discreet_link}\n"
        return Text(subject, body)

    name = coach.display_name
    subject, opening = {
        BOOKED: (
            "Your coaching session is confirmed",
            f"Your coaching session with {name} is booked:",
        ),
        MOVED: (
            "Your coaching session has a new time",
            f"Your coaching session with {name} has moved to:",
        ),
        CANCELLED: (
            "Your coaching session is cancelled",
            f"Your coaching session with {name} is cancelled:",
        ),
        REMINDER: (
            f"Your coaching session is {day}",
            f"A gentle reminder: your coaching session with {name} is {day}.",
        ),
    }[event]
    parts = [opening, f"    {when}"]
    if event == CANCELLED:
        if booking.cancelled_by_id and booking.cancelled_by_id != member.pk:
            parts.append(f"{name} had to cancel it. We're sorry for the change.")
        parts.append(
            "The attached calendar file takes it out of your calendar. You're welcome to "
            f"choose another time whenever you're ready: {site}{reverse('coaching')}"
        )
    else:
        if coach.meeting_info:
            parts.append(f"How you'll meet: {coach.meeting_info}")
        if event in (BOOKED, MOVED):
            parts.append("The attached calendar file adds it to your calendar.")
        parts.append(
            f"Nothing about your goals is shared with {name} unless you choose it. "
            f"To choose what to share, change the time or cancel: {link(booking)}"
        )
    parts.append(NOT_THERAPY.format(site=site, help=reverse("too_hard")))
    return Text(subject, "\n\n".join(parts) + "\n")


def coach_text(booking: Booking, event: str, *, old: Booking | None = None) -> Text:
    coach = booking.slot.coach
    zone = coach.zone
    who = booking.member_first_name
    when = when_with_zone(booking.slot.starts_at, booking.slot.ends_at, zone)
    if event == BOOKED:
        subject, lines = "A session is booked", [f"{who} booked a session:", f"    {when}"]
    elif event == MOVED:
        before = when_with_zone(old.slot.starts_at, old.slot.ends_at, zone) if old else ""
        subject = "A session has a new time"
        lines = [f"{who} moved a session to:", f"    {when}"]
        if before:
            lines.append(f"It was at {before}, and that time is open again.")
    else:
        subject = "A session is cancelled"
        lines = [f"{who} cancelled a session:", f"    {when}", "That time is open again."]
    if coach.user.discreet:
        subject = subject.replace("session", "appointment")
    lines.append(f"See it on Nearer: {link(booking)}")
    return Text(subject, "\n\n".join(lines) + "\n")


def member_email(booking: Booking, event: str, *, old: Booking | None = None) -> EmailMessage:
    text = member_text(booking, event, old=old)
    message = EmailMessage(
        subject=text.subject,
        body=text.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[booking.member.email],
    )
    if event in EVENTS:
        ics = calendar_file(booking, reader=booking.member, cancelled=event == CANCELLED)
        message.attach(ICS_NAME, ics, "text/calendar")
    return message


def coach_email(booking: Booking, event: str, *, old: Booking | None = None) -> EmailMessage:
    user = booking.slot.coach.user
    text = coach_text(booking, event, old=old)
    message = EmailMessage(
        subject=text.subject,
        body=text.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
    )
    ics = calendar_file(booking, reader=user, cancelled=event == CANCELLED)
    message.attach(ICS_NAME, ics, "text/calendar")
    return message
