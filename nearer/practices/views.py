"""The practices: a tap or a short form each, counted toward the member's goal for the step.

Every owned object is fetched through its ``visible_to`` path (appreciations also through
``written_by`` and ``received_by``): anyone else gets a 404.

After a note or an appreciation is saved, the page it returns to (``?saved=<the form's token>``,
the same for any words) reads the writer's own words again; if they suggest danger, a private
note sits beside the form for the writer alone. Nothing about it is stored, and the partner
never sees it.

Before anything reaches the partner (an appreciation sent, an act of care they are told about),
the words are read first. If they suggest danger, nothing is saved or sent: the form comes back
with the words as typed, the private note, and two choices that post them again: "Keep it
private" (saved just for the writer) or "Send anyway" (``confirm``, sent as usual). Ordinary
words go in one step, as ever.
"""

import uuid
from datetime import datetime, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from nearer.goals.wording import day_label
from nearer.practices import actions, ics
from nearer.practices.actions import Noted, PracticeError
from nearer.practices.counting import (
    ACT_STEP,
    APPRECIATION_STEP,
    MOMENT_STEP,
    PAUSE_STEP,
    TOGETHER_STEP,
    goal_for,
)
from nearer.practices.forms import (
    AppreciationForm,
    DoneTogetherForm,
    MomentForm,
    PauseForm,
    SmallActForm,
    TimeTogetherForm,
)
from nearer.practices.models import Appreciation, Moment, Pause, SmallAct, TimeTogether
from nearer.safety.notes import private_note

RECENT = 10
INBOX_SHOWN = 100


def _say(request: HttpRequest, first: str, noted: Noted) -> None:
    messages.success(request, " ".join(part for part in (first, noted.counted.words) if part))


def _goal_ctx(user, slug: str) -> dict:
    return {"goal": goal_for(user, slug), "step_slug": slug}


def _saved_again(name: str, token: uuid.UUID) -> HttpResponse:
    """Back to the form's page, naming what was just saved (for the writer's private note)."""
    return redirect(f"{reverse(name)}?{urlencode({'saved': token})}")


def _just_saved(request: HttpRequest) -> uuid.UUID | None:
    try:
        return uuid.UUID(request.GET.get("saved", ""))
    except ValueError:
        return None


def _held(user, form, *, sending: bool, words: str) -> dict | None:
    """The private note that holds words on their way to the partner until the member chooses
    ("Send anyway" sets ``confirm``). Words kept private are saved as ever, never held."""
    if not sending or form.cleaned_data["confirm"]:
        return None
    return private_note(user, words)


def _clock(at: datetime) -> str:
    return f"{day_label(at.date())} at {at:%H:%M}"


@login_required
@require_safe
def index(request: HttpRequest) -> HttpResponse:
    received = Appreciation.objects.received_by(request.user).exists()
    return render(request, "practices/index.html", {"has_received": received})


