"""Goal pages: start, read, change, look back on, and put away a goal.

Every goal is fetched through ``Goal.objects.visible_to`` (read) or ``editable_by`` (change):
another person gets a 404, a partner reads shared goals and changes nothing.

No goal is made or changed from words that suggest danger (its wording, its trigger, its "why";
``nearer.safety.notes.goal_concern``): nothing is saved, the member gets the calm safety
response with help that fits, and the form keeps what they typed.
"""

import re
from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Case, IntegerField, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from nearer.goals import actions, charts, wording
from nearer.goals.forms import GoalForm, bigger, initial_for_step, smaller, split_duration
from nearer.goals.models import (
    MAX_DURATION_SECONDS,
    MAX_TIMES_PER_WEEK,
    CheckIn,
    Cheer,
    Goal,
    HardSeason,
    Milestone,
    Shape,
    default_review_date,
)
from nearer.goals.progress import progress_for, window_start
from nearer.goals.strength import describe
from nearer.lib.text import MAX_CHARS
from nearer.program.models import Step
from nearer.safety import screen
from nearer.safety.notes import goal_concern, safety_response

SLUG = re.compile(r"[-a-zA-Z0-9_]{1,50}")
UNKNOWN_STEP = (
    "We couldn't find that step, so the form starts empty. You can write your own goal, "
    "or choose a step below."
)


def _own_goal(request: HttpRequest, pk: int) -> Goal:
    return get_object_or_404(Goal.objects.editable_by(request.user), pk=pk)


def _form_page(request: HttpRequest, form: GoalForm, **ctx) -> HttpResponse:
    return render(request, "goals/form.html", {"form": form, **ctx})


GOAL_WORDS = ("action", "trigger", "why")  # what a member types in their own words


def _safety_page(request: HttpRequest, form: GoalForm, **ctx) -> HttpResponse | None:
    """The calm safety response, with the typed form kept, if the goal's words suggest
    danger; None otherwise."""
    concern = goal_concern(*(request.POST.get(name, "")[:MAX_CHARS] for name in GOAL_WORDS))
    if concern is None:
        return None
    safety = safety_response(
        request.user, concern.kind, urgent=concern.urgent, own_control=concern.own_control
    )
    return _form_page(request, form, safety=safety, **ctx)


