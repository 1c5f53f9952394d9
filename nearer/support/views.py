from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def support(request: HttpRequest) -> HttpResponse:
    """The three support offers side by side, open to everyone, so a member can choose."""
    return render(request, "support/support.html")
