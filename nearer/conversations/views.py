"""Talk (/talk/): the weekly check-in question, the rephrase helper and the repair queue.

Every question is fetched through ``CheckInQuestion.objects.visible_to`` (the asker and the
partner, while linked); notes and repair items through ``visible_to`` (their author only).
Anyone else gets a 404.

Where a member's own words are on the page (a repair note, their question, their answer, a
sentence to rephrase) and suggest danger, a private note sits beside them for that member alone
(``nearer.safety.notes``), read afresh each time: nothing about it is stored, and the partner,
who may read the same question or answer, never sees it.

Words that would go to the partner (a question, an answer) are read before anything is sent. If
they suggest danger, nothing is sent or saved: the form comes back with the words as typed, the
private note, and two buttons that post them again with ``confirm``: "Keep it private" (nothing
is sent or kept) or "Send anyway" (sent as usual). Ordinary words go in one step, as ever.
"""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from nearer.conversations import actions, counting, wording
from nearer.conversations import rephrase as helper
from nearer.conversations.forms import (
    KEEP_PRIVATE,
    AnswerForm,
    AskForm,
    CalmTimeForm,
    ForPartnerForm,
    PreferenceForm,
    RepairForm,
    RephraseForm,
    UseRewriteForm,
    local_label,
    local_value,
)
from nearer.conversations.models import (
    CheckInQuestion,
    GentleNote,
    Preference,
    RepairItem,
    suggested_times,
)
from nearer.safety.notes import private_note

RECENT = 5
NOTES_SHOWN = 20
NEWS_FOR = timedelta(days=7)  # an answer or a "not now" shows on /talk/ for a week


def _held(user, form: ForPartnerForm, words: str) -> dict | None:
    """The private note that holds words meant for the partner, until the member chooses."""
    return None if form.choice else private_note(user, words)


def _step_offer(user, slug: str) -> dict:
    goal = counting.goal_for_step(user, slug)
    return {"goal": goal, "new_goal_url": f"{reverse('goal_new')}?step={slug}"}


# --- Index --------------------------------------------------------------------------------


@login_required
def talk(request: HttpRequest) -> HttpResponse:
    user = request.user
    preference = Preference.objects.filter(user=user).first() or Preference(user=user)
    since = timezone.now() - NEWS_FOR
    ctx = {
        "incoming": list(
            CheckInQuestion.objects.answerable_by(user).open().select_related("asker")
        ),
        "news": CheckInQuestion.objects.asked_by(user)
        .filter(responded_at__gte=since, thanked_at__isnull=True)
        .select_related("partner")
        .first(),
        "preference_form": PreferenceForm(instance=preference),
        "linked": user.couple_id is not None,
    }
    return render(request, "conversations/talk.html", ctx)


@login_required
@require_POST
def talk_email(request: HttpRequest) -> HttpResponse:
    form = PreferenceForm(request.POST)
    form.is_valid()  # one checkbox: a box not ticked is simply "off"
    wanted = bool(form.cleaned_data.get("email_questions"))
    Preference.objects.update_or_create(user=request.user, defaults={"email_questions": wanted})
    if wanted:
        messages.success(request, "We'll email you when a check-in question arrives.")
    else:
        messages.success(request, "No emails about check-in questions. They'll wait for you here.")
    return redirect(reverse("talk") + "#email")


# --- The weekly check-in question ---------------------------------------------------------


