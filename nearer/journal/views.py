"""Journal pages. Entries are fetched through ``Entry.objects.visible_to`` (read) or
``editable_by`` (change): anyone else gets a 404, a partner reads shared entries only.

The editor is a plain form that saves without JavaScript; static/journal/autosave.js adds
autosave on top, posting the same form (with ``autosave=1``) and reading JSON replies.

When the words suggest danger, the writer (and only the writer) finds a private note beside
the editor (``nearer.safety.notes``). It is read afresh from the words whenever the editor is
drawn or an autosave is answered, after the entry is saved: nothing about it is stored.
"""

import functools
import json
import logging
from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from nearer.journal import exports
from nearer.journal.actions import SaveResult, save_entry
from nearer.journal.forms import EntryForm, MemberPromptForm
from nearer.journal.models import (
    MAX_OWN_PROMPTS,
    AnyPrompt,
    Entry,
    MemberPrompt,
    Mood,
    Prompt,
    prompt_choices,
    prompt_of_the_day,
    prompt_param,
)
from nearer.lib.crypto import CannotDecrypt, KeyUnavailable
from nearer.program.models import JournalPrompt
from nearer.safety.notes import private_note

logger = logging.getLogger(__name__)

PER_PAGE = 30
SEARCH_LIMIT = 5_000  # newest entries searched; decrypting is per entry, in Python
MAX_QUERY = 200
UNAVAILABLE = (
    "The journal can't be opened right now: its key is missing on this server. "
    "Nothing has been changed. Please let whoever runs this Nearer know."
)
CONFLICT = (
    "This entry was changed in another window or device since this page opened, so we "
    "didn't save over it. You can keep both (yours becomes a new entry) or open the newer one."
)
SAVED = "Saved."
NO_PARTNER = "Sharing needs a linked partner. The entry stays private."
UNKNOWN_PROMPT = "We couldn't find that prompt, so the page starts without one."
PROMPTS = ("prompt", "extra_prompt", "own_prompt")  # an entry's prompt, wherever it came from
FORM_FIELDS = {"prompt": "prompt", "extra": "extra_prompt", "own": "own_prompt"}


def _is_id(raw: str) -> bool:
    return raw.isascii() and raw.isdigit() and len(raw) < 10


def _wants_json(request: HttpRequest) -> bool:
    if request.method == "POST" and request.POST.get("autosave") == "1":
        return True
    return "application/json" in request.headers.get("Accept", "")


def journal_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Logged-in members only; private caching only; a missing key is a calm 503, not a 500."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            if _wants_json(request):
                message = "You're logged out. Your words are kept on this device; log in again."
                return JsonResponse({"outcome": "logged_out", "message": message}, status=401)
            return redirect_to_login(request.get_full_path())
        try:
            response = view(request, *args, **kwargs)
        except (CannotDecrypt, KeyUnavailable):
            logger.exception("The journal key is missing or does not open the stored entries.")
            if _wants_json(request):
                return JsonResponse({"outcome": "unavailable", "message": UNAVAILABLE}, status=503)
            response = render(request, "journal/unavailable.html", status=503)
        response.headers.setdefault("Cache-Control", "private, no-store")
        return response

    return wrapper


def _own_entry(request: HttpRequest, pk: int) -> Entry:
    return get_object_or_404(Entry.objects.editable_by(request.user), pk=pk)


def _saved_at(entry: Entry, user) -> str:
    return timezone.localtime(entry.updated_at, user.zone).strftime("%H:%M")


def _entry_json(result: SaveResult, user, **extra) -> dict:
    entry = result.entry
    return {
        "outcome": result.outcome,
        "id": entry.pk,
        "url": entry.get_absolute_url(),
        "version": entry.version,
        "saved_at": _saved_at(entry, user),
        **extra,
    }


def _words(title: str, body: str) -> str:
    return f"{title}\n\n{body}"


def _note_html(request: HttpRequest, title: str, body: str) -> str:
    """The writer's private note as HTML for an autosave reply, or "" when there is none."""
    note = private_note(request.user, _words(title, body))
    if note is None:
        return ""
    return render_to_string("safety/_private_note.html", {"private_note": note}, request=request)