@login_required
def goal_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    mine = list(
        Goal.objects.editable_by(user)
        .annotate(
            rank=Case(
                When(status=Goal.Status.ACTIVE, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("rank", "-created_at", "-pk")
    )
    active = [g for g in mine if g.status == Goal.Status.ACTIVE]
    today = user.today()
    first = window_start(active, today) if active else today
    seasons = list(HardSeason.objects.filter(owner=user, end_date__gte=first))
    strengths = {
        p.goal.pk: p.strength for p in progress_for(active, {user.pk: seasons}, today=today)
    }
    shared = []
    if user.couple_id is not None:
        shared = list(
            Goal.objects.visible_to(user).exclude(owner=user).active().select_related("owner")
        )
    rows = [(g, wording.sentence(g), describe(strengths.get(g.pk, g.strength))) for g in mine]
    ctx = {
        "active": [r for r in rows if r[0].status == Goal.Status.ACTIVE],
        "resting": [r for r in rows if r[0].status != Goal.Status.ACTIVE],
        "shared": [(g, wording.sentence(g)) for g in shared],
    }
    return render(request, "goals/list.html", ctx)


@login_required
@never_cache  # the safety response, or the check's page, is never kept
def goal_new(request: HttpRequest) -> HttpResponse:
    user = request.user
    today = user.today()
    linked = user.couple_id is not None
    if request.method == "POST":
        form = GoalForm(request.POST, today=today, linked=linked)
        if refused := _safety_page(request, form):
            return refused
        if form.is_valid():
            choice = request.POST.get("offer")
            suggestion = form.smaller()
            if choice == "smaller" and suggestion:
                form.apply(suggestion)
            elif choice != "keep" and form.needs_offer():
                return _form_page(request, form, offer=True, suggestion=suggestion)
            step = form.cleaned_data.get("step")
            back = f"{reverse('goal_new')}?step={step.slug}" if step else reverse("goal_new")
            first = not (
                Goal.objects.editable_by(user)
                .filter(step__isnull=False)
                .exclude(step__slug__in=screen.SOLO_STEPS)
                .exists()
            )
            if check := screen.meet_before_step(request, step=step, back=back, first=first):
                return check  # the private safety check before a first couples step
            goal = form.save(commit=False)
            goal.owner = user
            actions.save_goal(goal=goal)
            messages.success(request, "Your goal is ready. Small steps count.")
            return redirect("goal_detail", pk=goal.pk)
        return _form_page(request, form, step=form.cleaned_data.get("step"))

    note, step, initial = "", None, {}
    slug = request.GET.get("step", "").strip()
    if slug:
        is_slug = SLUG.fullmatch(slug) is not None  # never send odd bytes to the database
        step = Step.objects.select_related("phase").filter(slug=slug).first() if is_slug else None
        if step is None:
            note = UNKNOWN_STEP
        else:
            initial = initial_for_step(step, now=timezone.now().astimezone(user.zone))
    initial.update(_initial_from_query(request.GET))
    form = GoalForm(initial=initial, today=today, linked=linked)
    return _form_page(request, form, note=note, step=step)


def _initial_from_query(params) -> dict:
    """Starting values from a link, like the coach's "Make this my goal"; odd values are ignored.

    Reads ``action``, ``shape``, ``times``, ``minutes`` and ``trigger`` (``step`` is read above).
    """
    initial: dict = {}
    for name, field in (("action", "action"), ("trigger", "trigger")):
        value = " ".join(params.get(name, "").split())[:200]
        if value:
            initial[field] = value
    if params.get("shape") in Shape.values:
        initial["shape"] = params["shape"]
    for name, field, top in (
        ("times", "times_per_week", MAX_TIMES_PER_WEEK),
        ("minutes", "duration_amount", MAX_DURATION_SECONDS // 60),
    ):
        value = params.get(name, "")
        if value.isascii() and value.isdigit() and 1 <= int(value) <= top:
            initial[field] = int(value)
    if "duration_amount" in initial:
        initial["duration_unit"] = "minutes"
    return initial


@login_required
@never_cache
def goal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    goal = _own_goal(request, pk)
    user = request.user
    today = user.today()
    linked = user.couple_id is not None
    if request.method == "POST":
        form = GoalForm(request.POST, instance=goal, today=today, linked=linked)
        if refused := _safety_page(request, form, goal=goal):
            return refused
        if form.is_valid():
            choice = request.POST.get("offer")
            suggestion = form.smaller()
            if choice == "smaller" and suggestion:
                form.apply(suggestion)
            elif choice != "keep" and form.needs_offer():
                return _form_page(request, form, goal=goal, offer=True, suggestion=suggestion)
            actions.save_goal(goal=form.save(commit=False))
            messages.success(request, "Your changes are saved.")
            return redirect("goal_detail", pk=goal.pk)
        return _form_page(request, form, goal=goal)

    # "Adjust" at a review: fill in a smaller or bigger size, and a fresh review date.
    initial, adjusted = {}, None
    size = request.GET.get("size")
    resize = {"smaller": smaller, "bigger": bigger}.get(size or "")
    if resize:
        adjusted = resize(goal.shape, goal.times_per_week, goal.duration_seconds)
        if adjusted:
            amount, unit = split_duration(adjusted.duration_seconds)
            initial = {
                "shape": adjusted.shape,
                "times_per_week": adjusted.times_per_week,
                "duration_amount": amount,
                "duration_unit": unit,
            }
        initial["review_date"] = default_review_date(max(today, goal.start_date))
    form = GoalForm(instance=goal, initial=initial, today=today, linked=linked)
    return _form_page(request, form, goal=goal, size=size if resize else None, adjusted=adjusted)


def _cheer_context(goal: Goal, user) -> dict:
    if goal.owner_id == user.pk:
        cheers = list(
            Cheer.objects.visible_to(user).filter(goal=goal).select_related("from_user")[:3]
        )
        return {"cheers": cheers}
    noticed = Cheer.objects.filter(goal=goal, from_user=user, day=user.today()).exists()
    return {"noticed_today": noticed}


@login_required
def goal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    goal = get_object_or_404(Goal.objects.visible_to(user).select_related("owner", "step"), pk=pk)
    is_owner = goal.owner_id == user.pk
    today = goal.owner.today()  # the goal lives in its owner's days
    heat_first = today - timedelta(weeks=charts.HEATMAP_WEEKS + 1)
    seasons = list(
        HardSeason.objects.filter(
            owner_id=goal.owner_id, end_date__gte=min(window_start([goal], today), heat_first)
        )
    )
    [progress] = progress_for([goal], {goal.owner_id: seasons}, today=today)
    ctx = {
        "goal": goal,
        "is_owner": is_owner,
        "sentence": wording.sentence(goal),
        "progress": progress,
        "strength_words": describe(progress.strength),
        "heatmap": charts.history_heatmap(goal, seasons, today=today),
        "line": charts.strength_line(goal, today=today, current=progress.strength),
        "today": today,
        "review_due": goal.status == Goal.Status.ACTIVE and today >= goal.review_date,
        **_cheer_context(goal, user),
    }
    if goal.shape == Shape.DEADLINE:
        ctx["deadline_done"] = goal.checkins.filter(kind=CheckIn.Kind.DONE).exists()
    if is_owner:
        ctx["milestones"] = list(Milestone.objects.filter(goal=goal).order_by("-day", "-pk")[:5])
        if ctx["review_due"]:
            ctx["smaller"] = smaller(goal.shape, goal.times_per_week, goal.duration_seconds)
            ctx["bigger"] = bigger(goal.shape, goal.times_per_week, goal.duration_seconds)
    return render(request, "goals/detail.html", ctx)


@login_required
@require_POST
def goal_noticed(request: HttpRequest, pk: int) -> HttpResponse:
    """A partner's one tap: "I noticed". Once a day per goal; a repeat changes nothing."""
    user = request.user
    goal = get_object_or_404(
        Goal.objects.visible_to(user).exclude(owner=user).select_related("owner"), pk=pk
    )
    Cheer.objects.get_or_create(goal=goal, from_user=user, day=user.today())
    message = f"{goal.owner.display_name} will see that you noticed."
    if request.htmx:
        ctx = {"goal": goal, "is_owner": False, "noticed_today": True, "noticed_message": message}
        return render(request, "goals/detail.html#noticed", ctx)
    messages.success(request, message)
    return redirect("goal_detail", pk=goal.pk)


def _next_review(goal: Goal, today: date) -> date:
    return default_review_date(max(today, goal.start_date))


@login_required
@require_POST
def goal_renew(request: HttpRequest, pk: int) -> HttpResponse:
    goal = _own_goal(request, pk)
    review_date = _next_review(goal, request.user.today())
    actions.set_status(goal=goal, status=Goal.Status.ACTIVE, review_date=review_date)
    messages.success(
        request, f"Renewed. Your next look back is on {wording.day_label(goal.review_date)}."
    )
    return redirect("goal_detail", pk=goal.pk)


@login_required
@require_POST
def goal_complete(request: HttpRequest, pk: int) -> HttpResponse:
    goal = _own_goal(request, pk)
    actions.set_status(goal=goal, status=Goal.Status.COMPLETED)
    messages.success(request, "Completed. You set out to do this, and you did. That counts.")
    return redirect("goal_detail", pk=goal.pk)


@login_required
@require_POST
def goal_put_away(request: HttpRequest, pk: int) -> HttpResponse:
    goal = _own_goal(request, pk)
    actions.set_status(goal=goal, status=Goal.Status.ARCHIVED)
    messages.success(request, "Put away. It's here whenever you want it back.")
    return redirect("goal_list")


@login_required
def goal_delete(request: HttpRequest, pk: int) -> HttpResponse:
    goal = _own_goal(request, pk)
    if request.method == "POST":
        actions.delete_goal(goal=goal)
        messages.success(request, "Your goal and its check-ins are deleted.")
        return redirect("goal_list")
    return render(request, "goals/delete.html", {"goal": goal, "sentence": wording.sentence(goal)})
