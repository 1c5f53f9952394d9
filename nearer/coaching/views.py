"""Coaching pages. Members: open times in their own zone, booking, moving, cancelling, and
choosing what a coach may see. Coaches: weekly availability, their sessions, and the goals a
member shares for a session (only those, only while shared).

Every booking is fetched through ``Booking.objects.visible_to`` (member or coach),
``editable_by`` (the member) or ``coached_by`` (the coach): anyone else gets a 404.
"""

from collections.abc import Iterable
from datetime import timedelta
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from nearer.coaching import actions
from nearer.coaching.actions import BookingError
from nearer.coaching.forms import AvailabilityFormSet, CoachZoneForm, ShareForm, SlotForm
from nearer.coaching.models import SHARE_AFTER_SESSION, Booking, CoachProfile, Slot
from nearer.coaching.slots import WEEKS_AHEAD
from nearer.coaching.wording import clock, strength_for_coach, when, zone_label
from nearer.goals.models import Goal, HardSeason
from nearer.goals.progress import progress_for, window_start
from nearer.goals.wording import day_label, sentence

MAX_SLOTS_SHOWN = 300
RECENT = timedelta(days=7)


def _coach_or_404(request: HttpRequest) -> CoachProfile:
    coach = CoachProfile.active_for(request.user)
    if coach is None:
        raise Http404("No coach profile.")
    return coach


def _by_day(
    slots: Iterable[Slot], zone: ZoneInfo, moving: dict[int, Booking] | None = None
) -> list[tuple[str, list[dict]]]:
    """Slots grouped by the reader's local date, each with its local times, and the member's
    booking with the same coach, which a slot can take the place of."""
    moving = moving or {}
    days: dict = {}
    for slot in slots:
        local = slot.starts_at.astimezone(zone).date()
        days.setdefault(local, []).append(
            {
                "slot": slot,
                "times": f"{clock(slot.starts_at, zone)}–{clock(slot.ends_at, zone)}",
                "move": moving.get(slot.coach_id),
            }
        )
    return [(day_label(day), rows) for day, rows in days.items()]


@login_required
@require_safe
def coaching(request: HttpRequest) -> HttpResponse:
    user, now = request.user, timezone.now()
    slots = list(
        Slot.objects.open(now=now)
        .exclude(coach__user=user)
        .select_related("coach")
        .order_by("starts_at", "coach__display_name")[:MAX_SLOTS_SHOWN]
    )
    upcoming = list(
        Booking.objects.editable_by(user).upcoming(now=now).select_related("slot__coach")
    )
    ctx = {
        "days": _by_day(slots, user.zone, {b.slot.coach_id: b for b in upcoming}),
        "coaches": list(CoachProfile.objects.active().exclude(user=user)),
        "upcoming": [(b, when(b.slot.starts_at, b.slot.ends_at, user.zone)) for b in upcoming],
        "zone": zone_label(user.zone),
        "my_coach": CoachProfile.active_for(user),
        "weeks": WEEKS_AHEAD,
    }
    return render(request, "coaching/coaching.html", ctx)


