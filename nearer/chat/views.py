"""Neighbor Chat pages. Members: ask for a chat, wait, talk, end, report, leave feedback,
delete their history. Listeners: the available/away switch, the queue, their chats.

Every page also works without JavaScript (forms and a refresh link) and without WebSocket
(the page's script falls back to ``send`` and ``messages_after``). A conversation is always
fetched through ``Conversation.objects.visible_to`` (its member, or its active listener), or
``of_member`` for what only the member may do: anyone else gets a 404.
"""

import uuid

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe
from django_htmx.http import HttpResponseClientRefresh

from nearer.chat import actions, care, delivery
from nearer.chat.actions import ChatError, Gone, NotAllowed
from nearer.chat.forms import (
    AvailabilityForm,
    FeedbackForm,
    MessageForm,
    ReportForm,
    RequestForm,
)
from nearer.chat.models import Conversation, Listener, Message, Role
from nearer.chat.wording import waited
from nearer.safety.resources import country_for, emergency_number


def _visible_or_404(request: HttpRequest, pk: uuid.UUID) -> Conversation:
    return get_object_or_404(
        Conversation.objects.visible_to(request.user).select_related("listener"), pk=pk
    )


def _own_or_404(request: HttpRequest, pk: uuid.UUID) -> Conversation:
    return get_object_or_404(
        Conversation.objects.of_member(request.user).select_related("listener"), pk=pk
    )


def _listener_or_404(request: HttpRequest) -> Listener:
    listener = Listener.active_for(request.user)
    if listener is None:
        raise Http404("No listener role.")
    return listener


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _emergency_context(member) -> dict:
    """The emergency number in the member's own country, for the "not a crisis service" note."""
    return {"emergency_number": emergency_number(country_for(member))}


def _rows(conversation: Conversation, items, role: str) -> list[dict]:
    return [
        {
            "message": m,
            "name": conversation.name_for(m.author),
            "mine": m.author == role,
        }
        for m in items
    ]


# --- members ---------------------------------------------------------------------------------


@login_required
@never_cache
def request_page(request: HttpRequest) -> HttpResponse:
    """Ask for a chat. A member with a chat open goes straight back to it."""
    user = request.user
    current = Conversation.objects.of_member(user).open().first()
    if current is not None:
        return redirect("chat_conversation", pk=current.pk)
    form = RequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            conversation = actions.request_chat(member=user, topic=form.cleaned_data["topic"])
        except ChatError as e:
            form.add_error("topic", e.message)
        else:
            return redirect("chat_conversation", pk=conversation.pk)
    ctx = {
        "form": form,
        "someone_free": Listener.objects.available().exclude(user=user).exists(),
        "has_history": Conversation.objects.of_member(user).exists(),
        "is_listener": Listener.active_for(user) is not None,
        "retention_days": settings.NEARER_CHAT_RETENTION_DAYS,
        **_emergency_context(user),
    }
    return render(request, "chat/request.html", ctx, status=400 if form.errors else 200)


def _page(request: HttpRequest, conversation: Conversation, **extra) -> HttpResponse:
    role = conversation.role_of(request.user)
    items = list(conversation.messages.order_by("seq"))
    is_member = role == Role.MEMBER
    ctx = {
        "conversation": conversation,
        "role": role,
        "is_member": is_member,
        "rows": _rows(conversation, items, role),
        "last_seq": items[-1].seq if items else 0,
        "other_name": (
            conversation.name_for(Role.LISTENER)
            if is_member and conversation.listener_id
            else conversation.member_pseudonym
            if not is_member
            else ""
        ),
        # The latest finding in the member's words (or the request's topic): the same card,
        # in the same order, as the live event brought.
        "care": bool(conversation.concern),
        "form": extra.pop("form", None) or MessageForm(initial={"client_id": uuid.uuid4()}),
        "message_bytes": settings.NEARER_CHAT_MESSAGE_BYTES,
        **extra,
    }
    if is_member:
        ctx["care_card"] = care.member_card(conversation)
        ctx.update(_emergency_context(request.user))
    else:
        ctx["care_prompt"] = care.listener_prompt(conversation)
    if conversation.is_waiting:
        ctx["place"] = conversation.place_in_queue()
        ctx["someone_free"] = Listener.objects.available().exclude(user=request.user).exists()
    if is_member and conversation.is_ended and conversation.listener_id:
        given = hasattr(conversation, "feedback")
        ctx["feedback_given"] = given
        if not given:
            ctx["feedback_form"] = extra.get("feedback_form") or FeedbackForm()
    status = extra.get("status", 200)
    return render(request, "chat/conversation.html", ctx, status=status)