def _save_reply(request: HttpRequest, form: EntryForm, entry: Entry | None) -> HttpResponse:
    """Validate, save, and answer as JSON (autosave) or as a page (plain form)."""
    user = request.user
    as_json = _wants_json(request)
    if not form.is_valid():
        if as_json:
            return JsonResponse({"outcome": "invalid", "messages": form.messages()}, status=400)
        return _editor(request, form, entry=entry, status=400)
    result = save_entry(author=user, entry=entry, data=form.cleaned_data)
    if result.outcome == "conflict":
        if as_json:
            current = result.entry
            payload = _entry_json(
                result,
                user,
                message=CONFLICT,
                title=current.title,
                body=current.body,
                mood=current.mood,
                note=_note_html(request, form.cleaned_data["title"], form.cleaned_data["body"]),
            )
            return JsonResponse(payload, status=409)
        return _editor(request, form, entry=entry, conflict=result.entry, status=409)
    if as_json:
        # Read only now, once the words are saved: the note never holds up a save.
        saved = result.entry
        note = _note_html(request, saved.title, saved.body)
        status = 201 if result.outcome == "created" else 200
        return JsonResponse(_entry_json(result, user, note=note), status=status)
    messages.success(request, SAVED)
    return redirect(result.entry)


def _editor(
    request: HttpRequest,
    form: EntryForm,
    *,
    entry: Entry | None,
    conflict: Entry | None = None,
    note: str = "",
    prompt_text: str = "",
    status: int = 200,
) -> HttpResponse:
    if entry is not None and not prompt_text:
        prompt_text = entry.prompt_text
    elif form.is_bound and not prompt_text and form.is_valid():
        data = form.cleaned_data
        chosen = data.get("own_prompt") or data.get("extra_prompt") or data.get("prompt")
        prompt_text = chosen.text if chosen else ""
    if form.is_bound:  # a conflict: the words as typed, not saved over the newer version
        valid = form.is_valid()
        title = form.cleaned_data["title"] if valid else ""
        body = form.cleaned_data["body"] if valid else ""
    elif entry is not None:
        title, body = entry.title, entry.body
    else:
        title = body = ""
    ctx = {
        "form": form,
        "entry": entry,
        "private_note": private_note(request.user, _words(title, body)),
        "conflict": conflict,
        "note": note,
        "prompt_text": prompt_text,
        "linked": request.user.couple_id is not None,
    }
    return render(request, "journal/editor.html", ctx, status=status)


@journal_view
@require_safe
def journal_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY]
    mood = request.GET.get("mood", "")
    mood_problem = ""
    if mood and mood not in Mood.values:
        mood, mood_problem = "", "We don't know that mood, so all entries are shown."
    entries = Entry.objects.editable_by(user).select_related(*PROMPTS)
    if mood:
        entries = entries.filter(mood=mood)
    searched_all = True
    found: object = entries
    if query:
        newest = list(entries[: SEARCH_LIMIT + 1])
        searched_all = len(newest) <= SEARCH_LIMIT
        found = [e for e in newest[:SEARCH_LIMIT] if e.matches(query)]
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    today_prompt = prompt_of_the_day(user)
    ctx = {
        "page": page,
        "query": query,
        "mood": mood,
        "moods": Mood.choices,
        "mood_problem": mood_problem,
        "searched_all": searched_all,
        "search_limit": SEARCH_LIMIT,
        "today_prompt": today_prompt,
        "today_prompt_param": prompt_param(today_prompt) if today_prompt else "",
        "shared_count": Entry.objects.shared_with(user).count(),
        "has_entries": Entry.objects.editable_by(user).exists(),
    }
    return render(request, "journal/list.html", ctx)


@journal_view
def journal_new(request: HttpRequest) -> HttpResponse:
    user = request.user
    if request.method == "POST":
        form = EntryForm(request.POST, user=user, is_new=True)
        return _save_reply(request, form, None)
    if request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
    initial, note, prompt_text = {}, "", ""
    sources = {
        "prompt": JournalPrompt.objects.active(),
        "extra": Prompt.objects.active(),
        "own": MemberPrompt.objects.visible_to(user),
    }
    asked = [(name, request.GET[name]) for name in sources if name in request.GET]
    if asked:
        name, raw = asked[0]
        chosen: AnyPrompt | None = None
        if _is_id(raw):
            chosen = sources[name].filter(pk=int(raw)).first()
        if chosen is None:
            note = UNKNOWN_PROMPT
        else:
            initial[FORM_FIELDS[name]] = chosen.pk
            prompt_text = chosen.text
    form = EntryForm(initial=initial, user=user, is_new=True)
    return _editor(request, form, entry=None, note=note, prompt_text=prompt_text)