@login_required
@require_POST
def book(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        booking = actions.book_slot(member=request.user, slot_id=pk, now=timezone.now())
    except BookingError as e:
        messages.error(request, str(e))
        return redirect("coaching")
    messages.success(
        request,
        "Booked. A confirmation is on its way to your email. Below, you can choose what, "
        "if anything, to share for this session.",
    )
    return redirect("coaching_booking", pk=booking.pk)


def _progress_rows(booking: Booking, goals: list[Goal]) -> list[dict]:
    """Shared goals with the progress a coach may see: strength in words, this week's count."""
    if not goals:
        return []
    member = booking.member
    today = member.today()
    seasons = list(
        HardSeason.objects.filter(owner=member, end_date__gte=window_start(goals, today))
    )
    return [
        {
            "goal": p.goal,
            "sentence": sentence(p.goal),
            "strength": strength_for_coach(p.strength),
            "week_count": p.week_count,
            "target": p.goal.weekly_target,
        }
        for p in progress_for(goals, {member.pk: seasons}, today=today)
    ]


def _member_page(request: HttpRequest, booking: Booking, **extra) -> HttpResponse:
    user, now = request.user, timezone.now()
    form = extra.pop("form", None) or ShareForm(
        member=user, initial={"goals": list(booking.goals_for_coach(now=now))}
    )
    ctx = {
        "booking": booking,
        "coach": booking.slot.coach,
        "when": when(booking.slot.starts_at, booking.slot.ends_at, user.zone),
        "zone": zone_label(user.zone),
        "upcoming": booking.is_upcoming(now=now),
        "can_share": booking.is_active and booking.slot.ends_at > now - SHARE_AFTER_SESSION,
        "form": form,
        **extra,
    }
    if request.htmx and extra.get("partial"):
        # htmx swaps only successful answers: problems come back as a 200 fragment.
        return render(request, "coaching/booking.html#share", ctx)
    return render(request, "coaching/booking.html", ctx, status=400 if form.errors else 200)


@login_required
@require_safe
def booking_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user, now = request.user, timezone.now()
    booking = get_object_or_404(
        Booking.objects.visible_to(user).select_related("slot__coach__user", "member"), pk=pk
    )
    if booking.member_id == user.pk:
        return _member_page(request, booking)
    coach = booking.slot.coach
    ctx = {
        "booking": booking,
        "who": booking.member_first_name,
        "when": when(booking.slot.starts_at, booking.slot.ends_at, coach.zone),
        "zone": zone_label(coach.zone),
        "upcoming": booking.is_upcoming(now=now),
        "shared": _progress_rows(booking, list(booking.goals_for_coach(now=now))),
    }
    return render(request, "coaching/coach_booking.html", ctx)


@login_required
@require_safe
def appointment(request: HttpRequest, pk: int) -> HttpResponse:
    """The address in discreet emails, which says nothing about what it leads to."""
    booking = get_object_or_404(Booking.objects.visible_to(request.user), pk=pk)
    return redirect("coaching_booking", pk=booking.pk)


@login_required
@require_POST
def share(request: HttpRequest, pk: int) -> HttpResponse:
    user, now = request.user, timezone.now()
    booking = get_object_or_404(
        Booking.objects.editable_by(user).select_related("slot__coach"), pk=pk
    )
    if not booking.is_active or booking.slot.ends_at <= now - SHARE_AFTER_SESSION:
        messages.error(request, "This session is over or cancelled, so nothing is shared.")
        return redirect("coaching_booking", pk=booking.pk)
    form = ShareForm(request.POST, member=user)
    if not form.is_valid():
        return _member_page(request, booking, form=form, partial=True)
    goals = list(form.cleaned_data["goals"])
    booking.shared_goals.set(goals)
    name = booking.slot.coach.display_name
    if goals:
        count = "1 goal" if len(goals) == 1 else f"{len(goals)} goals"
        note = f"Saved. {name} can see {count} and how it's going, for this session only."
    else:
        note = f"Saved. Nothing is shared with {name}."
    if request.htmx:
        return _member_page(
            request,
            booking,
            form=ShareForm(member=user, initial={"goals": goals}),
            partial=True,
            saved=note,
        )
    messages.success(request, note)
    return redirect("coaching_booking", pk=booking.pk)


@login_required
@require_safe
def shared_goal(request: HttpRequest, pk: int, goal_pk: int) -> HttpResponse:
    """One goal a member shares for a session, as their coach sees it."""
    now = timezone.now()
    booking = get_object_or_404(
        Booking.objects.coached_by(request.user).select_related("slot__coach", "member"), pk=pk
    )
    goal = get_object_or_404(booking.goals_for_coach(now=now).select_related("step"), pk=goal_pk)
    [row] = _progress_rows(booking, [goal])
    ctx = {"booking": booking, "who": booking.member_first_name, **row}
    return render(request, "coaching/shared_goal.html", ctx)


@login_required
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    user, now = request.user, timezone.now()
    booking = get_object_or_404(
        Booking.objects.visible_to(user).select_related("slot__coach__user", "member"), pk=pk
    )
    is_member = booking.member_id == user.pk
    zone = user.zone if is_member else booking.slot.coach.zone
    if request.method == "POST":
        try:
            actions.cancel_booking(booking=booking, by=user, now=now)
        except BookingError as e:
            messages.error(request, str(e))
            return redirect("coaching_booking", pk=booking.pk)
        if is_member:
            messages.success(request, "Cancelled. You're welcome to choose another time.")
            return redirect("coaching")
        messages.success(request, f"Cancelled. We'll let {booking.member_first_name} know.")
        return redirect("coaching_sessions")
    ctx = {
        "booking": booking,
        "is_member": is_member,
        "who": booking.slot.coach.display_name if is_member else booking.member_first_name,
        "when": when(booking.slot.starts_at, booking.slot.ends_at, zone),
        "upcoming": booking.is_upcoming(now=now),
    }
    return render(request, "coaching/cancel.html", ctx)


@login_required
def reschedule(request: HttpRequest, pk: int) -> HttpResponse:
    user, now = request.user, timezone.now()
    booking = get_object_or_404(
        Booking.objects.editable_by(user).select_related("slot__coach"), pk=pk
    )
    problem, status = "", 200
    if request.method == "POST":
        form = SlotForm(request.POST)
        if form.is_valid():
            try:
                new = actions.reschedule_booking(
                    booking=booking, slot_id=form.cleaned_data["slot"], now=now
                )
            except BookingError as e:
                problem = str(e)
            else:
                messages.success(request, "Moved. The new time is on its way to your email.")
                return redirect("coaching_booking", pk=new.pk)
        else:
            problem = " ".join(form.errors["slot"])
        status = 400
    coach = booking.slot.coach
    slots = Slot.objects.open(now=now).filter(coach=coach).select_related("coach")
    ctx = {
        "booking": booking,
        "coach": coach,
        "when": when(booking.slot.starts_at, booking.slot.ends_at, user.zone),
        "upcoming": booking.is_upcoming(now=now),
        "days": _by_day(slots[:MAX_SLOTS_SHOWN], user.zone),
        "zone": zone_label(user.zone),
        "problem": problem,
    }
    return render(request, "coaching/reschedule.html", ctx, status=status)


@login_required
def availability(request: HttpRequest) -> HttpResponse:
    coach = _coach_or_404(request)
    now = timezone.now()
    if request.method == "POST":
        zone_form = CoachZoneForm(request.POST)
        formset = AvailabilityFormSet(request.POST, prefix="rows")
        if zone_form.is_valid() and formset.is_valid():
            count = actions.publish_availability(
                coach=coach,
                rows=formset.rows(),
                time_zone=zone_form.cleaned_data["time_zone"],
                now=now,
            )
            messages.success(
                request,
                f"Saved. {count} open time{'' if count == 1 else 's'} over the next "
                f"{WEEKS_AHEAD} weeks.",
            )
            return redirect("coaching_availability")
        status = 400
    else:
        zone_form = CoachZoneForm(initial={"time_zone": coach.time_zone})
        formset = AvailabilityFormSet(
            prefix="rows",
            initial=list(
                coach.availability.values("weekday", "start_time", "end_time", "session_minutes")
            ),
        )
        status = 200
    ctx = {
        "coach": coach,
        "zone_form": zone_form,
        "formset": formset,
        "open_count": Slot.objects.open(now=now).filter(coach=coach).count(),
        "weeks": WEEKS_AHEAD,
    }
    return render(request, "coaching/availability.html", ctx, status=status)


@login_required
@require_safe
def sessions(request: HttpRequest) -> HttpResponse:
    coach = _coach_or_404(request)
    now = timezone.now()
    bookings = (
        Booking.objects.coached_by(request.user)
        .active()
        .filter(slot__ends_at__gt=now - RECENT)
        .select_related("slot", "member")
    )
    rows = [
        (b, when(b.slot.starts_at, b.slot.ends_at, coach.zone), b.slot.starts_at > now)
        for b in bookings
    ]
    ctx = {
        "coach": coach,
        "upcoming": [r for r in rows if r[2]],
        "recent": [r for r in rows if not r[2]],
        "zone": zone_label(coach.zone),
    }
    return render(request, "coaching/sessions.html", ctx)
