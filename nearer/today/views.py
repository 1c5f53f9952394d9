"""Today, the member's home: what is due, one-tap check-ins, a pause for hard seasons, the
weekly look back and the first-run welcome.

A check-in can carry a note of the member's own (the "A note, a time, or an earlier day"
page). Once it is saved, Today (``?saved=<goal>&day=<day>``) reads those words again; if they
suggest danger, a private note sits at the top of the page for the writer alone
(``nearer.safety.notes``). Nothing about it is stored, and the partner never sees it. A
check-in without a note never calls the reader.
"""

from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.views.decorators.http import require_POST, require_safe

from nearer.accounts.models import User
from nearer.goals import actions
from nearer.goals.actions import CheckInError
from nearer.goals.milestones import note_check_in
from nearer.goals.models import BACKDATE_DAYS, CheckIn, Goal
from nearer.goals.wording import day_label
from nearer.program.models import Step
from nearer.reminders.models import Notification
from nearer.safety.notes import private_note
from nearer.today.board import card_for
from nearer.today.drawn import TOKEN, Page, drawn_board, kept_pages
from nearer.today.forms import (
    CheckInForm,
    DayForm,
    HardSeasonForm,
    MomentForm,
    ReflectionDayForm,
    WelcomeForm,
)
from nearer.today.models import ReflectionDay
from nearer.today.reflection import week_in_review
from nearer.today.seasons import (
    SeasonError,
    active_season,
    end_season_early,
    last_day_allowed,
    start_season,
)

COUNTED = "That counts."
RESTING = "Resting is part of it. Your progress stays right where it is."
CLEARED = "Okay, that's cleared."
WELCOME_BACK = "Welcome back. Nothing was lost."


def earlier_days(today: date) -> list[tuple[str, str]]:
    """Today and the seven days before it, as (value, words) for a day picker."""
    days = [today - timedelta(days=back) for back in range(BACKDATE_DAYS + 1)]
    names = {0: "Today", 1: "Yesterday"}
    return [(d.isoformat(), names.get((today - d).days) or day_label(d)) for d in days]


def _is_id(raw: str) -> bool:
    return raw.isascii() and raw.isdigit() and len(raw) < 10


def _note_just_saved(request: HttpRequest) -> dict | None:
    """The private note for the check-in note named by ``?saved=<goal>&day=<day>``, or None.

    Only the member's own goals are read, so anyone else (a partner on a shared goal) finds
    nothing. Without ``saved`` (every ordinary visit) this reads nothing at all."""
    raw_goal = request.GET.get("saved", "")
    if not raw_goal or not _is_id(raw_goal):
        return None
    try:
        day = date.fromisoformat(request.GET.get("day", ""))
    except ValueError:
        return None
    written = (
        CheckIn.objects.filter(goal__in=Goal.objects.editable_by(request.user))
        .filter(goal_id=int(raw_goal), day=day)
        .values_list("note", flat=True)
        .first()
    )
    return private_note(request.user, written) if written else None


@login_required
@require_safe
def today(request: HttpRequest) -> HttpResponse:
    user = request.user
    day = user.today()
    drawn, stamp = drawn_board(user, day)
    token = get_token(request)
    note = _note_just_saved(request)
    ctx = {
        "day": day,
        "partner_name": stamp.partner.display_name if stamp.partner else None,
        "is_reflection_day": day.weekday() == stamp.reflection_weekday,
        "welcome_form": WelcomeForm() if user.welcomed_at is None else None,
        "notifications": [],
    }
    if (
        note is not None
        or stamp.has_unread
        or user.welcomed_at is None
        or len(messages.get_messages(request))
    ):
        if stamp.has_unread:
            ctx["notifications"] = list(Notification.objects.visible_to(user).unread()[:3])
        # One masked CSRF token for the whole page, not a second one for the rest of it.
        ctx |= {"drawn": drawn.served(token), "csrf_token": token, "private_note": note}
        response = render(request, "today/today.html", ctx)
        if note is not None:  # never kept, here or in any cache on the way
            patch_cache_control(response, private=True, no_store=True)
        return response
    # Nothing of this visit's own to say, so the whole page follows from the board's version
    # and what the key adds; it is kept like the board, with a stand-in for the token.
    key = (drawn.key, user.display_name, ctx["partner_name"], ctx["is_reflection_day"])
    page = kept_pages.get(user.pk, key)
    if page is None:
        ctx |= {"drawn": drawn.served(TOKEN), "csrf_token": TOKEN}
        page = Page(key=key, html=render_to_string("today/today.html", ctx, request))
        kept_pages.put(user.pk, page)
    return HttpResponse(page.served(token))


