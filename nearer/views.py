"""Site-wide pages that belong to no single app: the front door and the health check."""

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

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
