from django.http import HttpRequest, HttpResponse


def too_hard(request: HttpRequest) -> HttpResponse:
    return HttpResponse("too hard")
