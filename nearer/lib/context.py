from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict:
    """Values every page needs: the quick-exit address for the safety controls."""
    return {"QUICK_EXIT_URL": settings.NEARER_QUICK_EXIT_URL}
