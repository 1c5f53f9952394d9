"""The SMART coach page (/coach/): one form, answered on the same page.

Nothing the member types is stored, logged or shown to anyone else: the text lives only in this
request. A proposal becomes a goal only if the member taps "Make this my goal", which opens the
ordinary goal form, pre-filled, for them to save or not.
"""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from nearer.coach.engine.advice import advise
from nearer.coach.engine.proposals import from_text
from nearer.coach.forms import CoachForm
from nearer.program.models import Step
from nearer.safety.models import EMERGENCY_NUMBERS, CrisisResource, country_name

SAFETY_MESSAGE = (
    "Thank you for telling me. What you wrote sounds like it may be about feeling unsafe, or "
    "about control in your relationship, and that isn't something to turn into a goal here. "
    "You deserve to feel safe, and so does your partner. Talking with someone trained can help: "
    "the people below are there for exactly this, and it's free and confidential."
)
NOT_ENGLISH = (
    "I can only read English for now, so I can't judge this one. If you'd like, try writing "
    "it in English: a few plain words are enough."
)


def _safety_context() -> dict:
    country = settings.NEARER_DEFAULT_COUNTRY
    helpers = list(CrisisResource.objects.active().for_country(country).order_by("order", "name"))
    return {
        "safety_message": SAFETY_MESSAGE,
        "country_name": country_name(country),
        "emergency_number": EMERGENCY_NUMBERS.get(country, ""),
        "resources": [r for r in helpers if r.for_fear_at_home]
        + [r for r in helpers if not r.for_fear_at_home],
        "help_url": reverse("too_hard") + "#help",
    }


def _step_titles(advice) -> dict[str, str]:
    slugs = {p.step for p in [advice.rewrite, *advice.steps] if p and p.step}
    return dict(Step.objects.filter(slug__in=slugs).values_list("slug", "title")) if slugs else {}


@never_cache
@login_required
def coach(request: HttpRequest) -> HttpResponse:
    ctx: dict = {"not_english": NOT_ENGLISH}
    if request.method == "POST":
        form = CoachForm(request.POST)
        if form.is_valid():
            advice = advise(form.cleaned_data["text"])
            ctx["advice"] = advice
            if advice.is_safety:
                ctx.update(_safety_context())
            else:
                titles = _step_titles(advice)
                new_goal = reverse("goal_new")
                ctx["rewrite"] = advice.rewrite and {
                    "proposal": advice.rewrite,
                    "url": f"{new_goal}?{advice.rewrite.query()}",
                    "step_title": titles.get(advice.rewrite.step or "", ""),
                }
                own = from_text(form.cleaned_data["text"]) if advice.analysis.all_met else None
                ctx["own_url"] = own and f"{new_goal}?{own.query()}"
                ctx["steps"] = [
                    {
                        "proposal": p,
                        "url": f"{new_goal}?{p.query()}",
                        "step_title": titles.get(p.step or "", ""),
                    }
                    for p in advice.steps
                ]
    else:
        form = CoachForm()
    ctx["form"] = form
    template = (
        "coach/coach.html#result"
        if request.htmx and request.method == "POST"
        else "coach/coach.html"
    )
    return render(request, template, ctx)
