"""The private safety check's own pages: take or retake it, support first, delete the answers.

Every page reads the member's check through ``SafetyCheck.objects.visible_to`` (the member's
own, and no one else's); anyone else's check is a 404. None of them shows the answers back.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from nearer.safety import screen
from nearer.safety.models import SafetyCheck, country_name
from nearer.safety.resources import country_for, emergency_number, helpers_for


@login_required
@never_cache
def check(request: HttpRequest) -> HttpResponse:
    """The check on its own, from the too-hard page: ``next`` is where to go on to."""
    user = request.user
    asked = request.POST.get("next", request.GET.get("next", ""))
    next_url = screen.local_path(request, asked, reverse("too_hard"))
    if request.method == "POST" and screen.skipped(request):  # first, whatever else was sent
        screen.skip(request)
        messages.info(request, screen.SKIPPED)
        return redirect(next_url)
    form = screen.CheckForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        kept = screen.keep(request, form)
        if kept.suggests_danger:
            return redirect(screen.support_url(next_url))
        messages.success(request, screen.THANKS)
        return redirect(next_url)
    ctx = {
        "form": form,
        "action": request.path,
        "carry": [("next", next_url)],
        "choice_name": screen.CHOICE,
        "kept": screen.check_for(user),
        "retake": True,
    }
    return render(request, "safety/screen.html", ctx, status=400 if form.errors else 200)


@never_cache
def support(request: HttpRequest) -> HttpResponse:
    """Help for the member first: the lines for fear at home, ideas for staying safer, and
    the quick exit explained. Anyone may read it; only the member's own pause shows."""
    user = request.user
    country = country_for(user)
    paused = user.is_authenticated and screen.partner_nudges_paused(user)
    ctx = {
        "resources": helpers_for(country, "fear"),
        "emergency_number": emergency_number(country),
        "country_name": country_name(country),
        "paused": paused,
        "kept": screen.check_for(user) if paused else None,
        "next_url": screen.local_path(request, request.GET.get("next", ""), ""),
    }
    return render(request, "safety/support.html", ctx)


@login_required
@require_POST
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    kept = get_object_or_404(SafetyCheck.objects.visible_to(request.user), pk=pk)
    was_paused = kept.suggests_danger
    kept.delete()
    words = "Your answers are deleted. Nothing of them is kept."
    if was_paused:
        words += " Check-in questions can go to your partner again."
    messages.success(request, words)
    return redirect("safety_check")
