"""The private safety check, met on the way into couples work.

Couples exercises can put someone at risk when their partner is abusive. So before a member
links with a partner (sends or accepts an invitation) or adopts their first couples step, they
meet a short, private check: four gentle questions, each with "I'd rather not say", and a
"Skip for now" that costs nothing and carries straight on with what they were doing. Once
answered or skipped, it waits ``ASK_AGAIN_AFTER`` before asking again; the member can retake
it at any time from the too-hard page.

When the answers suggest danger (``SafetyCheck.suggests_danger``):
- help for the member comes first: the support page opens before whatever they were doing,
  which they can still carry on with (nothing is ever locked);
- partner-facing nudges pause: no check-in question goes to the partner in the member's name
  (``partner_nudges_paused``, checked wherever one is sent);
- couples steps carry a short note offering support just for the member, in neutral words
  that tell anyone else using the account nothing of the answers (``support_first``).

The answers are the member's alone (``SafetyCheck.objects.visible_to``): never shown to the
partner, never in an export or the admin. They are not even shown back to the member, since a
partner who knows the password would see them too: the check page says only that answers are
kept, and offers to delete them. Deleting them resumes the nudges.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme

from nearer.safety.models import Answer, SafetyCheck

ASK_AGAIN_AFTER = timedelta(days=90)

# Program steps practised on one's own; every other step involves the partner (a hug, a
# question, a talk, time together), so a step the operator adds later counts as a couples
# step until it is listed here.
SOLO_STEPS = frozenset({"let-growth-be-slow"})

PREFIX = "safety"  # the check's fields, sent along with the member's own form
CHOICE = f"{PREFIX}-choice"  # its buttons: "answer" or "skip"

THANKS = "Thank you for answering. Your answers are kept just for you."
SKIPPED = "That's fine. The check is here whenever you want it, from “Too hard right now?”."


@dataclass(frozen=True)
class Question:
    name: str
    text: str
    choices: tuple[tuple[str, str], ...]


_NOT_SAY = (Answer.RATHER_NOT_SAY.value, Answer.RATHER_NOT_SAY.label)
QUESTIONS = (
    Question(
        "afraid",
        "Do you ever feel afraid of your partner, or of what they might do?",
        (("yes", "Yes"), ("sometimes", "Sometimes"), ("no", "No"), _NOT_SAY),
    ),
    Question(
        "hurt",
        "Has your partner ever hurt you, or threatened to?",
        (("yes", "Yes"), ("no", "No"), _NOT_SAY),
    ),
    Question(
        "kept_from",
        "Does your partner keep you from seeing people, or from your own money, phone or "
        "documents?",
        (("yes", "Yes"), ("sometimes", "Sometimes"), ("no", "No"), _NOT_SAY),
    ),
    Question(
        "safe_to_say_no",
        "Do you feel safe to say no to your partner?",
        (("yes", "Yes"), ("sometimes", "Not always"), ("no", "No"), _NOT_SAY),
    ),
)


class CheckForm(forms.Form):
    """The four questions, none required: a question left blank is simply not answered."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("prefix", PREFIX)
        super().__init__(*args, **kwargs)
        for question in QUESTIONS:
            self.fields[question.name] = forms.ChoiceField(
                label=question.text,
                choices=question.choices,
                required=False,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": "Please choose one of the answers, or none."},
            )


# --- Who meets it, and what it changes -----------------------------------------------------


def check_for(user) -> SafetyCheck | None:
    return SafetyCheck.objects.visible_to(user).first()


def is_due(user, *, now: datetime | None = None) -> bool:
    """Whether the member meets the check now: never answered or skipped, or not lately."""
    check = check_for(user)
    now = now or timezone.now()
    return check is None or check.met_at <= now - ASK_AGAIN_AFTER


def partner_nudges_paused(user) -> bool:
    """Whether things that ask the partner for something must not be sent in the member's
    name: while their answers suggest danger, until they answer again or delete them."""
    check = check_for(user)
    return check is not None and check.suggests_danger


def is_couples_step(step) -> bool:
    return step is not None and step.slug not in SOLO_STEPS


def support_first(user, step) -> bool:
    """Whether a couples step's page says why support for the member may fit better now."""
    return user.is_authenticated and is_couples_step(step) and partner_nudges_paused(user)


# --- Meeting it on the way -----------------------------------------------------------------


def local_path(request: HttpRequest, value: str, default: str) -> str:
    """``value`` when it is a path on this site, else ``default``."""
    if value.startswith("/") and url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return default


def support_url(back: str = "") -> str:
    url = reverse("safety_support")
    return f"{url}?{urlencode({'next': back})}" if back else url


def skipped(request: HttpRequest) -> bool:
    return request.POST.get(CHOICE) == "skip"


def skip(request: HttpRequest) -> SafetyCheck:
    """Keep only that the member skipped. Any answers sent along are never read, so a stale
    or odd value can't stop a skip."""
    return SafetyCheck.objects.skip(owner=request.user, now=timezone.now())


def keep(request: HttpRequest, form: CheckForm) -> SafetyCheck:
    """Keep the member's answers (skipping is handled before, by ``skip``)."""
    return SafetyCheck.objects.answer(
        owner=request.user, answers=form.cleaned_data, now=timezone.now()
    )


def _page(request: HttpRequest, form: CheckForm, *, action: str, carry: list, status: int = 200):
    ctx = {"form": form, "action": action, "carry": carry, "choice_name": CHOICE}
    response = render(request, "safety/screen.html", ctx, status=status)
    add_never_cache_headers(response)  # never kept by the browser, whichever page shows it
    return response


def meet(request: HttpRequest, *, back: str) -> HttpResponse | None:
    """The check on the way into couples work, called by the view of that work's form.

    Returns None to go on with the work, or the response to send instead:
    - when the form arrives with the check's answers (or its "Skip for now"), they are kept;
      answers that suggest danger lead to the support page first (with a way back to
      ``back``, a page the member can carry on from); anything else goes on;
    - when the check is due, the check itself, whose form sends the member's own form again,
      with the answers: skipping it goes straight on with what they were doing.
    """
    if skipped(request):  # first: "Skip for now" always goes on, whatever else was sent
        skip(request)
        return None
    if CHOICE in request.POST:
        form = CheckForm(request.POST)
        if not form.is_valid():
            return _page(request, form, action=request.get_full_path(), carry=_carried(request))
        check = keep(request, form)
        if check.suggests_danger:
            return redirect(support_url(back))
        messages.success(request, THANKS)
        return None
    if not is_due(request.user):
        return None
    return _page(request, CheckForm(), action=request.get_full_path(), carry=_carried(request))


def meet_before_step(request: HttpRequest, *, step, back: str, first: bool) -> HttpResponse | None:
    """``meet``, before the member's first couples step: ``first`` says that no goal of theirs
    comes from a couples step yet (the goals app knows; safety does not import it)."""
    if CHOICE not in request.POST and not (is_couples_step(step) and first):
        return None
    return meet(request, back=back)


def _carried(request: HttpRequest) -> list[tuple[str, str]]:
    """The member's own form, to send again with the check (never the CSRF token: the
    check's page has its own)."""
    return [
        (name, value)
        for name, values in request.POST.lists()
        if name != "csrfmiddlewaretoken" and not name.startswith(f"{PREFIX}-")
        for value in values
    ]
