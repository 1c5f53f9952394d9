"""The site's URLs plus two that fail on purpose, for the error-page tests (with the site's
own error handlers)."""

from django.core.exceptions import PermissionDenied
from django.urls import path

from nearer.urls import handler500
from nearer.urls import urlpatterns as site_urlpatterns


def broken(request):
    raise RuntimeError("a bug, on purpose")


def forbidden(request):
    raise PermissionDenied


urlpatterns = [path("broken/", broken), path("forbidden/", forbidden), *site_urlpatterns]

__all__ = ["handler500", "urlpatterns"]
