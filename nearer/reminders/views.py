from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from nearer.goals.models import Goal
from nearer.reminders import actions
from nearer.reminders.forms import ReminderForm
from nearer.reminders.models import Notification
from nearer.reminders.wording import clock

NOTIFICATIONS_SHOWN = 50


@login_required
def reminder(request: HttpRequest, pk: int) -> HttpResponse:
    goal = get_object_or_404(Goal.objects.editable_by(request.user), pk=pk)
    form = ReminderForm.for_goal(goal, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        at = form.cleaned_data["time"]
        actions.set_reminder(
            goal=goal,
            at=at,
            by_email=form.cleaned_data["by_email"],
            in_app=form.cleaned_data["in_app"],
            now=timezone.now(),
        )
        if at:
            messages.success(request, f"Your reminder is set for {clock(at)} each day.")
        else:
            messages.success(request, "This goal has no reminder now.")
        return redirect("reminder", pk=goal.pk)
    return render(request, "reminders/reminder.html", {"goal": goal, "form": form})


@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    shown = Notification.objects.visible_to(request.user)[:NOTIFICATIONS_SHOWN]
    return render(request, "reminders/notifications.html", {"notifications": shown})


@login_required
@require_POST
def notifications_read(request: HttpRequest) -> HttpResponse:
    Notification.objects.visible_to(request.user).unread().update(read_at=timezone.now())
    if request.htmx:
        return HttpResponse("")
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "notifications"
    return redirect(next_url)
