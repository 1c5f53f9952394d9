"""Site-wide pages that belong to no single app: the front door, the health check, and the
pages for a server error and a form that failed its CSRF check."""

import logging

from django.conf import settings
from django.db import connection
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseForbidden,
    HttpResponseServerError,
    JsonResponse,
)
from django.shortcuts import redirect, render
from django.template import loader
from django.utils.html import escape
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token

from nearer.accounts.views import PENDING_TOKEN_KEY
from nearer.today import views as today_views


def home(request: HttpRequest) -> HttpResponse:
    """The landing page for visitors; for a logged-in member, Today."""
    if not request.user.is_authenticated:
        return render(request, "home/landing.html")
    token = request.session.get(PENDING_TOKEN_KEY)
    if token:
        return redirect("partner_join", token=token)
    return today_views.today(request)


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


logger = logging.getLogger(__name__)

# The last resort when even templates/500.html cannot be drawn: still the way out.
PLAIN_SERVER_ERROR = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin"><meta name="robots" content="noindex">
<title>Something went wrong · Nearer</title></head>
<body><p><a href="{exit_url}" class="quick-exit" data-quick-exit rel="nofollow noreferrer"
>Exit this page</a></p>
<h1>Something went wrong on our side</h1>
<p>It isn't anything you did. Please try again in a little while.</p>
<p>If you or anyone else is in danger right now, call your local emergency number.</p>
</body></html>
"""


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page, with the quick exit like every other page (``handler500``).

    Drawn without context processors, the database or base.html, since any of them may be
    what broke; the exit address comes straight from settings."""
    exit_url = settings.NEARER_QUICK_EXIT_URL
    try:
        html = loader.render_to_string("500.html", {"QUICK_EXIT_URL": exit_url})
    except Exception:
        logger.exception("Could not draw the error page; sending the plain one")
        html = PLAIN_SERVER_ERROR.format(exit_url=escape(exit_url))
    return HttpResponseServerError(html)


CSRF_FAILED = (
    "This form was open too long or came from somewhere else. "
    "Please go back, reload the page and try again."
)

# The last resort when templates/403.html cannot be drawn: still the way out.
PLAIN_CSRF_FAILURE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin"><meta name="robots" content="noindex">
<title>Not available · Nearer</title></head>
<body><p><a href="{exit_url}" class="quick-exit" data-quick-exit rel="nofollow noreferrer"
>Exit this page</a></p>
<h1>This form couldn't be sent</h1>
<p>{problem}</p>
</body></html>
"""


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form that failed its CSRF check (``CSRF_FAILURE_VIEW``): the site's 403 page, with the
    quick exit, and a gentle line on what to do. Django has logged the reason already.

    Drawn with the request when it can be (the member's own menu); if that fails, without it,
    like the 500 page; and if even that fails, as plain HTML that still has the exit."""
    context = {"QUICK_EXIT_URL": settings.NEARER_QUICK_EXIT_URL, "form_problem": CSRF_FAILED}
    for with_request in (request, None):
        try:
            return HttpResponseForbidden(loader.render_to_string("403.html", context, with_request))
        except Exception:
            logger.exception("Could not draw the 403 page for a failed form")
    html = PLAIN_CSRF_FAILURE.format(
        exit_url=escape(settings.NEARER_QUICK_EXIT_URL), problem=escape(CSRF_FAILED)
    )
    return HttpResponseForbidden(html)
