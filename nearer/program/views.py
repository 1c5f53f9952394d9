from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache

from nearer.program.models import JournalPrompt, Phase, Step
from nearer.safety import screen


def program(request: HttpRequest) -> HttpResponse:
    phases = Phase.objects.prefetch_related(
        Prefetch("steps", queryset=Step.objects.order_by("number"))
    )
    prompts = JournalPrompt.objects.active()
    return render(request, "program/program.html", {"phases": phases, "prompts": prompts})


@never_cache  # the support-first note is for this member now, never kept by the browser
def step(request: HttpRequest, slug: str) -> HttpResponse:
    step = get_object_or_404(
        Step.objects.select_related("phase").prefetch_related("ideas"), slug=slug
    )
    previous_step, next_step = step.neighbours()
    ctx = {
        "step": step,
        "previous_step": previous_step,
        "next_step": next_step,
        "support_first": screen.support_first(request.user, step),
    }
    return render(request, "program/step.html", ctx)
