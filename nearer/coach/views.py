"""The SMART coach page (/coach/): one form, answered on the same page.

Nothing the member types is stored, logged or shown to anyone else: the text lives only in this
request. A proposal becomes a goal only if the member taps "Make this my goal", which opens the
ordinary goal form, pre-filled, for them to save or not.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from nearer.coach.engine.advice import advise
from nearer.coach.engine.proposals import from_text
from nearer.coach.forms import CoachForm
from nearer.program.models import Step
from nearer.safety import notes
from nearer.safety.goals import SafetyHit
from nearer.safety.reader import read

NOT_ENGLISH = (
    "I can only read English for now, so I can't judge this one. If you'd like, try writing "
    "it in English: a few plain words are enough."
)


def _safety_context(user, concern) -> dict:
    """The calm answer, with the member's own country's lines ordered for the concern's kind.

    The judge gives a reader kind. A hit of the older goal rules (``SafetyHit``: control,
    isolation, coercion, fear) is read again with the reader, so that thoughts of self-harm
    still put the crisis lines first; failing that its kind is mapped (coercion → control)."""
    kind = notes.reader_kind(getattr(concern, "kind", ""))
    urgent = bool(getattr(concern, "urgent", False))
    if isinstance(concern, SafetyHit):
        again = read(getattr(concern, "words", "") or "")
        if again is not None:
            kind, urgent = again.kind, again.urgent
    return notes.safety_response(user, kind or "control", urgent=urgent)


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
                ctx["safety"] = _safety_context(request.user, advice.analysis.safety)
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
