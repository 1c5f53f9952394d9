from collections.abc import AsyncIterator, Iterator
from itertools import islice

from asgiref.sync import sync_to_async
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.handlers.asgi import ASGIRequest
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from nearer.exports import formats
from nearer.exports.ics import build_calendar
from nearer.exports.models import CalendarFeed
from nearer.goals.models import Goal, HardSeason

ICS_TYPE = "text/calendar; charset=utf-8"
CSV_TYPE = "text/csv; charset=utf-8"
CHUNKS_PER_HOP = 200  # under ASGI, lines fetched per trip to the database thread


def _ics_response(cal, *, filename: str | None = None) -> HttpResponse:
    response = HttpResponse(cal.to_ical(), content_type=ICS_TYPE)
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def calendar_settings(request: HttpRequest) -> HttpResponse:
    feed = CalendarFeed.objects.visible_to(request.user).first()
    ctx: dict = {"feed": feed}
    if feed is not None:
        path = reverse("calendar_feed", args=[feed.token])
        ctx["feed_url"] = request.build_absolute_uri(path)
        ctx["webcal_url"] = "webcal://" + request.get_host() + path
    return render(request, "exports/calendar.html", ctx)


@login_required
@require_POST
def calendar_new(request: HttpRequest) -> HttpResponse:
    had_one = CalendarFeed.objects.visible_to(request.user).exists()
    CalendarFeed.objects.issue(owner=request.user)
    if had_one:
        messages.success(
            request, "Here is your new calendar address. The old one stopped working just now."
        )
    else:
        messages.success(request, "Your calendar address is ready.")
    return redirect("calendar_settings")


@login_required
@require_POST
def calendar_off(request: HttpRequest) -> HttpResponse:
    CalendarFeed.objects.visible_to(request.user).delete()
    messages.info(
        request, "Your calendar address is turned off. Calendars that used it stop updating."
    )
    return redirect("calendar_settings")


@require_safe
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """Public by token: calendar apps can't log in. Unknown or revoked tokens are a 404."""
    feed = get_object_or_404(CalendarFeed.objects.by_token(token))
    owner = feed.owner
    goals = Goal.objects.editable_by(owner).active().order_by("pk")
    seasons = HardSeason.objects.filter(owner=owner)
    return _ics_response(build_calendar(owner=owner, goals=goals, seasons=seasons))


@login_required
@require_safe
def goal_calendar(request: HttpRequest, pk: int) -> HttpResponse:
    goal = get_object_or_404(Goal.objects.editable_by(request.user), pk=pk)
    seasons = HardSeason.objects.filter(owner=request.user)
    cal = build_calendar(owner=request.user, goals=[goal], seasons=seasons)
    return _ics_response(cal, filename=f"nearer-goal-{goal.pk}.ics")


@login_required
def export(request: HttpRequest) -> HttpResponse:
    return render(request, "exports/export.html")


def _download(
    request: HttpRequest, chunks: Iterator[str], *, name: str, ext: str, content_type: str
) -> StreamingHttpResponse:
    content: Iterator[str] | AsyncIterator[str] = chunks
    if isinstance(request, ASGIRequest):
        content = _hop_to_async(chunks)
    response = StreamingHttpResponse(content, content_type=content_type)
    filename = f"nearer-{name}-{request.user.today().isoformat()}.{ext}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


async def _hop_to_async(chunks: Iterator[str]) -> AsyncIterator[str]:
    """Serve a database-reading generator under ASGI without loading it all in memory.

    Django would otherwise turn a synchronous iterator into one big list first.
    """
    next_lines = sync_to_async(lambda: list(islice(chunks, CHUNKS_PER_HOP)))
    while lines := await next_lines():
        for line in lines:
            yield line


@login_required
@require_safe
def goals_json(request: HttpRequest) -> StreamingHttpResponse:
    chunks = formats.json_chunks(request.user)
    return _download(request, chunks, name="goals", ext="json", content_type="application/json")


@login_required
@require_safe
def goals_csv(request: HttpRequest) -> StreamingHttpResponse:
    chunks = formats.goals_csv_chunks(request.user)
    return _download(request, chunks, name="goals", ext="csv", content_type=CSV_TYPE)


@login_required
@require_safe
def checkins_csv(request: HttpRequest) -> StreamingHttpResponse:
    chunks = formats.checkins_csv_chunks(request.user)
    return _download(request, chunks, name="checkins", ext="csv", content_type=CSV_TYPE)