def _answer(
    request: HttpRequest,
    goal: Goal,
    *,
    note: str = "",
    problem: str = "",
    written: CheckIn | None = None,
) -> HttpResponse:
    """With htmx, redraw just this goal's card; without, back to Today with a message.

    ``written``: a check-in just saved with the member's own note, read again for a private
    note (in the card, or on Today through ``?saved=``) now that it is saved."""
    if request.htmx:
        card, season = card_for(request.user, goal, request.user.today())
        ctx = {"card": card, "season": season, "note": note, "problem": problem}
        if written is not None:
            ctx["private_note"] = private_note(request.user, written.note)
        response = render(request, "today/today.html#goal_card", ctx)
        if ctx.get("private_note"):
            patch_cache_control(response, private=True, no_store=True)
        return response
    if problem:
        messages.error(request, problem)
    else:
        messages.success(request, note)
    if written is not None:
        query = urlencode({"saved": goal.pk, "day": written.day.isoformat()})
        return redirect(f"{reverse('today')}?{query}")
    return redirect("today")


def _celebrate(goal: Goal, day: date, today: date) -> str:
    """ "That counts.", or the milestone this check-in reached, said gently."""
    reached = [m.message for m in note_check_in(goal, day)]
    words = " ".join(reached) if reached else COUNTED
    return words if day == today else f"{words} Noted for {day_label(day)}."


def _own_goal(request: HttpRequest, pk: int) -> Goal:
    return get_object_or_404(Goal.objects.editable_by(request.user), pk=pk)


@login_required
@require_POST
def check_in(request: HttpRequest, pk: int) -> HttpResponse:
    goal = _own_goal(request, pk)
    form = CheckInForm(request.POST)
    if not form.is_valid():
        return _answer(request, goal, problem=form.problem())
    today = request.user.today()
    day = form.cleaned_data["day"] or today
    try:
        checkin = actions.check_in(
            goal=goal,
            day=day,
            today=today,
            note=form.cleaned_data["note"],
            duration_seconds=form.cleaned_data["duration_seconds"],
        )
    except CheckInError as error:
        return _answer(request, goal, problem=str(error))
    # Only words written just now are read again, after the save; a one-tap check-in has none.
    written = checkin if form.cleaned_data["note"].strip() else None
    return _answer(request, goal, note=_celebrate(goal, day, today), written=written)


@login_required
@require_safe
def earlier(request: HttpRequest, pk: int) -> HttpResponse:
    """A note, a time, or an earlier day for one goal: its own small page, one form."""
    goal = _own_goal(request, pk)
    ctx = {"goal": goal, "earlier_days": earlier_days(request.user.today())}
    return render(request, "today/earlier.html", ctx)


@login_required
@require_POST
def count_moment(request: HttpRequest, pk: int) -> HttpResponse:
    goal = _own_goal(request, pk)
    form = MomentForm(request.POST)
    if not form.is_valid():
        return _answer(request, goal, problem=form.problem())
    today = request.user.today()
    day = form.cleaned_data["day"] or today
    try:
        actions.count_moment(goal=goal, day=day, today=today, seen=form.cleaned_data["seen"])
    except CheckInError as error:
        return _answer(request, goal, problem=str(error))
    return _answer(request, goal, note=_celebrate(goal, day, today))