@login_required
def moment(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = MomentForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        noted = actions.note_moment(user=user, kind=form.cleaned_data["kind"])
        first = (
            "Noted. A moment like that matters."
            if noted.new
            else "Already noted for today. That counts."
        )
        _say(request, first, noted)
        return redirect("practice_moment")
    recent = list(Moment.objects.visible_to(user)[:RECENT])
    ctx = {
        "form": form,
        "recent": recent,
        "done_today": bool(recent) and recent[0].day == user.today(),
        **_goal_ctx(user, MOMENT_STEP),
    }
    return render(request, "practices/moment.html", ctx, status=400 if form.errors else 200)


@login_required
def pause(request: HttpRequest) -> HttpResponse:
    user = request.user
    problem = ""
    if request.method == "POST":
        form = PauseForm(request.POST)
        if form.is_valid():
            try:
                noted = actions.take_pause(user=user, seen=form.cleaned_data["seen"])
            except PracticeError as error:
                problem = str(error)
            else:
                first = (
                    "You paused. That small space matters."
                    if noted.new
                    else "Already counted. Take all the time you need."
                )
                _say(request, first, noted)
                return redirect("pause")
        else:
            problem = form.problem()
    today_count = Pause.objects.visible_to(user).filter(day=user.today()).count()
    ctx = {
        "form": PauseForm(initial={"seen": today_count}),
        "today_count": today_count,
        "problem": problem,
        **_goal_ctx(user, PAUSE_STEP),
    }
    return render(request, "practices/pause.html", ctx, status=400 if problem else 200)


@login_required
@never_cache  # a private note may show: never kept by the browser
def appreciation(request: HttpRequest) -> HttpResponse:
    user = request.user
    partner = user.partner
    problem, held = "", None
    if request.method == "POST":
        form = AppreciationForm(request.POST, partner=partner)
        if form.is_valid():
            text = form.cleaned_data["text"]
            held = _held(user, form, sending=form.wants_to_send, words=text)
        if form.is_valid() and not held:
            token = form.token()
            try:
                written, noted = actions.write_appreciation(
                    user=user,
                    text=form.cleaned_data["text"],
                    send=form.wants_to_send,
                    token=token,
                )
            except PracticeError as error:
                # Unlinked a moment ago: keep the words, offer only "keep it private".
                problem, partner = str(error), None
                form = AppreciationForm(initial={"text": form.cleaned_data["text"]}, partner=None)
            else:
                if written.recipient_id:
                    first = f"Sent. {written.recipient.display_name} will find it waiting."
                else:
                    first = "Kept, just for you."
                _say(request, first, noted)
                return _saved_again("practice_appreciation", token)
    else:
        form = AppreciationForm(partner=partner)
    if not form.is_bound:
        form.initial["token"] = uuid.uuid4()
    saved = _just_saved(request)
    just_written = saved and Appreciation.objects.written_by(user).filter(token=saved).first()
    ctx = {
        "form": form,
        "partner": partner,
        "problem": problem,
        "private_note": held or (just_written and private_note(user, just_written.text)),
        "held": held,
        "written": Appreciation.objects.written_by(user).select_related("recipient")[:RECENT],
        **_goal_ctx(user, APPRECIATION_STEP),
    }
    status = 400 if (problem or form.errors) else 200
    return render(request, "practices/appreciation.html", ctx, status=status)


@login_required
@require_safe
def appreciation_inbox(request: HttpRequest) -> HttpResponse:
    received = Appreciation.objects.received_by(request.user).select_related("author")
    ctx = {"received": received[:INBOX_SHOWN], "next_url": reverse("appreciation_inbox")}
    return render(request, "practices/inbox.html", ctx)


@login_required
@require_safe
def appreciation_jar(request: HttpRequest) -> HttpResponse:
    kept = Appreciation.objects.received_by(request.user).in_jar().select_related("author")
    ctx = {"kept": kept[:INBOX_SHOWN], "next_url": reverse("appreciation_jar")}
    return render(request, "practices/jar.html", ctx)


@login_required
@require_safe
def appreciation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(
        Appreciation.objects.visible_to(request.user).select_related("author", "recipient"), pk=pk
    )
    return render(
        request, "practices/appreciation_detail.html", {"item": item, "next_url": request.path}
    )


def _back(request: HttpRequest, default: str) -> HttpResponse:
    next_url = request.POST.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(next_url)
    return redirect(default)


@login_required
@require_POST
def appreciation_keep(request: HttpRequest, pk: int) -> HttpResponse:
    """The receiver keeps an appreciation in the jar, or takes it out again."""
    item = get_object_or_404(
        Appreciation.objects.received_by(request.user).select_related("author"), pk=pk
    )
    item.keep_in_jar(request.POST.get("keep") != "0")
    if request.htmx:
        return render(
            request, "practices/inbox.html#received_card", {"item": item, "just_changed": True}
        )
    messages.success(
        request, "Kept in your jar." if item.in_jar else "Taken out of the jar. It's still here."
    )
    return _back(request, "appreciation_inbox")


@login_required
@require_POST
def appreciation_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """An author may delete what they kept private; what was sent belongs to the receiver."""
    item = get_object_or_404(
        Appreciation.objects.written_by(request.user).filter(sent_at__isnull=True), pk=pk
    )
    item.delete()
    messages.success(request, "Deleted.")
    return redirect("practice_appreciation")


@login_required
def time_together(request: HttpRequest) -> HttpResponse:
    user = request.user
    now = timezone.now()
    form = TimeTogetherForm(request.POST if request.method == "POST" else None, user=user, now=now)
    if request.method == "POST" and form.is_valid():
        starts_at = form.cleaned_data["starts_at"]
        TimeTogether.objects.get_or_create(owner=user, starts_at=starts_at)
        messages.success(
            request,
            f"Planned for {_clock(starts_at)}. Add the invite to your calendar, "
            "and share it if you like.",
        )
        return redirect("time_together")
    zone = user.zone
    plans = list(
        TimeTogether.objects.visible_to(user)
        .planned()
        .filter(starts_at__gte=now - timedelta(hours=2))[:RECENT]
    )
    for plan in plans:
        plan.local_words = _clock(plan.starts_at.astimezone(zone))
    done = TimeTogether.objects.visible_to(user).filter(done_on__isnull=False).order_by("-done_on")
    ctx = {
        "form": form,
        "plans": plans,
        "done": done[:5],
        **_goal_ctx(user, TOGETHER_STEP),
    }
    return render(request, "practices/time_together.html", ctx, status=400 if form.errors else 200)


def _own_plan(request: HttpRequest, pk: int) -> TimeTogether:
    return get_object_or_404(TimeTogether.objects.visible_to(request.user).planned(), pk=pk)


@login_required
@require_safe
def time_together_invite(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _own_plan(request, pk)
    body = ics.time_together_invite(plan, owner=request.user).to_ical()
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{ics.invite_filename(request.user)}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_safe
def time_together_timer(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    plan = _own_plan(request, pk) if pk is not None else None
    ctx = {"plan": plan, "minutes": TimeTogether.MINUTES, **_goal_ctx(request.user, TOGETHER_STEP)}
    return render(request, "practices/timer.html", ctx)


@login_required
@require_POST
def time_together_done(request: HttpRequest) -> HttpResponse:
    form = DoneTogetherForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.problem())
        return redirect("time_together_timer")
    plan_pk = form.cleaned_data["plan"]
    plan = (
        get_object_or_404(TimeTogether.objects.visible_to(request.user), pk=plan_pk)
        if plan_pk
        else None
    )
    noted = actions.finish_time_together(user=request.user, plan=plan)
    first = (
        "Ten minutes together, noted. That's time well given."
        if noted.new
        else "Already noted for today. That counts."
    )
    _say(request, first, noted)
    return redirect("time_together")


@login_required
@require_POST
def time_together_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    _own_plan(request, pk).delete()
    messages.success(request, "Okay, that plan is cleared. Another time is fine.")
    return redirect("time_together")


@login_required
@never_cache
def acts(request: HttpRequest) -> HttpResponse:
    user = request.user
    partner = user.partner
    problem = ""
    form = SmallActForm(request.POST if request.method == "POST" else None, partner=partner)
    posted = request.method == "POST" and form.is_valid()
    telling = posted and form.cleaned_data["tell"] and partner is not None
    held = _held(user, form, sending=telling, words=form.cleaned_data["note"]) if posted else None
    if posted and not held:
        data = form.cleaned_data
        token = form.token()
        try:
            noted = actions.note_small_act(
                user=user,
                kind=data["kind"],
                note=data["note"],
                tell=data["tell"],
                token=token,
            )
        except PracticeError as error:
            # Unlinked a moment ago: keep what they wrote; there is no one to tell now.
            problem, partner = str(error), None
            initial = {"kind": data["kind"], "note": data["note"]}
            form = SmallActForm(initial=initial, partner=None)
        else:
            if not noted.new:
                first = "Already noted. That counts."
            elif data["tell"]:
                first = f"Noted. {partner.display_name} will see a gentle notice."
            else:
                first = "Noted. Small and kind is plenty."
            _say(request, first, noted)
            return _saved_again("practice_acts", token)
    if not form.is_bound:
        form.initial["token"] = uuid.uuid4()
    saved = _just_saved(request)
    just_done = saved and SmallAct.objects.visible_to(user).filter(token=saved).first()
    ctx = {
        "form": form,
        "partner": partner,
        "problem": problem,
        "private_note": held or (just_done and private_note(user, just_done.note)),
        "held": held,
        "recent": SmallAct.objects.visible_to(user)[:RECENT],
        **_goal_ctx(user, ACT_STEP),
    }
    status = 400 if (problem or form.errors) else 200
    return render(request, "practices/acts.html", ctx, status=status)
