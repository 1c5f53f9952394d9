"""The site's URLs plus a bare authenticated view, the yardstick Today is compared with.

Only ``bench.settings`` uses this URLconf, so the bare view never exists in the real site.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.urls import path

from nearer.urls import urlpatterns as site_urlpatterns


@login_required
def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


urlpatterns = [path("bench/bare/", bare, name="bench_bare"), *site_urlpatterns]