@login_required
@require_safe
@never_cache
def conversation(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    return _page(request, _visible_or_404(request, pk))


@login_required
@require_POST
def send(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    """The form (and the script without WebSocket) sends here; the same action as the socket."""
    conversation = _visible_or_404(request, pk)
    form = MessageForm(request.POST)
    raw_id = request.POST.get("client_id", "")
    try:
        if not form.is_valid():
            raise ChatError("invalid", "That message id isn't a UUID. Please reload the page.")
        message, created = actions.send_message(
            conversation=conversation,
            user=request.user,
            client_id=form.cleaned_data["client_id"] or uuid.uuid4(),
            body=form.cleaned_data["body"],
        )
    except (NotAllowed, Gone) as e:
        raise Http404("Not a participant.") from e
    except ChatError as e:
        if _wants_json(request):
            frame = {"type": "error", "code": e.code, "message": e.message}
            if raw_id:
                frame["client_id"] = raw_id
            return JsonResponse(frame, status=429 if e.code == "rate_limited" else 400)
        return _page(request, conversation, form=form, problem=e.message, status=400)
    if created:
        delivery.message_saved(message, message.conversation)
    if _wants_json(request):
        return JsonResponse(
            {"type": "ack", "client_id": str(message.client_id), "seq": message.seq}
        )
    return redirect(reverse("chat_conversation", args=[conversation.pk]) + "#compose")


@login_required
@require_safe
@never_cache
def messages_after(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    """Messages after ``?after=<seq>``: JSON for the script, an HTML fragment otherwise."""
    conversation = _visible_or_404(request, pk)
    role = conversation.role_of(request.user)
    raw = request.GET.get("after", "0").strip() or "0"
    if not raw.isdigit() or len(raw) > 9:
        problem = "Please give after as a whole number from 0, the last seq you have."
        if _wants_json(request):
            return JsonResponse(
                {"type": "error", "code": "invalid", "message": problem}, status=400
            )
        return HttpResponse(problem, status=400, content_type="text/plain; charset=utf-8")
    items = list(
        Message.objects.filter(conversation=conversation, seq__gt=int(raw)).order_by("seq")
    )
    if not _wants_json(request):
        ctx = {"rows": _rows(conversation, items, role), "role": role}
        return render(request, "chat/_messages.html", ctx)
    flagged = [m for m in items if m.concern]
    data = {
        "status": conversation.status,
        "last_seq": conversation.last_seq,
        "place": conversation.place_in_queue(),
        "messages": [
            {**m.payload(name=conversation.name_for(m.author)), "mine": m.author == role}
            for m in items
        ],
    }
    if flagged:
        event = delivery.care_event(flagged[-1], conversation)
        data["care"] = {"type": "care", "for": role, "seq": event["seq"], **event[role]}
    return JsonResponse(data)


@login_required
@require_safe
@never_cache
def place(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    """The waiting member's place in the queue, for htmx polling; a refresh once connected."""
    conversation = _own_or_404(request, pk)
    if not request.htmx:
        return redirect("chat_conversation", pk=conversation.pk)
    if not conversation.is_waiting:
        return HttpResponseClientRefresh()
    ctx = {
        "conversation": conversation,
        "place": conversation.place_in_queue(),
        "someone_free": Listener.objects.available().exclude(user=request.user).exists(),
    }
    return render(request, "chat/conversation.html#place", ctx)


@login_required
@require_POST
def end(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    conversation = _visible_or_404(request, pk)
    was_waiting = conversation.is_waiting
    try:
        actions.end_chat(conversation=conversation, user=request.user)
    except (NotAllowed, Gone) as e:
        raise Http404("Not a participant.") from e
    if conversation.role_of(request.user) == Role.LISTENER:
        messages.success(request, "The chat has ended. Thank you for listening.")
        return redirect("listen")
    if was_waiting:
        messages.success(request, "You've left the queue. You're welcome back any time.")
        return redirect("chat")
    return redirect("chat_conversation", pk=conversation.pk)


@login_required
@never_cache
def report(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    """Report and block in one step, from inside the chat."""
    conversation = _visible_or_404(request, pk)
    if conversation.listener_id is None:
        raise Http404("Nobody to report yet.")
    role = conversation.role_of(request.user)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.report_and_block(
                conversation=conversation,
                user=request.user,
                reason=form.cleaned_data["reason"],
                details=form.cleaned_data["details"],
            )
        except (NotAllowed, Gone) as e:
            raise Http404("Not a participant.") from e
        if role == Role.LISTENER:
            messages.success(
                request,
                "Thank you for telling us. The moderators will look at this, and you won't be "
                "matched with this member again.",
            )
            return redirect("listen")
        messages.success(
            request,
            "Thank you for telling us. The chat has ended, the moderators will look at what "
            "happened, and you won't be matched with this listener again.",
        )
        return redirect("chat")
    ctx = {
        "conversation": conversation,
        "form": form,
        "other_name": conversation.name_for(Role.LISTENER if role == Role.MEMBER else Role.MEMBER),
        "is_member": role == Role.MEMBER,
    }
    return render(request, "chat/report.html", ctx, status=400 if form.errors else 200)


@login_required
@require_POST
def feedback(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    conversation = _own_or_404(request, pk)
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return _page(request, conversation, feedback_form=form, status=400)
    try:
        actions.leave_feedback(
            conversation=conversation,
            member=request.user,
            rating=form.cleaned_data["rating"],
            words=form.cleaned_data["words"],
        )
    except ChatError as e:
        messages.error(request, e.message)
    else:
        messages.success(request, "Thank you. That helps us look after this service.")
    return redirect("chat_conversation", pk=conversation.pk)


@login_required
@require_POST
def delete(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    conversation = _own_or_404(request, pk)
    actions.delete_history(member=request.user, conversation=conversation)
    messages.success(request, "Deleted. That chat is gone, for you and for the listener.")
    return redirect("chat_history")


@login_required
@require_safe
@never_cache
def history(request: HttpRequest) -> HttpResponse:
    conversations = (
        Conversation.objects.of_member(request.user)
        .select_related("listener")
        .order_by("-created_at")
    )
    ctx = {
        "conversations": conversations,
        "retention_days": settings.NEARER_CHAT_RETENTION_DAYS,
    }
    return render(request, "chat/history.html", ctx)


@login_required
@require_POST
def delete_history(request: HttpRequest) -> HttpResponse:
    count = actions.delete_history(member=request.user)
    if count:
        messages.success(
            request, "Deleted. Your chat history is gone, for you and for the listeners."
        )
    else:
        messages.info(request, "There was no chat history to delete.")
    return redirect("chat_history")


@login_required
@require_safe
def guidelines(request: HttpRequest) -> HttpResponse:
    return render(request, "chat/guidelines.html")


# --- listeners -------------------------------------------------------------------------------


def _queue_rows(listener: Listener) -> list[dict]:
    now = timezone.now()
    return [
        {"conversation": c, "waited": waited(c.waited(now))}
        for c in Conversation.objects.queue_for(listener)[:50]
    ]


@login_required
@require_safe
@never_cache
def listen(request: HttpRequest) -> HttpResponse:
    listener = _listener_or_404(request)
    chats = list(Conversation.objects.listened_by(request.user).active().order_by("accepted_at"))
    ctx = {
        "listener": listener,
        "queue": _queue_rows(listener),
        "chats": chats,
        "room": max(0, listener.max_chats - len(chats)),
    }
    return render(request, "chat/listen.html", ctx)


@login_required
@require_safe
@never_cache
def queue(request: HttpRequest) -> HttpResponse:
    """The waiting queue as a fragment, for htmx polling on the listener's page."""
    listener = _listener_or_404(request)
    chats = Conversation.objects.listened_by(request.user).active().count()
    ctx = {
        "listener": listener,
        "queue": _queue_rows(listener),
        "room": max(0, listener.max_chats - chats),
    }
    return render(request, "chat/listen.html#queue", ctx)


@login_required
@require_POST
def availability(request: HttpRequest) -> HttpResponse:
    listener = _listener_or_404(request)
    form = AvailabilityForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Please choose available or away.")
        return redirect("listen")
    actions.set_available(listener=listener, available=form.cleaned_data["available"])
    if listener.is_available:
        messages.success(request, "You're available. Members waiting can now be connected.")
    else:
        messages.success(request, "You're away. Take care of yourself.")
    return redirect("listen")


@login_required
@require_POST
def accept(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    listener = _listener_or_404(request)
    try:
        conversation = actions.accept_chat(listener=listener, conversation=Conversation(pk=pk))
    except Gone:
        messages.error(request, actions.TAKEN)  # the same words whether it ever existed or not
        return redirect("listen")
    except ChatError as e:
        messages.error(request, e.message)
        return redirect("listen")
    return redirect("chat_conversation", pk=conversation.pk)