@journal_view
def journal_entry(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    if request.method == "POST":
        entry = _own_entry(request, pk)
        form = EntryForm(request.POST, user=user, is_new=False)
        return _save_reply(request, form, entry)
    if request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
    entry = get_object_or_404(
        Entry.objects.visible_to(user).select_related("author", *PROMPTS), pk=pk
    )
    if entry.author_id != user.pk:
        return render(request, "journal/read.html", {"entry": entry})
    initial = {
        "title": entry.title,
        "body": entry.body,
        "mood": entry.mood,
        "version": entry.version,
    }
    form = EntryForm(initial=initial, user=user, is_new=False)
    return _editor(request, form, entry=entry)


@journal_view
@require_POST
def journal_share(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _own_entry(request, pk)
    if request.user.couple_id is None:
        messages.info(request, NO_PARTNER)
    elif not entry.shared_with_partner:
        entry.share()
        messages.success(
            request, "Shared with your partner. They can read this entry, and nothing else."
        )
    return redirect(entry)


@journal_view
@require_POST
def journal_unshare(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _own_entry(request, pk)
    if entry.shared_with_partner:
        entry.unshare()
    messages.success(request, "This entry is private again.")
    return redirect(entry)


@journal_view
def journal_delete(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _own_entry(request, pk)
    if request.method == "POST":
        entry.delete()
        messages.success(request, "The entry is deleted.")
        return redirect("journal")
    return render(request, "journal/delete.html", {"entry": entry})


@journal_view
@require_safe
def journal_shared(request: HttpRequest) -> HttpResponse:
    entries = list(
        Entry.objects.shared_with(request.user)
        .select_related("author", *PROMPTS)
        .order_by("-shared_at", "-pk")
    )
    return render(request, "journal/shared.html", {"entries": entries})


@journal_view
def journal_prompts(request: HttpRequest) -> HttpResponse:
    user = request.user
    own = MemberPrompt.objects.visible_to(user)
    form = MemberPromptForm()
    if request.method == "POST":
        form = MemberPromptForm(request.POST)
        if own.count() >= MAX_OWN_PROMPTS:
            form.add_error(
                None,
                f"You have {MAX_OWN_PROMPTS} prompts of your own, which is as many as we keep. "
                "Remove one to add another.",
            )
        elif form.is_valid():
            MemberPrompt.objects.create(owner=user, text=form.cleaned_data["text"])
            messages.success(request, "Your prompt is added. Only you will see it.")
            return redirect("journal_prompts")
    ctx = {
        "form": form,
        "program_prompts": list(JournalPrompt.objects.active()),
        "extra_prompts": list(Prompt.objects.active()),
        "own_prompts": list(own),
        "today_prompt": prompt_of_the_day(user),
        "count": len(prompt_choices(user)),
    }
    return render(request, "journal/prompts.html", ctx, status=400 if form.errors else 200)


@journal_view
@require_POST
def journal_prompt_delete(request: HttpRequest, pk: int) -> HttpResponse:
    prompt = get_object_or_404(MemberPrompt.objects.visible_to(request.user), pk=pk)
    prompt.delete()
    messages.success(request, "That prompt is removed. Entries you wrote with it stay.")
    return redirect("journal_prompts")


def _download(request: HttpRequest, content: str, *, ext: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    name = f"nearer-journal-{request.user.today().isoformat()}.{ext}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@journal_view
@require_safe
def journal_export_json(request: HttpRequest) -> HttpResponse:
    data = exports.as_data(request.user)
    content = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return _download(request, content, ext="json", content_type="application/json")


@journal_view
@require_safe
def journal_export_markdown(request: HttpRequest) -> HttpResponse:
    content = exports.as_markdown(request.user)
    return _download(request, content, ext="md", content_type="text/markdown; charset=utf-8")