@login_required
@never_cache  # a private note may show: never kept by the browser
def check_in(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = AskForm(request.POST if request.method == "POST" else None)
    problem = ""
    posted = request.method == "POST" and form.is_valid()
    if posted and form.choice == KEEP_PRIVATE:
        messages.success(request, wording.KEPT_QUESTION)
        return redirect("talk_check_in")
    held = _held(user, form, form.cleaned_data["text"]) if posted else None
    if posted and held is None:  # ordinary words, or "Send anyway": sent as ever
        try:
            question = actions.ask_question(
                asker=user, text=form.cleaned_data["text"], now=timezone.now()
            )
        except actions.ConversationError as error:
            problem = str(error)
        else:
            name = question.partner.display_name
            messages.success(request, f"Your question is on its way to {name}.")
            counting.tell(
                request, counting.count_toward_goal(user=user, slug=counting.WEEKLY_CHECK_IN)
            )
            return redirect("talk_check_in")
    asked = CheckInQuestion.objects.asked_by(user)
    waiting = asked.open().first()
    ctx = {
        "form": form,
        "problem": problem,
        "partner": user.partner,
        "waiting": waiting,
        "private_note": waiting and private_note(user, waiting.text),
        "held": held,
        "held_words": wording.HELD_QUESTION,
        "recent": list(asked.exclude(status=CheckInQuestion.Status.OPEN)[:RECENT]),
        "listen_first": wording.LISTEN_FIRST,
        "not_now_words": wording.NOT_NOW_FOR_ASKER,
        "no_answer_yet": wording.NO_ANSWER_YET,
        **_step_offer(user, counting.WEEKLY_CHECK_IN),
    }
    return render(request, "conversations/check_in.html", ctx)


def _question_page(request: HttpRequest, question: CheckInQuestion, **extra) -> HttpResponse:
    is_asker = question.asker_id == request.user.pk
    own_words = question.text if is_asker else question.answer  # only what this member wrote
    ctx = {
        "question": question,
        "is_asker": is_asker,
        "private_note": private_note(request.user, own_words),
        "answer_form": None if is_asker or not question.is_open else AnswerForm(),
        "listen_first": wording.LISTEN_FIRST,
        "not_now_words": wording.NOT_NOW_FOR_ASKER,
        "no_answer_yet": wording.NO_ANSWER_YET,
        **extra,
    }
    response = render(request, "conversations/question.html", ctx)
    add_never_cache_headers(response)  # a private note may show: never kept by the browser
    return response


@login_required
def question(request: HttpRequest, pk: int) -> HttpResponse:
    queryset = CheckInQuestion.objects.visible_to(request.user).select_related("asker", "partner")
    return _question_page(request, get_object_or_404(queryset, pk=pk))


@login_required
@require_POST
def question_answer(request: HttpRequest, pk: int) -> HttpResponse:
    queryset = CheckInQuestion.objects.answerable_by(request.user).select_related(
        "asker", "partner"
    )
    question = get_object_or_404(queryset, pk=pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return _question_page(request, question, answer_form=form)
    if form.choice == KEEP_PRIVATE:
        messages.success(request, wording.KEPT_ANSWER)
        return redirect("talk_question", pk=question.pk)
    held = question.is_open and _held(request.user, form, form.cleaned_data["answer"])
    if held:  # nothing is sent: the words come back with the note and two choices
        extra = {"private_note": held, "held": held, "held_words": wording.HELD_ANSWER}
        return _question_page(request, question, answer_form=form, **extra)
    try:
        actions.answer_question(
            question=question, text=form.cleaned_data["answer"], now=timezone.now()
        )
    except actions.ConversationError as error:
        messages.info(request, str(error))
    else:
        messages.success(
            request, f"Thank you for sharing. {question.asker.display_name} can read it now."
        )
    return redirect("talk_question", pk=question.pk)


@login_required
@require_POST
def question_not_now(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_object_or_404(CheckInQuestion.objects.answerable_by(request.user), pk=pk)
    try:
        actions.not_now(question=question, now=timezone.now())
    except actions.ConversationError as error:
        messages.info(request, str(error))
    else:
        messages.success(request, "That's okay. Nothing more is needed.")
    return redirect("talk")


@login_required
@require_POST
def question_thank(request: HttpRequest, pk: int) -> HttpResponse:
    queryset = CheckInQuestion.objects.asked_by(request.user).select_related("asker", "partner")
    question = get_object_or_404(queryset, pk=pk)
    try:
        question = actions.say_thank_you(question=question, now=timezone.now())
    except actions.ConversationError as error:
        messages.info(request, str(error))
        return redirect("talk_question", pk=question.pk)
    if request.htmx:
        return render(request, "conversations/question.html#thanks", {"question": question})
    messages.success(request, f"Your thank-you is on its way to {question.partner.display_name}.")
    return redirect("talk_question", pk=question.pk)


# --- Curiosity instead of criticism -------------------------------------------------------


def _rephrase_page(request: HttpRequest, form: RephraseForm, **extra) -> HttpResponse:
    user = request.user
    ctx = {
        "form": form,
        "use_form": UseRewriteForm(),
        "notes": list(GentleNote.objects.visible_to(user)[:NOTES_SHOWN]),
        "gentle_already": helper.GENTLE_ALREADY,
        **_step_offer(user, counting.CURIOSITY),
        **extra,
    }
    return render(request, "conversations/rephrase.html", ctx)


@login_required
@never_cache
def rephrase(request: HttpRequest) -> HttpResponse:
    """Look at a sentence and offer curious rewrites. Nothing typed here is stored."""
    if request.method != "POST":
        return _rephrase_page(request, RephraseForm())
    form = RephraseForm(request.POST)
    analysis, note = None, None
    if form.is_valid():
        # Words that suggest danger get the private note, never a gentler way to say them.
        note = private_note(request.user, form.cleaned_data["text"])
        analysis = None if note else helper.analyze(form.cleaned_data["text"])
    if request.htmx:
        ctx = {"form": form, "analysis": analysis, "use_form": UseRewriteForm()}
        ctx["gentle_already"] = helper.GENTLE_ALREADY
        ctx["private_note"] = note
        return render(request, "conversations/rephrase.html#result", ctx)
    return _rephrase_page(request, form, analysis=analysis, private_note=note)


@login_required
@require_POST
def rephrase_use(request: HttpRequest) -> HttpResponse:
    """ "I'll say it this way": counts toward the goal; the words are kept only if asked."""
    user = request.user
    form = UseRewriteForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, errors[0])
        return redirect("talk_rephrase")
    if form.cleaned_data["save"]:
        GentleNote.objects.create(owner=user, text=form.cleaned_data["rewrite"])
        messages.success(request, "Good choice. It's kept in your notes below, for you alone.")
    else:
        messages.success(request, "Good choice. Asking with curiosity is a kind thing to do.")
    counting.tell(request, counting.count_toward_goal(user=user, slug=counting.CURIOSITY))
    return redirect("talk_rephrase")


@login_required
@require_POST
def note_delete(request: HttpRequest, pk: int) -> HttpResponse:
    get_object_or_404(GentleNote.objects.visible_to(request.user), pk=pk).delete()
    messages.success(request, "That note is gone.")
    return redirect("talk_rephrase")


# --- Repair queue -------------------------------------------------------------------------


def _suggestions(now, zone) -> list[tuple[str, str]]:
    return [(local_value(m, zone), local_label(m, zone)) for m in suggested_times(now, zone)]


@login_required
def repair(request: HttpRequest) -> HttpResponse:
    user, now = request.user, timezone.now()
    data = request.POST if request.method == "POST" else None
    form = RepairForm(data, now=now, zone=user.zone)
    if data is not None and form.is_valid():
        item = RepairItem.objects.create(
            owner=user, issue=form.cleaned_data["issue"], talk_at=form.cleaned_data["talk_at"]
        )
        label = local_label(item.talk_at, user.zone)
        messages.success(request, f"Noted for {label}. Here's a gentle way to go about it.")
        return redirect("talk_repair_item", pk=item.pk)
    mine = RepairItem.objects.visible_to(user)
    ctx = {
        "form": form,
        "suggestions": _suggestions(now, user.zone),
        "waiting": [(item, item.time_has_passed(now=now)) for item in mine.waiting()],
        "repaired": list(mine.repaired().order_by("-repaired_at")[:RECENT]),
        "time_passed": wording.TIME_PASSED,
        **_step_offer(user, counting.REPAIR_EARLY),
    }
    return render(request, "conversations/repair.html", ctx)


def _repair_page(request: HttpRequest, item: RepairItem, form: CalmTimeForm | None = None):
    user, now = request.user, timezone.now()
    ctx = {
        "item": item,
        "private_note": private_note(user, item.issue),
        "passed": item.time_has_passed(now=now),
        "talk_label": local_label(item.talk_at, user.zone),
        "form": form or CalmTimeForm(now=now, zone=user.zone),
        "suggestions": _suggestions(now, user.zone),
        "guide": wording.REPAIR_GUIDE,
        "time_passed": wording.TIME_PASSED,
        **_step_offer(user, counting.REPAIR_EARLY),
    }
    response = render(request, "conversations/repair_item.html", ctx)
    add_never_cache_headers(response)  # a private note may show: never kept by the browser
    return response


@login_required
def repair_item(request: HttpRequest, pk: int) -> HttpResponse:
    return _repair_page(
        request, get_object_or_404(RepairItem.objects.visible_to(request.user), pk=pk)
    )


@login_required
@require_POST
def repair_done(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    item = get_object_or_404(RepairItem.objects.visible_to(user), pk=pk)
    messages.success(request, wording.THAT_TOOK_COURAGE)
    if item.repaired_at is None:
        item.repaired_at = timezone.now()
        item.save(update_fields=["repaired_at"])
        counting.tell(request, counting.count_toward_goal(user=user, slug=counting.REPAIR_EARLY))
    return redirect("talk_repair_item", pk=item.pk)


@login_required
@require_POST
def repair_time(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    item = get_object_or_404(RepairItem.objects.visible_to(user), pk=pk)
    if item.is_repaired:
        messages.info(request, "This one is already repaired, so it needs no new time.")
        return redirect("talk_repair_item", pk=item.pk)
    form = CalmTimeForm(request.POST, now=timezone.now(), zone=user.zone)
    if not form.is_valid():
        return _repair_page(request, item, form)
    item.talk_at = form.cleaned_data["talk_at"]
    item.save(update_fields=["talk_at"])
    messages.success(request, f"Your new time is {local_label(item.talk_at, user.zone)}.")
    return redirect("talk_repair_item", pk=item.pk)


@login_required
@require_POST
def repair_delete(request: HttpRequest, pk: int) -> HttpResponse:
    get_object_or_404(RepairItem.objects.visible_to(request.user), pk=pk).delete()
    messages.success(request, "It's off your list. Letting something go is okay too.")
    return redirect("talk_repair")