def _on_day(request: HttpRequest, pk: int, action, note: str) -> HttpResponse:
    """Rest or undo for a day (today unless the form names one): the same steps either way."""
    goal = _own_goal(request, pk)
    form = DayForm(request.POST)
    if not form.is_valid():
        return _answer(request, goal, problem=form.problem())
    today = request.user.today()
    try:
        action(goal=goal, day=form.cleaned_data["day"] or today, today=today)
    except CheckInError as error:
        return _answer(request, goal, problem=str(error))
    return _answer(request, goal, note=note)


@login_required
@require_POST
def rest(request: HttpRequest, pk: int) -> HttpResponse:
    return _on_day(request, pk, actions.skip, RESTING)


@login_required
@require_POST
def undo(request: HttpRequest, pk: int) -> HttpResponse:
    return _on_day(request, pk, actions.undo, CLEARED)


@login_required
def hard_season(request: HttpRequest) -> HttpResponse:
    user = request.user
    today = user.today()
    season = active_season(user, today)
    if request.method == "POST" and season is not None:
        messages.info(request, f"You're already resting until {day_label(season.end_date)}.")
        return redirect("hard_season")
    data = request.POST if request.method == "POST" else None
    form = HardSeasonForm(data, initial={"end_date": today + timedelta(days=13)})
    if request.method == "POST" and form.is_valid():
        try:
            season = start_season(user=user, today=today, end_date=form.cleaned_data["end_date"])
        except SeasonError as error:
            form.add_error("end_date", str(error))
        else:
            messages.success(
                request,
                "Your pause has begun. Take the time you need.",
            )
            return redirect("today")
    form.fields["end_date"].widget.attrs.update(
        min=today.isoformat(), max=last_day_allowed(today).isoformat()
    )
    ctx = {"season": season, "form": form, "today": today}
    return render(request, "today/hard_season.html", ctx, status=400 if form.errors else 200)


@login_required
@require_POST
def hard_season_end(request: HttpRequest) -> HttpResponse:
    # An ended season is welcomed by Today itself; one switched off the day it began, here.
    if end_season_early(user=request.user, today=request.user.today()) == "cancelled":
        messages.success(request, WELCOME_BACK)
    return redirect("today")


@login_required
def reflection(request: HttpRequest) -> HttpResponse:
    user = request.user
    chosen = ReflectionDay.objects.visible_to(user).first() or ReflectionDay(owner=user)
    form = ReflectionDayForm(request.POST if request.method == "POST" else None, instance=chosen)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(
            request, f"Saved. Today will point here each {chosen.get_weekday_display()}."
        )
        return redirect("reflection")
    today = user.today()
    ctx = {
        "week": week_in_review(user, today),
        "form": form,
        "is_reflection_day": today.weekday() == chosen.weekday,
    }
    return render(request, "today/reflection.html", ctx, status=400 if form.errors else 200)


def _mark_welcomed(user: User) -> None:
    if user.welcomed_at is None:
        user.welcomed_at = timezone.now()
        User.objects.filter(pk=user.pk, welcomed_at__isnull=True).update(
            welcomed_at=user.welcomed_at
        )


@login_required
def welcome(request: HttpRequest) -> HttpResponse:
    """What brings you here, then where to start. The answer is used for this page only."""
    if request.method == "POST" and "later" in request.POST:
        _mark_welcomed(request.user)
        return redirect("today")
    form = WelcomeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        _mark_welcomed(request.user)
        chosen = form.cleaned_data["struggles"]
        ctx = {
            "chosen": chosen,
            "phase_one": Step.objects.in_order().filter(phase__number=1),
        }
        return render(request, "today/welcome.html", ctx)
    return render(request, "today/welcome.html", {"form": form}, status=400 if form.errors else 200)
